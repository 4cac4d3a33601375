"""IOTA validator staking: voting power, the pot, the tallying rule, pools, and the benchmark.

Expected values are worked out by hand from the Move framework's rules (``iota-system``), or
from the seed's IOTASRB formula.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from contracts.accounts import SYSTEM
from contracts.errors import (
    CannotReportOneself,
    CommissionOutOfBounds,
    ContractError,
    InsufficientBalance,
    InvalidAmount,
    InvalidInput,
    NotCommitteeMember,
    ProtectedAccount,
    ReportNotFound,
    StakeBelowMinimum,
    Unauthorized,
    UnknownStake,
    UnknownValidator,
)
from contracts.invariants import assert_invariants
from contracts.iota.system import IotaStaking
from contracts.iota.voting_power import VotingPowerInvariant, cap_for, compute_voting_power
from contracts.transaction import fingerprint
from spec import iotasrb

IOTA = 10**9
SUBSIDY = 767_000 * IOTA


@pytest.mark.invariant("IOTA-VP-01")
@pytest.mark.parametrize(
    ("stakes", "expected"),
    [
        # Equal stakes: 2,500 each.
        ([5, 5, 5, 5], [2_500] * 4),
        # 60 % of the stake is capped at 2,500 (n = 4); the leftover fills the others to the cap.
        ([60, 20, 10, 10], [2_500] * 4),
        # n = 10: cap 1,000; 19 % is capped, the nine 9 % members receive 100 each of the rest.
        ([19] + [9] * 9, [1_000] * 10),
        # n = 3: cap 3,334; floor(10000·50/100) = 5000 → 3334, then 2500 + 1250 + ...
        ([50, 25, 25], [3_334, 3_333, 3_333]),
        # Two members: cap 5,000; 70/30 stake gives 5,000 each.
        ([70, 30], [5_000, 5_000]),
        # Ties: 3,333 each and one unit left, which goes to the first of the list sorted by
        # stake; Move's insertion sort puts a later member before an equal earlier one.
        ([1, 1, 1], [3_333, 3_333, 3_334]),
    ],
)
def test_voting_power_by_hand(stakes: list[int], expected: list[int]) -> None:
    committee = [(f"v{n}", stake) for n, stake in enumerate(stakes)]
    powers = compute_voting_power(committee)
    assert [powers[f"v{n}"] for n in range(len(stakes))] == expected


def test_cap_formula() -> None:
    assert [cap_for(n) for n in (1, 2, 3, 4, 10, 11, 100)] == [
        10_000,
        5_000,
        3_334,
        2_500,
        1_000,
        1_000,
        1_000,
    ]


@pytest.mark.invariant("IOTA-VP-01")
@given(st.lists(st.integers(1, 10**18), min_size=1, max_size=40))
def test_voting_power_invariants_or_abort(stakes: list[int]) -> None:
    committee = [(f"v{n}", stake) for n, stake in enumerate(stakes)]
    try:
        powers = compute_voting_power(committee)
    except VotingPowerInvariant:
        return  # the framework aborts the epoch change too
    assert sum(powers.values()) == 10_000
    assert all(0 < p <= cap_for(len(stakes)) for p in powers.values())
    for a, sa in committee:
        for b, sb in committee:
            if sa > sb:
                assert powers[a] >= powers[b]


def network(
    n: int = 4,
    stake: int = 10_000_000 * IOTA,
    commission: int = 0,
    protocol: str = "mainnet-v31",
) -> IotaStaking:
    validators = [(f"val-{k}", stake, commission) for k in range(n)]
    balances = {"alice": 50_000_000 * IOTA, "bob": 5 * IOTA, "payer": 10**6 * IOTA}
    return IotaStaking.genesis(balances, validators, protocol)


@pytest.mark.invariant("IOTA-POT-01", "IOTA-SUPPLY-01")
def test_pot_without_fees_is_the_subsidy_minted() -> None:
    system = network()
    record = system.advance_epoch(SYSTEM)
    assert record.pot == SUBSIDY
    assert record.minted == SUBSIDY
    assert record.paid == dict.fromkeys(system.committee, SUBSIDY // 4)
    assert record.burned_leftover == 0
    assert_invariants(system)


@pytest.mark.invariant("IOTA-POT-01", "IOTA-SUPPLY-01")
def test_base_fees_above_the_subsidy_are_burned_and_tips_paid() -> None:
    system = network()
    system.pay_gas("payer", 900_000 * IOTA, 100_000 * IOTA, 0)  # 800,000 base, 100,000 tip
    supply = system.supply()
    record = system.advance_epoch(SYSTEM)
    assert record.minted == 0
    assert record.pot == SUBSIDY + 100_000 * IOTA
    # 33,000 IOTA of base fees above the subsidy are burned, and nothing is left over.
    assert system.burned == 800_000 * IOTA - SUBSIDY
    assert system.supply() == supply - (800_000 * IOTA - SUBSIDY)
    assert_invariants(system)


@pytest.mark.invariant("IOTA-SLASH-01")
def test_quorum_of_reports_burns_the_validators_reward() -> None:
    system = network()
    for reporter in ("val-0", "val-1", "val-2"):  # 7,500 ≥ 6,667
        system.report_validator(reporter, "val-3", 0)
    burned = system.burned
    record = system.advance_epoch(SYSTEM)
    assert record.slashed == frozenset({"val-3"})
    assert record.paid["val-3"] == 0
    assert system.burned - burned == SUBSIDY // 4
    # Reports persist: still slashed next epoch; withdrawing one report ends it (5,000 < 6,667).
    assert system.advance_epoch(SYSTEM).slashed == frozenset({"val-3"})
    system.undo_report_validator("val-0", "val-3", 2)
    assert system.advance_epoch(SYSTEM).slashed == frozenset()
    assert_invariants(system)


@pytest.mark.invariant("IOTA-STAKE-01", "IOTA-POOL-01")
def test_stake_activates_next_epoch_and_earns_after() -> None:
    system = network()
    staked = system.request_add_stake("alice", "val-0", 10_000_000 * IOTA, 0)
    system.advance_epoch(SYSTEM)
    assert system.stakes[staked].activation_epoch == 1
    # The epoch-0 reward went to the genesis stake only: alice's principal earned nothing yet.
    assert system.request_withdraw_stake("alice", staked, 1) == 10_000_000 * IOTA
    assert_invariants(system)


def test_withdraw_before_activation_returns_the_principal() -> None:
    system = network()
    staked = system.request_add_stake("alice", "val-0", 3 * IOTA, 0)
    assert system.request_withdraw_stake("alice", staked, 0) == 3 * IOTA
    assert system.validators["val-0"].pool.pending_stake == 0
    assert_invariants(system)


@pytest.mark.invariant("IOTA-COMMISSION-01")
def test_before_iip8_the_commission_is_the_rate_set_and_changes_next_epoch() -> None:
    """mainnet-v19: commission = floor(allotment · rate / 10,000), staked for the validator,
    with the rate set during an epoch applied from the next one."""
    validators = [(f"val-{k}", 10_000_000 * IOTA, 1_000) for k in range(4)]
    system = IotaStaking.genesis({}, validators, "mainnet-v19")
    system.request_set_commission_rate("val-0", 2_000, 0)
    system.advance_epoch(SYSTEM)
    commission_stakes = [
        s for s in system.stakes.values() if s.owner == "val-0" and s.activation_epoch == 1
    ]
    assert [s.principal for s in commission_stakes] == [SUBSIDY // 4 * 1_000 // 10_000]
    system.advance_epoch(SYSTEM)
    newest = max(s.staked_id for s in system.stakes.values() if s.owner == "val-0")
    allotted = system.records[-1].paid["val-0"]
    assert system.stakes[newest].principal == allotted * 2_000 // 10_000
    assert_invariants(system)


@pytest.mark.invariant("IOTA-COMMISSION-02")
def test_iip8_the_commission_is_at_least_the_voting_power() -> None:
    """The issue's four validators: 40 M, 30 M, 20 M and 10 M IOTA at 5 %, 10 %, 0 % and 20 %.

    By hand (voting_power.move): floors 4,000 / 3,000 / 2,000 / 1,000, capped at
    max(1,000, ⌈10,000 / 4⌉) = 2,500 → 2,500 / 2,500 / 2,000 / 1,000; the 2,000 left over go
    down the list by stake, ⌈2,000 / 4⌉ = 500 and ⌈2,000 / 3⌉ = 667 fit under nobody's cap for
    the first two, then 500 and 1,500 bring the last two to 2,500: every validator holds 2,500.
    Each is allotted 2,500 · 767,000 IOTA / 10,000 = 191,750 IOTA, and its commission rate is
    max(rate, 2,500 bp) = 25 % for all four: 47,937.5 IOTA each (before IIP-8: 5 % of it,
    9,587.5 IOTA, for the first).
    """
    stakes = [40, 30, 20, 10]
    rates = [500, 1_000, 0, 2_000]
    validators = [
        (f"val-{k}", stake * 1_000_000 * IOTA, rate)
        for k, (stake, rate) in enumerate(zip(stakes, rates, strict=True))
    ]
    for protocol, expected in (
        ("mainnet-v31", [47_937_500 * IOTA // 1_000] * 4),
        ("mainnet-v19", [191_750 * IOTA * r // 10_000 for r in rates]),
    ):
        system = IotaStaking.genesis({}, validators, protocol)
        assert [system.validators[f"val-{k}"].voting_power for k in range(4)] == [2_500] * 4
        record = system.advance_epoch(SYSTEM)
        assert [a.allotted for a in record.allotments] == [191_750 * IOTA] * 4
        assert [a.commission for a in record.allotments] == expected
        assert_invariants(system)


@pytest.mark.invariant("IOTA-COMMISSION-02")
def test_iip8_leaves_a_rate_above_the_voting_power_as_set() -> None:
    """Ten equal validators hold 1,000 each; a 20 % rate stays 20 %, a 5 % rate becomes 10 %."""
    validators = [(f"val-{k}", 10_000_000 * IOTA, 500 if k else 2_000) for k in range(10)]
    system = IotaStaking.genesis({}, validators)
    record = system.advance_epoch(SYSTEM)
    allotted = 1_000 * SUBSIDY // 10_000
    assert record.allotments[0].commission == allotted * 2_000 // 10_000
    assert {a.commission for a in record.allotments[1:]} == {allotted * 1_000 // 10_000}
    assert_invariants(system)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda s: s.request_add_stake("alice", "val-0", IOTA - 1, 0), StakeBelowMinimum),
        (lambda s: s.request_add_stake("bob", "val-0", 6 * IOTA, 0), InsufficientBalance),
        (lambda s: s.request_add_stake("alice", "nobody", IOTA, 0), UnknownValidator),
        (lambda s: s.request_withdraw_stake("bob", 1, 0), Unauthorized),
        (lambda s: s.request_withdraw_stake("alice", 999, 0), UnknownStake),
        (lambda s: s.report_validator("val-0", "val-0", 0), CannotReportOneself),
        (lambda s: s.report_validator("alice", "val-0", 0), NotCommitteeMember),
        (lambda s: s.report_validator("val-0", "alice", 0), NotCommitteeMember),
        (lambda s: s.undo_report_validator("val-0", "val-1", 0), ReportNotFound),
        (lambda s: s.request_set_commission_rate("val-0", 2_001, 0), CommissionOutOfBounds),
    ],
)
def test_bad_input_leaves_state_unchanged(
    call: Callable[[IotaStaking], object], error: type[ContractError]
) -> None:
    system = network()
    before = fingerprint(system)
    with pytest.raises(error):
        call(system)
    assert fingerprint(system) == before


def _year_of_staking(
    validators: list[tuple[str, int, int]],
    staker_validator: str,
    principal: int,
    alongside: int = 0,
    protocol: str = "mainnet-v31",
) -> tuple[Fraction, IotaStaking, int]:
    """Stake ``principal`` in epoch 0, keep it active for 365 epochs, withdraw: simple return.

    ``alongside``: the same amount staked with every other validator in epoch 0 by others.
    """
    balances = {"staker": principal, "others": alongside * len(validators)}
    system = IotaStaking.genesis(balances, validators, protocol)
    staked = system.request_add_stake("staker", staker_validator, principal, 0)
    if alongside:
        for address, _, _ in validators:
            if address != staker_validator:
                system.request_add_stake("others", address, alongside, 0)
    system.advance_epoch(SYSTEM)  # epoch 0 → 1: the stake activates
    total_at_activation = sum(v.pool.iota_balance for v in system.validators.values())
    for _ in range(365):
        system.advance_epoch(SYSTEM)
    value = system.request_withdraw_stake("staker", staked, system.epoch)
    assert_invariants(system)
    return Fraction(value - principal, principal), system, total_at_activation


@pytest.mark.large_state
@pytest.mark.invariant("IOTASRB-03")
@pytest.mark.parametrize(
    ("protocol", "commission"),
    [("mainnet-v31", 0), ("mainnet-v31", 2_000), ("mainnet-v19", 0), ("mainnet-v19", 500)],
)
def test_realised_return_against_iotasrb_v(protocol: str, commission: int) -> None:
    """A year of active epochs with four equal validators: realised vs IOTASRB(v).

    With the pools growing alike, the derived interval [(1 + I)^(1−cr) − 1, e^{I(1−cr)} − 1]
    (IOTASRB-03) holds the realised simple return up to the floors' few nanos per epoch; the
    stake's one-epoch activation delay is outside the year measured. The commission rate cr
    that counts is the effective one: under IIP-8 (mainnet-v31) max(rate, voting power), 25 %
    for four equal validators whatever they set; before it (mainnet-v19) the rate set.
    """
    stake = 100_000_000 * IOTA
    principal = 25_000_000 * IOTA
    validators = [(f"val-{k}", stake, commission) for k in range(4)]
    # Other stakers keep the four pools equal, so no voting power rounding or cap is involved.
    realised, _, total = _year_of_staking(validators, "val-0", principal, principal, protocol)
    effective = max(commission, 2_500) if protocol == "mainnet-v31" else commission
    rate = iotasrb.benchmark(Fraction(total, IOTA))
    target = iotasrb.validator_rate(rate, Fraction(1), Fraction(effective, 10_000))
    low, high = iotasrb.realised_interval(rate, Fraction(effective, 10_000))
    rounding = Fraction(4 * 366, principal)
    assert sympy.Rational(realised.numerator, realised.denominator) >= low - sympy.Rational(
        rounding
    )
    assert sympy.Rational(realised.numerator, realised.denominator) <= high + sympy.Rational(
        rounding
    )
    assert low <= sympy.Rational(target.numerator, target.denominator) <= high
    if effective == 0:
        assert abs(realised - rate) <= rounding + Fraction(1, 10**6)


@pytest.mark.large_state
@pytest.mark.invariant("IOTASRB-03")
def test_voting_power_cap_lowers_the_realised_return() -> None:
    """A validator with 20 % of the stake among 12 is capped at 10 % of the power: its stakers
    earn the benchmark scaled by vp share / stake share, within the same derived interval --
    at IIP-8's effective commission of 10 % (its voting power), though it set none."""
    big = 220_000_000 * IOTA
    small = 80_000_000 * IOTA
    validators = [("val-big", big, 0)] + [(f"val-{k}", small, 0) for k in range(11)]
    realised, system, total = _year_of_staking(validators, "val-big", IOTA * 10)
    stake_share = Fraction(system.validators["val-big"].pool.iota_balance, 1)
    vp_share = Fraction(system.validators["val-big"].voting_power, 10_000)
    assert vp_share == Fraction(1, 10)
    rate = iotasrb.benchmark(Fraction(total, IOTA))
    first_share = Fraction(big + 10 * IOTA + SUBSIDY // 10, total)
    adjusted = rate * vp_share / first_share
    low, high = iotasrb.realised_interval(adjusted, vp_share)
    rounding = sympy.Rational(4 * 366, IOTA * 10)
    got = sympy.Rational(realised.numerator, realised.denominator)
    assert low - rounding <= got <= high + rounding
    assert got < sympy.Rational(rate.numerator, rate.denominator)
    assert stake_share > 0


@pytest.mark.invariant("IOTA-STAKE-01")
def test_the_minimum_stake_is_accepted_and_one_epochs_stakes_add_up() -> None:
    system = network()
    first = system.request_add_stake("alice", "val-0", IOTA, 0)  # exactly the 1 IOTA minimum
    second = system.request_add_stake("alice", "val-0", 2 * IOTA, 0)
    assert system.validators["val-0"].pool.pending_stake == 3 * IOTA
    system.advance_epoch(SYSTEM)
    # Both join the pool at the epoch boundary; neither earned in epoch 0.
    assert system.validators["val-0"].pool.pending_stake == 0
    assert system.request_withdraw_stake("alice", first, 1) == IOTA
    assert system.request_withdraw_stake("alice", second, 1) == 2 * IOTA
    assert_invariants(system)


@pytest.mark.invariant("IOTA-COMMISSION-01", "IOTA-POOL-01")
def test_commission_joins_the_pool_beside_the_epochs_other_stake() -> None:
    stake = 10_000_000 * IOTA
    system = network(commission=1_000)
    system.request_add_stake("alice", "val-0", 5 * IOTA, 0)
    record = system.advance_epoch(SYSTEM)
    # The pool now holds its stake, alice's, and the whole allotment: rewards plus commission.
    assert record.paid["val-0"] == SUBSIDY // 4
    assert system.validators["val-0"].pool.iota_balance == stake + 5 * IOTA + SUBSIDY // 4
    assert_invariants(system)


def test_score_adjustment_on_devnet_scales_the_reward_and_burns_the_rest() -> None:
    """Move's devnet rule: allotted · score / 65,536; mainnet passes the maximum score."""
    validators = [(f"val-{k}", 10_000_000 * IOTA, 0) for k in range(4)]
    system = IotaStaking.genesis({}, validators, "devnet-v31")
    system.scores["val-0"] = 16_384  # a quarter of the maximum score
    system.scores["val-1"] = 65_536
    burned = system.burned
    record = system.advance_epoch(SYSTEM)
    share = SUBSIDY // 4
    assert record.paid == {"val-0": share // 4, "val-1": share, "val-2": share, "val-3": share}
    assert record.burned_leftover == share - share // 4
    assert system.burned - burned == share - share // 4
    assert_invariants(system)


@pytest.mark.invariant("IOTA-POOL-01")
def test_two_withdrawals_in_one_epoch_both_leave_the_pool() -> None:
    system = network(protocol="mainnet-v19")  # no commission stake joins the pool
    first = system.request_add_stake("alice", "val-0", 1_000 * IOTA, 0)
    second = system.request_add_stake("alice", "val-0", 2_000 * IOTA, 0)
    system.advance_epoch(SYSTEM)
    system.advance_epoch(SYSTEM)  # epoch 1 paid rewards to both stakes
    pool = system.validators["val-0"].pool
    balance, tokens = pool.iota_balance, pool.pool_token_balance
    # Each stake holds the pool tokens its principal bought at its activation epoch's rate.
    held = sum(pool.rate_at(1).tokens_for(p) for p in (1_000 * IOTA, 2_000 * IOTA))
    paid = system.request_withdraw_stake("alice", first, 2)
    paid += system.request_withdraw_stake("alice", second, 2)
    assert paid > 3_000 * IOTA  # principal and rewards
    system.advance_epoch(SYSTEM)
    # The pool lost exactly what was paid, and gained only this epoch's allotment.
    assert pool.iota_balance == balance - paid + system.records[-1].paid["val-0"]
    assert pool.pool_token_balance == tokens - held
    assert_invariants(system)


@pytest.mark.invariant("IOTA-POT-01")
def test_gas_payments_add_up_and_a_payer_may_spend_its_whole_balance() -> None:
    system = network()
    system.pay_gas("bob", 5 * IOTA, 2 * IOTA, 0)  # bob's whole balance: 3 burned, 2 tip
    system.pay_gas("payer", 10 * IOTA, 0, 0)  # all base fee
    assert system.balances.get("bob", 0) == 0
    record = system.advance_epoch(SYSTEM)
    assert record.burned_fees == 13 * IOTA
    assert record.pot == SUBSIDY + 2 * IOTA
    assert record.minted == SUBSIDY - 13 * IOTA
    with pytest.raises(InvalidAmount):  # a tip larger than the fee
        system.pay_gas("payer", IOTA, 2 * IOTA, 1)
    assert_invariants(system)


@pytest.mark.parametrize(
    ("validators", "error"),
    [
        ([("val-0", IOTA - 1, 0)], StakeBelowMinimum),  # below the 1 IOTA minimum
        ([("val-0", 2**64, 0)], InvalidAmount),  # not a uint64
        ([("val-0", IOTA, 0), ("val-0", IOTA, 0)], InvalidInput),  # the same address twice
        ([("module:rewards", IOTA, 0)], ProtectedAccount),  # not an external account
    ],
)
def test_bad_genesis_validators_are_refused(
    validators: list[tuple[str, int, int]], error: type[ContractError]
) -> None:
    with pytest.raises(error):
        IotaStaking.genesis({}, validators)


@pytest.mark.invariant("IOTA-COMMISSION-02")
@pytest.mark.parametrize(
    ("stakes", "rate_bp", "delegated"),
    [([10, 10, 10, 10], 500, "val-0"), ([22, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8], 0, "val-0")],
)
def test_one_epoch_of_a_delegator_is_the_mainnet_rate_over_365(
    stakes: list[int], rate_bp: int, delegated: str
) -> None:
    """The delegator's reward for one epoch is principal × mainnet_rate / 365, to the nano
    floors: the pot follows capped voting power and IIP-8 takes max(rate, voting power)."""
    validators = [(f"val-{k}", s * 10_000_000 * IOTA, rate_bp) for k, s in enumerate(stakes)]
    principal = 1_000_000 * IOTA
    system = IotaStaking.genesis({"ann": principal}, validators)
    staked = system.request_add_stake("ann", delegated, principal, 0)
    system.advance_epoch(SYSTEM)  # the stake activates
    total = sum(v.pool.iota_balance for v in system.validators.values())
    validator = system.validators[delegated]
    stake_share = Fraction(validator.pool.iota_balance, total)
    vp_share = Fraction(validator.voting_power, 10_000)
    system.advance_epoch(SYSTEM)  # epoch 1 is paid
    earned = system.request_withdraw_stake("ann", staked, 2) - principal
    rate = iotasrb.mainnet_rate(
        iotasrb.benchmark(Fraction(total, IOTA)), stake_share, vp_share, Fraction(rate_bp, 10_000)
    )
    expected = principal * rate / 365
    assert abs(earned - expected) <= 3  # the floors of the split, the commission and the rate
    assert_invariants(system)
