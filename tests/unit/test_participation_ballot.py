"""Ballot counting against the node software's own test scenario."""

from __future__ import annotations

import pytest

from contracts.errors import InvalidInput, NotABallotEvent
from contracts.participation.ballot import BallotEvent, event_status, winning_answers
from contracts.participation.event import parse_event
from contracts.transaction import fingerprint
from tests.participation_helpers import address, load_event, output_id, small_event


def _event(commence: int, start: int, end: int) -> BallotEvent:
    document = load_event("shimmer_funding").to_json()
    document.update(
        milestoneIndexCommence=commence, milestoneIndexStart=start, milestoneIndexEnd=end
    )
    return BallotEvent(parse_event(document))


@pytest.mark.invariant("BALLOT-COUNT-01")
def test_hornet_ballot_scenario() -> None:
    """hornet participation_manager_test: start 7, end 12, 5 Mi voting from milestone 8.

    The node's test expects current 5,000 and accumulated 25,000 (milestones 8..12) at 12.
    """
    ballot = _event(5, 7, 12)
    ballot.book(output_id(0), address(1), 5_000_000, 8, (1,))
    yes = ballot.status(12).questions[0][0]
    assert (yes.value, yes.current, yes.accumulated) == (1, 5_000, 25_000)


@pytest.mark.invariant("BALLOT-COUNT-01")
def test_skipped_and_invalid_answers() -> None:
    ballot = _event(5, 7, 12)
    ballot.book(output_id(0), address(1), 2_000, 8, (0,))
    ballot.book(output_id(1), address(1), 3_999, 8, (42,))
    tallies = {t.value: t for t in ballot.status().questions[0]}
    assert tallies[0].current == 2
    assert tallies[255].current == 3  # floor(3,999 / 1,000)
    assert [t.value for t in ballot.status().questions[0]] == [1, 2, 0, 255]


@pytest.mark.invariant("BALLOT-COUNT-03")
def test_winner_is_the_highest_accumulated_first_on_ties() -> None:
    ballot = _event(5, 7, 12)
    ballot.book(output_id(0), address(1), 5_000, 8, (2,))
    ballot.book(output_id(1), address(2), 5_000, 8, (1,))
    assert winning_answers(ballot.ballot, ballot.status()) == [1]
    ballot.spend(output_id(1), 10)
    assert winning_answers(ballot.ballot, ballot.status()) == [2]


def test_status_strings() -> None:
    event = load_event("governance_01")
    assert event_status(event, event.commence - 1) == "upcoming"
    assert event_status(event, event.commence) == "commencing"
    assert event_status(event, event.start) == "holding"
    assert event_status(event, event.end) == "ended"


def test_wrong_answer_count_is_rejected() -> None:
    ballot = _event(5, 7, 12)
    before = fingerprint(ballot)
    with pytest.raises(InvalidInput):
        ballot.book(output_id(0), address(1), 5_000, 8, ())
    with pytest.raises(InvalidInput):
        ballot.book(output_id(0), address(1), 5_000, 8, (1, 2))
    assert fingerprint(ballot) == before


def test_a_staking_event_is_not_a_ballot() -> None:
    with pytest.raises(NotABallotEvent):
        BallotEvent(small_event())
