"""``make deep``: every stateful machine and every differential machine, a million rule steps.

A pytest plugin (``-p tests.deep``) and a report (``python -m tests.deep report``).

The plugin counts the rule steps each state machine runs -- Hypothesis checks a machine's
invariants once when it is created and once after every step, so the steps of a run are its
invariant checks less one -- and, after each test, appends one JSON line to ``--deep-log``: the
test, the machine, its steps, runs and seconds, and whether it passed. With ``--deep-budget`` it
also gives each machine the number of runs (``max_examples``) of :data:`RUNS`, times
``--deep-scale`` (a fraction, for short measuring runs), so the total reaches
:data:`TARGET_STEPS` in the time :data:`BUDGET_SECONDS` allows on two cores.

The report reads the log, prints one row per machine (steps, seconds, steps per second) and the
total, and exits 1 when a test failed, when the steps fall short of the target or when the run
took longer than its budget.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import settings
from hypothesis.stateful import RuleBasedStateMachine

#: The steps a deep run must make, and the time it may take (on two cores, ``-n 2``).
TARGET_STEPS: Final = 1_000_000
BUDGET_SECONDS: Final = 3_600

#: Runs of each machine in a deep run (``stateful_step_count`` 200 steps each, fewer when a run
#: ends early), chosen from the measured steps per second so that each machine has about four
#: minutes of one core: the total passes TARGET_STEPS with margin and the two workers finish well
#: inside BUDGET_SECONDS (a full run, 2026-12: 1,666,426 steps in 34 minutes on two shared cores).
RUNS: Final[dict[str, int]] = {
    "AccumulatorMachine": 1_300,
    "BallotMachine": 250,
    "Differential_assembly": 900,
    "Differential_iota_staking": 60,
    "Differential_participation_ballot": 1_000,
    "Differential_participation_staking": 600,
    "Differential_postlaunch": 1_000,
    "Differential_reward_accumulator": 2_000,
    "Differential_smr_staking": 250,
    "IotaMachine": 185,
    "NetworkMachine": 500,
    "PostLaunchMachine": 450,
    "SmrMachine": 700,
    "StakingMachine": 750,
}

_count = {"steps": 0, "runs": 0}
_original_check_invariants = RuleBasedStateMachine.check_invariants


def _counting_check_invariants(self: RuleBasedStateMachine, *args: Any, **kwargs: Any) -> Any:
    """Hypothesis' own invariant check, counting: the first check of a machine is its creation,
    each later one follows a step."""
    if getattr(self, "_deep_counted", False):
        _count["steps"] += 1
    else:
        self._deep_counted = True  # type: ignore[attr-defined]
        _count["runs"] += 1
    return _original_check_invariants(self, *args, **kwargs)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("deep", "make deep: step counts and budgets of the state machines")
    group.addoption("--deep-log", default="", help="append one JSON line per machine test here")
    group.addoption(
        "--deep-budget",
        action="store_true",
        help="give each machine its number of runs from tests.deep.RUNS",
    )
    group.addoption(
        "--deep-derandomize",
        action="store_true",
        help="derandomised runs (equal runs before and after a change, to compare rates)",
    )
    group.addoption(
        "--deep-scale",
        type=float,
        default=1.0,
        help="a fraction of the runs of tests.deep.RUNS (short measuring runs)",
    )


def pytest_configure(config: pytest.Config) -> None:
    RuleBasedStateMachine.check_invariants = _counting_check_invariants  # type: ignore[method-assign]


def pytest_unconfigure(config: pytest.Config) -> None:
    RuleBasedStateMachine.check_invariants = _original_check_invariants  # type: ignore[method-assign]


def machine_name(item: pytest.Item) -> str | None:
    """The state machine a test runs: a ``Machine.TestCase`` class, or the differential
    machine of the contract a ``test_differential`` case names; None for other tests."""
    cls = getattr(item, "cls", None)
    machine = getattr(getattr(cls, "runTest", None), "_hypothesis_state_machine_class", None)
    if machine is not None:
        return str(machine.__name__)
    callspec = getattr(item, "callspec", None)
    if getattr(item, "originalname", "") == "test_differential" and callspec is not None:
        return "Differential_" + str(callspec.params["contract"]).replace("-", "_")
    return None


def runs_for(name: str, scale: float) -> int:
    return max(1, round(RUNS[name] * scale))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    name = machine_name(item)
    if name is None:
        return (yield)
    config = item.config
    restore: list[tuple[Any, Any]] = []
    if config.getoption("--deep-budget"):
        runs = runs_for(name, config.getoption("--deep-scale"))
        fixed: dict[str, Any] = (
            {"derandomize": True} if config.getoption("--deep-derandomize") else {}
        )
        previous = settings.get_current_profile_name()
        # A differential test builds its machine, and so its settings, inside the test: from
        # the loaded profile. A Machine.TestCase class carries the settings it was built with.
        settings.register_profile(
            f"deep-{name}", parent=settings.get_profile(previous), max_examples=runs, **fixed
        )
        settings.load_profile(f"deep-{name}")
        restore.append((None, previous))
        cls = getattr(item, "cls", None)
        if cls is not None and isinstance(getattr(cls, "settings", None), settings):
            restore.append((cls, cls.settings))
            cls.settings = settings(cls.settings, max_examples=runs, **fixed)
    _count.update(steps=0, runs=0)
    start = time.perf_counter()
    passed = False
    try:
        result = yield
        passed = True
        return result
    finally:
        seconds = time.perf_counter() - start
        for owner, value in restore:
            if owner is None:
                settings.load_profile(value)
            else:
                owner.settings = value
        log = config.getoption("--deep-log")
        if log:
            line = {
                "test": item.nodeid,
                "machine": name,
                "steps": _count["steps"],
                "runs": _count["runs"],
                "seconds": round(seconds, 3),
                "passed": passed,
                "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"),
            }
            Path(log).parent.mkdir(parents=True, exist_ok=True)
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps(line) + "\n")


# ----------------------------------------------------------------------------- the report


def table(records: Sequence[dict[str, Any]]) -> list[str]:
    """One row per machine (steps, seconds, steps per second, pass), then the total."""
    rows = [f"{'machine':<36} {'steps':>9} {'runs':>6} {'seconds':>9} {'steps/s':>8}  result"]
    for r in sorted(records, key=lambda r: str(r["machine"])):
        rate = r["steps"] / r["seconds"] if r["seconds"] else 0.0
        rows.append(
            f"{r['machine']:<36} {r['steps']:>9,} {r['runs']:>6,} {r['seconds']:>9.1f} "
            f"{rate:>8.1f}  {'ok' if r['passed'] else 'FAILED'}"
        )
    steps = sum(int(r["steps"]) for r in records)
    busy = sum(float(r["seconds"]) for r in records)
    rate = steps / busy if busy else 0.0
    rows.append(f"{'total':<36} {steps:>9,} {'':>6} {busy:>9.1f} {rate:>8.1f}")
    return rows


def report(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.deep report")
    parser.add_argument("log", type=Path)
    parser.add_argument("--elapsed", type=float, required=True, help="wall-clock seconds")
    parser.add_argument("--status", type=int, default=0, help="pytest's exit status")
    parser.add_argument("--target", type=int, default=TARGET_STEPS)
    parser.add_argument("--budget", type=float, default=BUDGET_SECONDS)
    args = parser.parse_args(argv)
    records = (
        [json.loads(line) for line in args.log.read_text(encoding="utf-8").splitlines() if line]
        if args.log.is_file()
        else []
    )
    for row in table(records):
        print(row)
    steps = sum(int(r["steps"]) for r in records)
    print(
        f"wall clock {args.elapsed:.0f} s of {args.budget:.0f} s; "
        f"{steps:,} steps of {args.target:,}; {steps / max(args.elapsed, 1e-9):.1f} steps/s"
    )
    problems = [f"{r['machine']} failed" for r in records if not r["passed"]]
    if args.status != 0:
        problems.append(f"pytest exit status {args.status}")
    if steps < args.target:
        problems.append(f"{steps:,} steps, fewer than {args.target:,}")
    if args.elapsed > args.budget:
        problems.append(f"{args.elapsed:.0f} s, over the budget of {args.budget:.0f} s")
    for problem in problems:
        print(f"make deep: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] != ["report"]:
        print("usage: python -m tests.deep report LOG --elapsed SECONDS", file=sys.stderr)
        sys.exit(2)
    sys.exit(report(sys.argv[2:]))
