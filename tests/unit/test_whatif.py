"""Governance what-if reports: deterministic, citable, exact, refusing what governance cannot."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from math import floor
from pathlib import Path

import pytest

from contracts.transaction import atomicity_checks
from spec import invariants
from spec.whatif import WhatIfError, build_whatif, verify_digest

SUPPLY = 100 * 10**9 * 10**6


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spec", "what-if", *args],
        capture_output=True,
        text=True,
        check=False,
    )


# Ten-year projections: thousands of epochs of valid calls on the whole network.
pytestmark = pytest.mark.large_state


@pytest.fixture(scope="module")
def lower_inflation() -> dict[str, object]:
    with atomicity_checks(False):
        return build_whatif({"ASMB_INFLATION_RATE": Fraction(6, 100)}, 730, 10, revision="test")


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        done = run(
            "--set",
            "ASMB_INFLATION_RATE=0.06",
            "--from-epoch",
            "730",
            "--out",
            str(tmp_path / f"{name}.md"),
        )
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.svg").read_text("utf-8").startswith("<svg")
    json_a = run("--set", "ASMB_INFLATION_RATE=6/100", "--format", "json").stdout
    json_b = run("--set", "ASMB_INFLATION_RATE=3/50", "--format", "json").stdout
    assert json_a == json_b  # the same exact value, however it is written


def test_report_carries_its_own_digest(lower_inflation: dict[str, object]) -> None:
    assert verify_digest(lower_inflation)
    tampered = dict(lower_inflation)
    tampered["years"] = 11
    assert not verify_digest(tampered)


def test_every_invariant_in_the_report_is_in_the_catalog(
    lower_inflation: dict[str, object],
) -> None:
    rows = lower_inflation["invariants"]
    assert isinstance(rows, list)
    ids = [row["id"] for row in rows]
    assert set(ids) <= set(invariants.BY_ID)
    assert set(ids) == {i.id for i in invariants.INVARIANTS if i.symbolic}
    assert lower_inflation["failedInvariants"] == []


def test_projection_agrees_with_the_closed_form(lower_inflation: dict[str, object]) -> None:
    """8 % for two years, then 6 % from epoch 730: each year's provision floored, by hand."""
    supply = SUPPLY
    expected = []
    for year in range(10):
        rate = Fraction(8, 100) if year < 2 else Fraction(6, 100)
        supply += floor(supply * rate)
        expected.append(supply)
    projection = lower_inflation["projection"]
    assert isinstance(projection, dict)
    assert [int(r["supplyAfter"]) for r in projection["rows"]] == expected
    before = [SUPPLY * 108**n // 100**n for n in range(1, 11)]
    assert [int(r["supplyBefore"]) for r in projection["rows"]][:8] == before[:8]
    assert projection["proposalStatus"] == "executed"


def test_changed_figures_are_listed_before_and_after(lower_inflation: dict[str, object]) -> None:
    rows = {row["id"]: row for row in lower_inflation["derivations"]}  # type: ignore[attr-defined]
    assert rows["ASMB-INFLATION-YEARLY-PROVISION"]["before"]["exact"] == SUPPLY * 8 // 100
    assert rows["ASMB-INFLATION-YEARLY-PROVISION"]["after"]["exact"] == SUPPLY * 6 // 100
    assert "PRE-WINDOW-MILESTONES" not in rows


@pytest.mark.invariant("ASMB-SPLIT-01")
def test_a_change_breaking_the_20_percent_promise_exits_3() -> None:
    done = run("--set", "POSTLAUNCH_PLANNED=14000000000000000", "--format", "json")
    assert done.returncode == 3
    report = json.loads(done.stdout)
    assert "ASMB-SPLIT-01" in report["failedInvariants"]
    text = run("--set", "POSTLAUNCH_PLANNED=14000000000000000", "--format", "text").stdout
    assert "INVARIANTS FAIL" in text.splitlines()[3]


@pytest.mark.invariant("ROOT-COMMISSION-02")
def test_inconsistent_commission_bounds_fail_an_invariant() -> None:
    report = build_whatif({"ASMB_MIN_COMMISSION": Fraction(3, 10)}, 730, 3, revision="test")
    assert report["failedInvariants"] == ["ROOT-COMMISSION-02"]


@pytest.mark.parametrize(
    "args",
    [
        ["--set", "ASMB_INITIAL_SUPPLY=1"],  # not governable
        ["--set", "ASMB_INFLATION_RATE=9/100"],  # above its bound
        ["--set", "ASMB_INFLATION_RATE=1/30000"],  # finer than a basis point
        ["--set", "NO_SUCH_PARAMETER=1"],
        ["--set", "ASMB_INFLATION_RATE=abc"],
        ["--set", "ASMB_INFLATION_RATE"],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--from-epoch", "3"],  # cannot pass that early
        ["--set", "ASMB_INFLATION_RATE=6/100", "--years", "0"],
    ],
)
def test_refused_changes_exit_2_with_one_line(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_non_governable_message_names_the_parameter_and_why() -> None:
    done = run("--set", "ASMB_INITIAL_SUPPLY=1")
    assert "ASMB_INITIAL_SUPPLY is not governable" in done.stderr


def test_validation_errors_are_typed() -> None:
    with pytest.raises(WhatIfError):
        build_whatif({}, 730, 10)
