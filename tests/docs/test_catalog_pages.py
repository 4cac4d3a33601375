"""The catalog pages as readers get them: grouped cards, a notation, readable numbers, links.

The static checks read the built HTML; the browser checks (skipped, with the reason, where no
Chromium is installed) load the pages at 1280 px and 390 px and measure what is on screen.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

from spec import derivations, differences, invariants, notation, parameters, programs

CATALOG_PAGES = ("parameters", "derivations", "invariants", "seed-vs-deployed")

_CUT = re.compile(r"<(pre|script|style)\b[^>]*>.*?</\1>", re.DOTALL)
_MATH = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_CATALOG_IDS = sorted(
    (
        i
        for registry in (parameters.BY_ID, derivations.BY_ID, invariants.BY_ID, differences.BY_ID)
        for i in registry
        if "-" in i or "_" in i
    ),
    key=len,
    reverse=True,
)
_ANY_ID = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, _CATALOG_IDS)) + r")(?![\w-])")


def _page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def _article(page: str) -> str:
    start = page.index('<article class="md-content__inner')
    return page[start : page.index("</article>", start)]


_QUOTE = re.compile(r'<span class="spec-quote">.*?</span>', re.DOTALL)


def _visible_text(fragment: str, *, code: bool = False, quotes: bool = True) -> str:
    """What a reader reads: no pre blocks, scripts or typeset math, no tags (nor tooltips), no
    code unless asked; without ``quotes``, no verbatim quote of a source either (its numbers are
    the source's)."""
    text = _MATH.sub(" ", _CUT.sub(" ", fragment))
    if not quotes:
        text = _QUOTE.sub(" ", text)
    if not code:
        text = re.sub(r"<code\b[^>]*>.*?</code>", " ", text, flags=re.DOTALL)
    return html.unescape(_TAG.sub(" ", text))


def test_parameters_are_grouped_by_program_one_card_per_id(site: Path) -> None:
    page = _page(site, "parameters")
    for program in programs.PROGRAMS:
        if program.PARAMETERS:
            assert f'<h2 id="{programs.name(program)}">' in page, programs.name(program)
    positions = []
    for parameter in parameters.PARAMETERS:
        card = page.index(f'<div class="spec-card" id="{parameter.id}">')
        end = page.index("</div>", card)
        body = page[card:end]
        assert "Source:" in body, parameter.id
        assert 'class="spec-text"' in body, parameter.id
        positions.append(card)
    assert positions == sorted(positions)  # in the registry's reading order


def test_the_derivations_page_opens_with_its_notation(site: Path) -> None:
    page = _page(site, "derivations")
    notation_at = page.index('id="notation"')
    first_card = page.index('class="spec-card" id=')
    assert notation_at < first_card
    listed = page[notation_at:first_card]
    for parameter_id in notation.used_parameters():
        assert f'href="../parameters/#{parameter_id}"' in listed, parameter_id
        symbol = html.escape(notation.PARAMETER_SYMBOLS[parameter_id], quote=False)
        assert f"\\({symbol}\\)" in listed, parameter_id
    for derivation in derivations.DERIVATIONS:
        card = page.index(f'<div class="spec-card" id="{derivation.id}">')
        folded = page[card : page.index("</details>", card)]
        assert '<details class="note">' in folded, derivation.id
        assert "<pre><code>" in folded, derivation.id


def test_every_catalog_id_has_exactly_one_anchor_on_the_site(site: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html") if "assets" not in p.parts]
    for identifier in _CATALOG_IDS + ["IOTASRB"]:
        anchors = sum(page.count(f'id="{identifier}"') for page in pages)
        assert anchors == 1, identifier


@pytest.mark.parametrize("name", CATALOG_PAGES)
def test_no_machine_syntax_or_unreadable_number_in_what_readers_read(site: Path, name: str) -> None:
    text = _visible_text(_article(_page(site, name)), quotes=False)
    for pattern in (
        r"\*\*",
        r"Rational\(",
        r"\b[A-Za-z]_[A-Za-z0-9{]",
        r"\d{15,}",
        r"\d{1,3}(?:,\d{3}){5,}",  # grouped, but still 16 digits or more
        r"\d+/\d{4,}",
        r"<em>|</em>",
    ):
        found = re.search(pattern, text)
        assert found is None, f"{name}: {pattern!r} in …{text[max(found.start() - 60, 0) :][:120]}"


@pytest.mark.parametrize("name", CATALOG_PAGES)
def test_every_id_printed_is_a_link(site: Path, name: str) -> None:
    article = _CUT.sub(" ", _article(_page(site, name)))
    unlinked = re.sub(r"<a\b[^>]*>.*?</a>", " ", article, flags=re.DOTALL)
    unlinked = re.sub(r"<h[1-6]\b[^>]*>.*?</h[1-6]>", " ", unlinked, flags=re.DOTALL)
    found = _ANY_ID.findall(_visible_text(unlinked, code=True))
    assert found == [], f"{name}: ids printed without a link: {sorted(set(found))}"


def test_an_id_where_its_value_belongs_shows_the_value(site: Path) -> None:
    text = " ".join(_visible_text(_article(_page(site, "seed-vs-deployed")), code=True).split())
    text = text.replace("( ", "(").replace(" )", ")")
    assert "binds above the staked fraction 92.53 % (PRE-CAP-BINDING-FRACTION)." in text


def test_a_cut_quote_is_shown_as_an_excerpt(site: Path) -> None:
    page = _page(site, "seed-vs-deployed")
    card = page[page.index('id="DIFF-POST-DAILY"') :]
    assert "will happen on a …”</span> (excerpt)" in card[: card.index("</blockquote>")]


def test_source_links_reach_the_published_files(site: Path) -> None:
    hrefs: set[str] = set()
    for name in CATALOG_PAGES:
        hrefs |= set(re.findall(r'href="(\.\./sources/[^"]+)"', _page(site, name)))
    assert any("/seeds/" in h for h in hrefs) and any(".json" in h for h in hrefs)
    for href in hrefs:
        path, fragment = urldefrag(html.unescape(href))
        target = (site / "parameters" / unquote(path)).resolve()
        if target.is_dir():
            target /= "index.html"
        assert target.is_file(), href
        if fragment.startswith(":~:text="):
            quote = unquote(fragment.removeprefix(":~:text="))
            assert quote in " ".join(target.read_text(encoding="utf-8-sig").split()), href
        elif fragment:
            assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), href


# ---------------------------------------------------------------------------------------------
# In a browser
# ---------------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
browser = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (apt install chromium)"
)

#: Cards whose id or value does not fit in the window, or whose formula is not typeset.
_MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const bad = [];
  if (document.documentElement.scrollWidth > width) bad.push("page scrolls sideways");
  for (const card of document.querySelectorAll(".spec-card")) {
    const name = card.id || card.querySelector(".spec-id")?.textContent;
    for (const part of card.querySelectorAll(".spec-head > .spec-id, .spec-head > .spec-value")) {
      const box = part.getBoundingClientRect();
      if (box.right > width + 0.5 || box.left < -0.5 || box.width === 0) bad.push(name);
    }
  }
  for (const math of document.querySelectorAll(".arithmatex")) {
    if (!math.querySelector(".katex")) bad.push("untypeset: " + math.textContent.slice(0, 40));
  }
  return bad;
}"""


@browser
@pytest.mark.parametrize("width", [1280, 390])
def test_ids_and_values_are_on_screen(served: str, width: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = chromium.new_page(viewport={"width": width, "height": 900})
        for name in CATALOG_PAGES:
            tab.goto(f"{served}/{name}/", wait_until="networkidle")
            assert tab.evaluate(_MEASURE) == [], name
        chromium.close()


@browser
def test_the_exact_value_is_one_tap_away_on_a_phone(served: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = chromium.new_page(viewport={"width": 390, "height": 900}, has_touch=True)
        tab.goto(f"{served}/parameters/#ASMB_INITIAL_SUPPLY", wait_until="networkidle")
        tab.locator("#ASMB_INITIAL_SUPPLY abbr.spec-num").tap()
        tip = tab.locator(".md-tooltip2--active")
        tip.wait_for(state="visible", timeout=3_000)
        assert "exact: 100,000,000,000,000,000 µASMB" in tip.inner_text()
        chromium.close()
