"""The Assembly tokenomics specification: the normative, symbolic layer.

``spec`` holds the single source of truth that contracts, tests and docs read:

* :mod:`spec.parameters` -- every constant, with its exact value, unit, source and profile;
* :mod:`spec.derivations` -- every figure a reader would quote, derived with SymPy;
* :mod:`spec.invariants` -- the invariant catalog, with stable ids that proposals cite;
* :mod:`spec.cli` -- the ``asmb-spec`` command.
"""

__version__ = "0.10.0"
