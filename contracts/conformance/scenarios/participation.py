"""Scenarios of the Chrysalis node's participation events: staking and ballots."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import (
    JSON,
    Scenario,
    Step,
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
            s("book", outputId=oid(1), address=addr(1), amount=1_000, milestone=5),
            s("book", outputId=oid(1), address=addr(1), amount=1_000, milestone=6),
            s("book", outputId=oid(1), address=addr(1), amount=1_000, milestone=7),
            s("book", outputId=oid(2), address=addr(2), amount=minimum - 1, milestone=15),
            s("book", outputId=oid(3), address=addr(3), amount=minimum, milestone=15),
            s("book", outputId=oid(4), address=addr(4), amount=minimum + 1, milestone=15),
            s("book", outputId=oid(5), address=addr(5), amount=1_000, milestone=16),
            s("book", outputId=oid(6), address=addr(6), amount=1_000, milestone=14),
            s("book", outputId=oid(7), address=addr(7), amount=2_000, milestone=8),
            s("book", outputId=oid(8), address=addr(7), amount=3_000, milestone=8),
            s("book", outputId=oid(9), address=addr(7), amount=5_000, milestone=8),
            s("book", outputId=oid(10), address=addr(8), amount=7_000, milestone=8),
            s("book", outputId=oid(11), address=addr(8), amount=11_000, milestone=8),
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


#: The Chrysalis IOTA supply (i), the largest amount one output can hold.
_SUPPLY = 2_779_530_283_277_761


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
            s("book", outputId=oid(1), address=addr(1), amount=2**53 - 1, milestone=8),
            s("book", outputId=oid(2), address=addr(2), amount=2**53, milestone=8),
            s("book", outputId=oid(3), address=addr(3), amount=2**53 + 1, milestone=8),
            s("book", outputId=oid(4), address=addr(4), amount=2**64 - 1, milestone=8),
            s("book", outputId=oid(4), address=addr(4), amount=_SUPPLY + 1, milestone=8),
            s("book", outputId=oid(4), address=addr(4), amount=_SUPPLY, milestone=8),
            s("rewardOf", outputId=oid(4), at=None),
            s("results", at=None),
            s("seedResults", at=None),
            s("book", outputId=oid(5), address=addr(4), amount=_SUPPLY, milestone=9),
            s("rewardOf", outputId=oid(5), at=None),
            s("rewardsByAddress", at=10),
            s("results", at=None),
            s("seedResults", at=None),
            s("results", at=10),
            s("spend", outputId=oid(5), milestone=10),
            s("results", at=None),
            s("rewardOf", outputId=oid(4), at=2**32 - 1),
            s("rewardOf", outputId=oid(4), at=2**32),
            s("book", outputId=oid(6), address=addr(6), amount=1, milestone=2**32 - 1),
            s("spend", outputId=oid(4), milestone=2**32),
            s("spend", outputId=oid(4), milestone=2**32 - 1),
            s("results", at=2**32 - 1),
        ),
        ("widths", "u64"),
    )


def _random_participation(
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


def _random_staking(seed: int) -> Scenario:
    rng = random.Random(f"participation-staking-live-{seed}")
    staking = small_staking_event(minimum=2_000_000, numerator=3, denominator=7)
    window = (staking["milestoneIndexCommence"], staking["milestoneIndexEnd"])
    return Scenario(
        "participation-staking",
        f"random-{seed}",
        "Seeded random bookings, spends and queries that stay live; about one call in five "
        "wrong on purpose.",
        {"event": staking},
        tuple(_random_participation(rng, window)),
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
        ),
        *_ballot_cases(),
    ]


def ballot(questions: list[list[int]], commence: int = 5, start: int = 7, end: int = 12) -> JSON:
    """A ballot of the given questions, each by its answer values."""
    return {
        "name": "Conformance ballot",
        "milestoneIndexCommence": commence,
        "milestoneIndexStart": start,
        "milestoneIndexEnd": end,
        "payload": {
            "type": 0,
            "questions": [
                {
                    "text": f"Question {n + 1}",
                    "answers": [
                        {"value": v, "text": f"Answer {v}", "additionalInfo": ""} for v in values
                    ],
                    "additionalInfo": "",
                }
                for n, values in enumerate(questions)
            ],
        },
        "additionalInfo": "",
    }


def _ballot_cases() -> list[Scenario]:
    three = Scenario(
        "participation-ballot",
        "three-questions-and-window",
        "Three questions of 2, 3 and 10 answers: one byte per question, 0 skipped and an "
        "unknown value invalid per question; bookings at commence, commence + 1, the start and "
        "the end and after it; spends at the start and the end ±1; a duplicate, an unknown and "
        "a twice-spent output; status before, at and after every milestone the event names.",
        {"event": ballot([[1, 2], [3, 4, 5], list(range(1, 11))])},
        (
            s("book", outputId=oid(1), address=addr(1), amount=999, milestone=4, answers=[1, 3, 1]),
            s("book", outputId=oid(1), address=addr(1), amount=999, milestone=5, answers=[1, 3, 1]),
            s("book", outputId=oid(1), address=addr(1), amount=999, milestone=6, answers=[1, 3, 1]),
            s("book", outputId=oid(1), address=addr(1), amount=999, milestone=6, answers=[2, 4, 2]),
            s(
                "book",
                outputId=oid(2),
                address=addr(2),
                amount=1_000,
                milestone=7,
                answers=[2, 0, 10],
            ),
            s(
                "book",
                outputId=oid(3),
                address=addr(3),
                amount=1_999,
                milestone=8,
                answers=[0, 6, 11],
            ),
            s(
                "book",
                outputId=oid(4),
                address=addr(4),
                amount=10**6,
                milestone=12,
                answers=[1, 5, 7],
            ),
            s(
                "book",
                outputId=oid(5),
                address=addr(5),
                amount=10**6,
                milestone=13,
                answers=[1, 5, 7],
            ),
            s("book", outputId=oid(6), address=addr(6), amount=10**6, milestone=9, answers=[1, 5]),
            s(
                "book",
                outputId=oid(6),
                address=addr(6),
                amount=10**6,
                milestone=9,
                answers=[1, 5, 7, 1],
            ),
            s(
                "book",
                outputId=oid(7),
                address=addr(7),
                amount=5_000,
                milestone=6,
                answers=[2, 3, 3],
            ),
            s(
                "book",
                outputId=oid(8),
                address=addr(7),
                amount=6_000,
                milestone=6,
                answers=[2, 3, 3],
            ),
            s(
                "book",
                outputId=oid(9),
                address=addr(7),
                amount=7_000,
                milestone=6,
                answers=[2, 3, 3],
            ),
            s(
                "book",
                outputId=oid(11),
                address=addr(4),
                amount=10**6,
                milestone=11,
                answers=[2, 4, 6],
            ),
            s("spend", outputId=oid(7), milestone=6),
            s("spend", outputId=oid(8), milestone=7),
            s("spend", outputId=oid(9), milestone=8),
            s("spend", outputId=oid(2), milestone=11),
            s("spend", outputId=oid(3), milestone=12),
            s("spend", outputId=oid(4), milestone=13),
            s("spend", outputId=oid(4), milestone=14),
            s("spend", outputId=oid(10), milestone=9),
            *(s("status", at=m) for m in (4, 5, 6, 7, 8, 11, 12, 13)),
            s("status", at=None),
        ),
        ("ballots", "window-edges", "thresholds"),
    )
    supply = 2_779_530_283_277_761
    magnitudes = Scenario(
        "participation-ballot",
        "supply-weights",
        "Ballot weights at the magnitude of the deployed network: outputs of the whole IOTA "
        "supply and supply − 1, and supply + 1 and 2⁵³ ± 1 refused; weights ⌊amount / 1000⌋ "
        "accumulated over the governance round's 86,400 milestones stay within u64.",
        {"event": event("vote/governance_01.json")},
        (
            s(
                "book",
                outputId=oid(1),
                address=addr(1),
                amount=supply,
                milestone=3_395_665,
                answers=[1],
            ),
            s(
                "book",
                outputId=oid(2),
                address=addr(2),
                amount=supply + 1,
                milestone=3_395_665,
                answers=[2],
            ),
            s(
                "book",
                outputId=oid(2),
                address=addr(2),
                amount=2**53 + 1,
                milestone=3_395_665,
                answers=[2],
            ),
            s(
                "book",
                outputId=oid(2),
                address=addr(2),
                amount=supply - 1,
                milestone=3_456_144,
                answers=[2],
            ),
            s(
                "book",
                outputId=oid(3),
                address=addr(3),
                amount=1_999,
                milestone=3_542_544,
                answers=[2],
            ),
            s(
                "book",
                outputId=oid(4),
                address=addr(4),
                amount=2**53 - 1,
                milestone=3_395_665,
                answers=[1],
            ),
            s(
                "book",
                outputId=oid(4),
                address=addr(4),
                amount=2**64 - 1,
                milestone=3_395_665,
                answers=[1],
            ),
            s("status", at=3_456_144),
            s("status", at=3_456_145),
            s("status", at=3_542_543),
            s("status", at=3_542_544),
            s("spend", outputId=oid(2), milestone=3_500_000),
            s("status", at=None),
            s("status", at=2**32 - 1),
        ),
        ("ballots", "u64"),
    )
    return [three, magnitudes, _random_ballot()]


def _random_ballot() -> Scenario:
    rng = random.Random("participation-ballot-live")
    vote = ballot([[1, 2], [1, 2, 3]])
    window = (vote["milestoneIndexCommence"], vote["milestoneIndexEnd"])
    return Scenario(
        "participation-ballot",
        "random",
        "Seeded random votes on two questions, spends and queries that stay live; about one "
        "call in five wrong on purpose.",
        {"event": vote},
        tuple(_random_participation(rng, window, answers=2)),
        ("random",),
    )
