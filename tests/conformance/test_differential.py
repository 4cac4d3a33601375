"""Differential stateful testing: the same random operations on the reference and on the
implementation under test; every result, error code and snapshot must match.

Arguments are drawn from the values the scenarios use (valid and invalid), from the invalid
variants of the sweep, and -- for times -- from the contract's current time and its neighbours,
so random runs stay close to the states where contracts differ.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import Driver, ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS
from tests.conformance.sweep import invalid_values

_DRIVER: dict[str, Driver] = {}


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


def current_time(contract: str, snapshot: Any) -> int | None:
    if contract == "postlaunch":
        return int(snapshot["day"])
    if contract in {"smr-staking", "iota-staking"}:
        return int(snapshot["epoch"])
    if contract == "assembly":
        return int(snapshot["chain"]["epoch"])
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
            self.ref = self.reference.create(contract, create)
            self.iut = self.driver.create(contract, create)

        @rule(data=st.data())
        def step(self, data: st.DataObject) -> None:
            name = data.draw(st.sampled_from(operations))
            operation = api.operations[name]
            now = current_time(contract, self.reference.snapshot(self.ref))
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
            assert got.get("result") == expected.get("result"), (name, args)
            assert got.get("error", {}).get("code") == expected.get("error", {}).get("code"), (
                name,
                args,
            )
            assert self.driver.snapshot(self.iut) == self.reference.snapshot(self.ref), (name, args)

    Differential.__name__ = f"Differential_{contract.replace('-', '_')}"
    return Differential


@pytest.fixture(autouse=True)
def _under_test(driver: Driver) -> None:
    _DRIVER["under-test"] = driver


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_differential(contract: str) -> None:
    run_state_machine_as_test(machine_for(contract))
