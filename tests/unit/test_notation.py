"""The formulas' notation: one short symbol per quantity, and the reader's formula is the
specification's own expression (rendered from it, and given back by it).
"""

from __future__ import annotations

import re

import pytest

from spec import derivations, notation, parameters, programs
from spec.records import FREE_VARIABLES


def test_every_symbol_is_unique() -> None:
    symbols = list(notation.PARAMETER_SYMBOLS.values()) + [
        variable.latex for variable in notation.VARIABLES.values()
    ]
    assert len(symbols) == len(set(symbols))


def test_every_parameter_and_variable_of_a_derivation_has_a_symbol() -> None:
    for derivation in derivations.DERIVATIONS:
        for name in derivation.parameters():
            assert name in notation.PARAMETER_SYMBOLS, (derivation.id, name)
        for variable in derivation.free_variables():
            assert str(variable) in notation.VARIABLES, (derivation.id, variable)
    assert {str(v) for v in FREE_VARIABLES} == set(notation.VARIABLES)


def test_notation_names_only_parameters_of_its_own_program() -> None:
    for program in programs.PROGRAMS:
        own = {p.id for p in program.PARAMETERS}
        assert set(program.NOTATION) <= own, programs.name(program)
    assert set(notation.PARAMETER_SYMBOLS) <= set(parameters.BY_ID)


@pytest.mark.parametrize("derivation", derivations.DERIVATIONS, ids=lambda d: d.id)
def test_substituting_the_notation_back_gives_the_same_expression(
    derivation: derivations.Derivation,
) -> None:
    reader = notation.reader_form(derivation.expression)
    assert {str(s) for s in reader.free_symbols} <= set(notation.PARAMETER_SYMBOLS.values()) | {
        v.latex for v in notation.VARIABLES.values()
    }
    assert notation.from_reader_form(reader) == derivation.expression


@pytest.mark.parametrize("derivation", derivations.DERIVATIONS, ids=lambda d: d.id)
def test_the_readers_formula_names_no_id_and_has_no_program_syntax(
    derivation: derivations.Derivation,
) -> None:
    latex = notation.reader_latex(derivation)
    for name in derivation.parameters():
        assert name not in latex
        assert notation.PARAMETER_SYMBOLS[name] in latex
    assert not re.search(r"\*\*|Rational|\\mathtt|\d{7,}", latex), latex


@pytest.mark.parametrize(
    ("derivation_id", "latex"),
    [
        # Written by hand from the seeds' rules in the notation's symbols.
        ("ASMB-ALLOCATION-IOTA-STAKERS", r"S_0 \cdot \sigma_{\mathrm{I}}"),
        ("PRE-ROUND-MILESTONES", r"m_{1}^{\mathrm{end}} - m_{1}^{\mathrm{start}}"),
        (
            "PRE-WINDOW-MILESTONES",
            r"\frac{n_{\mathrm{pre}} \cdot t_{\mathrm{day}}}{\Delta_{\mathrm{m}}}",
        ),
        ("IOTASRB-SECONDS-IN-YEAR", r"n_{\mathrm{y}} \cdot t_{\mathrm{day}}"),
    ],
)
def test_readers_formula_as_a_person_writes_it(derivation_id: str, latex: str) -> None:
    assert notation.reader_latex(derivations.get(derivation_id)) == latex


def test_a_power_of_a_negative_symbol_goes_under_the_fraction_bar() -> None:
    # IOTASRB = sy / el × re / st with re in nanos: the 10^9 nanos per IOTA divide.
    latex = notation.reader_latex(derivations.get("IOTASRB"))
    assert latex.startswith(r"\frac{")
    assert r"10^{d_{\mathrm{IOTA}}}" in latex
    assert "10^{-" not in latex


def test_long_integers_are_grouped_or_named() -> None:
    import sympy

    from spec.records import U64_MAX

    assert notation.latex(sympy.Integer(279_955_000)) == r"279\,955\,000"
    assert notation.latex(sympy.Integer(10**18)) == "10^{18}"
    assert notation.latex(sympy.Integer(U64_MAX)) == "(2^{64} - 1)"
    assert notation.latex(sympy.Integer(4_096)) == "4096"


def test_a_symbol_missing_from_the_notation_is_a_typed_error() -> None:
    with pytest.raises(notation.MissingSymbol):
        notation.symbol_of("NO_SUCH_PARAMETER")
