"""``make deep``'s step counter and report (tests/deep.py)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from tests import deep


class Counted(RuleBasedStateMachine):
    """Records each step it runs itself: the oracle of the plugin's count."""

    ran: ClassVar[list[int]] = []
    created: ClassVar[list[int]] = []

    def __init__(self) -> None:
        super().__init__()
        Counted.created.append(1)

    @rule(n=st.integers(0, 3))
    def step(self, n: int) -> None:
        Counted.ran.append(n)

    @rule()
    def other(self) -> None:
        Counted.ran.append(-1)

    @invariant()
    def holds(self) -> None:
        pass


def test_the_counter_counts_every_step_and_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RuleBasedStateMachine, "check_invariants", deep._counting_check_invariants)
    monkeypatch.setitem(deep._count, "steps", 0)
    monkeypatch.setitem(deep._count, "runs", 0)
    Counted.ran.clear()
    Counted.created.clear()
    run_state_machine_as_test(
        Counted,
        settings=settings(max_examples=7, stateful_step_count=9, derandomize=True, database=None),
    )
    assert deep._count["steps"] == len(Counted.ran) > 0
    assert deep._count["runs"] == len(Counted.created) >= 7


def _write(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _record(machine: str, steps: int, seconds: float, passed: bool = True) -> dict[str, object]:
    return {"machine": machine, "steps": steps, "runs": 1, "seconds": seconds, "passed": passed}


def test_the_report_passes_a_run_that_meets_its_targets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _write(tmp_path / "log.jsonl", _record("A", 600, 2.0), _record("B", 500, 5.0))
    assert deep.report([str(log), "--elapsed", "6", "--target", "1100", "--budget", "10"]) == 0
    out = capsys.readouterr().out
    assert "A" in out and "300.0" in out  # 600 steps in 2 s
    assert "100.0" in out  # 500 steps in 5 s
    assert "1,100" in out  # the total


@pytest.mark.parametrize(
    ("records", "args", "problem"),
    [
        ([_record("A", 1_000, 1.0)], ["--target", "1001"], "fewer than 1,001"),
        ([_record("A", 1_000, 1.0)], ["--budget", "5", "--elapsed", "6"], "over the budget"),
        ([_record("A", 1_000, 1.0, passed=False)], [], "A failed"),
        ([_record("A", 1_000, 1.0)], ["--status", "1"], "pytest exit status 1"),
    ],
)
def test_the_report_fails_a_short_slow_or_failing_run(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    records: list[dict[str, object]],
    args: list[str],
    problem: str,
) -> None:
    log = _write(tmp_path / "log.jsonl", *records)
    argv = [str(log), "--elapsed", "1", "--target", "10", "--budget", "10", *args]
    assert deep.report(argv) == 1
    assert problem in capsys.readouterr().err


def test_every_machine_of_a_deep_run_has_its_runs() -> None:
    """RUNS names every machine of tests/stateful/ and the differential machine of every
    contract, and nothing else."""
    from contracts.conformance.api import CONTRACTS

    stateful = set()
    for path in sorted((Path(__file__).parent.parent / "stateful").glob("test_*.py")):
        module = importlib.import_module(f"tests.stateful.{path.stem}")
        stateful |= {
            name
            for name, value in vars(module).items()
            if isinstance(value, type)
            and issubclass(value, RuleBasedStateMachine)
            and value.__module__ == module.__name__
        }
    differential = {"Differential_" + c.replace("-", "_") for c in CONTRACTS}
    assert set(deep.RUNS) == stateful | differential
