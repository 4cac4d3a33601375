"""The post-launch distribution: the seed's worked example, the rules, a 10,000-holder replay."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from contracts.accounts import SYSTEM
from contracts.errors import (
    AllocationExceeded,
    ContractError,
    InsufficientStake,
    InvalidAmount,
    InvalidDay,
    InvalidInput,
    UnknownHolder,
)
from contracts.invariants import assert_invariants
from contracts.postlaunch import PostLaunchDistribution
from contracts.transaction import fingerprint
from spec import derivations
from tests.oracles.rewards import NaiveDailyShares

MICRO = 10**6
SIX_BILLION = 6 * 10**9 * MICRO  # the seed's example: "If only 6 billion ASMB tokens ..."
BOUND = int(derivations.evaluate("POST-ACCUMULATOR-BOUND"))


@pytest.mark.invariant("POST-PAYOUT-01", "POST-PAYOUT-02", "POST-SCHEDULE-01")
def test_seed_example_pays_21_909_233_asmb_each_day() -> None:
    """D1 = 6 B: each of the 639 days pays 21,909,233 whole ASMB (the seed's figure)."""
    contract = PostLaunchDistribution(SIX_BILLION)
    contract.stake("iota-holder", 10**6, 1)
    paid_by_day = []
    for day in range(2, 641):
        before = contract.rewards.offered
        contract.advance_to(SYSTEM, day)
        paid_by_day.append(contract.rewards.offered - before)
    assert len(paid_by_day) == 639
    assert all(amount // MICRO == 21_909_233 for amount in paid_by_day)
    # Day 1 pays nobody (the stake earns from day 2): it is undistributed.
    accounting = contract.accounting()
    assert accounting["undistributed"] == paid_by_day[0]
    assert accounting["notYetOffered"] == 0
    assert sum(v for k, v in accounting.items() if k != "allocation") == 14 * 10**9 * MICRO
    assert accounting["scheduleDust"] == 14 * 10**15 % 639
    assert_invariants(contract)


@pytest.mark.invariant("POST-DAY-01")
def test_stake_added_mid_day_does_not_earn_that_day() -> None:
    contract = PostLaunchDistribution(SIX_BILLION)
    contract.stake("early", 100, 1)
    contract.stake("mid", 100, 2)  # added during day 2: earns from day 3
    contract.advance_to(SYSTEM, 3)  # ends days 1 and 2
    daily = contract.daily
    assert contract.claimable("early") == daily  # all of day 2
    assert contract.claimable("mid") == 0
    contract.unstake("early", 100, 3)  # removed during day 3: earns nothing for day 3
    contract.advance_to(SYSTEM, 4)
    assert contract.claimable("early") == daily
    assert contract.claimable("mid") == daily
    assert_invariants(contract)


def test_claims_and_accounting_after_the_end() -> None:
    contract = PostLaunchDistribution(8 * 10**9 * MICRO)  # the cap reached: 12 B left
    contract.stake("a", 3, 1)
    contract.stake("b", 5, 300)
    paid = contract.claim("a", 700) + contract.claim("b", 700)
    contract.unstake("a", 3, 701)
    accounting = contract.accounting()
    assert accounting["claimed"] == paid
    assert accounting["notYetOffered"] == 0
    assert paid <= 12 * 10**9 * MICRO
    assert_invariants(contract)


@pytest.mark.parametrize(
    ("d1", "error"),
    [
        (8 * 10**15 + 1, AllocationExceeded),  # above the 8 % maximum
        (20 * 10**15 + 1, AllocationExceeded),  # above the 20 %
        (-1, InvalidAmount),  # outside its uint64 domain
        (True, InvalidInput),
        (None, InvalidInput),
    ],
)
def test_bad_phase_one_total(d1: int, error: type[ContractError]) -> None:
    with pytest.raises(error):
        PostLaunchDistribution(d1)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.stake("x", 0, 5), InvalidAmount),
        (lambda c: c.stake("x", -3, 5), InvalidAmount),
        (lambda c: c.stake("x", 10, 0), InvalidDay),  # before day 1
        (lambda c: c.stake("x", 10, 640), InvalidDay),  # after day 639
        (lambda c: c.stake("x", 10, 2), InvalidDay),  # before the current day (3)
        (lambda c: c.stake("", 10, 5), InvalidInput),
        (lambda c: c.unstake("h", 11, 5), InsufficientStake),
        (lambda c: c.unstake("ghost", 1, 5), UnknownHolder),
        (lambda c: c.unstake("h", 0, 5), InvalidAmount),
        (lambda c: c.claim("ghost", 5), UnknownHolder),
        (lambda c: c.claim("h", 0), InvalidDay),
    ],
)
def test_bad_input_is_typed_and_changes_nothing(
    call: Callable[[PostLaunchDistribution], object], error: type[ContractError]
) -> None:
    contract = PostLaunchDistribution(SIX_BILLION)
    contract.stake("h", 10, 1)
    contract.advance_to(SYSTEM, 3)
    before = fingerprint(contract)
    with pytest.raises(error):
        call(contract)
    assert fingerprint(contract) == before


@pytest.mark.large_state
@pytest.mark.invariant("POST-BOUND-01", "ACC-ZERO-01")
def test_replay_of_10000_holders_over_639_days_agrees_with_the_naive_oracle() -> None:
    """10,000 holders, every day's payout checked against a loop over every holder every day.

    Each holder's claim equals its exact share floored, or falls short of it by at most
    POST-ACCUMULATOR-BOUND µASMB; the oracle computes the shares independently.
    """
    rng = random.Random(20211228)
    holders = [f"holder-{n}" for n in range(10_000)]
    contract = PostLaunchDistribution(SIX_BILLION)
    oracle = NaiveDailyShares(contract.daily, 1, 639)
    staked = dict.fromkeys(holders, 0)
    # Everybody stakes in the first week; then 200 random changes, some on the same day.
    events = sorted(
        [(rng.randint(1, 7), "stake", h, rng.randint(10**6, 10**13)) for h in holders]
        + [(rng.randint(8, 639), "change", rng.choice(holders), 0) for _ in range(200)]
    )
    for day, kind, holder, amount in events:
        if kind == "change" and staked[holder] > 1 and rng.random() < 0.5:
            amount = rng.randint(1, staked[holder])
            contract.unstake(holder, amount, day)
            oracle.unstake(holder, amount, day)
            staked[holder] -= amount
        else:
            amount = amount or rng.randint(1, 10**12)
            contract.stake(holder, amount, day)
            oracle.stake(holder, amount, day)
            staked[holder] += amount
    contract.advance_to(SYSTEM, 640)
    oracle.advance(640)
    shortfalls = []
    for holder in holders:
        paid = contract.claimable(holder)
        entitled = oracle.entitled(holder)
        assert entitled - BOUND <= paid <= entitled, holder
        shortfalls.append(entitled - paid)
    assert contract.accounting()["undistributed"] == oracle.undistributed
    assert_invariants(contract)
    # The bound is not vacuous, and most holders are paid their floor exactly or one short.
    assert max(shortfalls) <= BOUND
    assert sum(1 for s in shortfalls if s <= 1) > 9_000
