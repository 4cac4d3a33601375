"""IOTA validator staking as mainnet runs it at protocol version 31 (IOTA-*).

The state of ``iota_system_state_inner.move`` and ``validator_set.move`` that decides who is paid
what: liquid balances, the validators (candidates, pending, active in the set's order, inactive)
with their pools, the staked objects, the reports of the tallying rule, the epoch's gas, and the
committee with its voting power. The rules of one protocol version are a named profile
(:mod:`spec.iota_protocol`; ``mainnet-v31`` by default); the epoch change is
:mod:`contracts.iota.epoch`.

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
from dataclasses import dataclass, field
from typing import Any, Final

from contracts.domains import (
    Amount,
    Balances,
    Caller,
    CommissionBp,
    EpochIndex,
    Name,
    Quantity,
    Sender,
    StakeId,
)
from contracts.errors import (
    CannotReportOneself,
    CommissionOutOfBounds,
    DuplicateValidator,
    IncompatibleStakes,
    InsufficientBalance,
    InvalidAmount,
    InvalidDay,
    JoiningStakeNotReached,
    NotCommitteeMember,
    ReportNotFound,
    StakeBelowMinimum,
    Unauthorized,
    UnknownStake,
    UnknownValidator,
    ValidatorSetLimit,
    WidthExceeded,
)
from contracts.iota.epoch import (
    SafeMode,
    advance_in_safe_mode,
    apply_epoch,
    next_epoch_validator_count,
    plan_epoch,
    select_committee,
    slashed_validators,
)
from contracts.iota.genesis import MAX_COMMISSION_BP, MIN_STAKE, Profile, Validators
from contracts.iota.records import EpochRecord, IotaValidator, StakedIota, ValidatorStatus
from contracts.iota.staking_pool import StakingPool
from contracts.iota.voting_power import compute_voting_power
from contracts.transaction import constructor, query, transaction
from contracts.units import U64_MAX, Epoch, Nanos
from spec import iota_protocol, parameters
from spec.iota_protocol import ProtocolProfile

JOINING_STAKE: Final = parameters.integer("IOTA_MIN_VALIDATOR_JOINING_STAKE")
MIN_VALIDATORS: Final = parameters.integer("IOTA_MIN_VALIDATOR_COUNT")
MAX_VALIDATORS: Final = parameters.integer("IOTA_MAX_VALIDATOR_COUNT")


@dataclass
class IotaStaking:
    """The validator set, stakes and the epoch change of today's IOTA network."""

    balances: dict[str, Nanos]
    protocol: str = iota_protocol.DEFAULT
    epoch: Epoch = 0
    validators: dict[str, IotaValidator] = field(default_factory=dict)
    #: The active set in Move's order (genesis order, then each joiner appended).
    active: list[str] = field(default_factory=list)
    #: Candidates that asked to join, in the order they asked.
    pending_active: list[str] = field(default_factory=list)
    stakes: dict[int, StakedIota] = field(default_factory=dict)
    reports: dict[str, set[str]] = field(default_factory=dict)
    #: The committee in Move's order (the order voting power is computed in).
    committee: list[str] = field(default_factory=list)
    computation_charge: Nanos = 0
    computation_charge_burned: Nanos = 0
    minted: Nanos = 0
    burned: Nanos = 0
    genesis_supply: Nanos = 0
    records: list[EpochRecord] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    next_stake_id: int = 1
    safe_mode: bool = False

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

    @property
    def profile(self) -> ProtocolProfile:
        return iota_protocol.PROFILES[self.protocol]

    # ------------------------------------------------------------------ supply

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

    # ------------------------------------------------------------------ checks and helpers

    def _at(self, epoch: Epoch) -> None:
        if epoch != self.epoch:
            raise InvalidDay(f"epoch {epoch} is not the current epoch {self.epoch}")

    def _validator(self, address: str, *statuses: ValidatorStatus) -> IotaValidator:
        validator = self.validators.get(address)
        if validator is None or validator.status not in (statuses or (ValidatorStatus.ACTIVE,)):
            wanted = " or ".join(s.value for s in statuses or (ValidatorStatus.ACTIVE,))
            raise UnknownValidator(f"no {wanted} validator {address!r}")
        return validator

    def new_stake(self, owner: str, validator: str, principal: Nanos, activation: Epoch) -> int:
        staked_id = self.next_stake_id
        self.next_stake_id += 1
        self.stakes[staked_id] = StakedIota(staked_id, owner, validator, principal, activation)
        return staked_id

    def _owned(self, staker: str, staked_id: int) -> StakedIota:
        stake = self.stakes.get(staked_id)
        if stake is None:
            raise UnknownStake(f"no stake {staked_id!r}")
        if stake.owner != staker:
            raise Unauthorized(f"stake {staked_id} belongs to {stake.owner!r}", caller=staker)
        return stake

    def _pay(self, owner: str, amount: Nanos) -> None:
        if amount:
            self.balances[owner] = self.balances.get(owner, 0) + amount

    def _charge(self, owner: str, amount: Nanos) -> None:
        held = self.balances.get(owner, 0)
        if held < amount:
            raise InsufficientBalance(f"{owner!r} holds {held} < {amount}")

    def _debit(self, owner: str, amount: Nanos) -> None:
        held = self.balances[owner] - amount
        if held:
            self.balances[owner] = held
        else:
            del self.balances[owner]

    # ------------------------------------------------------------------ stakes

    @transaction
    def request_add_stake(
        self, staker: Sender, validator: Name, amount: Quantity, epoch: EpochIndex
    ) -> int:
        """Stake ``amount`` nanos with an active validator (active from the next epoch,
        IOTA-STAKE-01) or a candidate (its pool takes it at once). Returns the new stake's id.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_VALIDATOR``, ``STAKE_BELOW_MINIMUM`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        target = self._validator(validator, ValidatorStatus.ACTIVE, ValidatorStatus.CANDIDATE)
        if amount < MIN_STAKE:
            raise StakeBelowMinimum(f"stake {amount} is below the minimum {MIN_STAKE} nanos")
        self._charge(staker, amount)
        self._debit(staker, amount)
        target.pool.add_stake(amount)
        return self.new_stake(staker, validator, amount, epoch + 1)

    @transaction
    def request_withdraw_stake(
        self, staker: Sender, staked_id: StakeId, epoch: EpochIndex
    ) -> Nanos:
        """Withdraw a stake: its principal, plus its rewards once it has been active. From an
        inactive pool (its validator left) or a candidate's, the withdrawal settles at once.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_STAKE``,
        ``UNAUTHORIZED`` (someone else's stake) or ``UNKNOWN_VALIDATOR`` (a validator waiting to
        join: its pool moves no stake until it is active).
        """
        self._at(epoch)
        stake = self._owned(staker, staked_id)
        validator = self.validators[stake.validator]
        if validator.status is ValidatorStatus.PENDING:
            raise UnknownValidator(f"{stake.validator!r} is joining: its pool waits")
        pool = validator.pool
        if stake.activation_epoch > epoch and not pool.preactive:
            amount = stake.principal
            if not pool.inactive:
                pool.pending_stake -= stake.principal
        else:
            reward, tokens = pool.withdraw_amount(stake.principal, stake.activation_epoch, epoch)
            pool.rewards_pool -= reward
            amount = stake.principal + reward
            pool.pending_total_iota_withdraw += amount
            pool.pending_pool_token_withdraw += tokens
            if pool.preactive or pool.inactive:
                pool.settle_withdrawals()  # no rate is recorded
        del self.stakes[staked_id]
        self._pay(staker, amount)
        return amount

    @transaction
    def split_staked_iota(
        self, staker: Sender, staked_id: StakeId, amount: Amount, epoch: EpochIndex
    ) -> int:
        """Split ``amount`` nanos off a stake into a new one of the same pool and activation
        epoch; each part keeps at least ``IOTA_MIN_STAKE``. Returns the new stake's id.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_STAKE``, ``UNAUTHORIZED`` or ``STAKE_BELOW_MINIMUM``.
        """
        self._at(epoch)
        stake = self._owned(staker, staked_id)
        if amount > stake.principal:
            raise InvalidAmount(f"stake {staked_id} holds {stake.principal} < {amount}")
        if amount < MIN_STAKE or stake.principal - amount < MIN_STAKE:
            raise StakeBelowMinimum(f"both parts of a split keep at least {MIN_STAKE} nanos")
        self.stakes[staked_id] = StakedIota(
            staked_id, staker, stake.validator, stake.principal - amount, stake.activation_epoch
        )
        return self.new_stake(staker, stake.validator, amount, stake.activation_epoch)

    @transaction
    def join_staked_iota(
        self, staker: Sender, staked_id: StakeId, other_id: StakeId, epoch: EpochIndex
    ) -> None:
        """Join ``other_id`` into ``staked_id``: both of one pool and one activation epoch.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_STAKE``,
        ``UNAUTHORIZED`` or ``INCOMPATIBLE_STAKES``.
        """
        self._at(epoch)
        stake = self._owned(staker, staked_id)
        other = self._owned(staker, other_id)
        if staked_id == other_id or (stake.validator, stake.activation_epoch) != (
            other.validator,
            other.activation_epoch,
        ):
            raise IncompatibleStakes(f"stakes {staked_id} and {other_id} cannot be joined")
        self.stakes[staked_id] = StakedIota(
            staked_id,
            staker,
            stake.validator,
            stake.principal + other.principal,
            stake.activation_epoch,
        )
        del self.stakes[other_id]

    # ------------------------------------------------------------------ validators

    @transaction
    def request_add_validator_candidate(
        self, validator: Sender, commission_bp: CommissionBp, epoch: EpochIndex
    ) -> None:
        """The sender registers as a candidate: its pool takes stake from now on.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``COMMISSION_OUT_OF_BOUNDS``,
        ``INVALID_DAY`` or ``DUPLICATE_VALIDATOR``.
        """
        self._at(epoch)
        if validator in self.validators:
            raise DuplicateValidator(f"{validator!r} is already a validator or candidate")
        if commission_bp > MAX_COMMISSION_BP:
            raise CommissionOutOfBounds(f"commission {commission_bp} bp is above 2,000")
        self.validators[validator] = IotaValidator(
            validator,
            StakingPool(),
            commission_bp,
            commission_bp,
            ValidatorStatus.CANDIDATE,
        )

    @transaction
    def request_add_validator(self, validator: Sender, epoch: EpochIndex) -> None:
        """The candidate (the sender) asks to join; it becomes active at the next epoch change.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``
        (not a candidate), ``VALIDATOR_SET_LIMIT`` (the set would pass its maximum) or
        ``JOINING_STAKE_NOT_REACHED``.
        """
        self._at(epoch)
        candidate = self._validator(validator, ValidatorStatus.CANDIDATE)
        if next_epoch_validator_count(self) >= MAX_VALIDATORS:
            raise ValidatorSetLimit(f"the set would pass {MAX_VALIDATORS} validators")
        if candidate.pool.iota_balance < JOINING_STAKE:
            raise JoiningStakeNotReached(
                f"{validator!r} holds {candidate.pool.iota_balance} < {JOINING_STAKE} nanos"
            )
        candidate.status = ValidatorStatus.PENDING
        self.pending_active.append(validator)

    @transaction
    def request_remove_validator(self, validator: Sender, epoch: EpochIndex) -> None:
        """The validator (the sender) leaves the set at the next epoch change; its stakers then
        withdraw from the inactive pool.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``
        (not active, or already leaving) or ``VALIDATOR_SET_LIMIT`` (a set of at least the
        minimum count would fall below it).
        """
        self._at(epoch)
        target = self._validator(validator)
        if target.leaving:
            raise UnknownValidator(f"{validator!r} is already leaving")
        if (
            len(self.active) >= MIN_VALIDATORS
            and next_epoch_validator_count(self) <= MIN_VALIDATORS
        ):
            raise ValidatorSetLimit(f"the set would fall below {MIN_VALIDATORS} validators")
        target.leaving = True

    @transaction
    def request_set_commission_rate(
        self, validator: Sender, rate_bp: CommissionBp, epoch: EpochIndex
    ) -> None:
        """The validator (the sender) sets its commission from the next epoch's distribution on,
        at most 2,000 bp.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``COMMISSION_OUT_OF_BOUNDS``,
        ``INVALID_DAY`` or ``UNKNOWN_VALIDATOR``.
        """
        self._at(epoch)
        target = self._validator(validator)
        if rate_bp > MAX_COMMISSION_BP:
            raise CommissionOutOfBounds(f"commission {rate_bp} bp is above {MAX_COMMISSION_BP}")
        target.next_commission_bp = rate_bp

    @transaction
    def report_validator(self, reporter: Sender, reportee: Name, epoch: EpochIndex) -> None:
        """A committee member reports another; the report persists until undone or until either
        leaves the set (IOTA-SLASH-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``,
        ``NOT_COMMITTEE_MEMBER`` or ``CANNOT_REPORT_ONESELF``.
        """
        self._at(epoch)
        if reporter not in self.committee or reportee not in self.committee:
            raise NotCommitteeMember(
                f"{reporter!r} and {reportee!r} must both sit on the committee"
            )
        if reporter == reportee:
            raise CannotReportOneself(f"{reporter!r} reported itself")
        self.reports.setdefault(reportee, set()).add(reporter)

    @transaction
    def undo_report_validator(self, reporter: Sender, reportee: Name, epoch: EpochIndex) -> None:
        """Withdraw a report.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``,
        ``NOT_COMMITTEE_MEMBER`` or ``REPORT_NOT_FOUND``.
        """
        self._at(epoch)
        if reporter not in self.committee:
            raise NotCommitteeMember(f"{reporter!r} does not sit on the committee")
        if reporter not in self.reports.get(reportee, set()):
            raise ReportNotFound(f"{reporter!r} has not reported {reportee!r}")
        self.reports[reportee].discard(reporter)
        if not self.reports[reportee]:
            del self.reports[reportee]

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
