"""The ASMB ledger: balances, the genesis allocation, and the only paths that mint and burn.

Genesis (ASMB-SUPPLY-01) creates the 100 B initial supply in the reserve accounts, as ``spec``
splits it:

==========================  ======================================================
``genesis:iota-stakers``    20 % -- the IOTA stakers' share, pre- and post-launch
``genesis:community``       70 % -- developer incentives, community DAOs, grants;
                            also the community pool that receives reward remainders
``genesis:unassigned``      the remaining 10 %, which the seeds do not assign
==========================  ======================================================

**One public transaction.** :meth:`Ledger.transfer` moves ASMB between two external accounts,
signed by the sender; a module, authority or reserve account can be neither its sender nor its
recipient (``PROTECTED_ACCOUNT``).

**The protocol's own paths.** Every other balance change is made by a contract rule through a
:class:`LedgerMoves` batch: the rule stages its transfers, mints and burns, each checked as it is
staged against the balances the batch has reached, and commits them together only after its
checks have passed -- so a rule either moves everything it names or nothing. Mints and burns
name their authority, and each authority reaches only its accounts (ASMB-SUPPLY-02):

* ``authority:inflation`` mints into ``module:rewards`` (the epoch change);
* ``authority:slashing`` burns from ``module:bonded`` and ``module:unbonding`` (slashing);
* ``authority:governance`` burns from ``module:gov-deposits`` (a vetoed proposal).

No operation of the conformance API reaches a batch except through these rules, so at every
moment genesis + minted − burned = supply = Σ balances, and the supply fits in 64 bits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from contracts.accounts import (
    BONDED_POOL,
    COMMUNITY,
    DEPOSITS,
    GOVERNANCE_AUTHORITY,
    INFLATION_AUTHORITY,
    IOTA_STAKERS,
    REWARDS_POOL,
    SLASHING_AUTHORITY,
    UNASSIGNED,
    UNBONDING_POOL,
)
from contracts.domains import Amount, LedgerGenesis, Name, Recipient, Sender
from contracts.errors import InsufficientBalance, Unauthorized, WidthExceeded
from contracts.invariants import checker
from contracts.transaction import constructor, query, transaction
from contracts.units import U64_MAX, MicroAsmb
from spec import parameters

#: The accounts each minting authority may mint into, and each burning authority burn from.
MINTS_INTO: Final[Mapping[str, frozenset[str]]] = {INFLATION_AUTHORITY: frozenset({REWARDS_POOL})}
BURNS_FROM: Final[Mapping[str, frozenset[str]]] = {
    SLASHING_AUTHORITY: frozenset({BONDED_POOL, UNBONDING_POOL}),
    GOVERNANCE_AUTHORITY: frozenset({DEPOSITS}),
}


def genesis_allocation() -> dict[str, MicroAsmb]:
    """The genesis accounts and balances, from ``spec`` (ASMB-SUPPLY-01)."""
    supply = parameters.integer("ASMB_INITIAL_SUPPLY")
    stakers = int(supply * parameters.ratio("IOTA_STAKERS_SHARE"))
    community = int(supply * parameters.ratio("COMMUNITY_SHARE"))
    return {IOTA_STAKERS: stakers, COMMUNITY: community, UNASSIGNED: supply - stakers - community}


class LedgerMoves:
    """The ledger changes of one rule: staged and checked one by one, committed together.

    Each staged move is checked against the balances the batch has reached so far, so two moves
    out of one account cannot spend the same tokens; nothing touches the ledger until
    :meth:`commit`, which cannot fail.
    """

    __slots__ = ("_burned", "_deltas", "_ledger", "_minted")

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self._deltas: dict[str, int] = {}
        self._minted = 0
        self._burned: dict[str, int] = {}

    def balance(self, account: str) -> MicroAsmb:
        """``account``'s balance once the staged moves are applied."""
        return self._ledger.balances.get(account, 0) + self._deltas.get(account, 0)

    def _debit(self, account: str, amount: int) -> None:
        held = self.balance(account)
        if held < amount:
            raise InsufficientBalance(
                f"{account} pays {amount} µASMB but holds {held}", account=account
            )
        self._deltas[account] = self._deltas.get(account, 0) - amount

    def _credit(self, account: str, amount: int) -> None:
        self._deltas[account] = self._deltas.get(account, 0) + amount

    def transfer(self, sender: str, recipient: str, amount: MicroAsmb) -> LedgerMoves:
        """Stage a transfer (0 moves nothing). Raises ``INSUFFICIENT_BALANCE``."""
        if amount:
            self._debit(sender, amount)
            self._credit(recipient, amount)
        return self

    def mint(self, authority: str, recipient: str, amount: MicroAsmb) -> LedgerMoves:
        """Stage a mint by ``authority`` into one of its accounts. Raises ``UNAUTHORIZED`` or
        ``WIDTH_EXCEEDED`` (the supply would exceed 2^64 − 1)."""
        if recipient not in MINTS_INTO.get(authority, frozenset()):
            raise Unauthorized(f"{authority!r} may not mint into {recipient!r}", caller=authority)
        if amount:
            if self._ledger.supply() + self._minted - sum(self._burned.values()) + amount > U64_MAX:
                raise WidthExceeded(f"minting {amount} µASMB would take the supply past 2^64 − 1")
            self._minted += amount
            self._credit(recipient, amount)
        return self

    def burn(self, authority: str, account: str, amount: MicroAsmb) -> LedgerMoves:
        """Stage a burn by ``authority`` from one of its accounts. Raises ``UNAUTHORIZED`` or
        ``INSUFFICIENT_BALANCE``."""
        if account not in BURNS_FROM.get(authority, frozenset()):
            raise Unauthorized(f"{authority!r} may not burn from {account!r}", caller=authority)
        if amount:
            self._debit(account, amount)
            self._burned[authority] = self._burned.get(authority, 0) + amount
        return self

    def commit(self) -> None:
        """Apply every staged move (cannot fail: each was checked when staged)."""
        balances = self._ledger.balances
        for account, delta in self._deltas.items():
            if delta:
                held = balances.get(account, 0) + delta
                if held:
                    balances[account] = held
                else:
                    del balances[account]
        self._ledger.minted += self._minted
        for authority, amount in self._burned.items():
            self._ledger.burned += amount
            self._ledger.burned_by[authority] = self._ledger.burned_by.get(authority, 0) + amount
        self._deltas = {}
        self._minted = 0
        self._burned = {}


class Ledger:
    """ASMB balances of every account; every move conserves, mint and burn are authorised."""

    @constructor
    def __init__(self, balances: LedgerGenesis = None) -> None:
        """The genesis allocation of ``spec`` (or ``balances``: external and reserve accounts,
        u64 amounts, a u64 total). Raises ``INVALID_INPUT``, ``INVALID_AMOUNT``,
        ``PROTECTED_ACCOUNT`` or ``WIDTH_EXCEEDED``."""
        allocation = genesis_allocation() if balances is None else balances
        self.balances: dict[str, MicroAsmb] = {a: v for a, v in allocation.items() if v}
        self.genesis: MicroAsmb = sum(self.balances.values())
        self.minted: MicroAsmb = 0
        self.burned: MicroAsmb = 0
        self.burned_by: dict[str, MicroAsmb] = {}

    @query
    def balance(self, account: Name) -> MicroAsmb:
        return self.balances.get(account, 0)

    @query
    def supply(self) -> MicroAsmb:
        return self.genesis + self.minted - self.burned

    def moves(self) -> LedgerMoves:
        """A new batch of the protocol's own moves (see :class:`LedgerMoves`)."""
        return LedgerMoves(self)

    @transaction
    def transfer(self, sender: Sender, recipient: Recipient, amount: Amount) -> None:
        """Move ``amount`` µASMB from ``sender``, who signs, to ``recipient``.

        Raises ``INVALID_INPUT``, ``INVALID_AMOUNT``, ``PROTECTED_ACCOUNT`` (either side is a
        module, authority or reserve account) or ``INSUFFICIENT_BALANCE``.
        """
        self.moves().transfer(sender, recipient, amount).commit()

    def state(self) -> dict[str, Any]:
        """The ledger's part of the network's normative state."""
        return {
            "genesis": self.genesis,
            "minted": self.minted,
            "burned": self.burned,
            "balances": dict(sorted(self.balances.items())),
            "supply": self.supply(),
        }


@checker("ASMB-SUPPLY-02", Ledger)
def _check_conservation(ledger: Ledger) -> list[str]:
    if sum(ledger.burned_by.values()) != ledger.burned:
        return ["burns by authority do not add up to the burned total"]
    if set(ledger.burned_by) - set(BURNS_FROM):
        return ["an account that is not a burning authority burned ASMB"]
    total = sum(ledger.balances.values())
    if total != ledger.supply():
        return [f"Σ balances {total} ≠ genesis + minted − burned {ledger.supply()}"]
    if any(v <= 0 for v in ledger.balances.values()):
        return ["an account holds a non-positive balance"]
    return []


@checker("WIDTH-02", Ledger)
def _check_widths(ledger: Ledger) -> list[str]:
    problems = []
    if not 0 <= ledger.supply() <= U64_MAX:
        problems.append(f"supply {ledger.supply()} does not fit in 64 bits")
    if not 0 <= ledger.minted <= U64_MAX or not 0 <= ledger.burned <= U64_MAX:
        problems.append("minted or burned does not fit in 64 bits")
    problems += [
        f"{account}: balance {amount} does not fit in 64 bits"
        for account, amount in ledger.balances.items()
        if not 0 <= amount <= U64_MAX
    ]
    return problems
