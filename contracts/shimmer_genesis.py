"""Shimmer genesis: the initial SMR supply, exact to the glow.

The seed bootstraps Shimmer "purely from IOTA token stakers": 100 % of the initial supply to
them. As deployed (TIP-32), after the Shimmer funding vote passed, the stakers' glow became 80 %
of a larger supply and the Community Treasury DAO and the Tangle Ecosystem Association received
10 % each. From the stakers' total S (the Shimmer staking event's total rewards, in glow):

    extra = floor(S · (dao + tea) / stakers)        the 20 %, from S being 80 %
    DAO   = ceil(extra · dao / (dao + tea))          the odd glow goes to the DAO
    TEA   = extra − DAO
    total = S + extra                                (SMR-GENESIS-02)

With S = 1,450,896,407,249,092 glow this gives TIP-32's figures exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import ceil
from typing import Any, Final

from contracts.errors import InvalidAmount
from contracts.invariants import checker
from contracts.units import U64_MAX, Glow, is_uint
from spec import parameters

STAKERS_SHARE: Final = parameters.ratio("SHIMMER_STAKERS_SHARE")
DAO_SHARE: Final = parameters.ratio("SHIMMER_DAO_SHARE")
TEA_SHARE: Final = parameters.ratio("SHIMMER_TEA_SHARE")


@dataclass(frozen=True)
class ShimmerGenesis:
    stakers: Glow
    dao: Glow
    tea: Glow

    @property
    def total(self) -> Glow:
        return self.stakers + self.dao + self.tea

    def to_json(self) -> dict[str, Any]:
        return {"stakers": self.stakers, "dao": self.dao, "tea": self.tea, "total": self.total}


def compute_genesis(stakers: Glow, funding_approved: bool) -> ShimmerGenesis:
    """The genesis split for the stakers' total glow, with or without the funding vote's 20 %.

    ``funding_approved`` is the outcome of the Shimmer funding vote (deployed: it passed); the
    seed profile is ``funding_approved=False`` (100 % to stakers). Raises ``InvalidAmount``.
    """
    if not is_uint(stakers, U64_MAX):
        raise InvalidAmount(f"stakers' glow {stakers!r} is not a uint64")
    if not funding_approved:
        return ShimmerGenesis(stakers, 0, 0)
    others = DAO_SHARE + TEA_SHARE
    extra = int(stakers * others / STAKERS_SHARE)  # floor: the value is non-negative
    dao = ceil(Fraction(extra) * DAO_SHARE / others)
    return ShimmerGenesis(stakers, dao, extra - dao)


@checker("SMR-GENESIS-02", ShimmerGenesis)
def _check_split(genesis: ShimmerGenesis) -> list[str]:
    if genesis.dao == genesis.tea == 0:
        return []  # the seed profile: everything to stakers
    problems = []
    extra = genesis.dao + genesis.tea
    if extra != int(genesis.stakers * (DAO_SHARE + TEA_SHARE) / STAKERS_SHARE):
        problems.append("DAO + TEA is not the stakers' glow times 20/80, floored")
    if not 0 <= genesis.dao - genesis.tea <= 1:
        problems.append("DAO and TEA differ by more than the odd glow")
    return problems
