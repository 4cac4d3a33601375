"""IOTA validator staking as mainnet runs it at protocol version 31 (IOTA-*).

The state of ``iota_system_state_inner.move`` and ``validator_set.move`` that decides who is paid
what: liquid balances, the validators (candidates, pending, active in the set's order, inactive)
with their pools, the staked objects, the reports of the tallying rule, the epoch's gas, and the
committee with its voting power. The rules of one protocol version are a named profile
(:mod:`spec.iota_protocol`; ``mainnet-v31`` by default); the epoch change is
:mod:`contracts.iota.epoch`, the stakers' requests :mod:`contracts.iota.stakes` and the
validators' :mod:`contracts.iota.validator_set`, over the state of :mod:`contracts.iota.state`.

Every staker, validator and payer is the sender of its transaction, an external account. A
validator becomes one in two steps, as in Move: it registers as a **candidate** (its pool takes
stake at once, one token per nano, and earns nothing), then asks to **join** once its pool holds
the joining stake; it becomes active at the next epoch change and sits on the committee from the
one after. It asks to **leave**, which is refused when that would take a set of at least the
minimum count below it, and leaves at the next epoch change; the low-stake rules can remove it
too. Its stakers withdraw from the inactive pool at the rate frozen when it left.

The storage fund, which never earns rewards and is supply-neutral, is not modelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from contracts.domains import Balances, Caller, EpochIndex, Quantity, Sender
from contracts.errors import InvalidAmount, WidthExceeded
from contracts.iota.epoch import (
    SafeMode,
    advance_in_safe_mode,
    apply_epoch,
    plan_epoch,
    select_committee,
    slashed_validators,
)
from contracts.iota.genesis import Profile, Validators
from contracts.iota.records import EpochRecord, IotaValidator
from contracts.iota.stakes import Stakes
from contracts.iota.staking_pool import StakingPool
from contracts.iota.validator_set import JOINING_STAKE, MAX_VALIDATORS, MIN_VALIDATORS, ValidatorSet
from contracts.iota.voting_power import compute_voting_power
from contracts.transaction import constructor, query, transaction
from contracts.units import U64_MAX, Nanos
from spec import iota_protocol

__all__ = ["JOINING_STAKE", "MAX_VALIDATORS", "MIN_VALIDATORS", "IotaStaking"]


@dataclass
class IotaStaking(Stakes, ValidatorSet):
    """The validator set, stakes and the epoch change of today's IOTA network."""

    @classmethod
    @constructor
    def genesis(
        cls,
        balances: Balances,
        validators: Validators,
        protocol: Profile = iota_protocol.DEFAULT,
    ) -> IotaStaking:
        """A network at epoch 0: liquid balances, and validators with active genesis stake, in
        the order given (the set's order); the committee is the top validators by stake.

        Raises ``INVALID_INPUT``, ``INVALID_AMOUNT``, ``PROTECTED_ACCOUNT``,
        ``COMMISSION_OUT_OF_BOUNDS`` or ``WIDTH_EXCEEDED``.
        """
        system = cls({a: v for a, v in balances.items() if v}, protocol)
        for address, stake, commission_bp in validators:
            pool = StakingPool()
            pool.add_stake(stake)  # a preactive pool joins its stake at once
            pool.activate(0)
            system.validators[address] = IotaValidator(address, pool, commission_bp, commission_bp)
            system.active.append(address)
            system.new_stake(address, address, stake, 0)
        if system.compute_supply() > U64_MAX:
            raise WidthExceeded("the genesis supply exceeds 2^64 − 1")
        system.genesis_supply = system.compute_supply()
        stake_of = {a: system.validators[a].pool.iota_balance for a in system.active}
        committee = select_committee(system.active, stake_of, system.profile.max_committee)
        system.seat(committee, compute_voting_power([(a, stake_of[a]) for a in committee]))
        return system

    # ------------------------------------------------------------------ supply and gas

    @query
    def supply(self) -> Nanos:
        """Every coin: liquid, staked principals, pools' rewards, and the gas not yet settled."""
        return self.compute_supply()

    def compute_supply(self) -> Nanos:
        return (
            sum(self.balances.values())
            + sum(s.principal for s in self.stakes.values())
            + sum(v.pool.rewards_pool for v in self.validators.values())
            + self.computation_charge
        )

    @transaction
    def pay_gas(
        self, payer: Sender, computation_fee: Quantity, tip: Quantity, epoch: EpochIndex
    ) -> None:
        """A transaction's computation fee: the base part is burned, the tip goes to the pot.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT`` (a tip above the
        fee), ``INVALID_DAY`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        if tip > computation_fee:
            raise InvalidAmount(f"tip {tip} exceeds the computation fee {computation_fee}")
        self._charge(payer, computation_fee)
        if not computation_fee:
            return
        self._debit(payer, computation_fee)
        self.computation_charge += computation_fee
        self.computation_charge_burned += computation_fee - tip

    # ------------------------------------------------------------------ the epoch change

    @query
    def slashed_validators(self) -> frozenset[str]:
        """Committee members reported by members holding at least the quorum (6,667)."""
        return self.compute_slashed()

    def compute_slashed(self) -> frozenset[str]:
        """:meth:`slashed_validators`, for the epoch change."""
        return slashed_validators(self)

    @transaction
    def advance_epoch(self, caller: Caller) -> EpochRecord:
        """End the epoch (:mod:`contracts.iota.epoch`); the system's call, one atomic step. When
        the change fails as Move's would, the network advances in safe mode instead.

        Raises ``INVALID_INPUT``, ``UNAUTHORIZED`` or ``WIDTH_EXCEEDED``, before anything
        changes.
        """
        try:
            plan = plan_epoch(self)
        except SafeMode:
            return advance_in_safe_mode(self)
        return apply_epoch(self, plan)

    def seat(self, committee: Sequence[str], powers: dict[str, int]) -> None:
        """Seat the committee with its voting power; every other validator has none."""
        self.committee = list(committee)
        for validator in self.validators.values():
            validator.voting_power = powers.get(validator.address, 0)

    @query
    def state(self) -> dict[str, Any]:
        """The normative observable state: Move's state of the system
        (``spec/schemas/state/iota-staking.schema.json``)."""
        return {
            "epoch": self.epoch,
            "protocol": self.protocol,
            "safeMode": self.safe_mode,
            "balances": dict(sorted(self.balances.items())),
            "validators": {
                a: {
                    "status": v.status.value,
                    "commissionBp": v.commission_bp,
                    "nextCommissionBp": v.next_commission_bp,
                    "votingPower": v.voting_power,
                    "leaving": v.leaving,
                    "lowStakeEpochs": v.low_stake_epochs,
                    "pool": v.pool.state(),
                }
                for a, v in sorted(self.validators.items())
            },
            "active": list(self.active),
            "pendingActive": list(self.pending_active),
            "stakes": {
                str(i): [s.owner, s.validator, s.principal, s.activation_epoch]
                for i, s in sorted(self.stakes.items())
            },
            "reports": {k: sorted(v) for k, v in sorted(self.reports.items())},
            "committee": list(self.committee),
            "computationCharge": self.computation_charge,
            "computationChargeBurned": self.computation_charge_burned,
            "minted": self.minted,
            "burned": self.burned,
        }
