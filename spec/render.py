"""The site's one formatting layer: what the pages print of the specification.

The docs pages call these functions (from ``markdown-exec`` blocks or inline in their prose) when
the site is built, so every number, table and formula on the site comes from :mod:`spec` and
cannot drift from it. Numbers are written for readers by :mod:`spec.readable` (whole tokens,
percentages, grouped counts, the exact value in a tooltip), formulas in the short symbols of
:mod:`spec.notation`, the catalogs' entries as the cards of :mod:`spec.cards`.

Every parameter, derivation and invariant has an HTML anchor equal to its id
(``#ASMB_INITIAL_SUPPLY``, ``#POST-DAILY-PAYOUT``, ``#ASMB-SUPPLY-01``), stable across versions so
that proposals can link to it; every id the pages print links to it.

Inline helpers, for prose: :func:`value_of` (any figure with its unit), :func:`asmb`,
:func:`iota`, :func:`percent`, :func:`grouped`, :func:`show_value`. Page blocks:
:func:`parameter_catalog`, :func:`parameter_table`, :func:`notation_section`,
:func:`derivation_catalog`, :func:`derivation_table`, :func:`invariant_table`,
:func:`difference_list`, :func:`program_table`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spec import cards, notation, programs, readable
from spec import derivations as dv
from spec import differences as df
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import format_grouped, to_fraction


def page_link(page: str, anchor_id: str) -> str:
    """A link from generated content to another page's anchor.

    Generated blocks are not rewritten by MkDocs, so the link is written in the built site's form
    (directory URLs): from any page, ``../<page>/#<anchor>``.
    """
    return f"../{page}/#{anchor_id}"


def anchor(identifier: str) -> str:
    """An id as a Markdown self-link that carries the id as its anchor (stable across versions)."""
    return f"[`{identifier}`](#{identifier}){{#{identifier}}}"


# ---------------------------------------------------------------------------------------------
# Inline values
# ---------------------------------------------------------------------------------------------


def show_value(value: object, unit: str = "") -> str:
    """A value for readers, as HTML: in whole tokens, a percentage or a grouped count according
    to ``unit``, the exact value in its tooltip; a formula of free variables as typeset math."""
    if not readable.is_number(value):
        return readable.math(notation.latex(value))
    return readable.html(readable.reading(value, unit))


def _record(identifier: str) -> tuple[Any, str]:
    if identifier in pm.BY_ID:
        return pm.value(identifier), pm.get(identifier).unit
    return dv.evaluate(identifier), dv.get(identifier).unit


def value_of(identifier: str) -> str:
    """A parameter's or derivation's value for prose, with the unit of its record:
    ``8.65 B ASMB``, ``92.53 %``, ``777,600 milestones`` (exact value in the tooltip)."""
    value, unit = _record(identifier)
    return show_value(value, unit)


def percent(identifier: str) -> str:
    """A ratio parameter or derivation as a bare percentage: ``8 %``, ``92.53 %`` (rounded to
    two decimals, the exact ratio in the tooltip when rounding changed it)."""
    value, _ = _record(identifier)
    return show_value(value, "1")


def grouped(identifier: str) -> str:
    """An integral parameter or derivation with thousands separators: ``777,600``."""
    value, _ = _record(identifier)
    fraction = to_fraction(value)
    if fraction.denominator != 1:
        raise TypeError(f"{identifier} is not an integer: {fraction}")
    return format_grouped(fraction.numerator)


def asmb(identifier: str) -> str:
    """An ASMB amount (a record in µASMB) as whole ASMB: ``20 B ASMB``, ``21.9 M ASMB``."""
    value, unit = _record(identifier)
    return show_value(value, unit if unit.split("/")[0] in {"µASMB", "ASMB"} else "µASMB")


def iota(identifier: str) -> str:
    """An IOTA amount (a record in nanos) as whole IOTA: ``767,000 IOTA``."""
    value, _ = _record(identifier)
    return show_value(value, "nanos")


# ---------------------------------------------------------------------------------------------
# Catalog pages
# ---------------------------------------------------------------------------------------------


def _section(program: Any, body: str) -> str:
    return f"## {cards.title(program)} {{#{programs.name(program)}}}\n\n{body}\n"


def parameter_catalog() -> str:
    """The Parameters page: one section per program, one card per parameter (its anchor)."""
    return "\n".join(
        _section(program, cards.parameter_cards(program.PARAMETERS))
        for program in programs.PROGRAMS
        if program.PARAMETERS
    )


def parameter_table(
    parameters: Iterable[pm.Parameter] = pm.PARAMETERS, *, anchors: bool = True
) -> str:
    """Parameter cards for a page: id and value, description, unit, profile, bounds, source.

    The parameters page carries one anchor per id (``anchors=True``); other pages
    (``anchors=False``) link each id to its anchor there, so every id has one anchor on the site.
    """
    return cards.parameter_cards(parameters, anchors=anchors) + "\n"


def notation_section() -> str:
    """The Notation of the Derivations page: each symbol of the formulas, once."""
    return cards.notation_list() + "\n"


def derivation_catalog() -> str:
    """The Derivations page's entries: one section per program, one card per derivation."""
    return "\n".join(
        _section(program, cards.derivation_cards(program.DERIVATIONS))
        for program in programs.PROGRAMS
        if program.DERIVATIONS
    )


def derivation_table(program: str | None = None) -> str:
    """The derivations of one program (``"iotasrb"``, ``"postlaunch"``, … as in each record's
    ``program``) with the symbols their formulas use, their ids linked to the Derivations page;
    or, without ``program``, the whole catalog with its notation and the ids' anchors."""
    if program is None:
        return "## Notation {#notation}\n\n" + notation_section() + "\n" + derivation_catalog()
    chosen = tuple(d for d in dv.DERIVATIONS if d.program == program)
    if not chosen:
        raise KeyError(f"no derivation belongs to {program!r}")
    symbols = ", ".join(readable.math(symbol) for symbol in cards.symbols_of(chosen))
    legend = (
        f'<details class="note"><summary>Symbols of these formulas: {symbols}</summary>'
        f"{cards.notation_list(chosen)}</details>"
    )
    entries = cards.derivation_cards(chosen, anchors=False)
    return f'<div class="spec-block">\n{legend}\n{entries}\n</div>\n'


def invariant_table(tests_dir: Path | None = None, program: str | None = None) -> str:
    """The invariant catalog: statement, formula, source and how each entry is established (the
    SymPy verdict and the tests under ``tests_dir`` that check it), one card per id.

    ``program`` (a module name of :mod:`spec.programs` or a record's ``program``) selects one
    program's cards; without it, every program under its own section.
    """
    if program is not None:
        chosen = [i for i in inv.INVARIANTS if program in {i.program, _module(i.id)}]
        return cards.invariant_cards(chosen, tests_dir) + "\n"
    return "\n".join(
        _section(p, cards.invariant_cards(p.INVARIANTS, tests_dir))
        for p in programs.PROGRAMS
        if p.INVARIANTS
    )


def _module(invariant_id: str) -> str:
    for program in programs.PROGRAMS:
        if any(i.id == invariant_id for i in program.INVARIANTS):
            return programs.name(program)
    return ""


def difference_list() -> str:
    """The seed-versus-deployed differences, each under its own heading (its anchor)."""
    blocks = []
    for difference in df.DIFFERENCES:
        blocks.append(
            f"### {html.escape(difference.topic)} {{#{difference.id}}}\n\n"
            f"{cards.difference_card(difference)}\n"
        )
    return "\n".join(blocks)


def program_table() -> str:
    """Where each program lives: its spec module, its contracts, its page and its tests.

    For the home page, at the site's root: page links are written as ``<page>/``.
    """
    rows = ["| program | spec | contracts | tests |", "|---|---|---|---|"]
    for program in programs.PROGRAMS:
        name = programs.name(program)
        layers = programs.LAYERS[name]
        page = layers.page.removeprefix("docs/").removesuffix(".md") + "/"
        contracts = (
            "<br>".join(
                f"`{path if path.endswith('.py') else path + '/'}`" for path in layers.contracts
            )
            or "—"
        )
        tests = "<br>".join(f"`{path.removeprefix('tests/')}`" for path in layers.tests)
        rows.append(f"| [{name}]({page}) | `spec/programs/{name}.py` | {contracts} | {tests} |")
    return "\n".join(rows) + "\n"
