"""The site's formatting layer: numbers as readers read them, the exact value one hover away.

Every expected string is written by hand from the figure it shows (the seeds' numbers, worked
out here), never copied from the code's output.
"""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from spec import readable, render
from spec.prose import prose
from spec.readable import Reading, reading


@pytest.mark.parametrize(
    ("value", "unit", "text", "exact"),
    [
        # The whole IOTA supply staked for 777,600 milestones at 4 µASMB per Mi per milestone:
        # 2,779,530,283,277,761 i / 250,000 × 777,600 = 8,645,450,993,107,147.8144 µASMB.
        (
            Fraction(2_779_530_283_277_761 * 777_600, 250_000),
            "µASMB",
            "8.65 B ASMB",
            "8,645,450,993,107,147.8144 µASMB",
        ),
        (100 * 10**9 * 10**6, "µASMB", "100 B ASMB", "100,000,000,000,000,000 µASMB"),
        (21_909_233, "ASMB/day", "21.9 M ASMB a day", "21,909,233 ASMB a day"),
        (767_000 * 10**9, "nanos", "767,000 IOTA", "767,000,000,000,000 nanos"),
        (1_500_000 * 10**9, "nanos", "1.5 M IOTA", "1,500,000,000,000,000 nanos"),
        (2_779_530_283_277_761, "i", "2.78 B MIOTA", "2,779,530,283,277,761 i"),
        (10 * 10**6, "glow", "10 SMR", "10,000,000 glow"),
        (518, "µASMB", "518 µASMB", None),  # below one ASMB: the base unit reads better
        (
            Fraction(1, 250_000),
            "µASMB/(i·milestone)",
            "0.000004 ASMB per MIOTA per milestone",
            "0.000004 µASMB per i per milestone",
        ),
        (Fraction(2, 25), "1/year", "8 % a year", None),
        (Fraction(2, 3), "1", "66.67 %", "2/3 ≈ 0.666666666667"),
        (Fraction(167, 500), "1", "33.4 %", None),
        (1, "1", "100 %", None),
        (10**6, "1", "1,000,000", None),  # a factor, not a share
        (10**18, "1", "10¹⁸", "1,000,000,000,000,000,000"),
        (777_600, "milestones", "777,600 milestones", None),
        (2_102_114, "milestone", "milestone 2,102,114", None),
        (1, "epochs", "1 epoch", None),
        (86_400, "s", "86,400 s (1 day)", None),
        (Fraction(2555, 4), "days", "638.75 days", None),
        # 2021-12-28 15:00 CET is 14:00 UTC (the seed's start of pre-launch staking).
        (
            1_640_700_000,
            "s since 1970-01-01 UTC",
            "2021-12-28 14:00 UTC",
            "1,640,700,000 s since 1970-01-01 UTC",
        ),
    ],
)
def test_reading(value: int | Fraction, unit: str, text: str, exact: str | None) -> None:
    assert reading(value, unit) == Reading(text, exact)


def test_the_cap_binding_fraction_reads_as_a_percentage() -> None:
    # 8 B ASMB over 8,645,450,993,107,147.8144 µASMB: 0.925342… of the supply, 92.53 %.
    fraction = Fraction(8 * 10**15) / Fraction(2_779_530_283_277_761 * 777_600, 250_000)
    shown = reading(fraction, "1")
    assert shown.text == "92.53 %"
    assert shown.exact is not None
    assert shown.exact.startswith("625,000,000,000,000,000/675,425,858,836,495,923 ≈ 0.92534")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(21_909_233), "21.9 M"),
        (Fraction(8_645_450_993), "8.65 B"),
        (Fraction(14 * 10**9), "14 B"),
        (Fraction(999_960_000), "1 B"),  # rounds up to the next magnitude, not "1,000 M"
        (Fraction(1_500 * 10**12), "1.5 × 10¹⁵"),
        (Fraction(9_996 * 10**12), "10¹⁶"),
        (Fraction(767_000), "767,000"),
        (Fraction(1_234_567, 1_000), "1,234.57"),
        (Fraction(1, 3), "0.333"),
    ],
)
def test_magnitude(value: Fraction, text: str) -> None:
    assert readable.magnitude(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(3, 200), "1.5 %"),
        (Fraction(1_512, 10_000), "15.12 %"),
        (Fraction(151_167, 1_000_000), "15.12 %"),
        (Fraction(211, 1_000_000), "0.0211 %"),
        (Fraction(0), "0 %"),
    ],
)
def test_percentage(value: Fraction, text: str) -> None:
    assert readable.percentage(value) == text


def test_irrational_values_read_as_a_decimal_with_the_expression_as_the_exact_form() -> None:
    import sympy

    # (1 + 8 %)^(1/365) − 1 ≈ 0.000210874: about 0.0211 % an epoch.
    rate = (1 + sympy.Rational(2, 25)) ** sympy.Rational(1, 365) - 1
    shown = reading(rate, "1/epoch")
    assert shown.text == "0.0211 % per epoch"
    assert shown.exact is not None
    assert "≈ 0.000210874" in shown.exact
    assert "**" not in shown.exact


def test_html_puts_the_exact_value_in_a_tooltip_that_a_tap_can_open() -> None:
    shown = readable.html(Reading("8.65 B ASMB", "8,645,450,993,107,147.8144 µASMB"))
    assert shown == (
        '<abbr class="spec-num" title="exact: 8,645,450,993,107,147.8144 µASMB" '
        'tabindex="0">8.65 B ASMB</abbr>'
    )
    assert readable.html(Reading("20 %")) == "20 %"


def test_inline_helpers_print_readers_forms() -> None:
    assert ">100 B ASMB</abbr>" in render.asmb("ASMB_INITIAL_SUPPLY")
    assert ">767,000 IOTA</abbr>" in render.iota("IOTA_REWARDS_PER_EPOCH")
    assert render.percent("IOTA_STAKERS_SHARE") == "20 %"
    assert render.percent("ASMB_INFLATION_RATE") == "8 %"
    assert render.grouped("PRE-WINDOW-MILESTONES") == "777,600"
    assert render.value_of("PRE-WINDOW-MILESTONES") == "777,600 milestones"
    binding = render.value_of("PRE-CAP-BINDING-FRACTION")
    assert ">92.53 %</abbr>" in binding
    assert 'title="exact: 625,000,000,000,000,000/675,425,858,836,495,923' in binding
    # A formula of the staked tokens reads as typeset math: 767,000 × 365 / st a year.
    assert render.value_of("IOTASRB") == (
        r'<span class="arithmatex">\(\frac{279\,955\,000}{\mathit{st}}\)</span>'
    )


def test_no_reader_form_has_a_raw_rational_or_a_long_number() -> None:
    from spec import derivations, parameters

    unreadable = re.compile(r"\d{15,}|\d+/\d{3,}|\*\*|Rational")
    for parameter in parameters.PARAMETERS:
        assert not unreadable.search(reading(parameter.value, parameter.unit).text), parameter.id
    for derivation in derivations.DERIVATIONS:
        shown = reading(derivation.evaluate(), derivation.unit)
        if shown.latex is None:
            assert not unreadable.search(shown.text), derivation.id


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("floor(S_0 × r / 365)", "⌊S<sub>0</sub> × r / 365⌋"),
        ("ceil(21 · 365/12) = 639", "⌈21 · 365/12⌉ = 639"),
        ("(1 + r)^(1/365) − 1", "(1 + r)<sup>1/365</sup> − 1"),
        ("1 glow (10^-6 SMR)", "1 glow (10<sup>−6</sup> SMR)"),
        ("Σ_{k<365} x_k", "Σ<sub>k&lt;365</sub> x<sub>k</sub>"),
        ("the seed's '(1*p)' read as p", "the seed's <code>(1*p)</code> read as p"),
        ("is refused (INVALID_DAY).", "is refused (<code>INVALID_DAY</code>)."),
        ("Cosmos's min_deposit of 10^-7", "Cosmos's <code>min_deposit</code> of 10<sup>−7</sup>"),
        (
            "weight 30,820,033,631,800,548;",
            'weight <code class="spec-digits">30,820,033,631,800,548</code>;',
        ),
        ("3**(3/365)*5", "3**(3/365)*5"),  # no Markdown: the asterisks stay as they are
    ],
)
def test_prose_typesets_the_keyboard_marks(text: str, html: str) -> None:
    assert prose(text) == html


def test_an_id_in_prose_is_a_link_and_a_figure_shows_its_value() -> None:
    link = (
        '<a class="spec-ref" href="../derivations/#PRE-CAP-BINDING-FRACTION">'
        "<code>PRE-CAP-BINDING-FRACTION</code></a>"
    )
    bare = prose("binds above the staked fraction PRE-CAP-BINDING-FRACTION.")
    assert bare.startswith("binds above the staked fraction <abbr")
    assert bare.endswith(f">92.53 %</abbr> ({link}).")
    parenthesised = prose("when f ≤ f* (PRE-CAP-BINDING-FRACTION), and")
    assert parenthesised.startswith(f"when f ≤ f* ({link} = <abbr")
    # The unit written after the id is the value's own: it is not printed twice.
    assert prose("at most POST-ACCUMULATOR-BOUND µASMB (2 at") == (
        'at most 2 µASMB (<a class="spec-ref" href="../derivations/#POST-ACCUMULATOR-BOUND">'
        "<code>POST-ACCUMULATOR-BOUND</code></a>) (2 at"
    )
    assert prose("(PRE-CAP-02)") == (
        '(<a class="spec-ref" href="../invariants/#PRE-CAP-02"><code>PRE-CAP-02</code></a>)'
    )
    # In a formula an id is only a link.
    assert prose("x ≥ ASMB_MIN_VALIDATOR_BOND", values=False) == (
        'x ≥ <a class="spec-ref" href="../parameters/#ASMB_MIN_VALIDATOR_BOND">'
        "<code>ASMB_MIN_VALIDATOR_BOND</code></a>"
    )


def test_a_rational_of_a_thousand_digits_is_written_exactly() -> None:
    """Regression: a decimal context of 400 digits refused the nominal-to-effective rate's
    numerator ((9127/9125)^365, about 1,450 digits); the exact form is integer arithmetic now."""
    from fractions import Fraction

    from spec import readable

    value = Fraction(9127, 9125) ** 365 - 1
    text = readable.exact_number(value)
    ratio, approximate = text.split(" ≈ ")
    numerator, denominator = ratio.split("/")
    assert numerator.replace(",", "") == str(value.numerator)
    assert denominator.replace(",", "") == str(value.denominator)
    assert approximate == f"{float(value):.12g}"
