"""Language-agnostic test vectors: scenarios run on the reference, every outcome recorded.

A *case* is one scenario with, for every step, the expected outcome -- the result, or the error
code -- and the SHA-256 of the canonical snapshot after the step (to find the first divergence),
plus the expected final snapshot. Messages are not part of a case: implementations word their
errors as they like, but codes are public API. :func:`write_vectors` writes one directory per
case (``case.json`` and ``manifest.json``) and an ``index.json``; the bytes are identical on every
run. ``spec/schemas/conformance-case.schema.json`` and ``conformance-manifest.schema.json``
describe the format.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from contracts.conformance.codec import canonical, dumps
from contracts.conformance.drivers import Driver, ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS, Scenario
from spec import __version__

FORMAT = "asmb-conformance-vector/1"
JSON = Any


def _expect(outcome: JSON) -> JSON:
    if "error" in outcome:
        return {"error": {"code": outcome["error"]["code"]}}
    return {"result": outcome["result"]}


def digest(snapshot: JSON) -> str:
    return hashlib.sha256(dumps(snapshot).encode("utf-8")).hexdigest()


def build_case(scenario: Scenario, driver: Driver | None = None) -> JSON:
    """Run ``scenario`` on ``driver`` (the reference by default) and record every outcome."""
    runner = driver or ObjectDriver(reference())
    instance = runner.create(scenario.contract, canonical(scenario.create))
    steps = []
    for step in scenario.steps:
        args = canonical(step.args)
        outcome = runner.call(instance, step.operation, args)
        steps.append(
            {
                "operation": step.operation,
                "args": args,
                "expect": _expect(outcome),
                "snapshotDigest": digest(runner.snapshot(instance)),
            }
        )
    return {
        "format": FORMAT,
        "specVersion": __version__,
        "contract": scenario.contract,
        "name": scenario.name,
        "description": scenario.description,
        "tags": list(scenario.tags),
        "create": canonical(scenario.create),
        "steps": steps,
        "finalSnapshot": runner.snapshot(instance),
    }


def render(document: JSON) -> str:
    """The bytes a vector file holds: indented canonical JSON with sorted keys."""
    return json.dumps(canonical(document), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def render_vectors() -> dict[str, str]:
    """Every vector file's relative path and text: each case, its manifest, and the index."""
    files: dict[str, str] = {}
    index = []
    for scenario in SCENARIOS:
        case = build_case(scenario)
        folder = f"{scenario.contract}/{scenario.name}"
        text = render(case)
        manifest = {
            "format": FORMAT,
            "specVersion": __version__,
            "contract": scenario.contract,
            "name": scenario.name,
            "case": "case.json",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "steps": len(case["steps"]),
            "tags": list(scenario.tags),
        }
        files[f"{folder}/case.json"] = text
        files[f"{folder}/manifest.json"] = render(manifest)
        index.append(folder)
    files["index.json"] = render({"format": FORMAT, "specVersion": __version__, "cases": index})
    return files


def write_vectors(out: Path) -> list[Path]:
    """Write every case, its manifest and the index under ``out``; return the files written.

    Every file is rendered before the first is written, and each is written whole or not at
    all (a temporary file renamed into place).
    """
    from spec.jsonio import write_atomically

    files = render_vectors()
    written = []
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        written.append(path)
    return written


def replay(driver: Driver, case: JSON) -> list[str]:
    """Run a case on ``driver``; return every mismatch (empty when the implementation conforms)."""
    problems: list[str] = []
    instance = driver.create(case["contract"], case["create"])
    for number, step in enumerate(case["steps"]):
        outcome = driver.call(instance, step["operation"], step["args"])
        got = _expect(outcome)
        if got != step["expect"]:
            problems.append(
                f"step {number} {step['operation']}: expected {step['expect']}, got {got}"
            )
            break
        snapshot = driver.snapshot(instance)
        if digest(snapshot) != step["snapshotDigest"]:
            problems.append(f"step {number} {step['operation']}: the snapshot differs")
            break
    else:
        if driver.snapshot(instance) != case["finalSnapshot"]:
            problems.append("the final snapshot differs")
    return problems
