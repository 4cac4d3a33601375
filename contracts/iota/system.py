"""The IOTA validator set and its epoch change, as ``iota_system_state_inner.move`` and
``validator_set.move`` run them on mainnet (IOTA-*).

**The pot** (IOTA-POT-01). Each epoch the validators receive the *validator subsidy*, 767,000 IOTA,
netted against the burned base fees: when the base fees burned fall short of the subsidy the
difference is minted, when they exceed it the excess is burned. Tips (what transactions paid above
the base fee) stay in the pot, so the pot is always the subsidy plus the tips.

**Distribution.** Each committee member is allotted ``floor(voting power · pot / 10,000)``: the
split follows capped voting power, not raw stake. A member reported by members holding at least
6,667 voting power (the tallying rule; reports persist across epochs) has its allotment cut by the
reward slashing rate, which is 100 %: it gets nothing. The validator keeps
``floor(allotment · commission)``, staked for it as a new stake active from the next epoch; the
rest is deposited into its pool, appreciating the exchange rate. What is not paid -- the floors'
remainders and the slashed allotments -- is **burned**, never redistributed (IOTA-SLASH-01). Then
commission changes take effect, pending stakes and withdrawals settle, the new committee (the top
``IOTA_MAX_COMMITTEE`` validators by stake) is chosen and its voting power computed.

**Mainnet versus the newest framework.** Two features of the newest code are off here, each a
flag with its note: ``adjust_rewards_by_score`` (reward adjustment by validator score, enabled only
on devnet: mainnet passes the maximum score, so it has no effect) and ``dynamic_min_commission``
(IIP-8: an effective commission of at least the validator's voting power, protocol version 20;
shipped "on all networks" per the release notes, but this specification could not establish that
mainnet runs it). The storage fund, which never earns rewards and is supply-neutral, is not
modelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Final

from contracts.accounts import is_external
from contracts.domains import (
    Balances,
    Bool,
    Caller,
    CommissionBp,
    Domain,
    EpochIndex,
    Name,
    Quantity,
    Sender,
    StakeId,
    is_name,
)
from contracts.errors import (
    CannotReportOneself,
    CommissionOutOfBounds,
    ContractError,
    InsufficientBalance,
    InvalidAmount,
    InvalidDay,
    InvalidInput,
    NotCommitteeMember,
    ReportNotFound,
    StakeBelowMinimum,
    Unauthorized,
    UnknownStake,
    UnknownValidator,
    WidthExceeded,
)
from contracts.invariants import checker
from contracts.iota.staking_pool import StakingPool
from contracts.iota.voting_power import (
    QUORUM_THRESHOLD,
    TOTAL_VOTING_POWER,
    VotingPowerInvariant,
    cap_for,
    check_voting_power,
    compute_voting_power,
)
from contracts.transaction import constructor, query, transaction
from contracts.units import BASIS_POINTS, U64_MAX, Epoch, Nanos
from spec import parameters

VALIDATOR_SUBSIDY: Final = parameters.integer("IOTA_REWARDS_PER_EPOCH")
MIN_STAKE: Final = parameters.integer("IOTA_MIN_STAKE")
MAX_COMMISSION_BP: Final = int(parameters.ratio("IOTA_MAX_COMMISSION") * BASIS_POINTS)
REWARD_SLASHING_RATE_BP: Final = int(parameters.ratio("IOTA_REWARD_SLASHING_RATE") * BASIS_POINTS)
MAX_COMMITTEE: Final = parameters.integer("IOTA_MAX_COMMITTEE")
MAX_SCORE: Final = 65_536


@dataclass(frozen=True)
class StakedIota:
    staked_id: int
    owner: str
    validator: str
    principal: Nanos
    activation_epoch: Epoch


@dataclass
class IotaValidator:
    address: str
    pool: StakingPool
    commission_bp: int
    next_commission_bp: int
    voting_power: int = 0
    active: bool = True
    leaving: bool = False


@dataclass(frozen=True)
class EpochRecord:
    """What one epoch change did with the pot (for IOTA-POT-01 and IOTA-SLASH-01)."""

    epoch: Epoch
    pot: Nanos
    subsidy: Nanos
    tips: Nanos
    minted: Nanos
    burned_fees: Nanos
    paid: dict[str, Nanos]
    burned_leftover: Nanos
    slashed: frozenset[str]


@dataclass(frozen=True)
class GenesisValidators(Domain):
    """Genesis validators: 1 or more ``(address, stake, commission bp)``, addresses external and
    distinct, stakes u64 of at least ``IOTA_MIN_STAKE``, commissions at most 2,000 bp."""

    describe = "a list of [address, stake, commission bp]"

    def accepts(self, value: Any) -> bool:
        return self.type_error("", value) is None and self.range_error("", value) is None

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if type(value) not in (list, tuple) or not value:
            return InvalidInput(f"{name}: expected a non-empty list of validators")
        for entry in value:
            if type(entry) not in (list, tuple) or len(entry) != 3:
                return InvalidInput(f"{name}: {entry!r} is not [address, stake, commission]")
            address, stake, commission = entry
            if not is_name(address) or type(stake) is not int or type(commission) is not int:
                return InvalidInput(f"{name}: {entry!r} is not [address, stake, commission]")
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        seen: set[str] = set()
        for address, stake, commission in value:
            if not is_external(address) or address in seen:
                return InvalidInput(f"{name}: validator {address!r} is protected or repeated")
            if not MIN_STAKE <= stake <= U64_MAX:
                return InvalidInput(f"{name}: validator {address!r} stakes {stake}")
            if not 0 <= commission <= MAX_COMMISSION_BP:
                return CommissionOutOfBounds(f"{name}: genesis commission {commission!r}")
            seen.add(address)
        if sum(stake for _, stake, _ in value) > U64_MAX:
            return WidthExceeded(f"{name}: the validators' stake exceeds 2^64 − 1")
        return None


Validators = Annotated[Sequence[tuple[str, Nanos, int]], GenesisValidators()]


@dataclass(frozen=True)
class EpochPlan:
    """Everything an epoch change will write, computed and checked before any of it is."""

    subsidy: Nanos
    tips: Nanos
    minted: Nanos
    burned_fees: Nanos
    burned_excess: Nanos
    pot: Nanos
    slashed: frozenset[str]
    #: (validator, allotted, commission) per committee member, in committee order.
    allotments: tuple[tuple[str, Nanos, Nanos], ...]
    leftover: Nanos
    committee: tuple[str, ...]
    voting_power: dict[str, int]


@dataclass
class IotaStaking:
    """The validator set, stakes and the epoch change of today's IOTA network."""

    balances: dict[str, Nanos]
    epoch: Epoch = 0
    adjust_rewards_by_score: bool = False
    dynamic_min_commission: bool = False
    validators: dict[str, IotaValidator] = field(default_factory=dict)
    stakes: dict[int, StakedIota] = field(default_factory=dict)
    reports: dict[str, set[str]] = field(default_factory=dict)
    committee: list[str] = field(default_factory=list)
    computation_charge: Nanos = 0
    computation_charge_burned: Nanos = 0
    minted: Nanos = 0
    burned: Nanos = 0
    genesis_supply: Nanos = 0
    records: list[EpochRecord] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    next_stake_id: int = 1

    @classmethod
    @constructor
    def genesis(
        cls,
        balances: Balances,
        validators: Validators,
        adjust_rewards_by_score: Bool = False,
        dynamic_min_commission: Bool = False,
    ) -> IotaStaking:
        """A network at epoch 0: liquid balances, and validators with active genesis stake.

        Raises ``INVALID_INPUT``, ``INVALID_AMOUNT``, ``PROTECTED_ACCOUNT``,
        ``COMMISSION_OUT_OF_BOUNDS`` or ``WIDTH_EXCEEDED``.
        """
        system = cls(
            {a: v for a, v in balances.items() if v},
            adjust_rewards_by_score=adjust_rewards_by_score,
            dynamic_min_commission=dynamic_min_commission,
        )
        for address, stake, commission_bp in validators:
            # A pre-active pool joins its stake at once, at the initial (0, 0) rate.
            pool = StakingPool(activation_epoch=0, iota_balance=stake, pool_token_balance=stake)
            system.validators[address] = IotaValidator(address, pool, commission_bp, commission_bp)
            system._new_stake(address, address, stake, 0)
        if system.compute_supply() > U64_MAX:
            raise WidthExceeded("the genesis supply exceeds 2^64 − 1")
        system.genesis_supply = system.compute_supply()
        stake_of = {a: v.pool.iota_balance for a, v in system.validators.items()}
        ranked = sorted(stake_of, key=lambda a: (stake_of[a], a), reverse=True)
        committee = ranked[:MAX_COMMITTEE]
        system._seat(committee, compute_voting_power([(a, stake_of[a]) for a in committee]))
        return system

    # ------------------------------------------------------------------ supply

    @query
    def supply(self) -> Nanos:
        """Every coin: liquid, staked principals, pools' rewards, and this epoch's gas."""
        return self.compute_supply()

    def compute_supply(self) -> Nanos:
        return (
            sum(self.balances.values())
            + sum(s.principal for s in self.stakes.values())
            + sum(v.pool.rewards_pool for v in self.validators.values())
            + self.computation_charge
        )

    # ------------------------------------------------------------------ checks

    def _at(self, epoch: Epoch) -> None:
        if epoch != self.epoch:
            raise InvalidDay(f"epoch {epoch} is not the current epoch {self.epoch}")

    def _validator(self, address: str) -> IotaValidator:
        validator = self.validators.get(address)
        if validator is None or not validator.active:
            raise UnknownValidator(f"no active validator {address!r}")
        return validator

    def _new_stake(self, owner: str, validator: str, principal: Nanos, activation: Epoch) -> int:
        staked_id = self.next_stake_id
        self.next_stake_id += 1
        self.stakes[staked_id] = StakedIota(staked_id, owner, validator, principal, activation)
        return staked_id

    # ------------------------------------------------------------------ transactions

    @transaction
    def request_add_stake(
        self, staker: Sender, validator: Name, amount: Quantity, epoch: EpochIndex
    ) -> int:
        """Stake ``amount`` nanos with ``validator``; active from the next epoch (IOTA-STAKE-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_VALIDATOR``, ``STAKE_BELOW_MINIMUM`` or ``INSUFFICIENT_BALANCE``. Returns the
        new stake's id.
        """
        self._at(epoch)
        target = self._validator(validator)
        if amount < MIN_STAKE:
            raise StakeBelowMinimum(f"stake {amount} is below the minimum {MIN_STAKE} nanos")
        held = self.balances.get(staker, 0)
        if held < amount:
            raise InsufficientBalance(f"{staker!r} holds {held} < {amount}")
        if held == amount:
            del self.balances[staker]
        else:
            self.balances[staker] = held - amount
        target.pool.pending_stake += amount
        return self._new_stake(staker, validator, amount, epoch + 1)

    @transaction
    def request_withdraw_stake(
        self, staker: Sender, staked_id: StakeId, epoch: EpochIndex
    ) -> Nanos:
        """Withdraw a stake: its principal, plus its rewards once it has been active.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_STAKE`` or
        ``UNAUTHORIZED`` (someone else's stake).
        """
        self._at(epoch)
        stake = self.stakes.get(staked_id)
        if stake is None:
            raise UnknownStake(f"no stake {staked_id!r}")
        if stake.owner != staker:
            raise Unauthorized(f"stake {staked_id} belongs to {stake.owner!r}", caller=staker)
        pool = self.validators[stake.validator].pool
        if stake.activation_epoch > epoch:
            amount = stake.principal
            if pool.deactivation_epoch is None:
                pool.pending_stake -= stake.principal
        else:
            reward, tokens = pool.withdraw_amount(stake.principal, stake.activation_epoch, epoch)
            pool.rewards_pool -= reward
            amount = stake.principal + reward
            pool.pending_total_iota_withdraw += amount
            pool.pending_pool_token_withdraw += tokens
            if pool.deactivation_epoch is not None:
                pool.process_pending(epoch)  # an inactive pool settles at once
        del self.stakes[staked_id]
        self.balances[staker] = self.balances.get(staker, 0) + amount
        return amount

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
        """A committee member reports another; the report persists until undone (IOTA-SLASH-01).

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
    def request_remove_validator(self, validator: Sender, epoch: EpochIndex) -> None:
        """The validator (the sender) leaves the set at the next epoch change; stakers may then
        withdraw.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY`` or
        ``UNKNOWN_VALIDATOR``.
        """
        self._at(epoch)
        self._validator(validator).leaving = True

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
        held = self.balances.get(payer, 0)
        if held < computation_fee:
            raise InsufficientBalance(f"{payer!r} cannot pay {computation_fee}")
        if not computation_fee:
            return
        if held == computation_fee:
            del self.balances[payer]
        else:
            self.balances[payer] = held - computation_fee
        self.computation_charge += computation_fee
        self.computation_charge_burned += computation_fee - tip

    # ------------------------------------------------------------------ the epoch change

    @query
    def slashed_validators(self) -> frozenset[str]:
        """Committee members reported by members holding at least the quorum (6,667)."""
        return self.compute_slashed()

    def compute_slashed(self) -> frozenset[str]:
        power = {v: self.validators[v].voting_power for v in self.committee}
        return frozenset(
            reportee
            for reportee, reporters in self.reports.items()
            if reportee in power and sum(power.get(r, 0) for r in reporters) >= QUORUM_THRESHOLD
        )

    def plan_epoch(self) -> EpochPlan:
        """What the epoch change will do (pure): the pot, each member's allotment and
        commission, what is burned, and the next committee with its voting power.

        Raises ``VOTING_POWER_INVARIANT`` when the next committee's voting power cannot be set,
        and ``WIDTH_EXCEEDED`` when a pool would pass 2^64 − 1.
        """
        subsidy = VALIDATOR_SUBSIDY
        burned_fees = self.computation_charge_burned
        tips = self.computation_charge - burned_fees
        pot = subsidy + tips
        slashed = self.compute_slashed()
        allotments = []
        for address in self.committee:
            validator = self.validators[address]
            allotted = validator.voting_power * pot // TOTAL_VOTING_POWER
            if self.adjust_rewards_by_score:
                allotted = self.scores.get(address, MAX_SCORE) * allotted // MAX_SCORE
            if address in slashed:
                allotted -= allotted * REWARD_SLASHING_RATE_BP // BASIS_POINTS
            rate = validator.commission_bp
            if self.dynamic_min_commission:
                rate = max(rate, validator.voting_power)
            allotments.append((address, allotted, allotted * rate // BASIS_POINTS))
        leftover = pot - sum(allotted for _, allotted, _ in allotments)
        # Each pool's IOTA after the boundary: rewards deposited, withdrawals settled, pending
        # stake (and the commission staked for the validator) joined.
        gained = {address: allotted for address, allotted, _ in allotments}
        after: dict[str, Nanos] = {}
        for address, validator in self.validators.items():
            if not validator.active:
                continue
            pool = validator.pool
            after[address] = (
                pool.iota_balance
                + gained.get(address, 0)
                - pool.pending_total_iota_withdraw
                + pool.pending_stake
            )
            if after[address] > U64_MAX:
                raise WidthExceeded(f"validator {address!r}'s pool would pass 2^64 − 1")
        staying = [a for a, v in self.validators.items() if v.active and not v.leaving]
        ranked = sorted(staying, key=lambda a: (after[a], a), reverse=True)
        committee = tuple(ranked[:MAX_COMMITTEE])
        powers = compute_voting_power([(a, after[a]) for a in committee]) if committee else {}
        return EpochPlan(
            subsidy=subsidy,
            tips=tips,
            minted=max(subsidy - burned_fees, 0),
            burned_fees=burned_fees,
            burned_excess=max(burned_fees - subsidy, 0),
            pot=pot,
            slashed=slashed,
            allotments=tuple(allotments),
            leftover=leftover,
            committee=committee,
            voting_power=powers,
        )

    @transaction
    def advance_epoch(self, caller: Caller) -> EpochRecord:
        """End the epoch: net the subsidy against burned fees, pay the pot, settle pools, choose
        the next committee. The system's call; one atomic step.

        Raises ``INVALID_INPUT``, ``UNAUTHORIZED``, ``VOTING_POWER_INVARIANT`` or
        ``WIDTH_EXCEEDED``, before anything changes.
        """
        plan = self.plan_epoch()
        # Effects: nothing below can fail.
        self.minted += plan.minted
        self.burned += plan.burned_excess + plan.leftover
        paid: dict[str, Nanos] = {}
        for address, allotted, commission in plan.allotments:
            validator = self.validators[address]
            validator.pool.deposit_rewards(allotted - commission)
            if commission:
                validator.pool.pending_stake += commission
                self._new_stake(address, address, commission, self.epoch + 1)
            paid[address] = allotted
        for validator in self.validators.values():
            validator.commission_bp = validator.next_commission_bp
        new_epoch = self.epoch + 1
        for validator in self.validators.values():
            if validator.active:
                validator.pool.process_pending(new_epoch)
        for validator in self.validators.values():
            if validator.active and validator.leaving:
                validator.active = False
                validator.pool.deactivation_epoch = new_epoch
                self._clean_reports(validator.address)
        record = EpochRecord(
            self.epoch,
            plan.pot,
            plan.subsidy,
            plan.tips,
            plan.minted,
            plan.burned_fees,
            paid,
            plan.leftover,
            plan.slashed,
        )
        self.records.append(record)
        self.computation_charge = 0
        self.computation_charge_burned = 0
        self.epoch = new_epoch
        self._seat(plan.committee, plan.voting_power)
        return record

    def _clean_reports(self, address: str) -> None:
        self.reports.pop(address, None)
        for reportee in list(self.reports):
            self.reports[reportee].discard(address)
            if not self.reports[reportee]:
                del self.reports[reportee]

    def _seat(self, committee: Sequence[str], powers: dict[str, int]) -> None:
        """Seat the committee (the top validators by stake; ties: the larger address) with its
        voting power."""
        self.committee = list(committee)
        for validator in self.validators.values():
            validator.voting_power = powers.get(validator.address, 0)
        for reportee in list(self.reports):
            if reportee not in self.committee:
                # A report about a validator that left the committee lapses with its seat.
                del self.reports[reportee]

    def snapshot(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "balances": dict(sorted(self.balances.items())),
            "validators": {
                a: {
                    "commissionBp": v.commission_bp,
                    "nextCommissionBp": v.next_commission_bp,
                    "votingPower": v.voting_power,
                    "active": v.active,
                    "leaving": v.leaving,
                    "pool": v.pool.snapshot(),
                }
                for a, v in sorted(self.validators.items())
            },
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


# ----------------------------------------------------------------------------- checkers


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


@checker("IOTA-POOL-01", IotaStaking)
def _check_pools(system: IotaStaking) -> list[str]:
    """Active pools reconcile with their exchange rate; pending stake is the pending stakes'."""
    problems = []
    for address, validator in system.validators.items():
        pool = validator.pool
        if pool.rewards_pool < 0 or pool.iota_balance < 0:
            problems.append(f"{address}: negative pool balance")
        if not validator.active:
            continue
        settled_iota = pool.iota_balance - pool.pending_total_iota_withdraw
        settled_tokens = pool.pool_token_balance - pool.pending_pool_token_withdraw
        if settled_tokens < 0 or settled_iota < 0:
            problems.append(f"{address}: withdrawals exceed the pool")
        rate = pool.rate_at(system.epoch)
        if (
            pool.pending_total_iota_withdraw == 0
            and rate.tokens_for(pool.iota_balance) != pool.pool_token_balance
        ):
            problems.append(f"{address}: pool tokens do not match the exchange rate")
        pending = sum(
            s.principal
            for s in system.stakes.values()
            if s.validator == address and s.activation_epoch > system.epoch
        )
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
