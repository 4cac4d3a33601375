"""Scenarios of the seed's post-launch ASMB distribution: the seed's example, the day rules, the
last staking day and the widths."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import SYSTEM, Scenario, s
from contracts.conformance.scenarios.streams import Stream, random_stream


def postlaunch_scenarios() -> list[Scenario]:
    six_billion = 6 * 10**15
    example = Scenario(
        "postlaunch",
        "seed-example",
        "D1 = 6 B: 21,909,233 whole ASMB a day; day 1 has no eligible stake; day 639 is paid "
        "when day 640 begins.",
        {"phaseOneTotal": six_billion},
        (
            s("stake", holder="h", amount=10**6, day=1),
            s("advanceTo", caller=SYSTEM, day=2),
            s("claimable", holder="h"),
            s("stake", holder="g", amount=3 * 10**6, day=2),
            s("unstake", holder="h", amount=1, day=3),
            s("advanceTo", caller=SYSTEM, day=639),
            s("stake", holder="g", amount=1, day=640),
            s("claim", holder="h", day=639),
            s("advanceTo", caller=SYSTEM, day=640),
            s("claim", holder="h", day=640),
            s("claim", holder="g", day=700),
            s("accounting"),
            s("notYetOffered"),
            s("advanceTo", caller=SYSTEM, day=2**32 - 1),
            s("claim", holder="g", day=2**32 - 1),
            s("unstake", holder="g", amount=3 * 10**6 + 1, day=2**32 - 1),
            s("advanceTo", caller=SYSTEM, day=2**32),
        ),
        ("seed-example", "zero-stake", "far-future"),
    )
    rules = Scenario(
        "postlaunch",
        "day-rules-and-bad-input",
        "Stake added mid-day earns from the next day; days before the current one are refused.",
        {"phaseOneTotal": 8 * 10**15 - 1},
        (
            s("stake", holder="a", amount=100, day=1),
            s("stake", holder="b", amount=100, day=2),
            s("advanceTo", caller=SYSTEM, day=3),
            s("claimable", holder="a"),
            s("claimable", holder="b"),
            s("stake", holder="a", amount=5, day=2),
            s("stake", holder="", amount=5, day=3),
            s("stake", holder="a", amount=0, day=3),
            s("stake", holder="a", amount=-3, day=3),
            s("unstake", holder="a", amount=101, day=3),
            s("unstake", holder="zz", amount=1, day=3),
            s("claim", holder="zz", day=3),
            s("advanceTo", caller=SYSTEM, day=0),
            s("advanceTo", caller="a", day=4),
            s("advanceTo", caller="authority:inflation", day=4),
            s("stake", holder="module:rewards", amount=5, day=3),
            s("stake", holder="system", amount=5, day=3),
            s("stake", holder="a b", amount=5, day=3),
            s("stake", holder="a", amount=2**64, day=3),
            s("stake", holder="a", amount=2**64 - 1, day=3),
            s("stake", holder="b", amount=2**64 - 1, day=3),
            s("claim", holder="genesis:community", day=3),
        ),
        ("day-rules", "protected-accounts", "widths"),
    )
    steps, _ = random_stream(
        random.Random("postlaunch"),
        Stream(
            clock="day",
            holders=["h1", "h2", "h3", "h4"],
            cuts=(0.15, 0.5, 0.7),
            jumps=[0, 1, 3, 40],
            stakes=[1, 10**6, 10**12],
            unstakes=[1, 10**6],
        ),
        start=1,
        count=150,
    )
    steps.append(s("accounting"))
    randomised = Scenario(
        "postlaunch",
        "random",
        "A seeded random run over the 639 days and after.",
        {"phaseOneTotal": 7 * 10**15 + 12_345},
        tuple(steps),
        ("random",),
    )
    return [example, rules, _last_day(), _postlaunch_widths(), randomised]


def _last_day() -> Scenario:
    """The last staking day, 639, and the days either side, for every operation that takes a
    day; the largest phase-one total the seed allows."""
    return Scenario(
        "postlaunch",
        "last-staking-day",
        "D1 = 8 B ASMB (the 8 % maximum): stake added on days 638, 639 and 640; the chain "
        "advanced to days 638, 639, 640 and 641; claims and unstakes either side of the end.",
        {"phaseOneTotal": 8 * 10**15},
        (
            s("stake", holder="early", amount=10**6, day=1),
            s("advanceTo", caller=SYSTEM, day=638),
            s("stake", holder="d638", amount=10**6, day=638),
            s("claimable", holder="early"),
            s("advanceTo", caller=SYSTEM, day=639),
            s("stake", holder="d639", amount=10**6, day=639),
            s("claimable", holder="d638"),
            s("claim", holder="early", day=639),
            s("accounting"),
            s("advanceTo", caller=SYSTEM, day=640),
            s("stake", holder="d640", amount=10**6, day=640),
            s("claimable", holder="d638"),
            s("claimable", holder="d639"),
            s("notYetOffered"),
            s("advanceTo", caller=SYSTEM, day=641),
            s("claimable", holder="d639"),
            s("claimable", holder="d640"),
            s("unstake", holder="d639", amount=10**6, day=641),
            s("claim", holder="d639", day=641),
            s("claim", holder="d640", day=641),
            s("claim", holder="d638", day=641),
            s("claim", holder="early", day=640),
            s("claim", holder="early", day=641),
            s("accounting"),
        ),
        ("last-day", "thresholds"),
    )


def _postlaunch_widths() -> Scenario:
    """Stake at the ASMB scale and at the u64 limit; the largest allocation (D1 = 0)."""
    top = 2**64 - 1
    return Scenario(
        "postlaunch",
        "asmb-magnitudes-and-widths",
        "D1 = 0, so the whole 20 B ASMB is distributed: stakes of the whole ASMB supply "
        "(10¹⁷ µASMB) and 2⁵³ ± 1 share each day; the total stake reaches 2⁶⁴ − 1 and one unit "
        "more is WIDTH_EXCEEDED.",
        {"phaseOneTotal": 0},
        (
            s("stake", holder="whale", amount=10**17, day=1),
            s("stake", holder="m53", amount=2**53 - 1, day=1),
            s("stake", holder="p53", amount=2**53 + 1, day=1),
            s("advanceTo", caller=SYSTEM, day=100),
            s("claimable", holder="whale"),
            s("claimable", holder="m53"),
            s("stake", holder="top", amount=top - 10**17 - 2**54 - 1, day=100),
            s("stake", holder="one", amount=1, day=100),
            s("stake", holder="one", amount=1, day=100),
            s("unstake", holder="whale", amount=1, day=100),
            s("stake", holder="one", amount=1, day=100),
            s("advanceTo", caller=SYSTEM, day=640),
            s("claim", holder="whale", day=640),
            s("claim", holder="top", day=640),
            s("claim", holder="one", day=640),
            s("accounting"),
            s("notYetOffered"),
        ),
        ("widths", "u64", "magnitudes"),
    )
