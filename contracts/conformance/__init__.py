"""The contracts' machine-readable API, for conformance suites and other implementations.

:mod:`.api` lists every contract, its constructor arguments and its operations (JSON in, JSON
out, errors by stable code); :mod:`.drivers` runs those operations on the reference, on another
Python implementation, or on another program through a JSON-lines protocol; :mod:`.adapter` is
that protocol's server for the reference; :mod:`.scenarios` holds the scenarios the test vectors
are generated from.
"""
