"""Commission applied twice: taken from the reward, then again from what is left."""

from __future__ import annotations

from typing import Any

from contracts.ledger import LedgerMoves
from contracts.root_chain import EpochEnd, RootChain
from tests.conformance.mutants import MutantImplementation, swap_class


class TwiceCommission(RootChain):
    def check_end_epoch(self, moves: LedgerMoves) -> EpochEnd:
        for validator in self.validators.values():
            # Pay commission on the already-net reward too, by doubling the rate for the epoch.
            validator.commission_bp = min(10_000, validator.commission_bp * 2)
        return super().check_end_epoch(moves)


def _patch(network: Any) -> Any:
    swap_class(network.chain, TwiceCommission)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
