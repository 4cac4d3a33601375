"""Every mutating operation of every contract under hostile arguments (``tests.hostile``).

Two ways over the same catalogue (the conformance API):

* **the census** -- deterministic: in the states every scenario reaches at its start, middle
  and end, every mutating operation, every parameter, every hostile value of its kind, once
  through the conformance API (JSON values, decoded) and once as a direct Python call (the
  types JSON cannot carry);
* **the property** -- Hypothesis: a state drawn from any scenario prefix, an operation, one or
  two parameters replaced by hostile values at once.

Both hold every call to :func:`tests.hostile.check_outcome`: a refusal is a documented code and
changes nothing (the self-check of ``contracts.transaction`` also fingerprints the whole object
graph), a value of a must-refuse class is refused, an acceptance breaks no invariant, and no
call is ever a Python exception.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from contracts.conformance.api import CONTRACTS, Operation
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS, Scenario
from tests.hostile import (
    Bad,
    bad_values,
    call_python,
    call_wire,
    check_outcome,
    current_time,
    decoded,
    observed,
    python_bad_values,
    scenario_calls,
)

CONTRACT_NAMES = sorted(CONTRACTS)


base_calls = scenario_calls


_STATES: dict[tuple[str, int], tuple[ObjectDriver, str]] = {}


def state(scenario: Scenario, steps: int) -> tuple[ObjectDriver, str]:
    """A fresh copy of the reference after the first ``steps`` steps of ``scenario``."""
    key = (f"{scenario.contract}/{scenario.name}", steps)
    if key not in _STATES:
        driver = ObjectDriver(reference())
        handle = driver.create(scenario.contract, canonical(scenario.create))
        for step in scenario.steps[:steps]:
            driver.call(handle, step.operation, canonical(step.args))
        _STATES[key] = (driver, handle)
    driver, handle = _STATES[key]
    return driver, driver.clone(handle)


def try_wire(
    driver: ObjectDriver,
    handle: str,
    contract: str,
    operation: Operation,
    args: dict[str, Any],
    bad: list[Bad],
) -> str:
    outcome, before, after = call_wire(driver, handle, contract, operation.name, args)
    check_outcome(contract, operation, outcome, before, after, bad, driver.instances[handle][1])
    return "refused" if "error" in outcome else "accepted"


def try_python(
    driver: ObjectDriver,
    handle: str,
    contract: str,
    operation: Operation,
    values: list[Any],
    bad: list[Bad],
) -> str:
    instance = driver.instances[handle][1]
    before = observed(instance)
    outcome = call_python(instance, operation, values)
    check_outcome(contract, operation, outcome, before, observed(instance), bad, instance)
    return "refused" if "error" in outcome else "accepted"


def census(contract: str) -> Counter[str]:
    """Every operation × parameter × hostile value, in three states of every scenario."""
    counts: Counter[str] = Counter()
    api = CONTRACTS[contract]
    for scenario in (s for s in SCENARIOS if s.contract == contract):
        for steps in sorted({0, len(scenario.steps) // 2, len(scenario.steps)}):
            driver, handle = state(scenario, steps)
            now = current_time(contract, driver.instances[handle][1])
            for name, operation in api.operations.items():
                if not operation.mutates or not operation.params:
                    continue
                args = base_calls(contract, name)[-1]
                values = decoded(operation, args)
                for index, param in enumerate(operation.params):
                    for bad in bad_values(param, args.get(param.name), now):
                        changed = {**args, param.name: bad.value}
                        verdict = try_wire(driver, handle, contract, operation, changed, [bad])
                        counts[f"wire {bad.klass} {verdict}"] += 1
                        if verdict == "accepted":
                            driver, handle = state(scenario, steps)
                    for bad in python_bad_values(param, values[index]):
                        call = list(values)
                        call[index] = bad.value
                        verdict = try_python(driver, handle, contract, operation, call, [bad])
                        counts[f"python {bad.klass} {verdict}"] += 1
                        if verdict == "accepted":
                            driver, handle = state(scenario, steps)
    return counts


@pytest.mark.parametrize("contract", CONTRACT_NAMES)
def test_census_of_hostile_calls(contract: str) -> None:
    counts = census(contract)
    assert sum(counts.values()) > 100
    assert counts["wire type refused"] > 0
    assert counts["python type refused"] > 0
    accepted = {key.split()[1] for key in counts if key.endswith("accepted")}
    assert accepted <= {"unknown", "time"}


U64 = 2**64
INT_KINDS = frozenset({"amount", "count", "time", "bp"})
NAME_KINDS = frozenset({"sender", "caller", "account"})


def generated(kind: str) -> st.SearchStrategy[Bad]:
    """Hostile values Hypothesis generates (beyond the fixed lists): integers past either
    bound, names with whitespace, control characters or lone surrogates, or too long."""
    if kind in INT_KINDS:
        past = st.one_of(st.integers(max_value=-1), st.integers(min_value=U64, max_value=2**130))
        return past.map(lambda v: Bad(v, "bound"))
    if kind in NAME_KINDS:
        odd = st.characters(categories=("Zs", "Cc", "Cs"))
        bad_name = st.one_of(
            st.text(min_size=129, max_size=200),
            st.builds(lambda a, b, c: a + b + c, st.text(max_size=5), odd, st.text(max_size=5)),
        )
        return bad_name.map(lambda v: Bad(v, "shape"))
    return st.nothing()


def hostile_case(contract: str) -> st.SearchStrategy[tuple[Scenario, int, str, dict[str, Any]]]:
    scenarios = [s for s in SCENARIOS if s.contract == contract]
    names = [n for n, op in CONTRACTS[contract].operations.items() if op.mutates and op.params]

    @st.composite
    def draw(data: st.DrawFn) -> tuple[Scenario, int, str, dict[str, Any]]:
        scenario = data(st.sampled_from(scenarios))
        steps = data(st.integers(0, len(scenario.steps)))
        name = data(st.sampled_from(names))
        args = data(st.sampled_from(base_calls(contract, name)))
        return scenario, steps, name, args

    return draw()


@pytest.mark.parametrize("contract", CONTRACT_NAMES)
@settings(suppress_health_check=list(HealthCheck), deadline=None)
@given(data=st.data())
def test_hostile_arguments_are_refused_and_change_nothing(
    contract: str, data: st.DataObject
) -> None:
    scenario, steps, name, args = data.draw(hostile_case(contract))
    operation = CONTRACTS[contract].operations[name]
    driver, handle = state(scenario, steps)
    now = current_time(contract, driver.instances[handle][1])
    chosen = data.draw(
        st.lists(st.sampled_from(operation.params), min_size=1, max_size=2, unique=True)
    )
    bad: list[Bad] = []
    changed = dict(args)
    for param in chosen:
        listed = st.sampled_from(bad_values(param, args.get(param.name), now))
        value = data.draw(st.one_of(listed, generated(param.kind)))
        changed[param.name] = value.value
        bad.append(value)
    try_wire(driver, handle, contract, operation, changed, bad)
    driver, handle = state(scenario, steps)
    try:
        values = decoded(operation, args)
    except Exception:  # the scenario's own call was malformed: nothing Python-level to vary
        assume(False)
    index = data.draw(st.integers(0, len(operation.params) - 1))
    python_bad = python_bad_values(operation.params[index], values[index])
    assume(python_bad)
    choice = data.draw(st.sampled_from(python_bad))
    values[index] = choice.value
    try_python(driver, handle, contract, operation, values, [choice])
