"""SMR staking: 8 % a year minted to stakers, burned when nobody stakes, supply conserved."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contracts.accounts import SYSTEM
from contracts.errors import (
    ContractError,
    InsufficientBalance,
    InsufficientStake,
    InvalidAmount,
    InvalidDay,
    UnknownHolder,
)
from contracts.invariants import assert_invariants
from contracts.smr_staking import SmrStaking
from contracts.transaction import fingerprint

GENESIS = 1_813_620_509_061_365  # TIP-32's genesis supply, in glow (fixtures README)


@pytest.mark.invariant("SMR-INFLATION-01", "SMR-SUPPLY-01")
def test_one_year_fully_staked_mints_exactly_eight_percent() -> None:
    contract = SmrStaking({"treasury": GENESIS})
    contract.stake("treasury", GENESIS, 0)
    contract.advance_to(SYSTEM, 1)  # epoch 0: the stake is pending, the mint burned
    burned_first_epoch = contract.burned
    contract.advance_to(SYSTEM, 365)
    assert contract.minted == GENESIS * 8 // 100
    assert contract.minted - contract.burned == contract.supply() - GENESIS
    # Epoch 0 had no active stake: its share was burned, the rest is owed to the staker.
    assert burned_first_epoch == contract.burned > 0
    assert contract.claim("treasury", 365) == contract.minted - burned_first_epoch - (
        contract.rewards.rounding_dust()
    )
    assert_invariants(contract)


@pytest.mark.invariant("SMR-SUPPLY-01")
def test_nobody_staking_burns_the_inflation() -> None:
    contract = SmrStaking({"a": 10**9})
    contract.advance_to(SYSTEM, 730)
    assert contract.minted == contract.burned > 0
    assert contract.supply() == 10**9
    assert_invariants(contract)


@pytest.mark.invariant("SMR-INFLATION-01")
def test_second_year_base_is_the_supply_at_its_start() -> None:
    contract = SmrStaking({"a": 10**12, "b": 3 * 10**12})
    contract.stake("a", 10**12, 0)
    contract.stake("b", 3 * 10**12, 0)
    contract.advance_to(SYSTEM, 365)
    supply_year_two = contract.supply()
    minted_year_one = contract.minted
    contract.advance_to(SYSTEM, 730)
    assert contract.minted - minted_year_one == supply_year_two * 8 // 100
    assert_invariants(contract)


def test_errors() -> None:
    contract = SmrStaking({"a": 100})
    contract.stake("a", 60, 2)
    before = fingerprint(contract)
    cases: list[tuple[Callable[[], object], type[ContractError]]] = [
        (lambda: contract.stake("a", 41, 2), InsufficientBalance),
        (lambda: contract.unstake("a", 61, 2), InsufficientStake),
        (lambda: contract.unstake("z", 1, 2), UnknownHolder),
        (lambda: contract.claim("z", 2), UnknownHolder),
        (lambda: contract.stake("a", 1, 1), InvalidDay),
    ]
    for call, error in cases:
        with pytest.raises(error):
            call()
        assert fingerprint(contract) == before


def test_unstaking_everything_returns_it_all() -> None:
    contract = SmrStaking({"a": 100, "b": 10**12})
    contract.stake("a", 60, 2)
    contract.stake("a", 40, 3)  # 60 active from epoch 3, 40 still pending
    contract.unstake("a", 100, 3)  # exactly what it holds, pending and active together
    assert contract.balances.get("a", 0) == 100
    assert contract.rewards.stake_of("a") == (0, 0)
    assert contract.supply() == 100 + 10**12 + contract.minted - contract.burned
    assert_invariants(contract)


def test_a_bad_amount_changes_nothing_not_even_the_epoch() -> None:
    contract = SmrStaking({"a": 100})
    contract.stake("a", 60, 2)
    before = fingerprint(contract)
    calls: list[Callable[[], object]] = [
        lambda: contract.unstake("a", 0, 5),
        lambda: contract.unstake("a", -1, 5),
        lambda: contract.stake("a", 0, 5),
    ]
    for call in calls:
        with pytest.raises(InvalidAmount):
            call()
        assert fingerprint(contract) == before
    assert contract.epoch == 2
