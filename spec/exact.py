"""Exact numbers at the edges of the specification: parsing, formatting and JSON.

The specification never uses binary floating point for a value. Numbers typed by a user (on the
command line or in a proposal) are parsed into :class:`fractions.Fraction` from integers, finite
decimals or ``p/q`` ratios; numbers written out are JSON integers when integral and ``"p/q"``
strings otherwise, with an optional decimal rendering for people.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from typing import Any

import sympy

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)")
_RATIO = re.compile(r"([+-]?[0-9]+)/([0-9]+)")


class ExactParseError(ValueError):
    """A text is not an integer, a finite decimal or a ``p/q`` ratio."""


def parse_exact(text: str) -> Fraction:
    """Parse ``text`` as an exact number: ``42``, ``-0.08``, ``6/100`` or ``1_000``.

    Underscores between digits are accepted as separators. Exponents, ``inf`` and ``nan`` are
    rejected: a value that needs them is not an exact protocol quantity.

    >>> parse_exact("6/100"), parse_exact("0.08"), parse_exact("1_000")
    (Fraction(3, 50), Fraction(2, 25), Fraction(1000, 1))
    """
    cleaned = text.strip().replace("_", "")
    if _INTEGER.fullmatch(cleaned):
        return Fraction(int(cleaned))
    if _DECIMAL.fullmatch(cleaned):
        return Fraction(Decimal(cleaned))
    ratio = _RATIO.fullmatch(cleaned)
    if ratio:
        denominator = int(ratio.group(2))
        if denominator == 0:
            raise ExactParseError(f"{text!r} has a zero denominator")
        return Fraction(int(ratio.group(1)), denominator)
    raise ExactParseError(f"{text!r} is not an integer, a decimal or a p/q ratio")


def to_fraction(value: Any) -> Fraction:
    """Convert an ``int``, ``Fraction`` or SymPy rational to a ``Fraction`` exactly."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    raise TypeError(f"{value!r} is not an exact rational number")


def is_exact_rational(value: Any) -> bool:
    """True when ``value`` is an int, a Fraction or a SymPy rational (never a float)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int | Fraction | sympy.Rational)


def format_ratio(value: Any) -> str:
    """Write an exact rational as ``"n"`` when integral, else ``"p/q"`` in lowest terms.

    >>> format_ratio(Fraction(6, 100)), format_ratio(4)
    ('3/50', '4')
    """
    fraction = to_fraction(value)
    if fraction.denominator == 1:
        return str(fraction.numerator)
    return f"{fraction.numerator}/{fraction.denominator}"


def json_number(value: Any) -> int | str:
    """The JSON form of an exact rational: an integer, or a ``"p/q"`` string."""
    fraction = to_fraction(value)
    if fraction.denominator == 1:
        return fraction.numerator
    return format_ratio(fraction)


def format_decimal(value: Any, places: int = 12) -> str:
    """A decimal rendering of an exact rational for people, rounded half-even to ``places``.

    Trailing zeros are dropped; the result is exact whenever the value has a finite decimal
    expansion within ``places`` digits.
    """
    fraction = to_fraction(value)
    with localcontext() as context:
        context.prec = 200
        quotient = Decimal(fraction.numerator) / Decimal(fraction.denominator)
        rounded = quotient.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in {"-0", ""}:
        text = "0"
    return text


def format_grouped(value: int) -> str:
    """An integer with thin-space-free comma grouping, e.g. ``21,909,233``."""
    return f"{value:,}"
