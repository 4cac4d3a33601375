"""Inflation minted as supply × 8 % / 365 every epoch (nominal compounding)."""

from __future__ import annotations

from typing import Any

from contracts.inflation import YearlyProvision
from tests.conformance.mutants import MutantImplementation


class Nominal(YearlyProvision):
    def mint_for_epoch(self, supply: int, rate_bp: int) -> int:
        self.epoch_in_year = (self.epoch_in_year + 1) % self.epochs_per_year
        return supply * rate_bp // (self.epochs_per_year * 10_000)


def _patch(contract: Any) -> Any:
    contract.provision = Nominal(contract.provision.epochs_per_year)
    return contract


def implementation() -> MutantImplementation:
    return MutantImplementation("smr-staking", _patch)
