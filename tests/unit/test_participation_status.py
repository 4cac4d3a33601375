"""The node's event status endpoint for staking and ballots, against hornet's own tests.

Expected figures are those asserted by ``iotaledger/hornet`` (branch ``chrysalis``,
``pkg/model/participation/``): ``participation_manager_test.go`` (``TestStakingRewards``,
``TestStakingRewardsCalculatedAfterEventEnded``, ``TestBallotVoteCancel``) and
``staking_rewards_test.go`` (cases A-K, ``AssertTotalRewards``). Checksums are compared with
``tests/oracles/participation_node.py``, a replay of the node's store written from ``status.go``.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from contracts.errors import RewardOverflow
from contracts.participation.ballot import BallotEvent
from contracts.participation.staking import StakingEvent
from contracts.participation.status import staking_status, verify_staking_status
from contracts.participation.tracking import apply_outputs_node_compatible
from spec.commands.common import dump_json
from tests.oracles.participation_node import LedgerOutput, NodeStakingReplay
from tests.participation_helpers import address, output_id, small_event
from tests.unit.test_participation_transactions import hornet_default_ballot

# ----------------------------------------------------------------------------- TestStakingRewards

W1, W2, W3, W4 = 5_000_000, 1_587_529, 5_589_977, 300_000_000
#: The ledger of TestStakingRewards: (wallet, amount, booked, spent). Wallet 4 pre-stakes in 6
#: and cancels in 7, stakes again in 9 and cancels in 10.
LEDGER = [
    (1, W1, 6, None),
    (2, W2, 6, None),
    (3, W3, 6, None),
    (4, W4, 6, 7),
    (4, W4, 9, 10),
]
HELD = W1 + W2 + W3
#: AssertStakingRewardsStatus(AtConfirmedMilestoneIndex): milestone -> (staked, rewarded).
HORNET_STATUS = {
    5: (0, 0),
    6: (HELD + W4, 0),
    7: (HELD, 0),
    8: (HELD, 1_250_000 + 396_882 + 1_397_494),
    9: (HELD + W4, 2_500_000 + 793_764 + 2_794_988 + 75_000_000),
    10: (HELD, 3_750_000 + 1_190_646 + 4_192_482 + 75_000_000),
    11: (HELD, 5_000_000 + 1_587_528 + 5_589_976 + 75_000_000),
    12: (HELD, 6_250_000 + 1_984_410 + 6_987_470 + 75_000_000),
}
#: AssertRewardBalance per wallet at milestones 8..12.
HORNET_BALANCES = {
    8: (1_250_000, 396_882, 1_397_494, 0),
    9: (2_500_000, 793_764, 2_794_988, 75_000_000),
    10: (3_750_000, 1_190_646, 4_192_482, 75_000_000),
    11: (5_000_000, 1_587_528, 5_589_976, 75_000_000),
    12: (6_250_000, 1_984_410, 6_987_470, 75_000_000),
}


def hornet_tracker() -> StakingEvent:
    tracker = StakingEvent(small_event(5, 7, 12, 25, 100, 2_000_000))
    document = {
        "outputs": [
            {
                "outputId": output_id(n),
                "address": address(wallet),
                "amount": amount,
                "bookedAt": booked,
                "spentAt": spent,
            }
            for n, (wallet, amount, booked, spent) in enumerate(LEDGER)
        ]
    }
    assert apply_outputs_node_compatible(tracker, document) == []
    return tracker


def replay(tracker: StakingEvent) -> NodeStakingReplay:
    event, staking = tracker.event, tracker.staking
    ledger = [
        LedgerOutput(o.output_id, o.address, o.amount, o.booked_at, o.spent_at, o.answers)
        for o in tracker.outputs.values()
    ]
    return NodeStakingReplay(
        event.event_id(),
        event.commence,
        event.start,
        event.end,
        staking.numerator,
        staking.denominator,
        staking.required_minimum_rewards,
        staking.symbol,
        ledger,
        confirmed=event.end + 1,
    )


@pytest.mark.parametrize("milestone", sorted(HORNET_STATUS))
def test_hornet_staking_status(milestone: int) -> None:
    tracker = hornet_tracker()
    status = staking_status(tracker, milestone)
    assert (status.staked, status.rewarded) == HORNET_STATUS[milestone]
    assert status.symbol == "APUG"
    assert status.to_json() == replay(tracker).status(milestone)
    assert verify_staking_status(tracker.event, status.to_json()) == []


def test_hornet_status_clamps_to_the_end_and_balances() -> None:
    """Milestone 13 is answered as 12 (``EventStatus`` clamps); the per-wallet balances."""
    tracker = hornet_tracker()
    assert staking_status(tracker, 13) == staking_status(tracker, 12)
    assert staking_status(tracker, 13).milestone_index == 12
    for milestone, balances in HORNET_BALANCES.items():
        sums = tracker.rewards_by_address(milestone)
        assert tuple(sums[address(w)] for w in (1, 2, 3, 4)) == balances


def test_status_rewarded_is_not_the_results_total() -> None:
    """TestStakingRewards' end: rewarded counts every address (90,221,880); the filtered total
    drops wallet 2 (1,984,410 is below the minimum 2,000,000): 88,237,470."""
    tracker = hornet_tracker()
    results = tracker.results(12)
    status = staking_status(tracker, 12)
    assert status.rewarded == 6_250_000 + 1_984_410 + 6_987_470 + 75_000_000 == 90_221_880
    assert results.total_rewards == 6_250_000 + 6_987_470 + 75_000_000 == 88_237_470
    assert set(results.rewards) == {address(1), address(3), address(4)}
    assert results.to_json() == replay(tracker).rewards(12)


@pytest.mark.parametrize("milestone", [5, 6, 8, 9, 10, 11, 12])
def test_hornet_status_calculated_after_event_ended(milestone: int) -> None:
    """TestStakingRewardsCalculatedAfterEventEnded: the same ledger, the event added after it
    ended (``calculatePastParticipationForEvent``), the same figures at each milestone."""
    tracker = hornet_tracker()
    assert (lambda s: (s.staked, s.rewarded))(staking_status(tracker, milestone)) == (
        HORNET_STATUS[milestone]
    )


# ----------------------------------------------------------------------------- cases A-K

M = 1_000_000
#: staking_rewards_test.go: (amount, booked, spent) of wallet 1's staked outputs (after "13
#: (spent) (staked)" the restake holds the 2.5 Mi the wallet then has), and AssertTotalRewards
#: at the milestones it is called (16 is answered as the end, 15).
CASES: dict[str, tuple[list[tuple[int, int, int | None]], dict[int, tuple[int, int]]]] = {
    "A": ([(M, 7, None)], {7: (M, 0), 16: (M, 5 * M)}),
    "B": ([(M, 7, 14)], {7: (M, 0), 14: (0, 3 * M), 16: (0, 3 * M)}),
    "C": (
        [(M, 7, 14), (5 * M // 2, 15, None)],
        {7: (M, 0), 14: (0, 3 * M), 16: (5 * M // 2, 11 * M // 2)},
    ),
    "D": (
        [(M, 7, 14), (5 * M // 2, 14, 15)],
        {7: (M, 0), 14: (5 * M // 2, 11 * M // 2), 16: (0, 11 * M // 2)},
    ),
    "E": ([(M, 11, None)], {11: (M, M), 16: (M, 5 * M)}),
    "F": ([(M, 11, 14)], {11: (M, M), 14: (0, 3 * M), 16: (0, 3 * M)}),
    "G": (
        [(M, 11, 14), (5 * M // 2, 14, None)],
        {11: (M, M), 14: (5 * M // 2, 11 * M // 2), 16: (5 * M // 2, 8 * M)},
    ),
    "H": (
        [(M, 11, 14), (5 * M // 2, 14, 15)],
        {11: (M, M), 14: (5 * M // 2, 11 * M // 2), 16: (0, 11 * M // 2)},
    ),
    "I": ([(M, 13, None)], {13: (M, M), 16: (M, 3 * M)}),
    "J": ([(M, 13, 14)], {13: (M, M), 14: (0, M), 16: (0, M)}),
    "K": (
        [(M, 13, 14), (5 * M // 2, 14, None)],
        {13: (M, M), 14: (5 * M // 2, 7 * M // 2), 15: (5 * M // 2, 6 * M)},
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hornet_staking_cases_total_rewards(case: str) -> None:
    holdings, expected = CASES[case]
    tracker = StakingEvent(small_event())
    for n, (amount, booked, spent) in enumerate(holdings):
        tracker.book(output_id(n), address(1), amount, booked)
        if spent is not None:
            tracker.spend(output_id(n), spent)
    for milestone, totals in expected.items():
        status = staking_status(tracker, milestone)
        assert (status.staked, status.rewarded) == totals, milestone
        assert status.to_json() == replay(tracker).status(milestone)
    # AssertWalletRewards at the end: one wallet, so its reward is what the status rewarded.
    assert tracker.rewards_by_address()[address(1)] == staking_status(tracker).rewarded


# ----------------------------------------------------------------------------- ballots beside


def test_hornet_ballot_vote_cancel_status() -> None:
    """TestBallotVoteCancel (commence 5, start 7, end 12, 1 Mi voting 10): votes booked at 6, 8
    and 11, cancelled at 7 and 9; AssertDefaultBallotAnswerStatus per milestone."""
    ballot = BallotEvent(hornet_default_ballot(5, 7, 12))
    for n, (booked, spent) in enumerate([(6, 7), (8, 9), (11, None)]):
        ballot.book(output_id(n), address(1), 1_000_000, booked, (10,))
        if spent is not None:
            ballot.spend(output_id(n), spent)
    expected = {6: (1_000, 0), 7: (0, 0), 8: (1_000, 1_000), 9: (0, 1_000), 10: (0, 1_000)}
    expected |= {11: (1_000, 2_000), 12: (1_000, 3_000)}
    for milestone, (current, accumulated) in expected.items():
        yes = ballot.status(milestone).questions[0][0]
        assert (yes.value, yes.current, yes.accumulated) == (10, current, accumulated)


def test_staking_and_ballot_status_share_the_envelope() -> None:
    """Both answer ``milestoneIndex``, ``status`` and ``checksum`` (``status.go``, EventStatus);
    a staking event adds ``staking``, a ballot ``questions``."""
    ballot = BallotEvent(hornet_default_ballot(5, 7, 12)).status(9).to_json()
    staking = staking_status(hornet_tracker(), 9).to_json()
    assert list(ballot) == ["milestoneIndex", "status", "questions", "checksum"]
    assert list(staking) == ["milestoneIndex", "status", "staking", "checksum"]
    assert ballot["status"] == staking["status"] == "holding"


# ----------------------------------------------------------------------------- verification


def test_verify_staking_status_catches_changes_and_accepts_the_envelope() -> None:
    tracker = hornet_tracker()
    document = staking_status(tracker, 10).to_json()
    assert verify_staking_status(tracker.event, {"data": document}) == []
    changes: dict[str, Callable[[dict[str, Any]], object]] = {
        "staked": lambda d: d["staking"].update(staked=d["staking"]["staked"] + 1),
        "rewarded": lambda d: d["staking"].update(rewarded=d["staking"]["rewarded"] - 1),
        "milestone": lambda d: d.update(milestoneIndex=9),
        "status": lambda d: d.update(status="ended"),
        "symbol": lambda d: d["staking"].update(symbol="ASMB"),
    }
    named = {
        "staked": ["checksum"],
        "rewarded": ["checksum"],
        "milestone": ["checksum"],
        "status": ["status"],
        "symbol": ["symbol"],
    }
    for name, change in changes.items():
        changed = copy.deepcopy(document)
        change(changed)
        failures = verify_staking_status(tracker.event, changed)
        assert [f.split(":")[0] for f in failures] == named[name], name
    early = staking_status(tracker, 7).to_json()
    early["staking"]["rewarded"] = 1
    assert "rewarded" in [f.split(":")[0] for f in verify_staking_status(tracker.event, early)]
    assert verify_staking_status(tracker.event, {"milestoneIndex": 99, "staking": {}}) != []
    assert verify_staking_status(tracker.event, []) == ["status: not a staking status object"]


# ----------------------------------------------------------------------------- u64 wrap


def test_the_node_wraps_where_the_spec_refuses() -> None:
    """DIFF-U64-WRAP: the node adds uint64 totals unchecked (``applyNewConfirmedMilestoneIndex-
    ForEvents``, ``getRewards``). Only past the supply can they overflow: here twice the supply
    is staked in an event at the overflow guard's limit (numerator 6,636, one milestone)."""
    supply = 2_779_530_283_277_761
    event = small_event(1, 2, 3, 6_636, 1)
    tracker = StakingEvent(event)
    tracker.book(output_id(0), address(1), supply, 2)
    tracker.book(output_id(1), address(2), supply, 2)
    node = replay(tracker).status(3)["staking"]
    assert isinstance(node, dict)
    assert node["rewarded"] == 2 * supply * 6_636 - 2**64  # wrapped
    with pytest.raises(RewardOverflow):
        staking_status(tracker, 3)
    with pytest.raises(RewardOverflow):
        tracker.results(3)
    single = StakingEvent(event)
    single.book(output_id(0), address(1), supply, 2)  # the supply itself: no overflow
    assert staking_status(single, 3).rewarded == supply * 6_636 < 2**64


# ----------------------------------------------------------------------------- the command


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spec", *map(str, args)], capture_output=True, text=True, check=False
    )


def _write(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_status_command_staking_and_verify(tmp_path: Path) -> None:
    tracker = hornet_tracker()
    event_path = _write(tmp_path, "event.json", tracker.event.to_json())
    outputs_path = _write(tmp_path, "outputs.json", {"outputs": tracker.state()["outputs"]})
    done = run("status", "--event", event_path, "--outputs", outputs_path, "--at", "9")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document == replay(tracker).status(9)
    assert document["staking"]["staked"] == HELD + W4
    envelope = _write(tmp_path, "status.json", {"data": document})
    verified = run("verify-results", "--event", event_path, envelope)
    assert verified.returncode == 0, verified.stdout
    assert verified.stdout.startswith("ok: staking status")
    document["staking"]["rewarded"] += 1
    bad = _write(tmp_path, "bad.json", document)
    failed = run("verify-results", "--event", event_path, bad)
    assert failed.returncode == 1
    assert "checksum" in failed.stdout


def test_status_command_ballot(tmp_path: Path) -> None:
    event = hornet_default_ballot(5, 7, 12)
    event_path = _write(tmp_path, "event.json", event.to_json())
    outputs = {
        "outputs": [
            {
                "outputId": output_id(0),
                "address": address(1),
                "amount": 1_000_000,
                "bookedAt": 8,
                "spentAt": 9,
                "answers": [10],
            }
        ]
    }
    outputs_path = _write(tmp_path, "outputs.json", outputs)
    done = run("status", "--event", event_path, "--outputs", outputs_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    # TestBallotVoteCancel's second vote alone: 1,000 accumulated in milestone 8, none after.
    assert document["questions"][0]["answers"][0] == {
        "value": 10,
        "current": 0,
        "accumulated": 1_000,
    }
    assert document["status"] == "ended"
    path = _write(tmp_path, "status.json", {"data": document})
    assert run("verify-results", "--event", event_path, path).returncode == 0
    assert done.stdout == dump_json(document)
