"""A slash that moves the slashed stake to the community pool instead of burning it."""

from __future__ import annotations

from typing import Any

from contracts.ledger import COMMUNITY
from tests.conformance.mutants import MutantImplementation


def _patch(network: Any) -> Any:
    ledger = network.ledger

    def burn(authority: str, account: str, amount: int) -> None:
        if amount:
            ledger.transfer(account, COMMUNITY, amount)

    ledger.burn = burn
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
