"""A slash that moves the slashed stake to the community pool instead of burning it."""

from __future__ import annotations

from typing import Any

from contracts.accounts import COMMUNITY
from contracts.ledger import Ledger, LedgerMoves
from tests.conformance.mutants import MutantImplementation


class MovesToCommunity(LedgerMoves):
    def burn(self, authority: str, account: str, amount: int) -> LedgerMoves:
        return self.transfer(account, COMMUNITY, amount)


def _patch(network: Any) -> Any:
    ledger: Ledger = network.ledger
    ledger.moves = lambda: MovesToCommunity(ledger)  # type: ignore[method-assign]
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
