"""The derivation registry: every figure a reader would quote, looked up by id.

A :class:`~spec.records.Derivation` is derived exactly with SymPy from the parameters; each
program module of :mod:`spec.programs` defines its own. Nothing is typed in by hand: the seeds'
stated figures (777,600 milestones, 21,909,233 ASMB a day, ...) are *reproduced* and compared
with the quoted figures by the invariant catalog. Evaluation takes an *environment* (parameter
id -> value), so a governance what-if can re-derive every figure under changed parameters.
"""

from __future__ import annotations

from typing import Any, Final

import sympy

from spec import parameters
from spec.programs import PROGRAMS
from spec.records import (
    COMMISSION,
    D1,
    FRACTION,
    INFLATION,
    PERFORMANCE,
    ST,
    U64_MAX,
    U128_MAX,
    Derivation,
    Environment,
)

__all__ = [
    "BY_ID",
    "COMMISSION",
    "D1",
    "DERIVATIONS",
    "FRACTION",
    "INFLATION",
    "PERFORMANCE",
    "ST",
    "U64_MAX",
    "U128_MAX",
    "Derivation",
    "bits_needed",
    "evaluate",
    "get",
    "latex",
]

DERIVATIONS: Final[tuple[Derivation, ...]] = tuple(
    derivation for program in PROGRAMS for derivation in program.DERIVATIONS
)

BY_ID: Final[dict[str, Derivation]] = {d.id: d for d in DERIVATIONS}


def get(derivation_id: str) -> Derivation:
    """The derivation with this id."""
    return BY_ID[derivation_id]


def evaluate(derivation_id: str, environment: Environment | None = None) -> Any:
    """The exact value of a derivation (variables at their worked examples)."""
    return BY_ID[derivation_id].evaluate(environment)


def bits_needed(value: Any) -> int:
    """Bits of an unsigned integer wide enough to hold ``value`` (rounded up if fractional)."""
    return int(sympy.ceiling(value)).bit_length()


def latex(expression: Any) -> str:
    """LaTeX of an expression, parameter symbols written as their ids in typewriter type."""
    names = {
        symbol: r"\mathtt{" + str(symbol).replace("_", r"\_") + "}"
        for symbol in expression.free_symbols
        if str(symbol) in parameters.BY_ID
    }
    return str(sympy.latex(expression, symbol_names=names))
