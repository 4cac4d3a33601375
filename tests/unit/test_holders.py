"""The holder's view: worked examples and the calculator's tables, against hand derivations.

Every expected value is derived here from the event files and the seeds' figures: the rate
numerator/denominator per i per milestone, the 777,600 milestones of a round (90 days of
10-second milestones), the seed's 8 % maximum of 100 B ASMB, its example D1 of 6 B ASMB and
639 days, Shimmer's genesis supply and 8 % inflation, the 767,000 IOTA a day of seed 002.
"""

from __future__ import annotations

import json
import random
from fractions import Fraction
from math import exp, floor

import pytest

from contracts.participation.event import ParticipationEvent, StakingPayload
from spec import holders as h
from spec import holders_programs as hp
from spec.sources import PARTICIPATION_EVENTS_DIR

MI = 10**6
ASMB = 10**6
WINDOW = 90 * 86_400 // 10  # 777,600 milestones
IOTA_SUPPLY = 2_779_530_283_277_761  # i, the fixtures' README
SMR_GENESIS = 1_813_620_509_061_365  # glow, TIP-32

# Per event file: (key, numerator, denominator, required minimum), read by hand from the files.
EVENTS = {
    "round-1": ("assembly_01.json", 4, 1_000_000, 1_000_000),
    "round-2": ("assembly_02.json", 2, 1_000_000, 1_000_000),
    "round-3": ("assembly_03.json", 1, 1_000_000, 1_000_000),
    "round-4": ("assembly_04.json", 1, 1_000_000, 1_000_000),
    "round-5": ("assembly_05.json", 1, 1_000_000, 1_000_000),
    "round-6": ("assembly_06.json", 1, 1_000_000, 1_000_000),
    "shimmer": ("shimmer.json", 1, 1_000_000, 10_000_000),
}


def _oracle(key: str, amount_i: int, milestones: int) -> int:
    """What the event pays one output: the floor per milestone times the milestones, or 0 below
    the minimum (the fixtures' README, read independently of the contracts)."""
    name, numerator, denominator, minimum = EVENTS[key]
    document = json.loads((PARTICIPATION_EVENTS_DIR / "events" / "staking" / name).read_text())
    assert document["payload"]["numerator"] == numerator
    assert document["payload"]["denominator"] == denominator
    assert document["payload"]["requiredMinimumRewards"] == minimum
    reward = amount_i * numerator // denominator * milestones
    return reward if reward >= minimum else 0


def test_one_thousand_mi_for_a_whole_round() -> None:
    # 1,000 Mi × 4 µASMB per Mi per milestone × 777,600 milestones.
    assert h.reward(h.get_round("round-1"), 1_000 * MI).paid == 1_000 * 4 * 777_600
    assert h.reward(h.get_round("round-1"), 1_000 * MI).paid == 3_110_400_000
    # Shimmer: 1 glow per Mi per milestone over the same milestones: 777.6 SMR.
    assert h.reward(h.get_round("shimmer"), 1_000 * MI).paid == 777_600_000
    # Rounds 1–6 at 4, 2, 1, 1, 1, 1 µASMB per Mi per milestone: 10 × 777,600,000 µASMB.
    assembly = [r for r in h.rounds() if r.token == "ASMB"]
    assert sum(h.reward(r, 1_000 * MI).paid for r in assembly) == 7_776 * ASMB


def test_a_stake_held_for_part_of_a_round() -> None:
    # 30 days of 8,640 milestones: 259,200 milestones counted.
    assert h.reward(h.get_round("round-1"), 1_000 * MI, 30).paid == 1_000 * 4 * 259_200
    assert h.reward(h.get_round("round-2"), 1_000 * MI, 1).paid == 1_000 * 2 * 8_640


@pytest.mark.parametrize(
    ("key", "days", "smallest"),
    [
        # floor(4a/10^6) · 777,600 ≥ 10^6 needs floor(4a/10^6) ≥ 2: a ≥ 500,000 i.
        ("round-1", None, 500_000),
        # floor(2a/10^6) ≥ 2: a ≥ 1 Mi; rate 1: floor(a/10^6) ≥ 2, a ≥ 2 Mi.
        ("round-2", None, 1 * MI),
        ("round-6", None, 2 * MI),
        # Shimmer: floor(a/10^6) · 777,600 ≥ 10^7 needs 13 Mi (12 · 777,600 < 10^7).
        ("shimmer", None, 13 * MI),
        # Over 60 days, 518,400 milestones: 19 · 518,400 < 10^7 ≤ 20 · 518,400.
        ("shimmer", 60, 20 * MI),
    ],
)
def test_the_smallest_stake_an_event_pays(key: str, days: int | None, smallest: int) -> None:
    round_ = h.get_round(key)
    assert h.smallest_paid(round_, days) == smallest
    assert h.reward(round_, smallest, days).paid > 0
    assert h.reward(round_, smallest - 1, days).paid == 0
    assert h.reward(round_, smallest - 1, days).earned > 0


def _lookup(table: dict[str, object], period: int, amount_i: int) -> int:
    """The page script's lookup, written out: digits' entries plus the sub-Mi step."""
    option = table["options"][period]  # type: ignore[index]
    if amount_i < int(option["smallestPaid"]):
        return 0
    total = 0
    for power, digit in enumerate(reversed(str(amount_i // MI))):
        if digit != "0":
            total += int(option["digits"][power][int(digit) - 1])
    step = 0
    for start, value in option["fraction"]:
        if int(start) <= amount_i % MI:
            step = int(value)
    return total + step


@pytest.mark.parametrize("key", sorted(EVENTS))
def test_the_calculator_tables_add_up_to_the_rule(key: str) -> None:
    table = h.event_table(key)
    periods = [WINDOW, 60 * 8_640, 30 * 8_640, 7 * 8_640, 8_640]
    generator = random.Random(key)
    amounts = [1, 499_999, 500_000, 1_234_567_891, 13 * MI - 1, IOTA_SUPPLY]
    amounts += [generator.randrange(1, IOTA_SUPPLY) for _ in range(40)]
    amounts += [generator.randrange(1, 10**4 * MI) for _ in range(40)]
    for period, milestones in enumerate(periods):
        for amount in amounts:
            assert _lookup(table, period, amount) == _oracle(key, amount, milestones), amount


def test_the_calculator_tables_hold_only_stakeable_digits() -> None:
    option = h.event_table("round-1")["options"][0]
    # 2 × 10^9 Mi is within the supply of 2,779,530,283 Mi; 3 × 10^9 Mi is not.
    assert option["digits"][9][1] == str(2 * 10**9 * 4 * WINDOW)
    assert option["digits"][9][2] is None
    assert option["digits"][0] == [str(d * 4 * WINDOW) for d in range(1, 10)]


def test_an_event_whose_whole_mi_earns_a_fraction_is_refused() -> None:
    event = ParticipationEvent(
        "thirds", 1, 2, 3, StakingPayload("", "THIRD", 1, 3, 0, ""), additional_info=""
    )
    round_ = h.Round("thirds", "Thirds", "THIRDS", "ASMB", "µASMB", event)
    with pytest.raises(ValueError, match="fraction"):
        h.check_decomposition(round_)


def test_the_seed_design_beside_round_one() -> None:
    mine = 1_000 * MI
    full = 3_110_400_000
    # The stake implied by Shimmer's genesis keeps the total below the 8 B ASMB maximum.
    others = hp.implied_stake()
    total = full + others * 4 // MI * WINDOW
    cap = 8 * 10**9 * ASMB
    assert total <= cap
    assert h.seed_design_reward(mine, others) == full
    # With the whole supply staked every reward is scaled by C/T (PRE-CAP-02).
    total = full + (IOTA_SUPPLY - mine) * 4 // MI * WINDOW
    assert h.seed_design_reward(mine, IOTA_SUPPLY - mine) == full * cap // total


def test_the_implied_stake_is_shimmers_glow_over_the_window() -> None:
    # 1,450,896,407,249,092 glow at 1 glow per Mi per milestone over 777,600 milestones.
    stakers = 1_450_896_407_249_092
    implied = Fraction(stakers, WINDOW) * MI
    assert hp.implied_stake() == floor(implied)


def test_a_share_of_the_daily_pool() -> None:
    mine, others = 1_000 * MI, hp.implied_stake()
    run = hp.postlaunch(mine, others)
    # (20 B − 6 B) ASMB over 639 days, floored: the seed's "21.909.233 ASMB" a day.
    daily = 14 * 10**9 * ASMB // 639
    assert run.daily_pool == daily == 21_909_233_176_838
    assert run.days_paid == 638  # staked on day 1, it earns from day 2 to day 639
    one_day = Fraction(daily * mine, mine + others)
    assert floor(one_day) - 2 <= run.first_day <= floor(one_day)
    assert floor(638 * one_day) - 2 <= run.total <= floor(638 * one_day)


def _epoch_mints(provision: int, epochs: range) -> list[int]:
    """Each epoch's part of a yearly provision: differences of cumulative floors."""
    return [provision * (k + 1) // 365 - provision * k // 365 for k in epochs]


def test_smr_staked_for_a_year() -> None:
    mine, staked = 1_000 * 10**6, SMR_GENESIS // 2
    # Epoch 0 has no active stake: its mint is burned. Epochs 1..364 pay year 1's provision,
    # epoch 365 the first part of year 2's, on the supply after year 1.
    year_one = SMR_GENESIS * 8 // 100
    paid = sum(_epoch_mints(year_one, range(1, 365)))
    year_two = (SMR_GENESIS + paid) * 8 // 100
    paid += _epoch_mints(year_two, range(1))[0]
    expected = Fraction(mine * paid, staked)
    got = hp.smr_staking(mine, Fraction(1, 2))
    assert floor(expected) - 2 <= got <= floor(expected)


@pytest.mark.parametrize("commission_bp", [0, 500, 2_000])
def test_asmb_delegated_for_a_year(commission_bp: int) -> None:
    mine, own_bond, bonded = 1_000 * ASMB, 1_000_000 * ASMB, 50 * 10**9 * ASMB
    # Epoch 0's mint has no eligible validator (it goes to the community); year 2 starts from
    # the 100 B initial supply plus the whole of year 1's 8 B provision.
    year_one = 8 * 10**9 * ASMB
    mints = _epoch_mints(year_one, range(1, 365))
    mints += _epoch_mints(108 * 10**9 * ASMB * 8 // 100, range(1))
    expected = Fraction(0)
    for mint in mints:
        reward = mint * (own_bond + mine) // bonded
        kept = reward * commission_bp // 10_000
        expected += Fraction((reward - kept) * mine, own_bond + mine)
    got = hp.delegation(mine, commission_bp, Fraction(1, 2))
    assert floor(expected) - 2 <= got <= floor(expected)


def test_leaving_a_validator_and_being_slashed() -> None:
    exit_ = hp.exit_and_slash(1_000 * ASMB, Fraction(1, 2))
    assert exit_.released == exit_.requested + 21  # 21 epochs of unbonding
    assert exit_.returned == 1_000 * ASMB
    assert exit_.slashed_stake == 950 * ASMB  # a major offence burns 5 %


@pytest.mark.large_state
def test_iota_staked_for_a_year() -> None:
    mine, staked = 1_000 * 10**9, 2_000_000_000
    got = Fraction(hp.iota_staking(mine, staked), mine)
    # 767,000 IOTA a day, a 25th to each of 25 equal validators, on its stake plus ours; 5 %
    # commission. The realised rate lies within (1 + I)^(1 − cr) − 1 and e^(I (1 − cr)) − 1.
    rate = Fraction(365 * 767_000, 25) / (Fraction(staked, 25) + 1_000)
    low = (1 + float(rate)) ** 0.95 - 1
    high = exp(float(rate) * 0.95) - 1
    assert low <= float(got) <= high
    assert hp.iota_commission(staked).voting_power == 400  # 10,000 / 25


def test_amounts_for_readers() -> None:
    assert h.tokens(3_110_400_000, 6, "ASMB") == "3,110.4 ASMB"
    assert h.tokens(7_776 * ASMB, 6, "ASMB") == "7,776 ASMB"
    assert h.mi(500_000) == "0.5 Mi"
    assert hp.percent_of(Fraction(2, 3)) == "66.67 %"
