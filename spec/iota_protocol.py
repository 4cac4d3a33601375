"""IOTA protocol versions: which staking rules a network runs, as named profiles.

The rules of IOTA validator staking change with the protocol version (the framework shipped with
it, and the switches of ``crates/iota-protocol-config/src/lib.rs``). A :class:`ProtocolProfile`
names one network at one version and every switch the staking contract reads; ``mainnet-v31`` is
the default everywhere (contracts, command line, docs, vectors). Older profiles are kept for the
rules the docs compare against, never as loose flags.

The facts and where they were read (``iotaledger/iota``):

* the protocol config, ``MAX_PROTOCOL_VERSION = 31``, ``PROTOCOL_VERSION_IIP8 = 20``, the
  committee size (50 at v5, 80 at v10, 100 at v17), committee selection from eligible validators
  (v13; those supporting the next version, on mainnet from v16), validator scores passed to the
  epoch change (v19) but adjusting rewards on devnet only, in the copy the public code index
  holds for commit ``30d7634942a7d60a7880c0baed9f40141f4d8f78``;
* the framework (``crates/iota-framework/packages/iota-system/sources``): the reward split,
  the tallying rule, low-stake departures, candidates and the pools, read at commit
  ``0ca00763e77b867053b1925ec2e50860665774d4`` (2024-12-20, protocol version 2), and the changes
  since (IIP-8's ``max(commission_rate, voting_power)`` in ``distribute_reward``, committee
  selection by stake with the authority key as tie-break) from the framework's generated
  documentation of a version between 20 and 30.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spec import parameters


@dataclass(frozen=True)
class ProtocolProfile:
    """One network at one protocol version: the switches of the staking rules."""

    name: str
    network: str
    version: int
    #: IIP-8: the effective commission is max(commission rate, voting power) (v20 on).
    dynamic_min_commission: bool
    #: Rewards scaled by each validator's score (devnet only; mainnet passes the maximum score).
    adjust_rewards_by_score: bool
    #: The committee's size: the top validators by stake among the eligible ones.
    max_committee: int
    summary: str


MAINNET_V31: Final = ProtocolProfile(
    "mainnet-v31",
    "mainnet",
    parameters.integer("IOTA_PROTOCOL_VERSION"),
    dynamic_min_commission=True,
    adjust_rewards_by_score=False,
    max_committee=parameters.integer("IOTA_MAX_COMMITTEE"),
    summary="Mainnet at protocol version 31: IIP-8's dynamic minimum commission, a committee of "
    "the top 100 eligible validators by stake, no score adjustment.",
)

MAINNET_V19: Final = ProtocolProfile(
    "mainnet-v19",
    "mainnet",
    19,
    dynamic_min_commission=False,
    adjust_rewards_by_score=False,
    max_committee=parameters.integer("IOTA_MAX_COMMITTEE"),
    summary="Mainnet before IIP-8 (protocol version 19): a validator's commission is the rate "
    "it set, however much voting power it holds.",
)

DEVNET_V31: Final = ProtocolProfile(
    "devnet-v31",
    "devnet",
    parameters.integer("IOTA_PROTOCOL_VERSION"),
    dynamic_min_commission=True,
    adjust_rewards_by_score=True,
    max_committee=parameters.integer("IOTA_MAX_COMMITTEE"),
    summary="Devnet at protocol version 31: as mainnet, and each validator's reward is scaled "
    "by its score out of 65,536 (adjust_rewards_by_score, devnet only).",
)

PROFILES: Final[dict[str, ProtocolProfile]] = {
    profile.name: profile for profile in (MAINNET_V31, MAINNET_V19, DEVNET_V31)
}
DEFAULT: Final = MAINNET_V31.name
