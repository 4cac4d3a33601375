"""The ASMB ledger: balances, genesis allocation, and mint and burn reserved to authorities.

Genesis (ASMB-SUPPLY-01) creates the 100 B initial supply in named accounts, as ``spec`` splits it:

==========================  ======================================================
``genesis:iota-stakers``    20 % -- the IOTA stakers' share, pre- and post-launch
``genesis:community``       70 % -- developer incentives, community DAOs, grants;
                            also the community pool that receives reward remainders
``genesis:unassigned``      the remaining 10 %, which the seeds do not assign
==========================  ======================================================

Only named authorities change the supply: ``authority:inflation`` mints (staking rewards),
``authority:slashing`` burns (slashed stake) and ``authority:governance`` burns (vetoed
deposits). Contracts hold tokens in module accounts (``module:bonded``, ``module:unbonding``,
``module:rewards``, ``module:gov-deposits``), so at every moment (ASMB-SUPPLY-02)

    genesis + minted − burned = supply = Σ balances of every account.
"""

from __future__ import annotations

from typing import Any, Final

from contracts.errors import InsufficientBalance, InvalidAmount, InvalidInput, Unauthorized
from contracts.invariants import checker
from contracts.units import U64_MAX, MicroAsmb, is_uint
from spec import parameters

IOTA_STAKERS: Final = "genesis:iota-stakers"
COMMUNITY: Final = "genesis:community"
UNASSIGNED: Final = "genesis:unassigned"

INFLATION_AUTHORITY: Final = "authority:inflation"
SLASHING_AUTHORITY: Final = "authority:slashing"
GOVERNANCE_AUTHORITY: Final = "authority:governance"

MINTERS: Final = frozenset({INFLATION_AUTHORITY})
BURNERS: Final = frozenset({SLASHING_AUTHORITY, GOVERNANCE_AUTHORITY})

BONDED_POOL: Final = "module:bonded"
UNBONDING_POOL: Final = "module:unbonding"
REWARDS_POOL: Final = "module:rewards"
DEPOSITS: Final = "module:gov-deposits"


def genesis_allocation() -> dict[str, MicroAsmb]:
    """The genesis accounts and balances, from ``spec`` (ASMB-SUPPLY-01)."""
    supply = parameters.integer("ASMB_INITIAL_SUPPLY")
    stakers = int(supply * parameters.ratio("IOTA_STAKERS_SHARE"))
    community = int(supply * parameters.ratio("COMMUNITY_SHARE"))
    return {IOTA_STAKERS: stakers, COMMUNITY: community, UNASSIGNED: supply - stakers - community}


class Ledger:
    """ASMB balances of every account; every transfer conserves, mint and burn are authorised."""

    def __init__(self, balances: dict[str, MicroAsmb] | None = None) -> None:
        allocation = genesis_allocation() if balances is None else dict(balances)
        for account, amount in allocation.items():
            if not isinstance(account, str) or not account or not is_uint(amount, U64_MAX):
                raise InvalidInput(f"genesis entry {account!r}: {amount!r} is not a uint64")
        self.balances: dict[str, MicroAsmb] = {a: v for a, v in allocation.items() if v}
        self.genesis: MicroAsmb = sum(allocation.values())
        self.minted: MicroAsmb = 0
        self.burned: MicroAsmb = 0
        self.burned_by: dict[str, MicroAsmb] = {}

    def balance(self, account: str) -> MicroAsmb:
        return self.balances.get(account, 0)

    def supply(self) -> MicroAsmb:
        return self.genesis + self.minted - self.burned

    def _check(self, account: str, amount: int, *, allow_zero: bool = False) -> None:
        if not isinstance(account, str) or not account:
            raise InvalidInput(f"account {account!r} is not a non-empty string")
        if not is_uint(amount, U64_MAX) or (amount == 0 and not allow_zero):
            raise InvalidAmount(f"amount {amount!r} is not in 1..2^64-1")

    def check_transfer(self, sender: str, recipient: str, amount: MicroAsmb) -> None:
        """Raise the error :meth:`transfer` would raise, without changing anything."""
        self._check(sender, amount)
        self._check(recipient, amount)
        if self.balance(sender) < amount:
            raise InsufficientBalance(
                f"{sender} sends {amount} µASMB but holds {self.balance(sender)}", account=sender
            )

    def transfer(self, sender: str, recipient: str, amount: MicroAsmb) -> None:
        """Move ``amount`` from ``sender`` to ``recipient``; the caller is the sender's owner."""
        self.check_transfer(sender, recipient, amount)
        self.balances[sender] -= amount
        if not self.balances[sender]:
            del self.balances[sender]
        self.balances[recipient] = self.balance(recipient) + amount

    def mint(self, authority: str, recipient: str, amount: MicroAsmb) -> None:
        """Create ``amount`` for ``recipient``; only a minting authority may (ASMB-SUPPLY-02)."""
        if authority not in MINTERS:
            raise Unauthorized(f"{authority!r} may not mint ASMB", caller=authority)
        self._check(recipient, amount, allow_zero=True)
        if amount == 0:
            return
        if self.supply() + amount > U64_MAX:
            raise InvalidAmount("the supply would exceed uint64")
        self.minted += amount
        self.balances[recipient] = self.balance(recipient) + amount

    def burn(self, authority: str, account: str, amount: MicroAsmb) -> None:
        """Destroy ``amount`` held by ``account``; only a burning authority may."""
        if authority not in BURNERS:
            raise Unauthorized(f"{authority!r} may not burn ASMB", caller=authority)
        self._check(account, amount, allow_zero=True)
        if amount == 0:
            return
        if self.balance(account) < amount:
            raise InsufficientBalance(f"{account} holds {self.balance(account)} < {amount}")
        self.burned += amount
        self.burned_by[authority] = self.burned_by.get(authority, 0) + amount
        self.balances[account] -= amount
        if not self.balances[account]:
            del self.balances[account]

    def snapshot(self) -> dict[str, Any]:
        return {
            "genesis": self.genesis,
            "minted": self.minted,
            "burned": self.burned,
            "balances": dict(sorted(self.balances.items())),
        }


@checker("ASMB-SUPPLY-02", Ledger)
def _check_conservation(ledger: Ledger) -> list[str]:
    if sum(ledger.burned_by.values()) != ledger.burned:
        return ["burns by authority do not add up to the burned total"]
    total = sum(ledger.balances.values())
    if total != ledger.supply():
        return [f"Σ balances {total} ≠ genesis + minted − burned {ledger.supply()}"]
    if any(v <= 0 for v in ledger.balances.values()):
        return ["an account holds a non-positive balance"]
    return []
