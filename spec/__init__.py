"""The Assembly tokenomics specification: the normative, symbolic layer.

``spec`` holds the single source of truth that contracts, tests and docs read:

* :mod:`spec.programs` -- one module per program (``supply``, ``prelaunch``, ``postlaunch``, ...),
  each holding its parameters, derivations, invariants and seed-versus-deployed differences;
* :mod:`spec.records`, :mod:`spec.proofs`, :mod:`spec.sources`, :mod:`spec.exact` -- the shared
  core: the record types, how symbolic invariants are proved, where values come from, exact
  arithmetic;
* :mod:`spec.parameters`, :mod:`spec.derivations`, :mod:`spec.invariants`,
  :mod:`spec.differences` -- the registries that gather every program's records by id;
* :mod:`spec.cli` -- the ``asmb-spec`` command.
"""

__version__ = "0.10.0"
