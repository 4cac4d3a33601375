"""The records' sentences as HTML for readers: ids as links, math marks typeset.

The catalogs' sentences (a parameter's description, a derivation's meaning, an invariant's
statement and formula, a difference's notes) are plain text in ``spec/programs``, written with a
few marks a keyboard has: ``D_1``, ``10^6``, ``(1 + r)^(1/365)``, ``floor(x)``. :func:`prose`
writes them for the site without changing a word: every catalog id becomes a link to its anchor
(a figure's id also shows its value, so that no id stands where its value belongs), ``D_1``
becomes D₁-style subscripts, ``^`` superscripts, ``floor(…)`` and ``ceil(…)`` the brackets
⌊…⌋ and ⌈…⌉; error codes, other systems' names (``min_deposit``) and the seeds' own garbled
formulas are set as code. The result is HTML, never
Markdown, so that no asterisk is eaten.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Final

from spec import derivations as dv
from spec import differences as df
from spec import invariants as inv
from spec import parameters as pm
from spec import readable

#: The page that holds each kind of id's anchor.
PAGES: Final = (
    (pm.BY_ID, "parameters"),
    (dv.BY_ID, "derivations"),
    (inv.BY_ID, "invariants"),
    (df.BY_ID, "seed-vs-deployed"),
)


def page_of(identifier: str) -> str | None:
    """The page whose anchor an id is, or None when it is no catalog id."""
    for registry, page in PAGES:
        if identifier in registry:
            return page
    return None


def id_link(identifier: str) -> str:
    """An id as a link to its anchor, from any page one level below the site's root."""
    page = page_of(identifier)
    if page is None:
        raise KeyError(f"{identifier} is no catalog id")
    name = html.escape(identifier)
    return f'<a class="spec-ref" href="../{page}/#{name}"><code>{name}</code></a>'


def value_html(identifier: str) -> str | None:
    """A parameter's or derivation's value for readers, or None for a formula or another id."""
    if identifier in pm.BY_ID:
        parameter = pm.BY_ID[identifier]
        return readable.html(readable.reading(parameter.value, parameter.unit))
    if identifier in dv.BY_ID:
        derivation = dv.BY_ID[identifier]
        value = derivation.evaluate()
        if readable.is_number(value):
            return readable.html(readable.reading(value, derivation.unit))
    return None


# Ids that are plain words (``IOTASRB``) read as the word, not as a link.
_IDS: Final = sorted(
    (i for registry, _ in PAGES for i in registry if "-" in i or "_" in i), key=len, reverse=True
)
_ID: Final = re.compile(
    r"(?P<open>\()?(?<![\w.-])(?P<id>" + "|".join(map(re.escape, _IDS)) + r")(?![\w-])"
    r"(?P<close>\))?(?P<unit> [^\s,.;:()]+)?"
)
_CODE: Final = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,}[A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]{2,}(?:_[a-z0-9]{2,})+)(?![\w-])"
)
_QUOTED_FORMULA: Final = re.compile(r"(?<!\w)'([^']*[*+^/][^']*)'")
_SUBSCRIPT: Final = re.compile(
    r"(?<![\w])(?P<base>[A-Za-zΣ]{1,8})_(?:\{(?P<braced>[^}]*)\}|(?P<plain>[A-Za-z0-9]{1,4}))"
    r"(?![A-Za-z0-9])"
)
_SIMPLE_POWER: Final = re.compile(r"\^(?P<power>-?[A-Za-z0-9]+)")


def _balanced(text: str, start: int) -> int:
    """The index just after the parenthesis that closes the one at ``start``, or -1."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _brackets(text: str) -> str:
    """``floor(x)`` -> ⌊x⌋ and ``ceil(x)`` -> ⌈x⌉, nested ones too."""
    for name, left, right in (("floor(", "⌊", "⌋"), ("ceil(", "⌈", "⌉")):
        position = text.find(name)
        while position != -1:
            end = _balanced(text, position + len(name) - 1)
            if end == -1 or (position > 0 and text[position - 1].isalnum()):
                position = text.find(name, position + 1)
                continue
            inner = _brackets(text[position + len(name) : end - 1])
            text = f"{text[:position]}{left}{inner}{right}{text[end:]}"
            position = text.find(name, position + 1)
    return text


def _powers(text: str) -> str:
    """``a^(…)``, ``a^{…}`` and ``a^n`` as superscripts."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "^" and index + 1 < len(text) and text[index + 1] in "({":
            closing = ")" if text[index + 1] == "(" else "}"
            end = _balanced(text, index + 1) if closing == ")" else text.find("}", index + 1) + 1
            if end > 0:
                inner = _powers(text[index + 2 : end - 1]).replace("-", "−")
                out.append(f"<sup>{inner}</sup>")
                index = end
                continue
        match = _SIMPLE_POWER.match(text, index) if char == "^" else None
        if match:
            out.append(f"<sup>{match.group('power').replace('-', '−')}</sup>")
            index = match.end()
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _subscripts(text: str) -> str:
    def sub(match: re.Match[str]) -> str:
        inner = match.group("braced") if match.group("braced") is not None else match["plain"]
        return f"{match.group('base')}<sub>{inner}</sub>"

    return _SUBSCRIPT.sub(sub, text)


_DIGITS: Final = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3}){4,}(?!\d|,\d)")


def _marks(text: str) -> str:
    """The math marks of escaped plain text, typeset; a number of 15 digits or more that a
    sentence spells out digit by digit (a value as a file holds it, its last digit the point)
    set as a literal, in code."""
    text = _DIGITS.sub(lambda m: f'<code class="spec-digits">{m.group(0)}</code>', text)
    return _subscripts(_powers(_brackets(text)))


def _split(text: str, pattern: re.Pattern[str], each: Callable[[re.Match[str]], str]) -> list[str]:
    """``text`` cut at ``pattern``: plain pieces at even indices, rendered matches at odd."""
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        pieces += [text[last : match.start()], each(match)]
        last = match.end()
    return [*pieces, text[last:]]


def prose(text: str, *, values: bool = True) -> str:
    """A record's sentence as HTML for readers (see the module's docstring).

    With ``values``, a figure's id shows its value: "the fraction PRE-CAP-BINDING-FRACTION"
    reads "the fraction 92.53 % (PRE-CAP-BINDING-FRACTION)", "(PRE-CAP-AMOUNT)" reads
    "(PRE-CAP-AMOUNT = 8 B ASMB)". Without it (in a formula) an id is only a link.
    """

    def catalog_id(match: re.Match[str]) -> str:
        identifier = match.group("id")
        link = id_link(identifier)
        value = value_html(identifier) if values else None
        opened, closed = match.group("open") or "", match.group("close") or ""
        unit = match.group("unit") or ""
        if value is not None and unit.strip() == _unit(identifier):
            unit = ""  # "at most POST-ACCUMULATOR-BOUND µASMB": the value carries its unit
        after = html.escape(unit, quote=False)
        if value is None:
            return f"{opened}{link}{closed}{after}"
        if opened and closed:
            return f"({link} = {value}){after}"
        return f"{opened}{value} ({link}){closed}{after}"

    rendered: list[str] = []
    for index, piece in enumerate(_split(text, _ID, catalog_id)):
        if index % 2:
            rendered.append(piece)
            continue
        for inner, part in enumerate(_split(piece, _QUOTED_FORMULA, _quoted)):
            if inner % 2:
                rendered.append(part)
                continue
            for last, bit in enumerate(_split(part, _CODE, _code)):
                rendered.append(bit if last % 2 else _marks(html.escape(bit, quote=False)))
    return "".join(rendered)


def _unit(identifier: str) -> str:
    record = pm.BY_ID.get(identifier) or dv.BY_ID.get(identifier)
    return record.unit if record is not None else ""


def _quoted(match: re.Match[str]) -> str:
    return f"<code>{html.escape(match.group(1))}</code>"


def _code(match: re.Match[str]) -> str:
    return f"<code>{html.escape(match.group(0))}</code>"
