"""The "What you get" page and the glossary as built: the figures, the links, the calculator.

Expected figures are derived here from the event files' rates (4, 2, 1, 1, 1, 1 µASMB and 1 glow
per Mi per milestone), the 777,600 milestones of a round and the seeds' 8 % of 100 B ASMB and
6 B ASMB over 639 days. The calculator is driven in headless Chromium; the browser test is
skipped, with its reason, where no Chromium is installed.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

WINDOW = 777_600
MI = 10**6
IOTA_SUPPLY = 2_779_530_283_277_761
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _text(page: Path) -> str:
    """The page's visible text, roughly: tags dropped, entities decoded, spaces collapsed."""
    source = page.read_text(encoding="utf-8")
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", source)))


def _rounded(micro: int) -> str:
    """≈ two decimals of whole tokens, grouped, as a reader sees them."""
    whole, part = divmod(round(Fraction(micro, 10**4)), 100)
    return f"≈ {whole:,}.{part:02d}"


@pytest.fixture(scope="module")
def holders(site: Path) -> Path:
    return site / "holders" / "index.html"


def test_the_page_shows_the_worked_examples(holders: Path) -> None:
    text = _text(holders)
    # 1,000 Mi for the whole round at 4 µASMB per Mi per milestone (3,110,400,000 µASMB);
    # Shimmer at 1 glow per Mi per milestone (777,600,000 glow).
    assert "1,000 Mi staked for the whole round → 3,110.4 ASMB" in text
    assert "1,000 Mi → 777.6 SMR" in text
    # All six rounds: (4 + 2 + 1 + 1 + 1 + 1) × 1,000 × 777,600 µASMB.
    assert "7,776 ASMB" in text
    # Rounds 2 and 3 for the whole round; round 1's smallest paid stake is 0.5 Mi, Shimmer's 13.
    assert "1,555.2 ASMB" in text and "777.6 ASMB" in text
    assert "0.5 Mi" in text and "13 Mi" in text
    # The seed design with the whole supply staked: scaled by C / T.
    full = 1_000 * 4 * WINDOW
    total = full + (IOTA_SUPPLY - 1_000 * MI) * 4 // MI * WINDOW
    assert f"{_rounded(full * 8 * 10**15 // total)} ASMB" in text
    # The post-launch pool: (20 B − 6 B) ASMB over 639 days.
    assert f"{_rounded(14 * 10**15 // 639)} ASMB" in text


def test_every_figure_links_its_rules(holders: Path) -> None:
    source = holders.read_text(encoding="utf-8")
    for target in (
        "../invariants/#PRE-REWARD-01",
        "../invariants/#PRE-REWARD-02",
        "../invariants/#PRE-CAP-02",
        "../invariants/#POST-PAYOUT-01",
        "../invariants/#SMR-INFLATION-01",
        "../invariants/#ROOT-REWARD-01",
        "../invariants/#ROOT-COMMISSION-01",
        "../invariants/#IOTA-COMMISSION-02",
        "../parameters/#ASSEMBLY_R1_RATE",
    ):
        assert f'href="{target}"' in source, target


def test_the_calculator_data_is_in_the_page(holders: Path) -> None:
    source = holders.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="calc-data">(.*?)</script>', source)
    assert found is not None
    data = json.loads(found.group(1))
    kinds = [p["kind"] for p in data["programs"]]
    assert kinds == ["event"] * 7 + ["grid"] * 4
    assert data["supply"] == str(IOTA_SUPPLY)
    round_one = data["programs"][0]["options"][0]
    assert round_one["digits"][3][0] == str(1_000 * 4 * WINDOW)  # 1 × 10^3 Mi
    assert 'src="../javascripts/calculator.js"' in source


GLOSSARY_TERMS = [
    "µASMB",
    "glow",
    "i and Mi",
    "Milestone",
    "Epoch",
    "D₁",
    "TIP-32",
    "IIP-8",
    "Chrysalis",
    "Staking event",
    "Commence, start and end",
    "IOTASRB",
    "Validator",
    "Delegator",
    "Commission",
    "Unbonding",
    "Slashing",
    "Governance deposit",
    "Quorum",
]


def test_the_glossary_defines_each_term_and_links_it(site: Path) -> None:
    source = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h3 id=\"[^\"]+\">(.*?)<a", source)
    names = [html.unescape(h).strip() for h in headings]
    for term in GLOSSARY_TERMS:
        assert any(term in name for name in names), term
    sections = re.split(r"<h3 ", source)[1:]
    for section in sections:
        body = section.split("<h2", 1)[0]
        assert re.search(r'href="\.\./[a-z-]+/(#[A-Za-z0-9_.-]+)?"', body), body[:80]
    # Figures are filled in: the 10-second milestone, 1 Mi = 10^6 i, the 33.4 % quorum.
    text = _text(site / "glossary" / "index.html")
    assert "every 10 s" in text
    assert "one Mi (MIOTA) is 1,000,000 i" in text
    assert "33.4 %" in text


# ----------------------------------------------------------------------------- in a browser


def _smr_year_for_1000() -> int:
    """1,000 SMR staked for a year with half of Shimmer's genesis supply staked (TIP-32's
    1,813,620,509,061,365 glow at 8 %): epochs 1..364 of year 1 and the first of year 2."""
    genesis = 1_813_620_509_061_365
    year_one = genesis * 8 // 100
    paid = year_one - year_one // 365
    year_two = (genesis + paid) * 8 // 100
    paid += year_two // 365
    return int(Fraction(1_000 * 10**6 * paid, genesis // 2))


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt install chromium)")
def test_the_calculator_in_a_browser(served: str) -> None:
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page(viewport={"width": 390, "height": 900})
        tab.on("request", lambda request: requests.append(request.url))
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(f"{served}/holders/", wait_until="networkidle")
        result = tab.locator("#calc-result")

        def shows(amount: str | None = None) -> str:
            if amount is not None:
                tab.fill("#calc-amount", amount)
            return result.inner_text()

        # Round 1 and 1,000 Mi by default: 1,000 × 4 × 777,600 µASMB.
        assert "3,110.4 ASMB" in shows()
        # floor(1,234,567,891 × 4 / 10^6) = 4,938 µASMB a milestone, × 777,600.
        assert "3,839.7888 ASMB" in shows("1,234.567891")
        assert "3,839,788,800 µASMB" in shows()
        assert "nothing" in shows("0.499999")
        assert "1.5552 ASMB" in shows("0.5")  # floor(2) × 777,600
        assert "more than the whole IOTA supply" in shows("2779530284")
        assert "at most 6 decimals" in shows("1.0000001")
        # Thirty days of 8,640 milestones.
        tab.fill("#calc-amount", "1000")
        tab.select_option("#calc-option", index=2)
        assert "1,036.8 ASMB" in shows()
        # Shimmer: 13 Mi is the smallest stake paid, 13 × 777,600 glow.
        tab.select_option("#calc-program", label="Shimmer staking (as deployed)")
        assert "10.1088 SMR" in shows("13")
        assert "nothing" in shows("12.999999")
        # A published grid: SMR staking, 1,000 SMR with half the supply staked.
        tab.select_option("#calc-program", label="SMR staking, one year")
        expected = _smr_year_for_1000()
        assert f"{expected:,} glow" in shows()
        tab.select_option("#calc-choice", label="100")
        assert "SMR" in shows() and f"{expected:,} glow" not in shows()
        browser.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(served)] == []
