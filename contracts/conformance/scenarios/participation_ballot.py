"""Scenarios of the Chrysalis node's ballots: weights, skipped and invalid answers, several
questions, the window and weights at the supply's magnitude."""

from __future__ import annotations

from contracts.conformance.scenarios.base import JSON, Scenario, event, oid, s
from contracts.conformance.scenarios.participation import SUPPLY, book, random_scenario


def ballot_scenarios() -> list[Scenario]:
    funding = event(
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
            {"event": funding},
            (
                book(1, 1, 5_000_000, 8, [1]),
                book(2, 2, 2_999, 6, [0]),
                book(3, 3, 4_500, 12, [42]),
                book(4, 3, 4_500, 9, []),
                book(4, 3, 4_500, 9, [2, 1]),
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
            book(1, 1, 999, 4, [1, 3, 1]),
            book(1, 1, 999, 5, [1, 3, 1]),
            book(1, 1, 999, 6, [1, 3, 1]),
            book(1, 1, 999, 6, [2, 4, 2]),
            book(2, 2, 1_000, 7, [2, 0, 10]),
            book(3, 3, 1_999, 8, [0, 6, 11]),
            book(4, 4, 10**6, 12, [1, 5, 7]),
            book(5, 5, 10**6, 13, [1, 5, 7]),
            book(6, 6, 10**6, 9, [1, 5]),
            book(6, 6, 10**6, 9, [1, 5, 7, 1]),
            book(7, 7, 5_000, 6, [2, 3, 3]),
            book(8, 7, 6_000, 6, [2, 3, 3]),
            book(9, 7, 7_000, 6, [2, 3, 3]),
            book(11, 4, 10**6, 11, [2, 4, 6]),
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
    magnitudes = Scenario(
        "participation-ballot",
        "supply-weights",
        "Ballot weights at the magnitude of the deployed network: outputs of the whole IOTA "
        "supply and supply − 1, and supply + 1 and 2⁵³ ± 1 refused; weights ⌊amount / 1000⌋ "
        "accumulated over the governance round's 86,400 milestones stay within u64.",
        {"event": event("vote/governance_01.json")},
        (
            book(1, 1, SUPPLY, 3_395_665, [1]),
            book(2, 2, SUPPLY + 1, 3_395_665, [2]),
            book(2, 2, 2**53 + 1, 3_395_665, [2]),
            book(2, 2, SUPPLY - 1, 3_456_144, [2]),
            book(3, 3, 1_999, 3_542_544, [2]),
            book(4, 4, 2**53 - 1, 3_395_665, [1]),
            book(4, 4, 2**64 - 1, 3_395_665, [1]),
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
    # 80 outputs of the whole supply over the round's 86,400 counted milestones weigh
    # 80 · ⌊supply / 1000⌋ · 86,400 > 2⁶⁴ − 1; spending 20 of them at the first counted milestone
    # leaves 60 · … · 86,400 + 20 · … · 1 within it.
    crowd = [book(100 + n, 100 + n, SUPPLY, 3_395_665, [1]) for n in range(80)]
    overflow = Scenario(
        "participation-ballot",
        "tally-overflow",
        "More than the supply booked at once: 80 outputs of the whole IOTA supply voting for one "
        "answer over the governance round take its accumulated weight past 2⁶⁴ − 1, and status "
        "answers REWARD_OVERFLOW (the node's uint64 tally would wrap); once 20 are spent at the "
        "first counted milestone the tally fits and status answers again.",
        {"event": event("vote/governance_01.json")},
        (
            *crowd,
            s("status", at=3_456_144),
            s("status", at=3_542_544),
            s("status", at=None),
            *(s("spend", outputId=oid(100 + n), milestone=3_456_145) for n in range(20)),
            s("status", at=3_542_544),
            s("status", at=3_456_145),
        ),
        ("ballots", "u64"),
    )
    return [three, magnitudes, overflow, _random_ballot()]


def _random_ballot() -> Scenario:
    return random_scenario(
        "participation-ballot",
        "random",
        "Seeded random votes on two questions, spends and queries that stay live; about one "
        "call in five wrong on purpose.",
        ballot([[1, 2], [1, 2, 3]]),
        "participation-ballot-live",
        answers=2,
    )
