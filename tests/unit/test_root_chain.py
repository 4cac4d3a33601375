"""The root chain: bonds, delegation, epoch rewards, commission, unbonding, exits, slashing.

Expected values are worked out here by hand from the rules' statements (module docstring of
``contracts.root_chain`` and the seeds), in plain integers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from contracts.accounts import COMMUNITY, SYSTEM
from contracts.assembly import AssemblyNetwork
from contracts.committees import FeePolicy
from contracts.errors import (
    BondBelowMinimum,
    CommissionOutOfBounds,
    ContractError,
    DuplicateValidator,
    InsufficientBalance,
    InsufficientStake,
    InvalidAmount,
    InvalidDay,
    InvalidEvidence,
    InvalidInput,
    NothingToWithdraw,
    Unauthorized,
    UnknownHolder,
    UnknownValidator,
    ValidatorNotAccepting,
)
from contracts.invariants import assert_invariants
from contracts.root_chain import Evidence, Severity, Status
from contracts.transaction import fingerprint
from tests.root_chain_helpers import ASMB, MIN_BOND, evidence, funded_network, seed

SUPPLY = 100 * 10**9 * ASMB
YEAR = 365 * 10_000  # epochs per year × basis points


def epoch_mint(epoch_in_year: int, base: int = SUPPLY, bp: int = 800) -> int:
    """The adopted convention's mint for one epoch: a difference of cumulative floors."""
    return (base * bp * (epoch_in_year + 1)) // YEAR - (base * bp * epoch_in_year) // YEAR


def network_with_one_validator(commission_bp: int = 1_000) -> AssemblyNetwork:
    net = funded_network(op=2 * MIN_BOND, dana=5 * MIN_BOND)
    net.chain.register_validator("op", "v1", MIN_BOND, commission_bp, True, 0)
    net.chain.delegate("dana", "v1", 3 * MIN_BOND, 0)
    return net


@pytest.mark.invariant("ROOT-REWARD-01", "ROOT-REWARD-02", "ROOT-BOND-01")
def test_first_epochs_rewards_by_hand() -> None:
    net = network_with_one_validator()
    community_before = net.ledger.balance(COMMUNITY)
    net.advance_epoch(SYSTEM, seed(1))
    # Epoch 0: the stake was only pending, nobody was bonded for the whole epoch, so the
    # whole mint went to the community pool.
    assert net.ledger.balance(COMMUNITY) - community_before == epoch_mint(0)
    assert net.chain.claim_rewards("dana", "v1", 1) == 0
    net.advance_epoch(SYSTEM, seed(2))
    mint = epoch_mint(1)
    commission = mint * 1_000 // 10_000
    rest = mint - commission
    # Shares are 1:1 for the first bonds: op holds 1/4, dana 3/4 of the pool.
    assert net.ledger.balance("op") == MIN_BOND + commission
    paid_dana = net.chain.claim_rewards("dana", "v1", 2)
    paid_op = net.chain.claim_rewards("op", "v1", 2)
    assert rest * 3 // 4 - 1 <= paid_dana <= rest * 3 // 4
    assert rest // 4 - 1 <= paid_op <= rest // 4
    assert_invariants(net)
    assert_invariants(net.chain)


@pytest.mark.invariant("ROOT-COMMISSION-01")
def test_commission_change_applies_from_the_next_epoch() -> None:
    net = network_with_one_validator(commission_bp=1_000)
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.set_commission("op", "v1", 2_000, 1)  # requested in epoch 1
    op_before = net.ledger.balance("op")
    net.advance_epoch(SYSTEM, seed(2))  # epoch 1 is still paid at 10 %
    assert net.ledger.balance("op") - op_before == epoch_mint(1) * 1_000 // 10_000
    op_before = net.ledger.balance("op")
    net.advance_epoch(SYSTEM, seed(3))  # epoch 2 at 20 %
    assert net.ledger.balance("op") - op_before == epoch_mint(2) * 2_000 // 10_000
    with pytest.raises(CommissionOutOfBounds):
        net.chain.set_commission("op", "v1", 2_001, 3)  # ASMB_MAX_COMMISSION is 20 %
    assert_invariants(net.chain)


@pytest.mark.invariant("ROOT-REWARD-02")
def test_stake_added_during_an_epoch_earns_from_the_next() -> None:
    net = network_with_one_validator(commission_bp=0)
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.delegate("dana", "v1", MIN_BOND, 1)  # dana: 3 active + 1 pending
    net.advance_epoch(SYSTEM, seed(2))
    rest = epoch_mint(1)
    assert net.chain.claim_rewards("dana", "v1", 2) in (rest * 3 // 4 - 1, rest * 3 // 4)
    net.advance_epoch(SYSTEM, seed(3))
    rest = epoch_mint(2)
    assert net.chain.claim_rewards("dana", "v1", 3) in (rest * 4 // 5 - 1, rest * 4 // 5)


@pytest.mark.invariant("ROOT-UNBOND-01")
def test_unbonding_stops_earning_and_releases_after_the_delay() -> None:
    net = network_with_one_validator(commission_bp=0)
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.undelegate("dana", "v1", MIN_BOND, 1)
    with pytest.raises(NothingToWithdraw):
        net.chain.withdraw_unbonded("dana", 1)
    net.advance_epoch(SYSTEM, seed(2))
    rest = epoch_mint(1)
    # dana now holds 2 of the pool's 3 shares; the unbonding one earns nothing.
    assert net.chain.claim_rewards("dana", "v1", 2) in (rest * 2 // 3 - 1, rest * 2 // 3)
    for n in range(3, 23):  # ASMB_UNBONDING_EPOCHS = 21: matures in epoch 22
        net.advance_epoch(SYSTEM, seed(n))
    balance = net.ledger.balance("dana")
    assert net.chain.withdraw_unbonded("dana", 22) == MIN_BOND
    assert net.ledger.balance("dana") == balance + MIN_BOND
    assert_invariants(net.chain)


@pytest.mark.invariant("ROOT-SLASH-01", "ASMB-SUPPLY-01")
def test_slash_burns_exactly_and_reaches_unbonding_stake() -> None:
    net = network_with_one_validator()
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.undelegate("dana", "v1", MIN_BOND, 1)  # created in epoch 1: bonded at an offence in 1
    net.advance_epoch(SYSTEM, seed(2))
    net.chain.undelegate("dana", "v1", MIN_BOND // 2, 2)
    supply = net.ledger.supply()
    tokens = net.chain.validators["v1"].tokens
    burned = net.chain.slash(SYSTEM, evidence(1, "v1", 1), 2)
    # 5 % of the pool and of both entries created at or after the offence epoch 1.
    expected = tokens * 5 // 100 + MIN_BOND * 5 // 100 + (MIN_BOND // 2) * 5 // 100
    assert burned == expected
    assert net.ledger.supply() == supply - expected
    assert net.chain.validators["v1"].status is Status.EXITING  # rotated out
    assert_invariants(net)
    assert_invariants(net.chain)


@pytest.mark.invariant("ROOT-SLASH-01")
def test_unbonding_started_before_the_offence_is_not_slashed() -> None:
    net = network_with_one_validator()
    net.chain.undelegate("dana", "v1", MIN_BOND, 0)
    net.advance_epoch(SYSTEM, seed(1))
    net.advance_epoch(SYSTEM, seed(2))
    before = net.ledger.balance("module:unbonding")
    net.chain.slash(SYSTEM, evidence(1, "v1", 2, Severity.MINOR), 2)
    assert net.ledger.balance("module:unbonding") == before


def test_critical_offence_tombstones_and_burns_everything() -> None:
    net = network_with_one_validator()
    net.advance_epoch(SYSTEM, seed(1))
    supply = net.ledger.supply()
    tokens = net.chain.validators["v1"].tokens
    net.chain.slash(SYSTEM, evidence(1, "v1", 1, Severity.CRITICAL), 1)
    assert net.ledger.supply() == supply - tokens
    assert net.chain.validators["v1"].status is Status.TOMBSTONED
    with pytest.raises(ValidatorNotAccepting):
        net.chain.delegate("dana", "v1", MIN_BOND, 1)
    assert net.chain.withdraw_exited("dana", "v1", 1) == 0
    assert_invariants(net.chain)


def test_exit_releases_the_pool_after_the_delay() -> None:
    net = network_with_one_validator()
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.exit_validator("op", "v1", 1)
    with pytest.raises(ValidatorNotAccepting):
        net.chain.withdraw_exited("dana", "v1", 1)
    for n in range(2, 23):
        net.advance_epoch(SYSTEM, seed(n))
    assert net.chain.withdraw_exited("dana", "v1", 22) == 3 * MIN_BOND
    assert net.chain.withdraw_exited("op", "v1", 22) == MIN_BOND
    assert net.ledger.balance("module:bonded") == 0
    assert_invariants(net.chain)


SLASHER = SYSTEM


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda n: n.chain.register_validator("rich", "v2", MIN_BOND - 1, 0, True, 1),
            BondBelowMinimum,
        ),
        (
            lambda n: n.chain.register_validator("rich", "v1", MIN_BOND, 0, True, 1),
            DuplicateValidator,
        ),
        (
            lambda n: n.chain.register_validator("op", "v9", MIN_BOND, 0, True, 1),
            DuplicateValidator,
        ),
        (
            lambda n: n.chain.register_validator("rich", "v2", MIN_BOND, 2_001, True, 1),
            CommissionOutOfBounds,
        ),
        (
            lambda n: n.chain.register_validator("poor", "v2", MIN_BOND, 0, True, 1),
            InsufficientBalance,
        ),
        (lambda n: n.chain.register_validator("rich", "v2", MIN_BOND, 0, True, 0), InvalidDay),
        (lambda n: n.chain.delegate("dana", "nope", MIN_BOND, 1), UnknownValidator),
        (lambda n: n.chain.delegate("dana", "v1", 0, 1), InvalidAmount),
        (lambda n: n.chain.delegate("dana", "v1", -5, 1), InvalidAmount),
        (lambda n: n.chain.delegate("dana", "v1", 10**20, 1), InvalidAmount),
        (lambda n: n.chain.delegate("poor", "v1", MIN_BOND, 1), InsufficientBalance),
        (lambda n: n.chain.undelegate("dana", "v1", 3 * MIN_BOND + 1, 1), InsufficientStake),
        (lambda n: n.chain.undelegate("ghost", "v1", 1, 1), UnknownHolder),
        (lambda n: n.chain.undelegate("op", "v1", 1, 1), BondBelowMinimum),
        (lambda n: n.chain.set_commission("dana", "v1", 0, 1), Unauthorized),
        (lambda n: n.chain.exit_validator("dana", "v1", 1), Unauthorized),
        (lambda n: n.chain.slash("dana", evidence(1, "v1", 1), 1), Unauthorized),
        (lambda n: n.chain.slash(SLASHER, None, 1), InvalidEvidence),
        (lambda n: n.chain.slash(SLASHER, evidence(1, "v1", 2), 1), InvalidEvidence),
        (lambda n: n.chain.slash(SLASHER, evidence(1, "nope", 1), 1), UnknownValidator),
        (
            lambda n: n.chain.slash(SLASHER, Evidence("", "v1", 1, Severity.MINOR), 1),
            InvalidEvidence,
        ),
        (lambda n: n.chain.claim_rewards("ghost", "v1", 1), UnknownHolder),
        (lambda n: n.chain.withdraw_unbonded("dana", 1), NothingToWithdraw),
    ],
)
def test_bad_input_and_authority_leave_state_unchanged(
    call: Callable[[AssemblyNetwork], object], error: type[ContractError]
) -> None:
    net = funded_network(op=2 * MIN_BOND, dana=5 * MIN_BOND, rich=5 * MIN_BOND, poor=5)
    net.chain.register_validator("op", "v1", MIN_BOND, 1_000, True, 0)
    net.chain.delegate("dana", "v1", 3 * MIN_BOND, 0)
    net.advance_epoch(SYSTEM, seed(1))
    before = fingerprint(net)
    with pytest.raises(error):
        call(net)
    assert fingerprint(net) == before


def test_evidence_is_used_once_and_expires() -> None:
    net = network_with_one_validator()
    for n in range(1, 25):
        net.advance_epoch(SYSTEM, seed(n))
    with pytest.raises(InvalidEvidence):  # offence 2 is older than 24 − 21 epochs
        net.chain.slash(SYSTEM, evidence(1, "v1", 2), 24)
    net.chain.slash(SYSTEM, evidence(1, "v1", 3, Severity.MINOR), 24)
    with pytest.raises(InvalidEvidence):
        net.chain.slash(SYSTEM, evidence(1, "v1", 4, Severity.MINOR), 24)


def test_non_operational_validator_earns_nothing() -> None:
    net = network_with_one_validator()
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.set_operational("op", "v1", False, 1)
    community = net.ledger.balance(COMMUNITY)
    net.advance_epoch(SYSTEM, seed(2))
    assert net.ledger.balance(COMMUNITY) - community == epoch_mint(1)


@pytest.mark.invariant("ROOT-UNBOND-01", "ROOT-BOND-01")
def test_unbonding_to_the_edges_and_each_holder_withdraws_only_its_own() -> None:
    net = funded_network(op=3 * MIN_BOND, dana=5 * MIN_BOND, eve=MIN_BOND)
    net.chain.register_validator("op", "v1", 3 * MIN_BOND, 0, True, 0)
    net.chain.delegate("dana", "v1", 5 * MIN_BOND, 0)
    net.chain.delegate("eve", "v1", MIN_BOND, 0)
    net.advance_epoch(SYSTEM, seed(1))
    net.chain.undelegate("dana", "v1", 5 * MIN_BOND, 1)  # a delegator may leave entirely
    net.chain.undelegate("eve", "v1", MIN_BOND, 1)
    net.chain.undelegate("op", "v1", 2 * MIN_BOND, 1)  # the operator, down to exactly the minimum
    with pytest.raises(BondBelowMinimum):
        net.chain.undelegate("op", "v1", 1, 1)
    assert net.chain.bonded_value("dana") == 0
    assert net.chain.bonded_value("op") == MIN_BOND
    for n in range(2, 23):  # ASMB_UNBONDING_EPOCHS = 21: matures in epoch 22
        net.advance_epoch(SYSTEM, seed(n))
    assert net.chain.withdraw_unbonded("dana", 22) == 5 * MIN_BOND
    # dana's withdrawal took only dana's entry: eve's and op's are still there to withdraw.
    assert net.chain.withdraw_unbonded("eve", 22) == MIN_BOND
    assert net.chain.withdraw_unbonded("op", 22) == 2 * MIN_BOND
    assert_invariants(net.chain)


@pytest.mark.invariant("GOV-TALLY-02")
def test_voting_power_sums_the_stake_with_every_active_validator() -> None:
    net = funded_network(op1=MIN_BOND, op2=MIN_BOND, dana=5 * MIN_BOND)
    net.chain.register_validator("op1", "v1", MIN_BOND, 0, True, 0)
    net.chain.register_validator("op2", "v2", MIN_BOND, 0, True, 0)
    net.chain.delegate("dana", "v1", 2 * MIN_BOND, 0)
    net.chain.delegate("dana", "v2", 3 * MIN_BOND, 0)
    assert net.chain.bonded_value("dana") == 5 * MIN_BOND
    assert net.chain.bonded_value("nobody") == 0
    net.chain.exit_validator("op2", "v2", 0)  # an exiting pool no longer counts
    assert net.chain.bonded_value("dana") == 2 * MIN_BOND


@pytest.mark.parametrize(
    ("chain_id", "tier", "size"),
    [("", 1, 4), (7, 1, 4), ("c", -1, 4), ("c", 2**32, 4), ("c", 1, 0), ("c", 1, 1_001)],
)
def test_bad_chain_registrations_are_refused(chain_id: object, tier: int, size: int) -> None:
    net = funded_network(owner=MIN_BOND)
    before = fingerprint(net.chain)
    with pytest.raises(InvalidInput):
        net.chain.register_chain("owner", chain_id, tier, size, FeePolicy.FEES, 0)  # type: ignore[arg-type]
    assert fingerprint(net.chain) == before
    net.chain.register_chain("owner", "c", 1, 1_000, FeePolicy.FEES, 0)  # the largest committee
