"""Numbers for readers: the one place where an exact value becomes what a person reads.

The specification holds exact values in base units (µASMB, glow, i, nanos) and exact ratios. A
reader wants whole tokens with a readable magnitude ("8.65 B ASMB"), shares and rates as
percentages ("92.53 %"), counts grouped by thousands ("777,600") -- and the exact value one hover
or tap away. :func:`reading` turns a value and the unit of its record into a :class:`Reading`:
the text a reader sees and, when that text is rounded or converted, the exact value in the
record's own unit; :func:`html` writes it for the site as
``<abbr title="exact: …">8.65 B ASMB</abbr>``.

No raw rational and no number of 15 or more digits is ever in the text: large figures get a
magnitude (M, B, T, then powers of ten), fractions a rounded decimal, and only the tooltip keeps
every digit.
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import sympy

from spec.exact import to_fraction


@dataclass(frozen=True)
class Reading:
    """What a reader sees of a value: ``text``, and the ``exact`` value when ``text`` is rounded
    or in another unit (None when ``text`` is itself exact). ``latex`` is set instead of a number
    when the value is a formula of free variables (e.g. IOTASRB as a function of the stake)."""

    text: str
    exact: str | None = None
    latex: str | None = None


@dataclass(frozen=True)
class Amount:
    """A token unit: how many base units make one whole token, and their names."""

    per_token: int
    token: str
    base: str


#: Base units of the specification and the whole token a reader counts in.
AMOUNTS: Final[dict[str, Amount]] = {
    "µASMB": Amount(10**6, "ASMB", "µASMB"),
    "glow": Amount(10**6, "SMR", "glow"),
    "nanos": Amount(10**9, "IOTA", "nanos"),
    "i": Amount(10**6, "MIOTA", "i"),
    "ASMB": Amount(1, "ASMB", "ASMB"),
    "IOTA": Amount(1, "IOTA", "IOTA"),
}

#: How a per-period unit reads: ``µASMB/day`` is an amount "a day".
PERIODS: Final[dict[str, str]] = {"day": "a day", "year": "a year", "epoch": "an epoch"}

#: Rates per staked token per milestone: base unit per i, read as whole tokens per MIOTA.
PER_STAKE: Final[dict[str, tuple[str, str]]] = {
    "µASMB/(i·milestone)": ("ASMB", "µASMB"),
    "glow/(i·milestone)": ("SMR", "glow"),
}

_SUPERSCRIPT: Final = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_MAGNITUDES: Final = ((10**12, "T"), (10**9, "B"), (10**6, "M"))


# ---------------------------------------------------------------------------------------------
# Plain numbers
# ---------------------------------------------------------------------------------------------


def superscript(exponent: int) -> str:
    """An exponent in superscript digits: ``superscript(15)`` is ``¹⁵``."""
    return str(exponent).translate(_SUPERSCRIPT)


def _rounded(value: Fraction, places: int) -> str:
    """``value`` rounded half-even to ``places`` decimals, grouped, every place written.

    Exact integer arithmetic: a figure of any length rounds correctly (a decimal context of
    fixed precision refuses numerators of more digits than its precision).
    """
    scaled = round(value * 10**places)  # Fraction rounds half to even, exactly
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    text = format(int(whole), ",") + (f".{fraction}" if places else "")
    return f"-{text}" if scaled < 0 else text


def decimal(value: Fraction, places: int) -> str:
    """``value`` rounded half-even to ``places`` decimals, grouped, trailing zeros dropped."""
    text = _rounded(value, places)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text.replace("-", "−")


def terminates(value: Fraction) -> bool:
    """True when ``value`` has a finite decimal expansion (its denominator is 2^a 5^b)."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _exponent(value: Fraction) -> int:
    """The power of ten of the leading digit of a non-zero ``value``."""
    magnitude = abs(value)
    exponent = len(str(magnitude.numerator)) - len(str(magnitude.denominator))
    while Fraction(10) ** exponent > magnitude:
        exponent -= 1
    while Fraction(10) ** (exponent + 1) <= magnitude:
        exponent += 1
    return exponent


def significant(value: Fraction, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits (trailing zeros dropped): 8.6454… -> ``8.65``."""
    if value == 0:
        return "0"
    places = max(digits - 1 - _exponent(value), 0)
    return decimal(value, places)


def magnitude(value: Fraction) -> str:
    """A readable magnitude: ``767,000``, ``21.9 M``, ``8.65 B``, ``1.5 T``, ``2.16 × 10¹⁵``.

    Below a million: grouped, with at most two decimals (three significant digits below 1).
    From a million on: three significant digits and M, B or T; from 10^15 on, a power of ten.
    """
    size = abs(value)
    if size >= 10**15:
        exponent = _exponent(value)
        mantissa = significant(value / Fraction(10) ** exponent)
        if mantissa == "10":  # 9.996 × 10^15 rounds to 10^16
            exponent, mantissa = exponent + 1, "1"
        power = f"10{superscript(exponent)}"
        return power if mantissa == "1" else f"{mantissa} × {power}"
    for index, (scale, suffix) in enumerate(_MAGNITUDES):
        if size >= scale:
            shown = significant(value / scale)
            if shown.replace("−", "") == "1,000":  # 999.96 M rounds to 1 B, 999.96 T to 10¹⁵
                sign = "−" if value < 0 else ""
                bigger = _MAGNITUDES[index - 1][1] if index else ""
                return f"{sign}1 {bigger}" if bigger else f"{sign}10{superscript(15)}"
            return f"{shown} {suffix}"
    if size >= 1 or size == 0:
        return decimal(value, 2)
    return significant(value)


def exact_number(value: Fraction) -> str:
    """Every digit of ``value``: grouped integer, terminating decimal, or ``p/q ≈ decimal``."""
    if value.denominator == 1:
        return decimal(value, 0)
    if terminates(value):
        places = 0
        while (value * 10**places).denominator != 1:
            places += 1
        return decimal(value, places)
    ratio = f"{decimal(Fraction(value.numerator), 0)}/{decimal(Fraction(value.denominator), 0)}"
    return f"{ratio} ≈ {significant(value, 12)}"


def count(value: Fraction) -> str:
    """A count or index: grouped when whole and below 10^14, else a :func:`magnitude`."""
    if value.denominator == 1 and abs(value) < 10**14:
        return decimal(value, 0)
    return magnitude(value)


def percentage(value: Fraction) -> str:
    """A share as a percentage: ``8 %``, ``92.53 %``, ``0.0211 %`` (two decimals, or three
    significant digits below 0.1 %)."""
    percent = value * 100
    if percent == 0 or abs(percent) >= Fraction(1, 10):
        return f"{decimal(percent, 2)} %"
    return f"{significant(percent)} %"


# ---------------------------------------------------------------------------------------------
# Values with units
# ---------------------------------------------------------------------------------------------


def _number(value: Any) -> Fraction | None:
    """An exact Fraction of a rational value, a 40-digit approximation of an irrational number,
    or None when the value is a formula of free variables."""
    if isinstance(value, int | Fraction):
        return Fraction(value)
    expression = sympy.sympify(value)
    if expression.is_Rational:
        return to_fraction(expression)
    if expression.is_number:
        return Fraction(Decimal(str(sympy.N(expression, 40))))
    return None


def plain_expression(value: Any) -> str:
    """A SymPy value written for a tooltip: ``3^(3/365)·5^(363/365)/5 − 1``."""
    text = str(sympy.sstr(sympy.sympify(value)))
    return text.replace("**", "^").replace("*", "·").replace(" - ", " − ").replace("-", "−")


def _with_unit(number: str, unit: str) -> str:
    return f"{number} {unit}".strip()


def _amount(value: Fraction, unit: Amount, period: str) -> Reading:
    suffix = f" {PERIODS[period]}" if period else ""
    exact = f"{exact_number(value)} {unit.base}{suffix}"
    whole = value / unit.per_token
    if 0 < abs(whole) < 1 and unit.per_token > 1:
        text = f"{magnitude(value)} {unit.base}{suffix}"
    else:
        text = f"{magnitude(whole)} {unit.token}{suffix}"
    return Reading(text, None if text == exact else exact)


def _ratio(value: Fraction, per: str) -> Reading:
    # A value above 1 is a factor or a scale, not a share: 1,000,000, 10¹⁸.
    text = count(value) if value > 1 else percentage(value) + (f" {per}" if per else "")
    exact = exact_number(value)
    if value > 1 and text == exact:
        return Reading(text)
    if value <= 1 and f"{decimal(value * 100, 12)} %" == percentage(value):
        return Reading(text)  # the percentage is exact
    return Reading(text, f"{exact}" + (f" {per}" if per else ""))


def _seconds(value: Fraction) -> str:
    text = f"{count(value)} s"
    for size, name in ((86_400, "day"), (3_600, "h"), (60, "min")):
        if value >= size and (value / size).denominator == 1:
            whole = value / size
            unit = name if name != "day" else ("day" if whole == 1 else "days")
            return f"{text} ({count(whole)} {unit})"
    return text


def _counted(value: Fraction, unit: str) -> Reading:
    if unit == "s":
        return Reading(_seconds(value))
    if unit.startswith("s since 1970-01-01"):
        moment = datetime.fromtimestamp(int(value), tz=UTC)
        return Reading(moment.strftime("%Y-%m-%d %H:%M UTC"), f"{count(value)} {unit}")
    if unit in {"milestone", "version"}:
        return Reading(f"{unit} {count(value)}")
    if value == 1 and unit.endswith("s") and unit not in {"decimals"}:
        unit = unit[:-1]
    shown = unit.replace("/", " per ")
    text = _with_unit(count(value), shown)
    exact = _with_unit(exact_number(value), unit)
    return Reading(text, None if count(value) == exact_number(value) else exact)


def is_number(value: Any) -> bool:
    """True when ``value`` is a number (rational or not), False for a formula of variables."""
    return _number(value) is not None


def reading(value: Any, unit: str = "", latex: str | None = None) -> Reading:
    """How a reader reads ``value``, given in ``unit`` (a record's ``unit`` field).

    A value that is a formula of free variables reads as that formula: ``latex`` (SymPy's LaTeX
    of it when not given), with the plain expression as its exact form.

    >>> reading(8_645_450_993_107_147 + Fraction(8144, 10_000), "µASMB").text
    '8.65 B ASMB'
    >>> reading(Fraction(2, 25), "1/year").text
    '8 % a year'
    """
    number = _number(value)
    if number is None:
        shown = latex if latex is not None else str(sympy.latex(value))
        return Reading(plain_expression(value), None, latex=shown)
    result = _reading_of(number, unit)
    if not sympy.sympify(value).is_Rational:
        return Reading(result.text, f"{plain_expression(value)} ≈ {significant(number, 12)}")
    return result


def _reading_of(number: Fraction, unit: str) -> Reading:
    base, _, period = unit.partition("/")
    if unit in PER_STAKE:
        token, base_name = PER_STAKE[unit]
        text = f"{magnitude(number)} {token} per MIOTA per milestone"
        return Reading(text, f"{exact_number(number)} {base_name} per i per milestone")
    if base in AMOUNTS and period in {"", *PERIODS}:
        return _amount(number, AMOUNTS[base], period)
    if unit == "1":
        return _ratio(number, "")
    if base == "1" and period in {"year", "epoch"}:
        return _ratio(number, PERIODS[period] if period == "year" else "per epoch")
    if unit == "":
        shown = magnitude(number) if number.denominator != 1 else count(number)
        exact = exact_number(number)
        return Reading(shown, None if shown == exact else exact)
    return _counted(number, unit)


def whole_tokens(value: Any, unit: str) -> Reading:
    """:func:`reading`, but an amount of tokens in whole tokens, grouped by thousands (rounded half
    to even; the exact value in base units kept): the form of a report whose before and after
    differ in a digit that a magnitude (``216 B ASMB``) would hide."""
    number = _number(value)
    base, _, period = unit.partition("/")
    if number is None or base not in AMOUNTS or period not in {"", *PERIODS}:
        return reading(value, unit)
    amount = AMOUNTS[base]
    suffix = f" {PERIODS[period]}" if period else ""
    text = f"{decimal(number / amount.per_token, 0)} {amount.token}{suffix}"
    exact = f"{exact_number(number)} {amount.base}{suffix}"
    return Reading(text, None if text == exact else exact)


def html(shown: Reading) -> str:
    """A reading for the site: the text, with the exact value as its tooltip (hover, or tap: the
    number takes the focus) when the text is rounded or converted; exact text as it is."""
    if shown.latex is not None:
        return math(shown.latex)
    text = _html.escape(shown.text)
    if shown.exact is None:
        return text
    title = _html.escape(f"exact: {shown.exact}", quote=True)
    return f'<abbr class="spec-num" title="{title}" tabindex="0">{text}</abbr>'


def math(latex: str, display: bool = False) -> str:
    """LaTeX for the site's KaTeX, marked up as pymdownx.arithmatex marks it (generic mode)."""
    if display:
        return f'<div class="arithmatex">\\[{_html.escape(latex, quote=False)}\\]</div>'
    return f'<span class="arithmatex">\\({_html.escape(latex, quote=False)}\\)</span>'
