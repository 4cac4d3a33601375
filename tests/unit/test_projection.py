"""The what-if projection against the reward and inflation rules, worked out by hand.

Expected values follow the rules as the docs state them, not the projection's own output:

* inflation (``contracts/inflation.py``, ASMB-INFLATION-01): epoch k of a year mints
  floor(T_{k+1}) − floor(T_k), T_k = Σ_{j<k} S_y · r_j / N, S_y the supply when the year begins;
* rewards (ROOT-REWARD-01/02): an epoch's mint is split among validators in proportion to stake
  bonded through the whole epoch, each keeps its commission, and its pool shares the rest; stake
  bonded in epoch e earns from epoch e + 1;
* the projection's assumptions (``StakingAssumptions``): stake bonded at epoch 0, rewards
  claimed in the last epoch of each year (before that epoch's mint) and bonded again.
"""

from __future__ import annotations

from fractions import Fraction
from math import floor

import pytest

from contracts.projection import StakingAssumptions, project
from spec import parameters

# Projections run years of epochs of valid calls on the whole network.
pytestmark = pytest.mark.large_state

N = parameters.integer("ASMB_EPOCHS_PER_YEAR")
SUPPLY = parameters.integer("ASMB_INITIAL_SUPPLY")
RATE = parameters.ratio("ASMB_INFLATION_RATE")
BP = 10_000


def cumulative_mint(base: int, rates: list[Fraction], upto: int) -> int:
    """floor(T_upto): the year's mint over its first ``upto`` epochs, rate r_j in epoch j."""
    return floor(sum((base * rates[j] / N for j in range(upto)), Fraction(0)))


def test_year_one_delegators_earn_their_share_of_epochs_1_to_n_minus_2() -> None:
    assumptions = StakingAssumptions()
    n = assumptions.validators
    bonded = int(SUPPLY * assumptions.bonded_share)
    own = int(bonded * assumptions.own_bond_share) // n
    delegated = (bonded - n * own) // n
    row = project({}, 0, 1, assumptions).rows[0]
    # Bonded at epoch 0: earns from epoch 1; claimed in epoch N − 1, before its mint.
    rates = [RATE] * N
    earned_mint = cumulative_mint(SUPPLY, rates, N - 1) - cumulative_mint(SUPPLY, rates, 1)
    commission = Fraction(assumptions.commission_bp, BP)
    exact = earned_mint * (1 - commission) * Fraction(delegated, own + delegated)
    # Validators' shares and the accumulator floor against the pool; the commission floors
    # (floor(reward · c)) in its favour: under 1 µASMB per validator and epoch either way.
    assert exact - 3 * n * N <= row.delegator_rewards <= exact + n * N
    assert row.delegator_bonded_at_start == n * delegated
    assert row.minted == floor(SUPPLY * RATE)
    assert row.supply == SUPPLY + row.minted
    assert row.staking_yield == Fraction(row.delegator_rewards, n * delegated)


def test_year_end_rewards_are_bonded_again() -> None:
    assumptions = StakingAssumptions()
    n = assumptions.validators
    first, second = project({}, 0, 2, assumptions).rows
    # The delegators' bonded value grows by what they claimed, less a share-rounding unit each.
    grown = second.delegator_bonded_at_start - first.delegator_bonded_at_start
    assert first.delegator_rewards - n <= grown <= first.delegator_rewards
    assert second.minted == floor(first.supply * RATE)


def test_a_rate_change_applies_from_its_epoch_in_the_middle_of_a_year() -> None:
    new_rate = Fraction(6, 100)
    change_at = N + 35  # the 36th epoch of year 2
    projection = project({"ASMB_INFLATION_RATE": new_rate}, change_at, 2)
    first, second = projection.rows
    rates = [RATE] * 35 + [new_rate] * (N - 35)
    assert first.minted == floor(SUPPLY * RATE)
    assert second.minted == cumulative_mint(first.supply, rates, N)
    assert projection.proposal_status == "executed"
    assert projection.applied == {"ASMB_INFLATION_RATE": new_rate}
    unchanged = project({}, 0, 2)
    assert unchanged.proposal_status is None
    assert unchanged.applied == {}
