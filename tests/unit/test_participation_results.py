"""The deployed network's published results, verified bit-exactly.

Expected values come from the fixture files themselves (checksums, totals, address counts) and
from the fixtures' README; nothing here is computed by the code under test first.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from contracts.participation.ballot import parse_status, verify_status, winning_answers
from contracts.participation.staking import StakingEvent, results_checksum, verify_results
from tests.participation_helpers import (
    address,
    load_event,
    output_id,
    results_document,
    small_event,
)

Document = dict[str, Any]


@pytest.fixture(scope="module")
def round_six() -> Document:
    document: Document = results_document("staking/assembly_06.json")
    return document


@pytest.mark.invariant("PRE-RESULTS-01", "PRE-REWARD-02")
def test_round_six_result_verifies(round_six: Document) -> None:
    event = load_event("assembly_06")
    assert verify_results(event, round_six) == []
    assert len(round_six["rewards"]) == 42_680  # "42,680 addresses" (fixtures README)
    assert round_six["milestoneIndex"] == event.end
    assert min(round_six["rewards"].values()) >= 1_000_000
    recomputed = results_checksum(
        event.event_id(), round_six["milestoneIndex"], round_six["symbol"], round_six["rewards"]
    )
    assert recomputed == round_six["checksum"]


def _first(d: Document) -> str:
    rewards: dict[str, int] = d["rewards"]
    return next(iter(rewards))


UPPER = "AB" * 32
# A change to the published result, and what verification must name (the part before ":").
CHANGES: dict[str, tuple[Callable[[Document], object], list[str]]] = {
    "a reward +1": (
        lambda d: d["rewards"].update({_first(d): d["rewards"][_first(d)] + 1}),
        ["totalRewards", "checksum"],
    ),
    "the total −1": (lambda d: d.update({"totalRewards": d["totalRewards"] - 1}), ["totalRewards"]),
    "an earlier milestone": (
        lambda d: d.update({"milestoneIndex": d["milestoneIndex"] - 1}),
        ["checksum"],
    ),
    "a milestone after the end": (
        lambda d: d.update({"milestoneIndex": d["milestoneIndex"] + 1}),
        ["milestoneIndex"],
    ),
    "the milestone as a string": (
        lambda d: d.update({"milestoneIndex": str(d["milestoneIndex"])}),
        ["milestoneIndex"],
    ),
    "an address dropped": (lambda d: d["rewards"].pop(_first(d)), ["totalRewards", "checksum"]),
    "another symbol": (lambda d: d.update({"symbol": "ASMB"}), ["symbol"]),
    "an address below the minimum": (
        lambda d: d["rewards"].update({"00" * 32: 999_999}),
        [f"address {'00' * 32}", "totalRewards", "checksum"],
    ),
    "an upper-case address": (
        lambda d: d["rewards"].update({UPPER: d["rewards"].pop(_first(d))}),
        [f"address {UPPER}", "checksum"],
    ),
    "two malformed addresses": (
        lambda d: d["rewards"].update({"zz": 1_000_000, "yy": 1_000_000}),
        ["address", "address"],  # skipped, so the total and checksum of the rest still hold
    ),
    "two amounts beyond uint64": (
        lambda d: d["rewards"].update({"01" * 32: 2**64, "02" * 32: -1}),
        [f"address {'01' * 32}", f"address {'02' * 32}"],
    ),
    "rewards not an object": (lambda d: d.update({"rewards": []}), ["rewards"]),
}


@pytest.mark.invariant("PRE-RESULTS-01")
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_to_the_result_is_caught_and_named(round_six: Document, change: str) -> None:
    mutate, named = CHANGES[change]
    document = copy.deepcopy(round_six)
    mutate(document)
    failures = verify_results(load_event("assembly_06"), document)
    assert [failure.split(":")[0] for failure in failures] == named, failures
    assert all(failure.split(":", 1)[1].strip() for failure in failures)


def test_results_that_are_not_an_object() -> None:
    assert verify_results(load_event("assembly_06"), []) == ["results: not a JSON object"]


def test_results_at_every_milestone_the_node_answers_for_verify() -> None:
    """The rewards endpoint has no lower bound on the milestone and clamps later ones to the end
    (hornet ``plugins/participation/participation.go``, ``getRewards``); before the start every
    tracked output earns 0 (``participation_store.go``, ``RewardsForTrackedParticipation``:
    "Event not yet started counting"), so at minimum 0 every tracked address is listed with 0."""
    event = small_event()
    tracker = StakingEvent(event)
    tracker.book(output_id(0), address(1), 10**6, 8)
    for milestone in (1, event.commence, event.start - 1, event.start, event.end):
        document = tracker.results(milestone).to_json()
        assert verify_results(event, document) == []
        assert verify_results(event, {"data": document}) == []  # the REST API's envelope
    early = tracker.results(event.start - 1).to_json()
    assert early["rewards"] == {address(1): 0}
    early["rewards"] = {address(1): 10**6}
    early["totalRewards"] = 10**6
    early["checksum"] = results_checksum(
        event.event_id(), event.start - 1, "APUG", {address(1): 10**6}
    )
    # A reward before any counted milestone is one the node cannot have computed.
    assert [f.split(":")[0] for f in verify_results(event, early)] == [f"address {address(1)}"]
    late = tracker.results(event.end).to_json()
    late["milestoneIndex"] = event.end + 1  # the node clamps, so it never answers this
    assert [f.split(":")[0] for f in verify_results(event, late)] == ["milestoneIndex"]


def test_shimmer_funding_vote_verifies_and_yes_won() -> None:
    event = load_event("shimmer_funding")
    document = results_document("vote/shimmer_funding.json")
    assert verify_status(event, document) == []
    assert event.ballot is not None
    status = parse_status(event.ballot, document)
    assert winning_answers(event.ballot, status) == [1]  # 1 = "Yes"
    assert event.ballot.questions[0].answers[0].text == "Yes"


GOVERNANCE_PUBLISHED_BUILD = 30_820_033_631_800_548
GOVERNANCE_TRUE_BUILD = GOVERNANCE_PUBLISHED_BUILD + 1


@pytest.mark.invariant("BALLOT-COUNT-02", "BALLOT-COUNT-03")
def test_governance_vote_file_carries_a_rounded_tally() -> None:
    """The published file's Build tally went through a 64-bit float somewhere upstream.

    30,820,033,631,800,549 is above 2^53: the nearest double is …548, the value in the file.
    The published checksum does not match …548 and matches …549 exactly, so the node's tally was
    …549. Both facts are checked here; the spec records the erratum.
    """
    assert float(GOVERNANCE_TRUE_BUILD) == GOVERNANCE_PUBLISHED_BUILD
    assert GOVERNANCE_TRUE_BUILD > 2**53
    event = load_event("governance_01")
    document = results_document("vote/governance_01.json")
    assert document["questions"][0]["answers"][0]["accumulated"] == GOVERNANCE_PUBLISHED_BUILD
    assert verify_status(event, document) != []
    corrected = copy.deepcopy(document)
    corrected["questions"][0]["answers"][0]["accumulated"] = GOVERNANCE_TRUE_BUILD
    assert verify_status(event, corrected) == []
    assert event.ballot is not None
    status = parse_status(event.ballot, corrected)
    assert winning_answers(event.ballot, status) == [1]  # 1 = "Build"
    assert event.ballot.questions[0].answers[0].text == "Build"


@pytest.mark.invariant("BALLOT-COUNT-02")
def test_vote_checksum_detects_changes() -> None:
    event = load_event("shimmer_funding")
    document = results_document("vote/shimmer_funding.json")
    for index in range(2):
        changed = copy.deepcopy(document)
        changed["questions"][0]["answers"][index]["current"] += 1
        assert verify_status(event, changed) != []


@pytest.mark.invariant("BALLOT-COUNT-03", "SMR-GENESIS-02")
def test_shimmer_funding_outcome_sets_the_genesis_split() -> None:
    """The funding vote's recomputed winner decides the 80/10/10 split: TIP-32 to the glow."""
    from contracts.shimmer_genesis import compute_genesis

    event = load_event("shimmer_funding")
    assert event.ballot is not None
    status = parse_status(event.ballot, results_document("vote/shimmer_funding.json"))
    [winner] = winning_answers(event.ballot, status)
    approved = (
        event.ballot.questions[0]
        .answers[[a.value for a in event.ballot.questions[0].answers].index(winner)]
        .text
        == "Yes"
    )
    genesis = compute_genesis(1_450_896_407_249_092, funding_approved=approved)
    assert genesis.total == 1_813_620_509_061_365
    assert (genesis.dao, genesis.tea) == (181_362_050_906_137, 181_362_050_906_136)
