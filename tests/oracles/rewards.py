"""Deliberately naive oracles for pro-rata reward streams: every holder, every period.

``NaiveDailyShares`` replays the same calls as a contract, keeps every holder's stake by day, and
at the end of each day loops over *every* holder to add its exact share ``payout · weight /
total`` -- the weight being the stake held through the whole day (the minimum over the day). The
shares are exact rationals; to stay fast at 10,000 holders × 639 days, each day's share is split
into its integer part and a remainder, and the remainders are summed with outward-rounded fixed
point at 10^60, falling back to exact fractions only when that cannot decide the floor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

_PRECISION = 10**60


@dataclass
class _Holder:
    stake: int = 0  # current stake
    weight: int = 0  # stake held since the start of the current day (the day's minimum)
    whole: int = 0  # Σ integer parts of the exact shares
    low: int = 0  # Σ floor(remainder · P / total)
    high: int = 0  # Σ ceil(remainder · P / total)
    exact: list[tuple[int, int]] = field(default_factory=list)  # (remainder, total) pairs
    claimed: int = 0


class NaiveDailyShares:
    """Exact per-holder shares of a daily payout, computed by looping over every holder daily."""

    def __init__(self, payout: int, first_day: int, last_day: int) -> None:
        self.payout = payout
        self.first_day = first_day
        self.last_day = last_day
        self.day = 0
        self.holders: dict[str, _Holder] = {}
        self.undistributed = 0

    def _end_day(self) -> None:
        if self.first_day <= self.day <= self.last_day:
            total = sum(h.weight for h in self.holders.values())
            if total == 0:
                self.undistributed += self.payout
            else:
                for holder in self.holders.values():
                    if holder.weight:
                        quotient, remainder = divmod(self.payout * holder.weight, total)
                        holder.whole += quotient
                        if remainder:
                            holder.low += remainder * _PRECISION // total
                            holder.high += -(-remainder * _PRECISION // total)
                            holder.exact.append((remainder, total))
        for holder in self.holders.values():
            holder.weight = holder.stake
        self.day += 1

    def advance(self, day: int) -> None:
        while self.day < day:
            self._end_day()

    def stake(self, name: str, amount: int, day: int) -> None:
        self.advance(day)
        self.holders.setdefault(name, _Holder()).stake += amount

    def unstake(self, name: str, amount: int, day: int) -> None:
        self.advance(day)
        holder = self.holders[name]
        holder.stake -= amount
        holder.weight = min(holder.weight, holder.stake)

    def entitled(self, name: str) -> int:
        """floor of the holder's exact total share so far."""
        holder = self.holders.get(name)
        if holder is None:
            return 0
        low, high = holder.low // _PRECISION, holder.high // _PRECISION
        if low == high:
            return holder.whole + low
        fraction = sum((Fraction(r, t) for r, t in holder.exact), Fraction(0))
        return holder.whole + int(fraction)

    def claim(self, name: str, day: int) -> int:
        self.advance(day)
        holder = self.holders[name]
        due = self.entitled(name) - holder.claimed
        holder.claimed += due
        return due
