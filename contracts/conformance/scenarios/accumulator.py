"""Scenarios of the reward-per-unit-of-stake accumulator: periods, exact amounts, u64 widths and
the ASMB magnitudes."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import Scenario, Step, s


def accumulator_scenarios() -> list[Scenario]:
    rng = random.Random("reward-accumulator")
    steps: list[Step] = [
        s("distribute", amount=1_000),
        s("stake", holder="a", amount=5),
        s("distribute", amount=500),
        s("closePeriod"),
        s("distribute", amount=70),
        s("claimable", holder="a"),
        s("claim", holder="nobody"),
        s("unstake", holder="a", amount=6),
    ]
    for _ in range(150):
        holder = rng.choice("abcd")
        roll = rng.random()
        if roll < 0.3:
            steps.append(s("stake", holder=holder, amount=rng.choice([1, 3, 10**6, 10**15])))
        elif roll < 0.45:
            steps.append(s("unstake", holder=holder, amount=rng.choice([1, 2, 10**5])))
        elif roll < 0.7:
            steps.append(s("distribute", amount=rng.choice([0, 1, 7, 10**12, 3 * 10**13])))
        elif roll < 0.85:
            steps.append(s("closePeriod"))
        else:
            steps.append(s("claim", holder=holder))
    steps.append(s("stakeOf", holder="a"))
    return [
        Scenario(
            "reward-accumulator",
            "zero-stake-and-random",
            "Rewards offered with no active stake, pending stake, and a seeded random run.",
            {},
            tuple(steps),
            ("zero-stake", "random"),
        ),
        *_accumulator_cases(),
    ]


def _accumulator_cases() -> list[Scenario]:
    periods = Scenario(
        "reward-accumulator",
        "periods-and-exact-amounts",
        "Stake pending until the period closes; rewards shared by active stake only; "
        "unstaking all of a stake, one unit more than it, and pending stake; claiming twice.",
        {},
        (
            s("stake", holder="a", amount=5),
            s("distribute", amount=10),
            s("closePeriod"),
            s("distribute", amount=10),
            s("claimable", holder="a"),
            s("stake", holder="b", amount=3),
            s("distribute", amount=7),
            s("claimable", holder="b"),
            s("closePeriod"),
            s("distribute", amount=8),
            s("claimable", holder="a"),
            s("claimable", holder="b"),
            s("unstake", holder="b", amount=4),
            s("unstake", holder="b", amount=2),
            s("unstake", holder="b", amount=1),
            s("unstake", holder="b", amount=1),
            s("stake", holder="b", amount=2),
            s("unstake", holder="b", amount=2),
            s("claim", holder="a"),
            s("claim", holder="a"),
            s("unstake", holder="a", amount=5),
            s("distribute", amount=9),
            s("claim", holder="b"),
            s("claim", holder="c"),
            s("unstake", holder="c", amount=1),
            s("stakeOf", holder="a"),
            s("stakeOf", holder="c"),
            s("claimable", holder="c"),
            s("distribute", amount=0),
            s("closePeriod"),
        ),
        ("zero-stake", "thresholds"),
    )
    top = 2**64 - 1
    widths = Scenario(
        "reward-accumulator",
        "u64-widths",
        "The total stake and the rewards offered each reach 2⁶⁴ − 1 exactly; one unit more is "
        "WIDTH_EXCEEDED; stakes of 2⁵³ − 1, 2⁵³ and 2⁵³ + 1.",
        {},
        (
            s("stake", holder="a", amount=top),
            s("stake", holder="b", amount=1),
            s("unstake", holder="a", amount=2**53 + 1),
            s("stake", holder="b", amount=2**53),
            s("stake", holder="c", amount=2**53 - 1),
            s("stake", holder="d", amount=3),
            s("stake", holder="d", amount=2),
            s("closePeriod"),
            s("distribute", amount=top - 1),
            s("distribute", amount=2),
            s("distribute", amount=1),
            s("claimable", holder="a"),
            s("claimable", holder="b"),
            s("claimable", holder="c"),
            s("claim", holder="a"),
            s("claim", holder="d"),
            s("distribute", amount=1),
            s("stakeOf", holder="a"),
        ),
        ("widths", "u64"),
    )
    daily = 21_909_233_176_838
    steps: list[Step] = [
        s("stake", holder="stakers-1", amount=25 * 10**15),
        s("stake", holder="stakers-2", amount=2**53 + 1),
        s("stake", holder="stakers-3", amount=2**53 - 1),
        s("stake", holder="stakers-4", amount=33_333_333_333_333_333),
        s("closePeriod"),
    ]
    for day in range(30):
        steps.append(s("distribute", amount=daily))
        if day % 7 == 3:
            steps.append(s("claim", holder=f"stakers-{1 + day % 4}"))
        steps.append(s("closePeriod"))
    steps += [s("claimable", holder=f"stakers-{n}") for n in range(1, 5)]
    magnitudes = Scenario(
        "reward-accumulator",
        "asmb-magnitudes",
        "Stakes at the scale of the ASMB supply (7.6 × 10¹⁶ µASMB in all, 2⁵³ ± 1 among them) "
        "sharing the seed example's daily 21,909,233,176,838 µASMB for 30 days.",
        {},
        tuple(steps),
        ("magnitudes",),
    )
    return [periods, widths, magnitudes]
