"""What the suite's tests share: writing a failing case out as a vector file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from contracts.conformance.scenarios import Scenario, Step
from contracts.conformance.vectors import build_case, render

JSON = Any


def write_failure(
    folder: Path, contract: str, name: str, create: JSON, steps: list[tuple[str, JSON]]
) -> Path:
    """Write the failing run as a vector file whose expectations are the reference's: any
    implementation replays it with ``asmb-spec replay``. Returns the file written."""
    scenario = Scenario(
        contract,
        name,
        "A failing case written by the conformance suite: the reference's outcomes.",
        create,
        tuple(Step(operation, args) for operation, args in steps),
        ("failure",),
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{contract}-{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.json"
    path.write_text(render(build_case(scenario)), encoding="utf-8")
    return path
