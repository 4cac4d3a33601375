"""A naive model of root-chain rewards: every epoch it loops over every delegator.

It keeps its own validator pools (tokens, shares, who holds which shares, active or pending) and,
at the end of every epoch, splits that epoch's mint by the pools' active stake, takes each
commission, and gives *every* holder of every pool its exact share -- a ``Fraction`` -- of what is
left, by looping over all of them. The contract does the same with per-pool accumulators in O(1)
per holder; its payouts must stay within the accumulator's bound of this model's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction


@dataclass
class NaivePool:
    operator: str
    commission_bp: int
    operational: bool = True
    active_status: bool = True
    next_commission_bp: int | None = None
    tokens: int = 0
    shares: int = 0
    active: dict[str, int] = field(default_factory=dict)
    pending: dict[str, int] = field(default_factory=dict)

    def held(self, holder: str) -> int:
        return self.active.get(holder, 0) + self.pending.get(holder, 0)


class NaiveRootChain:
    def __init__(self) -> None:
        self.pools: dict[str, NaivePool] = {}
        self.exact: dict[tuple[str, str], Fraction] = {}
        self.commission: dict[str, int] = {}

    def register(self, operator: str, validator: str, bond: int, commission_bp: int) -> None:
        self.pools[validator] = NaivePool(operator, commission_bp)
        self.delegate(operator, validator, bond)

    def delegate(self, holder: str, validator: str, amount: int) -> None:
        pool = self.pools[validator]
        shares = amount if pool.shares == 0 else amount * pool.shares // pool.tokens
        pool.tokens += amount
        pool.shares += shares
        pool.pending[holder] = pool.pending.get(holder, 0) + shares

    def undelegate(self, holder: str, validator: str, amount: int) -> None:
        pool = self.pools[validator]
        shares = -(-amount * pool.shares // pool.tokens)
        from_pending = min(shares, pool.pending.get(holder, 0))
        pool.pending[holder] = pool.pending.get(holder, 0) - from_pending
        pool.active[holder] = pool.active.get(holder, 0) - (shares - from_pending)
        pool.tokens -= amount
        pool.shares -= shares

    def slash(self, validator: str, fraction: Fraction) -> None:
        pool = self.pools[validator]
        pool.tokens -= int(pool.tokens * fraction)
        pool.active_status = False

    def end_epoch(
        self,
        mint: int,
        fees: dict[str, int] | None = None,
        committees: dict[str, list[str]] | None = None,
    ) -> None:
        """Pay one epoch: the mint by stake to all eligible pools, each chain's fees by stake to
        its committee's eligible members, then commission and every holder's exact share."""
        weights = {}
        for vid, pool in self.pools.items():
            active = sum(pool.active.values())
            if pool.active_status and pool.operational and pool.shares:
                weight = active * pool.tokens // pool.shares
                if weight:
                    weights[vid] = weight
        rewards = self._split(mint, weights)
        for chain, amount in sorted((fees or {}).items()):
            members = {v: weights[v] for v in (committees or {}).get(chain, []) if v in weights}
            for vid, share in self._split(amount, members).items():
                rewards[vid] = rewards.get(vid, 0) + share
        for vid, reward in rewards.items():
            pool = self.pools[vid]
            commission = reward * pool.commission_bp // 10_000
            self.commission[pool.operator] = self.commission.get(pool.operator, 0) + commission
            rest = reward - commission
            active_total = sum(pool.active.values())
            for holder, shares in pool.active.items():  # every holder, every epoch
                if shares:
                    key = (holder, vid)
                    self.exact[key] = self.exact.get(key, Fraction(0)) + Fraction(
                        rest * shares, active_total
                    )
        for pool in self.pools.values():
            for holder, shares in pool.pending.items():
                pool.active[holder] = pool.active.get(holder, 0) + shares
            pool.pending = {}
            if pool.next_commission_bp is not None:
                pool.commission_bp = pool.next_commission_bp
                pool.next_commission_bp = None

    @staticmethod
    def _split(amount: int, weights: dict[str, int]) -> dict[str, int]:
        total = sum(weights.values())
        return {v: amount * w // total for v, w in weights.items()} if total else {}

    def entitled(self, holder: str, validator: str) -> int:
        return int(self.exact.get((holder, validator), Fraction(0)))
