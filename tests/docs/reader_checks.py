"""What a reader sees on a page of the site, measured in a browser, and the rules it must meet.

``OBSERVE`` runs in the page (headless Chromium, after load, fonts and KaTeX) and returns what the
reader is shown: the text of every block of the main content, the TeX of every typeset formula,
the geometry of every table and chart, what reaches beyond the viewport, and every link to an
anchor. ``ANCHORS`` then checks the page's anchors that links point to, following some of them as
a reader does. The rules below turn that into offences, each naming where on the page it is
(block, table row and column, nearest heading) and the offending text, marked ``⟦…⟧``.

What the text rules read, and what they exempt (deliberately):

- Only the main content (``.md-content article``); navigation and footer are the theme's.
- Never the text of ``code``, ``pre``, ``kbd``, ``samp``, ``tt``, ``script``, ``style``, ``svg``,
  the theme's permalink and copy buttons: code shows code. Never attribute text, so the exact
  value kept in ``<abbr title="…">`` (or any ``title``), ids, ``href`` anchors and hashes in
  attributes are not read; the visible text of an ``abbr`` is.
- Never a verbatim quotation: the text of ``q``, ``blockquote`` and ``cite``, and text between
  double quotation marks (``"…"``, ``“…”``) or single ones (``‘…’``, and ``'…'`` opening after
  and closing before a non-letter) within one block. A quotation reproduces its source (a seed
  writes "0,000004 ASMB"), and is not the site's own way of writing.
- KaTeX's output is not read as text (its hidden MathML repeats the TeX source): the math rules
  read around it, and a formula fails as a ``.katex-error``, as an unknown command (drawn in
  KaTeX's error colour) or as math left untypeset. The number rules read the TeX of each formula
  instead, so a formula holding a 36-digit rational fails like prose holding one.
- The body of a folded ``details`` block (everything but its ``summary``) is where the exact
  value is kept on purpose: the number rules skip it. The math rules do not: a folded formula
  must still be typeset, or shown as code.

Digits inside a word (ids like ``IOTA-SET-01``, file names like ``000_6fe19e2704b03593.txt``,
hex hashes, ``v31``) are not numbers; a run with more than one point (``0.10.0``) is a version;
a comma, no-break space, thin or narrow no-break space groups digits only in threes.

What the layout rules measure: tables and charts as the reader sees them once every folded block
is open (a folded table must fit when unfolded); a table's first two columns against the
viewport cut by every ancestor that scrolls or clips; content beyond the viewport's edges unless
something between it and the page scrolls or clips it. Links are anchor links to pages of the
site (``<a href>``, not an svg's ``xlink:href``); a target must exist and be rendered, and on the
links that are followed (``navigation_sample``) it must be on screen below the header on arrival
(navigating opens a closed ``details`` around it, as the browser does).
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Page

# --- what the page shows --------------------------------------------------------------------

OBSERVE = r"""
() => {
  const root = document.querySelector(".md-content article") || document.querySelector("article")
    || document.body;
  const vw = document.documentElement.clientWidth;
  const SVGNS = "http://www.w3.org/2000/svg";
  const XHTML = "http://www.w3.org/1999/xhtml";
  const SKIP = "code, pre, kbd, samp, tt, script, style, noscript, template, svg, .katex, "
    + ".headerlink, .md-clipboard, .md-source-file";
  const QUOTE = "q, blockquote, cite";
  const clean = (s) => s.replace(/\s+/g, " ").trim();
  const short = (s, n) => {
    const c = clean(s);
    return c.length > n ? c.slice(0, n - 1) + "…" : c;
  };
  const px = Math.round;
  const style = new Map();
  const css = (el) => {
    if (!style.has(el)) style.set(el, getComputedStyle(el));
    return style.get(el);
  };
  const isBlock = (el) => {
    const d = css(el).display;
    return !d.startsWith("inline") && d !== "contents";
  };
  const tables = [...root.querySelectorAll("table")];
  const tableNo = new Map(tables.map((t, i) => [t, i + 1]));
  const headingAt = new Map();
  let heading = "";
  const describe = (el) => {
    const cell = el.closest("td, th");
    let what = el.tagName.toLowerCase();
    if (cell && root.contains(cell)) {
      const row = cell.parentElement.rowIndex + 1;
      what = `table ${tableNo.get(cell.closest("table"))} row ${row} column ${cell.cellIndex + 1}`;
    }
    return heading ? `${what} under “${heading}”` : what;
  };

  // The text, block by block: `text` for the math rules, `plain` (folded bodies blanked) for
  // the number rules; code, KaTeX and quotations leave a space.
  const blocks = [];
  const blockOf = new Map();
  const blockFor = (el) => {
    let b = el;
    while (b !== root && !isBlock(b)) b = b.parentElement;
    if (!blockOf.has(b)) {
      const rec = { text: "", plain: "", where: describe(b) };
      blockOf.set(b, rec);
      blocks.push(rec);
    }
    return blockOf.get(b);
  };
  const folded = (node) => {
    for (let e = node.parentElement; e && e !== root.parentElement; e = e.parentElement) {
      if (e.tagName === "DETAILS") {
        const summary = [...e.children].find((c) => c.tagName === "SUMMARY");
        if (!summary || !summary.contains(node)) return true;
      }
    }
    return false;
  };
  const tex = [];
  const visit = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const rec = blockFor(node);
        const quoted = node.closest(QUOTE);
        rec.text += quoted ? " " : child.data;
        rec.plain += quoted || folded(child) ? " " : child.data;
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child;
      if (/^H[1-6]$/.test(el.tagName)) heading = short(el.textContent.replace("¶", ""), 60);
      if (el.localName === "table" || el.localName === "svg") headingAt.set(el, heading);
      if (el.tagName === "BR" || el.matches(SKIP)) {
        const rec = blockFor(node);
        const gap = el.tagName === "BR" ? "\n" : " ";
        rec.text += gap;
        rec.plain += gap;
        const source = el.matches(".katex")
          && el.querySelector('annotation[encoding="application/x-tex"]');
        if (source && !el.closest(QUOTE)) {
          tex.push({ tex: source.textContent, where: rec.where, folded: folded(el) });
        }
        continue;
      }
      visit(el);
    }
  };
  visit(root);
  for (const b of blocks) {
    b.text = clean(b.text);
    b.plain = clean(b.plain);
  }

  // A formula KaTeX cannot parse is shown raw as .katex-error; an unknown command inside one
  // it can parse is drawn in KaTeX's error colour.
  const katexErrors = [...root.querySelectorAll(".katex-error")].map(
    (e) => `${short(e.textContent, 80)} (${short(e.getAttribute("title") || "", 120)})`);
  const RED = '[style*="#cc0000"], [style*="rgb(204, 0, 0)"]';
  for (const e of root.querySelectorAll(".katex-html :is(" + RED + ")")) {
    if (!e.parentElement.closest(RED)) {
      katexErrors.push(`unknown command ${short(e.textContent, 60)}`);
    }
  }
  const untypeset = [...root.querySelectorAll(".arithmatex")]
    .filter((e) => !e.querySelector(".katex")).map((e) => short(e.textContent, 80));

  // Geometry is measured with every folded block open, as a reader who opens it sees it.
  const closed = [...root.querySelectorAll("details:not([open])")];
  for (const d of closed) d.open = true;

  // The box a descendant of `el` is visible in without scrolling: the viewport, cut by every
  // ancestor that clips or scrolls its overflow.
  const visibleBox = (el) => {
    let left = 0;
    let right = vw;
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      if (css(a).overflowX !== "visible") {
        const r = a.getBoundingClientRect();
        const l = r.left + a.clientLeft;
        left = Math.max(left, l);
        right = Math.min(right, l + a.clientWidth);
      }
    }
    return [left, right];
  };
  const tableInfo = tables.filter((t) => t.checkVisibility()).map((t) => {
    const head = t.tHead && t.tHead.rows.length ? t.tHead.rows[0] : t.rows[0];
    const columns = head ? [...head.cells].map((c) => short(c.textContent, 24)) : [];
    const h = headingAt.get(t);
    const name = `table ${tableNo.get(t)} (${columns.join(" | ")})`
      + (h ? ` under “${h}”` : "");
    const [left, right] = visibleBox(t);
    const r = t.getBoundingClientRect();
    const clipped = [];
    for (const row of t.rows) {
      let col = 0;
      for (const cell of row.cells) {
        if (col >= 2) break;
        const c = cell.getBoundingClientRect();
        const [cl, cr] = visibleBox(cell);
        if (c.width > 0 && (c.left < cl - 1 || c.right > cr + 1)) {
          clipped.push({
            row: row.rowIndex + 1, column: col + 1, text: short(cell.textContent, 40),
            left: px(c.left), right: px(c.right), boxLeft: px(cl), boxRight: px(cr),
          });
        }
        col += cell.colSpan;
      }
    }
    return {
      name, width: px(r.width), left: px(r.left), right: px(r.right),
      boxLeft: px(left), boxRight: px(right), rows: t.rows.length, clipped,
    };
  });

  // Charts: drawings, not icons (an icon's box is 24 units) nor KaTeX's stretched delimiters.
  const isChart = (s) => {
    const vb = s.viewBox && s.viewBox.baseVal;
    if (vb && (vb.width > 0 || vb.height > 0)) return vb.width > 48 || vb.height > 48;
    const size = (name) => parseFloat(s.getAttribute(name) || "0");
    return size("width") > 48 || size("height") > 48;
  };
  const charts = [...root.querySelectorAll("svg")]
    .filter((s) => !s.parentElement.closest("svg, .katex") && isChart(s))
    .map((s, i) => {
      const r = s.getBoundingClientRect();
      const texts = [...s.querySelectorAll("text")].filter((t) => {
        const b = t.getBoundingClientRect();
        return b.width > 0 && b.height > 0;
      }).length;
      const html = [...s.querySelectorAll("*")]
        .filter((e) => e.namespaceURI !== SVGNS && !e.closest("foreignObject"))
        .map((e) => e.localName);
      const h = headingAt.get(s);
      return {
        name: `chart ${i + 1}` + (h ? ` under “${h}”` : ""), width: r.width, height: r.height,
        texts, html: [...new Set(html)],
      };
    });
  // What the HTML parser makes of a drawing cut short: its elements, outside any svg.
  const SVG_ONLY = new Set([
    "g", "path", "defs", "use", "clippath", "lineargradient", "radialgradient", "polyline",
    "polygon", "symbol", "tspan", "ellipse", "circle", "rect", "line", "text", "marker",
  ]);
  const orphans = [...root.querySelectorAll("*")]
    .filter((e) => e.namespaceURI === XHTML && SVG_ONLY.has(e.localName));
  const orphanPlaces = [...new Set(orphans.map((e) => blockFor(e.parentElement).where))];

  // Main content reaching beyond the viewport: the outermost such elements, not inside
  // anything that scrolls or clips horizontally.
  const content = document.querySelector(".md-content") || root;
  const overflow = [];
  const scan = (el, leftToo) => {
    for (const c of el.children) {
      const r = c.getBoundingClientRect();
      const out = r.right > vw + 1 || (leftToo && r.left < -1);
      if (r.width > 0 && out && c.checkVisibility()) {
        const classes = typeof c.className === "string" && c.className.trim()
          ? "." + c.className.trim().split(/\s+/).join(".") : "";
        const span = `${px(r.left)}…${px(r.right)} px`;
        overflow.push(`${c.localName}${classes} «${short(c.textContent, 50)}» spans ${span}`);
        continue;
      }
      if (css(c).overflowX === "visible") scan(c, leftToo);
    }
  };
  scan(content, true);
  // The theme's drawers wait off screen to the left; only the right edge widens the document.
  const documentWidth = document.documentElement.scrollWidth;
  if (!overflow.length && documentWidth > vw + 1) scan(document.body, false);
  for (const d of closed) d.open = false;

  const links = [];
  for (const a of document.querySelectorAll("a[href]")) {
    let u;
    let id;
    try {
      u = new URL(a.href);
      id = decodeURIComponent(u.hash.slice(1));
    } catch (e) {
      continue;
    }
    if (u.origin !== location.origin || !id) continue;
    links.push({ path: u.pathname, id, text: short(a.textContent, 40) });
  }
  return {
    viewport: vw, documentWidth, blocks, tex, katexErrors, untypeset,
    katex: root.querySelectorAll(".katex").length,
    tables: tableInfo, charts, orphans: orphans.length, orphanPlaces, overflow, links,
  };
}
"""

ANCHORS = r"""
({ ids, navigate }) => {
  // Every id: an element has it and is rendered. The ids in `navigate`, and any whose element is
  // not rendered before (it may sit in a closed details, which navigation opens): navigate to it
  // as a reader following the link does, and it must be rendered and on screen, below the header.
  const out = {};
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const header = document.querySelector(".md-header");
  const top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  const closed = [...document.querySelectorAll("details:not([open])")];
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const sample = new Set(navigate);
  for (const id of ids) {
    const el = document.getElementById(id);
    if (!el) { out[id] = "no element has this id"; continue; }
    if (!sample.has(id) && visible(el)) { out[id] = ""; continue; }
    location.hash = id;
    if (!visible(el)) {
      out[id] = "the element is not rendered, even after navigating to it (hidden)"; continue;
    }
    const r = el.getBoundingClientRect();
    if (r.top < top - 2 || r.top >= vh - 4 || r.right <= 0 || r.left >= vw) {
      out[id] = `not on screen after navigating to it (top ${Math.round(r.top)} px, left `
        + `${Math.round(r.left)} px; the header ends at ${Math.round(top)} px, the viewport is `
        + `${vw}×${vh})`;
      continue;
    }
    out[id] = "";
  }
  for (const d of closed) d.open = false;
  history.replaceState(null, "", location.pathname);
  window.scrollTo(0, 0);
  return out;
}
"""


@dataclass(frozen=True)
class Link:
    page: str
    id: str
    text: str


@dataclass(frozen=True)
class Observation:
    """What one page shows at one viewport width (``page`` is its path from the site root)."""

    page: str
    width: int
    data: Mapping[str, Any]
    source: str
    requests: tuple[str, ...]
    anchors: Mapping[str, str]

    @property
    def links(self) -> list[Link]:
        return [
            Link(page_of(str(link["path"])), str(link["id"]), str(link["text"]))
            for link in self.data["links"]
        ]


def page_of(path: str) -> str:
    """The page key of a URL path: ``/`` and ``/index.html`` → ``""``, ``/a/`` → ``"a/"``."""
    key = unquote(path).lstrip("/")
    return key.removesuffix("index.html")


_LINK = re.compile(r'<a\s[^>]*?(?<![\w:-])href="([^"]+)"')


def anchor_targets(pages: Mapping[str, str]) -> dict[str, dict[str, set[str]]]:
    """For each built page (``page key → HTML``), the ids links (``<a href>``; not an svg's
    ``xlink:href``) target on it, each with the pages whose links target it."""
    targets: dict[str, dict[str, set[str]]] = {page: {} for page in pages}
    for page, html in pages.items():
        for href in _LINK.findall(html):
            url = urlsplit(urljoin(f"http://site/{page}", href.replace("&amp;", "&")))
            if url.netloc != "site" or not url.fragment:
                continue
            target = page_of(url.path)
            if target in targets:
                targets[target].setdefault(unquote(url.fragment), set()).add(page)
    return targets


def navigation_sample(
    linked: Mapping[str, set[str]], priority: Callable[[str], bool], size: int
) -> list[str]:
    """The ids of a page to navigate to: every id linked from a ``priority`` page (the home
    page, the holders' page), and ``size`` more spread evenly over the rest (sorted, so the
    sample is the same on every run)."""
    first = sorted(i for i, sources in linked.items() if any(priority(s) for s in sources))
    rest = sorted(set(linked) - set(first))
    step = max(1, -(-len(rest) // size)) if size else len(rest) + 1
    return first + rest[::step][:size]


# --- the rules ------------------------------------------------------------------------------

_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|‘[^’\n]*’|(?<![\w])\'[^\'\n]+\'(?![\w])')

MATH_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("TeX command", re.compile(r"\\[A-Za-z]{2,}")),
    ("TeX math delimiter", re.compile(r"\\[()\[\]]")),
    ("untypeset $…$", re.compile(r"\$\$|\$[^\s$](?:[^$]*[^\s$])?\$")),
    ("TeX ^{…} or _{…}", re.compile(r"[\^_]\{")),
    ("Python ** power", re.compile(r"(?<=[\w)\]])\s*\*\*\s*(?=[\w(\[])")),
    ("Python * product", re.compile(r"(?<=[\w)\]])\*(?=[\w(\[])")),
    ("caret exponent", re.compile(r"(?<=[\w)\]])\^[\w(+\-−]")),
    ("underscore subscript", re.compile(r"(?<![\w])[A-Za-zΑ-Ωα-ω]_[A-Za-z0-9]{1,3}(?![\w])")),
    (
        "SymPy call",
        re.compile(
            r"\b(?:Rational|Integer|Float|Symbol|sqrt|floor|ceiling|ceil|Min|Max|Piecewise|Mod|Abs"
            r"|Eq|Sum|Product)\("
        ),
    ),
    (
        "reST role",
        re.compile(r"(?<![\w`]):(?:py:)?(?:class|mod|func|meth|attr|data|const|exc|obj|ref|doc):"),
    ),
)


def _snippet(text: str, start: int, end: int, around: int = 30) -> str:
    left = max(0, start - around)
    right = min(len(text), end + around)
    hit = text[start:end]
    if len(hit) > 40:
        hit = f"{hit[:16]}…{hit[-8:]} ({len(hit)} characters)"
    before = ("…" if left else "") + text[left:start]
    return before + "⟦" + hit + "⟧" + text[end:right] + ("…" if right < len(text) else "")


def unquoted(text: str) -> str:
    """``text`` with each quoted span blanked (same length, so positions still hold): double
    quotes, curly single quotes, and straight single quotes that open after a non-letter and close
    before one (so that the apostrophe of "seed's" opens nothing)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def math_syntax(text: str) -> list[str]:
    """Raw math or markup syntax in reader text: each as ``rule: …⟦match⟧…``."""
    text = unquoted(text)
    found = []
    for rule, pattern in MATH_RULES:
        for match in pattern.finditer(text):
            found.append(f"{rule}: {_snippet(text, match.start(), match.end())}")
    return found


_SEPARATOR = ",\u00a0\u2009\u202f"
_RUN = re.compile(rf"(?<![\w.{_SEPARATOR}])\d(?:[\d.{_SEPARATOR}]*\d)?(?![\w])")
_GROUPS = re.compile(rf"[{_SEPARATOR}]")


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    digits: int
    grouped: bool
    decimals: int


def _numbers(text: str) -> list[_Number]:
    numbers = []
    for match in _RUN.finditer(text):
        run = match.group()
        if run.count(".") > 1:
            continue  # a version or a dotted name
        whole, _, fraction = run.partition(".")
        groups = _GROUPS.split(whole)
        if len(groups) > 1 and not (
            1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        ):
            # Not a grouped number: a list, or a decimal comma; each part stands alone.
            position = match.start()
            for part in groups:
                if part:
                    numbers.append(_Number(position, position + len(part), len(part), False, 0))
                position += len(part) + 1
            continue
        digits = sum(len(g) for g in groups)
        # Below 1, the zeros after the point place the number, they add no precision.
        below_one = not _GROUPS.sub("", whole).strip("0")
        decimals = len(fraction.lstrip("0")) if below_one else len(fraction)
        numbers.append(_Number(match.start(), match.end(), digits, len(groups) > 1, decimals))
    return numbers


def number_forms(text: str) -> list[str]:
    """Numbers in forms a reader cannot read, each as ``rule: …⟦number⟧…``: a rational with
    both parts of 6+ digits, an integer of 15+ digits, an ungrouped integer of 5+ digits, a
    decimal with more than 4 digits after the point (below 1, the zeros that lead them are not
    counted: 0.000004 has one, 0.151167 six)."""
    text = unquoted(text)
    found = []
    numbers = _numbers(text)
    in_rational: set[_Number] = set()
    for first, second in itertools.pairwise(numbers):
        between = text[first.end : second.start]
        if re.fullmatch(r"\s*/\s*", between) and min(first.digits, second.digits) >= 6:
            in_rational |= {first, second}
            found.append(
                f"rational of {first.digits}/{second.digits} digits: "
                + _snippet(text, first.start, second.end)
            )
    for number in numbers:
        where = _snippet(text, number.start, number.end)
        if number in in_rational:
            pass
        elif number.digits >= 15:
            found.append(f"{number.digits}-digit number: {where}")
        elif number.digits >= 5 and not number.grouped:
            found.append(f"ungrouped {number.digits}-digit number: {where}")
        if number.decimals > 4:
            found.append(f"{number.decimals} digits after the point: {where}")
    return found


def tex_as_text(tex: str) -> str:
    """The numbers of a TeX formula as a reader sees them: ``\\frac{a}{b}`` as ``a/b``, ``{,}``
    as a comma, TeX's thin spaces as thin spaces, commands and braces dropped."""
    text = tex.replace("{,}", ",")
    fraction = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
    while fraction.search(text):
        text = fraction.sub(r" \1/\2 ", text)
    text = re.sub(r"\\[,;:!]|\\ |~", "\u2009", text)
    text = re.sub(r"\\[A-Za-z]+", " ", text)
    return re.sub(r"[{}^_]", " ", text)


# --- offences per check, from an observation ------------------------------------------------


def _blocks(observation: Observation) -> list[Mapping[str, Any]]:
    return list(observation.data["blocks"])


def raw_math(observation: Observation) -> list[str]:
    """Raw math or markup in the text, KaTeX errors, and math left untypeset."""
    found = [
        f"{block['where']}: {offence}"
        for block in _blocks(observation)
        for offence in math_syntax(str(block["text"]))
    ]
    found += [f"KaTeX error: {error}" for error in observation.data["katexErrors"]]
    found += [f"math left untypeset: {text}" for text in observation.data["untypeset"]]
    return found


def unreadable_numbers(observation: Observation) -> list[str]:
    """Numbers in unreadable forms, in the text (folded bodies skipped) and in formulas."""
    found = [
        f"{block['where']}: {offence}"
        for block in _blocks(observation)
        for offence in number_forms(str(block["plain"]))
    ]
    found += [
        f"{formula['where']} (formula): {offence}"
        for formula in observation.data["tex"]
        if not formula["folded"]
        for offence in number_forms(tex_as_text(str(formula["tex"])))
    ]
    return found


def clipped_key_columns(observation: Observation) -> list[str]:
    """Cells of a table's first two columns not wholly in view without scrolling."""
    found = []
    for table in observation.data["tables"]:
        clipped = list(table["clipped"])
        if clipped:
            cell = clipped[0]
            found.append(
                f"{table['name']}: {len(clipped)} cell(s) of the first two columns out of view,"
                f" e.g. row {cell['row']} column {cell['column']} «{cell['text']}» spans"
                f" {cell['left']}…{cell['right']} px, visible {cell['boxLeft']}…{cell['boxRight']}"
                " px"
            )
    return found


def wide_tables(observation: Observation) -> list[str]:
    """Tables wider than the column of the page they sit in."""
    return [
        f"{table['name']} is {table['width']} px wide ({table['left']}…{table['right']} px);"
        f" the page shows {table['boxLeft']}…{table['boxRight']} px"
        for table in observation.data["tables"]
        if table["right"] > table["boxRight"] + 1 or table["left"] < table["boxLeft"] - 1
    ]


# The start tags that end foreign content (an svg) in the HTML parser, and span and div.
_BREAKOUT = (
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img",
    "li listing menu meta nobr ol p pre ruby s small span strike strong sub sup table tt u ul var",
)
_BREAKOUT_TAGS = [tag for line in _BREAKOUT for tag in line.split()]
_HTML_TAG = re.compile(r"<(/?)(" + "|".join(_BREAKOUT_TAGS) + r")(?=[\s/>])", re.IGNORECASE)


def stray_html_in_svg(source: str) -> list[str]:
    """HTML tags between an ``<svg>`` and its ``</svg>`` in the page's source (outside a
    ``foreignObject``): the HTML parser ends the drawing at the first one. Each svg is named by
    the heading before it."""
    found = []
    for number, match in enumerate(re.finditer(r"<svg[\s>]", source), start=1):
        end = source.find("</svg>", match.start())
        inner = source[match.start() : end if end >= 0 else len(source)]
        inner = re.sub(r"<foreignObject.*?</foreignObject>", "", inner, flags=re.DOTALL)
        tags = sorted({f"<{m.group(1)}{m.group(2).lower()}>" for m in _HTML_TAG.finditer(inner)})
        if tags:
            headings = re.findall(
                r"<h[1-6][^>]*>(.*?)</h[1-6]>", source[: match.start()], re.DOTALL
            )
            heading = re.sub(r"<[^>]+>|¶", "", headings[-1]).strip() if headings else ""
            where = f"under “{heading}”" if heading else f"number {number} in the source"
            found.append(f"the svg {where} holds {', '.join(tags)}")
    return found


def broken_charts(observation: Observation) -> list[str]:
    """Charts not drawn: zero size, no visible text, HTML inside, drawing spilled outside."""
    found = []
    for chart in observation.data["charts"]:
        if not (chart["width"] > 0 and chart["height"] > 0):
            found.append(f"{chart['name']} is drawn {chart['width']}×{chart['height']} px")
        elif chart["texts"] == 0:
            found.append(f"{chart['name']} shows no text (no axis labels or title drawn)")
        if chart["html"]:
            found.append(f"{chart['name']} holds HTML elements: {', '.join(chart['html'])}")
    if observation.data["orphans"]:
        found.append(
            f"{observation.data['orphans']} SVG elements outside any svg (stray HTML ended the"
            f" drawing early), in {'; '.join(observation.data['orphanPlaces'])}"
        )
    found += stray_html_in_svg(observation.source)
    return found


def overflowing_content(observation: Observation) -> list[str]:
    """Main content reaching beyond the viewport (the document would scroll sideways, or, as the
    theme hides the overflow, be cut off); failing that, anything making the document wider."""
    viewport = observation.data["viewport"]
    found = [f"beyond the {viewport} px viewport: {what}" for what in observation.data["overflow"]]
    if not found and observation.data["documentWidth"] > viewport + 1:
        found.append(f"the document is {observation.data['documentWidth']} px wide in {viewport}")
    return found


def broken_anchors(
    observation: Observation, pages: Iterable[str], state: Callable[[str, str], str]
) -> list[str]:
    """Links to an anchor of a site page whose target is missing or not shown on arrival;
    ``state(page, id)`` is ``""`` when the target is fine, otherwise what is wrong."""
    known = set(pages)
    found = []
    links: dict[tuple[str, str], Link] = {}
    for link in observation.links:
        if link.page in known:
            links.setdefault((link.page, link.id), link)
    for _, link in sorted(links.items()):
        problem = state(link.page, link.id)
        if problem:
            found.append(f"«{link.text}» → /{link.page}#{link.id}: {problem}")
    return found


def report(offences: Sequence[str], limit: int = 25) -> str:
    """The offences as one assertion message, the first ``limit`` of them in full."""
    shown = "\n  ".join(offences[:limit])
    more = f"\n  … and {len(offences) - limit} more" if len(offences) > limit else ""
    return f"{len(offences)} offence(s):\n  {shown}{more}"


# --- the browser ----------------------------------------------------------------------------

CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

#: The viewports read: a laptop and a phone (width → height).
VIEWPORTS = {1280: 900, 390: 844}

_AT_REST = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# KaTeX has run: every formula is typeset or marked as an error.
_TYPESET = """() => ![...document.querySelectorAll('.arithmatex')]
  .some((e) => !e.querySelector('.katex, .katex-error'))"""


def is_priority_page(page: str) -> bool:
    """Pages whose links to anchors are all followed in the browser (elsewhere, a sample)."""
    return page == "" or "holders" in page


#: How many more anchors per page (beyond the priority pages' links) are navigated to.
NAVIGATED_PER_PAGE = 12


class Reader:
    """One headless Chromium for a test module, one tab: each page is loaded once and read at
    every viewport width in turn (the tab resized, as a window is; nothing reloads), and kept.
    ``targets`` lists, per page, the ids that links point to (``anchor_targets``); they are
    checked while the page is open."""

    def __init__(
        self,
        base: str,
        chromium: str,
        targets: Mapping[str, Mapping[str, set[str]]],
        screenshots: Path | None = None,
    ) -> None:
        from playwright.sync_api import sync_playwright

        self.base = base
        self.targets: dict[str, dict[str, set[str]]] = {
            page: {anchor: set(sources) for anchor, sources in ids.items()}
            for page, ids in targets.items()
        }
        self.screenshots = screenshots
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=chromium, args=list(CHROMIUM_FLAGS)
        )
        self._requests: list[str] = []
        width, height = next(iter(VIEWPORTS.items()))
        context = self._browser.new_context(viewport={"width": width, "height": height})
        context.on("request", lambda request: self._requests.append(request.url))
        self._tab: Page = context.new_page()
        self._seen: dict[tuple[str, int], Observation] = {}

    def add_targets(self, targets: Mapping[str, Mapping[str, set[str]]]) -> None:
        """More ids links point to (``anchor_targets`` of pages added after the site's)."""
        for page, ids in targets.items():
            for anchor, sources in ids.items():
                self.targets.setdefault(page, {}).setdefault(anchor, set()).update(sources)

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def _resize(self, width: int) -> None:
        if self._tab.viewport_size != {"width": width, "height": VIEWPORTS[width]}:
            self._tab.set_viewport_size({"width": width, "height": VIEWPORTS[width]})

    def _open(self, page: str) -> str:
        response = self._tab.goto(f"{self.base}/{page}", wait_until="load")
        # A missing page is not a page that passes: the server's error page has nothing wrong.
        if response is None or not response.ok:
            status = "no response" if response is None else f"HTTP {response.status}"
            raise AssertionError(f"/{page} did not load: {status}")
        source = response.text()
        # Read the page at rest: a resize must not catch the theme mid-transition.
        self._tab.add_style_tag(content=_AT_REST)
        self._tab.evaluate("() => document.fonts.ready.then(() => true)")
        # Math left untypeset is reported by the checks, not here.
        with contextlib.suppress(Exception):
            self._tab.wait_for_function(_TYPESET, timeout=3000)
        return source

    def observe(self, page: str, width: int) -> Observation:
        """What ``page`` shows at ``width``, its linked anchors checked (cached)."""
        if (page, width) not in self._seen:
            self._read(page)
        return self._seen[(page, width)]

    def _read(self, page: str) -> None:
        # Loaded at the tab's current width, read at it first: one resize per page. Navigating
        # to anchors scrolls and may open details; ANCHORS closes them again and scrolls back.
        self._requests.clear()
        source = self._open(page)
        current = self._tab.viewport_size
        widths = sorted(VIEWPORTS, key=lambda w: current is None or w != current["width"])
        targets = self.targets.get(page, {})
        for width in widths:
            self._resize(width)
            data = self._tab.evaluate(OBSERVE)
            if self.screenshots is not None:
                name = page.strip("/").replace("/", "-").removesuffix(".html") or "home"
                path = self.screenshots / f"{name}-{width}.png"
                self._tab.screenshot(path=str(path), full_page=True)
            linked = {i: set(s) for i, s in targets.items()}
            for link in data["links"]:
                if page_of(str(link["path"])) == page:
                    linked.setdefault(str(link["id"]), set()).add(page)
            navigate = navigation_sample(linked, is_priority_page, NAVIGATED_PER_PAGE)
            anchors = self._tab.evaluate(ANCHORS, {"ids": sorted(linked), "navigate": navigate})
            self._seen[(page, width)] = Observation(
                page, width, data, source, tuple(self._requests), dict(anchors)
            )

    def anchor_state(self, page: str, width: int, anchor: str) -> str:
        """``""`` if a reader following a link to ``page#anchor`` lands on it, else why not."""
        observation = self.observe(page, width)
        if anchor in observation.anchors:
            return observation.anchors[anchor]
        self._open(page)
        self._resize(width)
        state = str(self._tab.evaluate(ANCHORS, {"ids": [anchor], "navigate": [anchor]})[anchor])
        self._seen[(page, width)] = Observation(
            page,
            width,
            observation.data,
            observation.source,
            observation.requests,
            {**observation.anchors, anchor: state},
        )
        return state

    def screenshot(self, page: str, width: int, path: Path) -> None:
        """A screenshot of ``page``: the whole page when screenshots were asked for (they are
        then looked at), else its first screen (a whole long page takes seconds)."""
        self._resize(width)
        self._open(page)
        self._tab.screenshot(path=str(path), full_page=self.screenshots is not None)
