"""The hostile-input issue's own examples, kept as explicit regression cases.

Each case was a broken promise of spec 0.9.0: a rejected call that changed state, a protected
account that could act, a wrong type that was accepted or crashed, a call whose work grew with a
far-future time, a width passed silently. Each must now be refused with its documented code and
leave the state -- the whole object graph -- exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from contracts.accounts import BONDED_POOL, REWARDS_POOL, SYSTEM, UNBONDING_POOL
from contracts.assembly import AssemblyNetwork
from contracts.errors import (
    ContractError,
    InsufficientBalance,
    InvalidDay,
    InvalidEvidence,
    InvalidInput,
    ProtectedAccount,
    Unauthorized,
    WidthExceeded,
)
from contracts.governance import Option
from contracts.invariants import all_violations
from contracts.postlaunch import PostLaunchDistribution
from contracts.root_chain import Evidence, Severity
from contracts.smr_staking import SmrStaking
from contracts.transaction import fingerprint
from contracts.units import U32_MAX, U64_MAX
from tests.root_chain_helpers import MIN_BOND, evidence, funded_network, seed


def refused(instance: Any, error: type[ContractError], call: Callable[[], object]) -> None:
    before = fingerprint(instance)
    with pytest.raises(error):
        call()
    assert fingerprint(instance) == before


def bonded_network() -> AssemblyNetwork:
    net = funded_network(op=5 * MIN_BOND, dana=5 * MIN_BOND)
    net.chain.register_validator("op", "v1", MIN_BOND, 500, True, 0)
    net.chain.delegate("dana", "v1", 2 * MIN_BOND, 0)
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.undelegate("dana", "v1", MIN_BOND // 2, 1)
    for n in range(2, 25):
        net.advance_epoch(SYSTEM, seed(n))
    return net


@pytest.mark.parametrize(
    ("drained", "call"),
    [
        (BONDED_POOL, lambda n: n.chain.undelegate("dana", "v1", MIN_BOND // 4, n.epoch)),
        (UNBONDING_POOL, lambda n: n.chain.withdraw_unbonded("dana", n.epoch)),
        (REWARDS_POOL, lambda n: n.chain.claim_rewards("dana", "v1", n.epoch)),
    ],
)
def test_a_failing_ledger_move_is_checked_before_any_write(
    drained: str, call: Callable[[AssemblyNetwork], object]
) -> None:
    """0.9.0 changed pools, shares, accumulators or unbonding entries, then the ledger move
    failed. A module account that cannot pay (here: emptied behind the contracts' back) now
    stops the call before its first write."""
    net = bonded_network()
    net.ledger.balances.pop(drained, None)
    refused(net, InsufficientBalance, lambda: call(net))


def test_an_epoch_change_past_the_u64_supply_moves_nothing() -> None:
    """0.9.0 advanced the yearly provision, then the mint failed the u64 check: every later
    epoch change failed and still moved the provision."""
    net = AssemblyNetwork({"whale": U64_MAX - 10})
    net.chain.register_validator("whale", "v1", MIN_BOND, 0, True, 0)
    for _ in range(2):
        refused(net, WidthExceeded, lambda: net.advance_epoch(SYSTEM, seed(1)))
    assert (net.epoch, net.chain.provision.epoch_in_year, net.chain.provision.year_base) == (
        0,
        0,
        0,
    )


def test_smr_claim_far_in_the_future_mints_nothing_and_moves_nothing() -> None:
    smr = SmrStaking({"ann": 10**12})
    smr.stake("ann", 10**9, 0)
    refused(smr, InvalidDay, lambda: smr.claim("ann", U32_MAX))
    refused(smr, InvalidDay, lambda: smr.advance_to(SYSTEM, 3_651))
    smr.advance_to(SYSTEM, 3_650)
    assert smr.epoch == 3_650
    assert all_violations(smr) == []


def test_smr_supply_never_passes_2_64() -> None:
    smr = SmrStaking({"ann": U64_MAX // 2})
    smr.stake("ann", U64_MAX // 2, 0)
    epoch = 0
    while True:
        try:
            smr.advance_to(SYSTEM, epoch + 3_650)
        except WidthExceeded:
            break
        epoch += 3_650
    assert smr.supply() <= U64_MAX
    refused(smr, WidthExceeded, lambda: smr.advance_to(SYSTEM, epoch + 3_650))
    assert all_violations(smr) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda n: n.ledger.transfer(BONDED_POOL, "mallory", 1),
        lambda n: n.ledger.transfer("dana", REWARDS_POOL, 1),
        lambda n: n.chain.register_validator(REWARDS_POOL, "v9", MIN_BOND, 0, True, n.epoch),
        lambda n: n.chain.delegate(UNBONDING_POOL, "v1", MIN_BOND, n.epoch),
        lambda n: n.chain.pay_fees("module:gov-deposits", "c", 1, n.epoch),
        lambda n: n.governance.submit(BONDED_POOL, {"ASMB_INFLATION_RATE": 0}, 10**10, n.epoch),
        lambda n: n.governance.vote("genesis:community", 1, Option.YES, n.epoch),
    ],
)
def test_module_accounts_never_act(call: Callable[[AssemblyNetwork], object]) -> None:
    net = bonded_network()
    refused(net, ProtectedAccount, lambda: call(net))


@pytest.mark.parametrize(
    "caller", ["dana", "authority:slashing", "authority:inflation", "module:rewards"]
)
def test_only_the_system_slashes_and_moves_the_clock(caller: str) -> None:
    net = bonded_network()
    refused(net, Unauthorized, lambda: net.chain.slash(caller, evidence(1, "v1", 24), 24))
    refused(net, Unauthorized, lambda: net.advance_epoch(caller, seed(99)))
    post = PostLaunchDistribution(0)
    refused(post, Unauthorized, lambda: post.advance_to(caller, 5))


def test_minting_and_burning_are_no_public_operation() -> None:
    from contracts.conformance.api import CONTRACTS

    assert {"mint", "burn", "setParameter"} & set(CONTRACTS["assembly"].operations) == set()


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda n: n.governance.vote("dana", True, Option.YES, n.epoch), InvalidInput),
        (lambda n: n.governance.vote("dana", 1, "yes", n.epoch), InvalidInput),
        (lambda n: n.chain.set_operational("op", "v1", "no", n.epoch), InvalidInput),
        (lambda n: n.chain.set_operational("op", "v1", 1, n.epoch), InvalidInput),
        (lambda n: n.chain.delegate(("dana",), "v1", 1, n.epoch), InvalidInput),
        (lambda n: n.chain.delegate("dana", ["v1"], 1, n.epoch), InvalidInput),
        (lambda n: n.chain.delegate("dana", "v1", 1.0, n.epoch), InvalidInput),
        (lambda n: n.chain.delegate("dana", "v1", 1, float(n.epoch)), InvalidInput),
        (
            lambda n: n.chain.slash(SYSTEM, Evidence(7, "v1", 24, Severity.MAJOR), 24),  # type: ignore[arg-type]
            InvalidEvidence,
        ),
        (lambda n: n.chain.slash(SYSTEM, None, 24), InvalidEvidence),
        (
            lambda n: n.governance.submit("dana", {"ASMB_INFLATION_RATE": 0.05}, 10**10, n.epoch),
            InvalidInput,
        ),
    ],
)
def test_wrong_types_are_invalid_input(
    call: Callable[[AssemblyNetwork], object], error: type[ContractError]
) -> None:
    net = bonded_network()
    refused(net, error, lambda: call(net))


def test_post_launch_days_after_the_end_cost_nothing() -> None:
    """0.9.0 walked every day up to the call's and stored a checkpoint for each."""
    post = PostLaunchDistribution(0)
    post.stake("ann", 10**6, 1)
    post.advance_to(SYSTEM, 700)
    checkpoints = len(post.rewards.checkpoints)
    post.advance_to(SYSTEM, U32_MAX)
    assert post.claim("ann", U32_MAX) > 0
    assert post.day == U32_MAX
    assert len(post.rewards.checkpoints) <= checkpoints + 1  # one record, not four billion
    assert all_violations(post) == []
