"""Every published vector, replayed on the implementation under test, step by step.

A mismatch names the step and the first differing path of the normative state.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from contracts.conformance.drivers import Driver
from contracts.conformance.vectors import replay

PUBLISHED = Path(__file__).resolve().parent.parent / "published"
CASES = sorted(p.parent.relative_to(PUBLISHED).as_posix() for p in PUBLISHED.rglob("case.json"))


@pytest.mark.parametrize("name", CASES)
def test_implementation_replays_the_vector(
    name: str, driver: Driver, require: Callable[[str], None]
) -> None:
    case = json.loads((PUBLISHED / name / "case.json").read_text(encoding="utf-8"))
    require(case["contract"])
    assert replay(driver, case) == []
