"""Threshold off by one: a yes share of exactly one half passes (≥ instead of >)."""

from __future__ import annotations

from typing import Any

from contracts.governance import Governance, Option, Outcome, Proposal, ProposalStatus
from tests.conformance.mutants import MutantImplementation, swap_class


class HalfPasses(Governance):
    def _tally(self, proposal: Proposal) -> Outcome:
        outcome = super()._tally(proposal)
        tally = outcome.tally
        yes = tally[Option.YES.value]
        others = tally[Option.NO.value] + tally[Option.NO_WITH_VETO.value]
        if outcome.status is ProposalStatus.REJECTED and yes and yes == others:
            return Outcome(outcome.proposal_id, ProposalStatus.PASSED, tally)
        return outcome


def _patch(network: Any) -> Any:
    swap_class(network.governance, HalfPasses)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
