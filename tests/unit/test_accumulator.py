"""The reward accumulator: periods, the zero-stake pitfall, rounding sinks, typed errors."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest

from contracts.accumulator import SCALE, RewardAccumulator, check_conservation
from contracts.errors import ContractError, InsufficientStake, InvalidAmount, UnknownHolder
from contracts.invariants import assert_invariants
from contracts.transaction import fingerprint


@pytest.mark.invariant("ACC-ZERO-01")
def test_reward_with_no_active_stake_is_set_aside_not_given_to_the_next_staker() -> None:
    acc = RewardAccumulator()
    acc.distribute(1_000)  # nobody staked
    acc.stake("late", 5)
    acc.distribute(500)  # "late" is still pending: not active in this period
    acc.close_period()
    assert acc.undistributed == 1_500
    assert acc.claimable("late") == 0
    acc.distribute(70)
    assert acc.claimable("late") == 70
    assert acc.undistributed == 1_500
    assert_invariants(acc)


@pytest.mark.invariant("ACC-STAKE-01")
def test_stake_earns_from_the_next_period_and_unstake_at_once() -> None:
    acc = RewardAccumulator()
    acc.stake("a", 1)
    acc.close_period()
    acc.stake("b", 1)
    acc.distribute(10)  # only "a" is active
    acc.unstake("a", 1)
    acc.distribute(10)  # nobody active now: "b" is pending
    acc.close_period()
    acc.distribute(10)  # only "b"
    assert (acc.claimable("a"), acc.claimable("b"), acc.undistributed) == (10, 10, 10)
    assert_invariants(acc)


def test_pending_stake_activates_lazily_across_many_periods() -> None:
    acc = RewardAccumulator()
    acc.stake("a", 3)
    acc.stake("b", 1)
    acc.close_period()
    acc.stake("b", 2)  # b: 1 active, 2 pending
    acc.distribute(40)  # a 30, b 10
    for _ in range(3):
        acc.close_period()
        acc.distribute(60)  # a 30, b 30 each period
    assert acc.claimable("a") == 30 + 90
    assert acc.claimable("b") == 10 + 90
    assert acc.stake_of("b") == (3, 0)
    assert check_conservation(acc) == []


@pytest.mark.invariant("ACC-CONSERVE-01")
def test_fractions_are_kept_across_claims_not_lost() -> None:
    """A third of a unit per period: whole units are paid as they accrue, the rest stays owed."""
    acc = RewardAccumulator()
    for holder in ("a", "b", "c"):
        acc.stake(holder, 1)
    acc.close_period()
    paid = 0
    for _ in range(3):
        acc.distribute(1)
        paid += acc.claim("a")
    # Each period credits floor(SCALE / 3) per unit: 3 periods give 3·floor(SCALE/3) < SCALE.
    assert paid == 0
    assert acc.positions["a"].owed_scaled == 3 * (SCALE // 3)
    acc.distribute(1)
    assert acc.claim("a") == 1
    assert check_conservation(acc) == []
    assert acc.rounding_dust() == acc.offered - acc.claimed - acc.claimable("b") - acc.claimable(
        "c"
    )


def test_claims_never_exceed_the_exact_share() -> None:
    acc = RewardAccumulator()
    stakes = {"a": 7, "b": 11, "c": 13}
    for holder, stake in stakes.items():
        acc.stake(holder, stake)
    acc.close_period()
    for amount in (1, 10**6, 999_999_999_999, 3):
        acc.distribute(amount)
    total = sum(stakes.values())
    for holder, stake in stakes.items():
        exact = sum(Fraction(a * stake, total) for a in (1, 10**6, 999_999_999_999, 3))
        assert int(exact) - 2 <= acc.claimable(holder) <= int(exact)


@pytest.mark.parametrize(
    ("action", "error"),
    [
        (lambda a: a.stake("x", 0), InvalidAmount),
        (lambda a: a.stake("x", -1), InvalidAmount),
        (lambda a: a.stake("x", 2**64), InvalidAmount),
        (lambda a: a.unstake("nobody", 1), UnknownHolder),
        (lambda a: a.unstake("x", 6), InsufficientStake),
        (lambda a: a.unstake("x", 0), InvalidAmount),
        (lambda a: a.claim("nobody"), UnknownHolder),
        (lambda a: a.distribute(-1), InvalidAmount),
    ],
)
def test_errors_leave_state_unchanged(
    action: Callable[[RewardAccumulator], object], error: type[ContractError]
) -> None:
    acc = RewardAccumulator()
    acc.stake("x", 5)
    acc.close_period()
    acc.distribute(9)
    before = fingerprint(acc)
    with pytest.raises(error):
        action(acc)
    assert fingerprint(acc) == before


def test_an_unknown_holder_holds_and_is_owed_nothing() -> None:
    acc = RewardAccumulator()
    acc.stake("x", 5)
    acc.close_period()
    acc.distribute(9)
    assert acc.stake_of("nobody") == (0, 0)
    assert acc.claimable("nobody") == 0


@pytest.mark.invariant("ACC-STAKE-01")
def test_new_stake_is_reported_pending_until_its_period_begins() -> None:
    acc = RewardAccumulator()
    acc.stake("x", 5)
    assert acc.stake_of("x") == (0, 5)
    acc.close_period()
    assert acc.stake_of("x") == (5, 0)
    acc.stake("x", 2)
    assert acc.stake_of("x") == (5, 2)
    acc.unstake("x", 3)  # pending first, then active
    assert acc.stake_of("x") == (4, 0)


def test_the_largest_uint64_amount_is_a_valid_stake() -> None:
    acc = RewardAccumulator()
    acc.stake("x", 2**64 - 1)
    assert acc.stake_of("x") == (0, 2**64 - 1)
    acc.close_period()
    acc.unstake("x", 2**64 - 1)
    assert acc.stake_of("x") == (0, 0)


@pytest.mark.parametrize(
    ("action", "holder"),
    [
        (lambda a: a.unstake("nobody", 1), "nobody"),
        (lambda a: a.unstake("x", 6), "x"),
        (lambda a: a.claim("nobody"), "nobody"),
    ],
)
def test_holder_errors_name_the_holder(
    action: Callable[[RewardAccumulator], object], holder: str
) -> None:
    """A rejected call says whose it was and why, for the caller and the conformance report."""
    acc = RewardAccumulator()
    acc.stake("x", 5)
    with pytest.raises(ContractError) as raised:
        action(acc)
    assert raised.value.details == {"holder": holder}
    assert repr(holder) in raised.value.message
