"""The seed profile's 8 % maximum is not enforced."""

from __future__ import annotations

from typing import Any

from contracts.prelaunch import PrelaunchStaking, SeedProfileResults, apply_seed_cap
from tests.conformance.mutants import MutantImplementation, swap_class


class NoCap(PrelaunchStaking):
    def seed_results(self, at: int | None = None) -> SeedProfileResults:
        return apply_seed_cap(self.event, self.results(at), cap=2**64)


def implementation() -> MutantImplementation:
    return MutantImplementation("participation-staking", lambda c: swap_class(c, NoCap))


_: Any = None
