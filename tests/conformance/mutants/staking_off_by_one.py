"""Off-by-one counting window: the event's start milestone is counted too."""

from __future__ import annotations

from typing import Any

from contracts.participation.event import ParticipationEvent, StakingPayload
from contracts.participation.tracking import TrackedOutput
from contracts.prelaunch import PrelaunchStaking
from tests.conformance.mutants import MutantImplementation, swap_class


def _counted(event: ParticipationEvent, output: TrackedOutput, at: int) -> int:
    first = max(event.start, output.booked_at)  # should be start + 1
    last = min(at, event.end)
    if output.spent_at is not None:
        last = min(last, output.spent_at - 1)
    return max(0, last - first + 1)


class OffByOne(PrelaunchStaking):
    def rewards_by_address(self, at: int | None = None) -> dict[str, int]:
        from contracts.participation.tracking import resolve_milestone

        milestone = resolve_milestone(self.event, at)
        staking: StakingPayload = self.staking
        sums: dict[str, int] = {}
        for output in self.outputs.values():
            reward = staking.rewards_per_milestone(output.amount) * _counted(
                self.event, output, milestone
            )
            sums[output.address] = sums.get(output.address, 0) + reward
        return sums


def implementation() -> MutantImplementation:
    return MutantImplementation("participation-staking", lambda c: swap_class(c, OffByOne))


_: Any = None
