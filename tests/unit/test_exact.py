"""Exact number parsing and formatting at the edges of the specification."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from spec.exact import (
    ExactParseError,
    format_decimal,
    format_ratio,
    json_number,
    parse_exact,
    to_fraction,
)


@given(st.fractions())
def test_ratio_round_trip(value: Fraction) -> None:
    assert parse_exact(format_ratio(value)) == value


@given(st.integers())
def test_integers_stay_integers(value: int) -> None:
    assert json_number(value) == value
    assert parse_exact(str(value)) == value


@given(st.decimals(allow_nan=False, allow_infinity=False, places=8))
def test_decimals_are_exact(value: object) -> None:
    text = format(value, "f")
    assert parse_exact(text) == Fraction(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6/100", Fraction(3, 50)),
        ("0.08", Fraction(2, 25)),
        ("1_000", Fraction(1000)),
        ("-.5", Fraction(-1, 2)),
        (" 42 ", Fraction(42)),
    ],
)
def test_accepted_forms(text: str, expected: Fraction) -> None:
    assert parse_exact(text) == expected


@pytest.mark.parametrize("text", ["", "1e3", "nan", "inf", "1/0", "0x10", "1/2/3", "abc", "1.2.3"])
def test_rejected_forms(text: str) -> None:
    with pytest.raises(ExactParseError):
        parse_exact(text)


def test_sympy_rationals_convert_exactly() -> None:
    assert to_fraction(sympy.Rational(625, 675)) == Fraction(25, 27)
    with pytest.raises(TypeError):
        to_fraction(0.5)
    with pytest.raises(TypeError):
        to_fraction(True)


def test_decimal_rendering() -> None:
    assert format_decimal(Fraction(1, 3), 6) == "0.333333"
    assert format_decimal(Fraction(2555, 4)) == "638.75"
    assert format_decimal(0) == "0"
