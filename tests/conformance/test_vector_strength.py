"""The published vectors are strong by construction: each contract has at least four cases;
every operation succeeds somewhere and every code it documents is answered somewhere (the
constructor's too); every threshold the rules name is hit exactly and one unit either side;
every constructor argument is varied and refused; the magnitudes of each real deployment and the
values 2⁵³ ± 1 and 2⁶⁴ − 1 occur. A gap fails here, naming what is missing, before the vectors
are published."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from contracts.conformance.api import CONTRACTS
from contracts.conformance.boundaries import BOUNDARIES, Boundary, Step, steps
from contracts.conformance.suite.test_vectors import PUBLISHED

pytestmark = pytest.mark.reference_only

#: The largest integer each contract meets in its real deployment: the Chrysalis IOTA supply
#: (i), the ASMB supply in the reward streams and the root chain (µASMB), Shimmer's genesis
#: supply (glow), the IOTA mainnet supply (nanos).
REAL_MAGNITUDES = {
    "participation-staking": 2_779_530_283_277_761,
    "participation-ballot": 2_779_530_283_277_761,
    "reward-accumulator": 2 * 10**16,
    "postlaunch": 10**17,
    "smr-staking": 1_813_620_509_061_365,
    "assembly": 10**17,
    "iota-staking": 4_600_000_000 * 10**9,
}
EDGES = {2**53 - 1: "2⁵³ − 1", 2**53 + 1: "2⁵³ + 1", 2**64 - 1: "2⁶⁴ − 1"}


@cache
def cases() -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    index = json.loads((PUBLISHED / "index.json").read_text("utf-8"))
    for folder in index["cases"]:
        case = json.loads((PUBLISHED / folder / "case.json").read_text("utf-8"))
        found[case["contract"]].append(case)
    return found


def _code(outcome: Any) -> str:
    return outcome["error"]["code"] if "error" in outcome else "OK"


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_contract_has_four_cases_that_run(contract: str) -> None:
    assert len([c for c in cases()[contract] if c["steps"]]) >= 4


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_documented_code_is_answered_by_a_vector_step(contract: str) -> None:
    """(a): per operation, a success and every code it documents; per constructor too."""
    api = CONTRACTS[contract]
    answered: dict[str, set[str]] = defaultdict(set)
    for case in cases()[contract]:
        answered["create"].add(_code(case["createExpect"]))
        for step in case["steps"]:
            answered[step["operation"]].add(_code(step["expect"]))
    missing, undocumented = [], []
    expected = {"create": api.create_errors | {"OK", "INVALID_INPUT"}}
    for name, operation in api.operations.items():
        expected[name] = (
            operation.errors | {"OK"} | ({"INVALID_INPUT"} if operation.params else set())
        )
    for name, codes in expected.items():
        missing += [f"{name}: {code}" for code in sorted(codes - answered[name])]
        undocumented += [f"{name}: {code}" for code in sorted(answered[name] - codes)]
    assert missing == [], "documented but never answered"
    assert undocumented == [], "answered but not documented"


def _offsets(boundary: Boundary) -> Iterator[Any]:
    for case in cases()[boundary.contract]:
        for step in steps(case):
            if boundary.counted(step):
                yield from boundary.offsets(step)


@pytest.mark.parametrize("boundary", BOUNDARIES, ids=lambda b: f"{b.contract}: {b.name}")
def test_every_threshold_is_hit_exactly_and_one_unit_either_side(boundary: Boundary) -> None:
    """(b)"""
    hit = set(_offsets(boundary))
    assert {-1, 0, 1} - hit == set(), f"{boundary.rule}: offsets hit {sorted(hit & {-1, 0, 1})}"


def test_every_contract_names_its_thresholds() -> None:
    named = {b.contract for b in BOUNDARIES}
    assert named == set(CONTRACTS)


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_constructor_argument_is_varied_and_refused(contract: str) -> None:
    """(c): two accepted values at least, and a refused case whose value is none of them."""
    accepted: dict[str, set[str]] = defaultdict(set)
    refused: dict[str, set[str]] = defaultdict(set)
    for case in cases()[contract]:
        outcome = accepted if "result" in case["createExpect"] else refused
        for param in CONTRACTS[contract].create_params:
            outcome[param.name].add(json.dumps(case["create"].get(param.name, "<missing>")))
    for param in CONTRACTS[contract].create_params:
        assert len(accepted[param.name]) >= 2, f"{param.name} is never varied"
        assert refused[param.name] - accepted[param.name], f"{param.name} is never refused"
    if not CONTRACTS[contract].create_params:
        assert any("error" in c["createExpect"] for c in cases()[contract])


def _integers(value: Any) -> Iterator[int]:
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        yield value
    elif isinstance(value, str) and value.isdigit():
        yield int(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _integers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _integers(item)


def _values(contract: str) -> set[int]:
    found: set[int] = set()
    for case in cases()[contract]:
        found.update(_integers(case["create"]))
        for step in steps(case):
            found.update(_integers(step.args))
            found.update(_integers(step.expect))
            found.update(_integers(step.after))
    return found


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_vectors_reach_real_magnitudes_and_the_integer_edges(contract: str) -> None:
    """(d)"""
    values = _values(contract)
    assert max(values) >= REAL_MAGNITUDES[contract]
    assert [name for edge, name in EDGES.items() if edge not in values] == []


def test_a_boundary_counts_only_steps_that_test_its_rule() -> None:
    boundary = next(b for b in BOUNDARIES if b.name == "the last staking day")
    step = Step({}, "stake", {"day": 640}, {"error": {"code": "PROTECTED_ACCOUNT"}}, {}, {})
    assert not boundary.counted(step)
    assert boundary.counted(
        Step({}, "stake", {"day": 640}, {"error": {"code": "INVALID_DAY"}}, {}, {})
    )
    assert list(boundary.offsets(step)) == [1]


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_random_cases_stay_live(contract: str) -> None:
    """Most calls of a seeded random case succeed, in its second half too: a run that breaks
    its own state early (every validator slashed, every output spent) tests nothing after."""
    for case in cases()[contract]:
        if "random" not in case["tags"]:
            continue
        succeeded = ["result" in step["expect"] for step in case["steps"]]
        half = len(succeeded) // 2
        assert sum(succeeded) / len(succeeded) >= 0.6, case["name"]
        assert sum(succeeded[half:]) / (len(succeeded) - half) >= 0.5, case["name"]
