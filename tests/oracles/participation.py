"""A deliberately naive oracle for participation events: it walks milestone by milestone.

No closed form, no shared code with ``contracts``: for every milestone from the first to the
queried one it asks "is this milestone counted, and is this output held at it?", exactly as the
node's per-milestone loop did before it computed rewards on demand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class NaiveOutput:
    address: str
    amount: int
    booked_at: int
    spent_at: int | None
    answers: tuple[int, ...] = ()


def held(output: NaiveOutput, milestone: int) -> bool:
    unspent = output.spent_at is None or milestone < output.spent_at
    return output.booked_at <= milestone and unspent


def naive_rewards(
    outputs: list[NaiveOutput],
    start: int,
    end: int,
    numerator: int,
    denominator: int,
    at: int,
) -> dict[str, int]:
    """Every address's reward at ``at``: one milestone at a time, one output at a time."""
    rewards: dict[str, int] = defaultdict(int)
    for output in outputs:
        rewards[output.address] += 0
    for milestone in range(start + 1, min(at, end) + 1):
        for output in outputs:
            if held(output, milestone):
                rewards[output.address] += output.amount * numerator // denominator
    return dict(rewards)


def naive_tallies(
    outputs: list[NaiveOutput], start: int, end: int, question: int, at: int
) -> tuple[dict[int, int], dict[int, int]]:
    """Current and accumulated weight per answer byte of one question, milestone by milestone."""
    at = min(at, end)
    current: dict[int, int] = defaultdict(int)
    accumulated: dict[int, int] = defaultdict(int)
    for milestone in range(start + 1, at + 1):
        for output in outputs:
            if held(output, milestone):
                accumulated[output.answers[question]] += output.amount // 1000
    for output in outputs:
        if held(output, at):
            current[output.answers[question]] += output.amount // 1000
    return dict(current), dict(accumulated)
