"""The Assembly root chain: validator bonds, delegation, committees, rewards and slashing.

Seeds: "Validators ... are required to deposit Assembly tokens as a security bond in the Assembly
Root chain smart contract"; "the validator can also use tokens that Assembly token holders pledged
to the validator"; validators "pay a part of their earned profits to the Assembly holders who
pledged their tokens"; "a deposited stake ... can be partially or fully slashed"; "Slashed tokens
are burned by the network". Where the seeds leave a number or mechanism open, the rule follows the
Cosmos SDK (x/staking, x/slashing, x/distribution), as each rule below says.

**Validator pools** (ROOT-BOND-01). Each validator has a pool of bonded tokens and of *shares*,
as Cosmos validators do: a holder who bonds ``a`` tokens receives ``floor(a · shares / tokens)``
shares (1:1 for an empty pool); a holder's stake is worth ``floor(shares_h · tokens / shares)``.
The operator's own bond is its delegation to its own pool, and must stay worth at least the
minimum bond while the validator is active. The security bond is the pool's tokens: own plus
delegated stake.

**Time and authority.** Every call names the epoch it is made in, which must be the current
epoch. Every transaction's first argument is its sender, an external account; module accounts
never act. :meth:`RootChain.end_epoch`, :meth:`RootChain.begin_epoch` (the network wires them with
governance, see :mod:`contracts.assembly`) and :meth:`RootChain.slash` are protocol operations:
only the system calls them.

**Rewards** (ROOT-REWARD-01). At the end of each epoch the inflation of that epoch (the adopted
yearly-provision convention, at the governance-controlled rate) is minted and split among the
eligible validators -- active, operational, with stake that was bonded for the whole epoch -- in
proportion to that stake; each chain's fees are split among its committee members the same way.
Each validator keeps its commission (``floor(reward · commission)``) and shares the rest with
the pool's shares through the reward accumulator, so stake earns from the epoch after it was
bonded (ROOT-REWARD-02). Remainders of the splits go to the community pool, as in Cosmos
x/distribution.

**Commission** (ROOT-COMMISSION-01). Within the governance bounds; a change applies from the next
epoch.

**Unbonding** (ROOT-UNBOND-01). Unbonding stake stops earning at once and is released after
``ASMB_UNBONDING_EPOCHS``. An exiting validator's whole pool unbonds together.

**Slashing** (ROOT-SLASH-01). Only with evidence the Main Assembly has validated, which the
system submits: a validator, the epoch of the offence (not older than the unbonding period), a
severity and a unique id. The burn is the slashing authority's. The
severity's fraction f is taken from the pool's current tokens (``floor(tokens · f)``, as Cosmos
truncates) and from every unbonding entry of the pool created at or after the offence epoch --
stake still unbonding that was bonded at the offence. Everything slashed is **burned**: the
supply falls by exactly the slashed amount. A critical offence (f = 1) tombstones the validator.

The rules are split by what they model: :mod:`.records` (validators, unbonding entries,
evidence), :mod:`.delegation` (pools, bonds, unbonding, commission), :mod:`.rewards` (the epoch's
reward split and claims), :mod:`.slashing`, :mod:`.chains` (chains, fees, the committee draw) and
:mod:`.checks` (the state invariants); :mod:`.chain` assembles :class:`RootChain` from them.
"""

from __future__ import annotations

# Importing the checkers registers them with :mod:`contracts.invariants`.
from contracts.root_chain import checks  # noqa: F401
from contracts.root_chain.chain import RootChain
from contracts.root_chain.records import (
    EPOCHS_PER_YEAR,
    EpochEnd,
    Evidence,
    Severity,
    Status,
    UnbondingEntry,
    Validator,
)

__all__ = [
    "EPOCHS_PER_YEAR",
    "EpochEnd",
    "Evidence",
    "RootChain",
    "Severity",
    "Status",
    "UnbondingEntry",
    "Validator",
]
