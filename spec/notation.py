"""Formula symbols for readers: the Notation section of the Derivations page.

Each parameter that appears in a derivation has a short LaTeX symbol, declared beside it in its
program module (``NOTATION``: ``ASMB_INITIAL_SUPPLY`` is :math:`S_0`); the free variables of the
formulas (:data:`spec.records.FREE_VARIABLES`) have theirs here. The reader's formula is SymPy's
own LaTeX of the derivation's expression with these symbols and explicit operators
(:func:`reader_latex`), so the formula a reader sees and the expression the specification
evaluates are one source and cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import sympy
from sympy.printing.latex import LatexPrinter

from spec import derivations as dv
from spec import parameters as pm
from spec.programs import PROGRAMS
from spec.records import FREE_VARIABLES


class MissingSymbol(KeyError):
    """A formula names a parameter or variable that has no symbol in the notation."""


#: Parameter id -> its short LaTeX symbol, gathered from every program's ``NOTATION``.
PARAMETER_SYMBOLS: Final[dict[str, str]] = {
    parameter_id: symbol
    for program in PROGRAMS
    for parameter_id, symbol in program.NOTATION.items()
}


@dataclass(frozen=True)
class Variable:
    """A free variable of the formulas: its symbol for readers and what it stands for."""

    latex: str
    meaning: str


#: The free variables' symbols and meanings, by SymPy name.
VARIABLES: Final[dict[str, Variable]] = {
    "D_1": Variable("D_1", "ASMB distributed in the pre-launch window (phase 1)"),
    "st": Variable(r"\mathit{st}", "staked tokens, in whole IOTA"),
    "p": Variable("p", "a validator's performance, from 0 to 1"),
    "cr": Variable(r"\mathit{cr}", "a validator's commission rate, from 0 to 1"),
    "i": Variable("i", "the yearly inflation rate of the IOTA supply"),
    "f": Variable("f", "the staked fraction of the IOTA supply, from 0 to 1"),
}

_FREE: Final = {str(symbol): symbol for symbol in FREE_VARIABLES}


def symbol_of(name: str) -> str:
    """The LaTeX symbol of a parameter id or of a free variable's SymPy name."""
    if name in PARAMETER_SYMBOLS:
        return PARAMETER_SYMBOLS[name]
    if name in VARIABLES:
        return VARIABLES[name].latex
    raise MissingSymbol(f"{name} has no symbol in the notation")


def symbol_names(expression: Any) -> dict[sympy.Symbol, str]:
    """Every free symbol of ``expression`` mapped to its reader's symbol."""
    return {symbol: symbol_of(str(symbol)) for symbol in expression.free_symbols}


def reader_form(expression: Any) -> Any:
    """``expression`` with every symbol replaced by one named by its reader's symbol."""
    return expression.xreplace(
        {s: sympy.Symbol(latex, **s.assumptions0) for s, latex in symbol_names(expression).items()}
    )


def from_reader_form(expression: Any) -> Any:
    """The inverse of :func:`reader_form`: reader's symbols back to the parameters' symbols."""
    back: dict[str, sympy.Symbol] = {}
    for parameter_id, latex in PARAMETER_SYMBOLS.items():
        back[latex] = pm.symbol(parameter_id)
    for name, variable in VARIABLES.items():
        back[variable.latex] = _FREE[name]
    return expression.xreplace({s: back[str(s)] for s in expression.free_symbols if str(s) in back})


_LONG_NUMBER: Final = re.compile(r"(?<![\d.])\d{5,}(?![\d.])")
_BRACED_POWER: Final = re.compile(r"\{\((2\^\{\d+\} - 1)\)\}")


def _number(match: re.Match[str]) -> str:
    """A long integer of a formula, readable: 2^64 − 1 and powers of ten named, others grouped."""
    value = int(match.group(0))
    if value > 10**6 and (value + 1) & value == 0:
        return f"(2^{{{(value + 1).bit_length() - 1}}} - 1)"
    text = str(value)
    if text.strip("0") == "1" and value >= 10**6:
        return f"10^{{{len(text) - 1}}}"
    groups = [text[max(i - 3, 0) : i] for i in range(len(text), 0, -3)][::-1]
    return r"\,".join(groups)


class _Printer(LatexPrinter):  # type: ignore[misc]  # SymPy is untyped
    """SymPy's LaTeX printer, with a power of a negative symbol (``10^{-d}``) put under the
    fraction bar as ``10^{d}``, where a reader writes it."""

    def _print_Mul(self, expr: Any) -> str:  # noqa: N802  (SymPy's name for it)
        if any(
            factor.is_Pow and not factor.exp.is_number and factor.exp.could_extract_minus_sign()
            for factor in expr.args
        ):
            numerator, denominator = sympy.fraction(expr, exact=False)
            return rf"\frac{{{self._print(numerator)}}}{{{self._print(denominator)}}}"
        return str(super()._print_Mul(expr))


def latex(expression: Any) -> str:
    """LaTeX of any expression in the readers' symbols, with explicit multiplication dots and
    long integers grouped (``279\\,955\\,000``) or named (``2^{64} - 1``)."""
    printer = _Printer({"symbol_names": symbol_names(expression), "mul_symbol": "dot"})
    text = _LONG_NUMBER.sub(_number, str(printer.doprint(expression)))
    return _BRACED_POWER.sub(r"{\1}", text)  # no parentheses needed alone in braces


def reader_latex(derivation: dv.Derivation) -> str:
    """The reader's formula of a derivation, rendered from its SymPy expression."""
    return latex(derivation.expression)


def used_parameters(derivations: tuple[dv.Derivation, ...] = dv.DERIVATIONS) -> list[str]:
    """Ids of the parameters the derivations use, in the parameters' reading order."""
    used = {name for d in derivations for name in d.parameters()}
    return [p.id for p in pm.PARAMETERS if p.id in used]


def used_variables(derivations: tuple[dv.Derivation, ...] = dv.DERIVATIONS) -> list[str]:
    """SymPy names of the free variables the derivations use, in the notation's order."""
    used = {str(v) for d in derivations for v in d.free_variables()}
    return [name for name in VARIABLES if name in used]
