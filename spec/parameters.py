"""The parameter registry: every program's constants, looked up by id.

A :class:`~spec.records.Parameter` is a cited record with an exact value; each program module of
:mod:`spec.programs` defines its own, and this registry gathers them in reading order. Ids are
public API: they are never renamed, only retired.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import sympy

from spec.exact import to_fraction
from spec.programs import PROGRAMS
from spec.records import (
    ASMB,
    BOTH,
    DEPLOYED,
    GLOW,
    IOTA_I,
    MI,
    MICRO,
    MICRO_ASMB,
    NANOS,
    NANOS_PER_IOTA,
    RATIO,
    RATIO_RESOLUTION,
    SEED,
    SMR,
    Bounds,
    Environment,
    Parameter,
    Profile,
    named_parameters,
)

__all__ = [
    "ASMB",
    "BOTH",
    "BY_ID",
    "DEPLOYED",
    "GLOW",
    "IOTA_I",
    "MI",
    "MICRO",
    "MICRO_ASMB",
    "NANOS",
    "NANOS_PER_IOTA",
    "PARAMETERS",
    "RATIO",
    "RATIO_RESOLUTION",
    "SEED",
    "SMR",
    "Bounds",
    "Environment",
    "Parameter",
    "Profile",
    "UnknownParameter",
    "check_governable",
    "default_environment",
    "get",
    "integer",
    "ratio",
    "substitutions",
    "symbol",
    "value",
]

PARAMETERS: Final[tuple[Parameter, ...]] = tuple(
    parameter for program in PROGRAMS for parameter in program.PARAMETERS
)

BY_ID: Final[dict[str, Parameter]] = {parameter.id: parameter for parameter in PARAMETERS}


class UnknownParameter(KeyError):
    """No parameter has this id."""


def _check_registry() -> None:
    if len(BY_ID) != len(PARAMETERS):
        raise ValueError("two parameters share an id")
    unknown = sorted(named_parameters() - BY_ID.keys())
    if unknown:
        raise UnknownParameter(f"formulas name parameters that do not exist: {unknown}")


_check_registry()


def get(parameter_id: str) -> Parameter:
    """The parameter with this id."""
    try:
        return BY_ID[parameter_id]
    except KeyError:
        raise UnknownParameter(parameter_id) from None


def value(parameter_id: str) -> sympy.Rational:
    """The exact value of a parameter."""
    return get(parameter_id).value


def integer(parameter_id: str) -> int:
    """The value of an integral parameter as a plain ``int`` (what contracts use)."""
    parameter = get(parameter_id)
    if not parameter.integral:
        raise TypeError(f"{parameter_id} is not an integral parameter")
    return int(parameter.value)


def ratio(parameter_id: str) -> Fraction:
    """The value of a parameter as an exact :class:`fractions.Fraction`."""
    return to_fraction(get(parameter_id).value)


def symbol(parameter_id: str) -> sympy.Symbol:
    """The SymPy symbol of a parameter."""
    return get(parameter_id).symbol


def default_environment() -> dict[str, sympy.Rational]:
    """Every parameter id mapped to its value as published."""
    return {parameter.id: parameter.value for parameter in PARAMETERS}


def check_governable(parameter_id: str, value: Fraction) -> str | None:
    """Why governance may not set ``parameter_id`` to ``value``, or None when it may.

    The parameter must exist and be governable, and the value must lie within its bounds and be
    a whole number of its resolution (basis points for ratios, units for integral parameters).
    """
    parameter = BY_ID.get(parameter_id)
    if parameter is None:
        return f"{parameter_id} is not a parameter of this specification"
    if parameter.governance is None:
        return f"{parameter_id} is not governable (source: {parameter.source.kind})"
    bounds = parameter.governance
    if not bounds.contains(value):
        return f"{parameter_id} = {value} is outside its bounds {bounds.minimum}..{bounds.maximum}"
    step = Fraction(1) if parameter.integral else RATIO_RESOLUTION
    if (value / step).denominator != 1:
        return f"{parameter_id} = {value} is not a whole multiple of {step}"
    return None


def substitutions(environment: Environment, ids: Iterable[str]) -> dict[sympy.Symbol, object]:
    """The SymPy substitution that gives each named parameter its value in ``environment``."""
    return {symbol(parameter_id): environment[parameter_id] for parameter_id in ids}
