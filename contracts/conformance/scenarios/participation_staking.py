"""Scenarios of the Chrysalis node's staking events: windows, the minimum rule, floors, the seed's
maximum and u64 rewards."""

from __future__ import annotations

from contracts.conformance.scenarios.base import (
    Scenario,
    addr,
    event,
    oid,
    s,
    small_staking_event,
)
from contracts.conformance.scenarios.participation import SUPPLY, book, random_scenario


def staking_scenarios() -> list[Scenario]:
    edges = Scenario(
        "participation-staking",
        "window-edges",
        "Bookings at commence+1 and at the end, outside the window, spends at the edges, "
        "results before, at and after the counting window.",
        {"event": small_staking_event()},
        (
            book(1, 1, 1_000_000, 7),
            book(2, 2, 2_500_000, 15),
            book(3, 3, 1_000_000, 6),
            book(3, 3, 1_000_000, 16),
            book(4, 1, 1_000_000, 10),
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
            book(1, 1, 1_000_000, 13),
            book(2, 2, 1_000_000, 14),
            book(3, 2, 999_999, 15),
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
            book(1, 1, 999_999, 2_102_114),
            book(2, 1, 250_000, 2_102_200),
            book(3, 2, 10**12, 2_041_635),
            s("spend", outputId=oid(2), milestone=2_500_000),
            book(5, 3, 2**64, 2_102_200),
            book(5, 3, 0, 2_102_200),
            s("book", outputId="zz" * 34, address=addr(3), amount=10, milestone=2_102_200),
            book(1, 3, 10, 2_102_200),
            s("results", at=None),
            s("results", at=2_102_114),
        ),
        ("floors",),
    )
    seed_cap = Scenario(
        "participation-staking",
        "seed-cap",
        "Round 1 with nearly the whole IOTA supply staked: the seed profile scales every address "
        "down to the 8 % maximum; the deployed results stay uncapped.",
        {"event": event("staking/assembly_01.json")},
        (
            book(1, 1, SUPPLY // 2, 2_102_114),
            book(2, 2, SUPPLY // 3, 2_102_114),
            book(3, 3, SUPPLY // 7, 2_300_000),
            book(4, 4, 1_000_000, 2_102_114),
            s("results", at=None),
            s("seedResults", at=None),
            s("seedResults", at=2_500_000),
        ),
        ("seed-cap",),
    )
    return [
        edges,
        minimum,
        floors,
        seed_cap,
        _staking_thresholds(),
        _staking_widths(),
        _random_staking(1),
        _random_staking(2),
    ]


def _staking_thresholds() -> Scenario:
    """Every milestone the window names, hit exactly and at ±1, and the minimum rule too."""
    minimum = 3_000_001
    return Scenario(
        "participation-staking",
        "window-and-minimum-thresholds",
        "Commence 6, start 10, end 15, a minimum of 3,000,001: bookings at milestones 5, 6, 7 "
        "and 14, 15, 16; spends at the start and the end ±1; results and rewards at the start "
        "and the end ±1; addresses rewarded exactly the minimum and one unit either side.",
        {"event": small_staking_event(minimum=minimum)},
        (
            book(1, 1, 1_000, 5),
            book(1, 1, 1_000, 6),
            book(1, 1, 1_000, 7),
            book(2, 2, minimum - 1, 15),
            book(3, 3, minimum, 15),
            book(4, 4, minimum + 1, 15),
            book(5, 5, 1_000, 16),
            book(6, 6, 1_000, 14),
            book(7, 7, 2_000, 8),
            book(8, 7, 3_000, 8),
            book(9, 7, 5_000, 8),
            book(10, 8, 7_000, 8),
            book(11, 8, 11_000, 8),
            s("spend", outputId=oid(7), milestone=9),
            s("spend", outputId=oid(8), milestone=10),
            s("spend", outputId=oid(9), milestone=11),
            s("spend", outputId=oid(10), milestone=14),
            s("spend", outputId=oid(11), milestone=15),
            s("spend", outputId=oid(6), milestone=16),
            s("spend", outputId=oid(6), milestone=13),
            *(s("results", at=m) for m in (9, 10, 11, 14, 15, 16)),
            *(s("rewardsByAddress", at=m) for m in (9, 10, 11, 14, 15, 16)),
            s("rewardOf", outputId=oid(9), at=10),
            s("rewardOf", outputId=oid(9), at=11),
            s("rewardOf", outputId=oid(11), at=16),
        ),
        ("window-edges", "minimum-rules", "thresholds"),
    )


def _staking_widths() -> Scenario:
    """The largest numerator the node's overflow guard lets through, over one milestone:
    one output of the whole supply stays within u64, two of them at one address do not."""
    staking = small_staking_event(numerator=6_636)
    staking["milestoneIndexEnd"] = 11
    return Scenario(
        "participation-staking",
        "u64-rewards",
        "Numerator 6,636 (the largest the node's overflow guard admits) over one counted "
        "milestone: amounts of 2⁵³ − 1, 2⁵³, 2⁵³ + 1 and 2⁶⁴ − 1; one output of the whole "
        "supply is rewarded within u64, a second at the same address takes the address past "
        "2⁶⁴ − 1 and results answer REWARD_OVERFLOW until it is spent before it counts; "
        "amounts above the supply are refused; milestones 2³² − 1 and 2³².",
        {"event": staking},
        (
            book(1, 1, 2**53 - 1, 8),
            book(2, 2, 2**53, 8),
            book(3, 3, 2**53 + 1, 8),
            book(4, 4, 2**64 - 1, 8),
            book(4, 4, SUPPLY + 1, 8),
            book(4, 4, SUPPLY, 8),
            s("rewardOf", outputId=oid(4), at=None),
            s("results", at=None),
            s("seedResults", at=None),
            book(5, 4, SUPPLY, 9),
            s("rewardOf", outputId=oid(5), at=None),
            s("rewardsByAddress", at=10),
            s("results", at=None),
            s("seedResults", at=None),
            s("results", at=10),
            s("spend", outputId=oid(5), milestone=10),
            s("results", at=None),
            s("rewardOf", outputId=oid(4), at=2**32 - 1),
            s("rewardOf", outputId=oid(4), at=2**32),
            book(6, 6, 1, 2**32 - 1),
            s("spend", outputId=oid(4), milestone=2**32),
            s("spend", outputId=oid(4), milestone=2**32 - 1),
            s("results", at=2**32 - 1),
        ),
        ("widths", "u64"),
    )


def _random_staking(seed: int) -> Scenario:
    return random_scenario(
        "participation-staking",
        f"random-{seed}",
        "Seeded random bookings, spends and queries that stay live; about one call in five "
        "wrong on purpose.",
        small_staking_event(minimum=2_000_000, numerator=3, denominator=7),
        f"participation-staking-live-{seed}",
    )
