"""Slashed rewards redistributed to the other validators (protocol version 1) instead of burned."""

from __future__ import annotations

from contracts.iota.system import IotaStaking
from tests.conformance.mutants import MutantImplementation, swap_class


class Redistributes(IotaStaking):
    def compute_slashed(self) -> frozenset[str]:
        return frozenset()  # nobody's reward is cut, so nothing is burned


def implementation() -> MutantImplementation:
    return MutantImplementation("iota-staking", lambda c: swap_class(c, Redistributes))
