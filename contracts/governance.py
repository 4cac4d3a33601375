"""Governance: any ASMB holder proposes, bonded stake votes, the outcome is enforced.

Seed: "Any ASMB token holder is able to submit new proposals and get other participants to vote on
it, with the outcome being fully enforced by the network"; the inflation rate "is planned to be
reduced over the years by community governance decisions". Where the seeds are silent the rules
follow Cosmos SDK x/gov (GOV-*):

* **Submit.** A proposal is a set of parameter changes, each governable and within its bounds and
  resolution, with a deposit of at least ``GOV_MIN_DEPOSIT`` held by the governance module.
* **Vote.** During ``GOV_VOTING_EPOCHS`` epochs from submission, each holder with bonded stake
  votes once: yes, no, abstain or no-with-veto. Weights are the voters' bonded stake at the tally.
* **Tally** at the end of the voting period: the votes must reach ``GOV_QUORUM`` of all bonded
  stake; a proposal whose no-with-veto share of the votes exceeds ``GOV_VETO_THRESHOLD`` is
  vetoed and its deposit burned; otherwise it passes when yes exceeds ``GOV_THRESHOLD`` of the
  non-abstaining votes. A deposit not burned is returned.
* **Enforcement.** A passed proposal's changes apply at its activation epoch, the end of voting
  plus ``GOV_ACTIVATION_DELAY_EPOCHS``: the network applies them as that epoch begins, before
  any transaction of it ("fully enforced by the network"); in the epochs between the tally and
  then, the proposal is visible as passed. Nobody executes a proposal by hand, and no other path
  changes a governed parameter (GOV-PARAM-01).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction
from typing import Annotated, Any, Final

from contracts.accounts import DEPOSITS, GOVERNANCE_AUTHORITY
from contracts.domains import Amount, Changes, EpochIndex, MemberOf, ProposalId, Sender
from contracts.errors import (
    AlreadyVoted,
    DepositTooSmall,
    InvalidDay,
    NoVotingPower,
    UnknownProposal,
    VotingClosed,
)
from contracts.invariants import checker
from contracts.ledger import Ledger, LedgerMoves
from contracts.params import ParameterStore
from contracts.root_chain import RootChain
from contracts.transaction import transaction
from contracts.units import Epoch, MicroAsmb
from spec import parameters


class Option(Enum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    NO_WITH_VETO = "no-with-veto"


#: The most changes one proposal may make: every governable parameter once.
MAX_CHANGES: Final = sum(1 for p in parameters.PARAMETERS if p.governable)

VoteOption = Annotated[Option, MemberOf(Option)]
ProposalChanges = Annotated[Mapping[str, Fraction | int], Changes(MAX_CHANGES)]


class ProposalStatus(Enum):
    VOTING = "voting"
    PASSED = "passed"
    REJECTED = "rejected"
    VETOED = "vetoed"
    EXECUTED = "executed"


@dataclass
class Proposal:
    proposal_id: int
    proposer: str
    changes: dict[str, Fraction]
    deposit: MicroAsmb
    submitted: Epoch
    voting_end: Epoch
    activation: Epoch
    status: ProposalStatus = ProposalStatus.VOTING
    votes: dict[str, Option] = field(default_factory=dict)
    tally: dict[str, MicroAsmb] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.proposal_id,
            "proposer": self.proposer,
            "changes": {
                k: f"{v.numerator}/{v.denominator}" for k, v in sorted(self.changes.items())
            },
            "deposit": self.deposit,
            "submitted": self.submitted,
            "votingEnd": self.voting_end,
            "activation": self.activation,
            "status": self.status.value,
            "votes": {voter: option.value for voter, option in sorted(self.votes.items())},
            "tally": dict(sorted(self.tally.items())),
        }


@dataclass(frozen=True)
class Outcome:
    """A tally's result for one proposal, computed before anything is written."""

    proposal_id: int
    status: ProposalStatus
    tally: dict[str, MicroAsmb]


class Governance:
    """Proposals, stake-weighted votes and enforced parameter changes."""

    def __init__(self, ledger: Ledger, params: ParameterStore, chain: RootChain) -> None:
        self.ledger = ledger
        self.params = params
        self.chain = chain
        self.proposals: dict[int, Proposal] = {}
        self.deposits_burned: MicroAsmb = 0

    def _at(self, epoch: Epoch) -> None:
        if epoch != self.chain.epoch:
            raise InvalidDay(f"epoch {epoch} is not the current epoch {self.chain.epoch}")

    def _proposal(self, proposal_id: int) -> Proposal:
        proposal = self.proposals.get(proposal_id)
        if proposal is None:
            raise UnknownProposal(f"no proposal {proposal_id!r}")
        return proposal

    # ------------------------------------------------------------------ transactions

    @transaction
    def submit(
        self, proposer: Sender, changes: ProposalChanges, deposit: Amount, epoch: EpochIndex
    ) -> int:
        """Submit parameter changes with a deposit; voting opens at once (GOV-PROPOSE-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``NOT_GOVERNABLE``, ``PARAMETER_OUT_OF_BOUNDS``, ``DEPOSIT_TOO_SMALL`` or
        ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        for parameter_id, value in changes.items():
            ParameterStore.validate(parameter_id, Fraction(value))
        minimum = self.params.integer("GOV_MIN_DEPOSIT")
        if deposit < minimum:
            raise DepositTooSmall(f"deposit {deposit} is below the minimum {minimum}")
        moves = self.ledger.moves().transfer(proposer, DEPOSITS, deposit)
        moves.commit()
        proposal_id = len(self.proposals) + 1
        voting_end = epoch + self.params.integer("GOV_VOTING_EPOCHS") - 1
        self.proposals[proposal_id] = Proposal(
            proposal_id,
            proposer,
            {k: Fraction(v) for k, v in changes.items()},
            deposit,
            epoch,
            voting_end,
            voting_end + self.params.integer("GOV_ACTIVATION_DELAY_EPOCHS"),
        )
        return proposal_id

    @transaction
    def vote(
        self, voter: Sender, proposal_id: ProposalId, option: VoteOption, epoch: EpochIndex
    ) -> None:
        """Vote once, during the voting period, with bonded stake (GOV-TALLY-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_PROPOSAL``,
        ``VOTING_CLOSED``, ``ALREADY_VOTED`` or ``NO_VOTING_POWER``.
        """
        self._at(epoch)
        proposal = self._proposal(proposal_id)
        if proposal.status is not ProposalStatus.VOTING or not (
            proposal.submitted <= epoch <= proposal.voting_end
        ):
            raise VotingClosed(f"proposal {proposal_id} is not open for voting in epoch {epoch}")
        if voter in proposal.votes:
            raise AlreadyVoted(f"{voter!r} already voted on proposal {proposal_id}")
        if self.chain.voting_power(voter) == 0:
            raise NoVotingPower(f"{voter!r} has no bonded stake")
        proposal.votes[voter] = option

    # ------------------------------------------------------------------ epoch hooks

    def _apply(self, proposal: Proposal, epoch: Epoch) -> None:
        """Enforce a proposal's changes (cannot fail: each was validated when submitted, and a
        parameter's bounds never change)."""
        for parameter_id, value in sorted(proposal.changes.items()):
            self.params.set(GOVERNANCE_AUTHORITY, parameter_id, value, epoch)
        proposal.status = ProposalStatus.EXECUTED

    def check_tally(self, epoch: Epoch, moves: LedgerMoves) -> list[Outcome]:
        """The outcome of every proposal whose voting period ended with ``epoch``
        (GOV-TALLY-01), with each deposit's return or burn staged on ``moves``. Writes nothing."""
        outcomes = []
        for proposal in self.proposals.values():
            if proposal.status is ProposalStatus.VOTING and proposal.voting_end <= epoch:
                outcome = self._tally(proposal)
                if outcome.status is ProposalStatus.VETOED:
                    moves.burn(GOVERNANCE_AUTHORITY, DEPOSITS, proposal.deposit)
                else:
                    moves.transfer(DEPOSITS, proposal.proposer, proposal.deposit)
                outcomes.append(outcome)
        return outcomes

    def apply_tally(self, outcomes: list[Outcome]) -> None:
        """Record the outcomes :meth:`check_tally` computed (the caller commits the moves)."""
        for outcome in outcomes:
            proposal = self.proposals[outcome.proposal_id]
            proposal.tally = outcome.tally
            proposal.status = outcome.status
            if outcome.status is ProposalStatus.VETOED:
                self.deposits_burned += proposal.deposit

    def _tally(self, proposal: Proposal) -> Outcome:
        tally = {option.value: 0 for option in Option}
        for voter, option in proposal.votes.items():
            tally[option.value] += self.chain.voting_power(voter)
        voted = sum(tally.values())
        bonded = self.chain.compute_total_bonded()
        quorum = self.params.get("GOV_QUORUM")
        veto = tally[Option.NO_WITH_VETO.value]
        non_abstaining = voted - tally[Option.ABSTAIN.value]
        if bonded == 0 or Fraction(voted, bonded) < quorum:
            status = ProposalStatus.REJECTED
        elif voted and Fraction(veto, voted) > self.params.get("GOV_VETO_THRESHOLD"):
            status = ProposalStatus.VETOED
        elif non_abstaining and (
            Fraction(tally[Option.YES.value], non_abstaining) > self.params.get("GOV_THRESHOLD")
        ):
            status = ProposalStatus.PASSED
        else:
            status = ProposalStatus.REJECTED
        return Outcome(proposal.proposal_id, status, tally)

    def apply_due(self, epoch: Epoch) -> None:
        """Enforce every passed proposal whose activation epoch has come (GOV-EXEC-01)."""
        for proposal in sorted(self.proposals.values(), key=lambda p: p.proposal_id):
            if proposal.status is ProposalStatus.PASSED and proposal.activation <= epoch:
                self._apply(proposal, epoch)

    def state(self) -> dict[str, Any]:
        """Governance's part of the network's normative state."""
        return {
            "proposals": [p.to_json() for _, p in sorted(self.proposals.items())],
            "depositsBurned": self.deposits_burned,
            "params": self.params.state(),
        }


@checker("GOV-TALLY-01", Governance)
def _check_deposits(governance: Governance) -> list[str]:
    """The governance module holds exactly the deposits of proposals still voting."""
    held = sum(
        p.deposit for p in governance.proposals.values() if p.status is ProposalStatus.VOTING
    )
    if governance.ledger.balance(DEPOSITS) != held:
        return [f"deposits account {governance.ledger.balance(DEPOSITS)} ≠ Σ open deposits {held}"]
    return []


@checker("GOV-PROPOSE-01", Governance)
def _check_proposals(governance: Governance) -> list[str]:
    """Every proposal changes only governable parameters, within their bounds."""
    problems = []
    for proposal in governance.proposals.values():
        for parameter_id, value in proposal.changes.items():
            problem = parameters.check_governable(parameter_id, value)
            if problem is not None:
                problems.append(f"proposal {proposal.proposal_id}: {problem}")
        if proposal.activation <= proposal.voting_end:
            problems.append(f"proposal {proposal.proposal_id}: activation before the vote ends")
    return problems


@checker("GOV-TALLY-02", Governance)
def _check_outcomes(governance: Governance) -> list[str]:
    """Every closed proposal's status is what its tally and the thresholds give."""
    problems = []
    for proposal in governance.proposals.values():
        if proposal.status is ProposalStatus.VOTING or not proposal.tally:
            continue
        if proposal.status is ProposalStatus.EXECUTED:
            continue
        tally = proposal.tally
        yes, veto = tally[Option.YES.value], tally[Option.NO_WITH_VETO.value]
        voted = sum(tally.values())
        if proposal.status is ProposalStatus.PASSED and yes * 2 <= voted - tally["abstain"]:
            problems.append(f"proposal {proposal.proposal_id} passed without a yes majority")
        if proposal.status is ProposalStatus.VETOED and veto == 0:
            problems.append(f"proposal {proposal.proposal_id} vetoed without veto votes")
    return problems


@checker("GOV-EXEC-01", Governance)
def _check_enforced(governance: Governance) -> list[str]:
    """No passed proposal is overdue: each was applied at its activation epoch."""
    return [
        f"proposal {p.proposal_id} passed but was not applied at epoch {p.activation}"
        for p in governance.proposals.values()
        if p.status is ProposalStatus.PASSED and p.activation < governance.chain.epoch
    ]
