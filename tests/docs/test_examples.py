"""Every Python example on the site runs.

Blocks marked ``exec="on"`` run when the site is built (a failure fails ``mkdocs build --strict``);
any other ``python`` block is run here. Docstring examples of the spec modules run as doctests.
"""

from __future__ import annotations

import doctest
import re
import subprocess
import sys

import pytest

import spec.exact
from tests.docs.conftest import REPO

FENCE = re.compile(r"^```python(?P<options>[^\n]*)\n(?P<code>.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks() -> list[tuple[str, str, str]]:
    found = []
    for page in sorted((REPO / "docs").rglob("*.md")):
        for match in FENCE.finditer(page.read_text(encoding="utf-8")):
            found.append((page.name, match.group("options"), match.group("code")))
    return found


def test_the_site_has_python_examples() -> None:
    assert len(_blocks()) > 10


def test_plain_python_examples_run() -> None:
    for page, options, code in _blocks():
        if 'exec="on"' in options:
            continue  # run by the build itself
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"{page}: {done.stderr}"


@pytest.mark.parametrize("module", [spec.exact])
def test_docstring_examples(module: object) -> None:
    failures, _ = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert failures == 0
