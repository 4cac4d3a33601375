"""Participation event definitions: ids, the node's validation rules and its overflow guard."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from contracts.errors import EventCanOverflow, InvalidEvent
from contracts.participation.event import ParticipationEvent, parse_event, staking_can_overflow
from tests.participation_helpers import event_document, load_event, small_event

# The ids published for the deployed events, independent of this code: the README of
# iotaledger/participation-events (commit b8b59909) lists all nine; the Firefly wallet's
# constants (packages/shared/lib/participation/constants.ts, branch main-legacy) carried the
# staking rounds' and the two votes' ids as they went live.
PUBLISHED_IDS = {
    "assembly_01": "57607d9f8cefc366c3ead71f5b1d76cef1b36a07eb775158c541107951d4aecb",
    "assembly_02": "90ab02d8f700fcb3b31ff577416ecb105697a664738bec45b626920337a280e0",
    "assembly_03": "79958d5ccaaa81cea1dc8b589655d369b16c72f27a44433ba22c5b0a7dc89356",
    "assembly_04": "758f9f6193c4ecc99b4b3c1a57a9cd3c6fc75f94e061d05361647d11ab8d06f6",
    "assembly_05": "e4a155210e0bc125b489e4d49cdb82368e19682b29e7da9a6d4f2ca2a8bd25b9",
    "assembly_06": "a0e2605db376b5236961e0b05c753700fc8d6b061bd4564289fcfda936bcd59b",
    "shimmer": "f6dbdad416e0470042d3fe429eb0e91683ba171279bce01be6d1d35a9909a981",
    "governance_01": "c8529ff64ea191b437cd625af8b02fd0173bc94aae380ea4cc3367a651536cba",
    "shimmer_funding": "9e8e1a15c831441797912a86022f5a78fcb70e151e43fe84812d4c7f6eb79a7b",
}


@pytest.mark.invariant("PRE-EVENT-03")
@pytest.mark.parametrize("name", sorted(PUBLISHED_IDS))
def test_event_id_is_the_published_one(name: str) -> None:
    assert load_event(name).event_id().hex() == PUBLISHED_IDS[name]


@pytest.mark.invariant("PRE-EVENT-03")
def test_serialization_layout_of_round_one() -> None:
    """The first bytes of round 1, read off the node's layout by hand (hornet event.go)."""
    data = load_event("assembly_01").serialize()
    expected_prefix = (
        bytes([8])
        + b"Assembly"
        + (2_041_634).to_bytes(4, "little")
        + (2_102_114).to_bytes(4, "little")
        + (2_879_714).to_bytes(4, "little")
    )
    assert data.startswith(expected_prefix)
    payload_length = int.from_bytes(data[len(expected_prefix) : len(expected_prefix) + 4], "little")
    payload = data[len(expected_prefix) + 4 : len(expected_prefix) + 4 + payload_length]
    assert payload[:4] == (1).to_bytes(4, "little")  # staking payload type, u32
    assert payload[4] == len("Assembly Staking Round 1")


@pytest.mark.parametrize("name", sorted(PUBLISHED_IDS))
def test_json_round_trip(name: str) -> None:
    event = load_event(name)
    assert event.to_json() == event_document(name)
    assert parse_event(event.to_json()) == event


def _mutated(name: str, path: list[Any], value: Any) -> Any:
    document = copy.deepcopy(event_document(name))
    node = document
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


_DELETE = object()


@pytest.mark.invariant("PRE-EVENT-01")
@pytest.mark.parametrize(
    ("name", "path", "value", "field"),
    [
        ("assembly_01", ["milestoneIndexStart"], 2_041_634, "milestoneIndexStart"),
        ("assembly_01", ["milestoneIndexEnd"], 2_102_114, "milestoneIndexEnd"),
        ("assembly_01", ["milestoneIndexEnd"], 2**32, "milestoneIndexEnd"),
        ("assembly_01", ["milestoneIndexCommence"], -1, "milestoneIndexCommence"),
        ("assembly_01", ["payload", "numerator"], 0, "payload"),
        ("assembly_01", ["payload", "denominator"], 0, "payload"),
        ("assembly_01", ["payload", "denominator"], 2**32, "payload.denominator"),
        ("assembly_01", ["payload", "symbol"], "AB", "payload.symbol"),
        ("assembly_01", ["payload", "symbol"], "ABCDEFGHIJK", "payload.symbol"),
        (
            "assembly_01",
            ["payload", "requiredMinimumRewards"],
            2**64,
            "payload.requiredMinimumRewards",
        ),
        ("assembly_01", ["payload", "type"], 7, "payload.type"),
        ("assembly_01", ["payload", "text"], "x" * 256, "payload.text"),
        ("assembly_01", ["payload", "additionalInfo"], "x" * 501, "payload.additionalInfo"),
        ("assembly_01", ["name"], "x" * 256, "name"),
        ("assembly_01", ["additionalInfo"], "x" * 2001, "additionalInfo"),
        ("assembly_01", ["payload"], _DELETE, "payload"),
        ("assembly_01", ["payload", "numerator"], "4", "payload.numerator"),
        ("governance_01", ["payload", "questions"], [], "payload.questions"),
        (
            "governance_01",
            ["payload", "questions", 0, "answers", 1, "value"],
            1,
            "payload.questions[0].answers[1].value",
        ),
        (
            "governance_01",
            ["payload", "questions", 0, "answers", 0, "value"],
            0,
            "payload.questions[0].answers[0].value",
        ),
        (
            "governance_01",
            ["payload", "questions", 0, "answers", 0, "value"],
            255,
            "payload.questions[0].answers[0].value",
        ),
        (
            "governance_01",
            ["payload", "questions", 0, "answers"],
            [],
            "payload.questions[0].answers",
        ),
    ],
)
def test_node_validation_rules(name: str, path: list[Any], value: Any, field: str) -> None:
    with pytest.raises(InvalidEvent) as raised:
        parse_event(_mutated(name, path, value))
    assert raised.value.details["field"] == field


def test_symbol_length_is_counted_in_bytes() -> None:
    """The node limits lengths in bytes: a 4-character symbol of 3-byte characters is 12 bytes."""
    with pytest.raises(InvalidEvent):
        parse_event(_mutated("assembly_01", ["payload", "symbol"], "€€€€"))
    assert parse_event(_mutated("assembly_01", ["payload", "symbol"], "€€€")).staking is not None


@pytest.mark.invariant("PRE-EVENT-02")
def test_overflow_guard_numerator_bound() -> None:
    """hornet's TestStoreEventCanOverflow: numerator 6636 / denominator 1 is accepted, 6637 not."""
    short = {"milestoneIndexStart": 10, "milestoneIndexEnd": 11, "milestoneIndexCommence": 9}
    accepted = _mutated("assembly_01", ["payload", "numerator"], 6636)
    accepted["payload"]["denominator"] = 1
    accepted.update(short)
    assert not staking_can_overflow(parse_event(accepted))
    rejected = copy.deepcopy(accepted)
    rejected["payload"]["numerator"] = 6637
    with pytest.raises(EventCanOverflow):
        parse_event(rejected)


@pytest.mark.invariant("PRE-EVENT-02")
def test_overflow_guard_duration_bound() -> None:
    """At round 1's rate the longest event is floor((2^64 − 1) / floor(S · 4 / 10^6)) long."""
    supply = 2_779_530_283_277_761
    longest = (2**64 - 1) // (supply * 4 // 10**6)
    document = event_document("assembly_01")
    document["milestoneIndexEnd"] = document["milestoneIndexStart"] + longest
    event = parse_event(document)
    assert (supply * 4 // 10**6) * (event.end - event.start) <= 2**64 - 1
    document["milestoneIndexEnd"] += 1
    with pytest.raises(EventCanOverflow):
        parse_event(document)


def test_ballot_overflow_guard() -> None:
    """Ballots: end − start may be at most floor((2^64 − 1) / floor(S / 1000)) = 6,636,640."""
    document = event_document("governance_01")
    document["milestoneIndexEnd"] = document["milestoneIndexStart"] + 6_636_640
    parse_event(document)
    document["milestoneIndexEnd"] += 1
    with pytest.raises(EventCanOverflow):
        parse_event(document)


def test_windows() -> None:
    event: ParticipationEvent = small_event()
    assert [m for m in range(20) if event.accepts_participation_at(m)] == list(range(7, 16))
    assert [m for m in range(20) if event.counts_at(m)] == list(range(11, 16))


def _question(answers: int, text: str = "x" * 255) -> dict[str, Any]:
    return {
        "text": text,
        "additionalInfo": "i" * 500,
        "answers": [
            {"value": v, "text": text, "additionalInfo": "a" * 500} for v in range(1, answers + 1)
        ],
    }


@pytest.mark.invariant("PRE-EVENT-01")
def test_the_node_limits_are_inclusive() -> None:
    """10 questions of 10 answers, 255-byte texts and 500-byte notes are the largest ballot."""
    largest = _mutated("governance_01", ["payload", "questions"], [_question(10)] * 10)
    largest["name"] = "n" * 255
    largest["additionalInfo"] = "e" * 2_000
    event = parse_event(largest)
    assert event.ballot is not None
    assert [len(q.answers) for q in event.ballot.questions] == [10] * 10
    smallest = _mutated("governance_01", ["payload", "questions"], [_question(2, text="")])
    assert parse_event(smallest).ballot is not None  # one question, two answers, empty texts
    staking = _mutated("assembly_01", ["payload", "symbol"], "S" * 10)
    staking["payload"]["text"] = "t" * 255
    assert parse_event(staking).staking is not None
    for path, value in [
        (["payload", "questions"], [_question(2)] * 11),
        (["payload", "questions"], [_question(11)]),
        (["payload", "questions"], [_question(1)]),
    ]:
        with pytest.raises(InvalidEvent):
            parse_event(_mutated("governance_01", path, value))
