"""Validator pools: registration, delegation, unbonding, exits, commission and the operational
flag (ROOT-BOND-01, ROOT-BOND-02, ROOT-UNBOND-01, ROOT-COMMISSION-01)."""

from __future__ import annotations

from contracts.accounts import BONDED_POOL, COMMUNITY, UNBONDING_POOL
from contracts.domains import Amount, Bool, CommissionBp, EpochIndex, Name, Sender
from contracts.errors import (
    BondBelowMinimum,
    DuplicateValidator,
    InsufficientStake,
    NothingToWithdraw,
    UnknownHolder,
    ValidatorNotAccepting,
)
from contracts.root_chain.base import ChainState
from contracts.root_chain.records import Status, UnbondingEntry, Validator
from contracts.transaction import transaction
from contracts.units import MicroAsmb


class Delegation(ChainState):
    """Validators and the stake bonded to their pools."""

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
