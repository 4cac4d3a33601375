"""Checkers of the IOTA entries of the invariant catalog, over :class:`IotaStaking` state."""

from __future__ import annotations

from contracts.invariants import checker
from contracts.iota.epoch import (
    GRACE_PERIOD,
    LOW_STAKE,
    VERY_LOW_STAKE,
    next_epoch_validator_count,
)
from contracts.iota.genesis import MAX_COMMISSION_BP, MAX_VALIDATORS
from contracts.iota.records import ValidatorStatus
from contracts.iota.system import IotaStaking
from contracts.iota.voting_power import VotingPowerInvariant, cap_for, check_voting_power
from contracts.units import BASIS_POINTS, U64_MAX


@checker("IOTA-VP-01", IotaStaking)
def _check_voting_power(system: IotaStaking) -> list[str]:
    if not system.committee:
        return []
    committee = [(a, system.validators[a].pool.iota_balance) for a in system.committee]
    powers = {a: system.validators[a].voting_power for a in system.committee}
    problems = []
    try:
        check_voting_power(committee, powers)
    except VotingPowerInvariant as error:
        problems.append(str(error))
    cap = cap_for(len(committee))
    problems += [f"{a}: power {p} above the cap {cap}" for a, p in powers.items() if p > cap]
    outside = [a for a, v in system.validators.items() if a not in powers and v.voting_power]
    problems += [f"{a}: voting power outside the committee" for a in outside]
    return problems


@checker("IOTA-POT-01", IotaStaking)
def _check_pot(system: IotaStaking) -> list[str]:
    problems = []
    for record in system.records:
        if record.pot != record.subsidy + record.tips:
            problems.append(f"epoch {record.epoch}: pot is not subsidy + tips")
        if sum(record.paid.values()) + record.burned_leftover != record.pot:
            problems.append(f"epoch {record.epoch}: paid + burned ≠ pot")
    return problems


@checker("IOTA-SLASH-01", IotaStaking)
def _check_slashed_earn_nothing(system: IotaStaking) -> list[str]:
    return [
        f"epoch {r.epoch}: slashed {v} was paid {r.paid.get(v)}"
        for r in system.records
        for v in r.slashed
        if r.paid.get(v, 0) != 0
    ]


@checker("IOTA-COMMISSION-02", IotaStaking)
def _check_effective_commission(system: IotaStaking) -> list[str]:
    """Commission is the floor of the allotment at the effective rate, and under IIP-8 that
    rate is max(the rate set, the voting power)."""
    iip8 = system.profile.dynamic_min_commission
    problems = []
    for record in system.records:
        for share in record.allotments:
            expected = max(share.commission_bp, share.voting_power) if iip8 else share.commission_bp
            if share.rate_bp != expected:
                problems.append(f"epoch {record.epoch}: {share.validator} at {share.rate_bp} bp")
            if share.commission != share.allotted * share.rate_bp // BASIS_POINTS:
                problems.append(f"epoch {record.epoch}: {share.validator}'s commission")
    return problems


@checker("IOTA-POOL-01", IotaStaking)
def _check_pools(system: IotaStaking) -> list[str]:
    """Active pools reconcile with their exchange rate; pending stake is the pending stakes';
    a candidate's pool holds exactly its stakes, one token per nano."""
    problems = []
    for address, validator in system.validators.items():
        pool = validator.pool
        if pool.rewards_pool < 0 or pool.iota_balance < 0 or pool.pending_stake < 0:
            problems.append(f"{address}: negative pool balance")
        held = [s for s in system.stakes.values() if s.validator == address]
        if pool.preactive:
            staked = sum(s.principal for s in held)
            if (pool.iota_balance, pool.pool_token_balance, pool.pending_stake) != (
                staked,
                staked,
                0,
            ):
                problems.append(f"{address}: a candidate's pool is not its stakes 1:1")
            continue
        if validator.status is not ValidatorStatus.ACTIVE:
            continue
        if pool.pool_token_balance < pool.pending_pool_token_withdraw:
            problems.append(f"{address}: withdrawals exceed the pool")
        rate = pool.rate_at(system.epoch)
        if (
            pool.pending_total_iota_withdraw == 0
            and rate.tokens_for(pool.iota_balance) != pool.pool_token_balance
        ):
            problems.append(f"{address}: pool tokens do not match the exchange rate")
        processed = max(pool.exchange_rates)
        pending = sum(s.principal for s in held if s.activation_epoch > processed)
        if pending != pool.pending_stake:
            problems.append(f"{address}: pending stake {pool.pending_stake} ≠ Σ pending {pending}")
    return problems


@checker("IOTA-SUPPLY-01", IotaStaking)
def _check_supply(system: IotaStaking) -> list[str]:
    if system.compute_supply() - system.genesis_supply != system.minted - system.burned:
        return [
            f"supply {system.compute_supply()} − genesis {system.genesis_supply} ≠ minted "
            f"{system.minted} − burned {system.burned}"
        ]
    return []


@checker("WIDTH-02", IotaStaking)
def _check_widths(system: IotaStaking) -> list[str]:
    """The supply, balances, stakes and pools fit in 64 bits."""
    problems = []
    if not 0 <= system.compute_supply() <= U64_MAX:
        problems.append("the supply does not fit in 64 bits")
    problems += [
        f"{a}: balance {b} does not fit in 64 bits"
        for a, b in system.balances.items()
        if not 0 < b <= U64_MAX
    ]
    problems += [
        f"stake {s.staked_id}: principal does not fit in 64 bits"
        for s in system.stakes.values()
        if not 0 < s.principal <= U64_MAX
    ]
    problems += [
        f"{a}: pool does not fit in 64 bits"
        for a, v in system.validators.items()
        if not 0 <= v.pool.iota_balance <= U64_MAX or not 0 <= v.pool.rewards_pool <= U64_MAX
    ]
    return problems


@checker("IOTA-COMMISSION-01", IotaStaking)
def _check_commission(system: IotaStaking) -> list[str]:
    return [
        f"{a}: commission above {MAX_COMMISSION_BP} bp"
        for a, v in system.validators.items()
        if not 0 <= v.commission_bp <= MAX_COMMISSION_BP
        or not 0 <= v.next_commission_bp <= MAX_COMMISSION_BP
    ]


@checker("IOTA-STAKE-01", IotaStaking)
def _check_activation(system: IotaStaking) -> list[str]:
    return [
        f"stake {s.staked_id} activates at {s.activation_epoch}, after the next epoch"
        for s in system.stakes.values()
        if s.activation_epoch > system.epoch + 1
    ]


@checker("IOTA-DEPART-01", IotaStaking)
def _check_low_stake(system: IotaStaking) -> list[str]:
    """After an epoch change, every active validator holds at least the very-low threshold,
    is at risk exactly when below the low one, and no longer than the grace period."""
    if not any(not r.safe_mode for r in system.records):
        return []  # genesis validators are first checked at the first epoch change
    problems = []
    for address in system.active:
        validator = system.validators[address]
        held = validator.pool.iota_balance
        if held < VERY_LOW_STAKE:
            problems.append(f"{address}: {held} below the very-low threshold, still active")
        if not 0 <= validator.low_stake_epochs <= GRACE_PERIOD:
            problems.append(f"{address}: at risk for {validator.low_stake_epochs} epochs")
        if (held >= LOW_STAKE) != (validator.low_stake_epochs == 0):
            problems.append(f"{address}: at-risk counter {validator.low_stake_epochs} at {held}")
    return problems


@checker("IOTA-SET-01", IotaStaking)
def _check_validator_set(system: IotaStaking) -> list[str]:
    """The set's lists match the validators' states; the committee is active, within its
    size, and holds the top stakes of those that sat through an epoch change."""
    problems = []
    by_status = {
        status: [a for a, v in system.validators.items() if v.status is status]
        for status in ValidatorStatus
    }
    if sorted(system.active) != sorted(by_status[ValidatorStatus.ACTIVE]):
        problems.append("the active set does not match the active validators")
    if len(set(system.active)) != len(system.active):
        problems.append("a validator is twice in the active set")
    if sorted(system.pending_active) != sorted(by_status[ValidatorStatus.PENDING]):
        problems.append("the joining list does not match the pending validators")
    if next_epoch_validator_count(system) > MAX_VALIDATORS:
        problems.append(f"more than {MAX_VALIDATORS} validators after the next epoch change")
    if not set(system.committee) <= set(system.active):
        problems.append("a committee member is not active")
    if len(system.committee) > system.profile.max_committee:
        problems.append("the committee is larger than its size")
    if len(set(system.committee)) != len(system.committee):
        problems.append("a validator sits twice")
    return problems


@checker("IOTA-SAFE-01", IotaStaking)
def _check_safe_mode(system: IotaStaking) -> list[str]:
    """An epoch change in safe mode paid nothing, minted nothing and burned nothing."""
    return [
        f"epoch {r.epoch}: safe mode moved tokens"
        for r in system.records
        if r.safe_mode and (r.pot or r.paid or r.minted or r.burned_leftover or r.allotments)
    ]
