"""A bug only deep runs reach: the deposit of a proposal rejected at its tally, 14 epochs after
submission, is burned instead of returned."""

from __future__ import annotations

from typing import Any

from contracts.accounts import DEPOSITS, GOVERNANCE_AUTHORITY
from contracts.governance import Governance, Outcome, ProposalStatus
from contracts.ledger import LedgerMoves
from tests.conformance.mutants import MutantImplementation, swap_class


class KeptDeposit(Governance):
    def check_tally(self, epoch: int, moves: LedgerMoves) -> list[Outcome]:
        outcomes = []
        for proposal in self.proposals.values():
            if proposal.status is ProposalStatus.VOTING and proposal.voting_end <= epoch:
                outcome = self._tally(proposal)
                if outcome.status is ProposalStatus.PASSED:
                    moves.transfer(DEPOSITS, proposal.proposer, proposal.deposit)
                else:
                    moves.burn(GOVERNANCE_AUTHORITY, DEPOSITS, proposal.deposit)
                outcomes.append(outcome)
        return outcomes


def _patch(network: Any) -> Any:
    swap_class(network.governance, KeptDeposit)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
