"""Scenarios of the Chrysalis node's participation events: staking and ballots."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import (
    Scenario,
    addr,
    event,
    oid,
    s,
    small_staking_event,
)


def staking_scenarios() -> list[Scenario]:
    edges = Scenario(
        "participation-staking",
        "window-edges",
        "Bookings at commence+1 and at the end, outside the window, spends at the edges, "
        "results before, at and after the counting window.",
        {"event": small_staking_event()},
        (
            s("book", outputId=oid(1), address=addr(1), amount=1_000_000, milestone=7),
            s("book", outputId=oid(2), address=addr(2), amount=2_500_000, milestone=15),
            s("book", outputId=oid(3), address=addr(3), amount=1_000_000, milestone=6),
            s("book", outputId=oid(3), address=addr(3), amount=1_000_000, milestone=16),
            s("book", outputId=oid(4), address=addr(1), amount=1_000_000, milestone=10),
            s("spend", outputId=oid(4), milestone=10),
            s("spend", outputId=oid(4), milestone=11),
            s("spend", outputId=oid(4), milestone=12),
            s("results", at=10),
            s("results", at=11),
            s("results", at=15),
            s("results", at=99),
            s("results", at=None),
            s("rewardOf", outputId=oid(2), at=None),
            s("rewardOf", outputId=oid(9), at=None),
            s("rewardsByAddress", at=13),
        ),
        ("window-edges",),
    )
    minimum = Scenario(
        "participation-staking",
        "minimum-rule",
        "An address exactly at the required minimum is listed; one below it is not.",
        {"event": small_staking_event(minimum=3_000_000)},
        (
            s("book", outputId=oid(1), address=addr(1), amount=1_000_000, milestone=13),
            s("book", outputId=oid(2), address=addr(2), amount=1_000_000, milestone=14),
            s("book", outputId=oid(3), address=addr(2), amount=999_999, milestone=15),
            s("results", at=None),
            s("results", at=14),
        ),
        ("minimum-rules",),
    )
    floors = Scenario(
        "participation-staking",
        "round-1-floors",
        "Assembly round 1: the per-output floor of 4 µASMB per Mi per milestone.",
        {"event": event("staking/assembly_01.json")},
        (
            s("book", outputId=oid(1), address=addr(1), amount=999_999, milestone=2_102_114),
            s("book", outputId=oid(2), address=addr(1), amount=250_000, milestone=2_102_200),
            s("book", outputId=oid(3), address=addr(2), amount=10**12, milestone=2_041_635),
            s("spend", outputId=oid(2), milestone=2_500_000),
            s("book", outputId=oid(5), address=addr(3), amount=2**64, milestone=2_102_200),
            s("book", outputId=oid(5), address=addr(3), amount=0, milestone=2_102_200),
            s("book", outputId="zz" * 34, address=addr(3), amount=10, milestone=2_102_200),
            s("book", outputId=oid(1), address=addr(3), amount=10, milestone=2_102_200),
            s("results", at=None),
            s("results", at=2_102_114),
        ),
        ("floors",),
    )
    supply = 2_779_530_283_277_761
    seed_cap = Scenario(
        "participation-staking",
        "seed-cap",
        "Round 1 with nearly the whole IOTA supply staked: the seed profile scales every address "
        "down to the 8 % maximum; the deployed results stay uncapped.",
        {"event": event("staking/assembly_01.json")},
        (
            s("book", outputId=oid(1), address=addr(1), amount=supply // 2, milestone=2_102_114),
            s("book", outputId=oid(2), address=addr(2), amount=supply // 3, milestone=2_102_114),
            s("book", outputId=oid(3), address=addr(3), amount=supply // 7, milestone=2_300_000),
            s("book", outputId=oid(4), address=addr(4), amount=1_000_000, milestone=2_102_114),
            s("results", at=None),
            s("seedResults", at=None),
            s("seedResults", at=2_500_000),
        ),
        ("seed-cap",),
    )
    return [edges, minimum, floors, seed_cap, _random_staking(1), _random_staking(2)]


def _random_staking(seed: int) -> Scenario:
    rng = random.Random(f"participation-staking-{seed}")
    steps = []
    booked: list[int] = []
    for n in range(120):
        roll = rng.random()
        if roll < 0.5 or not booked:
            output = rng.randrange(40)
            steps.append(
                s(
                    "book",
                    outputId=oid(output),
                    address=addr(rng.randrange(6)),
                    amount=rng.choice([1, 999, 1_000_000, rng.randrange(1, 10**9)]),
                    milestone=rng.randrange(5, 18),
                )
            )
            booked.append(output)
        elif roll < 0.8:
            steps.append(
                s("spend", outputId=oid(rng.choice(booked)), milestone=rng.randrange(5, 20))
            )
        else:
            steps.append(s("results", at=rng.choice([None, rng.randrange(0, 20)])))
        if n % 40 == 39:
            steps.append(s("rewardsByAddress", at=None))
    return Scenario(
        "participation-staking",
        f"random-{seed}",
        "Seeded random bookings, spends and queries, valid and invalid.",
        {"event": small_staking_event(minimum=2_000_000, numerator=3, denominator=7)},
        tuple(steps),
        ("random",),
    )


def ballot_scenarios() -> list[Scenario]:
    ballot = event(
        "vote/shimmer_funding.json",
        milestoneIndexCommence=5,
        milestoneIndexStart=7,
        milestoneIndexEnd=12,
    )
    return [
        Scenario(
            "participation-ballot",
            "weights-skipped-invalid",
            "floor(amount / 1000) per output; answer 0 is skipped, unknown bytes invalid; "
            "the node's own 5 Mi from milestone 8 case.",
            {"event": ballot},
            (
                s(
                    "book",
                    outputId=oid(1),
                    address=addr(1),
                    amount=5_000_000,
                    milestone=8,
                    answers=[1],
                ),
                s("book", outputId=oid(2), address=addr(2), amount=2_999, milestone=6, answers=[0]),
                s(
                    "book",
                    outputId=oid(3),
                    address=addr(3),
                    amount=4_500,
                    milestone=12,
                    answers=[42],
                ),
                s("book", outputId=oid(4), address=addr(3), amount=4_500, milestone=9, answers=[]),
                s(
                    "book",
                    outputId=oid(4),
                    address=addr(3),
                    amount=4_500,
                    milestone=9,
                    answers=[2, 1],
                ),
                s("status", at=7),
                s("status", at=8),
                s("spend", outputId=oid(1), milestone=10),
                s("status", at=None),
                s("status", at=50),
            ),
            ("ballots",),
        )
    ]
