"""Ballots: on-ledger votes counted by the node's participation plugin.

A participating output votes one answer byte per question with the weight
``floor(amount / 1000)`` (the per-output floor, BALLOT-COUNT-01). Per answer the node keeps

* ``current`` -- the weight of the outputs that hold that answer at the milestone, and
* ``accumulated`` -- the sum of ``current`` over the counted milestones ``start < m ≤ end``,

so an output contributes its weight times its counted milestones to ``accumulated``: the same
closed form as staking rewards (:func:`~contracts.participation.tracking.counted_milestones`).
Byte 0 counts as *skipped*; a byte that is no answer of the question counts as *invalid* (255).

The status checksum (BALLOT-COUNT-02) is SHA-256 over the event id, the milestone index (u32 LE),
and for each question its index (u8) followed by, for each answer in definition order and then
skipped (0) and invalid (255), the value (u8), ``current`` (u64 LE) and ``accumulated`` (u64 LE).

The node reports tallies and names no winner. The winner rule here is the one the wallet showed
once an event had ended: the defined answer with the highest ``accumulated`` weight, the first in
definition order on a tie (BALLOT-COUNT-03).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import Any

from contracts.domains import OptionalMilestone
from contracts.errors import InvalidInput, NotABallotEvent, RewardOverflow
from contracts.invariants import checker
from contracts.participation.event import (
    ANSWER_VALUE_INVALID,
    ANSWER_VALUE_SKIPPED,
    BALLOT_DENOMINATOR,
    BallotPayload,
    ParticipationEvent,
)
from contracts.participation.tracking import (
    Event,
    ParticipationTracker,
    counted_milestones,
    resolve_milestone,
    unwrap_rest,
)
from contracts.transaction import constructor, query
from contracts.units import U8_MAX, U32_MAX, U64_MAX, Milestone, is_uint


@dataclass(frozen=True)
class AnswerTally:
    value: int
    current: int
    accumulated: int


@dataclass(frozen=True)
class BallotStatus:
    """A ballot's tallies at one milestone, in the node's status shape."""

    milestone_index: Milestone
    status: str
    questions: tuple[tuple[AnswerTally, ...], ...]
    checksum: str

    def to_json(self) -> dict[str, Any]:
        return {
            "milestoneIndex": self.milestone_index,
            "status": self.status,
            "questions": [
                {
                    "answers": [
                        {"value": a.value, "current": a.current, "accumulated": a.accumulated}
                        for a in answers
                    ]
                }
                for answers in self.questions
            ],
            "checksum": self.checksum,
        }


def event_status(event: ParticipationEvent, milestone: Milestone) -> str:
    """``upcoming``, ``commencing``, ``holding`` or ``ended`` at ``milestone``."""
    if milestone < event.commence:
        return "upcoming"
    if milestone < event.start:
        return "commencing"
    if milestone < event.end:
        return "holding"
    return "ended"


def tally_order(ballot: BallotPayload) -> list[list[int]]:
    """Per question, the answer values in checksum order: defined answers, then 0, then 255."""
    return [
        [a.value for a in q.answers] + [ANSWER_VALUE_SKIPPED, ANSWER_VALUE_INVALID]
        for q in ballot.questions
    ]


def status_checksum(
    event_id: bytes, milestone: Milestone, questions: tuple[tuple[AnswerTally, ...], ...]
) -> str:
    """SHA-256 of a ballot's status, as the node computes it (BALLOT-COUNT-02)."""
    digest = hashlib.sha256()
    digest.update(event_id)
    digest.update(struct.pack("<I", milestone))
    for index, answers in enumerate(questions):
        digest.update(struct.pack("<B", index))
        for tally in answers:
            digest.update(struct.pack("<BQQ", tally.value, tally.current, tally.accumulated))
    return digest.hexdigest()


class BallotEvent(ParticipationTracker):
    """Vote tracking for one ballot: ``book`` outputs with their answers, ``spend`` them."""

    @constructor
    def __init__(self, event: Event) -> None:
        """Raises ``INVALID_INPUT`` or ``NOT_A_BALLOT_EVENT``."""
        ballot = event.ballot
        if ballot is None:
            raise NotABallotEvent(f"event {event.name!r} has no ballot payload")
        super().__init__(event)
        self.ballot: BallotPayload = ballot

    def _check_answers(self, answers: tuple[int, ...]) -> None:
        if len(answers) != len(self.ballot.questions):
            raise InvalidInput(
                f"{len(answers)} answers for {len(self.ballot.questions)} questions "
                "(the node ignores such a participation)",
                answers=answers,
            )
        if not all(is_uint(byte, U8_MAX) for byte in answers):
            raise InvalidInput(f"answers {answers!r} are not bytes", answers=answers)

    @query
    def status(self, at: OptionalMilestone = None) -> BallotStatus:
        """Tallies at ``at`` (clamped to the end), with the node's status checksum.

        Raises ``INVALID_INPUT``, or ``REWARD_OVERFLOW`` when a tally would pass 2⁶⁴ − 1 (only
        with more than the IOTA supply booked at once).
        """
        return self.compute_status(resolve_milestone(self.event, at))

    def compute_status(self, milestone: Milestone) -> BallotStatus:
        """The status at a resolved milestone; ``REWARD_OVERFLOW`` when a tally passes 2⁶⁴ − 1."""
        questions = self.tallies(milestone)
        for index, answers in enumerate(questions):
            for tally in answers:
                if tally.accumulated > U64_MAX:
                    # Each output holds at most the supply, but the outputs booked at once are
                    # not bounded by it: more than the supply tracked over a whole round passes
                    # 2^64 - 1 (the node's uint64 tallies would wrap: DIFF-U64-WRAP).
                    raise RewardOverflow(
                        f"question {index}, answer {tally.value}: accumulated weight "
                        f"{tally.accumulated} exceeds uint64"
                    )
        checksum = status_checksum(self.event.event_id(), milestone, questions)
        return BallotStatus(milestone, event_status(self.event, milestone), questions, checksum)

    def tallies(self, milestone: Milestone) -> tuple[tuple[AnswerTally, ...], ...]:
        """Each question's tallies at a resolved milestone, exact (no width limit)."""
        order = tally_order(self.ballot)
        current = [dict.fromkeys(values, 0) for values in order]
        accumulated = [dict.fromkeys(values, 0) for values in order]
        for output in self.outputs.values():
            weight = output.amount // BALLOT_DENOMINATOR
            count = counted_milestones(self.event, output.booked_at, output.spent_at, milestone)
            live = output.live_at(milestone)
            for index, byte in enumerate(output.answers):
                value = self.ballot.questions[index].answer_value_for_byte(byte)
                accumulated[index][value] += weight * count
                if live:
                    current[index][value] += weight
        return tuple(
            tuple(
                AnswerTally(value, current[q][value], accumulated[q][value]) for value in order[q]
            )
            for q in range(len(order))
        )


def winning_answers(ballot: BallotPayload, status: BallotStatus) -> list[int]:
    """Per question, the defined answer with the highest accumulated weight (BALLOT-COUNT-03)."""
    winners = []
    for question, tallies in zip(ballot.questions, status.questions, strict=True):
        defined = {a.value for a in question.answers}
        candidates = [t for t in tallies if t.value in defined]
        best = max(t.accumulated for t in candidates)
        winners.append(next(t.value for t in candidates if t.accumulated == best))
    return winners


def parse_status(ballot: BallotPayload, document: Any) -> BallotStatus:
    """Read published ballot results (the node's status JSON) into a :class:`BallotStatus`.

    Raises ``InvalidInput`` when the shape does not match the ballot.
    """
    if not isinstance(document, dict):
        raise InvalidInput("results: not a JSON object")
    milestone = document.get("milestoneIndex")
    if not isinstance(milestone, int) or not is_uint(milestone, U32_MAX):
        raise InvalidInput(f"milestoneIndex: {milestone!r} is not a uint32")
    raw_questions = document.get("questions")
    order = tally_order(ballot)
    if not isinstance(raw_questions, list) or len(raw_questions) != len(order):
        raise InvalidInput(f"questions: expected {len(order)} questions")
    questions = []
    for index, raw in enumerate(raw_questions):
        answers = raw.get("answers") if isinstance(raw, dict) else None
        if (
            not isinstance(answers, list)
            or not all(isinstance(a, dict) for a in answers)
            or [a.get("value") for a in answers] != order[index]
        ):
            raise InvalidInput(f"questions[{index}].answers: expected values {order[index]}")
        tallies = []
        for answer in answers:
            current, accumulated = answer.get("current"), answer.get("accumulated")
            if not is_uint(current, U64_MAX) or not is_uint(accumulated, U64_MAX):
                raise InvalidInput(f"questions[{index}]: tallies must be uint64")
            tallies.append(AnswerTally(answer["value"], current, accumulated))
        questions.append(tuple(tallies))
    status = str(document.get("status", ""))
    return BallotStatus(milestone, status, tuple(questions), str(document.get("checksum", "")))


def verify_status(event: ParticipationEvent, document: Any) -> list[str]:
    """Check published ballot results: the status string and the checksum (BALLOT-COUNT-02)."""
    ballot = event.ballot
    if ballot is None:
        raise NotABallotEvent(f"event {event.name!r} has no ballot payload")
    try:
        published = parse_status(ballot, unwrap_rest(document))
    except InvalidInput as error:
        return [error.message]
    failures = []
    milestone = published.milestone_index
    if published.status != event_status(event, milestone):
        failures.append(
            f"status: {published.status!r} is not {event_status(event, milestone)!r} at {milestone}"
        )
    expected = status_checksum(event.event_id(), milestone, published.questions)
    if published.checksum != expected:
        failures.append(
            f"checksum: {published.checksum!r} does not match the recomputed {expected}"
        )
    return failures


# ----------------------------------------------------------------------------- invariant checkers


@checker("PRE-EVENT-01", BallotEvent)
def _check_ballot_rules(tracker: BallotEvent) -> list[str]:
    problems = []
    if not tracker.event.commence < tracker.event.start < tracker.event.end:
        problems.append("commence < start < end does not hold")
    for index, question in enumerate(tracker.ballot.questions):
        values = [a.value for a in question.answers]
        if len(set(values)) != len(values) or {0, 255} & set(values):
            problems.append(f"question {index}: answer values not unique or reserved")
    return problems


@checker("BALLOT-COUNT-01", BallotEvent)
def _check_tallies_consistent(tracker: BallotEvent) -> list[str]:
    """All questions see the same outputs; current is the weight of the outputs held."""
    status = BallotStatus(tracker.event.end, "", tracker.tallies(tracker.event.end), "")
    live = sum(
        o.amount // BALLOT_DENOMINATOR
        for o in tracker.outputs.values()
        if o.live_at(tracker.event.end)
    )
    accumulated = {sum(t.accumulated for t in answers) for answers in status.questions}
    current = {sum(t.current for t in answers) for answers in status.questions}
    problems = []
    if len(accumulated) > 1:
        problems.append("questions disagree on the total accumulated weight")
    if current and current != {live}:
        problems.append("current weight is not the weight of the outputs held at the end")
    return problems


@checker("BALLOT-COUNT-02", BallotEvent)
def _check_status_verifies(tracker: BallotEvent) -> list[str]:
    try:
        status = tracker.compute_status(tracker.event.end)
    except RewardOverflow:
        return []  # no status to verify: the query refuses (BALLOT-COUNT-01 checks the tallies)
    return verify_status(tracker.event, status.to_json())


@checker("BALLOT-COUNT-03", BallotEvent)
def _check_winner(tracker: BallotEvent) -> list[str]:
    status = BallotStatus(tracker.event.end, "", tracker.tallies(tracker.event.end), "")
    problems = []
    for index, (winner, tallies) in enumerate(
        zip(winning_answers(tracker.ballot, status), status.questions, strict=True)
    ):
        defined = {a.value for a in tracker.ballot.questions[index].answers}
        best = max(t.accumulated for t in tallies if t.value in defined)
        if next(t.accumulated for t in tallies if t.value == winner) != best:
            problems.append(f"question {index}: the winner does not have the most weight")
    return problems
