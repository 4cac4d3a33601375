"""Governance what-if reports: deterministic, citable, exact, refusing what governance cannot."""

from __future__ import annotations

import json
import re
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
    # A change from epoch 730 (year 3) leaves year 1's provision and the first epoch's mint alone.
    assert "ASMB-INFLATION-YEARLY-PROVISION" not in rows
    assert "ASMB-INFLATION-FIRST-EPOCH" not in rows
    assert "PRE-WINDOW-MILESTONES" not in rows
    # 10 years: 2 at 8 %, 8 at 6 %, each year's provision floored (the rule, by hand).
    supply = status_quo = SUPPLY
    for year in range(10):
        supply += floor(supply * (Fraction(8, 100) if year < 2 else Fraction(6, 100)))
        status_quo += floor(status_quo * Fraction(8, 100))
    assert rows["ASMB-SUPPLY-10Y"]["before"]["exact"] == status_quo
    assert rows["ASMB-SUPPLY-10Y"]["after"]["exact"] == supply
    assert rows["ASMB-SUPPLY-10Y"]["timing"] == "from-activation"
    assert rows["ASMB-INFLATION-NOMINAL-EFFECTIVE"]["timing"] == "steady-state"


def _naive_supply(rates_by_epoch: list[Fraction], per_year: int = 365) -> list[int]:
    """The supply at each year's end, epoch by epoch: each epoch mints the difference of the
    year's cumulative floors, floor(T_{k+1}) − floor(T_k), T_k = Σ_{j<k} S_y r_j / N
    (contracts/inflation.py, ASMB-INFLATION-01)."""
    supply, ends = SUPPLY, []
    for start in range(0, len(rates_by_epoch), per_year):
        base, cumulative, minted = supply, Fraction(0), 0
        for rate in rates_by_epoch[start : start + per_year]:
            before = floor(cumulative)
            cumulative += base * rate / per_year
            minted += floor(cumulative) - before
        supply += minted
        ends.append(supply)
    return ends


def test_derived_figures_and_the_projection_agree_on_when_a_change_applies() -> None:
    """A change in the middle of year 5: the 10-year supply of the figures is the projection's
    year-10 supply, and both are the epoch-by-epoch rule's."""
    activation = 4 * 365 + 100
    with atomicity_checks(False):
        report = build_whatif({"ASMB_INFLATION_RATE": Fraction(5, 100)}, activation, 10)
    rates = [Fraction(8, 100)] * activation + [Fraction(5, 100)] * (3650 - activation)
    expected = _naive_supply(rates)
    rows = {row["id"]: row for row in report["derivations"]}
    assert rows["ASMB-SUPPLY-10Y"]["after"]["exact"] == expected[9]
    assert int(report["projection"]["rows"][9]["supplyAfter"]) == expected[9]
    assert [int(r["supplyAfter"]) for r in report["projection"]["rows"]] == expected


def test_a_change_within_year_one_moves_year_one_provision_by_its_epochs() -> None:
    with atomicity_checks(False):
        report = build_whatif({"ASMB_INFLATION_RATE": Fraction(6, 100)}, 100, 1)
    rows = {row["id"]: row for row in report["derivations"]}
    rates = [Fraction(8, 100)] * 100 + [Fraction(6, 100)] * 265
    assert (
        rows["ASMB-INFLATION-YEARLY-PROVISION"]["after"]["exact"]
        == _naive_supply(rates)[0] - SUPPLY
    )
    assert report["projection"]["rows"][0]["mintedAfter"] == _naive_supply(rates)[0] - SUPPLY
    assert "ASMB-INFLATION-FIRST-EPOCH" not in rows  # epoch 0 is before any activation


def test_widths_are_whole_numbers_even_where_the_product_is_not() -> None:
    """At 3.75 % the 10-year closed-form supply is fractional; the width rounds it up."""
    from math import ceil

    with atomicity_checks(False):
        report = build_whatif({"ASMB_INFLATION_RATE": Fraction(375, 10_000)}, 16, 1)
    rows = {row["id"]: row for row in report["derivations"]}
    width = rows["WIDTH-ASMB-INFLATION"]
    closed = [Fraction(8, 100)] * 16 + [Fraction(375, 10_000)] * (3650 - 16)
    exact = Fraction(SUPPLY)
    for year in range(10):
        exact *= 1 + sum(closed[year * 365 : (year + 1) * 365], Fraction(0)) / 365
    assert width["after"]["exact"] == ceil(exact * 800 * 365)  # 8 % is in force until epoch 16
    assert isinstance(width["after"]["exact"], int)
    assert width["after"]["bits"] == width["after"]["exact"].bit_length()


@pytest.mark.invariant("ASMB-SPLIT-01")
def test_a_change_breaking_the_20_percent_promise_exits_3() -> None:
    done = run("--set", "POSTLAUNCH_PLANNED=14000000000000000", "--format", "json")
    assert done.returncode == 3
    report = json.loads(done.stdout)
    assert "ASMB-SPLIT-01" in report["failedInvariants"]
    text = run("--set", "POSTLAUNCH_PLANNED=14000000000000000", "--format", "text").stdout
    head = text.split("Changes, in effect", 1)[0]
    assert "INVARIANTS FAIL UNDER THIS CHANGE: " in head


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
        # inputs the report cannot honour
        ["--set", "ASMB_INFLATION_RATE=6/100", "--set", "ASMB_INFLATION_RATE=5/100"],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--from-epoch", "3650"],  # the horizon's end
        ["--set", "ASMB_INFLATION_RATE=6/100", "--years", "2", "--from-epoch", "730"],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--assume", "ASSUME-NOTHING=1"],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--assume", "ASSUME-VALIDATORS=5/2"],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--assume", "ASSUME-BONDED-SHARE=91/100"],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--assume", "ASSUME-COMMISSION=21/100"],
        [
            "--set",
            "ASMB_INFLATION_RATE=6/100",
            "--assume",
            "ASSUME-OWN-BOND-SHARE=1/10000",
            "--assume",
            "ASSUME-BONDED-SHARE=1/100",
        ],  # each operator's bond below the minimum
        [
            "--set",
            "ASMB_INFLATION_RATE=6/100",
            "--assume",
            "ASSUME-COMMISSION=0",
            "--assume",
            "ASSUME-COMMISSION=0",
        ],
        ["--set", "ASMB_INFLATION_RATE=6/100", "--jobs", "2"],  # only a sweep runs in parallel
        [],  # no change at all
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


def test_the_text_report_reads_in_tokens_and_percentages(
    lower_inflation: dict[str, object],
) -> None:
    from spec.whatif import render_text

    text = render_text(lower_inflation)
    body = text.split("\n", 2)[2]  # after the title (revision) and the SHA-256
    ungrouped = re.findall(r"(?<![\d,.])\d{4,}", body)  # decimals' digits after a point aside
    assert ungrouped == [], "ungrouped numbers of four or more digits"
    assert "µASMB" not in body.split("Invariants under")[0].replace("µASMB·bp", "")
    assert "215,892,499,727 ASMB" in body  # 10 years at 8 %: S₀ 1.08¹⁰, whole ASMB
    assert "8 % a year → 6 % a year" in body


def test_every_id_in_the_markdown_report_links_to_its_anchor(
    lower_inflation: dict[str, object],
) -> None:
    from spec.whatif import render_markdown

    markdown = render_markdown(lower_inflation)
    ids = re.findall(r"(\[?)`([A-Z][A-Z0-9_.-]+)`(\]?)(\(([^)]*)\))?", markdown)
    assert ids
    for opening, identifier, closing, _, target in ids:
        assert opening == "[" and closing == "]", f"{identifier} is not a link"
        assert target.endswith(f"/#{identifier}"), target


def test_a_proposal_the_projection_would_not_execute_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A report whose projection shows the proposal failing would describe a change that never
    happens: the report refuses it rather than print an unchanged projection."""
    import contracts.projection as projection

    real = projection.project

    def rejecting(
        changes: dict[str, Fraction], epoch: int, years: int, assumed: object = None
    ) -> projection.Projection:
        run = real(changes, epoch, years)
        return projection.Projection(run.rows, "rejected" if changes else None, {})

    monkeypatch.setattr(projection, "project", rejecting)
    with pytest.raises(WhatIfError, match="the proposal is rejected in the projection"):
        build_whatif({"ASMB_INFLATION_RATE": Fraction(6, 100)}, 16, 1, revision="test")
