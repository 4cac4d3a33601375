"""Differential stateful testing: the same random operations on the reference and on the
implementation under test; every result, error code and normative state must match.

Arguments are drawn from the values the scenarios use (valid and invalid), from the invalid
variants of the sweep, and -- for times -- from the contract's current time and its neighbours,
so random runs stay close to the states where contracts differ. A failure, once Hypothesis has
shrunk it, is written out as a vector file (``--conformance-failures``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import Driver, ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS
from contracts.conformance.statediff import first_difference
from contracts.conformance.suite.support import write_failure
from contracts.conformance.suite.sweep import invalid_values

_DRIVER: dict[str, Driver] = {}
_FAILURES: dict[str, Path] = {}


def _pools() -> dict[tuple[str, str, str], list[Any]]:
    pools: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    for scenario in SCENARIOS:
        api = CONTRACTS[scenario.contract]
        for step in scenario.steps:
            args = canonical(step.args)
            for param in api.operations[step.operation].params:
                key = (scenario.contract, step.operation, param.name)
                value = args.get(param.name)
                if value not in pools[key]:
                    pools[key].append(value)
                for bad in invalid_values(param, value)[:2]:
                    if bad not in pools[key]:
                        pools[key].append(bad)
    return pools


POOLS = _pools()


def current_time(contract: str, state: Any) -> int | None:
    """The contract's clock in its normative state (None for participation events)."""
    if contract == "postlaunch":
        return int(state["day"])
    if contract in {"smr-staking", "iota-staking"}:
        return int(state["epoch"])
    if contract == "reward-accumulator":
        return int(state["period"])
    if contract == "assembly":
        return int(state["chain"]["epoch"])
    return None


def machine_for(contract: str) -> type[RuleBasedStateMachine]:
    api = CONTRACTS[contract]
    creates = [canonical(s.create) for s in SCENARIOS if s.contract == contract]
    operations = sorted(
        name
        for name in api.operations
        if any((contract, name, p.name) in POOLS for p in api.operations[name].params)
        or not api.operations[name].params
    )

    class Differential(RuleBasedStateMachine):
        @initialize(create=st.sampled_from(creates))
        def create(self, create: dict[str, Any]) -> None:
            self.reference = ObjectDriver(reference())
            self.driver = _DRIVER["under-test"]
            self.created = create
            self.ref = self.reference.create(contract, create)
            self.iut = self.driver.create(contract, create)
            self.done: list[tuple[str, Any]] = []

        def fail(self, message: str) -> None:
            path = write_failure(
                _FAILURES["folder"], contract, "differential", self.created, self.done
            )
            raise AssertionError(f"{message} (written to {path})")

        @rule(data=st.data())
        def step(self, data: st.DataObject) -> None:
            name = data.draw(st.sampled_from(operations))
            operation = api.operations[name]
            now = current_time(contract, self.reference.state(self.ref))
            args: dict[str, Any] = {}
            for param in operation.params:
                pool = POOLS.get((contract, name, param.name), [None])
                if param.kind == "time" and now is not None:
                    strategy = st.sampled_from([now, now, now, now + 1, now + 2, now - 1])
                else:
                    strategy = st.sampled_from(pool)
                args[param.name] = data.draw(strategy, label=param.name)
            expected = self.reference.call(self.ref, name, args)
            got = self.driver.call(self.iut, name, args)
            self.done.append((name, args))
            if got.get("result") != expected.get("result"):
                self.fail(f"{name}{args}: result {got.get('result')} ≠ {expected.get('result')}")
            code, wanted = got.get("error", {}).get("code"), expected.get("error", {}).get("code")
            if code != wanted:
                self.fail(f"{name}{args}: error code {code} ≠ {wanted}")
            found = first_difference(self.reference.state(self.ref), self.driver.state(self.iut))
            if found is not None:
                self.fail(
                    f"{name}{args}: the state differs at {found[0]}: {found[1]!r} ≠ {found[2]!r}"
                )
            LIVENESS[contract].record(name, expected, self.reference.state(self.ref))

    Differential.__name__ = f"Differential_{contract.replace('-', '_')}"
    return Differential


class Liveness:
    """What one contract's differential runs reached: successful calls per operation, and the
    latest time."""

    def __init__(self, contract: str) -> None:
        self.contract = contract
        self.succeeded: dict[str, int] = defaultdict(int)
        self.latest = 0

    def record(self, operation: str, outcome: Any, state: Any) -> None:
        if "result" in outcome:
            self.succeeded[operation] += 1
        now = current_time(self.contract, state)
        if now is not None:
            self.latest = max(self.latest, now)


LIVENESS = {contract: Liveness(contract) for contract in CONTRACTS}


@pytest.fixture(autouse=True)
def _under_test(driver: Driver, failures_dir: Path) -> None:
    _DRIVER["under-test"] = driver
    _FAILURES["folder"] = failures_dir


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_differential(contract: str, require: Callable[[str], None]) -> None:
    require(contract)
    run_state_machine_as_test(machine_for(contract))
