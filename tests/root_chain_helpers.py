"""Shared set-up for the root-chain tests: a funded network and a few validators."""

from __future__ import annotations

from contracts.accounts import COMMUNITY, IOTA_STAKERS, UNASSIGNED
from contracts.assembly import AssemblyNetwork
from contracts.root_chain import Evidence, Severity

ASMB = 10**6
MIN_BOND = 1_000_000 * ASMB  # ASMB_MIN_VALIDATOR_BOND as published


def funded_network(**holders: int) -> AssemblyNetwork:
    """The genesis split, with ``holders`` funded out of the community allocation."""
    community = 70 * 10**9 * ASMB - sum(holders.values())
    balances = {
        IOTA_STAKERS: 20 * 10**9 * ASMB,
        COMMUNITY: community,
        UNASSIGNED: 10 * 10**9 * ASMB,
    }
    balances.update(holders)
    return AssemblyNetwork(balances)


def seed(n: int) -> bytes:
    return n.to_bytes(8, "big") + b"epoch-seed"


def evidence(n: int, validator: str, epoch: int, severity: Severity = Severity.MAJOR) -> Evidence:
    return Evidence(f"evidence-{n}", validator, epoch, severity)
