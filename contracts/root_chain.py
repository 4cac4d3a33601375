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

**Time and authority.** Every call names the epoch it is made in, which must be the current
epoch. Every transaction's first argument is its sender, an external account; module accounts
never act. :meth:`RootChain.end_epoch`, :meth:`RootChain.begin_epoch` (the network wires them with
governance, see :mod:`contracts.assembly`) and :meth:`RootChain.slash` are protocol operations:
only the system calls them.

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

**Slashing** (ROOT-SLASH-01). Only with evidence the Main Assembly has validated, which the
system submits: a validator, the epoch of the offence (not older than the unbonding period), a
severity and a unique id. The burn is the slashing authority's. The
severity's fraction f is taken from the pool's current tokens (``floor(tokens · f)``, as Cosmos
truncates) and from every unbonding entry of the pool created at or after the offence epoch --
stake still unbonding that was bonded at the offence. Everything slashed is **burned**: the
supply falls by exactly the slashed amount. A critical offence (f = 1) tombstones the validator.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Final

from contracts.accounts import (
    BONDED_POOL,
    COMMUNITY,
    INFLATION_AUTHORITY,
    REWARDS_POOL,
    SLASHING_AUTHORITY,
    UNBONDING_POOL,
)
from contracts.accumulator import RewardAccumulator
from contracts.committees import Chain, FeePolicy, draw_committees, seeded_uniform
from contracts.domains import (
    Amount,
    Bool,
    Caller,
    CommissionBp,
    CommitteeSize,
    EpochIndex,
    InstanceOf,
    MemberOf,
    Name,
    Seed,
    Sender,
    Tier,
    is_name,
)
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
    NothingToWithdraw,
    Unauthorized,
    UnknownChain,
    UnknownHolder,
    UnknownValidator,
    ValidatorNotAccepting,
    WidthExceeded,
)
from contracts.inflation import YearlyProvision
from contracts.invariants import checker
from contracts.ledger import Ledger, LedgerMoves
from contracts.params import ParameterStore
from contracts.transaction import query, transaction
from contracts.units import BASIS_POINTS, U32_MAX, U64_MAX, Epoch, MicroAsmb
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

    def problem(self) -> str | None:
        """What is malformed in this evidence, or None (its fields' domains)."""
        if not is_name(self.evidence_id) or not is_name(self.validator_id):
            return "its evidence and validator ids must be names"
        if type(self.offence_epoch) is not int or not 0 <= self.offence_epoch <= U32_MAX:
            return f"offence epoch {self.offence_epoch!r} is not a uint32"
        if not isinstance(self.severity, Severity):
            return f"unknown severity {self.severity!r}"
        return None


SlashEvidence = Annotated[Evidence, InstanceOf(Evidence, InvalidEvidence)]
Policy = Annotated[FeePolicy, MemberOf(FeePolicy)]


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

    def shares_of(self, holder: str) -> int:
        """``holder``'s shares of the pool, active and pending."""
        return sum(self.rewards.held(holder))


@dataclass(frozen=True)
class UnbondingEntry:
    owner: str
    validator_id: str
    amount: MicroAsmb
    created_epoch: Epoch
    matures_epoch: Epoch


@dataclass(frozen=True)
class EpochEnd:
    """What ending an epoch will do, computed (and checked) before anything is written."""

    supply: MicroAsmb
    rate_bp: int
    mint: MicroAsmb
    #: (validator id, commission to the operator, what the pool's holders share), in id order.
    payouts: tuple[tuple[str, MicroAsmb, MicroAsmb], ...]
    paid: MicroAsmb
    remainder: MicroAsmb


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
        if epoch != self.epoch:
            raise InvalidDay(f"epoch {epoch} is not the current epoch {self.epoch}", epoch=epoch)

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

    def _commission(self, rate_bp: int) -> None:
        low = self.params.basis_points("ASMB_MIN_COMMISSION")
        high = self.params.basis_points("ASMB_MAX_COMMISSION")
        if not low <= rate_bp <= high:
            raise CommissionOutOfBounds(
                f"commission {rate_bp} bp is outside {low}..{high} bp", rate=rate_bp
            )

    def _check_bond(self, validator: Validator, holder: str, amount: MicroAsmb) -> LedgerMoves:
        """The checks of bonding ``amount``: ``holder`` can pay, it buys a share, the pool's
        shares stay within 64 bits. Returns the staged ledger move.

        A pool that accepts stake was never slashed (a slash rotates its validator out), so a
        share is worth one µASMB and neither of the first two checks can fail; they keep the
        promise of 64-bit widths should that rule change, and no operation documents them.
        """
        moves = self.ledger.moves().transfer(holder, BONDED_POOL, amount)
        shares = validator.shares_for(amount)
        if shares == 0:
            raise InvalidAmount(f"{amount} buys no share of {validator.validator_id!r}'s pool")
        if validator.shares + shares > U64_MAX:
            raise WidthExceeded(f"{validator.validator_id!r}'s shares would pass 2^64 − 1")
        return moves

    def _apply_bond(
        self, validator: Validator, holder: str, amount: MicroAsmb, moves: LedgerMoves
    ) -> None:
        shares = validator.shares_for(amount)
        moves.commit()
        validator.tokens += amount
        validator.shares += shares
        validator.rewards.apply_stake(holder, shares)
        self.delegated_to[holder].add(validator.validator_id)

    # ------------------------------------------------------------------ validators

    @transaction
    def register_validator(
        self,
        operator: Sender,
        validator_id: Name,
        bond: Amount,
        commission_bp: CommissionBp,
        operational: Bool,
        epoch: EpochIndex,
    ) -> None:
        """Register a validator with its self-bond ("anyone can become a validator").

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``,
        ``COMMISSION_OUT_OF_BOUNDS``, ``INVALID_DAY``, ``DUPLICATE_VALIDATOR``,
        ``BOND_BELOW_MINIMUM`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        if validator_id in self.validators or operator in self.operators:
            raise DuplicateValidator(f"validator {validator_id!r} or operator exists")
        minimum = self.params.integer("ASMB_MIN_VALIDATOR_BOND")
        if bond < minimum:
            raise BondBelowMinimum(f"bond {bond} is below the minimum {minimum}")
        self._commission(commission_bp)
        moves = self.ledger.moves().transfer(operator, BONDED_POOL, bond)
        validator = Validator(validator_id, operator, operational, commission_bp, epoch)
        self.validators[validator_id] = validator
        self.operators[operator] = validator_id
        self._apply_bond(validator, operator, bond, moves)

    @transaction
    def delegate(
        self, holder: Sender, validator_id: Name, amount: Amount, epoch: EpochIndex
    ) -> None:
        """Pledge ``amount`` to a validator (a top-up when ``holder`` is its operator).

        The stake counts in the security bond at once and earns from the next epoch. Raises
        ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_VALIDATOR``, ``VALIDATOR_NOT_ACCEPTING`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if validator.status is not Status.ACTIVE or (validator.shares and not validator.tokens):
            raise ValidatorNotAccepting(f"validator {validator_id!r} is {validator.status.value}")
        moves = self._check_bond(validator, holder, amount)
        self._apply_bond(validator, holder, amount, moves)

    @transaction
    def undelegate(
        self, holder: Sender, validator_id: Name, amount: Amount, epoch: EpochIndex
    ) -> None:
        """Start unbonding ``amount`` tokens of ``holder``'s stake with a validator.

        Removes ``ceil(amount · shares / tokens)`` shares (rounding in the pool's favour); the
        tokens stop earning at once and are released after the unbonding delay. The operator
        cannot go below the minimum bond while its validator is active. Raises
        ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_VALIDATOR``, ``VALIDATOR_NOT_ACCEPTING``, ``UNKNOWN_HOLDER``,
        ``INSUFFICIENT_STAKE`` or ``BOND_BELOW_MINIMUM``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if validator.status is Status.EXITING:
            raise ValidatorNotAccepting(f"validator {validator_id!r} is already exiting")
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        held = validator.shares_of(holder)
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
        moves = self.ledger.moves().transfer(BONDED_POOL, UNBONDING_POOL, amount)
        delay = self.params.integer("ASMB_UNBONDING_EPOCHS")
        # Effects.
        validator.rewards.apply_unstake(holder, shares)
        validator.tokens -= amount
        validator.shares -= shares
        moves.commit()
        self.unbonding.append(UnbondingEntry(holder, validator_id, amount, epoch, epoch + delay))

    @transaction
    def withdraw_unbonded(self, holder: Sender, epoch: EpochIndex) -> MicroAsmb:
        """Release every matured unbonding entry of ``holder`` to its balance.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY`` or
        ``NOTHING_TO_WITHDRAW``.
        """
        self._at(epoch)
        matured = [e for e in self.unbonding if e.owner == holder and e.matures_epoch <= epoch]
        if not matured:
            raise NothingToWithdraw(f"{holder!r} has no matured unbonding entry")
        total = sum(e.amount for e in matured)
        moves = self.ledger.moves().transfer(UNBONDING_POOL, holder, total)
        self.unbonding = [
            e for e in self.unbonding if not (e.owner == holder and e.matures_epoch <= epoch)
        ]
        moves.commit()
        return total

    @transaction
    def exit_validator(self, operator: Sender, validator_id: Name, epoch: EpochIndex) -> None:
        """Leave the validator set: the whole pool unbonds and stops earning at once.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``,
        ``UNAUTHORIZED`` or ``VALIDATOR_NOT_ACCEPTING``.
        """
        self._at(epoch)
        validator = self._operated(operator, validator_id)
        if validator.status is not Status.ACTIVE:
            raise ValidatorNotAccepting(f"validator {validator_id!r} is {validator.status.value}")
        validator.status = Status.EXITING
        validator.exit_epoch = epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")

    @transaction
    def withdraw_exited(self, holder: Sender, validator_id: Name, epoch: EpochIndex) -> MicroAsmb:
        """After an exit (or a tombstoning) has matured, take out ``holder``'s share of the pool.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``,
        ``VALIDATOR_NOT_ACCEPTING``, ``UNKNOWN_HOLDER`` or ``NOTHING_TO_WITHDRAW``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if validator.status is Status.ACTIVE or (
            validator.exit_epoch is not None and epoch < validator.exit_epoch
        ):
            raise ValidatorNotAccepting(f"validator {validator_id!r}'s pool has not been released")
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        shares = validator.shares_of(holder)
        if shares == 0:
            raise NothingToWithdraw(f"{holder!r} holds no shares of {validator_id!r}")
        amount = validator.value_of(shares)
        # Rounding dust of a pool emptied by this withdrawal goes to the community pool.
        dust = validator.tokens - amount if validator.shares == shares else 0
        moves = self.ledger.moves()
        moves.transfer(BONDED_POOL, COMMUNITY, dust).transfer(BONDED_POOL, holder, amount)
        # Effects.
        validator.rewards.apply_unstake(holder, shares)
        validator.tokens -= amount + dust
        validator.shares -= shares
        self.to_community += dust
        moves.commit()
        return amount

    @transaction
    def set_commission(
        self, operator: Sender, validator_id: Name, rate_bp: CommissionBp, epoch: EpochIndex
    ) -> None:
        """Set the commission from the next epoch on (ROOT-COMMISSION-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``COMMISSION_OUT_OF_BOUNDS``,
        ``INVALID_DAY``, ``UNKNOWN_VALIDATOR`` or ``UNAUTHORIZED``.
        """
        self._at(epoch)
        validator = self._operated(operator, validator_id)
        self._commission(rate_bp)
        validator.next_commission_bp = rate_bp

    @transaction
    def set_operational(
        self, operator: Sender, validator_id: Name, operational: Bool, epoch: EpochIndex
    ) -> None:
        """Declare whether the validator's node is operational (only then does it earn and sit).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``
        or ``UNAUTHORIZED``.
        """
        self._at(epoch)
        self._operated(operator, validator_id).operational = operational

    @transaction
    def claim_rewards(self, holder: Sender, validator_id: Name, epoch: EpochIndex) -> MicroAsmb:
        """Pay ``holder`` its whole µASMB of rewards from one validator's pool.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``
        or ``UNKNOWN_HOLDER``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        moves = self.ledger.moves().transfer(REWARDS_POOL, holder, validator.rewards.owed(holder))
        paid = validator.rewards.apply_claim(holder)
        moves.commit()
        return paid

    # ------------------------------------------------------------------ slashing

    @transaction
    def slash(self, caller: Caller, evidence: SlashEvidence, epoch: EpochIndex) -> MicroAsmb:
        """Slash and burn the severity's fraction of a validator's bonded and unbonding stake.

        The system submits evidence the Main Assembly has validated. Raises ``INVALID_INPUT``,
        ``UNAUTHORIZED`` (a caller other than the system), ``INVALID_EVIDENCE`` (missing,
        malformed, reused, from the future or older than the unbonding period, or before the
        validator existed), ``INVALID_DAY`` or ``UNKNOWN_VALIDATOR``. Returns the amount burned.
        """
        problem = evidence.problem()
        if problem is not None:
            raise InvalidEvidence(f"slashing evidence: {problem}")
        self._at(epoch)
        if evidence.evidence_id in self.used_evidence:
            raise InvalidEvidence(f"evidence {evidence.evidence_id!r} was already used")
        validator = self._validator(evidence.validator_id)
        oldest = max(epoch - self.params.integer("ASMB_UNBONDING_EPOCHS"), 0)
        earliest = max(oldest, validator.registered_epoch)
        if not earliest <= evidence.offence_epoch <= epoch:
            raise InvalidEvidence(
                f"offence epoch {evidence.offence_epoch} is outside {earliest}..{epoch}"
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
        moves = self.ledger.moves()
        moves.burn(SLASHING_AUTHORITY, BONDED_POOL, from_pool)
        moves.burn(SLASHING_AUTHORITY, UNBONDING_POOL, from_unbonding)
        # Effects.
        self.used_evidence.add(evidence.evidence_id)
        self.slash_log.append((evidence.evidence_id, from_pool, from_unbonding))
        self.unbonding = entries
        validator.tokens -= from_pool
        moves.commit()
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

    @transaction
    def register_chain(
        self,
        owner: Sender,
        chain_id: Name,
        tier: Tier,
        committee_size: CommitteeSize,
        fee_policy: Policy,
        epoch: EpochIndex,
    ) -> None:
        """Register a smart-contract chain; it gets a committee from the next epoch's draw.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY`` or
        ``DUPLICATE_CHAIN``.
        """
        self._at(epoch)
        if chain_id in self.chains:
            raise DuplicateChain(f"chain {chain_id!r} is already registered")
        self.chains[chain_id] = Chain(chain_id, owner, tier, committee_size, fee_policy)

    @transaction
    def pay_fees(self, payer: Sender, chain_id: Name, amount: Amount, epoch: EpochIndex) -> None:
        """Pay a chain's execution fees; its committee shares them at the end of the epoch.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_CHAIN``, ``FEES_NOT_ACCEPTED`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        chain = self.chains.get(chain_id)
        if chain is None:
            raise UnknownChain(f"no chain {chain_id!r}")
        if chain.fee_policy is FeePolicy.ZERO_FEES:
            raise FeesNotAccepted(f"chain {chain_id!r} runs with zero fees")
        moves = self.ledger.moves().transfer(payer, REWARDS_POOL, amount)
        moves.commit()
        self.fees[chain_id] += amount
        self.fees_paid += amount

    # ------------------------------------------------------------------ epochs

    @query
    def eligible_weights(self) -> dict[str, MicroAsmb]:
        """Stake of every validator eligible for rewards and committees this epoch."""
        return self.compute_eligible_weights()

    def compute_eligible_weights(self) -> dict[str, MicroAsmb]:
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

    def check_end_epoch(self, moves: LedgerMoves) -> EpochEnd:
        """What ending the epoch will do: the mint, each validator's reward and commission, the
        community's remainder -- its ledger moves staged on ``moves``. Writes nothing; raises
        ``WIDTH_EXCEEDED`` when the mint would take the supply past 2^64 − 1."""
        weights = self.compute_eligible_weights()
        rate_bp = self.params.basis_points("ASMB_INFLATION_RATE")
        supply = self.ledger.supply()
        mint = self.provision.next_mint(supply, rate_bp)
        moves.mint(INFLATION_AUTHORITY, REWARDS_POOL, mint)
        rewards = self._split(mint, weights)
        for chain_id, fees in sorted(self.fees.items()):
            members = {v: weights[v] for v in self.committees.get(chain_id, []) if v in weights}
            for vid, share in self._split(fees, members).items():
                rewards[vid] = rewards.get(vid, 0) + share
        payouts = []
        paid = 0
        for vid, reward in sorted(rewards.items()):
            validator = self.validators[vid]
            commission = reward * validator.commission_bp // BASIS_POINTS
            moves.transfer(REWARDS_POOL, validator.operator, commission)
            validator.rewards.check_distribute(reward - commission)
            payouts.append((vid, commission, reward - commission))
            paid += reward
        remainder = mint + sum(self.fees.values()) - paid
        moves.transfer(REWARDS_POOL, COMMUNITY, remainder)
        return EpochEnd(supply, rate_bp, mint, tuple(payouts), paid, remainder)

    def apply_end_epoch(self, end: EpochEnd) -> None:
        """Write what :meth:`check_end_epoch` computed (the caller commits its ledger moves).

        Then apply pending commission changes and let this epoch's new stake start earning.
        Costs O(validators + chains + seats), whatever the number of delegators.
        """
        self.provision.mint_for_epoch(end.supply, end.rate_bp)
        self.minted_rewards += end.mint
        for vid, commission, shared in end.payouts:
            self.commission_paid += commission
            self.validators[vid].rewards.apply_distribute(shared)
        self.rewards_to_community += end.remainder
        self.to_community += end.remainder
        self.fees = defaultdict(int)
        for validator in self.validators.values():
            if validator.next_commission_bp is not None:
                validator.commission_bp = validator.next_commission_bp
                validator.next_commission_bp = None
            validator.rewards.apply_close_periods(1)
        self.epoch += 1

    @transaction
    def end_epoch(self, caller: Caller) -> None:
        """Mint the epoch's inflation and pay it and the fees to validators and delegators.

        The system's call. Raises ``INVALID_INPUT``, ``UNAUTHORIZED`` or ``WIDTH_EXCEEDED``.
        """
        moves = self.ledger.moves()
        end = self.check_end_epoch(moves)
        self.apply_end_epoch(end)
        moves.commit()

    def apply_begin_epoch(self, seed: bytes) -> None:
        """Rotate out validators below the minimum bond, then draw committees (COMMITTEE-01).

        An active validator whose operator bond is below the minimum in force (governance may
        have raised it) is made to exit, as IOTA's validator set removes low-stake validators at
        the epoch change.
        """
        minimum = self.params.integer("ASMB_MIN_VALIDATOR_BOND")
        for validator in self.validators.values():
            if validator.status is Status.ACTIVE and self.operator_bond(validator) < minimum:
                validator.status = Status.EXITING
                validator.exit_epoch = self.epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")
        self.committees = draw_committees(
            list(self.chains.values()),
            self.compute_eligible_weights(),
            seeded_uniform(seed, self.epoch),
        )

    @transaction
    def begin_epoch(self, caller: Caller, seed: Seed) -> None:
        """Begin the epoch: rotations and the committee draw. The system's call.

        Raises ``INVALID_INPUT`` or ``UNAUTHORIZED``.
        """
        self.apply_begin_epoch(seed)

    # ------------------------------------------------------------------ queries

    @staticmethod
    def operator_bond(validator: Validator) -> MicroAsmb:
        """What the operator's own shares of its pool are worth."""
        if validator.operator not in validator.rewards.positions:
            return 0
        return validator.value_of(validator.shares_of(validator.operator))

    @query
    def bonded_value(self, holder: Name) -> MicroAsmb:
        """Tokens ``holder``'s shares in active pools are worth (its voting power)."""
        return self.voting_power(holder)

    def voting_power(self, holder: str) -> MicroAsmb:
        """Tokens ``holder``'s shares in active pools are worth (unchecked, for governance)."""
        total = 0
        for vid in self.delegated_to.get(holder, ()):
            validator = self.validators[vid]
            if validator.status is Status.ACTIVE and holder in validator.rewards.positions:
                total += validator.value_of(validator.shares_of(holder))
        return total

    @query
    def total_bonded(self) -> MicroAsmb:
        return self.compute_total_bonded()

    def compute_total_bonded(self) -> MicroAsmb:
        return sum(v.tokens for v in self.validators.values() if v.status is Status.ACTIVE)

    def state(self) -> dict[str, Any]:
        """The root chain's part of the network's normative state."""
        return {
            "epoch": self.epoch,
            "provision": {
                "epochInYear": self.provision.epoch_in_year,
                "yearBase": self.provision.year_base,
                "cumulative": self.provision.cumulative,
            },
            "validators": {
                vid: {
                    "operator": v.operator,
                    "operational": v.operational,
                    "status": v.status.value,
                    "registeredEpoch": v.registered_epoch,
                    "commissionBp": v.commission_bp,
                    "nextCommissionBp": v.next_commission_bp,
                    "exitEpoch": v.exit_epoch,
                    "tokens": v.tokens,
                    "shares": v.shares,
                    "rewards": v.rewards.state(),
                }
                for vid, v in sorted(self.validators.items())
            },
            "unbonding": [
                [e.owner, e.validator_id, e.amount, e.created_epoch, e.matures_epoch]
                for e in self.unbonding
            ],
            "chains": {cid: c.to_json() for cid, c in sorted(self.chains.items())},
            "committees": {cid: list(m) for cid, m in sorted(self.committees.items())},
            "fees": {cid: f for cid, f in sorted(self.fees.items()) if f},
            "usedEvidence": sorted(self.used_evidence),
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


@checker("WIDTH-02", RootChain)
def _check_widths(chain: RootChain) -> list[str]:
    """Pools, shares, unbonding entries and fees fit in 64 bits."""
    problems = [
        f"{vid}: tokens {v.tokens} or shares {v.shares} do not fit in 64 bits"
        for vid, v in chain.validators.items()
        if not 0 <= v.tokens <= U64_MAX or not 0 <= v.shares <= U64_MAX
    ]
    problems += [
        f"unbonding entry {e} does not fit in 64 bits"
        for e in chain.unbonding
        if not 0 <= e.amount <= U64_MAX
    ]
    problems += [
        f"{cid}: fees {f} do not fit in 64 bits"
        for cid, f in chain.fees.items()
        if not 0 <= f <= U64_MAX
    ]
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
        if v.status is not Status.ACTIVE and vid in chain.compute_eligible_weights():
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
