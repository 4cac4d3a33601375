"""The ASMB ledger: genesis split, conservation, and authorities for mint and burn."""

from __future__ import annotations

import pytest

from contracts.errors import InsufficientBalance, InvalidAmount, Unauthorized
from contracts.invariants import assert_invariants
from contracts.ledger import (
    COMMUNITY,
    GOVERNANCE_AUTHORITY,
    INFLATION_AUTHORITY,
    IOTA_STAKERS,
    SLASHING_AUTHORITY,
    UNASSIGNED,
    Ledger,
)

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
def test_only_authorities_mint_and_burn() -> None:
    ledger = Ledger()
    for caller in ("alice", SLASHING_AUTHORITY, GOVERNANCE_AUTHORITY, COMMUNITY):
        with pytest.raises(Unauthorized):
            ledger.mint(caller, "alice", 5)
    for caller in ("alice", INFLATION_AUTHORITY, COMMUNITY):
        with pytest.raises(Unauthorized):
            ledger.burn(caller, COMMUNITY, 5)
    ledger.mint(INFLATION_AUTHORITY, "alice", 7)
    ledger.burn(SLASHING_AUTHORITY, "alice", 3)
    ledger.burn(GOVERNANCE_AUTHORITY, "alice", 4)
    assert ledger.supply() == 100 * 10**9 * ASMB
    assert (ledger.minted, ledger.burned) == (7, 7)
    assert_invariants(ledger)


def test_transfers_conserve_and_errors_change_nothing() -> None:
    ledger = Ledger()
    ledger.transfer(COMMUNITY, "bob", 10)
    before = ledger.snapshot()
    with pytest.raises(InsufficientBalance):
        ledger.transfer("bob", "carol", 11)
    with pytest.raises(InvalidAmount):
        ledger.transfer("bob", "carol", 0)
    with pytest.raises(InvalidAmount):
        ledger.transfer("bob", "carol", -1)
    with pytest.raises(InsufficientBalance):
        ledger.burn(SLASHING_AUTHORITY, "bob", 11)
    assert ledger.snapshot() == before
    assert_invariants(ledger)
