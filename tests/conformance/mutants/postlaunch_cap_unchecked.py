"""Constructor handling: a phase-one total above the seed's 8 % maximum is accepted."""

from __future__ import annotations

from typing import Any

from contracts import postlaunch
from contracts.conformance.api import create_reference
from contracts.errors import AllocationExceeded
from contracts.prelaunch import IOTA_STAKERS_ALLOCATION


class CapUnchecked:
    contract = "postlaunch"

    def create(self, contract: str, args: dict[str, Any]) -> Any:
        try:
            return create_reference(contract, args)
        except AllocationExceeded:
            total = int(args["phaseOneTotal"])
            instance = create_reference(contract, {"phaseOneTotal": 0})
            instance.phase_one_total = total
            instance.allocation = IOTA_STAKERS_ALLOCATION - total
            instance.daily = max(instance.allocation, 0) // postlaunch.DAYS
            instance.schedule_dust = instance.allocation - postlaunch.DAYS * instance.daily
            return instance


def implementation() -> CapUnchecked:
    return CapUnchecked()
