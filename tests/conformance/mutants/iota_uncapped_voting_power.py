"""Voting power proportional to stake, without the per-validator cap."""

from __future__ import annotations

from typing import Any

from contracts.iota.system import IotaStaking
from tests.conformance.mutants import MutantImplementation, swap_class


class Uncapped(IotaStaking):
    def _select_committee(self) -> None:
        super()._select_committee()
        stakes = {a: self.validators[a].pool.iota_balance for a in self.committee}
        total = sum(stakes.values())
        if not total:
            return
        powers = {a: s * 10_000 // total for a, s in stakes.items()}
        leftover = 10_000 - sum(powers.values())
        if self.committee:
            powers[self.committee[0]] += leftover
        for address, power in powers.items():
            self.validators[address].voting_power = power


def implementation() -> MutantImplementation:
    return MutantImplementation("iota-staking", lambda c: swap_class(c, Uncapped))


_: Any = None
