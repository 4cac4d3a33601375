"""The "Writing a proposal" page works: each example's command, run as shown, prints the report
hash the page shows; its chart is drawn; its figures are written for readers."""

from __future__ import annotations

import html
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.conftest import REPO

PRE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")
HEX64 = re.compile(r"\b[0-9a-f]{64}\b")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
GIT = shutil.which("git")


def _article(site: Path) -> str:
    page = (site / "proposals" / "index.html").read_text(encoding="utf-8")
    return page[page.index("<article") : page.index("</article>")]


def _text(fragment: str) -> str:
    return html.unescape(TAG.sub("", fragment))


def _examples(site: Path) -> list[tuple[list[str], str, str]]:
    """Each example's command (as words), the sentence shown with it, and the report after it."""
    article = _article(site)
    starts = [m.start() for m in re.finditer(r'<div class="whatif-command">', article)]
    examples = []
    for n, start in enumerate(starts):
        end = article.index("</div>", start)
        shown = article[start:end]
        command = PRE.search(shown)
        assert command is not None, shown
        following = starts[n + 1] if n + 1 < len(starts) else len(article)
        examples.append(
            (
                # As a shell reads it: a backslash before a line's end continues the line.
                shlex.split(_text(command.group(1)).replace("\\\n", " ")),
                _text(shown[command.end() :]),
                article[end:following],
            )
        )
    return examples


def _run(words: list[str]) -> subprocess.CompletedProcess[str]:
    """The command exactly as shown: the installed ``asmb-spec`` (or ``python -m spec``)."""
    assert words[:2] == ["asmb-spec", "what-if"]
    script = Path(sys.executable).parent / "asmb-spec"
    program = [str(script)] if script.is_file() else [sys.executable, "-m", "spec"]
    return subprocess.run(
        [*program, *words[1:]], cwd=REPO, capture_output=True, text=True, check=False, timeout=300
    )


def test_the_page_shows_three_examples_each_with_its_command(site: Path) -> None:
    examples = _examples(site)
    assert len(examples) == 3
    for words, note, _ in examples:
        assert "--set" in words
        assert "SHA-256" in note
    assert "--sweep" in examples[2][0]  # the third is a sensitivity sweep


def test_each_command_run_as_shown_prints_the_hash_on_the_page(site: Path) -> None:
    for words, note, report in _examples(site):
        shown = HEX64.findall(note)
        assert len(shown) == 1, note
        # The report on the page carries the same hash as the sentence beside the command.
        assert re.search(f"(Report|Sweep) SHA-256: <code>{shown[0]}</code>", report)
        done = _run(words)
        status = re.search(r"exits with status (\d)", note)
        assert done.returncode == (int(status.group(1)) if status else 0), done.stderr
        printed = re.findall(r"(?:Report|Sweep) SHA-256: `([0-9a-f]{64})`", done.stdout)
        assert printed == shown, shlex.join(words)
        # The other forms, which the page says print the same hash.
        as_text = _run([*words, "--format", "text"]).stdout
        assert as_text.splitlines()[1] == f"sha256 {shown[0]}"


@pytest.mark.skipif(GIT is None, reason="no git program")
def test_the_commit_the_page_names_is_the_checkout(site: Path) -> None:
    head = subprocess.run(
        [str(GIT), "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    for _, note, report in _examples(site):
        assert f"source commit {head} " in note
        assert f"source revision <code>{head}</code>" in report


def test_the_charts_are_svg_that_markdown_left_alone(site: Path) -> None:
    article = _article(site)
    charts = re.findall(r"<svg\b.*?</svg>", article, re.DOTALL)
    drawn = [c for c in charts if '<g id="figure_1">' in c]
    assert len(drawn) == 2  # the projection of example 1 and the sweep of example 3
    for chart in drawn:
        assert not re.search(r"</?p>|<br\s*/?>", chart)
        assert chart.count("<path") > 10


def test_the_derived_figures_and_projection_are_for_readers(site: Path) -> None:
    """No SymPy syntax, raw fraction or 15-digit figure in what the tables show."""
    for _, _, report in _examples(site):
        for table in re.findall(r"<table>.*?</table>", report, re.DOTALL):
            text = _text(re.sub(r'title="[^"]*"', "", table))
            assert "**" not in text
            assert not re.search(r"\d+/\d{3,}", text), text
            digits = re.findall(r"\d[\d,\u2009\u202f ]*\d", text)
            assert all(len(re.sub(r"\D", "", d)) < 15 for d in digits), text


# ----------------------------------------------------------------------------- in a browser


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt install chromium)")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_charts_are_drawn_and_fit_the_screen(served: str, width: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page(viewport={"width": width, "height": 900})
        tab.goto(f"{served}/proposals/", wait_until="networkidle")
        charts = tab.locator("article figure.whatif-chart svg")
        assert charts.count() == 2
        boxes = [charts.nth(k).bounding_box() for k in range(2)]
        stray = tab.locator("article svg p, article svg br").count()
        browser.close()
    for box in boxes:
        assert box is not None
        assert box["width"] > 200
        assert box["height"] > 100
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
    assert stray == 0
