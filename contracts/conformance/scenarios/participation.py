"""What the scenarios of the Chrysalis node's participation events share: bookings, the
supply, and seeded random runs that stay live."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import JSON, Scenario, Step, addr, oid, s

#: The Chrysalis IOTA supply (i), the largest amount one output can hold.
SUPPLY = 2_779_530_283_277_761


def book(
    output: int, address: int, amount: int, milestone: int, answers: list[int] | None = None
) -> Step:
    """Book output ``output`` of address ``address`` (a ballot's with its ``answers``)."""
    args: dict[str, JSON] = {
        "outputId": oid(output),
        "address": addr(address),
        "amount": amount,
        "milestone": milestone,
    }
    if answers is not None:
        args["answers"] = answers
    return s("book", **args)


def random_participation(
    rng: random.Random, window: tuple[int, int], answers: int = 0, count: int = 120
) -> list[Step]:
    """Random bookings, spends and queries that stay live: most bookings are new outputs
    inside the window (commence, end], most spends spend a booked, unspent output after its
    booking; about one call in five is wrong on purpose (a duplicate, outside the window,
    unknown, spent twice, too early, a wrong number of answers)."""
    commence, end = window
    steps: list[Step] = []
    booked: dict[int, int] = {}
    spent: set[int] = set()
    query = "status" if answers else "results"
    for _ in range(count):
        roll = rng.random()
        wrong = rng.random() < 0.2
        if roll < 0.5 or not booked:
            output = rng.choice(sorted(booked)) if wrong and booked else len(booked) + len(spent)
            milestone = rng.randrange(commence + 1, end + 1) if not wrong else end + 1
            args = {
                "outputId": oid(output),
                "address": addr(rng.randrange(6)),
                "amount": rng.choice([1, 999, 1_000, 1_000_000, rng.randrange(1, 10**9)]),
                "milestone": milestone,
            }
            if answers:
                length = answers if not wrong else answers + 1
                args["answers"] = [rng.choice([0, 1, 2, 3, 9]) for _ in range(length)]
            steps.append(s("book", **args))
            if not wrong:
                booked.setdefault(output, milestone)
        elif roll < 0.75:
            unspent = sorted(set(booked) - spent)
            if unspent and not wrong:
                output = rng.choice(unspent)
                milestone = booked[output] + rng.randrange(1, 6)
                spent.add(output)
            elif rng.random() < 0.5:
                output = rng.choice(sorted(booked))
                milestone = booked[output]
            else:
                output, milestone = 10_000 + rng.randrange(10), end
            steps.append(s("spend", outputId=oid(output), milestone=milestone))
        else:
            steps.append(s(query, at=rng.choice([None, rng.randrange(commence, end + 3)])))
        if not answers and rng.random() < 0.05:
            steps.append(s("rewardsByAddress", at=None))
    return steps


def random_scenario(
    contract: str, name: str, description: str, event: JSON, seed: str, answers: int = 0
) -> Scenario:
    """A seeded random run (:func:`random_participation`) over ``event``'s window."""
    rng = random.Random(seed)
    window = (event["milestoneIndexCommence"], event["milestoneIndexEnd"])
    steps = random_participation(rng, window, answers=answers)
    return Scenario(contract, name, description, {"event": event}, tuple(steps), ("random",))
