"""A rarely answered code mistaken: a parameter that is not governable is answered as out of
bounds (both refuse the proposal; only the code differs)."""

from __future__ import annotations

from typing import Any

from contracts.errors import NotGovernable, ParameterOutOfBounds
from contracts.governance import Governance
from tests.conformance.mutants import MutantImplementation, swap_class


class WrongCode(Governance):
    def submit(self, proposer: Any, changes: Any, deposit: Any, epoch: Any) -> int:
        try:
            return super().submit(proposer, changes, deposit, epoch)
        except NotGovernable as error:
            raise ParameterOutOfBounds(str(error)) from None


def _patch(network: Any) -> Any:
    swap_class(network.governance, WrongCode)
    return network


def implementation() -> MutantImplementation:
    return MutantImplementation("assembly", _patch)
