"""Scenarios of SMR staking: a year's mint, the year boundary, the bound of one call, Shimmer's
genesis and the u64 supply."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import SYSTEM, Scenario, Step, s
from contracts.conformance.scenarios.streams import Stream, random_stream


def smr_scenarios() -> list[Scenario]:
    steps: list[Step] = [
        s("advanceTo", caller=SYSTEM, epoch=3),
        s("supply"),
        s("stake", holder="ann", amount=10**12, epoch=3),
        s("stake", holder="ann", amount=10**13, epoch=3),
        s("advanceTo", caller=SYSTEM, epoch=365),
        s("claim", holder="ann", epoch=365),
        s("rewardsPool"),
    ]
    randomised, epoch = random_stream(
        random.Random("smr-staking"),
        Stream(
            clock="epoch",
            holders=["ann", "bob", "cem"],
            cuts=(0.2, 0.55, 0.75),
            jumps=[0, 1, 30, 365],
            stakes=[1, 10**9, 10**11],
            unstakes=[1, 10**9],
        ),
        start=365,
        count=100,
    )
    steps += randomised
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
