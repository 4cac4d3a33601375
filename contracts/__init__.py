"""The executable layer: typed, integer-exact contract classes, one module per program.

Contracts read their constants from :mod:`spec`; every public method is one transaction with an
explicit caller and an explicit time, checks every precondition before its first write, and
raises a typed error with a stable code (see :mod:`contracts.errors`) on bad input, leaving state
unchanged.
"""
