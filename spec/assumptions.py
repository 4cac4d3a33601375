"""The registry of the what-if projection's assumptions (:class:`~spec.records.Assumption`).

Each program module of :mod:`spec.programs` may list ``ASSUMPTIONS``; today the governance
program holds the projection's. An assumption is not a parameter: no contract reads it and no
proposal changes it, but every yield a projection reports depends on it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from spec.programs import PROGRAMS
from spec.records import Assumption

__all__ = ["ASSUMPTIONS", "BY_ID", "Assumption", "defaults", "get"]

ASSUMPTIONS: Final[tuple[Assumption, ...]] = tuple(
    assumption for program in PROGRAMS for assumption in getattr(program, "ASSUMPTIONS", ())
)

BY_ID: Final[dict[str, Assumption]] = {a.id: a for a in ASSUMPTIONS}


def get(assumption_id: str) -> Assumption:
    return BY_ID[assumption_id]


def defaults() -> dict[str, Fraction]:
    """Every assumption at its default value."""
    return {a.id: a.default for a in ASSUMPTIONS}
