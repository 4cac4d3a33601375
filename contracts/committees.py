"""Smart-contract chains and their validator committees.

Chains register with a *value tier* (higher is more valuable), a committee size and a fee policy
(fees, or zero fees -- "dApps are able to set competitively low (even zero) fees"). At the start
of every epoch the committees are drawn deterministically from the epoch's seed (COMMITTEE-01):

* chains draw in order of descending tier (then ascending chain id), so higher-value chains draw
  first from the validators not yet seated;
* each seat is a weighted draw without replacement: a uniform integer r in [0, W), W the stake
  of the remaining eligible validators, selects the validator whose cumulative stake interval
  (in ascending validator-id order) contains r;
* a validator sits on at most one committee per epoch; a chain gets fewer seats when validators
  run out.

The uniform integers come from SHA-256 of (seed, epoch, chain id, seat, attempt) with rejection
sampling, so no modulo bias. With weighted draws without replacement, a validator's chance to be
seated -- on any committee, or on the highest-value chain's -- grows with its stake
(COMMITTEE-02: "the higher the stake ... the more likely this validator will be chosen to secure
high-value smart contract chains"); ``tests/unit/test_committees.py`` proves it exactly on small
sets by enumerating every draw.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from contracts.units import MicroAsmb


class FeePolicy(Enum):
    FEES = "fees"
    ZERO_FEES = "zero-fees"


@dataclass(frozen=True)
class Chain:
    chain_id: str
    owner: str
    tier: int
    committee_size: int
    fee_policy: FeePolicy

    def to_json(self) -> dict[str, Any]:
        return {
            "chainId": self.chain_id,
            "owner": self.owner,
            "tier": self.tier,
            "committeeSize": self.committee_size,
            "feePolicy": self.fee_policy.value,
        }


def uniform(seed: bytes, epoch: int, chain_id: str, seat: int, bound: int) -> int:
    """A uniform integer in [0, bound) derived from the seed, without modulo bias."""
    if bound <= 0:
        raise ValueError("bound must be positive")
    limit = 2**256 - (2**256 % bound)
    attempt = 0
    while True:
        digest = hashlib.sha256(
            seed
            + struct.pack("<Q", epoch)
            + chain_id.encode("utf-8")
            + struct.pack("<II", seat, attempt)
        ).digest()
        value = int.from_bytes(digest, "big")
        if value < limit:
            return value % bound
        attempt += 1


def select_index(weights: list[MicroAsmb], r: int) -> int:
    """The index whose cumulative weight interval [c_i, c_i + w_i) contains r."""
    cumulative = 0
    for index, weight in enumerate(weights):
        cumulative += weight
        if r < cumulative:
            return index
    raise ValueError("r is not below the total weight")


Uniform = Callable[[str, int, int], int]


def draw_committees(
    chains: list[Chain], weights: Mapping[str, MicroAsmb], uniform_for: Uniform
) -> dict[str, list[str]]:
    """Committees for every chain: higher tiers first, weighted draws without replacement.

    ``weights`` maps each eligible validator id to its stake (only positive weights are
    eligible); ``uniform_for(chain_id, seat, bound)`` supplies the uniform integers.
    """
    remaining = sorted(v for v, w in weights.items() if w > 0)
    committees: dict[str, list[str]] = {}
    for chain in sorted(chains, key=lambda c: (-c.tier, c.chain_id)):
        members: list[str] = []
        for seat in range(chain.committee_size):
            if not remaining:
                break
            stakes = [weights[v] for v in remaining]
            index = select_index(stakes, uniform_for(chain.chain_id, seat, sum(stakes)))
            members.append(remaining.pop(index))
        committees[chain.chain_id] = members
    return committees


def seeded_uniform(seed: bytes, epoch: int) -> Uniform:
    """The production source of uniform integers for one epoch."""
    return lambda chain_id, seat, bound: uniform(seed, epoch, chain_id, seat, bound)
