"""The catalog pages' entries as cards: one block per id that fits a phone and a wide screen.

Each parameter, derivation, invariant and seed-versus-deployed difference is one card: its id
(a link to itself, and the card's anchor ``id="<ID>"``) with its value for readers on the first
line, its description on the next, then its unit, profiles, bounds or formula, and its source as
a link; the exact forms are folded. The cards are HTML written here, never Markdown, so no
asterisk is eaten; :mod:`spec.render` places them on the pages, grouped by program.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Final

import sympy

from spec import coverage, notation, programs, readable
from spec import derivations as dv
from spec import differences as df
from spec import invariants as inv
from spec import parameters as pm
from spec.proofs import Proof
from spec.prose import id_link, prose
from spec.records import Assumption
from spec.sources import Artefact, ChosenBySpec, FixtureField, SeedQuote, Source

#: A short human title for each program's section of the catalog pages.
TITLES: Final[dict[str, str]] = {
    "supply": "ASMB supply, allocation and inflation",
    "prelaunch": "Pre-launch staking",
    "participation": "The deployed staking events",
    "postlaunch": "Post-launch distribution",
    "accumulator": "The reward accumulator",
    "smr_staking": "Shimmer genesis and SMR staking",
    "iota_staking": "The IOTA staking benchmark (IOTASRB)",
    "iota_system": "IOTA validator staking",
    "root_chain": "Assembly root chain",
    "governance": "Governance",
    "widths": "Integer widths",
}


def title(program: ModuleType) -> str:
    """A program's section title."""
    return TITLES[programs.name(program)]


def _site(link: str) -> str:
    """A link written from the site's root, as seen from a page one level below it."""
    return link if "://" in link else f"../{link}"


def _a(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{text}</a>'


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------


def quote_html(seed: SeedQuote) -> str:
    """A seed quote as cited, marked as an excerpt (with "…") where it is cut mid-sentence.

    The quote is wrapped in ``<span class="spec-quote">``: its words, numbers included, are the
    source's own, kept verbatim (checks of the site's own number formats pass over them)."""
    starts_inside, ends_inside = seed.cut()
    text = ("… " if starts_inside else "") + html.escape(seed.quote) + (" …" if ends_inside else "")
    excerpt = " (excerpt)" if starts_inside or ends_inside else ""
    return f'<span class="spec-quote">“{text}”</span>{excerpt}'


def source_html(source: Source) -> str:
    """A source as one line for readers, with a link to the seed, file or repository."""
    if isinstance(source, SeedQuote):
        return f"{_a(_site(source.link()), html.escape(source.title))}: {quote_html(source)}"
    if isinstance(source, FixtureField):
        if source.path == "README.md":
            where = _a(_site(source.link()), "the participation events' README")
            return f'{where}: <span class="spec-quote">“{html.escape(source.quote)}”</span>'
        where = _a(_site(source.link()), f"<code>{html.escape(source.path)}</code>")
        at = f" at <code>{html.escape(source.pointer)}</code>" if source.pointer else ""
        return f"deployed event file {where}{at}"
    if isinstance(source, Artefact):
        name = html.escape(f"{source.repository} {source.path}".strip())
        link = source.link()
        where = _a(link, name) if link else name
        return f"{where}: <code>{html.escape(source.fact)}</code>"
    if isinstance(source, ChosenBySpec):
        return (
            f"chosen by this specification, following {prose(source.follows)}: "
            f"{prose(source.reason)}"
        )
    raise TypeError(f"not a source: {source!r}")


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------


def _head(identifier: str, anchors: bool, *after: str) -> str:
    if anchors:
        name = html.escape(identifier)
        link = f'<a class="spec-id" href="#{name}"><code>{name}</code></a>'
    else:
        link = id_link(identifier).replace('class="spec-ref"', 'class="spec-id"')
    return f'<p class="spec-head">{link} {" ".join(after)}</p>'


def _card(identifier: str, anchors: bool, body: Iterable[str]) -> str:
    anchor = f' id="{html.escape(identifier)}"' if anchors else ""
    return f'<div class="spec-card"{anchor}>\n' + "\n".join(b for b in body if b) + "\n</div>"


def profiles_text(profiles: Iterable[pm.Profile]) -> str:
    """``seed``, ``deployed`` or ``seed and deployed``."""
    names = sorted(p.value for p in profiles)
    return " and ".join(names[::-1]) if len(names) > 1 else names[0]


def bounds_text(parameter: pm.Parameter) -> str:
    """The governance bounds in readers' units, or that the value is fixed."""
    if parameter.governance is None:
        return "not governable"
    low, high = (
        readable.html(readable.reading(x, parameter.unit))
        for x in (parameter.governance.minimum, parameter.governance.maximum)
    )
    return f"governance may set {low} to {high}"


def parameter_card(parameter: pm.Parameter, *, anchors: bool = True) -> str:
    """One parameter: id and value, description, unit, profiles, bounds, symbol, source."""
    value = readable.html(readable.reading(parameter.value, parameter.unit))
    unit = (
        "a ratio" if parameter.unit == "1" else f"unit <code>{html.escape(parameter.unit)}</code>"
    )
    meta = [
        unit,
        f"profile {profiles_text(parameter.profiles)}",
        bounds_text(parameter),
    ]
    if parameter.id in notation.PARAMETER_SYMBOLS:
        meta.append("in formulas " + readable.math(notation.PARAMETER_SYMBOLS[parameter.id]))
    return _card(
        parameter.id,
        anchors,
        (
            _head(parameter.id, anchors, f'<span class="spec-value">{value}</span>'),
            f'<p class="spec-text">{prose(parameter.description)}</p>',
            f'<p class="spec-meta">{" · ".join(meta)}</p>',
            f'<p class="spec-source">Source: {source_html(parameter.source)}</p>',
        ),
    )


def parameter_cards(parameters: Iterable[pm.Parameter], *, anchors: bool = True) -> str:
    """Cards of the given parameters, as one HTML block."""
    return (
        '<div class="spec-cards">\n'
        + "\n".join(parameter_card(p, anchors=anchors) for p in parameters)
        + "\n</div>"
    )


def assumption_card(assumption: Assumption) -> str:
    """One assumption of the what-if projection: id and default, what it says, range, source."""

    def shown(value: Fraction) -> str:
        return readable.html(readable.whole_tokens(value, assumption.unit))

    meta = [
        f"an assumption, not a parameter: {shown(assumption.minimum)} to "
        f"{shown(assumption.maximum)} with <code>--assume</code> or <code>--sweep</code>",
    ]
    return _card(
        assumption.id,
        True,
        (
            _head(
                assumption.id, True, f'<span class="spec-value">{shown(assumption.default)}</span>'
            ),
            f'<p class="spec-text">{prose(assumption.description)}</p>',
            f'<p class="spec-meta">{" · ".join(meta)}</p>',
            f'<p class="spec-source">Source: {source_html(assumption.source)}</p>',
        ),
    )


def assumption_cards() -> str:
    """Cards of every assumption of the what-if projection, as one HTML block."""
    from spec.assumptions import ASSUMPTIONS

    return '<div class="spec-cards">\n' + "\n".join(map(assumption_card, ASSUMPTIONS)) + "\n</div>"


# ---------------------------------------------------------------------------------------------
# Notation and derivations
# ---------------------------------------------------------------------------------------------


def symbols_of(derivations: tuple[dv.Derivation, ...]) -> list[str]:
    """The LaTeX symbols the derivations' formulas use, in the notation's order."""
    return [notation.PARAMETER_SYMBOLS[p] for p in notation.used_parameters(derivations)] + [
        notation.VARIABLES[v].latex for v in notation.used_variables(derivations)
    ]


def notation_list(derivations: tuple[dv.Derivation, ...] = dv.DERIVATIONS) -> str:
    """The symbols of the given derivations' formulas: symbol, id (linked), value, meaning."""
    rows = []
    for parameter_id in notation.used_parameters(derivations):
        parameter = pm.get(parameter_id)
        value = readable.html(readable.reading(parameter.value, parameter.unit))
        rows.append(
            f"<dt>{readable.math(notation.PARAMETER_SYMBOLS[parameter_id])}</dt>"
            f"<dd>{id_link(parameter_id)} = {value}<br>{prose(parameter.description)}</dd>"
        )
    for name in notation.used_variables(derivations):
        variable = notation.VARIABLES[name]
        rows.append(
            f"<dt>{readable.math(variable.latex)}</dt>"
            f"<dd>a variable: {html.escape(variable.meaning)}</dd>"
        )
    return '<dl class="spec-notation">\n' + "\n".join(rows) + "\n</dl>"


def _example(derivation: dv.Derivation) -> str:
    """``Worked example: D₁ = 6 B ASMB`` for a figure evaluated at a worked example."""
    parts = []
    for variable, parameter_id in derivation.examples.items():
        parameter = pm.get(parameter_id)
        shown = readable.html(readable.reading(parameter.value, parameter.unit))
        symbol = readable.math(notation.symbol_of(str(variable)))
        parts.append(f"{symbol} = {shown} ({id_link(parameter_id)})")
    return f'<p class="spec-meta">Worked example: {", ".join(parts)}</p>' if parts else ""


def _value(derivation: dv.Derivation) -> tuple[str, object]:
    value = derivation.evaluate()
    if readable.is_number(value):
        return readable.html(readable.reading(value, derivation.unit)), value
    return readable.math(r"\displaystyle " + notation.latex(value)), value


def _formula_note(derivation: dv.Derivation, value: object) -> str:
    """What a reader must know when the value is computed step by step, not by the formula."""
    if derivation.compute is None:
        return ""
    if sympy.simplify(derivation.symbolic() - sympy.sympify(value)) == 0:
        return ""
    return (
        '<p class="spec-meta">The value is computed step by step, each year\'s provision '
        "floored; the formula is the closed form without the floors.</p>"
    )


def derivation_card(derivation: dv.Derivation, *, anchors: bool = True) -> str:
    """One derivation: id and value, meaning, the reader's formula, and the exact forms folded.

    The Derivations page carries the anchor (``anchors=True``); elsewhere the id links to it."""
    shown, value = _value(derivation)
    exact = str(sympy.sstr(sympy.sympify(value)))
    expression = str(sympy.sstr(derivation.expression))
    folded = (
        '<details class="note"><summary>Exact expression and value</summary>'
        f"<p>The SymPy expression this formula is rendered from:</p>"
        f"<pre><code>{html.escape(expression)}</code></pre>"
        f"<p>Its exact value, in <code>{html.escape(derivation.unit)}</code>:</p>"
        f"<pre><code>{html.escape(exact)}</code></pre></details>"
    )
    return _card(
        derivation.id,
        anchors,
        (
            _head(derivation.id, anchors, f'<span class="spec-value">= {shown}</span>'),
            f'<p class="spec-text">{prose(derivation.meaning)}</p>',
            _example(derivation),
            readable.math(notation.reader_latex(derivation), display=True),
            _formula_note(derivation, value),
            folded,
        ),
    )


def derivation_cards(derivations: Iterable[dv.Derivation], *, anchors: bool = True) -> str:
    """Cards of the given derivations, as one HTML block."""
    cards = (derivation_card(d, anchors=anchors) for d in derivations)
    return '<div class="spec-cards">\n' + "\n".join(cards) + "\n</div>"


# ---------------------------------------------------------------------------------------------
# Invariants and differences
# ---------------------------------------------------------------------------------------------


def invariant_card(
    invariant: inv.Invariant, proofs: Mapping[str, Proof], checked: Mapping[str, list[str]]
) -> str:
    """One invariant: id, kinds and verdict; statement; formula; source; how it is established."""
    tags = [f'<span class="spec-tag">{kind}</span>' for kind in invariant.kinds]
    proof = proofs.get(invariant.id)
    if proof is not None:
        tags.append(
            f'<span class="spec-tag spec-{proof.verdict.value}">{proof.verdict.value}</span>'
        )
    if invariant.id in inv.LATEX:
        formula = readable.math(inv.LATEX[invariant.id], display=True)
    else:
        formula = f'<p class="spec-formula">{prose(invariant.formula, values=False)}</p>'
    how = []
    if proof is not None:
        method = prose(proof.method, values=False)
        how.append(f"<p>SymPy: <strong>{proof.verdict.value}</strong> by {method}.</p>")
    tests = checked.get(invariant.id, [])
    if tests:
        items = "".join(f"<li><code>{html.escape(t)}</code></li>" for t in tests)
        how.append(f"<p>Checked by:</p><ul>{items}</ul>")
    folded = (
        '<details class="note"><summary>How it is established</summary>'
        + ("".join(how) or "<p>By the tests named in the catalog test.</p>")
        + "</details>"
    )
    return _card(
        invariant.id,
        True,
        (
            _head(invariant.id, True, *tags),
            f'<p class="spec-text">{prose(invariant.statement)}</p>',
            formula,
            f'<p class="spec-source">Source: {source_html(invariant.citation)}</p>',
            folded,
        ),
    )


@functools.cache
def _published_proofs() -> Mapping[str, Proof]:
    """The proofs under the published parameters, once per process (each program's section of
    the catalog shows some of them; the parameters cannot change while the site is built)."""
    return inv.prove_all()


def invariant_cards(invariants: Iterable[inv.Invariant], tests_dir: Path | None) -> str:
    """Cards of the given invariants, with the tests found under ``tests_dir``."""
    checked = coverage.scan(tests_dir) if tests_dir is not None else {}
    proofs = _published_proofs()
    cards = (invariant_card(i, proofs, checked) for i in invariants)
    return '<div class="spec-cards">\n' + "\n".join(cards) + "\n</div>"


def evidence_html(evidence: Source | str) -> str:
    """One piece of a difference's evidence: a catalog id (linked, with its value) or a source."""
    if isinstance(evidence, str):
        return prose(evidence)
    return source_html(evidence)


def difference_card(difference: df.Difference) -> str:
    """One difference: what the seeds say beside what the network did, the evidence, the
    treatment; the card sits under a heading that carries the anchor."""
    seed = (
        f'<blockquote><p>{quote_html(difference.seed)}</p><p class="spec-meta">— '
        f"{_a(_site(difference.seed.link()), html.escape(difference.seed.title))}</p>"
        "</blockquote>"
        if difference.seed is not None
        else '<p class="spec-meta">The seeds say nothing of it.</p>'
    )
    evidence = "".join(f"<li>{evidence_html(e)}</li>" for e in difference.evidence)
    name = html.escape(difference.id)
    return (
        '<div class="spec-card spec-difference">\n'
        f'<p class="spec-head"><a class="spec-id" href="#{name}"><code>{name}</code></a></p>\n'
        '<div class="spec-sides">\n'
        f'<div><p class="spec-label">The seeds</p>{seed}</div>\n'
        f'<div><p class="spec-label">Deployed</p><p>{prose(difference.deployed)}</p></div>\n'
        "</div>\n"
        f'<p class="spec-label">Evidence</p><ul>{evidence}</ul>\n'
        f'<p class="spec-label">In this specification</p><p>{prose(difference.treatment)}</p>\n'
        "</div>"
    )
