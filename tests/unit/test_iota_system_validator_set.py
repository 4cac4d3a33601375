"""IOTA's validator set at protocol version 31: who joins, who leaves, who sits, in which order.

Expected values are worked out by hand from the Move framework's rules (``validator_set.move``,
``voting_power.move``, ``staking_pool.move``, ``iota_system_state_inner.move``), never read
back from the model.
"""

from __future__ import annotations

import pytest

from contracts.accounts import SYSTEM
from contracts.errors import (
    IncompatibleStakes,
    JoiningStakeNotReached,
    StakeBelowMinimum,
    UnknownValidator,
    ValidatorSetLimit,
)
from contracts.invariants import all_violations
from contracts.iota.records import ValidatorStatus
from contracts.iota.system import IotaStaking
from contracts.transaction import fingerprint

IOTA = 10**9
M = 1_000_000 * IOTA
SUBSIDY = 767_000 * IOTA
LOW = 1_500_000 * IOTA  # IOTA_LOW_STAKE_THRESHOLD
VERY_LOW = 1_000_000 * IOTA  # IOTA_VERY_LOW_STAKE_THRESHOLD


def holds(system: IotaStaking) -> None:
    assert all_violations(system) == []


@pytest.mark.invariant("IOTA-VP-01")
@pytest.mark.parametrize(
    ("order", "extra"),
    [(["val-b", "val-a", "val-c"], "val-c"), (["val-c", "val-b", "val-a"], "val-a")],
)
def test_among_equal_stakes_the_leftover_unit_goes_by_the_sets_order(
    order: list[str], extra: str
) -> None:
    """Three equal stakes: ⌊10,000 / 3⌋ = 3,333 each and one unit left. ``insert`` puts a new
    entry before the equal ones already listed, so the last of the set's order heads the list
    and takes the unit: 76.7 IOTA more of every epoch's 767,000."""
    system = IotaStaking.genesis({}, [(a, 10 * M, 0) for a in order])
    assert {a: system.validators[a].voting_power for a in order} == {
        a: 3_334 if a == extra else 3_333 for a in order
    }
    record = system.advance_epoch(SYSTEM)
    assert record.paid[extra] - record.paid[order[0] if order[0] != extra else order[1]] == (
        3_334 * SUBSIDY // 10_000 - 3_333 * SUBSIDY // 10_000
    )
    holds(system)


def twenty_and_one(low: int) -> IotaStaking:
    """Twenty validators of 10 M IOTA and ``val-low`` with ``low`` nanos."""
    validators = [(f"val-{k:02d}", 10 * M, 0) for k in range(20)] + [("val-low", low, 0)]
    return IotaStaking.genesis({}, validators)


@pytest.mark.invariant("IOTA-DEPART-01")
def test_below_the_low_threshold_a_validator_leaves_at_the_eighth_epoch_change() -> None:
    """At 1.2 M IOTA among twenty of 10 M: voting power ⌊1.2 / 201.2 · 10,000⌋ = 59, about
    4,525 IOTA of reward an epoch, so it stays between the very-low (1 M) and the low (1.5 M)
    threshold. The at-risk counter starts at 1; the validator leaves when it exceeds the grace
    period of 7."""
    system = twenty_and_one(1_200_000 * IOTA)
    assert system.validators["val-low"].voting_power == 59
    for change in range(1, 8):
        system.advance_epoch(SYSTEM)
        validator = system.validators["val-low"]
        assert validator.status is ValidatorStatus.ACTIVE
        assert validator.low_stake_epochs == change
        assert VERY_LOW <= validator.pool.iota_balance < LOW
        holds(system)
    record = system.advance_epoch(SYSTEM)
    assert record.departed == ("val-low",)
    assert system.validators["val-low"].status is ValidatorStatus.INACTIVE
    assert "val-low" not in system.committee and len(system.committee) == 20
    holds(system)


@pytest.mark.invariant("IOTA-DEPART-01")
@pytest.mark.parametrize(
    ("stake", "counter", "leaves"),
    [(LOW, 0, False), (LOW - 1, 1, False), (VERY_LOW, 1, False), (VERY_LOW - 1, 0, True)],
)
def test_the_thresholds_at_their_edges(stake: int, counter: int, leaves: bool) -> None:
    """A reported validator earns nothing, so its stake at the boundary is exactly its genesis
    stake: at the low threshold it is safe, one nano below it at risk; at the very-low
    threshold at risk, one nano below it gone at once."""
    system = twenty_and_one(stake)
    for reporter in range(14):  # 14 · 499 or 500 ≥ 6,667 of the voting power
        system.report_validator(f"val-{reporter:02d}", "val-low", 0)
    assert "val-low" in system.slashed_validators()
    record = system.advance_epoch(SYSTEM)
    assert record.paid["val-low"] == 0
    if leaves:
        assert record.departed == ("val-low",)
    else:
        assert system.validators["val-low"].pool.iota_balance == stake
        assert system.validators["val-low"].low_stake_epochs == counter
    holds(system)


@pytest.mark.invariant("IOTA-SET-01")
def test_a_set_at_the_minimum_count_cannot_shrink_by_request() -> None:
    """Five validators: one may ask to leave (five before, four after); then the set is at the
    minimum of 4 and a second request is refused. Low-stake departures are not bounded."""
    system = IotaStaking.genesis({}, [(f"val-{k}", 10 * M, 0) for k in range(5)])
    system.request_remove_validator("val-4", 0)
    before = fingerprint(system)
    with pytest.raises(ValidatorSetLimit):
        system.request_remove_validator("val-3", 0)
    assert fingerprint(system) == before
    record = system.advance_epoch(SYSTEM)
    assert record.departed == ("val-4",)
    assert system.active == ["val-0", "val-1", "val-2", "val-3"]
    with pytest.raises(ValidatorSetLimit):
        system.request_remove_validator("val-0", 1)
    holds(system)


@pytest.mark.invariant("IOTA-POOL-01")
def test_withdrawals_from_an_inactive_pool_use_the_rate_frozen_when_it_left() -> None:
    """Two stakers of a validator that left withdraw in different epochs: both convert their
    tokens at the rate of the deactivation epoch, and no withdrawal records a rate."""
    system = IotaStaking.genesis(
        {"ann": 3 * M, "bob": 3 * M}, [(f"val-{k}", 10 * M, 0) for k in range(5)]
    )
    first = system.request_add_stake("ann", "val-4", M, 0)
    second = system.request_add_stake("bob", "val-4", 2 * M + 7, 0)
    system.advance_epoch(SYSTEM)  # both active from epoch 1
    system.advance_epoch(SYSTEM)  # epoch 1's reward appreciates the pool
    system.request_remove_validator("val-4", 2)
    system.advance_epoch(SYSTEM)  # val-4 leaves: deactivation epoch 3
    pool = system.validators["val-4"].pool
    assert pool.deactivation_epoch == 3
    rates = dict(pool.exchange_rates)
    at_activation, frozen = rates[1], rates[3]
    got_first = system.request_withdraw_stake("ann", first, 3)
    for _ in range(3):
        system.advance_epoch(SYSTEM)
    got_second = system.request_withdraw_stake("bob", second, 6)
    for principal, got in ((M, got_first), (2 * M + 7, got_second)):
        tokens = at_activation.pool_token_amount * principal // at_activation.iota_amount
        assert got == frozen.iota_amount * tokens // frozen.pool_token_amount
    assert pool.exchange_rates == rates
    holds(system)


@pytest.mark.invariant("IOTA-SET-01", "IOTA-POOL-01")
def test_a_candidate_joins_with_the_joining_stake_and_sits_from_the_epoch_after() -> None:
    system = IotaStaking.genesis(
        {"carol": 3 * M, "dave": 3 * M}, [(f"val-{k}", 10 * M, 0) for k in range(4)]
    )
    system.request_add_validator_candidate("carol", 1_000, 0)
    # A candidate's pool takes stake at once, one token per nano, and earns nothing.
    own = system.request_add_stake("carol", "carol", 1_900_000 * IOTA, 0)
    assert system.validators["carol"].pool.iota_balance == 1_900_000 * IOTA
    with pytest.raises(JoiningStakeNotReached):  # 2,000,000 IOTA is the joining stake
        system.request_add_validator("carol", 0)
    system.request_add_stake("dave", "carol", 100_000 * IOTA, 0)
    system.request_add_validator("carol", 0)
    with pytest.raises(UnknownValidator):  # a joining validator's pool waits
        system.request_add_stake("dave", "carol", IOTA, 0)
    first = system.advance_epoch(SYSTEM)
    assert first.joined == ("carol",)
    assert system.validators["carol"].status is ValidatorStatus.ACTIVE
    assert "carol" not in system.committee and system.validators["carol"].voting_power == 0
    second = system.advance_epoch(SYSTEM)
    assert "carol" not in second.paid  # it sat on no committee in epoch 1
    assert "carol" in system.committee
    third = system.advance_epoch(SYSTEM)
    assert third.paid["carol"] > 0
    # Carol's own stake was bought 1:1 in the candidate's pool; after two paid epochs it is worth
    # more than its principal.
    assert system.request_withdraw_stake("carol", own, 3) > 1_900_000 * IOTA
    holds(system)


def test_a_candidates_stake_comes_back_at_once_and_whole() -> None:
    system = IotaStaking.genesis({"carol": 3 * M}, [(f"val-{k}", 10 * M, 0) for k in range(4)])
    system.request_add_validator_candidate("carol", 0, 0)
    staked = system.request_add_stake("carol", "carol", 5 * IOTA, 0)
    assert system.request_withdraw_stake("carol", staked, 0) == 5 * IOTA
    pool = system.validators["carol"].pool
    assert (pool.iota_balance, pool.pool_token_balance, pool.pending_total_iota_withdraw) == (
        0,
    ) * 3
    holds(system)


@pytest.mark.invariant("IOTA-SET-01")
def test_the_committee_is_the_top_100_by_stake_and_the_larger_address_breaks_ties() -> None:
    """102 validators: stakes 10 M + k nanos for k = 0..99, and two of 9 M tied for nothing and
    two of exactly 10 M tied for the last seat."""
    validators = [(f"val-{k:03d}", 10 * M + k, 0) for k in range(1, 100)]
    validators += [("tie-a", 10 * M, 0), ("tie-b", 10 * M, 0), ("low", 9 * M, 0)]
    system = IotaStaking.genesis({}, validators)
    assert len(system.committee) == 100
    assert "tie-b" in system.committee
    assert "tie-a" not in system.committee and "low" not in system.committee
    assert system.validators["tie-a"].voting_power == 0
    record = system.advance_epoch(SYSTEM)
    assert "tie-a" not in record.paid and "low" not in record.paid
    holds(system)


@pytest.mark.invariant("IOTA-SAFE-01")
def test_an_epoch_change_that_fails_advances_in_safe_mode() -> None:
    """Every validator withdraws its own stake: at the boundary every pool would fall below the
    very-low threshold and the set would be empty, so the change fails and the network
    advances in safe mode -- the epoch moves; nothing is paid, minted or processed; the gas is
    carried over. It stays so while the change keeps failing."""
    system = IotaStaking.genesis({"payer": M}, [(f"val-{k}", 10 * M, 0) for k in range(4)])
    for stake in list(system.stakes.values()):
        system.request_withdraw_stake(stake.owner, stake.staked_id, 0)
    system.pay_gas("payer", 5 * IOTA, 2 * IOTA, 0)
    pools = {a: fingerprint(v.pool) for a, v in system.validators.items()}
    minted = system.minted
    record = system.advance_epoch(SYSTEM)
    assert record.safe_mode and system.safe_mode
    assert system.epoch == 1 and system.minted == minted
    assert {a: fingerprint(v.pool) for a, v in system.validators.items()} == pools
    assert (system.computation_charge, system.computation_charge_burned) == (5 * IOTA, 3 * IOTA)
    system.pay_gas("payer", IOTA, 0, 1)
    assert system.advance_epoch(SYSTEM).safe_mode
    assert system.computation_charge == 6 * IOTA
    holds(system)


def test_a_validator_without_voting_power_leaves_instead_of_stopping_the_network() -> None:
    """0.9.0 (and 0.10.0 without low-stake departures) could not set voting power when one
    of eleven validators held a nano of the stake; Move removes it (below the very-low
    threshold) and carries on."""
    validators = [(f"v{k:02d}", 10**18, 0) for k in range(10)] + [("tiny", 10**18, 0)]
    system = IotaStaking.genesis({"ann": 10**12}, validators)
    tiny_stake = next(s for s in system.stakes.values() if s.owner == "tiny")
    system.advance_epoch(SYSTEM)
    system.request_withdraw_stake("tiny", tiny_stake.staked_id, 1)
    system.request_add_stake("ann", "tiny", 10**9, 1)
    record = system.advance_epoch(SYSTEM)
    assert not record.safe_mode
    assert record.departed == ("tiny",)
    assert len(system.committee) == 10
    holds(system)


@pytest.mark.invariant("IOTA-STAKE-01")
def test_split_and_join_keep_the_pool_and_activation_and_the_minimum() -> None:
    system = IotaStaking.genesis({"ann": 100 * IOTA}, [(f"val-{k}", 10 * M, 0) for k in range(4)])
    staked = system.request_add_stake("ann", "val-0", 10 * IOTA, 0)
    part = system.split_staked_iota("ann", staked, 4 * IOTA, 0)
    assert (system.stakes[staked].principal, system.stakes[part].principal) == (6 * IOTA, 4 * IOTA)
    assert system.stakes[part].activation_epoch == system.stakes[staked].activation_epoch == 1
    for amount in (IOTA - 1, 5 * IOTA + 1):  # a part below 1 IOTA on either side
        with pytest.raises(StakeBelowMinimum):
            system.split_staked_iota("ann", staked, amount, 0)
    later = system.request_add_stake("ann", "val-0", 2 * IOTA, 0)
    system.advance_epoch(SYSTEM)
    newer = system.request_add_stake("ann", "val-0", 2 * IOTA, 1)
    with pytest.raises(IncompatibleStakes):  # activation epochs 1 and 2
        system.join_staked_iota("ann", later, newer, 1)
    system.join_staked_iota("ann", staked, part, 1)
    assert system.stakes[staked].principal == 10 * IOTA and part not in system.stakes
    holds(system)
