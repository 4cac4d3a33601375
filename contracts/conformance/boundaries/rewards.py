"""The thresholds of the pro-rata reward streams: the accumulator, the post-launch distribution
and SMR staking."""

from __future__ import annotations

from collections.abc import Iterable

from contracts.conformance.boundaries.base import (
    JSON,
    U64_MAX,
    Boundary,
    Offsets,
    Step,
    as_int,
    offset,
    parameter,
)
from contracts.prelaunch import PRELAUNCH_CAP


def _accumulator(state: JSON) -> JSON:
    return state if "totalActive" in state else state["rewards"]


def _unstake_held(step: Step) -> Iterable[int]:
    holders = _accumulator(step.before)["holders"]
    holder = holders.get(step.args.get("holder"))
    if holder is not None:
        yield as_int(step.args["amount"]) - as_int(holder["active"]) - as_int(holder["pending"])


def _total_stake_width(step: Step) -> Iterable[int]:
    rewards = _accumulator(step.before)
    total = as_int(rewards["totalActive"]) + as_int(rewards["totalPending"])
    yield total + as_int(step.args["amount"]) - U64_MAX


def _offered_width(step: Step) -> Iterable[int]:
    yield as_int(_accumulator(step.before)["offered"]) + as_int(step.args["amount"]) - U64_MAX


def _day_minus(last: int, argument: str = "day") -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        value = step.args.get(argument)
        if isinstance(value, int):
            yield value - last

    return offsets


def _phase_one(step: Step) -> Iterable[int]:
    return offset(step.create.get("phaseOneTotal"), PRELAUNCH_CAP)


def _epochs_per_call(step: Step) -> Iterable[int]:
    epoch = step.args.get("epoch")
    if isinstance(epoch, int):
        yield epoch - step.before["epoch"] - parameter("SMR_MAX_EPOCHS_PER_CALL")


def _balance(step: Step) -> Iterable[int]:
    balances = step.before["balances"]
    holder = step.args.get("holder")
    if holder in balances:
        yield as_int(step.args["amount"]) - as_int(balances[holder])


def reward_boundaries() -> list[Boundary]:
    accumulator = "reward-accumulator"
    return [
        Boundary(
            accumulator,
            "unstaking all of a stake",
            "unstake at most the holder's active and pending stake",
            ("unstake",),
            _unstake_held,
            "INSUFFICIENT_STAKE",
        ),
        Boundary(
            accumulator,
            "the total stake at 2⁶⁴ − 1",
            "the total stake fits in u64 (WIDTH-01)",
            ("stake",),
            _total_stake_width,
            "WIDTH_EXCEEDED",
        ),
        Boundary(
            accumulator,
            "the rewards offered at 2⁶⁴ − 1",
            "the rewards offered fit in u64 (WIDTH-01)",
            ("distribute",),
            _offered_width,
            "WIDTH_EXCEEDED",
        ),
        Boundary(
            "postlaunch",
            "the last staking day",
            "stake is added on days 1 … 639 (POSTLAUNCH_DAYS)",
            ("stake",),
            _day_minus(parameter("POSTLAUNCH_DAYS")),
            "INVALID_DAY",
        ),
        Boundary(
            "postlaunch",
            "the last day paid",
            "day 639 is paid when day 640 begins, and nothing after it",
            ("advanceTo",),
            _day_minus(parameter("POSTLAUNCH_DAYS")),
        ),
        Boundary(
            "postlaunch",
            "the maximum of phase one",
            "D1 ≤ 8 B ASMB (the seed's 8 % of the supply)",
            ("create",),
            _phase_one,
            "ALLOCATION_EXCEEDED",
        ),
        Boundary(
            "postlaunch",
            "the total stake at 2⁶⁴ − 1",
            "the total stake fits in u64",
            ("stake",),
            _total_stake_width,
            "WIDTH_EXCEEDED",
        ),
        Boundary(
            "smr-staking",
            "the end of a year",
            "each year's 8 % is taken of the supply at its start (SMR_EPOCHS_PER_YEAR)",
            ("advanceTo",),
            _day_minus(parameter("SMR_EPOCHS_PER_YEAR"), "epoch"),
        ),
        Boundary(
            "smr-staking",
            "epochs per call",
            "one call ends at most SMR_MAX_EPOCHS_PER_CALL epochs",
            ("advanceTo",),
            _epochs_per_call,
            "INVALID_DAY",
        ),
        Boundary(
            "smr-staking",
            "staking a whole balance",
            "stake at most the holder's balance",
            ("stake",),
            _balance,
            "INSUFFICIENT_BALANCE",
        ),
    ]
