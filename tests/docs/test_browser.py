"""The site in a real browser: math is typeset, charts are drawn, nothing comes from outside.

Headless Chromium (the system's, driven by Playwright) loads key pages from a local server; every
request a page makes is recorded and must go to that server. Screenshots of the invariant catalog
and of a program page are written to ``$ASMB_SCREENSHOTS`` (default: the test's temporary folder).
The test is skipped, with its reason, only where no Chromium is installed.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (apt install chromium)"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
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


def _visit(base: str, page: str, screenshot: Path | None = None) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(f"{base}/{page}", wait_until="networkidle")
        tab.wait_for_timeout(300)
        found = {
            "katex": tab.locator(".katex").count(),
            "untypeset": tab.locator(".arithmatex:not(:has(.katex))").count(),
            "svg_charts": tab.locator("article svg").count(),
            "requests": requests,
            "title": tab.title(),
        }
        if screenshot is not None:
            tab.screenshot(path=str(screenshot), full_page=True)
        browser.close()
    return found


def test_invariant_catalog_typesets_its_math(server: str, screenshots: Path) -> None:
    found = _visit(server, "invariants/", screenshots / "invariants.png")
    assert isinstance(found["katex"], int)
    assert found["katex"] > 5
    assert found["untypeset"] == 0
    assert (screenshots / "invariants.png").stat().st_size > 10_000


def test_program_page_has_math_and_a_chart(server: str, screenshots: Path) -> None:
    found = _visit(server, "prelaunch/", screenshots / "prelaunch.png")
    assert isinstance(found["katex"], int)
    assert found["katex"] >= 1
    assert isinstance(found["svg_charts"], int)
    assert found["svg_charts"] >= 1
    assert found["untypeset"] == 0


@pytest.mark.parametrize(
    "page", ["", "derivations/", "postlaunch/", "supply/", "iota-staking/", "smr-staking/"]
)
def test_nothing_is_fetched_from_outside(server: str, page: str) -> None:
    found = _visit(server, page)
    requests = found["requests"]
    assert isinstance(requests, list)
    assert requests, "the page made no request at all"
    outside = [url for url in requests if not str(url).startswith(server)]
    assert outside == []
    assert found["untypeset"] == 0
