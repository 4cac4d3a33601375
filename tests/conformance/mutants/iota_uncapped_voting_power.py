"""Voting power proportional to stake, without the per-validator cap."""

from __future__ import annotations

from collections.abc import Sequence

from contracts.iota.system import IotaStaking
from tests.conformance.mutants import MutantImplementation, swap_class


class Uncapped(IotaStaking):
    def seat(self, committee: Sequence[str], powers: dict[str, int]) -> None:
        stakes = {a: self.validators[a].pool.iota_balance for a in committee}
        total = sum(stakes.values())
        if total:
            powers = {a: s * 10_000 // total for a, s in stakes.items()}
            powers[committee[0]] += 10_000 - sum(powers.values())
        super().seat(committee, powers)


def implementation() -> MutantImplementation:
    return MutantImplementation("iota-staking", lambda c: swap_class(c, Uncapped))
