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
        ),
        *_smr_cases(),
    ]


#: Shimmer's genesis supply in glow: 1,813,620,509.061365 SMR.
_SHIMMER_SUPPLY = 1_813_620_509_061_365


def _smr_cases() -> list[Scenario]:
    year = Scenario(
        "smr-staking",
        "year-boundary",
        "A staked first year: epochs 364, 365 and 366 either side of the year's end, when the "
        "yearly base is taken again from the supply; the balance rules of stake and unstake.",
        {"genesis": {"ann": 10**12, "bob": 10**12, "cem": 5}},
        (
            s("stake", holder="cem", amount=4, epoch=0),
            s("stake", holder="ann", amount=10**12, epoch=0),
            s("stake", holder="bob", amount=10**12 + 1, epoch=0),
            s("stake", holder="bob", amount=10**12, epoch=0),
            s("unstake", holder="dan", amount=1, epoch=0),
            s("unstake", holder="bob", amount=10**12 + 1, epoch=0),
            s("unstake", holder="bob", amount=10**12, epoch=0),
            s("advanceTo", caller=SYSTEM, epoch=364),
            s("supply"),
            s("rewardsPool"),
            s("advanceTo", caller=SYSTEM, epoch=365),
            s("supply"),
            s("claim", holder="ann", epoch=365),
            s("advanceTo", caller=SYSTEM, epoch=366),
            s("supply"),
            s("staked"),
            s("claim", holder="bob", epoch=366),
            s("claim", holder="ann", epoch=366),
            s("advanceTo", caller=SYSTEM, epoch=730),
            s("advanceTo", caller=SYSTEM, epoch=731),
            s("supply"),
        ),
        ("year", "thresholds"),
    )
    bound = Scenario(
        "smr-staking",
        "advance-bound",
        "One advanceTo covers at most 3,650 epochs: 3,649 and 3,650 are accepted, 3,651 is "
        "INVALID_DAY; the last epoch 2³² − 1 stays out of reach of one call.",
        {"genesis": {"ann": 10**9}},
        (
            s("stake", holder="ann", amount=10**9, epoch=0),
            s("advanceTo", caller=SYSTEM, epoch=3_649),
            s("advanceTo", caller=SYSTEM, epoch=3_649 + 3_651),
            s("advanceTo", caller=SYSTEM, epoch=3_649 + 3_650),
            s("claim", holder="ann", epoch=7_299),
            s("advanceTo", caller=SYSTEM, epoch=2**32 - 1),
            s("advanceTo", caller=SYSTEM, epoch=2**32),
            s("supply"),
        ),
        ("far-future", "thresholds"),
    )
    holders = {
        "community": 1_450_896_407_249_092,
        "assembly-stakers": _SHIMMER_SUPPLY - 1_450_896_407_249_092 - 10**6,
        "fund": 10**6,
    }
    shimmer = Scenario(
        "smr-staking",
        "shimmer-genesis",
        "Shimmer's genesis of 1,813,620,509.061365 SMR: most of it staked through two years, "
        "the 8 % minted on a base of 1.8 × 10¹⁵ glow.",
        {"genesis": holders},
        (
            s("stake", holder="community", amount=1_450_896_407_249_092, epoch=0),
            s("stake", holder="fund", amount=10**6, epoch=0),
            s("advanceTo", caller=SYSTEM, epoch=365),
            s("supply"),
            s("claim", holder="community", epoch=365),
            s("stake", holder="assembly-stakers", amount=10**14, epoch=365),
            s("advanceTo", caller=SYSTEM, epoch=730),
            s("claim", holder="fund", epoch=730),
            s("claim", holder="assembly-stakers", epoch=730),
            s("unstake", holder="community", amount=1_450_896_407_249_092, epoch=730),
            s("supply"),
            s("staked"),
        ),
        ("magnitudes",),
    )
    near = 2**64 - 1 - 10**17
    widths = Scenario(
        "smr-staking",
        "u64-supply",
        "A supply 10¹⁷ glow short of 2⁶⁴ − 1: 25 epochs' mints fit, the 26th would take the "
        "supply past 2⁶⁴ − 1, so a call at epoch 26 (an advance, a stake or a claim, each of "
        "which ends the epochs before it) is WIDTH_EXCEEDED and changes nothing.",
        {"genesis": {"ann": near - 2**53 - 1, "bob": 2**53 + 1}},
        (
            s("stake", holder="ann", amount=near - 2**53 - 1, epoch=0),
            s("advanceTo", caller=SYSTEM, epoch=26),
            s("advanceTo", caller=SYSTEM, epoch=24),
            s("supply"),
            s("advanceTo", caller=SYSTEM, epoch=25),
            s("supply"),
            s("stake", holder="bob", amount=2**53, epoch=26),
            s("claim", holder="ann", epoch=26),
            s("unstake", holder="ann", amount=1, epoch=26),
            s("stake", holder="bob", amount=2**53 - 1, epoch=25),
            s("claim", holder="ann", epoch=25),
            s("advanceTo", caller=SYSTEM, epoch=26),
        ),
        ("widths", "u64"),
    )
    return [year, bound, shimmer, widths]
