"""Shimmer genesis split against TIP-32's published figures (fixtures README)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.errors import InvalidAmount
from contracts.invariants import assert_invariants
from contracts.shimmer_genesis import compute_genesis

# TIP-32, as the fixtures' README states it.
STAKERS = 1_450_896_407_249_092
TOTAL = 1_813_620_509_061_365
DAO = 181_362_050_906_137
TEA = 181_362_050_906_136


@pytest.mark.invariant("SMR-GENESIS-02")
def test_deployed_split_is_tip_32() -> None:
    genesis = compute_genesis(STAKERS, funding_approved=True)
    assert (genesis.stakers, genesis.dao, genesis.tea, genesis.total) == (STAKERS, DAO, TEA, TOTAL)
    assert_invariants(genesis)


@pytest.mark.invariant("SMR-GENESIS-02")
def test_seed_profile_gives_stakers_everything() -> None:
    genesis = compute_genesis(STAKERS, funding_approved=False)
    assert genesis.total == STAKERS
    assert genesis.dao == genesis.tea == 0


@pytest.mark.invariant("SMR-GENESIS-02")
@given(st.integers(0, 2**62))
def test_split_is_exact_for_any_total(stakers: int) -> None:
    genesis = compute_genesis(stakers, funding_approved=True)
    assert genesis.dao + genesis.tea == stakers // 4  # 20 / 80 of the stakers' glow, floored
    assert genesis.dao - genesis.tea in (0, 1)
    assert_invariants(genesis)


def test_bad_total() -> None:
    with pytest.raises(InvalidAmount):
        compute_genesis(-1, funding_approved=True)
    with pytest.raises(InvalidAmount):
        compute_genesis(2**64, funding_approved=True)
