"""The Assembly network: the ledger, the root chain and governance on one epoch clock.

:meth:`AssemblyNetwork.advance_epoch` ends the current epoch and begins the next, in this order:

1. the root chain pays the ending epoch's inflation and fees and activates new stake;
2. governance tallies the proposals whose voting ended with that epoch;
3. the clock moves to the new epoch and governance enforces every change due in it;
4. the root chain rotates out under-bonded validators and draws the new committees from the
   seed.

So a change whose activation epoch is e governs epoch e entirely, its rewards included.

The epoch change is one transaction, and only the system calls it: every step is computed and
checked first (the mint within 64 bits, every ledger move of the reward split and of the tally
staged in one batch), and only then is anything written.
"""

from __future__ import annotations

from typing import Any

from contracts.domains import Caller, LedgerGenesis, Seed
from contracts.governance import Governance
from contracts.invariants import checker
from contracts.ledger import Ledger
from contracts.params import ParameterStore
from contracts.root_chain import RootChain
from contracts.transaction import constructor, query, transaction


class AssemblyNetwork:
    """The root-chain contracts wired together."""

    @constructor
    def __init__(self, balances: LedgerGenesis = None) -> None:
        """Raises ``INVALID_INPUT``, ``INVALID_AMOUNT``, ``PROTECTED_ACCOUNT`` or
        ``WIDTH_EXCEEDED`` for bad genesis balances."""
        self.ledger = Ledger(balances)
        self.params = ParameterStore()
        self.chain = RootChain(self.ledger, self.params)
        self.governance = Governance(self.ledger, self.params, self.chain)

    @property
    def epoch(self) -> int:
        return self.chain.epoch

    @transaction
    def advance_epoch(self, caller: Caller, seed: Seed) -> None:
        """End the current epoch and begin the next (see the module docstring for the order).

        The system's call. Raises ``INVALID_INPUT``, ``UNAUTHORIZED`` or ``WIDTH_EXCEEDED``,
        before anything changes.
        """
        ended = self.chain.epoch
        moves = self.ledger.moves()
        end = self.chain.check_end_epoch(moves)
        outcomes = self.governance.check_tally(ended, moves)
        # Effects: nothing below can fail.
        self.chain.apply_end_epoch(end)
        self.governance.apply_tally(outcomes)
        moves.commit()
        self.governance.apply_due(self.chain.epoch)
        self.chain.apply_begin_epoch(seed)

    @query
    def state(self) -> dict[str, Any]:
        """The normative observable state (``spec/schemas/state/assembly.schema.json``)."""
        return {
            "ledger": self.ledger.state(),
            "chain": self.chain.state(),
            "governance": self.governance.state(),
        }


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
