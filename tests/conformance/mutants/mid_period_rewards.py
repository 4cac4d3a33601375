"""Rewards to stake added mid-period: new stake is active at once, not from the next period."""

from __future__ import annotations

from typing import Any

from contracts.accumulator import Position, RewardAccumulator
from tests.conformance.mutants import MutantImplementation, swap_class


class ActiveAtOnce(RewardAccumulator):
    def stake(self, holder: str, amount: int) -> None:
        position = self.positions.setdefault(holder, Position(entry=self.reward_per_unit))
        self._settle(position)
        position.active += amount
        self.total_active += amount


def implementation() -> MutantImplementation:
    return MutantImplementation("reward-accumulator", lambda c: swap_class(c, ActiveAtOnce))


_: Any = None
