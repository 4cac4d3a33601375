"""The IOTA epoch change, as ``validator_set::advance_epoch`` runs it at protocol version 31.

Computed first, in this order, without writing anything (:func:`plan_epoch`):

1. **The pot** (IOTA-POT-01): the validator subsidy plus the epoch's tips; the base fees burned
   are netted against the subsidy (the shortfall minted, the excess burned).
2. **Each committee member's allotment**: ``floor(voting power · pot / 10,000)``, scaled by its
   score where the profile adjusts rewards (devnet), and cut by the reward slashing rate (all of
   it) when members holding at least 6,667 voting power reported it (IOTA-SLASH-01).
3. **Commission** (IOTA-COMMISSION-02): ``floor(allotment · rate / 10,000)``, where under IIP-8
   the rate is ``max(commission rate, voting power)``; it is staked for the validator from the
   next epoch, the rest deposited into its pool. What is not paid is burned.
4. **Pools**: each active pool's IOTA after the boundary -- rewards in, withdrawals out, pending
   stake (with the commission stake) in.
5. **Joining, leaving**: the candidates that asked to join become active, appended to the set in
   the reverse of the order they asked (``pop_back``); the validators that asked to leave leave;
   then, from the end of the set, every validator below the very-low stake threshold leaves at
   once, and one below the low threshold leaves when it has been below it for more than the grace
   period of epoch changes in a row (IOTA-DEPART-01).
6. **The committee** (IOTA-SET-01): the top ``max_committee`` validators by stake (ties: the
   larger address, standing for the larger authority key) among those active before this epoch
   change that stay -- a validator that joins now sits from the next change on -- kept in the
   set's order when they all fit; and its voting power (IOTA-VP-01).

If the set would be empty, or the committee's voting power cannot be set, the epoch change fails
as Move's does, and the network advances in **safe mode** (IOTA-SAFE-01): the epoch moves, nothing
is paid, minted, processed or changed, and the gas of the epoch is carried into the next one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from contracts.errors import WidthExceeded
from contracts.iota.records import Allotment, EpochPlan, EpochRecord, ValidatorStatus
from contracts.iota.voting_power import (
    QUORUM_THRESHOLD,
    TOTAL_VOTING_POWER,
    VotingPowerInvariant,
    compute_voting_power,
)
from contracts.units import BASIS_POINTS, U64_MAX, Nanos
from spec import parameters

if TYPE_CHECKING:
    from contracts.iota.state import SystemState
    from contracts.iota.system import IotaStaking

VALIDATOR_SUBSIDY = parameters.integer("IOTA_REWARDS_PER_EPOCH")
REWARD_SLASHING_RATE_BP = int(parameters.ratio("IOTA_REWARD_SLASHING_RATE") * BASIS_POINTS)
LOW_STAKE = parameters.integer("IOTA_LOW_STAKE_THRESHOLD")
VERY_LOW_STAKE = parameters.integer("IOTA_VERY_LOW_STAKE_THRESHOLD")
GRACE_PERIOD = parameters.integer("IOTA_LOW_STAKE_GRACE_PERIOD")
MAX_SCORE = 65_536


class SafeMode(Exception):
    """The epoch change fails (an empty set, voting power that cannot be set)."""


def slashed_validators(system: IotaStaking) -> frozenset[str]:
    """Committee members reported by committee members holding at least the quorum (6,667)."""
    power = {v: system.validators[v].voting_power for v in system.committee}
    return frozenset(
        reportee
        for reportee, reporters in system.reports.items()
        if reportee in power and sum(power.get(r, 0) for r in reporters) >= QUORUM_THRESHOLD
    )


def allotments(system: IotaStaking, pot: Nanos, slashed: frozenset[str]) -> list[Allotment]:
    """Each committee member's allotment and commission (steps 2 and 3)."""
    profile = system.profile
    found = []
    for address in system.committee:
        validator = system.validators[address]
        allotted = validator.voting_power * pot // TOTAL_VOTING_POWER
        if profile.adjust_rewards_by_score:
            allotted = system.scores.get(address, MAX_SCORE) * allotted // MAX_SCORE
        if address in slashed:
            allotted -= allotted * REWARD_SLASHING_RATE_BP // BASIS_POINTS
        rate = validator.commission_bp
        if profile.dynamic_min_commission:
            rate = max(rate, validator.voting_power)
        commission = allotted * rate // BASIS_POINTS
        found.append(
            Allotment(
                address, allotted, commission, rate, validator.commission_bp, validator.voting_power
            )
        )
    return found


def departures(
    system: IotaStaking, active: list[str], stake: dict[str, Nanos]
) -> tuple[list[str], dict[str, int]]:
    """Who leaves for low stake, from the end of the set, and the at-risk counters after."""
    departed = []
    counters: dict[str, int] = {}
    for address in reversed(active):
        held = stake[address]
        if held >= LOW_STAKE:
            counters[address] = 0
        elif held >= VERY_LOW_STAKE:
            counters[address] = system.validators[address].low_stake_epochs + 1
            if counters[address] > GRACE_PERIOD:
                departed.append(address)
        else:
            departed.append(address)
    return departed, counters


def select_committee(eligible: list[str], stake: dict[str, Nanos], size: int) -> tuple[str, ...]:
    """The top ``size`` by stake (ties: the larger address), in the set's order when all fit."""
    if len(eligible) <= size:
        return tuple(eligible)
    ranked = sorted(eligible, key=lambda a: (stake[a], a), reverse=True)
    return tuple(ranked[:size])


def plan_epoch(system: IotaStaking) -> EpochPlan:
    """Everything a successful epoch change writes (see the module docstring); raises
    :class:`SafeMode` when the change fails, and ``WIDTH_EXCEEDED`` when a pool or the supply
    would pass 2^64 − 1."""
    burned_fees = system.computation_charge_burned
    tips = system.computation_charge - burned_fees
    pot = VALIDATOR_SUBSIDY + tips
    slashed = system.compute_slashed()
    shares = allotments(system, pot, slashed)
    gained = {a.validator: a.allotted for a in shares}
    previous = list(system.active)
    stake = {}
    for address in previous:
        stake[address] = system.validators[address].pool.balance_after_boundary(
            gained.get(address, 0)
        )
        if stake[address] > U64_MAX:
            raise WidthExceeded(f"validator {address!r}'s pool would pass 2^64 − 1")
    joined = list(reversed(system.pending_active))
    for address in joined:
        stake[address] = system.validators[address].pool.iota_balance
    removed = [a for a in previous if system.validators[a].leaving]
    active = [a for a in previous if a not in removed] + joined
    departed, counters = departures(system, active, stake)
    active = [a for a in active if a not in departed]
    if not active:
        raise SafeMode("no validator is left in the set")
    eligible = [a for a in previous if a in active]
    committee = select_committee(eligible, stake, system.profile.max_committee)
    if not committee:
        raise SafeMode("no validator is eligible for the committee")
    try:
        powers = compute_voting_power([(a, stake[a]) for a in committee])
    except VotingPowerInvariant as error:
        raise SafeMode(str(error)) from None
    minted = max(VALIDATOR_SUBSIDY - burned_fees, 0)
    # The supply is the genesis supply plus what was minted less what was burned (IOTA-SUPPLY-01):
    # O(1), where summing the stakes would make every epoch change O(stakes).
    if system.genesis_supply + system.minted - system.burned + minted > U64_MAX:
        raise WidthExceeded(f"minting {minted} would take the supply past 2^64 − 1")
    return EpochPlan(
        subsidy=VALIDATOR_SUBSIDY,
        tips=tips,
        minted=minted,
        burned_fees=burned_fees,
        burned_excess=max(burned_fees - VALIDATOR_SUBSIDY, 0),
        pot=pot,
        slashed=slashed,
        allotments=tuple(shares),
        leftover=pot - sum(gained.values()),
        joined=tuple(joined),
        removed=tuple(removed),
        departed=tuple(departed),
        active=tuple(active),
        low_stake_epochs={a: counters.get(a, 0) for a in active},
        committee=committee,
        voting_power=powers,
    )


def next_epoch_validator_count(system: SystemState) -> int:
    """Active − asked to leave + asked to join (as ``next_epoch_validator_count``)."""
    leaving = sum(1 for a in system.active if system.validators[a].leaving)
    return len(system.active) - leaving + len(system.pending_active)


def advance_in_safe_mode(system: IotaStaking) -> EpochRecord:
    """The epoch moves and nothing else: nothing paid, minted or processed; the epoch's gas is
    carried into the next one (IOTA-SAFE-01)."""
    record = EpochRecord(system.epoch, 0, 0, 0, 0, 0, {}, 0, frozenset(), safe_mode=True)
    system.records.append(record)
    system.epoch += 1
    system.safe_mode = True
    return record


def apply_epoch(system: IotaStaking, plan: EpochPlan) -> EpochRecord:
    """Write what :func:`plan_epoch` computed (cannot fail)."""
    new_epoch = system.epoch + 1
    system.minted += plan.minted
    system.burned += plan.burned_excess + plan.leftover
    for share in plan.allotments:
        validator = system.validators[share.validator]
        validator.pool.deposit_rewards(share.allotted - share.commission)
        if share.commission:
            validator.pool.add_stake(share.commission)
            system.new_stake(share.validator, share.validator, share.commission, new_epoch)
    previous = list(system.active)
    for address in previous:
        validator = system.validators[address]
        validator.commission_bp = validator.next_commission_bp
        validator.pool.process_pending(new_epoch)
    for address in plan.joined:
        validator = system.validators[address]
        validator.status = ValidatorStatus.ACTIVE
        validator.pool.activate(new_epoch)
    for address in plan.removed + plan.departed:
        validator = system.validators[address]
        validator.status = ValidatorStatus.INACTIVE
        validator.leaving = False
        validator.low_stake_epochs = 0
        validator.pool.deactivation_epoch = new_epoch
        clean_reports(system, address)
    for address, counter in plan.low_stake_epochs.items():
        system.validators[address].low_stake_epochs = counter
    system.active = list(plan.active)
    system.pending_active = []
    record = EpochRecord(
        system.epoch,
        plan.pot,
        plan.subsidy,
        plan.tips,
        plan.minted,
        plan.burned_fees,
        {s.validator: s.allotted for s in plan.allotments},
        plan.leftover,
        plan.slashed,
        plan.allotments,
        plan.joined,
        plan.removed + plan.departed,
    )
    system.records.append(record)
    system.computation_charge = 0
    system.computation_charge_burned = 0
    system.epoch = new_epoch
    system.safe_mode = False
    system.seat(plan.committee, plan.voting_power)
    return record


def clean_reports(system: IotaStaking, address: str) -> None:
    """A leaving validator's reports, and the reports about it, lapse."""
    system.reports.pop(address, None)
    for reportee in list(system.reports):
        system.reports[reportee].discard(address)
        if not system.reports[reportee]:
            del system.reports[reportee]
