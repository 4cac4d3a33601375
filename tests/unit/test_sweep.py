"""Sensitivity sweeps: reproducible, the what-if's own figures point by point, and the rules'.

Expected values come from the rules as the docs state them: the supply from the yearly provision
(each year's provision floored, ASMB-INFLATION-01), which no staking assumption moves; and the
commission rule (ROOT-REWARD-01/02): a validator keeps the commission ``c`` of its pool's reward
and the pool shares the rest by stake, so in every epoch the delegators earn ``(1 − c)`` times
what all stake earns per token, whatever the bonded share.
"""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from math import floor
from pathlib import Path

import pytest

from contracts.transaction import atomicity_checks
from spec.sweep import Sweep, build_sweep, run_point, tasks
from spec.whatif import WhatIfError, build_whatif, verify_digest

# Each point runs two projections of years of epochs on the whole network.
pytestmark = pytest.mark.large_state

SUPPLY = 100 * 10**9 * 10**6
PROPOSAL = {"ASMB_INFLATION_RATE": Fraction(5, 100)}
STAKED = ["ASSUME-BONDED-SHARE=1/10..9/10:5", "--set", "ASMB_INFLATION_RATE=0.05"]
TIMING = ["--from-epoch", "365", "--years", "2"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spec", "what-if", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def staked_share() -> dict[str, object]:
    """The staked share from 10 % to 90 %, a 5 % inflation from epoch 365, over two years."""
    with atomicity_checks(False):
        return build_sweep(
            PROPOSAL,
            365,
            2,
            Sweep("ASSUME-BONDED-SHARE", Fraction(1, 10), Fraction(9, 10), 5),
            jobs=1,
            revision="test",
        )


def test_a_staked_share_sweep_reproduces_byte_for_byte(tmp_path: Path) -> None:
    outputs = []
    for name, jobs in (("a", "1"), ("b", "2")):
        out = tmp_path / f"{name}.md"
        done = run("--sweep", *STAKED, *TIMING, "--jobs", jobs, "--out", str(out))
        assert done.returncode == 0, done.stderr
        outputs.append((out.read_bytes(), out.with_suffix(".svg").read_bytes()))
    assert outputs[0] == outputs[1]  # one process or two: the same bytes
    assert outputs[0][1].startswith(b"<svg")
    first = run("--sweep", *STAKED, *TIMING, "--format", "json")
    second = run("--sweep", *STAKED, *TIMING, "--format", "json", "--jobs", "2")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert verify_digest(json.loads(first.stdout))


def test_each_point_is_what_if_under_that_assumption(staked_share: dict[str, object]) -> None:
    rows = staked_share["rows"]
    assert isinstance(rows, list)
    assert [row["value"] for row in rows] == ["1/10", "3/10", "1/2", "7/10", "9/10"]
    for row in rows[::2]:
        with atomicity_checks(False):
            report = build_whatif(
                PROPOSAL, 365, 2, assumed={"ASSUME-BONDED-SHARE": Fraction(row["value"])}
            )
        last = report["projection"]["rows"][-1]
        for side, suffix in (("before", "Before"), ("after", "After")):
            assert row[side]["supply"] == last["supply" + suffix]
            assert row[side]["delegatorYield"] == last["yield" + suffix]
            assert row[side]["stakerYield"] == last["stakerYield" + suffix]
            assert row[side]["communityPool"] == last["community" + suffix]


def test_the_supply_is_the_yearly_provision_at_every_staked_share(
    staked_share: dict[str, object],
) -> None:
    status_quo = SUPPLY + floor(SUPPLY * Fraction(8, 100))
    status_quo += floor(status_quo * Fraction(8, 100))
    proposed = SUPPLY + floor(SUPPLY * Fraction(8, 100))
    proposed += floor(proposed * Fraction(5, 100))
    for row in staked_share["rows"]:  # type: ignore[attr-defined]
        assert row["before"]["supply"] == status_quo
        assert row["after"]["supply"] == proposed


def test_delegators_earn_all_stake_s_yield_less_the_commission(
    staked_share: dict[str, object],
) -> None:
    commission = Fraction(1, 20)  # ASSUME-COMMISSION's default
    previous = None
    for row in staked_share["rows"]:  # type: ignore[attr-defined]
        for side in ("before", "after"):
            stakers = Fraction(row[side]["stakerYield"])
            delegators = Fraction(row[side]["delegatorYield"])
            # Per epoch the rule is exact; a year's claims also hold the previous year's last
            # epoch, earned on the stake before the year-end bonds, which grew the operators'
            # stake faster than the delegators' (they bond their commission too): at most one
            # epoch's share of the year's yield.
            assert abs(delegators - (1 - commission) * stakers) <= stakers / 365
        # More stake shares the same inflation: the yield falls as the staked share grows.
        yielded = Fraction(row["after"]["stakerYield"])
        assert previous is None or yielded < previous
        previous = yielded


def test_a_parameter_sweep_is_the_proposal_setting_each_point() -> None:
    sweep = Sweep("ASMB_INFLATION_RATE", Fraction(2, 100), Fraction(8, 100), 4)
    pairs = tasks(sweep, {}, 365, 1, {})
    assert [dict(after.changes) for _, after in pairs] == [
        {"ASMB_INFLATION_RATE": Fraction(k, 100)} for k in (2, 4, 6, 8)
    ]
    assert all(before.changes == () for before, _ in pairs)
    with atomicity_checks(False):
        top = run_point(pairs[-1][1])  # setting today's 8 % changes nothing
        assert top == run_point(pairs[-1][0])


@pytest.mark.parametrize(
    "args",
    [
        ["--sweep", "ASSUME-BONDED-SHARE=1/10..9/10"],  # an assumption sweep needs a proposal
        ["--sweep", "ASSUME-BONDED-SHARE=9/10..1/10", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASSUME-BONDED-SHARE=1/10..9/10:1", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASSUME-BONDED-SHARE=1/10..9/10:102", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASSUME-BONDED-SHARE=1/10..1", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASSUME-VALIDATORS=1..100:3", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASMB_INFLATION_RATE=0.02..0.09"],  # above the parameter's bound
        ["--sweep", "ASMB_INFLATION_RATE=0.02..0.08:8"],  # points finer than a basis point
        ["--sweep", "ASMB_INFLATION_RATE=0.02..0.08", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASMB_INITIAL_SUPPLY=1..2"],  # not governable
        ["--sweep", "NO_SUCH_THING=1..2", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASSUME-COMMISSION", "--set", "ASMB_INFLATION_RATE=0.05"],
        ["--sweep", "ASSUME-COMMISSION=a..b", "--set", "ASMB_INFLATION_RATE=0.05"],
        [
            "--sweep",
            "ASSUME-COMMISSION=0..1/10",
            "--assume",
            "ASSUME-COMMISSION=0",
            "--set",
            "ASMB_INFLATION_RATE=0.05",
        ],
        [
            "--sweep",
            "ASSUME-COMMISSION=0..1/10",
            "--set",
            "ASMB_INFLATION_RATE=0.05",
            "--jobs",
            "0",
        ],
    ],
)
def test_sweeps_the_report_cannot_honour_exit_2_with_one_line(args: list[str]) -> None:
    done = run(*args, *TIMING)
    assert done.returncode == 2, done.stdout[:200]
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_refusals_are_typed() -> None:
    with pytest.raises(WhatIfError, match="below HIGH"):
        build_sweep(PROPOSAL, 365, 2, Sweep("ASSUME-COMMISSION", Fraction(1), Fraction(0), 3))
