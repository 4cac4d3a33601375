"""Threshold off by one: evidence one epoch older than the unbonding period is still slashed."""

from __future__ import annotations

from typing import Any

from contracts.root_chain import RootChain
from tests.conformance.mutants import MutantImplementation, swap_class


class OldEvidence(RootChain):
    def slash(self, caller: Any, evidence: Any, epoch: int) -> int:
        saved = self.params.values["ASMB_UNBONDING_EPOCHS"]
        self.params.values["ASMB_UNBONDING_EPOCHS"] = saved + 1
        try:
            return super().slash(caller, evidence, epoch)
        finally:
            self.params.values["ASMB_UNBONDING_EPOCHS"] = saved


def _patch(network: Any) -> Any:
    swap_class(network.chain, OldEvidence)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
