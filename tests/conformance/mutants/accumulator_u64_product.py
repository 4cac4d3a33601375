"""u64 intermediates: a holder's earnings, stake × (R − R_entry), are computed modulo 2⁶⁴,
which is exact for small stakes and wrong at the ASMB supply's magnitudes."""

from __future__ import annotations

from contracts.accumulator import Position, RewardAccumulator
from contracts.conformance.api import create_reference
from tests.conformance.mutants import swap_class

_MASK = 2**64 - 1


class U64Product(RewardAccumulator):
    def _settle(self, position: Position) -> Position:
        active, entry = position.active, position.entry
        if position.pending and position.pending_from <= self.period:
            checkpoint = self.checkpoints[position.pending_from]
            position.owed_scaled += (active * (checkpoint - entry)) & _MASK
            active += position.pending
            position.active, position.pending, entry = active, 0, checkpoint
        position.owed_scaled += (active * (self.reward_per_unit - entry)) & _MASK
        position.entry = self.reward_per_unit
        return position


class Implementation:
    contract = "reward-accumulator"

    def create(self, contract: str, args: dict[str, object]) -> object:
        return swap_class(create_reference(contract, args), U64Product)


def implementation() -> Implementation:
    return Implementation()
