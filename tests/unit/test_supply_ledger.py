"""The ASMB ledger: genesis split, conservation, protected accounts, and the only mint and burn
paths (each authority into or from its own module accounts)."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.accounts import (
    BONDED_POOL,
    COMMUNITY,
    DEPOSITS,
    GOVERNANCE_AUTHORITY,
    INFLATION_AUTHORITY,
    IOTA_STAKERS,
    REWARDS_POOL,
    SLASHING_AUTHORITY,
    SYSTEM,
    UNASSIGNED,
    UNBONDING_POOL,
)
from contracts.errors import (
    ContractError,
    InsufficientBalance,
    InvalidAmount,
    InvalidInput,
    ProtectedAccount,
    Unauthorized,
    WidthExceeded,
)
from contracts.invariants import assert_invariants
from contracts.ledger import Ledger
from contracts.transaction import fingerprint
from contracts.units import U64_MAX

ASMB = 10**6


@pytest.mark.invariant("ASMB-SUPPLY-01", "ASMB-SUPPLY-02")
def test_genesis_split_is_the_seeds() -> None:
    """20 % to IOTA stakers (20 B), 70 % community, the unassigned 10 % (seeds 000 and 001)."""
    ledger = Ledger()
    assert ledger.balance(IOTA_STAKERS) == 20 * 10**9 * ASMB
    assert ledger.balance(COMMUNITY) == 70 * 10**9 * ASMB
    assert ledger.balance(UNASSIGNED) == 10 * 10**9 * ASMB
    assert ledger.supply() == 100 * 10**9 * ASMB
    assert_invariants(ledger)


@pytest.mark.invariant("ASMB-SUPPLY-02")
def test_each_authority_mints_or_burns_only_its_own_accounts() -> None:
    ledger = Ledger({"alice": 10, COMMUNITY: 5})
    refused = [
        ("mint", SLASHING_AUTHORITY, REWARDS_POOL),
        ("mint", GOVERNANCE_AUTHORITY, REWARDS_POOL),
        ("mint", INFLATION_AUTHORITY, "alice"),
        ("mint", INFLATION_AUTHORITY, BONDED_POOL),
        ("mint", "alice", REWARDS_POOL),
        ("mint", SYSTEM, REWARDS_POOL),
        ("burn", INFLATION_AUTHORITY, BONDED_POOL),
        ("burn", SLASHING_AUTHORITY, "alice"),
        ("burn", SLASHING_AUTHORITY, COMMUNITY),
        ("burn", SLASHING_AUTHORITY, DEPOSITS),
        ("burn", GOVERNANCE_AUTHORITY, "alice"),
        ("burn", GOVERNANCE_AUTHORITY, BONDED_POOL),
        ("burn", "alice", "alice"),
    ]
    for verb, authority, account in refused:
        moves = ledger.moves()
        with pytest.raises(Unauthorized):
            getattr(moves, verb)(authority, account, 1)
    moves = ledger.moves()
    moves.mint(INFLATION_AUTHORITY, REWARDS_POOL, 7)
    moves.transfer(REWARDS_POOL, BONDED_POOL, 3).transfer(REWARDS_POOL, UNBONDING_POOL, 2)
    moves.transfer(REWARDS_POOL, DEPOSITS, 2)
    moves.burn(SLASHING_AUTHORITY, BONDED_POOL, 3).burn(SLASHING_AUTHORITY, UNBONDING_POOL, 2)
    moves.burn(GOVERNANCE_AUTHORITY, DEPOSITS, 2)
    assert (ledger.minted, ledger.burned) == (0, 0)  # nothing happens before the commit
    moves.commit()
    assert (ledger.minted, ledger.burned) == (7, 7)
    assert ledger.burned_by == {SLASHING_AUTHORITY: 5, GOVERNANCE_AUTHORITY: 2}
    assert ledger.supply() == 15
    assert_invariants(ledger)


def test_a_batch_spends_each_token_once_and_writes_nothing_when_refused() -> None:
    ledger = Ledger({"alice": 10})
    before = fingerprint(ledger)
    moves = ledger.moves().transfer("alice", "bob", 6)
    assert moves.balance("alice") == 4
    with pytest.raises(InsufficientBalance):
        moves.transfer("alice", "carol", 5)
    assert fingerprint(ledger) == before


@pytest.mark.invariant("WIDTH-02")
def test_a_mint_past_2_64_is_refused_before_it_is_staged() -> None:
    ledger = Ledger({"alice": U64_MAX - 5})
    moves = ledger.moves()
    moves.mint(INFLATION_AUTHORITY, REWARDS_POOL, 5)
    with pytest.raises(WidthExceeded):
        moves.mint(INFLATION_AUTHORITY, REWARDS_POOL, 1)
    moves.commit()
    assert ledger.supply() == U64_MAX
    assert_invariants(ledger)


def test_transfers_conserve_and_errors_change_nothing() -> None:
    ledger = Ledger({"bob": 10, COMMUNITY: 100})
    before = fingerprint(ledger)
    with pytest.raises(InsufficientBalance):
        ledger.transfer("bob", "carol", 11)
    with pytest.raises(InvalidAmount):
        ledger.transfer("bob", "carol", 0)
    with pytest.raises(InvalidAmount):
        ledger.transfer("bob", "carol", -1)
    with pytest.raises(InvalidAmount):
        ledger.transfer("bob", "carol", U64_MAX + 1)
    with pytest.raises(InvalidInput):
        ledger.transfer("bob", "carol", True)
    assert fingerprint(ledger) == before
    ledger.transfer("bob", "carol", 10)
    assert (ledger.balance("bob"), ledger.balance("carol")) == (0, 10)
    assert "bob" not in ledger.balances  # an emptied account is not stored
    assert_invariants(ledger)


@pytest.mark.parametrize(
    "protected",
    [BONDED_POOL, UNBONDING_POOL, REWARDS_POOL, DEPOSITS, COMMUNITY, IOTA_STAKERS, UNASSIGNED]
    + [INFLATION_AUTHORITY, SLASHING_AUTHORITY, GOVERNANCE_AUTHORITY, SYSTEM],
)
def test_no_protected_account_sends_or_receives_a_transfer(protected: str) -> None:
    ledger = Ledger({"bob": 10, COMMUNITY: 100})
    before = fingerprint(ledger)
    with pytest.raises(ProtectedAccount):
        ledger.transfer(protected, "bob", 1)
    with pytest.raises(ProtectedAccount):
        ledger.transfer("bob", protected, 1)
    assert fingerprint(ledger) == before


@pytest.mark.parametrize(
    ("balances", "error"),
    [
        ({BONDED_POOL: 5}, ProtectedAccount),
        ({INFLATION_AUTHORITY: 5}, ProtectedAccount),
        ({SYSTEM: 5}, ProtectedAccount),
        ({"alice": -1}, InvalidAmount),
        ({"alice": U64_MAX + 1}, InvalidAmount),
        ({"alice": U64_MAX, "bob": 1}, WidthExceeded),
        ({"alice": True}, InvalidInput),
        ({"alice": 1.0}, InvalidInput),
        ({"": 1}, InvalidInput),
        ({"a b": 1}, InvalidInput),
        ({7: 1}, InvalidInput),
        ([("alice", 1)], InvalidInput),
    ],
)
def test_genesis_balances_are_checked_against_their_domain(
    balances: Any, error: type[ContractError]
) -> None:
    with pytest.raises(error):
        Ledger(balances)


def test_zero_genesis_balances_are_not_stored() -> None:
    ledger = Ledger({"alice": 0, "bob": 3})
    assert ledger.balances == {"bob": 3}
    assert ledger.supply() == 3
