"""Who may act: external accounts, the protocol's own accounts, and the system.

Every transaction of every contract names its **sender** first -- the account that signed it --
and a sender is always an **external account**: a holder, an operator, a staker, a voter. The
protocol's own accounts are **protected**; they can never sign a transaction, receive a transfer,
or hold a position, and their balances move only by the rules that name them (the table
:data:`PROTECTED` lists each one and what moves it):

* **module accounts** (``module:…``) hold what a contract holds for others: bonded stake, stake
  unbonding, rewards not yet paid, proposal deposits;
* **authorities** (``authority:…``) hold nothing; they name who creates or destroys tokens on the
  paths that account for it -- the inflation mint, the slashing burn, the burn of a vetoed
  deposit -- and who changes a governed parameter;
* **reserves** (``genesis:…``) are the genesis allocations the seeds name: the IOTA stakers'
  20 %, the community's 70 % (also the community pool that receives reward remainders) and the
  unassigned rest;
* the **system** (``system``) is the protocol itself: the only caller of the operations that move
  a contract's clock (an epoch change, the end of a distribution day) and of slashing, whose
  evidence the Main Assembly has validated before it reaches the root chain.

An *account name* is a string of 1 to 128 UTF-8 bytes of printable characters without
whitespace. Which kind of account a name is depends only on the name, so every implementation
classifies it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

#: The protocol itself: the caller of protocol operations (epoch changes, slashing).
SYSTEM: Final = "system"

MODULE_PREFIX: Final = "module:"
AUTHORITY_PREFIX: Final = "authority:"
RESERVE_PREFIX: Final = "genesis:"

#: The longest account name, in UTF-8 bytes.
MAX_NAME_BYTES: Final = 128

# The Assembly ledger's protected accounts.
IOTA_STAKERS: Final = "genesis:iota-stakers"
COMMUNITY: Final = "genesis:community"
UNASSIGNED: Final = "genesis:unassigned"

INFLATION_AUTHORITY: Final = "authority:inflation"
SLASHING_AUTHORITY: Final = "authority:slashing"
GOVERNANCE_AUTHORITY: Final = "authority:governance"

BONDED_POOL: Final = "module:bonded"
UNBONDING_POOL: Final = "module:unbonding"
REWARDS_POOL: Final = "module:rewards"
DEPOSITS: Final = "module:gov-deposits"


class AccountKind(Enum):
    EXTERNAL = "external"
    MODULE = "module"
    AUTHORITY = "authority"
    RESERVE = "reserve"
    SYSTEM = "system"


def is_name(value: object) -> bool:
    """True when ``value`` is a well-formed name: 1..128 UTF-8 bytes, printable, no whitespace."""
    if type(value) is not str or not value or not value.isprintable():
        return False
    if len(value) > MAX_NAME_BYTES or len(value.encode("utf-8")) > MAX_NAME_BYTES:
        return False
    return not any(character.isspace() for character in value)


def account_kind(name: str) -> AccountKind:
    """The kind of account ``name`` is, from its name alone."""
    if name == SYSTEM:
        return AccountKind.SYSTEM
    if name.startswith(MODULE_PREFIX):
        return AccountKind.MODULE
    if name.startswith(AUTHORITY_PREFIX):
        return AccountKind.AUTHORITY
    if name.startswith(RESERVE_PREFIX):
        return AccountKind.RESERVE
    return AccountKind.EXTERNAL


def is_external(name: str) -> bool:
    """True when ``name`` is an external account: one that may sign a transaction."""
    return account_kind(name) is AccountKind.EXTERNAL


@dataclass(frozen=True)
class ProtectedRecord:
    """One protected account: what it holds and the only rules that move its balance."""

    name: str
    kind: AccountKind
    holds: str
    moved_by: str


PROTECTED: Final[tuple[ProtectedRecord, ...]] = (
    ProtectedRecord(
        IOTA_STAKERS,
        AccountKind.RESERVE,
        "the IOTA stakers' 20 % of the genesis supply",
        "nothing on the Assembly ledger: the pre- and post-launch distributions pay it out "
        "through their own contracts",
    ),
    ProtectedRecord(
        COMMUNITY,
        AccountKind.RESERVE,
        "the community's 70 %, and the community pool",
        "receives the remainders of each epoch's reward split and the rounding dust of an "
        "emptied validator pool; no rule spends it",
    ),
    ProtectedRecord(
        UNASSIGNED,
        AccountKind.RESERVE,
        "the 10 % the seeds leave unassigned",
        "nothing",
    ),
    ProtectedRecord(
        BONDED_POOL,
        AccountKind.MODULE,
        "every validator pool's bonded tokens",
        "registerValidator and delegate pay in; undelegate moves to the unbonding pool; "
        "withdrawExited pays out; slash burns",
    ),
    ProtectedRecord(
        UNBONDING_POOL,
        AccountKind.MODULE,
        "stake waiting out the unbonding period",
        "undelegate pays in; withdrawUnbonded pays out; slash burns",
    ),
    ProtectedRecord(
        REWARDS_POOL,
        AccountKind.MODULE,
        "minted inflation and chain fees not yet paid",
        "the epoch change mints into it and pays commission and the community's remainder "
        "from it; payFees pays in; claimRewards pays out",
    ),
    ProtectedRecord(
        DEPOSITS,
        AccountKind.MODULE,
        "the deposits of proposals still voting",
        "submitProposal pays in; the tally returns a deposit or burns a vetoed one",
    ),
    ProtectedRecord(
        INFLATION_AUTHORITY,
        AccountKind.AUTHORITY,
        "nothing",
        "names the epoch change's mint, into the rewards pool only",
    ),
    ProtectedRecord(
        SLASHING_AUTHORITY,
        AccountKind.AUTHORITY,
        "nothing",
        "names the burn of slashed stake, from the bonded and unbonding pools only",
    ),
    ProtectedRecord(
        GOVERNANCE_AUTHORITY,
        AccountKind.AUTHORITY,
        "nothing",
        "names the burn of a vetoed deposit (from the deposits account only) and every change "
        "of a governed parameter, made when a passed proposal takes effect",
    ),
    ProtectedRecord(
        SYSTEM,
        AccountKind.SYSTEM,
        "nothing",
        "the caller of every protocol operation: advanceEpoch, advanceTo and slash",
    ),
)
