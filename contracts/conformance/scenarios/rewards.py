"""Scenarios of the pro-rata reward streams: the accumulator, the post-launch distribution and
SMR staking."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import (
    SYSTEM,
    Scenario,
    Step,
    s,
)


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
        )
    ]


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
        {"phaseOneTotal": 8 * 10**15},
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
    rng = random.Random("postlaunch")
    steps: list[Step] = []
    day = 1
    for _ in range(150):
        roll = rng.random()
        holder = rng.choice(["h1", "h2", "h3", "h4"])
        if roll < 0.15:
            day += rng.choice([0, 1, 3, 40])
            steps.append(s("advanceTo", caller=SYSTEM, day=day))
        elif roll < 0.5:
            steps.append(s("stake", holder=holder, amount=rng.choice([1, 10**6, 10**12]), day=day))
        elif roll < 0.7:
            steps.append(s("unstake", holder=holder, amount=rng.choice([1, 10**6]), day=day))
        else:
            steps.append(s("claim", holder=holder, day=day))
    steps.append(s("accounting"))
    randomised = Scenario(
        "postlaunch",
        "random",
        "A seeded random run over the 639 days and after.",
        {"phaseOneTotal": 7 * 10**15 + 12_345},
        tuple(steps),
        ("random",),
    )
    return [example, rules, randomised]


def smr_scenarios() -> list[Scenario]:
    rng = random.Random("smr-staking")
    steps: list[Step] = [
        s("advanceTo", caller=SYSTEM, epoch=3),
        s("supply"),
        s("stake", holder="ann", amount=10**12, epoch=3),
        s("stake", holder="ann", amount=10**13, epoch=3),
        s("advanceTo", caller=SYSTEM, epoch=365),
        s("claim", holder="ann", epoch=365),
        s("rewardsPool"),
    ]
    epoch = 365
    for _ in range(100):
        roll = rng.random()
        holder = rng.choice(["ann", "bob", "cem"])
        if roll < 0.2:
            epoch += rng.choice([0, 1, 30, 365])
            steps.append(s("advanceTo", caller=SYSTEM, epoch=epoch))
        elif roll < 0.55:
            steps.append(
                s("stake", holder=holder, amount=rng.choice([1, 10**9, 10**11]), epoch=epoch)
            )
        elif roll < 0.75:
            steps.append(s("unstake", holder=holder, amount=rng.choice([1, 10**9]), epoch=epoch))
        else:
            steps.append(s("claim", holder=holder, epoch=epoch))
    steps += [
        s("supply"),
        s("staked"),
        s("advanceTo", caller="ann", epoch=epoch + 1),
        s("advanceTo", caller=SYSTEM, epoch=epoch + 3_651),
        s("claim", holder="ann", epoch=2**32 - 1),
        s("stake", holder="module:bonded", amount=1, epoch=epoch),
        s("advanceTo", caller=SYSTEM, epoch=epoch + 3_650),
        s("supply"),
    ]
    return [
        Scenario(
            "smr-staking",
            "year-and-random",
            "Epochs with nobody staking burn their mint; a staked year mints 8 %.",
            {"genesis": {"ann": 10**12, "bob": 5 * 10**11, "cem": 7}},
            tuple(steps),
            ("zero-stake", "random", "far-future", "protected-accounts"),
        )
    ]
