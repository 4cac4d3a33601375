"""The thresholds of the Assembly root chain: governance's tallies, bonds, commission, unbonding,
evidence and voting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from fractions import Fraction

from contracts.conformance.boundaries.base import (
    JSON,
    Boundary,
    Step,
    argument_minus,
    as_int,
    basis_points,
    parameter,
    ratio,
)


def _tallied(step: Step) -> Iterator[JSON]:
    """The proposals the step tallied (voting before it, not after)."""
    before = {p["id"]: p for p in step.before["governance"]["proposals"]}
    for proposal in step.after["governance"]["proposals"]:
        if before.get(proposal["id"], {}).get("status") == "voting" and proposal["tally"]:
            yield proposal


def _bonded(state: JSON) -> int:
    return sum(
        as_int(v["tokens"])
        for v in state["chain"]["validators"].values()
        if v["status"] == "active"
    )


def _yes_share(step: Step) -> Iterable[Fraction]:
    for proposal in _tallied(step):
        tally = {k: as_int(v) for k, v in proposal["tally"].items()}
        rest = tally["no"] + tally["no-with-veto"]  # yes / (yes + rest) = t at yes = t·rest/(1 − t)
        yield tally["yes"] - ratio("GOV_THRESHOLD") * rest / (1 - ratio("GOV_THRESHOLD"))


def _quorum(step: Step) -> Iterable[Fraction]:
    bonded = _bonded(step.before)
    for proposal in _tallied(step):
        yield sum(as_int(v) for v in proposal["tally"].values()) - ratio("GOV_QUORUM") * bonded


def _veto(step: Step) -> Iterable[Fraction]:
    for proposal in _tallied(step):
        tally = {k: as_int(v) for k, v in proposal["tally"].items()}
        yield tally["no-with-veto"] - ratio("GOV_VETO_THRESHOLD") * sum(tally.values())


def _maturity(step: Step) -> Iterable[int]:
    for owner, _validator, _amount, _created, matures in step.before["chain"]["unbonding"]:
        if owner == step.args.get("holder"):
            yield step.args["epoch"] - matures


def _evidence_age(step: Step) -> Iterable[int]:
    evidence = step.args.get("evidence")
    epoch = step.args.get("epoch")
    if (
        isinstance(evidence, dict)
        and isinstance(epoch, int)
        and isinstance(evidence.get("offenceEpoch"), int)
    ):
        oldest = epoch - parameter("ASMB_UNBONDING_EPOCHS")
        if oldest >= 0:
            yield oldest - evidence["offenceEpoch"]


def _voting_end(step: Step) -> Iterable[int]:
    for proposal in step.before["governance"]["proposals"]:
        if proposal["id"] == step.args.get("proposalId"):
            yield step.args["epoch"] - proposal["votingEnd"]


def assembly_boundaries() -> list[Boundary]:
    contract = "assembly"
    return [
        Boundary(
            contract,
            "a yes share of one half",
            "passed when yes exceeds GOV_THRESHOLD of the non-abstaining votes (µASMB of yes)",
            ("advanceEpoch",),
            _yes_share,
        ),
        Boundary(
            contract,
            "the quorum",
            "rejected unless the votes reach GOV_QUORUM of the bonded stake (µASMB of votes)",
            ("advanceEpoch",),
            _quorum,
        ),
        Boundary(
            contract,
            "the veto threshold",
            "vetoed when no-with-veto exceeds GOV_VETO_THRESHOLD of the votes (µASMB of veto)",
            ("advanceEpoch",),
            _veto,
        ),
        Boundary(
            contract,
            "the minimum bond",
            "a validator bonds at least ASMB_MIN_VALIDATOR_BOND",
            ("registerValidator",),
            argument_minus("bond", parameter("ASMB_MIN_VALIDATOR_BOND")),
            "BOND_BELOW_MINIMUM",
        ),
        Boundary(
            contract,
            "the maximum commission",
            "a commission is at most ASMB_MAX_COMMISSION",
            ("registerValidator", "setCommission"),
            lambda step: argument_minus(
                "commissionBp" if step.operation == "registerValidator" else "rateBp",
                basis_points("ASMB_MAX_COMMISSION"),
            )(step),
            "COMMISSION_OUT_OF_BOUNDS",
        ),
        Boundary(
            contract,
            "unbonding maturity",
            "an unbonding entry is paid from its maturity epoch (ASMB_UNBONDING_EPOCHS)",
            ("withdrawUnbonded",),
            _maturity,
            "NOTHING_TO_WITHDRAW",
        ),
        Boundary(
            contract,
            "the evidence age limit",
            "an offence at most ASMB_UNBONDING_EPOCHS old is slashed (epochs too old)",
            ("slash",),
            _evidence_age,
            "INVALID_EVIDENCE",
        ),
        Boundary(
            contract,
            "the last voting epoch",
            "votes count during GOV_VOTING_EPOCHS epochs from submission",
            ("vote",),
            _voting_end,
            "VOTING_CLOSED",
        ),
        Boundary(
            contract,
            "the minimum deposit",
            "a proposal deposits at least GOV_MIN_DEPOSIT",
            ("submitProposal",),
            argument_minus("deposit", parameter("GOV_MIN_DEPOSIT")),
            "DEPOSIT_TOO_SMALL",
        ),
    ]
