"""Governance: proposals, stake-weighted votes, tallies, and changes enforced at an epoch."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest

from contracts.accounts import SLASHING_AUTHORITY, SYSTEM
from contracts.assembly import AssemblyNetwork
from contracts.errors import (
    AlreadyVoted,
    ContractError,
    DepositTooSmall,
    InvalidInput,
    NotGovernable,
    NoVotingPower,
    ParameterOutOfBounds,
    Unauthorized,
    UnknownProposal,
    VotingClosed,
)
from contracts.governance import Option, ProposalStatus
from contracts.invariants import assert_invariants
from contracts.transaction import fingerprint
from spec import parameters
from tests.root_chain_helpers import ASMB, MIN_BOND, funded_network, seed

DEPOSIT = 10_000 * ASMB  # GOV_MIN_DEPOSIT as published
VOTING = 14  # GOV_VOTING_EPOCHS
YEAR = 365 * 10_000


def network() -> AssemblyNetwork:
    net = funded_network(big=10 * MIN_BOND, small=3 * MIN_BOND, proposer=2 * DEPOSIT, idle=DEPOSIT)
    net.chain.register_validator("big", "v-big", 8 * MIN_BOND, 500, True, 0)
    net.chain.register_validator("small", "v-small", 2 * MIN_BOND, 500, True, 0)
    net.advance_epoch(SYSTEM, seed(0))
    return net


def run_to(net: AssemblyNetwork, epoch: int) -> None:
    while net.epoch < epoch:
        net.advance_epoch(SYSTEM, seed(net.epoch + 1))


@pytest.mark.invariant(
    "GOV-PROPOSE-01", "GOV-TALLY-01", "GOV-TALLY-02", "GOV-EXEC-01", "GOV-PARAM-01"
)
def test_lowering_inflation_changes_the_mint_from_the_activation_epoch_on() -> None:
    net = network()
    pid = net.governance.submit("proposer", {"ASMB_INFLATION_RATE": Fraction(6, 100)}, DEPOSIT, 1)
    net.governance.vote("big", pid, Option.YES, 1)
    net.governance.vote("small", pid, Option.NO, 1)
    proposal = net.governance.proposals[pid]
    assert (proposal.voting_end, proposal.activation) == (1 + VOTING - 1, 1 + VOTING + 1)
    minted: dict[int, int] = {}
    while net.epoch < proposal.activation + 3:
        before, epoch = net.ledger.minted, net.epoch
        net.advance_epoch(SYSTEM, seed(epoch + 1))
        minted[epoch] = net.ledger.minted - before
        assert_invariants(net)
        assert_invariants(net.governance)
    assert proposal.status is ProposalStatus.EXECUTED
    assert net.params.get("ASMB_INFLATION_RATE") == Fraction(6, 100)
    assert net.ledger.balance("proposer") == 2 * DEPOSIT  # deposit returned
    # Independently: cumulative target T_k = Σ_{j<k} S · bp_j, mint_k = ⌊T_{k+1}/D⌋ − ⌊T_k/D⌋.
    base = 100 * 10**9 * ASMB
    cumulative = 0
    for epoch in range(proposal.activation + 3):
        bp = 600 if epoch >= proposal.activation else 800
        expected = (cumulative + base * bp) // YEAR - cumulative // YEAR
        cumulative += base * bp
        if epoch in minted:
            assert minted[epoch] == expected, epoch
    assert minted[proposal.activation] < minted[proposal.activation - 1]


@pytest.mark.invariant("GOV-TALLY-01", "GOV-TALLY-02")
def test_veto_burns_the_deposit_and_lowers_the_supply() -> None:
    net = network()
    pid = net.governance.submit("proposer", {"GOV_QUORUM": Fraction(1, 2)}, DEPOSIT, 1)
    net.governance.vote("big", pid, Option.NO_WITH_VETO, 1)
    supply_before_tally = None
    while net.governance.proposals[pid].status is ProposalStatus.VOTING:
        supply_before_tally = net.ledger.supply() + 0
        minted_before = net.ledger.minted
        net.advance_epoch(SYSTEM, seed(net.epoch + 1))
    assert net.governance.proposals[pid].status is ProposalStatus.VETOED
    assert supply_before_tally is not None
    minted_in_last_epoch = net.ledger.minted - minted_before
    assert net.ledger.supply() == supply_before_tally + minted_in_last_epoch - DEPOSIT
    assert net.governance.deposits_burned == DEPOSIT
    assert net.params.get("GOV_QUORUM") == Fraction(334, 1000)


def test_quorum_not_reached_rejects_and_returns_the_deposit() -> None:
    net = network()
    pid = net.governance.submit("proposer", {"GOV_VOTING_EPOCHS": 7}, DEPOSIT, 1)
    net.governance.vote("small", pid, Option.YES, 1)  # 20 % of bonded stake < 33.4 %
    run_to(net, 1 + VOTING)
    assert net.governance.proposals[pid].status is ProposalStatus.REJECTED
    assert net.ledger.balance("proposer") == 2 * DEPOSIT
    assert net.params.integer("GOV_VOTING_EPOCHS") == VOTING


def test_abstain_counts_for_quorum_not_for_the_threshold() -> None:
    net = network()
    pid = net.governance.submit("proposer", {"SLASH_FRACTION_MINOR": Fraction(2, 100)}, DEPOSIT, 1)
    net.governance.vote("big", pid, Option.ABSTAIN, 1)
    net.governance.vote("small", pid, Option.YES, 1)
    run_to(net, 1 + VOTING)
    assert net.governance.proposals[pid].status is ProposalStatus.PASSED
    run_to(net, net.governance.proposals[pid].activation)
    assert net.params.get("SLASH_FRACTION_MINOR") == Fraction(2, 100)
    assert net.governance.proposals[pid].status is ProposalStatus.EXECUTED


def test_voting_period_boundaries() -> None:
    net = network()
    pid = net.governance.submit("proposer", {"GOV_THRESHOLD": Fraction(6_667, 10_000)}, DEPOSIT, 1)
    end = net.governance.proposals[pid].voting_end
    run_to(net, end)
    net.governance.vote("small", pid, Option.YES, end)  # the last epoch of voting is open
    run_to(net, end + 1)
    with pytest.raises(VotingClosed):
        net.governance.vote("big", pid, Option.YES, end + 1)


@pytest.mark.invariant("GOV-PARAM-01")
def test_no_other_path_changes_a_parameter() -> None:
    net = network()
    for caller in ("big", SLASHING_AUTHORITY, "authority:inflation", "proposer"):
        with pytest.raises(Unauthorized):
            net.params.set(caller, "ASMB_INFLATION_RATE", Fraction(1, 100), net.epoch)
    assert net.params.history == []
    assert_invariants(net.params)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda n: n.governance.submit("proposer", {"ASMB_INITIAL_SUPPLY": 1}, DEPOSIT, 1),
            NotGovernable,
        ),
        (lambda n: n.governance.submit("proposer", {"NOPE": 1}, DEPOSIT, 1), NotGovernable),
        (
            lambda n: n.governance.submit(
                "proposer", {"ASMB_INFLATION_RATE": Fraction(9, 100)}, DEPOSIT, 1
            ),
            ParameterOutOfBounds,
        ),
        (
            lambda n: n.governance.submit(
                "proposer", {"ASMB_INFLATION_RATE": Fraction(1, 30_000)}, DEPOSIT, 1
            ),
            ParameterOutOfBounds,
        ),
        (
            lambda n: n.governance.submit(
                "proposer", {"GOV_VOTING_EPOCHS": Fraction(3, 2)}, DEPOSIT, 1
            ),
            ParameterOutOfBounds,
        ),
        (
            lambda n: n.governance.submit(
                "proposer", {"GOV_QUORUM": Fraction(1, 2)}, DEPOSIT - 1, 1
            ),
            DepositTooSmall,
        ),
        (lambda n: n.governance.vote("big", 1, Option.YES, 1), AlreadyVoted),
        (lambda n: n.governance.vote("idle", 1, Option.YES, 1), NoVotingPower),
        (lambda n: n.governance.vote("small", 99, Option.YES, 1), UnknownProposal),
    ],
)
def test_bad_input_leaves_state_unchanged(
    call: Callable[[AssemblyNetwork], object], error: type[ContractError]
) -> None:
    net = network()
    net.governance.submit("proposer", {"GOV_QUORUM": Fraction(1, 2)}, DEPOSIT, 1)
    net.governance.vote("big", 1, Option.YES, 1)
    before = fingerprint(net)
    with pytest.raises(error):
        call(net)
    assert fingerprint(net) == before


def test_a_passed_change_is_enforced_as_its_activation_epoch_begins() -> None:
    net = network()
    pid = net.governance.submit("proposer", {"ASMB_UNBONDING_EPOCHS": 14}, DEPOSIT, 1)
    net.governance.vote("big", pid, Option.YES, 1)
    activation = net.governance.proposals[pid].activation
    run_to(net, activation - 1)
    assert net.governance.proposals[pid].status is ProposalStatus.PASSED
    assert net.params.integer("ASMB_UNBONDING_EPOCHS") == 21
    run_to(net, activation)
    assert net.params.integer("ASMB_UNBONDING_EPOCHS") == 14
    assert net.governance.proposals[pid].status is ProposalStatus.EXECUTED
    assert_invariants(net.governance)


# GOV-TALLY-02 at its edges, on 1,000 units of bonded stake (a unit is the minimum bond): the
# quorum is reached at exactly Q units, no-with-veto vetoes only above V units of 1,000 votes,
# and yes must exceed Y units of 1,000 non-abstaining votes (the published parameters, in
# thousandths: 334, 334 and 500).
UNITS = 1_000


def _thousandths(parameter_id: str) -> int:
    value = parameters.ratio(parameter_id) * UNITS
    assert value.denominator == 1, f"{parameter_id} is not a whole number of thousandths"
    return value.numerator


Q, V, Y = (_thousandths(p) for p in ("GOV_QUORUM", "GOV_VETO_THRESHOLD", "GOV_THRESHOLD"))
TALLY_EDGES: dict[str, tuple[list[tuple[int, Option | None]], ProposalStatus]] = {
    "quorum exactly reached": ([(UNITS - Q, None), (Q, Option.YES)], ProposalStatus.PASSED),
    "one unit below quorum": (
        [(UNITS - Q + 1, None), (Q - 1, Option.YES)],
        ProposalStatus.REJECTED,
    ),
    "quorum from two voters": (
        [(UNITS - Q, None), (Q // 2, Option.YES), (Q - Q // 2, Option.YES)],
        ProposalStatus.PASSED,
    ),
    "veto exactly at its threshold": (
        [(UNITS - V, Option.YES), (V, Option.NO_WITH_VETO)],
        ProposalStatus.PASSED,
    ),
    "veto one unit above": (
        [(UNITS - V - 1, Option.YES), (V + 1, Option.NO_WITH_VETO)],
        ProposalStatus.VETOED,
    ),
    "yes exactly at its threshold": (
        [(Y, Option.YES), (UNITS - Y, Option.NO)],
        ProposalStatus.REJECTED,
    ),
    "yes one unit over": (
        [(UNITS - Y - 1, Option.NO), (1, Option.YES), (Y, Option.YES)],
        ProposalStatus.PASSED,
    ),
    "everyone abstains": ([(UNITS, Option.ABSTAIN)], ProposalStatus.REJECTED),
}


@pytest.mark.invariant("GOV-TALLY-02")
@pytest.mark.parametrize("case", sorted(TALLY_EDGES))
def test_tally_at_its_edges(case: str) -> None:
    stakes, expected = TALLY_EDGES[case]
    holders = {f"h{n}": units * MIN_BOND for n, (units, _) in enumerate(stakes)}
    net = funded_network(**holders, proposer=DEPOSIT)
    net.chain.register_validator("h0", "v", holders["h0"], 500, True, 0)
    for name, amount in list(holders.items())[1:]:
        net.chain.delegate(name, "v", amount, 0)
    net.advance_epoch(SYSTEM, seed(0))
    assert net.chain.total_bonded() == UNITS * MIN_BOND
    pid = net.governance.submit("proposer", {"GOV_VOTING_EPOCHS": 7}, DEPOSIT, 1)
    for n, (_, option) in enumerate(stakes):
        if option is not None:
            net.governance.vote(f"h{n}", pid, option, 1)
    run_to(net, 1 + VOTING)
    assert net.governance.proposals[pid].status is expected
    vetoed = expected is ProposalStatus.VETOED
    assert net.governance.deposits_burned == (DEPOSIT if vetoed else 0)
    assert net.ledger.balance("proposer") == (0 if vetoed else DEPOSIT)


def test_every_vetoed_deposit_is_burned() -> None:
    net = network()
    pids = [
        net.governance.submit("proposer", {"GOV_VOTING_EPOCHS": days}, DEPOSIT, 1)
        for days in (7, 8)
    ]
    for pid in pids:
        net.governance.vote("big", pid, Option.NO_WITH_VETO, 1)
    run_to(net, 1 + VOTING)
    assert [net.governance.proposals[p].status for p in pids] == [ProposalStatus.VETOED] * 2
    assert net.governance.deposits_burned == 2 * DEPOSIT


@pytest.mark.parametrize(
    "changes",
    [{}, {"GOV_QUORUM": True}, {"GOV_QUORUM": 0.5}, {"GOV_QUORUM": "1/2"}],
)
def test_a_proposal_needs_exact_values_for_at_least_one_parameter(changes: object) -> None:
    net = network()
    before = fingerprint(net)
    with pytest.raises(InvalidInput):
        net.governance.submit("proposer", changes, DEPOSIT, 1)  # type: ignore[arg-type]
    assert fingerprint(net) == before
