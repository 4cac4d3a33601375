"""The Assembly root chain: validator bonds, delegation, committees, rewards and slashing.

Seeds: "Validators ... are required to deposit Assembly tokens as a security bond in the Assembly
Root chain smart contract"; "the validator can also use tokens that Assembly token holders pledged
to the validator"; validators "pay a part of their earned profits to the Assembly holders who
pledged their tokens"; "a deposited stake ... can be partially or fully slashed"; "Slashed tokens
are burned by the network". Where the seeds leave a number or mechanism open, the rule follows the
Cosmos SDK (x/staking, x/slashing, x/distribution), as each rule below says.

**Validator pools** (ROOT-BOND-01). Each validator has a pool of bonded tokens and of *shares*,
as Cosmos validators do: a holder who bonds ``a`` tokens receives ``floor(a · shares / tokens)``
shares (1:1 for an empty pool); a holder's stake is worth ``floor(shares_h · tokens / shares)``.
The operator's own bond is its delegation to its own pool, and must stay worth at least the
minimum bond while the validator is active. The security bond is the pool's tokens: own plus
delegated stake.

**Time.** Every call names the epoch it is made in, which must be the current epoch;
:meth:`RootChain.end_epoch` and :meth:`RootChain.begin_epoch` move the clock (the network wires
them with governance, see :mod:`contracts.assembly`).

**Rewards** (ROOT-REWARD-01). At the end of each epoch the inflation of that epoch (the adopted
yearly-provision convention, at the governance-controlled rate) is minted and split among the
eligible validators -- active, operational, with stake that was bonded for the whole epoch -- in
proportion to that stake; each chain's fees are split among its committee members the same way.
Each validator keeps its commission (``floor(reward · commission)``) and shares the rest with
the pool's shares through the reward accumulator, so stake earns from the epoch after it was
bonded (ROOT-REWARD-02). Remainders of the splits go to the community pool, as in Cosmos
x/distribution.

**Commission** (ROOT-COMMISSION-01). Within the governance bounds; a change applies from the next
epoch.

**Unbonding** (ROOT-UNBOND-01). Unbonding stake stops earning at once and is released after
``ASMB_UNBONDING_EPOCHS``. An exiting validator's whole pool unbonds together.

**Slashing** (ROOT-SLASH-01). Only the slashing authority, only with evidence: a validator, the
epoch of the offence (not older than the unbonding period), a severity and a unique id. The
severity's fraction f is taken from the pool's current tokens (``floor(tokens · f)``, as Cosmos
truncates) and from every unbonding entry of the pool created at or after the offence epoch --
stake still unbonding that was bonded at the offence. Everything slashed is **burned**: the
supply falls by exactly the slashed amount. A critical offence (f = 1) tombstones the validator.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from contracts.accumulator import RewardAccumulator
from contracts.committees import Chain, FeePolicy, draw_committees, seeded_uniform
from contracts.errors import (
    BondBelowMinimum,
    CommissionOutOfBounds,
    DuplicateChain,
    DuplicateValidator,
    FeesNotAccepted,
    InsufficientStake,
    InvalidAmount,
    InvalidDay,
    InvalidEvidence,
    InvalidInput,
    NothingToWithdraw,
    Unauthorized,
    UnknownChain,
    UnknownHolder,
    UnknownValidator,
    ValidatorNotAccepting,
)
from contracts.inflation import YearlyProvision
from contracts.invariants import checker
from contracts.ledger import (
    BONDED_POOL,
    COMMUNITY,
    INFLATION_AUTHORITY,
    REWARDS_POOL,
    SLASHING_AUTHORITY,
    UNBONDING_POOL,
    Ledger,
)
from contracts.params import ParameterStore
from contracts.units import BASIS_POINTS, U32_MAX, U64_MAX, Epoch, MicroAsmb, is_uint
from spec import parameters

EPOCHS_PER_YEAR: Final = parameters.integer("ASMB_EPOCHS_PER_YEAR")


class Status(Enum):
    ACTIVE = "active"
    EXITING = "exiting"
    TOMBSTONED = "tombstoned"


class Severity(Enum):
    """Offence severities and the parameters that give their slash fractions."""

    MINOR = "SLASH_FRACTION_MINOR"
    MAJOR = "SLASH_FRACTION_MAJOR"
    CRITICAL = "SLASH_FRACTION_CRITICAL"


@dataclass(frozen=True)
class Evidence:
    """A proof of misbehaviour, as the Main Assembly validates it."""

    evidence_id: str
    validator_id: str
    offence_epoch: Epoch
    severity: Severity


@dataclass
class Validator:
    validator_id: str
    operator: str
    operational: bool
    commission_bp: int
    registered_epoch: Epoch
    status: Status = Status.ACTIVE
    next_commission_bp: int | None = None
    exit_epoch: Epoch | None = None
    tokens: MicroAsmb = 0
    shares: int = 0
    rewards: RewardAccumulator = field(default_factory=RewardAccumulator)

    def value_of(self, shares: int) -> MicroAsmb:
        """Tokens that ``shares`` of this pool are worth (floor)."""
        return shares * self.tokens // self.shares if self.shares else 0

    def shares_for(self, amount: MicroAsmb) -> int:
        """Shares that bonding ``amount`` tokens buys (floor; 1:1 for an empty pool)."""
        if self.shares == 0:
            return amount
        return amount * self.shares // self.tokens

    def active_weight(self) -> MicroAsmb:
        """Tokens of the shares bonded for the whole current epoch."""
        return self.value_of(self.rewards.total_active)


@dataclass(frozen=True)
class UnbondingEntry:
    owner: str
    validator_id: str
    amount: MicroAsmb
    created_epoch: Epoch
    matures_epoch: Epoch


class RootChain:
    """Validators, delegations, committees, epoch rewards and slashing."""

    def __init__(self, ledger: Ledger, params: ParameterStore) -> None:
        self.ledger = ledger
        self.params = params
        self.epoch: Epoch = 0
        self.validators: dict[str, Validator] = {}
        self.operators: dict[str, str] = {}
        self.unbonding: list[UnbondingEntry] = []
        self.chains: dict[str, Chain] = {}
        self.committees: dict[str, list[str]] = {}
        self.fees: dict[str, MicroAsmb] = defaultdict(int)
        self.used_evidence: set[str] = set()
        #: (evidence id, burned from the pool, burned from unbonding entries) per slash.
        self.slash_log: list[tuple[str, MicroAsmb, MicroAsmb]] = []
        self.provision = YearlyProvision(EPOCHS_PER_YEAR)
        self.delegated_to: dict[str, set[str]] = defaultdict(set)
        #: Totals for the invariant checkers and reports.
        self.minted_rewards: MicroAsmb = 0
        self.slashed: MicroAsmb = 0
        self.commission_paid: MicroAsmb = 0
        self.fees_paid: MicroAsmb = 0
        self.rewards_to_community: MicroAsmb = 0
        self.to_community: MicroAsmb = 0

    # ------------------------------------------------------------------ checks

    def _at(self, epoch: Epoch) -> None:
        if not is_uint(epoch, U32_MAX) or epoch != self.epoch:
            raise InvalidDay(f"epoch {epoch!r} is not the current epoch {self.epoch}", epoch=epoch)

    def _validator(self, validator_id: str) -> Validator:
        validator = self.validators.get(validator_id)
        if validator is None:
            raise UnknownValidator(f"no validator {validator_id!r}", validator=validator_id)
        return validator

    def _operated(self, caller: str, validator_id: str) -> Validator:
        validator = self._validator(validator_id)
        if validator.operator != caller:
            raise Unauthorized(f"{caller!r} does not operate {validator_id!r}", caller=caller)
        return validator

    @staticmethod
    def _amount(amount: object) -> None:
        if not is_uint(amount, U64_MAX) or amount == 0:
            raise InvalidAmount(f"amount {amount!r} is not in 1..2^64-1")

    def _commission(self, rate_bp: object) -> None:
        low = self.params.basis_points("ASMB_MIN_COMMISSION")
        high = self.params.basis_points("ASMB_MAX_COMMISSION")
        if (
            not isinstance(rate_bp, int)
            or not is_uint(rate_bp, BASIS_POINTS)
            or not low <= rate_bp <= high
        ):
            raise CommissionOutOfBounds(
                f"commission {rate_bp!r} bp is outside {low}..{high} bp", rate=rate_bp
            )

    # ------------------------------------------------------------------ validators

    def register_validator(
        self,
        operator: str,
        validator_id: str,
        bond: MicroAsmb,
        commission_bp: int,
        operational: bool,
        epoch: Epoch,
    ) -> None:
        """Register a validator with its self-bond ("anyone can become a validator").

        Raises ``InvalidDay``, ``InvalidInput``, ``DuplicateValidator``, ``InvalidAmount``,
        ``BondBelowMinimum``, ``CommissionOutOfBounds`` or ``InsufficientBalance``.
        """
        self._at(epoch)
        if not isinstance(validator_id, str) or not validator_id:
            raise InvalidInput(f"validator id {validator_id!r} is not a non-empty string")
        if validator_id in self.validators or operator in self.operators:
            raise DuplicateValidator(f"validator {validator_id!r} or operator exists")
        self._amount(bond)
        minimum = self.params.integer("ASMB_MIN_VALIDATOR_BOND")
        if bond < minimum:
            raise BondBelowMinimum(f"bond {bond} is below the minimum {minimum}")
        self._commission(commission_bp)
        self.ledger.check_transfer(operator, BONDED_POOL, bond)
        validator = Validator(validator_id, operator, bool(operational), commission_bp, epoch)
        self.validators[validator_id] = validator
        self.operators[operator] = validator_id
        self._bond(validator, operator, bond)

    def _bond(self, validator: Validator, holder: str, amount: MicroAsmb) -> None:
        shares = validator.shares_for(amount)
        self.ledger.transfer(holder, BONDED_POOL, amount)
        validator.tokens += amount
        validator.shares += shares
        validator.rewards.stake(holder, shares)
        self.delegated_to[holder].add(validator.validator_id)

    def delegate(self, holder: str, validator_id: str, amount: MicroAsmb, epoch: Epoch) -> None:
        """Pledge ``amount`` to a validator (a top-up when ``holder`` is its operator).

        The stake counts in the security bond at once and earns from the next epoch. Raises
        ``InvalidDay``, ``UnknownValidator``, ``ValidatorNotAccepting``, ``InvalidAmount`` or
        ``InsufficientBalance``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if validator.status is not Status.ACTIVE or (validator.shares and not validator.tokens):
            raise ValidatorNotAccepting(f"validator {validator_id!r} is {validator.status.value}")
        self._amount(amount)
        if validator.shares_for(amount) == 0:
            raise InvalidAmount(f"{amount} buys no share of {validator_id!r}'s pool")
        self.ledger.check_transfer(holder, BONDED_POOL, amount)
        self._bond(validator, holder, amount)

    def undelegate(self, holder: str, validator_id: str, amount: MicroAsmb, epoch: Epoch) -> None:
        """Start unbonding ``amount`` tokens of ``holder``'s stake with a validator.

        Removes ``ceil(amount · shares / tokens)`` shares (rounding in the pool's favour); the
        tokens stop earning at once and are released after the unbonding delay. The operator
        cannot go below the minimum bond while its validator is active. Raises ``InvalidDay``,
        ``UnknownValidator``, ``ValidatorNotAccepting``, ``InvalidAmount``, ``UnknownHolder``,
        ``InsufficientStake`` or ``BondBelowMinimum``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if validator.status is Status.EXITING:
            raise ValidatorNotAccepting(f"validator {validator_id!r} is already exiting")
        self._amount(amount)
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        held = sum(validator.rewards.stake_of(holder))
        if validator.tokens == 0:
            raise InsufficientStake(f"{validator_id!r}'s pool holds no tokens")
        shares = -(-amount * validator.shares // validator.tokens)
        if shares > held:
            raise InsufficientStake(
                f"{holder!r} unbonds {amount} but its stake is worth {validator.value_of(held)}"
            )
        if holder == validator.operator and validator.status is Status.ACTIVE:
            remaining = validator.value_of(held - shares)
            minimum = self.params.integer("ASMB_MIN_VALIDATOR_BOND")
            if remaining < minimum:
                raise BondBelowMinimum(
                    f"the operator's bond would fall to {remaining}, below {minimum}; exit instead"
                )
        validator.rewards.unstake(holder, shares)
        validator.tokens -= amount
        validator.shares -= shares
        self.ledger.transfer(BONDED_POOL, UNBONDING_POOL, amount)
        delay = self.params.integer("ASMB_UNBONDING_EPOCHS")
        self.unbonding.append(UnbondingEntry(holder, validator_id, amount, epoch, epoch + delay))

    def withdraw_unbonded(self, holder: str, epoch: Epoch) -> MicroAsmb:
        """Release every matured unbonding entry of ``holder`` to its balance."""
        self._at(epoch)
        matured = [e for e in self.unbonding if e.owner == holder and e.matures_epoch <= epoch]
        total = sum(e.amount for e in matured)
        if not matured:
            raise NothingToWithdraw(f"{holder!r} has no matured unbonding entry")
        self.unbonding = [
            e for e in self.unbonding if not (e.owner == holder and e.matures_epoch <= epoch)
        ]
        if total:
            self.ledger.transfer(UNBONDING_POOL, holder, total)
        return total

    def exit_validator(self, operator: str, validator_id: str, epoch: Epoch) -> None:
        """Leave the validator set: the whole pool unbonds and stops earning at once."""
        self._at(epoch)
        validator = self._operated(operator, validator_id)
        if validator.status is not Status.ACTIVE:
            raise ValidatorNotAccepting(f"validator {validator_id!r} is {validator.status.value}")
        validator.status = Status.EXITING
        validator.exit_epoch = epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")

    def withdraw_exited(self, holder: str, validator_id: str, epoch: Epoch) -> MicroAsmb:
        """After an exit (or a tombstoning) has matured, take out ``holder``'s share of the pool."""
        self._at(epoch)
        validator = self._validator(validator_id)
        if validator.status is Status.ACTIVE or (
            validator.exit_epoch is not None and epoch < validator.exit_epoch
        ):
            raise ValidatorNotAccepting(f"validator {validator_id!r}'s pool has not been released")
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        shares = sum(validator.rewards.stake_of(holder))
        if shares == 0:
            raise NothingToWithdraw(f"{holder!r} holds no shares of {validator_id!r}")
        amount = validator.value_of(shares)
        validator.rewards.unstake(holder, shares)
        validator.tokens -= amount
        validator.shares -= shares
        if validator.shares == 0 and validator.tokens:
            # Rounding dust of an emptied pool goes to the community pool.
            dust = validator.tokens
            validator.tokens = 0
            self.ledger.transfer(BONDED_POOL, COMMUNITY, dust)
            self.to_community += dust
        if amount:
            self.ledger.transfer(BONDED_POOL, holder, amount)
        return amount

    def set_commission(self, operator: str, validator_id: str, rate_bp: int, epoch: Epoch) -> None:
        """Set the commission from the next epoch on (ROOT-COMMISSION-01)."""
        self._at(epoch)
        validator = self._operated(operator, validator_id)
        self._commission(rate_bp)
        validator.next_commission_bp = rate_bp

    def set_operational(
        self, operator: str, validator_id: str, operational: bool, epoch: Epoch
    ) -> None:
        """Declare whether the validator's node is operational (only then does it earn and sit)."""
        self._at(epoch)
        self._operated(operator, validator_id).operational = bool(operational)

    def claim_rewards(self, holder: str, validator_id: str, epoch: Epoch) -> MicroAsmb:
        """Pay ``holder`` its whole µASMB of rewards from one validator's pool."""
        self._at(epoch)
        validator = self._validator(validator_id)
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        paid = validator.rewards.claim(holder)
        if paid:
            self.ledger.transfer(REWARDS_POOL, holder, paid)
        return paid

    # ------------------------------------------------------------------ slashing

    def slash(self, caller: str, evidence: Evidence | None, epoch: Epoch) -> MicroAsmb:
        """Slash and burn the severity's fraction of a validator's bonded and unbonding stake.

        Raises ``Unauthorized`` (only the slashing authority), ``InvalidEvidence`` (missing,
        unknown severity, reused, from the future or older than the unbonding period, or before
        the validator existed) or ``UnknownValidator``. Returns the amount burned.
        """
        self._at(epoch)
        if caller != SLASHING_AUTHORITY:
            raise Unauthorized(f"{caller!r} is not the slashing authority", caller=caller)
        if not isinstance(evidence, Evidence) or not evidence.evidence_id:
            raise InvalidEvidence("slashing needs evidence of a provable misbehaviour")
        if not isinstance(evidence.severity, Severity):
            raise InvalidEvidence(f"unknown severity {evidence.severity!r}")
        if evidence.evidence_id in self.used_evidence:
            raise InvalidEvidence(f"evidence {evidence.evidence_id!r} was already used")
        validator = self._validator(evidence.validator_id)
        oldest = epoch - self.params.integer("ASMB_UNBONDING_EPOCHS")
        if not is_uint(evidence.offence_epoch, U32_MAX) or not (
            max(oldest, validator.registered_epoch) <= evidence.offence_epoch <= epoch
        ):
            raise InvalidEvidence(
                f"offence epoch {evidence.offence_epoch!r} is outside "
                f"{max(oldest, validator.registered_epoch)}..{epoch}"
            )
        fraction = self.params.get(evidence.severity.value)
        from_pool = int(validator.tokens * fraction)
        entries = []
        from_unbonding = 0
        for entry in self.unbonding:
            if (
                entry.validator_id == validator.validator_id
                and entry.created_epoch >= evidence.offence_epoch
            ):
                cut = int(entry.amount * fraction)
                from_unbonding += cut
                entry = UnbondingEntry(
                    entry.owner,
                    entry.validator_id,
                    entry.amount - cut,
                    entry.created_epoch,
                    entry.matures_epoch,
                )
            entries.append(entry)
        self.used_evidence.add(evidence.evidence_id)
        self.slash_log.append((evidence.evidence_id, from_pool, from_unbonding))
        self.unbonding = entries
        validator.tokens -= from_pool
        self.ledger.burn(SLASHING_AUTHORITY, BONDED_POOL, from_pool)
        self.ledger.burn(SLASHING_AUTHORITY, UNBONDING_POOL, from_unbonding)
        if fraction == 1:
            validator.status = Status.TOMBSTONED
            validator.exit_epoch = epoch
        elif validator.status is Status.ACTIVE:
            # "Misbehavior ... leads to stake slashing and the rotation of the validator."
            validator.status = Status.EXITING
            validator.exit_epoch = epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")
        self.slashed += from_pool + from_unbonding
        return from_pool + from_unbonding

    # ------------------------------------------------------------------ chains and fees

    def register_chain(
        self,
        owner: str,
        chain_id: str,
        tier: int,
        committee_size: int,
        fee_policy: FeePolicy,
        epoch: Epoch,
    ) -> None:
        """Register a smart-contract chain; it gets a committee from the next epoch's draw."""
        self._at(epoch)
        if not isinstance(chain_id, str) or not chain_id:
            raise InvalidInput(f"chain id {chain_id!r} is not a non-empty string")
        if chain_id in self.chains:
            raise DuplicateChain(f"chain {chain_id!r} is already registered")
        if not is_uint(tier, U32_MAX) or not is_uint(committee_size, 1_000) or committee_size == 0:
            raise InvalidInput(f"tier {tier!r} or committee size {committee_size!r} is invalid")
        if not isinstance(fee_policy, FeePolicy):
            raise InvalidInput(f"fee policy {fee_policy!r} is not a FeePolicy")
        self.chains[chain_id] = Chain(chain_id, owner, tier, committee_size, fee_policy)

    def pay_fees(self, payer: str, chain_id: str, amount: MicroAsmb, epoch: Epoch) -> None:
        """Pay a chain's execution fees; its committee shares them at the end of the epoch."""
        self._at(epoch)
        chain = self.chains.get(chain_id)
        if chain is None:
            raise UnknownChain(f"no chain {chain_id!r}")
        if chain.fee_policy is FeePolicy.ZERO_FEES:
            raise FeesNotAccepted(f"chain {chain_id!r} runs with zero fees")
        self._amount(amount)
        self.ledger.transfer(payer, REWARDS_POOL, amount)
        self.fees[chain_id] += amount
        self.fees_paid += amount

    # ------------------------------------------------------------------ epochs

    def eligible_weights(self) -> dict[str, MicroAsmb]:
        """Stake of every validator eligible for rewards and committees this epoch."""
        weights = {}
        for vid, validator in self.validators.items():
            if validator.status is Status.ACTIVE and validator.operational:
                weight = validator.active_weight()
                if weight > 0:
                    weights[vid] = weight
        return weights

    def _split(self, amount: MicroAsmb, weights: dict[str, MicroAsmb]) -> dict[str, MicroAsmb]:
        total = sum(weights.values())
        if total == 0:
            return {}
        return {vid: amount * weight // total for vid, weight in weights.items()}

    def end_epoch(self) -> None:
        """Mint the epoch's inflation and pay it and the fees to validators and delegators.

        Then apply pending commission changes and let this epoch's new stake start earning.
        Costs O(validators + chains + seats), whatever the number of delegators.
        """
        weights = self.eligible_weights()
        rate_bp = self.params.basis_points("ASMB_INFLATION_RATE")
        mint = self.provision.mint_for_epoch(self.ledger.supply(), rate_bp)
        self.ledger.mint(INFLATION_AUTHORITY, REWARDS_POOL, mint)
        self.minted_rewards += mint
        rewards = self._split(mint, weights)
        for chain_id, fees in sorted(self.fees.items()):
            members = {v: weights[v] for v in self.committees.get(chain_id, []) if v in weights}
            for vid, share in self._split(fees, members).items():
                rewards[vid] = rewards.get(vid, 0) + share
        pot = mint + sum(self.fees.values())
        paid = 0
        for vid, reward in sorted(rewards.items()):
            validator = self.validators[vid]
            commission = reward * validator.commission_bp // BASIS_POINTS
            if commission:
                self.ledger.transfer(REWARDS_POOL, validator.operator, commission)
                self.commission_paid += commission
            validator.rewards.distribute(reward - commission)
            paid += reward
        remainder = pot - paid
        if remainder:
            self.ledger.transfer(REWARDS_POOL, COMMUNITY, remainder)
            self.rewards_to_community += remainder
            self.to_community += remainder
        self.fees = defaultdict(int)
        for validator in self.validators.values():
            if validator.next_commission_bp is not None:
                validator.commission_bp = validator.next_commission_bp
                validator.next_commission_bp = None
            validator.rewards.close_period()
        self.epoch += 1

    def begin_epoch(self, seed: bytes) -> None:
        """Rotate out validators below the minimum bond, then draw committees (COMMITTEE-01).

        An active validator whose operator bond is below the minimum in force (governance may
        have raised it) is made to exit, as IOTA's validator set removes low-stake validators at
        the epoch change.
        """
        if not isinstance(seed, bytes) or not seed:
            raise InvalidInput("the epoch seed must be non-empty bytes")
        minimum = self.params.integer("ASMB_MIN_VALIDATOR_BOND")
        for validator in self.validators.values():
            if validator.status is Status.ACTIVE and self.operator_bond(validator) < minimum:
                validator.status = Status.EXITING
                validator.exit_epoch = self.epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")
        self.committees = draw_committees(
            list(self.chains.values()), self.eligible_weights(), seeded_uniform(seed, self.epoch)
        )

    # ------------------------------------------------------------------ queries

    @staticmethod
    def operator_bond(validator: Validator) -> MicroAsmb:
        """What the operator's own shares of its pool are worth."""
        if validator.operator not in validator.rewards.positions:
            return 0
        return validator.value_of(sum(validator.rewards.stake_of(validator.operator)))

    def bonded_value(self, holder: str) -> MicroAsmb:
        """Tokens ``holder``'s shares in active pools are worth (its voting power)."""
        total = 0
        for vid in self.delegated_to.get(holder, ()):
            validator = self.validators[vid]
            if validator.status is Status.ACTIVE and holder in validator.rewards.positions:
                total += validator.value_of(sum(validator.rewards.stake_of(holder)))
        return total

    def total_bonded(self) -> MicroAsmb:
        return sum(v.tokens for v in self.validators.values() if v.status is Status.ACTIVE)

    def snapshot(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "validators": {
                vid: {
                    "operator": v.operator,
                    "operational": v.operational,
                    "status": v.status.value,
                    "commissionBp": v.commission_bp,
                    "nextCommissionBp": v.next_commission_bp,
                    "exitEpoch": v.exit_epoch,
                    "tokens": v.tokens,
                    "shares": v.shares,
                    "rewards": v.rewards.snapshot(),
                }
                for vid, v in sorted(self.validators.items())
            },
            "unbonding": [
                [e.owner, e.validator_id, e.amount, e.created_epoch, e.matures_epoch]
                for e in self.unbonding
            ],
            "chains": {cid: c.to_json() for cid, c in sorted(self.chains.items())},
            "committees": {cid: list(m) for cid, m in sorted(self.committees.items())},
            "fees": dict(sorted(self.fees.items())),
            "usedEvidence": sorted(self.used_evidence),
            "ledger": self.ledger.snapshot(),
        }


# ----------------------------------------------------------------------------- checkers


@checker("ROOT-BOND-01", RootChain)
def _check_module_accounts(chain: RootChain) -> list[str]:
    """The module accounts hold exactly what the contract's records say."""
    problems = []
    bonded = sum(v.tokens for v in chain.validators.values())
    if chain.ledger.balance(BONDED_POOL) != bonded:
        problems.append(f"bonded pool {chain.ledger.balance(BONDED_POOL)} ≠ Σ pools {bonded}")
    unbonding = sum(e.amount for e in chain.unbonding)
    if chain.ledger.balance(UNBONDING_POOL) != unbonding:
        problems.append(f"unbonding pool ≠ Σ entries {unbonding}")
    owed = sum(v.rewards.offered - v.rewards.claimed for v in chain.validators.values())
    expected = owed + sum(chain.fees.values())
    if chain.ledger.balance(REWARDS_POOL) != expected:
        problems.append(f"rewards pool {chain.ledger.balance(REWARDS_POOL)} ≠ owed {expected}")
    for vid, v in chain.validators.items():
        if v.rewards.total_active + v.rewards.total_pending != v.shares:
            problems.append(f"{vid}: accumulator shares ≠ pool shares")
        if v.shares == 0 and v.tokens:
            problems.append(f"{vid}: tokens without shares")
    return problems


@checker("ROOT-REWARD-01", RootChain)
def _check_reward_flow(chain: RootChain) -> list[str]:
    """Everything minted or paid as fees went to a validator pool, a commission or the community."""
    into = chain.minted_rewards + chain.fees_paid
    out = (
        sum(v.rewards.offered for v in chain.validators.values())
        + chain.commission_paid
        + chain.rewards_to_community
        + sum(chain.fees.values())
    )
    return [] if into == out else [f"rewards in {into} ≠ rewards out {out}"]


@checker("ROOT-SLASH-01", RootChain)
def _check_slashes_burned(chain: RootChain) -> list[str]:
    """Every slashed µASMB was burned by the slashing authority, once per evidence."""
    logged = sum(pool + unbonding for _, pool, unbonding in chain.slash_log)
    problems = []
    if logged != chain.slashed:
        problems.append(f"slash log {logged} ≠ slashed total {chain.slashed}")
    if chain.ledger.burned_by.get(SLASHING_AUTHORITY, 0) != chain.slashed:
        problems.append("the slashing authority burned a different amount than was slashed")
    if len({e for e, _, _ in chain.slash_log}) != len(chain.slash_log):
        problems.append("an evidence was used twice")
    return problems


@checker("ROOT-UNBOND-01", RootChain)
def _check_unbonding(chain: RootChain) -> list[str]:
    problems = []
    for entry in chain.unbonding:
        if entry.matures_epoch <= entry.created_epoch or entry.amount < 0:
            problems.append(f"unbonding entry {entry} is malformed")
        if entry.validator_id not in chain.validators:
            problems.append(f"unbonding entry of an unknown validator {entry.validator_id}")
    for vid, v in chain.validators.items():
        if v.status is not Status.ACTIVE and v.exit_epoch is None:
            problems.append(f"{vid}: not active but no exit epoch")
        if v.status is not Status.ACTIVE and vid in chain.eligible_weights():
            problems.append(f"{vid}: exiting or tombstoned but still eligible for rewards")
    return problems


@checker("ROOT-BOND-02", RootChain)
def _check_minimum_bond(chain: RootChain) -> list[str]:
    """Every active validator's operator bond is at least the minimum bond."""
    minimum = chain.params.integer("ASMB_MIN_VALIDATOR_BOND")
    return [
        f"{vid}: operator bond {chain.operator_bond(v)} below the minimum {minimum}"
        for vid, v in chain.validators.items()
        if v.status is Status.ACTIVE and chain.operator_bond(v) < minimum
    ]


@checker("ROOT-COMMISSION-01", RootChain)
def _check_commission(chain: RootChain) -> list[str]:
    low = chain.params.basis_points("ASMB_MIN_COMMISSION")
    high = chain.params.basis_points("ASMB_MAX_COMMISSION")
    problems = []
    for vid, v in chain.validators.items():
        for rate in (v.commission_bp, v.next_commission_bp):
            if rate is not None and not 0 <= rate <= BASIS_POINTS:
                problems.append(f"{vid}: commission {rate} bp is not a rate")
        if v.next_commission_bp is not None and not low <= v.next_commission_bp <= high:
            problems.append(f"{vid}: next commission outside the bounds")
    return problems


@checker("COMMITTEE-01", RootChain)
def _check_committees(chain: RootChain) -> list[str]:
    problems = []
    seated: set[str] = set()
    for chain_id, members in chain.committees.items():
        if chain_id not in chain.chains:
            problems.append(f"committee for an unknown chain {chain_id}")
            continue
        if len(members) > chain.chains[chain_id].committee_size:
            problems.append(f"{chain_id}: more members than seats")
        if seated & set(members) or len(set(members)) != len(members):
            problems.append(f"{chain_id}: a validator sits twice")
        seated |= set(members)
    return problems
