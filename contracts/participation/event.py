"""Participation event definitions: parsing, validation, serialization and the event id.

An event has a name, three milestone indices -- *commence* (participation is accepted after it),
*start* (counting starts after it) and *end* (the last counted milestone) -- a payload (a staking
payload or a ballot), and additional info. Its **event id** is the BLAKE2b-256 digest of its
binary serialization, in the layout of the node software (``iotaledger/hornet``, branch
``chrysalis``, ``pkg/model/participation``):

=====================  ====================================================
event                  name (u8 length + bytes), commence, start, end (u32 LE each),
                       payload (u32 LE byte length + payload bytes),
                       additional info (u16 LE length + bytes)
staking payload        type 1 (u32 LE), text (u8 + bytes), symbol (u8 + bytes),
                       numerator, denominator (u32 LE), required minimum rewards (u64 LE),
                       additional info (u16 LE + bytes)
ballot payload         type 0 (u32 LE), question count (u8), questions
question               text (u8 + bytes), answer count (u8), answers,
                       additional info (u16 LE + bytes)
answer                 value (u8), text (u8 + bytes), additional info (u16 LE + bytes)
=====================  ====================================================

Validation follows the node's rules (PRE-EVENT-01): commence < start < end; a non-empty
payload; staking numerator and denominator non-zero, symbol 3..10 bytes; ballots with 1..10
questions of 2..10 answers, answer values unique and never the reserved 0 (skipped) or 255
(invalid); string length limits in bytes. The node's **overflow guard** (PRE-EVENT-02) rejects a
staking event when ``numerator > floor((2^64 − 1) / S)`` or ``end − start > floor((2^64 − 1) /
floor(S · numerator / denominator))``, S the IOTA supply, and a ballot when ``end − start >
floor((2^64 − 1) / floor(S / 1000))``.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from contracts.errors import EventCanOverflow, InvalidEvent
from contracts.units import U8_MAX, U32_MAX, U64_MAX, Milestone, is_uint
from spec import parameters

STAKING_PAYLOAD_TYPE: Final = 1
BALLOT_PAYLOAD_TYPE: Final = 0

EVENT_NAME_MAX: Final = 255
EVENT_ADDITIONAL_INFO_MAX: Final = 2_000
TEXT_MAX: Final = 255
PAYLOAD_ADDITIONAL_INFO_MAX: Final = 500
SYMBOL_MIN: Final = 3
SYMBOL_MAX: Final = 10
QUESTIONS_MIN: Final = 1
QUESTIONS_MAX: Final = 10
ANSWERS_MIN: Final = 2
ANSWERS_MAX: Final = 10
ANSWER_VALUE_SKIPPED: Final = 0
ANSWER_VALUE_INVALID: Final = 255
#: A ballot weighs an output's amount in thousands of i (floor per output).
BALLOT_DENOMINATOR: Final = 1_000

IOTA_TOTAL_SUPPLY: Final = parameters.integer("IOTA_TOTAL_SUPPLY")


@dataclass(frozen=True)
class StakingPayload:
    """A staking event's payload: rewards of ``numerator / denominator`` per i per milestone."""

    text: str
    symbol: str
    numerator: int
    denominator: int
    required_minimum_rewards: int
    additional_info: str

    def rewards_per_milestone(self, amount: int) -> int:
        """``floor(amount · numerator / denominator)``: one output's reward for one milestone."""
        return amount * self.numerator // self.denominator


@dataclass(frozen=True)
class Answer:
    value: int
    text: str
    additional_info: str


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[Answer, ...]
    additional_info: str

    def answer_value_for_byte(self, byte: int) -> int:
        """The answer a participation byte counts for: 0 is skipped, unknown bytes are invalid."""
        if byte == ANSWER_VALUE_SKIPPED:
            return ANSWER_VALUE_SKIPPED
        if any(answer.value == byte for answer in self.answers):
            return byte
        return ANSWER_VALUE_INVALID


@dataclass(frozen=True)
class BallotPayload:
    questions: tuple[Question, ...]


Payload = StakingPayload | BallotPayload


@dataclass(frozen=True)
class ParticipationEvent:
    """A participation event as the node software defines it."""

    name: str
    commence: Milestone
    start: Milestone
    end: Milestone
    payload: Payload
    additional_info: str

    @property
    def staking(self) -> StakingPayload | None:
        return self.payload if isinstance(self.payload, StakingPayload) else None

    @property
    def ballot(self) -> BallotPayload | None:
        return self.payload if isinstance(self.payload, BallotPayload) else None

    def accepts_participation_at(self, milestone: Milestone) -> bool:
        """The node books participations only in milestones commence < m ≤ end."""
        return self.commence < milestone <= self.end

    def counts_at(self, milestone: Milestone) -> bool:
        """Milestones start < m ≤ end are counted (rewards accrue, votes accumulate)."""
        return self.start < milestone <= self.end

    def serialize(self) -> bytes:
        """The event's binary serialization (the bytes the event id hashes)."""
        payload = serialize_payload(self.payload)
        return b"".join(
            [
                _string8(self.name),
                struct.pack("<III", self.commence, self.start, self.end),
                struct.pack("<I", len(payload)),
                payload,
                _string16(self.additional_info),
            ]
        )

    def event_id(self) -> bytes:
        """BLAKE2b-256 of :meth:`serialize` (PRE-EVENT-03)."""
        return hashlib.blake2b(self.serialize(), digest_size=32).digest()

    def to_json(self) -> dict[str, Any]:
        """The event in the node's JSON shape."""
        payload: dict[str, Any]
        if isinstance(self.payload, StakingPayload):
            payload = {
                "type": STAKING_PAYLOAD_TYPE,
                "text": self.payload.text,
                "symbol": self.payload.symbol,
                "numerator": self.payload.numerator,
                "denominator": self.payload.denominator,
                "requiredMinimumRewards": self.payload.required_minimum_rewards,
                "additionalInfo": self.payload.additional_info,
            }
        else:
            payload = {
                "type": BALLOT_PAYLOAD_TYPE,
                "questions": [
                    {
                        "text": q.text,
                        "answers": [
                            {"value": a.value, "text": a.text, "additionalInfo": a.additional_info}
                            for a in q.answers
                        ],
                        "additionalInfo": q.additional_info,
                    }
                    for q in self.payload.questions
                ],
            }
        return {
            "name": self.name,
            "milestoneIndexCommence": self.commence,
            "milestoneIndexStart": self.start,
            "milestoneIndexEnd": self.end,
            "payload": payload,
            "additionalInfo": self.additional_info,
        }


def _string8(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<B", len(data)) + data


def _string16(text: str) -> bytes:
    data = text.encode("utf-8")
    return struct.pack("<H", len(data)) + data


def serialize_payload(payload: Payload) -> bytes:
    """A payload's binary serialization, led by its uint32 type id."""
    if isinstance(payload, StakingPayload):
        return b"".join(
            [
                struct.pack("<I", STAKING_PAYLOAD_TYPE),
                _string8(payload.text),
                _string8(payload.symbol),
                struct.pack("<II", payload.numerator, payload.denominator),
                struct.pack("<Q", payload.required_minimum_rewards),
                _string16(payload.additional_info),
            ]
        )
    parts = [struct.pack("<I", BALLOT_PAYLOAD_TYPE), struct.pack("<B", len(payload.questions))]
    for question in payload.questions:
        parts.append(_string8(question.text))
        parts.append(struct.pack("<B", len(question.answers)))
        for answer in question.answers:
            parts.append(struct.pack("<B", answer.value))
            parts.append(_string8(answer.text))
            parts.append(_string16(answer.additional_info))
        parts.append(_string16(question.additional_info))
    return b"".join(parts)


# ----------------------------------------------------------------------------- overflow guard


def staking_can_overflow(event: ParticipationEvent, supply: int = IOTA_TOTAL_SUPPLY) -> bool:
    """The node's guard: could the whole supply's rewards over the event overflow uint64?"""
    staking = event.staking
    if staking is None:
        return False
    if staking.numerator > U64_MAX // supply:
        return True
    per_milestone = staking.rewards_per_milestone(supply)
    if per_milestone == 0:
        return False
    return event.end - event.start > U64_MAX // per_milestone


def ballot_can_overflow(event: ParticipationEvent, supply: int = IOTA_TOTAL_SUPPLY) -> bool:
    """The node's guard for ballots: could the accumulated weight overflow uint64?"""
    if event.ballot is None:
        return False
    return event.end - event.start > U64_MAX // (supply // BALLOT_DENOMINATOR)


# ----------------------------------------------------------------------------- parsing


def _field(document: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in document:
        raise InvalidEvent(f"{where}{key}: missing", field=where + key)
    return document[key]


def _text(document: Mapping[str, Any], key: str, where: str, low: int, high: int) -> str:
    value = _field(document, key, where)
    if not isinstance(value, str):
        raise InvalidEvent(f"{where}{key}: not a string", field=where + key)
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise InvalidEvent(
            f"{where}{key}: not UTF-8 text (it holds a lone surrogate)", field=where + key
        ) from None
    if not low <= size <= high:
        raise InvalidEvent(f"{where}{key}: {size} bytes, allowed {low}..{high}", field=where + key)
    return value


def _uint(document: Mapping[str, Any], key: str, where: str, maximum: int) -> int:
    value = _field(document, key, where)
    if not is_uint(value, maximum):
        raise InvalidEvent(
            f"{where}{key}: {value!r} is not an integer in 0..{maximum}", field=where + key
        )
    assert isinstance(value, int)
    return value


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidEvent(f"{where or 'event'}: not a JSON object", field=where)
    return value


def _parse_staking(document: Mapping[str, Any]) -> StakingPayload:
    w = "payload."
    numerator = _uint(document, "numerator", w, U32_MAX)
    denominator = _uint(document, "denominator", w, U32_MAX)
    if numerator == 0 or denominator == 0:
        raise InvalidEvent(f"{w}numerator/denominator: must both be non-zero", field="payload")
    return StakingPayload(
        text=_text(document, "text", w, 0, TEXT_MAX),
        symbol=_text(document, "symbol", w, SYMBOL_MIN, SYMBOL_MAX),
        numerator=numerator,
        denominator=denominator,
        required_minimum_rewards=_uint(document, "requiredMinimumRewards", w, U64_MAX),
        additional_info=_text(document, "additionalInfo", w, 0, PAYLOAD_ADDITIONAL_INFO_MAX),
    )


def _parse_ballot(document: Mapping[str, Any]) -> BallotPayload:
    raw_questions = _field(document, "questions", "payload.")
    if not isinstance(raw_questions, list):
        raise InvalidEvent("payload.questions: not a list", field="payload.questions")
    if not QUESTIONS_MIN <= len(raw_questions) <= QUESTIONS_MAX:
        raise InvalidEvent(
            f"payload.questions: {len(raw_questions)} questions, allowed "
            f"{QUESTIONS_MIN}..{QUESTIONS_MAX}",
            field="payload.questions",
        )
    questions = []
    for qi, raw in enumerate(raw_questions):
        wq = f"payload.questions[{qi}]."
        question = _object(raw, wq.rstrip("."))
        raw_answers = _field(question, "answers", wq)
        if not isinstance(raw_answers, list):
            raise InvalidEvent(f"{wq}answers: not a list", field=wq + "answers")
        if not ANSWERS_MIN <= len(raw_answers) <= ANSWERS_MAX:
            raise InvalidEvent(
                f"{wq}answers: {len(raw_answers)} answers, allowed {ANSWERS_MIN}..{ANSWERS_MAX}",
                field=wq + "answers",
            )
        answers = []
        seen: set[int] = set()
        for ai, raw_answer in enumerate(raw_answers):
            wa = f"{wq}answers[{ai}]."
            answer = _object(raw_answer, wa.rstrip("."))
            value = _uint(answer, "value", wa, U8_MAX)
            if value in (ANSWER_VALUE_SKIPPED, ANSWER_VALUE_INVALID):
                raise InvalidEvent(f"{wa}value: {value} is reserved", field=wa + "value")
            if value in seen:
                raise InvalidEvent(f"{wa}value: {value} is a duplicate", field=wa + "value")
            seen.add(value)
            answers.append(
                Answer(
                    value=value,
                    text=_text(answer, "text", wa, 0, TEXT_MAX),
                    additional_info=_text(
                        answer, "additionalInfo", wa, 0, PAYLOAD_ADDITIONAL_INFO_MAX
                    ),
                )
            )
        questions.append(
            Question(
                text=_text(question, "text", wq, 0, TEXT_MAX),
                answers=tuple(answers),
                additional_info=_text(
                    question, "additionalInfo", wq, 0, PAYLOAD_ADDITIONAL_INFO_MAX
                ),
            )
        )
    return BallotPayload(questions=tuple(questions))


def parse_event(document: Any, *, check_overflow: bool = True) -> ParticipationEvent:
    """Parse and validate an event from the node's JSON shape (PRE-EVENT-01, PRE-EVENT-02).

    Raises ``InvalidEvent`` naming the offending field, or ``EventCanOverflow``.
    """
    event_doc = _object(document, "")
    commence = _uint(event_doc, "milestoneIndexCommence", "", U32_MAX)
    start = _uint(event_doc, "milestoneIndexStart", "", U32_MAX)
    end = _uint(event_doc, "milestoneIndexEnd", "", U32_MAX)
    if not commence < start:
        raise InvalidEvent(
            f"milestoneIndexStart: {start} is not after commence {commence}",
            field="milestoneIndexStart",
        )
    if not start < end:
        raise InvalidEvent(
            f"milestoneIndexEnd: {end} is not after start {start}", field="milestoneIndexEnd"
        )
    payload_doc = _object(_field(event_doc, "payload", ""), "payload")
    payload_type = _uint(payload_doc, "type", "payload.", U32_MAX)
    payload: Payload
    if payload_type == STAKING_PAYLOAD_TYPE:
        payload = _parse_staking(payload_doc)
    elif payload_type == BALLOT_PAYLOAD_TYPE:
        payload = _parse_ballot(payload_doc)
    else:
        raise InvalidEvent(
            f"payload.type: unknown payload type {payload_type}", field="payload.type"
        )
    event = ParticipationEvent(
        name=_text(event_doc, "name", "", 0, EVENT_NAME_MAX),
        commence=commence,
        start=start,
        end=end,
        payload=payload,
        additional_info=_text(event_doc, "additionalInfo", "", 0, EVENT_ADDITIONAL_INFO_MAX),
    )
    if check_overflow and (staking_can_overflow(event) or ballot_can_overflow(event)):
        raise EventCanOverflow(
            f"event {event.name!r}: rewards or votes over {end - start} milestones could "
            "overflow uint64 (the node's overflow guard)",
            duration=end - start,
        )
    return event
