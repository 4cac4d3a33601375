"""The Assembly network: the ledger, the root chain and governance on one epoch clock.

:meth:`AssemblyNetwork.advance_epoch` ends the current epoch and begins the next, in this order:

1. the root chain pays the ending epoch's inflation and fees and activates new stake;
2. governance tallies the proposals whose voting ended with that epoch;
3. the clock moves to the new epoch and governance enforces every change due in it;
4. the root chain rotates out under-bonded validators and draws the new committees from the
   seed.

So a change whose activation epoch is e governs epoch e entirely, its rewards included.
"""

from __future__ import annotations

from typing import Any

from contracts.errors import InvalidInput
from contracts.governance import Governance
from contracts.invariants import checker
from contracts.ledger import Ledger
from contracts.params import ParameterStore
from contracts.root_chain import RootChain


class AssemblyNetwork:
    """The root-chain contracts wired together."""

    def __init__(self, balances: dict[str, int] | None = None) -> None:
        self.ledger = Ledger(balances)
        self.params = ParameterStore()
        self.chain = RootChain(self.ledger, self.params)
        self.governance = Governance(self.ledger, self.params, self.chain)

    @property
    def epoch(self) -> int:
        return self.chain.epoch

    def advance_epoch(self, seed: bytes) -> None:
        """End the current epoch and begin the next (see the module docstring for the order).

        Raises ``InvalidInput`` for an empty seed, before anything changes.
        """
        if not isinstance(seed, bytes) or not seed:
            raise InvalidInput("the epoch seed must be non-empty bytes")
        ended = self.chain.epoch
        self.chain.end_epoch()
        self.governance.tally_ended(ended)
        self.governance.apply_due(self.chain.epoch)
        self.chain.begin_epoch(seed)

    def snapshot(self) -> dict[str, Any]:
        return {"chain": self.chain.snapshot(), "governance": self.governance.snapshot()}


@checker("ASMB-SUPPLY-01", AssemblyNetwork)
def _check_all_places(network: AssemblyNetwork) -> list[str]:
    """Every ASMB is in exactly one place, and the places add up to the supply."""
    ledger = network.ledger
    places = sum(ledger.balances.values())
    problems = []
    if places != ledger.supply():
        problems.append(f"Σ places {places} ≠ supply {ledger.supply()}")
    if ledger.minted != network.chain.minted_rewards:
        problems.append("ASMB was minted outside the root chain's inflation")
    if ledger.burned != network.chain.slashed + network.governance.deposits_burned:
        problems.append("ASMB was burned outside slashing and vetoed deposits")
    return problems
