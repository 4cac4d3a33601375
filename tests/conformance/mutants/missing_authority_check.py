"""A missing authority check: anyone may slash."""

from __future__ import annotations

from typing import Any

from contracts.accounts import SYSTEM
from contracts.root_chain import Evidence, RootChain
from tests.conformance.mutants import MutantImplementation, swap_class


class AnyoneSlashes(RootChain):
    def slash(self, caller: str, evidence: Evidence, epoch: int) -> int:
        return super().slash(SYSTEM, evidence, epoch)


def _patch(network: Any) -> Any:
    swap_class(network.chain, AnyoneSlashes)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
