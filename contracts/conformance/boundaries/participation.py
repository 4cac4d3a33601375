"""The thresholds of the participation events: the booking and counting windows, the minimum."""

from __future__ import annotations

from collections.abc import Iterable

from contracts.conformance.boundaries.base import JSON, Boundary, Offsets, Step, as_int


def _event(step: Step) -> JSON:
    return step.create.get("event") or {}


def _milestone_from(field: str, argument: str) -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        value = step.args.get(argument)
        if isinstance(value, int) and field in _event(step):
            yield value - int(_event(step)[field])

    return offsets


def _minimum(step: Step) -> Iterable[int]:
    minimum = int(_event(step).get("payload", {}).get("requiredMinimumRewards", 0))
    if minimum and isinstance(step.expect.get("result"), dict):
        for reward in step.expect["result"].values():
            yield as_int(reward) - minimum


def participation_boundaries(contract: str) -> list[Boundary]:
    window = "OUTSIDE_WINDOW"
    found = [
        Boundary(
            contract,
            "booking after commence",
            "an output is tracked when booked at commence < m ≤ end",
            ("book",),
            _milestone_from("milestoneIndexCommence", "milestone"),
            window,
        ),
        Boundary(
            contract,
            "booking up to the end",
            "an output is tracked when booked at commence < m ≤ end",
            ("book",),
            _milestone_from("milestoneIndexEnd", "milestone"),
            window,
        ),
    ]
    query = "results" if contract == "participation-staking" else "status"
    found += [
        Boundary(
            contract,
            "counting after the start",
            "milestones start < m ≤ end are counted",
            (query,),
            _milestone_from("milestoneIndexStart", "at"),
        ),
        Boundary(
            contract,
            "counting up to the end",
            "milestones start < m ≤ end are counted; later ones are clamped to the end",
            (query,),
            _milestone_from("milestoneIndexEnd", "at"),
        ),
    ]
    if contract == "participation-staking":
        found.append(
            Boundary(
                contract,
                "the minimum rewards",
                "an address is listed when its rewards reach requiredMinimumRewards",
                ("rewardsByAddress",),
                _minimum,
            )
        )
    return found
