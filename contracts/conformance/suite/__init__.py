"""The conformance suite, as installed with the package.

Run it against any implementation without the repository::

    asmb-spec conform --implementation "cmd:./my-node conformance" [--contracts a,b]
    pytest --pyargs contracts.conformance.suite --implementation package.module:factory

It replays every published vector (``contracts/conformance/published``), sweeps every operation
with hostile arguments, and runs differential state machines against the reference. A contract
the implementation answers ``UNSUPPORTED_CONTRACT`` for is skipped; a failing sweep or
differential case is written out as a vector file that ``asmb-spec replay`` replays.
"""
