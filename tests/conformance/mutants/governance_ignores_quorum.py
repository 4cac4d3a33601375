"""A tally that ignores the quorum."""

from __future__ import annotations

from typing import Any

from contracts.governance import Governance, Outcome, Proposal
from tests.conformance.mutants import MutantImplementation, swap_class


class NoQuorum(Governance):
    def _tally(self, proposal: Proposal) -> Outcome:
        saved = self.params.values["GOV_QUORUM"]
        self.params.values["GOV_QUORUM"] = saved * 0
        try:
            return super()._tally(proposal)
        finally:
            self.params.values["GOV_QUORUM"] = saved


def _patch(network: Any) -> Any:
    swap_class(network.governance, NoQuorum)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
