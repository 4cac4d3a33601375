"""Differential stateful testing: the same operations on the reference and on the
implementation under test; every result, error code and normative state must match.

A run starts from one of the hand-written scenarios and mixes four kinds of step: the
scenario's own next calls (so runs reach the deep states the scenarios build: several
validators, open proposals, matured unbonding; what a run has not reached of its scenario
runs when it ends), calls drawn whole from the scenarios' calls
of an operation at the contract's current time (coherent arguments, so most succeed), calls
drawn argument by argument from the scenarios' values and the sweep's invalid variants, and a
long advance of the contract's clock (hundreds of days, a year of epochs), so runs cover the
programs' horizons. A failure, once Hypothesis has shrunk it, is written out as a vector file
(``--conformance-failures``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import (
    Driver,
    ObjectDriver,
    ReferenceImplementation,
    reference,
)
from contracts.conformance.scenarios import SCENARIOS, SYSTEM, Scenario
from contracts.conformance.statediff import first_difference
from contracts.conformance.suite.support import write_failure
from contracts.conformance.suite.sweep import invalid_values
from contracts.conformance.suite.test_vectors import PUBLISHED
from contracts.transaction import atomicity_checks

_DRIVER: dict[str, Driver] = {}
_FAILURES: dict[str, Path] = {}

#: The time a contract's program runs for: the last day paid (post-launch), two years of
#: epochs (SMR), the unbonding period and one (the root chain), the grace period and one (IOTA).
HORIZONS: Final = {
    "postlaunch": 640,
    "smr-staking": 730,
    "assembly": 22,
    "iota-staking": 8,
    "reward-accumulator": 10,
}
#: How far past its horizon a run may move a contract's clock.
_FAR: Final = {contract: horizon + max(60, horizon // 2) for contract, horizon in HORIZONS.items()}
#: The most validators a scenario a run starts from may have (a set of 150 makes every step
#: slow and adds nothing the smaller sets do not test).
_MAX_START_VALIDATORS: Final = 20


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


def successful_calls(scenario: Scenario) -> list[tuple[str, dict[str, Any]]]:
    """The calls of ``scenario`` its published vector records as successes (the scenario's
    own calls when it has no vector)."""
    path = PUBLISHED / scenario.contract / scenario.name / "case.json"
    if not path.is_file():
        return [(step.operation, canonical(step.args)) for step in scenario.steps]
    case = json.loads(path.read_text(encoding="utf-8"))
    return [(s["operation"], s["args"]) for s in case["steps"] if "result" in s["expect"]]


POOLS = _pools()


def _starts(contract: str) -> list[Scenario]:
    def small(scenario: Scenario) -> bool:
        validators = scenario.create.get("validators")
        return not isinstance(validators, list) or len(validators) <= _MAX_START_VALIDATORS

    return [s for s in SCENARIOS if s.contract == contract and small(s)]


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


def _advances(contract: str, now: int, jump: int) -> list[tuple[str, dict[str, Any]]]:
    """The calls that move ``contract``'s clock on by about ``jump``."""
    if contract == "postlaunch":
        return [("advanceTo", {"caller": SYSTEM, "day": now + jump})]
    if contract == "smr-staking":
        return [("advanceTo", {"caller": SYSTEM, "epoch": now + jump})]
    if contract == "assembly":
        count = min(jump, 4)
        return [
            ("advanceEpoch", {"caller": SYSTEM, "seed": f"{now + n + 1:016x}"})
            for n in range(count)
        ]
    if contract == "iota-staking":
        return [("advanceEpoch", {"caller": SYSTEM})] * min(jump, 4)
    if contract == "reward-accumulator":
        return [("closePeriod", {})] * min(jump, 4)
    return []


def machine_for(contract: str, starts: list[Scenario] | None = None) -> type[RuleBasedStateMachine]:
    """The differential machine of ``contract``, its runs starting from ``starts`` (by default
    every hand-written scenario of a modest size)."""
    api = CONTRACTS[contract]
    chosen = starts or _starts(contract)
    operations = sorted(
        name
        for name in api.operations
        if any((contract, name, p.name) in POOLS for p in api.operations[name].params)
        or not api.operations[name].params
    )

    class Differential(RuleBasedStateMachine):
        @initialize(start=st.sampled_from(chosen))
        def create(self, start: Scenario) -> None:
            self.reference = ObjectDriver(reference())
            self.driver = _DRIVER["under-test"]
            self.created = canonical(start.create)
            self.script = [(step.operation, canonical(step.args)) for step in start.steps]
            self.successes = successful_calls(start) or [(name, {}) for name in operations[:1]]
            self.fresh = 0
            self.ref = self.reference.create(contract, self.created)
            self.iut = self.driver.create(contract, self.created)
            self.done: list[tuple[str, Any]] = []
            # The reference's state after the latest call: the rules read the clock and the
            # open proposals, stakes and outputs from it, rather than asking the reference again.
            self.observed = self.reference.state(self.ref)
            # When the implementation under test is the reference itself, in this process, it
            # runs the very code the reference side has just run, on an equal state with equal
            # arguments: its per-call atomicity self-check would repeat the reference side's,
            # fingerprint for fingerprint, so it is off for that side (and on for the other).
            self.twin = isinstance(self.driver, ObjectDriver) and isinstance(
                self.driver.implementation, ReferenceImplementation
            )

        def fail(self, message: str) -> None:
            path = write_failure(
                _FAILURES["folder"], contract, "differential", self.created, self.done
            )
            raise AssertionError(f"{message} (written to {path})")

        def call(self, name: str, args: dict[str, Any], kind: str) -> None:
            expected = self.reference.call(self.ref, name, args)
            if self.twin:
                with atomicity_checks(False):
                    got = self.driver.call(self.iut, name, args)
            else:
                got = self.driver.call(self.iut, name, args)
            self.done.append((name, args))
            if got.get("result") != expected.get("result"):
                self.fail(f"{name}{args}: result {got.get('result')} ≠ {expected.get('result')}")
            code, wanted = got.get("error", {}).get("code"), expected.get("error", {}).get("code")
            if code != wanted:
                self.fail(f"{name}{args}: error code {code} ≠ {wanted}")
            state = self.observed = self.reference.state(self.ref)
            found = first_difference(state, self.driver.state(self.iut))
            if found is not None:
                self.fail(
                    f"{name}{args}: the state differs at {found[0]}: {found[1]!r} ≠ {found[2]!r}"
                )
            LIVENESS[contract].record(name, expected, state, kind)

        def now(self) -> int | None:
            return current_time(contract, self.observed)

        @precondition(lambda self: bool(self.script))
        @rule(count=st.integers(min_value=1, max_value=12))
        def scripted(self, count: int) -> None:
            """The starting scenario's next calls."""
            for name, args in self.script[:count]:
                self.call(name, args, "scripted")
            del self.script[:count]

        def teardown(self) -> None:
            """Every run ends with the rest of its scenario, so each run reaches the deep
            states the scenario builds, after whatever the random steps did; then both sides
            forget the run's instances (a session's driver would otherwise hold every
            instance of every run)."""
            if not hasattr(self, "script"):
                return
            try:
                self.scripted(len(self.script))
            finally:
                self.reference.drop(self.ref)
                self.driver.drop(self.iut)

        @rule(data=st.data())
        def coherent(self, data: st.DataObject) -> None:
            """A call the starting scenario made successfully, whole, at the contract's
            current time -- for participation events, booking a new output or spending one
            still unspent."""
            name, made = data.draw(st.sampled_from(self.successes), label="call")
            args = dict(made)
            now = self.now()
            for param in api.operations[name].params:
                if param.kind == "time" and now is not None:
                    ahead = args.get(param.name)
                    args[param.name] = ahead if isinstance(ahead, int) and ahead > now else now
            if contract.startswith("participation"):
                args = self.participation(name, args, data)
            elif contract == "iota-staking":
                args = self.iota(name, args, data)
            elif contract == "assembly":
                args = self.assembly(name, args, data)
            self.call(name, args, "coherent")

        def assembly(self, name: str, args: dict[str, Any], data: st.DataObject) -> Any:
            """A matured entry to withdraw and an open proposal to vote on, from the state."""
            state = self.observed
            epoch = state["chain"]["epoch"]
            if name == "withdrawUnbonded":
                matured = sorted({e[0] for e in state["chain"]["unbonding"] if e[4] <= epoch})
                if matured:
                    return {**args, "holder": data.draw(st.sampled_from(matured), label="holder")}
            if name == "vote":
                open_ = [
                    p["id"]
                    for p in state["governance"]["proposals"]
                    if p["status"] == "voting" and args.get("voter") not in p["votes"]
                ]
                if open_:
                    return {**args, "proposalId": data.draw(st.sampled_from(open_), label="id")}
            return args

        def iota(self, name: str, args: dict[str, Any], data: st.DataObject) -> Any:
            """A report to undo and a stake to withdraw, split or join, from the state."""
            state = self.observed
            if name == "undoReportValidator" and state["reports"]:
                reportee = data.draw(st.sampled_from(sorted(state["reports"])), label="reportee")
                reporter = data.draw(st.sampled_from(state["reports"][reportee]), label="by")
                return {**args, "reporter": reporter, "reportee": reportee}
            if name in {"requestWithdrawStake", "splitStakedIota", "joinStakedIota"}:
                owned = {
                    int(i): s for i, s in state["stakes"].items() if s[0] == args.get("staker")
                }
                if owned:
                    staked = data.draw(st.sampled_from(sorted(owned)), label="id")
                    args = {**args, "stakedId": staked}
                    principal = int(owned[staked][2])
                    if name == "splitStakedIota" and principal >= 2 * 10**9:
                        args["amount"] = principal // 2
            return args

        def participation(self, name: str, args: dict[str, Any], data: st.DataObject) -> Any:
            if name == "book":
                self.fresh += 1
                return {**args, "outputId": f"{0xFFFF0000 + self.fresh:064x}0000"}
            if name == "spend":
                outputs = self.observed["outputs"]
                unspent = [o for o in outputs if o["spentAt"] is None]
                if unspent:
                    output = data.draw(st.sampled_from(unspent), label="output")
                    return {"outputId": output["outputId"], "milestone": output["bookedAt"] + 1}
            return args

        @rule(data=st.data())
        def drawn(self, data: st.DataObject) -> None:
            """A call drawn argument by argument, valid and invalid values mixed."""
            name = data.draw(st.sampled_from(operations))
            now = self.now()
            args: dict[str, Any] = {}
            for param in api.operations[name].params:
                pool = POOLS.get((contract, name, param.name), [None])
                if param.kind == "time" and now is not None:
                    strategy = st.sampled_from([now, now, now, now + 1, now + 2, now - 1])
                else:
                    strategy = st.sampled_from(pool)
                args[param.name] = data.draw(strategy, label=param.name)
            self.call(name, args, "drawn")

        @precondition(lambda self: (self.now() or 0) < _FAR.get(contract, 0))
        @rule(jump=st.sampled_from([1, 3, 30, 100, 365]))
        def advance(self, jump: int) -> None:
            """Move the clock on: days, epochs or periods (up to a little past the horizon:
            beyond it every call of a program that has ended is refused alike)."""
            now = self.now()
            assert now is not None
            for name, args in _advances(contract, now, jump):
                self.call(name, args, "advance")

    Differential.__name__ = f"Differential_{contract.replace('-', '_')}"
    return Differential


class Liveness:
    """What one contract's differential runs reached: successful calls per operation, the
    latest time, and how many calls of each kind succeeded."""

    def __init__(self, contract: str) -> None:
        self.contract = contract
        self.succeeded: dict[str, int] = defaultdict(int)
        self.calls: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.latest = 0

    def record(self, operation: str, outcome: Any, state: Any, kind: str = "drawn") -> None:
        tally = self.calls[kind]
        tally[1] += 1
        if "result" in outcome:
            self.succeeded[operation] += 1
            tally[0] += 1
        now = current_time(self.contract, state)
        if now is not None:
            self.latest = max(self.latest, now)

    def problems(self) -> list[str]:
        """What the runs left untested: an operation without a successful call, a horizon
        not reached, coherent calls that mostly fail."""
        found = [
            f"{self.contract}.{name}: no successful call"
            for name in CONTRACTS[self.contract].operations
            if not self.succeeded.get(name)
        ]
        horizon = HORIZONS.get(self.contract)
        if horizon is not None and self.latest < horizon:
            found.append(f"{self.contract}: reached time {self.latest}, not {horizon}")
        succeeded, made = self.calls["coherent"]
        if made and succeeded / made < 0.5:
            found.append(f"{self.contract}: {succeeded} of {made} coherent calls succeeded")
        return found


LIVENESS = {contract: Liveness(contract) for contract in CONTRACTS}


@pytest.fixture(autouse=True)
def _under_test(driver: Driver, failures_dir: Path) -> None:
    _DRIVER["under-test"] = driver
    _FAILURES["folder"] = failures_dir


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_differential(contract: str, require: Callable[[str], None]) -> None:
    require(contract)
    run_state_machine_as_test(machine_for(contract))


#: The runs the liveness check measures, whatever the Hypothesis profile: enough steps and runs
#: for every operation to succeed and the horizons to be reached, derandomised.
LIVENESS_RUNS: Final = settings(
    max_examples=6,
    stateful_step_count=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.reference_only
@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_differential_runs_stay_live(contract: str, reference_driver: ObjectDriver) -> None:
    """The machines' own strength: over a few runs from each starting scenario, every
    operation succeeds, each program's horizon is reached and most coherent calls succeed
    (measured on the reference alone).

    What these runs measure is the machines, not the reference: the reference's per-call
    atomicity self-check, which :func:`test_differential` runs on the same machines, is off
    here (it was seven in eight parts of this test's time on the IOTA machine)."""
    _DRIVER["under-test"] = reference_driver
    LIVENESS[contract] = Liveness(contract)
    with atomicity_checks(False):
        for start in _starts(contract):
            run_state_machine_as_test(machine_for(contract, [start]), settings=LIVENESS_RUNS)
    assert LIVENESS[contract].problems() == []
