"""The bad-input sweep: every invalid variant of every call in the scenarios.

Each variant -- one argument changed, or two at once -- is first tried on a copy of the
reference; when the reference rejects it, the implementation under test must reject it with the
same code -- a code the operation documents -- and its normative state must stay as it was.
Repeating a call that succeeded (a duplicate) is swept the same way. A mutating operation that no
scenario calls successfully, or whose calls have no invalid variant, fails the suite. A failure
is written out as a vector file (``--conformance-failures``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import Driver, ObjectDriver
from contracts.conformance.scenarios import SCENARIOS, Scenario
from contracts.conformance.statediff import first_difference
from contracts.conformance.suite.support import write_failure
from contracts.conformance.suite.sweep import variants

UNIVERSAL = {"INVALID_INPUT"}  # malformed arguments, rejected while decoding


class Sweep:
    """One scenario's sweep: the reference and the implementation side by side."""

    def __init__(
        self, scenario: Scenario, reference: ObjectDriver, driver: Driver, failures: Path
    ) -> None:
        self.scenario = scenario
        self.reference = reference
        self.driver = driver
        self.failures = failures
        self.create = canonical(scenario.create)
        self.ref_instance = reference.create(scenario.contract, self.create)
        self.instance = driver.create(scenario.contract, self.create)
        self.done: list[tuple[str, Any]] = []

    def fail(self, message: str, operation: str, args: Any) -> None:
        path = write_failure(
            self.failures,
            self.scenario.contract,
            f"sweep-{self.scenario.name}-{len(self.done)}",
            self.create,
            [*self.done, (operation, args)],
        )
        pytest.fail(f"{message} (written to {path})")

    def rejected(self, operation: str, args: dict[str, Any]) -> bool:
        """True when the reference rejects the call and the implementation conforms to that."""
        scratch = self.reference.clone(self.ref_instance)
        expected = self.reference.call(scratch, operation, args)
        self.reference.drop(scratch)
        if "error" not in expected:
            return False
        code = expected["error"]["code"]
        documented = CONTRACTS[self.scenario.contract].operations[operation].errors
        assert code in documented | UNIVERSAL, f"{operation}: undocumented code {code}"
        before = self.driver.state(self.instance)
        got = self.driver.call(self.instance, operation, args)
        if "error" not in got:
            self.fail(
                f"{operation}{args}: accepted; the reference rejects it with {code}",
                operation,
                args,
            )
        if got["error"]["code"] != code:
            self.fail(f"{operation}{args}: {got['error']['code']} ≠ {code}", operation, args)
        found = first_difference(before, self.driver.state(self.instance))
        if found is not None:
            self.fail(
                f"{operation}{args}: refused, but the state changed at {found[0]}", operation, args
            )
        return True

    def step(self, operation: str, args: dict[str, Any]) -> dict[str, Any]:
        """Make the call on both; they must agree on the outcome and the state."""
        expected = self.reference.call(self.ref_instance, operation, args)
        got = self.driver.call(self.instance, operation, args)
        if got.get("result") != expected.get("result") or got.get("error", {}).get(
            "code"
        ) != expected.get("error", {}).get("code"):
            self.fail(f"{operation}{args}: {got} ≠ {expected}", operation, args)
        found = first_difference(
            self.reference.state(self.ref_instance), self.driver.state(self.instance)
        )
        if found is not None:
            self.fail(f"{operation}{args}: the state differs at {found[0]}", operation, args)
        self.done.append((operation, args))
        outcome: dict[str, Any] = expected
        return outcome


def sweep(
    scenario: Scenario, reference: ObjectDriver, driver: Driver, failures: Path
) -> dict[str, int]:
    """Sweep one scenario; return how many rejected variants each operation had."""
    api = CONTRACTS[scenario.contract]
    run = Sweep(scenario, reference, driver, failures)
    swept: dict[str, int] = defaultdict(int)
    for step in scenario.steps:
        operation = api.operations[step.operation]
        args = canonical(step.args)
        if operation.mutates:
            for variant in variants(operation, args):
                if run.rejected(step.operation, variant):
                    swept[step.operation] += 1
        expected = run.step(step.operation, args)
        if operation.mutates and "result" in expected and run.rejected(step.operation, args):
            swept[f"{step.operation} (duplicate)"] += 1
    reference.drop(run.ref_instance)
    driver.drop(run.instance)
    return swept


@pytest.fixture(scope="module")
def coverage() -> dict[tuple[str, str], int]:
    return defaultdict(int)


SWEPT = [s for s in SCENARIOS if s.steps]


#: The sweeps and the check of what they covered run in one process (``--dist loadgroup``).
ONE_WORKER: Final = pytest.mark.xdist_group("sweeps")


@ONE_WORKER
@pytest.mark.parametrize("scenario", SWEPT, ids=lambda s: f"{s.contract}/{s.name}")
def test_sweep(
    scenario: Scenario,
    reference_driver: ObjectDriver,
    driver: Driver,
    require: Callable[[str], None],
    failures_dir: Path,
    coverage: dict[tuple[str, str], int],
) -> None:
    require(scenario.contract)
    for operation, count in sweep(scenario, reference_driver, driver, failures_dir).items():
        coverage[(scenario.contract, operation)] += count
    coverage[(scenario.contract, f"{SCENARIO_MARK}{scenario.name}")] += 1


#: Coverage keys that record a swept scenario rather than an operation.
SCENARIO_MARK = "scenario:"


def _swept_here(coverage: dict[tuple[str, str], int], selected: frozenset[str]) -> bool:
    """True when every scenario of the selected contracts was swept in this process."""
    return all(
        coverage.get((s.contract, f"{SCENARIO_MARK}{s.name}"))
        for s in SWEPT
        if s.contract in selected
    )


@ONE_WORKER
def test_sweeps_reach_every_mutating_operation_of_the_selected_contracts(
    coverage: dict[tuple[str, str], int], selected: frozenset[str]
) -> None:
    if not coverage:
        pytest.skip("run together with test_sweep")
    if os.environ.get("PYTEST_XDIST_WORKER") and not _swept_here(coverage, selected):
        # Under pytest-xdist without ``--dist loadgroup`` the sweeps are spread over workers,
        # each with its own coverage: the check needs them all in one process.
        pytest.skip("the sweeps ran on several workers: run the suite in one process")
    missing = [
        f"{api.name}.{name}"
        for api in CONTRACTS.values()
        if api.name in selected
        for name, operation in api.operations.items()
        if operation.mutates and operation.params and not coverage.get((api.name, name))
    ]
    assert missing == []
