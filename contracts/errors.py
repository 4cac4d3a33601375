"""One hierarchy of typed contract errors, each with a stable machine-readable code.

Every public contract method checks all of its preconditions before its first write, so a call
that raises one of these errors leaves the contract's state bit-for-bit unchanged. The ``code``
of each class is public API (conformance suites compare codes, not messages): codes are never
renamed, only retired.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ContractError(Exception):
    """A rejected transaction. ``code`` is stable; ``details`` names what was wrong."""

    code: ClassVar[str] = "CONTRACT_ERROR"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def to_json(self) -> dict[str, Any]:
        """The error as conformance suites compare it: its code and message."""
        return {"code": self.code, "message": self.message}


# ----------------------------------------------------------------------------- inputs


class InvalidInput(ContractError):
    """An argument has the wrong type or shape."""

    code = "INVALID_INPUT"


class InvalidAmount(ContractError):
    """An amount is not a positive integer within its unsigned width."""

    code = "INVALID_AMOUNT"


class MalformedHex(ContractError):
    """A hex string is malformed or of the wrong length."""

    code = "MALFORMED_HEX"


class Unauthorized(ContractError):
    """The sender is not the one this call requires: not the validator's operator, not the
    stake's owner, or not the system for a protocol operation."""

    code = "UNAUTHORIZED"


class ProtectedAccount(ContractError):
    """A module, authority or reserve account, or the system, named as a sender, a recipient or
    a holder: its balance moves only by the protocol's own rules."""

    code = "PROTECTED_ACCOUNT"


class WidthExceeded(ContractError):
    """A quantity the specification stores in 64 bits would exceed 2⁶⁴ − 1; nothing changed."""

    code = "WIDTH_EXCEEDED"


# ----------------------------------------------------------------------------- participation events


class InvalidEvent(ContractError):
    """A participation event definition breaks one of the node's validation rules."""

    code = "INVALID_EVENT"


class EventCanOverflow(ContractError):
    """A staking or ballot event whose totals could overflow uint64 (the node's guard)."""

    code = "EVENT_CAN_OVERFLOW"


class NotAStakingEvent(ContractError):
    """A staking operation was asked of an event whose payload is not a staking payload."""

    code = "NOT_A_STAKING_EVENT"


class NotABallotEvent(ContractError):
    """A ballot operation was asked of an event whose payload is not a ballot."""

    code = "NOT_A_BALLOT_EVENT"


class OutsideWindow(ContractError):
    """A milestone or day lies outside the window in which the operation is accepted."""

    code = "OUTSIDE_WINDOW"


class DuplicateOutput(ContractError):
    """An output id was booked twice."""

    code = "DUPLICATE_OUTPUT"


class UnknownOutput(ContractError):
    """No output with this id was booked."""

    code = "UNKNOWN_OUTPUT"


class AlreadySpent(ContractError):
    """The output was already spent."""

    code = "ALREADY_SPENT"


class InvalidMilestone(ContractError):
    """A milestone index is not a uint32, or a spend is not after its booking."""

    code = "INVALID_MILESTONE"


class RewardOverflow(ContractError):
    """A result that implementations store in uint64 would not fit."""

    code = "REWARD_OVERFLOW"


def all_error_classes() -> list[type[ContractError]]:
    """Every error class of the specification's hierarchy (for documentation and the suite).

    Only the classes the ``contracts`` package defines: a subclass a test or an implementation
    under test declares (an eager double's ``UNSUPPORTED_CONTRACT``) is not one of the
    specification's codes, and the documented list must not depend on what was imported first.
    """
    found: list[type[ContractError]] = []
    pending: list[type[ContractError]] = [ContractError]
    while pending:
        cls = pending.pop()
        if cls.__module__.split(".")[0] == "contracts":
            found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.code)


# ----------------------------------------------------------------------------- staking and rewards


class UnknownHolder(ContractError):
    """The account has no position (it never staked, or has nothing left)."""

    code = "UNKNOWN_HOLDER"


class InsufficientStake(ContractError):
    """An unstake or undelegation of more than the account holds."""

    code = "INSUFFICIENT_STAKE"


class InsufficientBalance(ContractError):
    """A transfer, bond or deposit of more than the account's liquid balance."""

    code = "INSUFFICIENT_BALANCE"


class InvalidDay(ContractError):
    """A day or epoch index before the contract's current one, or outside the program."""

    code = "INVALID_DAY"


class AllocationExceeded(ContractError):
    """A phase-1 total above the 8 % maximum (or above the IOTA stakers' 20 %)."""

    code = "ALLOCATION_EXCEEDED"


# ----------------------------------------------------------------------------- root chain


class UnknownValidator(ContractError):
    """No validator with this id is registered."""

    code = "UNKNOWN_VALIDATOR"


class DuplicateValidator(ContractError):
    """A validator with this id (or this operator) already exists."""

    code = "DUPLICATE_VALIDATOR"


class BondBelowMinimum(ContractError):
    """A validator's self-bond would be below the minimum bond."""

    code = "BOND_BELOW_MINIMUM"


class ValidatorNotAccepting(ContractError):
    """The validator is exiting or tombstoned and accepts no new stake."""

    code = "VALIDATOR_NOT_ACCEPTING"


class CommissionOutOfBounds(ContractError):
    """A commission rate outside the governance-set bounds."""

    code = "COMMISSION_OUT_OF_BOUNDS"


class InvalidEvidence(ContractError):
    """Slashing evidence that is missing, malformed, too old, or already used."""

    code = "INVALID_EVIDENCE"


class UnknownChain(ContractError):
    """No smart-contract chain with this id is registered."""

    code = "UNKNOWN_CHAIN"


class DuplicateChain(ContractError):
    """A chain with this id is already registered."""

    code = "DUPLICATE_CHAIN"


class FeesNotAccepted(ContractError):
    """Fees paid to a chain whose fee policy is zero fees."""

    code = "FEES_NOT_ACCEPTED"


class NothingToWithdraw(ContractError):
    """No unbonding entry of this account has matured."""

    code = "NOTHING_TO_WITHDRAW"


# ----------------------------------------------------------------------------- governance


class UnknownProposal(ContractError):
    """No proposal with this id."""

    code = "UNKNOWN_PROPOSAL"


class NotGovernable(ContractError):
    """A parameter governance may not change."""

    code = "NOT_GOVERNABLE"


class ParameterOutOfBounds(ContractError):
    """A proposed value outside the parameter's bounds or resolution."""

    code = "PARAMETER_OUT_OF_BOUNDS"


class DepositTooSmall(ContractError):
    """A proposal deposit below the minimum deposit."""

    code = "DEPOSIT_TOO_SMALL"


class VotingClosed(ContractError):
    """A vote outside the proposal's voting period."""

    code = "VOTING_CLOSED"


class AlreadyVoted(ContractError):
    """A second vote by the same voter on the same proposal."""

    code = "ALREADY_VOTED"


class NoVotingPower(ContractError):
    """A vote by an account with no bonded stake."""

    code = "NO_VOTING_POWER"


# ----------------------------------------------------------------------------- IOTA staking


class StakeBelowMinimum(ContractError):
    """A stake request below the framework's minimum (1 IOTA)."""

    code = "STAKE_BELOW_MINIMUM"


class UnknownStake(ContractError):
    """No staked object with this id (or it was already withdrawn)."""

    code = "UNKNOWN_STAKE"


class NotCommitteeMember(ContractError):
    """A report by or about a validator outside the committee."""

    code = "NOT_COMMITTEE_MEMBER"


class CannotReportOneself(ContractError):
    """A validator reported itself."""

    code = "CANNOT_REPORT_ONESELF"


class ReportNotFound(ContractError):
    """Undoing a report that was never made."""

    code = "REPORT_NOT_FOUND"


class JoiningStakeNotReached(ContractError):
    """A candidate asked to join the validator set with less than the joining stake."""

    code = "JOINING_STAKE_NOT_REACHED"


class ValidatorSetLimit(ContractError):
    """A join or a removal would take the validator set past its maximum or below its minimum
    count."""

    code = "VALIDATOR_SET_LIMIT"


class IncompatibleStakes(ContractError):
    """Two staked objects joined that differ in pool or activation epoch."""

    code = "INCOMPATIBLE_STAKES"
