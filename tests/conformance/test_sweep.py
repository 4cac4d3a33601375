"""The bad-input sweep: every invalid variant of every valid call in the scenarios.

Each variant is first tried on a copy of the reference; when the reference rejects it, the
implementation under test must reject it with the same code -- a code the operation documents --
and its snapshot must stay bit for bit as it was. Repeating a call that succeeded (a duplicate) is
swept the same way. A mutating operation that no scenario calls successfully, or whose calls have
no invalid variant, fails the suite.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import Driver, ObjectDriver
from contracts.conformance.scenarios import SCENARIOS, Scenario
from tests.conformance.sweep import variants

UNIVERSAL = {"INVALID_INPUT"}  # malformed arguments, rejected while decoding


def _check_rejection(
    reference: ObjectDriver,
    ref_instance: str,
    driver: Driver,
    instance: str,
    operation: str,
    args: dict[str, Any],
) -> bool:
    """True when the reference rejects the call and the implementation conforms to that."""
    scratch = reference.clone(ref_instance)
    expected = reference.call(scratch, operation, args)
    reference.drop(scratch)
    if "error" not in expected:
        return False
    code = expected["error"]["code"]
    documented = CONTRACTS[reference.instances[ref_instance][0]].operations[operation].errors
    assert code in documented | UNIVERSAL, f"{operation}: undocumented code {code}"
    before = driver.snapshot(instance)
    got = driver.call(instance, operation, args)
    assert "error" in got, f"{operation}{args}: accepted; the reference rejects it with {code}"
    assert got["error"]["code"] == code, f"{operation}{args}: {got['error']['code']} ≠ {code}"
    assert driver.snapshot(instance) == before, f"{operation}{args}: state changed on error"
    return True


def sweep(scenario: Scenario, reference: ObjectDriver, driver: Driver) -> dict[str, int]:
    """Sweep one scenario; return how many rejected variants each operation had."""
    api = CONTRACTS[scenario.contract]
    create = canonical(scenario.create)
    ref_instance = reference.create(scenario.contract, create)
    instance = driver.create(scenario.contract, create)
    swept: dict[str, int] = defaultdict(int)
    for step in scenario.steps:
        operation = api.operations[step.operation]
        args = canonical(step.args)
        if operation.mutates:
            for variant in variants(operation, args):
                if _check_rejection(
                    reference, ref_instance, driver, instance, step.operation, variant
                ):
                    swept[step.operation] += 1
        expected = reference.call(ref_instance, step.operation, args)
        got = driver.call(instance, step.operation, args)
        assert got.get("result") == expected.get("result")
        assert got.get("error", {}).get("code") == expected.get("error", {}).get("code")
        if (
            operation.mutates
            and "result" in expected
            and _check_rejection(reference, ref_instance, driver, instance, step.operation, args)
        ):
            swept[f"{step.operation} (duplicate)"] += 1
        assert driver.snapshot(instance) == reference.snapshot(ref_instance)
    return swept


@pytest.fixture(scope="module")
def coverage() -> dict[tuple[str, str], int]:
    return defaultdict(int)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: f"{s.contract}/{s.name}")
def test_sweep(
    scenario: Scenario,
    reference_driver: ObjectDriver,
    driver: Driver,
    coverage: dict[tuple[str, str], int],
) -> None:
    for operation, count in sweep(scenario, reference_driver, driver).items():
        coverage[(scenario.contract, operation)] += count


def test_every_mutating_operation_is_swept(coverage: dict[tuple[str, str], int]) -> None:
    if not coverage:
        pytest.skip("run together with test_sweep")
    missing = [
        f"{api.name}.{name}"
        for api in CONTRACTS.values()
        for name, operation in api.operations.items()
        if operation.mutates and operation.params and not coverage.get((api.name, name))
    ]
    assert missing == []
