"""The site in a real browser, as readers see it, on every page at 1280 px and at 390 px.

Headless Chromium (the system's, driven by Playwright) loads every page of the built site from a
local server, once, and reads it at each viewport width in turn (``reader_checks`` holds the
measuring script and the rules, with what they exempt and why). Each check is its own test,
parametrised over page and width, so a failure names the page, the width and the offending
text:

- no raw math or markup syntax in the text outside code and KaTeX (``**``, ``*`` between
  operands, ``\\frac``, ``^{``, ``x^2``, ``S_y``, ``floor(``, ``Rational(``, untypeset ``$…$``,
  Sphinx roles), no KaTeX error, no math left untypeset;
- no number in an unreadable form (a rational of two 6+-digit parts, an integer of 15+ digits,
  an ungrouped integer of 5+ digits, a decimal with more than 4 digits after the point);
- every table's first two columns in view without scrolling, at both widths, and at 1280 px
  every table, all its columns, within the page's column (on a phone a wide table may scroll
  sideways as long as its key columns show);
- every chart drawn at a non-zero size, with its text, and no HTML inside its ``svg``;
- every link to an anchor of a site page lands on a rendered element; those of the home page
  and the holders' page, and a sample of every other page's, are followed and must land on
  screen;
- the main content no wider than the viewport;
- every request a page makes goes to the local server (nothing is fetched from outside).

The pages are those mkdocs builds from ``docs/`` (honouring ``exclude_docs``), and under the id
``generated`` every other page the build makes (a hook's pages), so a new page is covered without
editing this file. The sources the site publishes verbatim (under ``sources/``) are read by the
layout rules only: their wording is the cited source's. The rules are tested on text directly,
and on hand-made pages holding each defect, and a page free of them, served by the same server
in the site's own page shell. Screenshots of the invariant catalog and a program page are written
to ``$ASMB_SCREENSHOTS`` (default: the test's temporary folder); with ``$ASMB_SCREENSHOTS`` set,
every page is shot whole at both widths. Without Chromium the browser tests are skipped, with
that reason; the rules' own tests run anyway.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from spec.sources import SITE_DIR
from tests.docs import reader_checks as rc

if TYPE_CHECKING:
    # pytest.param's type; pytest exports it by this name only from 9.2.
    from _pytest.mark import ParameterSet

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = tuple(rc.VIEWPORTS)
#: Where a whole table must fit: the laptop. On the phone its first two columns must.
FULL_TABLE_WIDTHS = (1280,)
FIXTURE_PREFIX = "_reader-fixture-"


def _site_pages() -> list[str]:
    """The page keys mkdocs builds from the docs folder (directory URLs): ``""`` for the home
    page, ``"supply/"`` for ``supply.md``; files under ``exclude_docs`` are no pages."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^docs_dir:\s*(\S+)", config, re.MULTILINE)
    docs = REPO / (found.group(1) if found else "docs")
    block = re.search(r"^exclude_docs:\s*\|\n((?:[ \t]+\S.*\n?)+)", config, re.MULTILINE)
    excluded = [line.strip().strip("/") for line in block.group(1).splitlines()] if block else []
    pages = []
    for source in docs.rglob("*.md"):
        relative = source.relative_to(docs)
        if any(relative.is_relative_to(folder) or relative.match(folder) for folder in excluded):
            continue
        if relative.name in ("index.md", "README.md"):
            parent = relative.parent.as_posix()
            pages.append("" if parent == "." else f"{parent}/")
        else:
            pages.append(relative.with_suffix("").as_posix() + "/")
    return sorted(pages)


PAGES = _site_pages()
#: Stands for every built page that no docs file makes (pages a hook generates).
OTHER_PAGES = "(generated pages)"
#: Sources the site publishes verbatim (a seed's or the fixtures' own text, cited by quotation):
#: their wording is the source's, so the text rules do not read them; the layout rules do.
VERBATIM = f"{SITE_DIR}/"


def _cases(widths: tuple[int, ...] = WIDTHS) -> list[ParameterSet]:
    cases = [
        pytest.param(page, width, id=f"{page.strip('/') or 'home'}-{width}")
        for page in PAGES
        for width in widths
    ]
    return cases + [pytest.param(OTHER_PAGES, width, id=f"generated-{width}") for width in widths]


# --- the server and the browser -------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, and the hand-made pages of ``fixtures`` at the site's root."""

    fixtures: Path

    def log_message(self, format: str, *args: object) -> None:
        return

    def translate_path(self, path: str) -> str:
        name = path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
        if name.startswith(FIXTURE_PREFIX) and (self.fixtures / name).is_file():
            return str(self.fixtures / name)
        return super().translate_path(path)


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reader-fixtures")


@pytest.fixture(scope="module")
def server(site: Path, fixtures: Path) -> Iterator[str]:
    handler_class = type("Handler", (_Handler,), {"fixtures": fixtures})
    handler = functools.partial(handler_class, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("ASMB_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _built_pages(site: Path) -> dict[str, str]:
    pages = {}
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site)
        if "assets" in relative.parts:
            continue
        key = "" if relative.as_posix() == "." else f"{relative.as_posix()}/"
        pages[key] = html.read_text(encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def built(site: Path) -> dict[str, str]:
    """Every page of the built site: its key (path from the root) → its HTML."""
    return _built_pages(site)


@pytest.fixture(scope="module")
def reader(server: str, built: dict[str, str]) -> Iterator[rc.Reader]:
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (apt install chromium)")
    shots = os.environ.get("ASMB_SCREENSHOTS")
    targets = rc.anchor_targets(built)
    browser = rc.Reader(server, CHROMIUM, targets, Path(shots) if shots else None)
    yield browser
    browser.close()


def _fixture(fixtures: Path, site: Path, name: str, body: str) -> str:
    """A hand-made page in the site's own shell (theme, CSS, KaTeX), ``body`` as its article."""
    shell = (site / "index.html").read_text(encoding="utf-8")
    start = shell.index(">", shell.index('<article class="md-content__inner')) + 1
    end = shell.index("</article>", start)
    # The home page's own table of contents would link to ids the fixture lacks.
    before, after = (
        re.sub(r'href="#[^"]*"', 'href="."', part) for part in (shell[:start], shell[end:])
    )
    page = f"{FIXTURE_PREFIX}{name}.html"
    (fixtures / page).write_text(before + body + after, encoding="utf-8")
    return page


def _no_offences(offences: list[str]) -> None:
    if offences:
        pytest.fail(rc.report(offences), pytrace=False)


# --- every page of the site -----------------------------------------------------------------


def test_every_docs_page_is_built(built: dict[str, str]) -> None:
    """The page keys derived from ``docs/`` name built pages (so each is read)."""
    assert set(PAGES) <= set(built)


def _check(
    reader: rc.Reader,
    built: dict[str, str],
    page: str,
    width: int,
    check: Callable[[rc.Observation], list[str]],
    *,
    reads_text: bool = False,
) -> None:
    """Apply ``check`` to ``page`` at ``width``, or to each generated page; a rule that reads
    the text skips the verbatim sources."""
    pages = sorted(set(built) - set(PAGES)) if page == OTHER_PAGES else [page]
    if reads_text:
        pages = [p for p in pages if not p.startswith(VERBATIM)]
    offences = [(p, found) for p in pages for found in check(reader.observe(p, width))]
    _no_offences([f"/{p}: {found}" if page == OTHER_PAGES else found for p, found in offences])


@pytest.mark.parametrize(("page", "width"), _cases())
def test_no_raw_math_syntax(
    reader: rc.Reader, built: dict[str, str], page: str, width: int
) -> None:
    _check(reader, built, page, width, rc.raw_math, reads_text=True)


@pytest.mark.parametrize(("page", "width"), _cases())
def test_numbers_are_readable(
    reader: rc.Reader, built: dict[str, str], page: str, width: int
) -> None:
    _check(reader, built, page, width, rc.unreadable_numbers, reads_text=True)


@pytest.mark.parametrize(("page", "width"), _cases())
def test_key_columns_are_in_view(
    reader: rc.Reader, built: dict[str, str], page: str, width: int
) -> None:
    _check(reader, built, page, width, rc.clipped_key_columns)


@pytest.mark.parametrize(("page", "width"), _cases(FULL_TABLE_WIDTHS))
def test_tables_fit_the_page(
    reader: rc.Reader, built: dict[str, str], page: str, width: int
) -> None:
    _check(reader, built, page, width, rc.wide_tables)


@pytest.mark.parametrize(("page", "width"), _cases())
def test_charts_are_drawn(reader: rc.Reader, built: dict[str, str], page: str, width: int) -> None:
    _check(reader, built, page, width, rc.broken_charts)


@pytest.mark.parametrize(("page", "width"), _cases())
def test_anchor_links_land(reader: rc.Reader, built: dict[str, str], page: str, width: int) -> None:
    """Every link to an anchor of a site page: an element has the id and is rendered; the
    links of the home and holders' pages, and a sample of the others, are followed."""
    state = functools.partial(_state, reader, width)
    _check(reader, built, page, width, lambda seen: rc.broken_anchors(seen, built, state))


def _state(reader: rc.Reader, width: int, page: str, anchor: str) -> str:
    return reader.anchor_state(page, width, anchor)


@pytest.mark.parametrize(("page", "width"), _cases())
def test_content_fits_the_viewport(
    reader: rc.Reader, built: dict[str, str], page: str, width: int
) -> None:
    _check(reader, built, page, width, rc.overflowing_content)


@pytest.mark.parametrize(("page", "width"), _cases())
def test_nothing_is_fetched_from_outside(
    reader: rc.Reader, built: dict[str, str], server: str, page: str, width: int
) -> None:
    def outside(observation: rc.Observation) -> list[str]:
        if not observation.requests:
            return ["the page made no request at all"]
        return [f"fetched {url}" for url in observation.requests if not url.startswith(server)]

    _check(reader, built, page, width, outside)


def test_invariant_catalog_typesets_its_math(reader: rc.Reader, screenshots: Path) -> None:
    observation = reader.observe("invariants/", 1280)
    assert observation.data["katex"] > 5
    assert observation.data["untypeset"] == []
    reader.screenshot("invariants/", 1280, screenshots / "invariants.png")
    assert (screenshots / "invariants.png").stat().st_size > 10_000


def test_program_page_has_math_and_a_chart(reader: rc.Reader, screenshots: Path) -> None:
    observation = reader.observe("prelaunch/", 1280)
    assert observation.data["katex"] >= 1
    assert len(observation.data["charts"]) >= 1
    assert observation.data["untypeset"] == []
    reader.screenshot("prelaunch/", 1280, screenshots / "prelaunch.png")


# --- the rules on text, without a browser ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("-1 + (9127/9125)**365", "Python ** power"),
        ("3**(3/365)5*(363/365)/5", "Python * product"),
        ("the supply S_y at the start", "underscore subscript"),
        ("distributed D_1: 20 B − D_1", "underscore subscript"),
        ("e^{IOTASRB(v)} − 1", "TeX ^{…} or _{…}"),
        ("(1 + r)^(1/365) − 1", "caret exponent"),
        ("ASMB in µASMB (10^-6 ASMB)", "caret exponent"),
        ("year 1's provision floor(S × r)", "SymPy call"),
        ("Rational(1, 3) of it", "SymPy call"),
        ("ceil(21 · 365/12)", "SymPy call"),
        ("the formula \\mathtt{ASMB\\_INITIAL\\_SUPPLY}", "TeX command"),
        ("left as \\(x\\) in the text", "TeX math delimiter"),
        ("the value $x + y$ untypeset", "untypeset $…$"),
        ("see :class: for the record", "reST role"),
        ("the registries :mod: gather", "reST role"),
    ],
)
def test_math_rules_catch_raw_syntax(text: str, rule: str) -> None:
    assert any(found.startswith(f"{rule}:") for found in rc.math_syntax(text)), rc.math_syntax(text)


@pytest.mark.parametrize(
    "text",
    [
        "(1 + r)¹ᐟ³⁶⁵ − 1, S₀ · r, ⌊S₀ · r⌋",  # Unicode super- and subscripts, ⌊ ⌋
        "20 B − D₁, 3 × 5, x · y, 2⁶⁴ − 1",
        "ids ASMB_INITIAL_SUPPLY and IOTA_I_PER_MI, fixtures/README.md, a_b_c",
        "the seed's '(1*p)' read as p",
        'the seed says "10^6 i" and “S_y”',
        "footnote* and *emphasis* and 8 % a year",
        "pays $5 and $",
        "between (1 + IOTASRB)¹⁻ᶜʳ − 1 and exp(IOTASRB(v)) − 1, log(2)",
    ],
)
def test_math_rules_pass_readable_text(text: str) -> None:
    assert rc.math_syntax(text) == []


@pytest.mark.parametrize(
    ("text", "offence"),
    [
        ("binds above 625000000000000000/675425858836495923 of it", "rational of 18/18 digits"),
        ("binds above 625,000,000,000,000,000 / 675,425,858,836,495,923", "rational of 18/18"),
        ("pays 5403406870691967384/625 µASMB", "19-digit number"),
        ("supply 100,000,000,000,000,000 µASMB", "18-digit number"),
        ("IOTA 2779530283277761 i", "16-digit number"),
        ("a stake of 12345 tokens", "ungrouped 5-digit number"),
        ("1/250000 µASMB", "ungrouped 6-digit number"),
        ("a yield of 0.151167", "6 digits after the point"),
        ("a rate of 0.00000412345", "6 digits after the point"),
        ("a price of 12.34567", "5 digits after the point"),
        ("(≈ 8,645,450,993,107,147.8144)", "16-digit number"),
        ("withdraws 1,000,239.21236444 IOTA", "8 digits after the point"),
        ("a list 1,2,30000", "ungrouped 5-digit number"),
    ],
)
def test_number_rules_catch_unreadable_forms(text: str, offence: str) -> None:
    found = rc.number_forms(text)
    assert any(f.startswith(offence) for f in found), found


@pytest.mark.parametrize(
    "text",
    [
        "8.65 B ASMB, 92.53 %, 0.08, 1,000 MIOTA, 21,909,233 ASMB a day",
        "1,640,700,000 s since 1970-01-01, in 2021, epoch 730, 9999 or fewer",
        "a rate of 0.000004 ASMB per MIOTA per milestone, 0.0833, 12.3456",
        "spec version 0.10.0, protocol v31, IOTA-SET-01, assembly_01.json",
        "000_6fe19e2704b03593.txt, sha256 3f2a9b01c4d5e6f708192a3b4c5d6e7f",
        "1/5 of it, 2/25, 14,000,000,000,000 µASMB (14 digits)",
        '"0,000004 ASMB tokens per 1 MIOTA" as the seed writes it',
        "12 345 with a plain space is two numbers",
        "100\u202f000 with a narrow no-break space is grouped",
    ],
)
def test_number_rules_pass_readable_forms(text: str) -> None:
    assert rc.number_forms(text) == []


def test_formula_numbers_are_read_as_typeset() -> None:
    assert rc.number_forms(rc.tex_as_text(r"\frac{625000000000000000}{675425858836495923}"))
    assert rc.number_forms(rc.tex_as_text(r"S = 100\,000\,000\,000\,000\,000"))
    assert rc.number_forms(rc.tex_as_text(r"x = 12345")) != []
    assert (
        rc.number_forms(rc.tex_as_text(r"S_{0} (1 + r)^{10} = 1{,}000 \cdot \frac{8}{100}")) == []
    )
    assert rc.number_forms(rc.tex_as_text(r"10^{-6}\,\mathrm{ASMB} = 1\,000\,000^{-1}")) == []


def test_stray_html_in_svg_source() -> None:
    good = '<svg viewBox="0 0 10 10"><g><text>a</text><path d="M0 0"/></g></svg><p>after</p>'
    assert rc.stray_html_in_svg(good) == []
    bad = '<p>x</p><svg viewBox="0 0 10 10"><g><p><text>a</text><br></g></svg>'
    assert rc.stray_html_in_svg(bad) == ["the svg number 1 in the source holds <br>, <p>"]
    titled = '<h2 id="c">The chart<a class="headerlink">¶</a></h2><svg><g><p></p></g></svg>'
    assert rc.stray_html_in_svg(titled) == ["the svg under “The chart” holds </p>, <p>"]
    foreign = "<svg><foreignObject><div>ok</div></foreignObject><text>a</text></svg>"
    assert rc.stray_html_in_svg(foreign) == []


def test_anchor_targets_and_sample() -> None:
    pages = {
        "": '<a href="parameters/#A">a</a><a href="#top">t</a><a href="https://x.org/#B">x</a>',
        "parameters/": '<a href="../derivations/#C%20D">c</a><a href="#A">a</a>',
        "derivations/": '<a href="../parameters/">p</a><svg><use xlink:href="#m1"/></svg>',
    }
    targets = rc.anchor_targets(pages)
    assert targets == {
        "": {"top": {""}},
        "parameters/": {"A": {"", "parameters/"}},
        "derivations/": {"C D": {"parameters/"}},
    }
    linked = {f"X{i:02}": {"other/"} for i in range(10)} | {"HOME": {""}}
    sample = rc.navigation_sample(linked, rc.is_priority_page, 3)
    assert sample[0] == "HOME"
    assert sample[1:] == ["X00", "X04", "X08"]
    assert rc.page_of("/") == "" and rc.page_of("/a/index.html") == "a/"


# --- the browser checks on hand-made pages --------------------------------------------------

_LONG = "a value that a reader needs and that does not wrap " * 6

DEFECTS = rf"""
<h1 id="defects">Defects</h1>
<p>The rate is (9127/9125)**365 and 3**(3/365)*5; S_y grows; e^{{IOTASRB(v)}} − 1;
floor(S_0 × r); \mathtt{{X}} left raw; see :class: here; $x + y$ untypeset; 10^6 i.</p>
<details><summary>exact</summary><p>folded raw \frac{{1}}{{2}}</p></details>
<p>Broken: <span class="arithmatex">\(\frac{{1}}{{2}} \undefinedmacro\)</span> and
<span class="arithmatex">\(x^2^3\)</span></p>
<p>It pays 5403406870691967384/625 (≈ 8645450993107147.8144) µASMB and binds above
625000000000000000/675425858836495923; 12345 tokens; a yield of 0.151167; a supply of
100,000,000,000,000,000 µASMB.</p>
<p>Typeset:
<span class="arithmatex">\(\frac{{625000000000000000}}{{675425858836495923}}\)</span></p>
<table><thead><tr><th>id</th><th>value</th><th>unit</th></tr></thead>
<tbody><tr><td>X</td><td style="white-space: nowrap">{_LONG}</td><td>µASMB</td></tr></tbody></table>
<svg width="0" height="0" viewBox="0 0 400 200"><text x="10" y="20">zero</text></svg>
<svg width="400" height="200" viewBox="0 0 400 200"><path d="M0 0 L400 200" stroke="red"/></svg>
<svg width="400" height="200" viewBox="0 0 400 200"><g><text x="10" y="20">before</text><p>stray</p>
<path d="M0 0 L10 10"/><text x="10" y="40">after</text></g></svg>
<div style="width: 2000px; background: #eee">a block wider than any viewport</div>
<p><a href="#nowhere">missing</a> <a href="#hidden-target">hidden</a>
<a href="#under-header">under the header</a>
<a href="{FIXTURE_PREFIX}clean.html#absent">absent elsewhere</a>
<a href="{FIXTURE_PREFIX}clean.html#clean-target">fine elsewhere</a></p>
<span id="hidden-target" style="display: none">hidden</span>
<div id="under-header" style="position: fixed; top: 0; left: 0">fixed under the header</div>
"""

CLEAN = rf"""
<h1 id="clean">Clean</h1>
<p>About 8.65 B ASMB, 92.53 %, 1,000 MIOTA, in 2021, 1,640,700,000 s since 1970, spec version
0.10.0, IOTA-SET-01, 000_6fe19e2704b03593.txt, D₁ and 10⁻⁶, 3 × 5 and x · y, 2⁶⁴ − 1.</p>
<p>Exact: <code>5403406870691967384/625</code>, <code>(9127/9125)**365 S_y floor(x)</code>,
<abbr title="5403406870691967384/625 µASMB">8.65 B ASMB</abbr>; the seed says
"0,000004 ASMB tokens per 1 MIOTA" and reads '(1*p)' as p.</p>
<blockquote><p>2,779,530,283,277,761 i</p></blockquote>
<details><summary>Exact value</summary><p>5403406870691967384/625 µASMB ≈ 8645450993107147.8144</p>
</details>
<pre><code>supply = (9127/9125)**365 * S_y  # floor(x), 5403406870691967384</code></pre>
<p>Typeset: <span class="arithmatex">\(S_0 (1 + r)^{{10}} \cdot \frac{{1}}{{2}}\)</span></p>
<table><thead><tr><th>id</th><th>value</th><th>unit</th><th>note</th></tr></thead>
<tbody><tr><td><code>ID_1</code></td><td>8.65 B</td><td>ASMB</td>
<td><span style="white-space: nowrap">{_LONG[:60]}</span></td></tr></tbody></table>
<svg width="400" height="200" viewBox="0 0 400 200"><g><text x="10" y="20">supply</text>
<path d="M0 0 L400 200" stroke="black"/></g></svg>
<svg viewBox="0 0 24 24" width="24" height="24"><path d="M0 0h24v24H0z"/></svg>
<p><a href="#clean-target">to the target</a> <a href="#folded-target">to the folded one</a></p>
<div style="height: 3000px"></div>
<p id="clean-target">The target</p>
<details><summary>More</summary><p id="folded-target">inside a closed details</p></details>
<div style="height: 1000px"></div>
"""


@pytest.fixture(scope="module")
def fixture_pages(reader: rc.Reader, fixtures: Path, site: Path) -> dict[str, str]:
    pages = {
        "defects": _fixture(fixtures, site, "defects", DEFECTS),
        "clean": _fixture(fixtures, site, "clean", CLEAN),
    }
    html = {page: (fixtures / page).read_text(encoding="utf-8") for page in pages.values()}
    reader.add_targets(rc.anchor_targets(html))
    return pages


@pytest.mark.parametrize("width", WIDTHS)
def test_checks_catch_each_defect(
    reader: rc.Reader, fixture_pages: dict[str, str], width: int
) -> None:
    page = reader.observe(fixture_pages["defects"], width)

    math = rc.raw_math(page)
    rules = {
        "Python ** power",
        "Python * product",
        "underscore subscript",
        "TeX ^{…} or _{…}",
        "SymPy call",
        "TeX command",
        "reST role",
        "untypeset $…$",
        "caret exponent",
    }
    assert {rule for rule in rules if any(f": {rule}:" in found for found in math)} == rules, math
    assert any("folded raw" in found for found in math), "a folded formula is still read"
    errors = [found for found in math if found.startswith("KaTeX error:")]
    assert len(errors) == 2, math
    assert "unknown command \\undefinedmacro" in errors[1] and "x^2^3" in errors[0], errors
    assert "math left untypeset: x^2^3" in math, math

    numbers = rc.unreadable_numbers(page)
    for rule, hit in (
        ("19-digit number", "5403406870691967384"),
        ("16-digit number", "8645450993107147.8144"),  # four decimals pass; sixteen digits do not
        ("rational of 18/18 digits", "625000000000000000/675425858836495923"),
        ("ungrouped 5-digit number", "12345"),
        ("6 digits after the point", "0.151167"),
        ("18-digit number", "100,000,000,000,000,000"),
    ):
        assert any(f"{rule}: " in f and f"⟦{hit}⟧" in f for f in numbers), (rule, numbers)
    assert any("(formula): rational of 18/18 digits" in found for found in numbers), numbers
    assert not any("digits after the point: " in f and "8144" in f for f in numbers), numbers

    clipped = rc.clipped_key_columns(page)
    assert len(clipped) == 1
    # The value column, its heading and its cell, is cut; the id column is not.
    assert clipped[0].startswith("table 1 (id | value | unit) under “Defects”: 2 cell(s)")
    assert "row 1 column 2 «value»" in clipped[0], clipped
    assert len(rc.wide_tables(page)) == 1

    charts = rc.broken_charts(page)
    assert charts == [
        "chart 1 under “Defects” is drawn 0×0 px",
        "chart 2 under “Defects” shows no text (no axis labels or title drawn)",
        "2 SVG elements outside any svg (stray HTML ended the drawing early), in article",
        "the svg under “Defects” holds </p>, <p>",
    ]

    overflow = rc.overflowing_content(page)
    assert len(overflow) == 1 and "a block wider than any viewport" in overflow[0], overflow

    known = [*PAGES, *fixture_pages.values()]
    anchors = rc.broken_anchors(page, known, functools.partial(_state, reader, width))
    problems = {found.split("»", 1)[0].lstrip("«"): found for found in anchors}
    assert set(problems) == {"missing", "hidden", "under the header", "absent elsewhere"}
    assert "no element has this id" in problems["missing"]
    assert "not rendered" in problems["hidden"]
    assert "not on screen" in problems["under the header"]
    assert "no element has this id" in problems["absent elsewhere"]


@pytest.mark.parametrize("width", WIDTHS)
def test_checks_pass_a_readable_page(
    reader: rc.Reader, fixture_pages: dict[str, str], width: int
) -> None:
    page = reader.observe(fixture_pages["clean"], width)
    known = [*PAGES, *fixture_pages.values()]
    state = functools.partial(_state, reader, width)
    assert rc.raw_math(page) == []
    assert rc.unreadable_numbers(page) == []
    assert rc.clipped_key_columns(page) == []
    assert rc.broken_charts(page) == []
    assert rc.overflowing_content(page) == []
    assert rc.broken_anchors(page, known, state) == []
    assert page.data["katex"] == 1
    assert len(page.data["charts"]) == 1
    # The links were followed: the folded target opened on arrival and was on screen.
    assert page.anchors["folded-target"] == "" and page.anchors["clean-target"] == ""
    # On the phone the table is wider than the page, yet its key columns are in view.
    assert (rc.wide_tables(page) != []) == (width < 1000)


def test_an_anchor_no_link_targets_is_checked_on_demand(
    reader: rc.Reader, fixture_pages: dict[str, str]
) -> None:
    """A link the built pages do not hold (one a script adds) is followed when it is met."""
    clean = fixture_pages["clean"]
    assert reader.anchor_state(clean, 390, "not-an-id") == "no element has this id"
    assert reader.anchor_state(clean, 390, "clean") == ""
    assert reader.observe(clean, 390).anchors["not-an-id"] == "no element has this id"
