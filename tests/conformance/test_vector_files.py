"""The published test vectors, checked on the reference: generated deterministically, byte for
byte the files published, schema-valid, and never through a state that breaks an invariant.

(The suite replays them on the implementation under test: ``contracts/conformance/suite``.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from contracts.conformance.drivers import ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS
from contracts.conformance.suite.test_vectors import PUBLISHED
from contracts.conformance.vectors import build_case, write_vectors
from contracts.invariants import all_violations
from tests.conformance.schemas import validator

pytestmark = pytest.mark.reference_only


@pytest.fixture(scope="module")
def cases() -> dict[str, Any]:
    return {f"{s.contract}/{s.name}": build_case(s) for s in SCENARIOS}


@pytest.mark.parametrize(
    "name", sorted(p.parent.relative_to(PUBLISHED).as_posix() for p in PUBLISHED.rglob("case.json"))
)
def test_no_published_vector_step_breaks_an_invariant(name: str) -> None:
    """Every state invariant of the catalog, checked on the reference after every step of every
    published vector (on every component: the ledger, each validator's accumulator …)."""
    case = json.loads((PUBLISHED / name / "case.json").read_text("utf-8"))
    driver = ObjectDriver(reference())
    outcome = driver.try_create(case["contract"], case["create"])
    if "error" in outcome:
        return  # a constructor refused: there is no state
    handle = outcome["result"]["instance"]
    instance = driver.instances[handle][1]
    assert all_violations(instance) == []
    for number, step in enumerate(case["steps"]):
        driver.call(handle, step["operation"], step["args"])
        assert all_violations(instance) == [], f"{name} step {number} {step['operation']}"


def test_reference_never_fails_internally(cases: dict[str, Any]) -> None:
    for case in cases.values():
        for step in case["steps"]:
            code = step["expect"].get("error", {}).get("code")
            assert code not in {"INTERNAL", "UNKNOWN_OPERATION"}, step


def test_vectors_are_byte_identical_and_schema_valid(tmp_path: Path) -> None:
    first = write_vectors(tmp_path / "a")
    second = write_vectors(tmp_path / "b")
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second
    ]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    case_schema = validator("conformance-case.schema.json")
    manifest_schema = validator("conformance-manifest.schema.json")
    for path in first:
        document = json.loads(path.read_text("utf-8"))
        if path.name == "case.json":
            case_schema.validate(document)
        elif path.name == "manifest.json":
            manifest_schema.validate(document)


def test_the_reference_still_writes_the_published_vectors(tmp_path: Path) -> None:
    """Byte for byte: a change of the reference's behaviour is a change of the vectors, made on
    purpose (regenerate them, with a CHANGELOG line), never by accident."""
    written = {p.relative_to(tmp_path).as_posix(): p for p in write_vectors(tmp_path)}
    written["index.json"] = tmp_path / "index.json"
    published = {
        p.relative_to(PUBLISHED).as_posix(): p for p in PUBLISHED.rglob("*") if p.is_file()
    }
    assert sorted(written) == sorted(published)
    changed = [
        name for name, p in written.items() if p.read_bytes() != published[name].read_bytes()
    ]
    assert changed == [], "regenerate with: asmb-spec vectors --out contracts/conformance/published"


def test_large_integers_are_decimal_strings(cases: dict[str, Any]) -> None:
    """Integers beyond 2^53 never appear as JSON numbers in a vector."""

    def walk(node: Any) -> None:
        if isinstance(node, bool):
            return
        if isinstance(node, int):
            assert abs(node) <= 2**53
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for case in cases.values():
        walk(case)
    # The community's 70 B ASMB (7 · 10^16 µASMB) travel as a decimal string.
    ledger = cases["assembly/random"]["finalState"]["ledger"]
    community = ledger["balances"]["genesis:community"]
    assert isinstance(community, str)
    assert int(community) > 2**53


def test_edge_cases_named_by_the_contract_issues_are_covered() -> None:
    tags = {tag for scenario in SCENARIOS for tag in scenario.tags}
    assert {
        "window-edges",
        "minimum-rules",
        "zero-stake",
        "slashing-while-unbonding",
        "proposal-boundaries",
        "tallying-rule",
        "seed-cap",
    } <= tags
