"""Wrong rounding direction: the daily payout is rounded up instead of down."""

from __future__ import annotations

from typing import Any

from contracts.postlaunch import DAYS
from tests.conformance.mutants import MutantImplementation


def _patch(contract: Any) -> Any:
    contract.daily = -(-contract.allocation // DAYS)
    contract.schedule_dust = contract.allocation - DAYS * contract.daily
    return contract


def implementation() -> MutantImplementation:
    return MutantImplementation("postlaunch", _patch)
