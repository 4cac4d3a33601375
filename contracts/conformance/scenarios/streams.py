"""What the scenarios of the clocked reward streams (post-launch, SMR staking) share: a seeded
random run of stakes, unstakes, claims and advances of the clock."""

from __future__ import annotations

import random
from dataclasses import dataclass

from contracts.conformance.scenarios.base import SYSTEM, Step, s


@dataclass(frozen=True)
class Stream:
    """How a random run calls a stream: the argument that names its time (``day``, ``epoch``),
    its holders, the rolls below which a call advances the clock, stakes or unstakes (the rest
    claim), the clock's jumps and the amounts staked and unstaked."""

    clock: str
    holders: list[str]
    cuts: tuple[float, float, float]
    jumps: list[int]
    stakes: list[int]
    unstakes: list[int]


def random_stream(
    rng: random.Random, stream: Stream, *, start: int, count: int
) -> tuple[list[Step], int]:
    """``count`` random calls from time ``start``, and the time they end at."""
    advance, stake, unstake = stream.cuts
    steps: list[Step] = []
    time = start
    for _ in range(count):
        roll = rng.random()
        holder = rng.choice(stream.holders)
        if roll < advance:
            time += rng.choice(stream.jumps)
            steps.append(s("advanceTo", caller=SYSTEM, **{stream.clock: time}))
        elif roll < stake:
            amount = rng.choice(stream.stakes)
            steps.append(s("stake", holder=holder, amount=amount, **{stream.clock: time}))
        elif roll < unstake:
            amount = rng.choice(stream.unstakes)
            steps.append(s("unstake", holder=holder, amount=amount, **{stream.clock: time}))
        else:
            steps.append(s("claim", holder=holder, **{stream.clock: time}))
    return steps, time
