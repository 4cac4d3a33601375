"""Markdown renderings of the specification for the published site.

The docs pages call these functions from ``markdown-exec`` blocks when the site is built, so every
number, table and formula on the site comes from :mod:`spec` and cannot drift from it. Every
parameter and invariant gets an HTML anchor equal to its id (``#ASMB_INITIAL_SUPPLY``,
``#ASMB-SUPPLY-01``), stable across versions so that proposals can link to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spec import coverage, programs
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import format_grouped
from spec.report import decimal_of, encode_value


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def page_link(page: str, anchor_id: str) -> str:
    """A link from generated content to another page's anchor.

    Generated blocks are not rewritten by MkDocs, so the link is written in the built site's form
    (directory URLs): from any page, ``../<page>/#<anchor>``.
    """
    return f"../{page}/#{anchor_id}"


def anchor(identifier: str) -> str:
    """An id as a self-link that carries the id as its anchor (stable across versions)."""
    return f"[`{identifier}`](#{identifier}){{#{identifier}}}"


def show_value(value: object) -> str:
    """An exact value for a table: grouped integers, ``p/q`` with a decimal, or an expression."""
    encoded = encode_value(value)
    if isinstance(encoded, int):
        return format_grouped(encoded)
    decimal = decimal_of(value)
    if decimal is not None and decimal != encoded:
        return f"{encoded} (≈ {decimal})"
    return f"`{encoded}`"


def parameter_table(
    parameters: Iterable[pm.Parameter] = pm.PARAMETERS, *, anchors: bool = True
) -> str:
    """The parameters as a Markdown table; the parameters page carries one anchor per id.

    Other pages (``anchors=False``) link each id to its anchor on the parameters page, so that
    every id has exactly one anchor on the site.
    """
    rows = [
        "| id | value | unit | profile | governance | source |",
        "|---|---|---|---|---|---|",
    ]
    for p in parameters:
        bounds = (
            f"{p.governance.minimum} … {p.governance.maximum}" if p.governance is not None else "—"
        )
        profiles = ", ".join(sorted(x.value for x in p.profiles))
        name = anchor(p.id) if anchors else f"[`{p.id}`]({page_link('parameters', p.id)})"
        rows.append(
            f"| {name} | {show_value(p.value)} | {_cell(p.unit)} | "
            f"{profiles} | {bounds} | {_cell(p.source.cite())} |"
        )
    return "\n".join(rows) + "\n"


def derivation_table(program: str | None = None) -> str:
    """The derivations (of one program, or all) with their formula and exact value."""
    rows = ["| id | meaning | formula | value | unit |", "|---|---|---|---|---|"]
    for d in dv.DERIVATIONS:
        if program is not None and d.program != program:
            continue
        formula = f"${dv.latex(d.expression)}$"
        rows.append(
            f"| {anchor(d.id)} | {_cell(d.meaning)} | {_cell(formula)} | "
            f"{_cell(show_value(d.evaluate()))} | {_cell(d.unit)} |"
        )
    return "\n".join(rows) + "\n"


def invariant_table(tests_dir: Path | None = None, program: str | None = None) -> str:
    """The invariant catalog, one anchored section per entry.

    Each section gives the statement, the formula (typeset when a LaTeX form exists), the seed
    citation, and how the entry is established: the SymPy verdict and the tests that check it.
    """
    checked = coverage.scan(tests_dir) if tests_dir is not None else {}
    proofs = inv.prove_all()
    blocks = []
    for i in inv.INVARIANTS:
        if program is not None and i.program != program:
            continue
        how = []
        if i.id in proofs:
            how.append(f"**{proofs[i.id].verdict.value}** ({proofs[i.id].method})")
        kinds = ", ".join(i.kinds)
        tests = checked.get(i.id, [])
        if tests:
            how.append("checked by " + ", ".join(f"`{t}`" for t in tests))
        formula = f"$$\n{inv.LATEX[i.id]}\n$$" if i.id in inv.LATEX else f"`{i.formula}`"
        blocks.append(
            f"### `{i.id}` {{#{i.id}}}\n\n{i.statement}\n\n{formula}\n\n"
            f"*Source:* {i.citation.cite()}  \n*Kinds:* {kinds}  \n"
            f"*Established:* {'; '.join(how) or 'by the tests named in the catalog test'}\n"
        )
    return "\n".join(blocks)


def value_of(identifier: str) -> str:
    """One figure, for use inline in prose: a parameter or derivation id."""
    if identifier in pm.BY_ID:
        return show_value(pm.value(identifier))
    return show_value(dv.evaluate(identifier))


def difference_list() -> str:
    """The seed-versus-deployed differences, each under its own anchored heading."""
    from spec import differences

    blocks = []
    for d in differences.DIFFERENCES:
        evidence = "; ".join(
            f"[`{e}`]({page_link('derivations', e)})"
            if isinstance(e, str) and e in dv.BY_ID
            else f"[`{e}`]({page_link('invariants', e)})"
            if isinstance(e, str)
            else _cell(e.cite())
            for e in d.evidence
        )
        seed = f"> {d.seed.quote} — *{d.seed.document}*\n\n" if d.seed else ""
        blocks.append(
            f"### {d.topic} {{#{d.id}}}\n\n"
            f"`{d.id}`\n\n{seed}"
            f"**Deployed.** {d.deployed}\n\n**Evidence.** {evidence}\n\n"
            f"**In this specification.** {d.treatment}\n"
        )
    return "\n".join(blocks)


def _value(identifier: str) -> object:
    return pm.value(identifier) if identifier in pm.BY_ID else dv.evaluate(identifier)


def percent(identifier: str) -> str:
    """A ratio parameter or derivation as a percentage: ``8 %``."""
    from spec.exact import format_decimal, to_fraction

    return f"{format_decimal(to_fraction(_value(identifier)) * 100, 6)} %"


def grouped(identifier: str) -> str:
    """An integer parameter or derivation with thousands separators: ``777,600``."""
    return format_grouped(int(str(_value(identifier))))


def asmb(identifier: str) -> str:
    """An amount in µASMB as whole ASMB in billions when round: ``20 B ASMB``."""
    from fractions import Fraction

    from spec.exact import format_decimal, to_fraction

    whole = to_fraction(_value(identifier)) / 10 ** int(pm.value("ASMB_DECIMALS"))
    if whole % 10**9 == 0:
        return f"{format_grouped(int(whole / 10**9))} B ASMB"
    return f"{format_decimal(Fraction(whole), 6)} ASMB"


def iota(identifier: str) -> str:
    """An amount in nanos as whole IOTA: ``767,000 IOTA``."""
    from spec.exact import to_fraction

    whole = to_fraction(_value(identifier)) / 10 ** int(pm.value("IOTA_DECIMALS"))
    return f"{format_grouped(int(whole))} IOTA"


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
