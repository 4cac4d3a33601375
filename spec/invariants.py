"""The invariant catalog: every rule of the specification, looked up by its stable id.

Ids (``ASMB-SUPPLY-01`` style: program, topic, number) are public API that governance proposals
cite: they are never renumbered, only retired. Each program module of :mod:`spec.programs`
defines its own :class:`~spec.records.Invariant` entries; how each is established:

* a **symbolic** invariant carries a ``prove`` function that SymPy runs against the parameters
  (exact simplification, solving, or exact evaluation over a finite domain -- never float
  sampling, see :mod:`spec.proofs`); ``asmb-spec report`` runs every one and fails if one does
  not hold;
* a **state** invariant is a property of contract state; the stateful tests check it after every
  step through the checkers the contracts register (see ``contracts.invariants``).

An invariant may be both. A test (``tests/unit/test_catalog.py``) fails if an entry is checked
by no test.
"""

from __future__ import annotations

from typing import Final

from spec.parameters import default_environment
from spec.programs import PROGRAMS
from spec.proofs import Proof, Prover, Verdict, all_of, exact, identity
from spec.records import FREE_VARIABLES, Environment, Invariant

__all__ = [
    "BY_ID",
    "FREE_VARIABLES",
    "INVARIANTS",
    "LATEX",
    "Invariant",
    "Proof",
    "Prover",
    "Verdict",
    "all_of",
    "exact",
    "get",
    "identity",
    "prove_all",
]

INVARIANTS: Final[tuple[Invariant, ...]] = tuple(
    invariant for program in PROGRAMS for invariant in program.INVARIANTS
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    invariant_id: form for program in PROGRAMS for invariant_id, form in program.LATEX.items()
}

BY_ID: Final[dict[str, Invariant]] = {invariant.id: invariant for invariant in INVARIANTS}


def get(invariant_id: str) -> Invariant:
    """The catalog entry with this id."""
    return BY_ID[invariant_id]


def prove_all(environment: Environment | None = None) -> dict[str, Proof]:
    """Prove every symbolic invariant; the result maps id -> proof."""
    env = default_environment() if environment is None else environment
    return {inv.id: inv.check(env) for inv in INVARIANTS if inv.symbolic}
