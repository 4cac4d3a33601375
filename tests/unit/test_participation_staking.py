"""Staking rewards against the node software's own test scenarios and rules.

Scenarios A–K are hornet's ``pkg/model/participation/staking_rewards_test.go`` (branch
``chrysalis``): an event with commence 6, start 10, end 15, rate 1/1, and a wallet of 1 Mi staked
and spent at the milestones drawn there. A transaction sent after milestone m is booked in m + 1,
so "6 (staked)" is booked at 7 and "13 (spent)" is spent at 14. The expected numbers of counted
milestones are the ones that file states.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contracts.errors import (
    AlreadySpent,
    ContractError,
    DuplicateOutput,
    InvalidAmount,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
    NotAStakingEvent,
    OutsideWindow,
    UnknownOutput,
)
from contracts.participation.staking import StakingEvent
from contracts.transaction import fingerprint
from tests.participation_helpers import address, load_event, output_id, small_event

WALLET = 1_000_000

# name: (list of (booked_at, spent_at or None), milestones counted per hornet's comment)
SCENARIOS: dict[str, tuple[list[tuple[int, int | None]], int]] = {
    "A": ([(7, None)], 5),
    "B": ([(7, 14)], 3),
    "C": ([(7, 14), (15, None)], 4),
    "D": ([(7, 14), (14, 15)], 4),
    "E": ([(11, None)], 5),
    "F": ([(11, 14)], 3),
    "G": ([(11, 14), (14, None)], 5),
    "H": ([(11, 14), (14, 15)], 4),
    "I": ([(13, None)], 3),
    "J": ([(13, 14)], 1),
    "K": ([(13, 14), (14, None)], 3),
}


@pytest.mark.invariant("PRE-REWARD-01")
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_hornet_scenarios(name: str) -> None:
    holdings, milestones = SCENARIOS[name]
    tracker = StakingEvent(small_event())
    for n, (booked, spent) in enumerate(holdings):
        tracker.book(output_id(n), address(1), WALLET, booked)
        if spent is not None:
            tracker.spend(output_id(n), spent)
    assert tracker.rewards_by_address()[address(1)] == WALLET * milestones


@pytest.mark.invariant("PRE-REWARD-01")
def test_hornet_scenario_a_milestone_by_milestone() -> None:
    """Case A asserts 1 Mi at milestone 11, 2 Mi at 12, …, 5 Mi at 15, and 0 up to the start."""
    tracker = StakingEvent(small_event())
    tracker.book(output_id(0), address(1), WALLET, 7)
    for milestone, expected in [(7, 0), (10, 0), (11, 1), (12, 2), (13, 3), (14, 4), (15, 5)]:
        assert tracker.rewards_by_address(milestone)[address(1)] == expected * WALLET
        assert tracker.reward_of(output_id(0), milestone) == expected * WALLET
    assert tracker.rewards_by_address(99)[address(1)] == 5 * WALLET  # clamped to the end


@pytest.mark.invariant("PRE-REWARD-01")
def test_hornet_increase_at_end_counts_one_milestone() -> None:
    """Case C of the increase tests: 2.5 Mi more staked in the end milestone earn 2.5 Mi."""
    tracker = StakingEvent(small_event())
    tracker.book(output_id(0), address(1), WALLET, 11)
    tracker.book(output_id(1), address(1), 2_500_000, 15)
    assert tracker.rewards_by_address()[address(1)] == 5 * WALLET + 2_500_000


def test_per_output_floor_with_round_one_rate() -> None:
    """4 µASMB per Mi: 999,999 i earn floor(3.999996) = 3 per milestone; 1 Mi earns 4."""
    tracker = StakingEvent(load_event("assembly_01"))
    start = tracker.event.start
    tracker.book(output_id(0), address(1), 999_999, start)
    tracker.book(output_id(1), address(2), 1_000_000, start)
    tracker.spend(output_id(0), start + 11)
    tracker.spend(output_id(1), start + 11)
    sums = tracker.rewards_by_address()
    assert sums[address(1)] == 3 * 10
    assert sums[address(2)] == 4 * 10


@pytest.mark.invariant("PRE-REWARD-02")
def test_minimum_filters_addresses_and_equal_counts() -> None:
    event = small_event(minimum=3 * WALLET)
    tracker = StakingEvent(event)
    tracker.book(output_id(0), address(1), WALLET, 13)  # 3 milestones: exactly the minimum
    tracker.book(output_id(1), address(2), WALLET, 14)  # 2 milestones: below it
    results = tracker.results()
    assert results.rewards == {address(1): 3 * WALLET}
    assert results.total_rewards == 3 * WALLET


def test_results_with_zero_minimum_list_every_tracked_address() -> None:
    """The node sums over every tracked participation, so a zero reward is listed at minimum 0."""
    tracker = StakingEvent(small_event())
    tracker.book(output_id(0), address(1), WALLET, 13)
    assert tracker.results(12).rewards == {address(1): 0}


def test_node_milestone_resolution() -> None:
    tracker = StakingEvent(small_event())
    assert tracker.results().milestone_index == 15
    assert tracker.results(0).milestone_index == 15  # 0: the latest confirmed milestone
    assert tracker.results(40).milestone_index == 15
    assert tracker.results(3).milestone_index == 3
    with pytest.raises(InvalidMilestone):
        tracker.results(2**32)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda t: t.book(output_id(9), address(1), WALLET, 6), OutsideWindow),  # at commence
        (lambda t: t.book(output_id(9), address(1), WALLET, 16), OutsideWindow),  # after end
        (lambda t: t.book(output_id(9), address(1), 0, 8), InvalidAmount),
        (lambda t: t.book(output_id(9), address(1), -5, 8), InvalidAmount),
        (lambda t: t.book(output_id(9), address(1), 2**64, 8), InvalidAmount),
        (lambda t: t.book(output_id(9), address(1), 2_779_530_283_277_762, 8), InvalidAmount),
        (lambda t: t.book(output_id(9), address(1), True, 8), InvalidInput),
        (lambda t: t.book(output_id(0), address(1), WALLET, 8), DuplicateOutput),
        (lambda t: t.book("zz" * 34, address(1), WALLET, 8), MalformedHex),
        (lambda t: t.book(output_id(9)[:-2], address(1), WALLET, 8), MalformedHex),
        (lambda t: t.book(output_id(9), "ab", WALLET, 8), MalformedHex),
        (lambda t: t.book(output_id(9), address(1), WALLET, 8, (1,)), InvalidInput),
        (lambda t: t.book(output_id(9), address(1), WALLET, -1), InvalidMilestone),
        (lambda t: t.spend(output_id(9), 12), UnknownOutput),
        (lambda t: t.spend(output_id(0), 8), InvalidMilestone),  # not after booking at 8
        (lambda t: t.spend(output_id(1), 13), AlreadySpent),
    ],
)
def test_bad_input_is_a_typed_error_and_changes_nothing(
    call: Callable[[StakingEvent], object], error: type[ContractError]
) -> None:
    tracker = StakingEvent(small_event())
    tracker.book(output_id(0), address(1), WALLET, 8)
    tracker.book(output_id(1), address(2), WALLET, 9)
    tracker.spend(output_id(1), 12)
    before = fingerprint(tracker)
    with pytest.raises(error):
        call(tracker)
    assert fingerprint(tracker) == before


def test_a_ballot_is_not_a_staking_event() -> None:
    with pytest.raises(NotAStakingEvent):
        StakingEvent(load_event("governance_01"))
