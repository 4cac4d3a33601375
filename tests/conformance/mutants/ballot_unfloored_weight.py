"""Ballot weights divided by the wrong denominator (amount / 100 instead of / 1,000)."""

from __future__ import annotations

from typing import Any

from contracts.participation import ballot as ballot_module
from contracts.participation.ballot import BallotEvent, BallotStatus
from tests.conformance.mutants import MutantImplementation, swap_class


class WrongWeight(BallotEvent):
    def status(self, at: int | None = None) -> BallotStatus:
        original = getattr(ballot_module, "BALLOT_DENOMINATOR")  # noqa: B009
        setattr(ballot_module, "BALLOT_DENOMINATOR", 100)  # noqa: B010
        try:
            return super().status(at)
        finally:
            setattr(ballot_module, "BALLOT_DENOMINATOR", original)  # noqa: B010


def implementation() -> MutantImplementation:
    return MutantImplementation("participation-ballot", lambda c: swap_class(c, WrongWeight))


_: Any = None
