"""The node-compatible reading of OUTPUTS.json: skip what the node skips, track what it tracks.

Expected values come from ``tests/oracles/participation_node.py``, a replay of the node's store
written from ``iotaledger/hornet`` (branch ``chrysalis``): ``ApplyNewLedgerUpdate``,
``applyNewConfirmedMilestoneIndexForEvents``, ``RewardsForTrackedParticipation``, ``getRewards``
and ``EventStatus``; and from the rules each case cites.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contracts.errors import (
    ContractError,
    DuplicateOutput,
    InvalidAmount,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
)
from contracts.invariants import all_violations
from contracts.participation.ballot import BallotEvent
from contracts.participation.staking import StakingEvent, results_checksum
from contracts.participation.status import staking_status
from contracts.participation.tracking import apply_outputs, apply_outputs_node_compatible
from contracts.transaction import fingerprint
from spec.sources import PARTICIPATION_EVENTS_DIR
from tests.oracles.participation_node import LedgerOutput, NodeStakingReplay
from tests.participation_helpers import address, output_id, small_event
from tests.unit.test_participation_transactions import hornet_default_ballot

COMMENCE, START, END = 6, 10, 15  # small_event()


def item(
    n: int,
    holder: int,
    amount: int,
    booked: int,
    spent: int | None = None,
    answers: list[int] | None = None,
) -> dict[str, Any]:
    document: dict[str, Any] = {
        "outputId": output_id(n),
        "address": address(holder),
        "amount": amount,
        "bookedAt": booked,
        "spentAt": spent,
    }
    if answers is not None:
        document["answers"] = answers
    return document


def oracle(items: list[dict[str, Any]], minimum: int = 0) -> NodeStakingReplay:
    event = small_event(minimum=minimum)
    ledger = [
        LedgerOutput(
            i["outputId"],
            i["address"],
            i["amount"],
            i["bookedAt"],
            i["spentAt"],
            tuple(i.get("answers", [])),
        )
        for i in items
    ]
    return NodeStakingReplay(
        event.event_id(), COMMENCE, START, END, 1, 1, minimum, "APUG", ledger, END + 1
    )


def test_the_node_skips_and_counts_the_rest() -> None:
    items = [
        item(0, 1, 10**6, 8),
        item(1, 2, 10**6, COMMENCE),  # ShouldAcceptParticipation: not at the commence milestone
        item(2, 2, 10**6, 3, 12),  # nor before it
        item(3, 3, 10**6, END + 1),  # nor after the end
        item(4, 3, 10**6, 9, None, [1]),  # filterValidParticipationsForEvents: staking, 1 answer
        item(5, 4, 10**6, 11, 13),
    ]
    tracker = StakingEvent(small_event())
    skipped = apply_outputs_node_compatible(tracker, {"outputs": items})
    assert [(s.index, s.rule) for s in skipped] == [
        (1, "PRE-TX-WINDOW"),
        (2, "PRE-TX-WINDOW"),
        (3, "PRE-TX-WINDOW"),
        (4, "PRE-TX-ANSWERS"),
    ]
    assert sorted(tracker.outputs) == [output_id(0), output_id(5)]
    assert tracker.results().to_json() == oracle(items).rewards(END)
    assert all(s.line().startswith(f"outputs[{s.index}] ") for s in skipped)


def test_same_milestone_output_is_tracked_with_zero_and_listed() -> None:
    """Created and spent in milestone 12: ApplyNewLedgerUpdate books, then spends, at 12;
    RewardsForTrackedParticipation counts EndIndex − StartIndex = 0 milestones, and getRewards
    still lists the address (its key is never deleted), so at minimum 0 the checksum has it."""
    items = [item(0, 1, 10**6, 8), item(1, 2, 10**6, 12, 12)]
    tracker = StakingEvent(small_event())
    assert apply_outputs_node_compatible(tracker, {"outputs": items}) == []
    results = tracker.results()
    assert results.rewards == {address(1): 5 * 10**6, address(2): 0}
    event = small_event()
    by_hand = results_checksum(
        event.event_id(), END, "APUG", {address(1): 5 * 10**6, address(2): 0}
    )
    assert results.checksum == by_hand == oracle(items).rewards(END)["checksum"]
    assert results.checksum != results_checksum(
        event.event_id(), END, "APUG", {address(1): 5 * 10**6}
    )
    minimum = StakingEvent(small_event(minimum=1))
    apply_outputs_node_compatible(minimum, {"outputs": items})
    assert minimum.results().rewards == {address(1): 5 * 10**6}
    assert staking_status(tracker, 12).to_json() == oracle(items).status(12)
    with pytest.raises(InvalidMilestone):  # the strict reading refuses it
        apply_outputs(StakingEvent(small_event()), {"outputs": items})


def test_ballot_answer_count_is_skipped() -> None:
    ballot = BallotEvent(hornet_default_ballot(5, 7, 12))
    items = [
        item(0, 1, 10**6, 8, None, [10]),
        item(1, 1, 10**6, 8, None, []),
        item(2, 1, 10**6, 8, None, [10, 20]),
        item(3, 1, 10**6, 9, 9, [20]),  # same milestone: tracked, never live, weight 0
    ]
    skipped = apply_outputs_node_compatible(ballot, {"outputs": items})
    assert [(s.index, s.rule) for s in skipped] == [(1, "PRE-TX-ANSWERS"), (2, "PRE-TX-ANSWERS")]
    tallies = {t.value: (t.current, t.accumulated) for t in ballot.status().questions[0]}
    assert tallies[10] == (1_000, 5_000)  # milestones 8..12
    assert tallies[20] == (0, 0)
    assert all_violations(ballot) == []


GOOD = [item(0, 1, 10**6, 8), item(1, 2, 10**6, 9, 12)]

#: Still refused whole: what no ledger holds.
MALFORMED: dict[str, tuple[Any, type[ContractError]]] = {
    "not an object": ([1, 2], InvalidInput),
    "missing bookedAt": (
        {"outputId": output_id(9), "address": address(3), "amount": 5},
        InvalidInput,
    ),
    "unknown field": ({**item(9, 3, 5, 8), "weight": 1}, InvalidInput),
    "zero amount": (item(9, 3, 0, 8), InvalidAmount),
    "amount above the supply": (item(9, 3, 2_779_530_283_277_762, 8), InvalidAmount),
    "bool amount": (item(9, 3, True, 8), InvalidInput),
    "malformed address": ({**item(9, 3, 5, 8), "address": "xyz"}, MalformedHex),
    "malformed output id, skipped item": ({**item(9, 3, 5, 2), "outputId": "00"}, MalformedHex),
    "negative milestone": (item(9, 3, 5, -1), InvalidMilestone),
    "spent before booked": (item(9, 3, 5, 8, 7), InvalidMilestone),
    "answers not bytes": (item(9, 3, 5, 8, None, [256]), InvalidInput),
    "already tracked": (item(0, 3, 5, 8), DuplicateOutput),
    "listed twice": (item(7, 3, 5, 2), DuplicateOutput),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_item_is_still_refused_and_changes_nothing(case: str) -> None:
    bad, error = MALFORMED[case]
    tracker = StakingEvent(small_event())
    apply_outputs_node_compatible(tracker, {"outputs": GOOD})
    before = fingerprint(tracker)
    document = {"outputs": [item(7, 4, 10**6, 10), item(8, 4, 10**6, 11, 13), bad]}
    with pytest.raises(error) as raised:
        apply_outputs_node_compatible(tracker, document)
    assert raised.value.message.startswith("outputs[2]")
    assert fingerprint(tracker) == before


@st.composite
def ledgers(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 3),
                st.integers(1, 10**7),
                st.integers(0, END + 3),
                st.one_of(st.none(), st.integers(0, 8)),
                st.sampled_from([None, [], [1]]),
            ),
            max_size=10,
        )
    )
    return [
        item(n, holder, amount, booked, None if gap is None else booked + gap, answers)
        for n, (holder, amount, booked, gap, answers) in enumerate(rows)
    ]


@settings(max_examples=150)
@given(items=ledgers(), at=st.integers(0, END + 2), minimum=st.sampled_from([0, 1, 3 * 10**6]))
def test_node_compatible_results_and_status_are_the_node_replay(
    items: list[dict[str, Any]], at: int, minimum: int
) -> None:
    tracker = StakingEvent(small_event(minimum=minimum))
    apply_outputs_node_compatible(tracker, {"outputs": items})
    node = oracle(items, minimum)
    query = at or END  # 0 asks for the latest milestone: a replayed event's end
    assert tracker.results(at).to_json() == node.rewards(query)
    assert staking_status(tracker, at).to_json() == node.status(query)


@given(items=ledgers())
def test_on_a_strictly_valid_document_both_readings_agree(items: list[dict[str, Any]]) -> None:
    valid = [
        i
        for i in items
        if COMMENCE < i["bookedAt"] <= END
        and not i.get("answers")
        and (i["spentAt"] is None or i["spentAt"] > i["bookedAt"])
    ]
    strict, node = StakingEvent(small_event()), StakingEvent(small_event())
    apply_outputs(strict, {"outputs": valid})
    assert apply_outputs_node_compatible(node, {"outputs": valid}) == []
    assert fingerprint(strict) == fingerprint(node)


@given(items=ledgers())
def test_node_compatible_trackers_keep_every_invariant(items: list[dict[str, Any]]) -> None:
    """A same-milestone output (never held, earning 0) breaks none of the state invariants."""
    tracker = StakingEvent(small_event())
    apply_outputs_node_compatible(tracker, {"outputs": items})
    assert all_violations(tracker) == []


# ----------------------------------------------------------------------------- the command

ROUND_ONE = PARTICIPATION_EVENTS_DIR / "events" / "staking" / "assembly_01.json"
R1_COMMENCE, R1_START = 2_041_634, 2_102_114


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spec", *map(str, args)], capture_output=True, text=True, check=False
    )


def test_rewards_command_default_strict_and_node_compatible(tmp_path: Path) -> None:
    document = {"outputs": [item(0, 1, 10**9, R1_START), item(1, 2, 10**9, R1_COMMENCE)]}
    path = tmp_path / "outputs.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    strict = run("rewards", "--event", ROUND_ONE, "--outputs", path)
    assert strict.returncode == 2
    assert strict.stdout == ""
    assert len(strict.stderr.strip().splitlines()) == 1
    assert "OUTSIDE_WINDOW" in strict.stderr and "--node-compatible" in strict.stderr
    node = run("rewards", "--event", ROUND_ONE, "--outputs", path, "--node-compatible")
    assert node.returncode == 0, node.stderr
    # Round 1: 4 µASMB per Mi per milestone, 777,600 counted milestones for 1,000 Mi.
    assert json.loads(node.stdout)["rewards"] == {address(1): 4_000 * 777_600}
    assert node.stderr.splitlines() == [
        f"skipped outputs[1] {output_id(1)}: booked at {R1_COMMENCE}, outside "
        f"{R1_COMMENCE + 1}..2879714 [PRE-TX-WINDOW: pkg/model/participation/event.go "
        "Event.ShouldAcceptParticipation: the node books participations only in milestones "
        "commence < m ≤ end]"
    ]
    valid = tmp_path / "valid.json"
    valid.write_text(json.dumps({"outputs": document["outputs"][:1]}), encoding="utf-8")
    plain = run("rewards", "--event", ROUND_ONE, "--outputs", valid)
    flagged = run("rewards", "--event", ROUND_ONE, "--outputs", valid, "--node-compatible")
    assert plain.stdout == flagged.stdout == node.stdout
    assert flagged.stderr == ""


def test_a_malformed_document_is_refused_in_node_mode_too(tmp_path: Path) -> None:
    path = tmp_path / "outputs.json"
    path.write_text(json.dumps({"outputs": [item(0, 1, 0, R1_START)]}), encoding="utf-8")
    done = run("rewards", "--event", ROUND_ONE, "--outputs", path, "--node-compatible")
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "INVALID_AMOUNT" in done.stderr and "--node-compatible" not in done.stderr
