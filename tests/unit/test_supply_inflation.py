"""The yearly-provision schedule and rate conversion, against the closed form of the module
docstring: a year at a constant rate mints exactly floor(S_y · r) (ASMB-INFLATION-01)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from contracts.errors import InvalidInput
from contracts.inflation import YearlyProvision, to_basis_points


@pytest.mark.parametrize(
    ("rate", "bp"), [(Fraction(0), 0), (Fraction(1, 10_000), 1), (Fraction(5, 100), 500)]
)
def test_whole_basis_points_convert_exactly(rate: Fraction, bp: int) -> None:
    assert to_basis_points(rate) == bp


@pytest.mark.parametrize("rate", [Fraction(1, 20_000), Fraction(-1, 100), Fraction(1, 3)])
def test_finer_than_a_basis_point_or_negative_is_rejected(rate: Fraction) -> None:
    with pytest.raises(InvalidInput, match="basis points"):
        to_basis_points(rate)


@pytest.mark.invariant("ASMB-INFLATION-01")
@pytest.mark.parametrize(("supply", "bp", "epochs"), [(10**16 + 7, 500, 365), (999_999, 3, 7)])
def test_a_year_at_a_constant_rate_mints_its_floor(supply: int, bp: int, epochs: int) -> None:
    provision = YearlyProvision(epochs)
    mints = [provision.mint_for_epoch(supply, bp) for _ in range(epochs)]
    assert sum(mints) == supply * bp // 10_000
    assert max(mints) - min(mints) <= 1  # paid evenly, the floors' remainders spread


def test_the_base_is_fixed_at_the_first_epoch_of_each_year() -> None:
    provision = YearlyProvision(4)
    first = [provision.mint_for_epoch(10_000 * (1 + k), 10_000) for k in range(4)]
    assert first == [2_500] * 4  # the supply seen at epoch 0 of year 1: 10,000
    second = [provision.mint_for_epoch(1_000_000, 10_000) for _ in range(4)]
    assert second == [250_000] * 4


def test_a_rate_change_applies_from_its_epoch_against_the_same_base() -> None:
    provision = YearlyProvision(4)
    mints = [provision.mint_for_epoch(40_000, bp) for bp in (100, 100, 300, 300)]
    # T_k over N · 10,000 = 40,000: cumulative 100·40,000 = 4,000,000 → 100; then 200; 500; 800.
    assert mints == [100, 100, 300, 300]
