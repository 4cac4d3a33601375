"""The validator set: candidates, joining and leaving, commission, and the reports of the
tallying rule (IOTA-SLASH-01)."""

from __future__ import annotations

from typing import Final

from contracts.domains import CommissionBp, EpochIndex, Name, Sender
from contracts.errors import (
    CannotReportOneself,
    CommissionOutOfBounds,
    DuplicateValidator,
    JoiningStakeNotReached,
    NotCommitteeMember,
    ReportNotFound,
    UnknownValidator,
    ValidatorSetLimit,
)
from contracts.iota.epoch import next_epoch_validator_count
from contracts.iota.genesis import MAX_COMMISSION_BP
from contracts.iota.records import IotaValidator, ValidatorStatus
from contracts.iota.staking_pool import StakingPool
from contracts.iota.state import SystemState
from contracts.transaction import transaction
from spec import parameters

JOINING_STAKE: Final = parameters.integer("IOTA_MIN_VALIDATOR_JOINING_STAKE")
MIN_VALIDATORS: Final = parameters.integer("IOTA_MIN_VALIDATOR_COUNT")
MAX_VALIDATORS: Final = parameters.integer("IOTA_MAX_VALIDATOR_COUNT")


class ValidatorSet(SystemState):
    """Validators' requests, and committee members' reports of each other."""

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
