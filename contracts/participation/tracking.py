"""Tracking participating outputs: booked and spent at milestone indices.

Both kinds of participation event (staking and ballots) track outputs the same way: an output is
*booked* at the milestone that confirms its participation transaction -- accepted only in
milestones ``commence < m ≤ end`` -- and *spent* at the milestone that spends it. The event counts
an output at milestone ``m`` when ``start < m ≤ end`` and ``booked ≤ m < spent``: the booking
milestone counts, the spending one does not (PRE-REWARD-01). :func:`counted_milestones` gives the
count up to any milestone in closed form.

An OUTPUTS.json document is applied strictly by :func:`apply_outputs` (an item the node would not
have tracked as listed is refused) or as the node reads the ledger by
:func:`apply_outputs_node_compatible` (such items are skipped and reported; an output spent in
its booking milestone is tracked with 0).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Annotated, Any, Final

from contracts.domains import Amount, ByteValues, Hex, InstanceOf, MilestoneIndex
from contracts.errors import (
    AlreadySpent,
    ContractError,
    DuplicateOutput,
    InvalidAmount,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
    OutsideWindow,
    UnknownOutput,
)
from contracts.invariants import checker
from contracts.participation.event import (
    IOTA_TOTAL_SUPPLY,
    QUESTIONS_MAX,
    ParticipationEvent,
    parse_event,
)
from contracts.transaction import constructor, query, transaction
from contracts.units import U32_MAX, IotaI, Milestone, is_uint

#: A Chrysalis output id: 32-byte transaction id and 2-byte output index.
OUTPUT_ID_BYTES: Final = 34
#: An Ed25519 address: 32 bytes, written as 64 lower-case hex characters.
ADDRESS_BYTES: Final = 32

_HEX = re.compile(r"[0-9a-fA-F]*")


def parse_hex(text: object, size: int, what: str) -> str:
    """Lower-case hex of exactly ``size`` bytes, or ``MalformedHex`` naming ``what``."""
    if not isinstance(text, str) or not _HEX.fullmatch(text) or len(text) != 2 * size:
        raise MalformedHex(f"{what}: {text!r} is not {size} bytes of hex", value=text)
    return text.lower()


@dataclass(frozen=True)
class TrackedOutput:
    """A participating output: who holds it, how much, its answers, when booked and spent."""

    output_id: str
    address: str
    amount: IotaI
    booked_at: Milestone
    spent_at: Milestone | None = None
    answers: tuple[int, ...] = field(default=())

    def live_at(self, milestone: Milestone) -> bool:
        """Held at ``milestone``: booked at or before it and not yet spent."""
        return self.booked_at <= milestone and (self.spent_at is None or milestone < self.spent_at)


def counted_milestones(
    event: ParticipationEvent, booked_at: Milestone, spent_at: Milestone | None, at: Milestone
) -> int:
    """How many counted milestones of the event an output held from ``booked_at`` has, up to ``at``.

    ``|{m : max(start + 1, booked) ≤ m ≤ min(at, end, spent − 1)}|`` (PRE-REWARD-01).
    """
    first = max(event.start + 1, booked_at)
    last = min(at, event.end)
    if spent_at is not None:
        last = min(last, spent_at - 1)
    return max(0, last - first + 1)


def resolve_milestone(event: ParticipationEvent, at: Milestone | None) -> Milestone:
    """The milestone results are computed at, as the node's endpoints resolve it.

    ``None`` or 0 means the latest confirmed milestone; for a replayed event that is its end.
    A milestone after the end is clamped to the end.
    """
    if at is None or at == 0:
        return event.end
    if not is_uint(at, U32_MAX):
        raise InvalidMilestone(f"milestone {at!r} is not a uint32", milestone=at)
    return min(at, event.end)


def unwrap_rest(document: Any) -> Any:
    """A node REST response's payload: ``{"data": …}`` is the envelope every route answers with
    (``pkg/restapi/restapi.go``, ``JSONResponse`` and ``HTTPOkResponseEnvelope``)."""
    if isinstance(document, dict) and set(document) == {"data"}:
        return document["data"]
    return document


OutputId = Annotated[str, Hex(OUTPUT_ID_BYTES)]
AddressHex = Annotated[str, Hex(ADDRESS_BYTES)]
Answers = Annotated[tuple[int, ...], ByteValues(QUESTIONS_MAX)]
Event = Annotated[ParticipationEvent, InstanceOf(ParticipationEvent)]


class ParticipationTracker:
    """The outputs participating in one event. Every check precedes every write.

    Booking and spending have no sender: they are the node recording what the ledger confirmed
    at a milestone, so the typed domains and the event's rules are all they check.
    """

    @constructor
    def __init__(self, event: Event) -> None:
        self.event = event
        self.outputs: dict[str, TrackedOutput] = {}

    def _check_answers(self, answers: tuple[int, ...]) -> None:
        """Staking events take no answers; ballots check theirs (overridden)."""
        if answers:
            raise InvalidInput("a staking participation carries no answers", answers=answers)

    @transaction
    def book(
        self,
        output_id: OutputId,
        address: AddressHex,
        amount: Amount,
        milestone: MilestoneIndex,
        answers: Answers = (),
    ) -> None:
        """Track a participating output booked at ``milestone`` (commence < milestone ≤ end).

        Raises ``INVALID_INPUT``, ``MALFORMED_HEX``, ``INVALID_AMOUNT``, ``INVALID_MILESTONE``,
        ``OUTSIDE_WINDOW`` or ``DUPLICATE_OUTPUT``; on error nothing changes.
        """
        oid = output_id.lower()
        addr = address.lower()
        if amount > IOTA_TOTAL_SUPPLY:
            raise InvalidAmount(
                f"output {oid}: amount {amount} exceeds the IOTA supply", output=oid
            )
        if not self.event.accepts_participation_at(milestone):
            raise OutsideWindow(
                f"output {oid}: booked at {milestone}, outside the event's window "
                f"{self.event.commence + 1}..{self.event.end}",
                output=oid,
            )
        if oid in self.outputs:
            raise DuplicateOutput(f"output {oid}: booked twice", output=oid)
        self._check_answers(answers)
        self.outputs[oid] = TrackedOutput(oid, addr, amount, milestone, None, tuple(answers))

    @transaction
    def spend(self, output_id: OutputId, milestone: MilestoneIndex) -> None:
        """Record that a tracked output was spent at ``milestone`` (after its booking).

        Raises ``INVALID_INPUT``, ``MALFORMED_HEX``, ``INVALID_MILESTONE``, ``UNKNOWN_OUTPUT``
        or ``ALREADY_SPENT``.
        """
        oid = output_id.lower()
        output = self.outputs.get(oid)
        if output is None:
            raise UnknownOutput(f"output {oid}: not booked", output=oid)
        if output.spent_at is not None:
            raise AlreadySpent(f"output {oid}: already spent at {output.spent_at}", output=oid)
        if milestone <= output.booked_at:
            raise InvalidMilestone(
                f"output {oid}: spent at {milestone!r}, not after its booking at "
                f"{output.booked_at}",
                output=oid,
            )
        self.outputs[oid] = replace(output, spent_at=milestone)

    @query
    def state(self) -> dict[str, Any]:
        """The normative observable state: the event id and every tracked output, sorted by
        output id (``spec/schemas/state/participation-*.schema.json``)."""
        return {
            "eventId": self.event.event_id().hex(),
            "outputs": [
                {
                    "outputId": o.output_id,
                    "address": o.address,
                    "amount": o.amount,
                    "bookedAt": o.booked_at,
                    "spentAt": o.spent_at,
                    "answers": list(o.answers),
                }
                for o in sorted(self.outputs.values(), key=lambda o: o.output_id)
            ],
        }


_OUTPUT_FIELDS: Final = frozenset(
    {"outputId", "address", "amount", "bookedAt", "spentAt", "answers"}
)
_REQUIRED_FIELDS: Final = ("outputId", "address", "amount", "bookedAt")


def _output_items(document: Any) -> list[dict[str, Any]]:
    """The items of an OUTPUTS.json document, each checked for shape (``InvalidInput``)."""
    if not isinstance(document, dict) or not isinstance(document.get("outputs"), list):
        raise InvalidInput('outputs file: expected {"outputs": [...]}')
    items: list[dict[str, Any]] = document["outputs"]
    for index, item in enumerate(items):
        where = f"outputs[{index}]"
        if not isinstance(item, dict):
            raise InvalidInput(f"{where}: not a JSON object")
        missing = [k for k in _REQUIRED_FIELDS if k not in item]
        if missing:
            raise InvalidInput(f"{where}: missing {', '.join(missing)}")
        unknown = set(item) - _OUTPUT_FIELDS
        if unknown:
            raise InvalidInput(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        if not isinstance(item.get("answers", []), list):
            raise InvalidInput(f"{where}: answers must be a list of bytes")
    return items


def apply_outputs(tracker: ParticipationTracker, document: Any) -> None:
    """Book (and spend) every output of an OUTPUTS.json document on ``tracker``, all or nothing.

    The document is ``{"outputs": [{"outputId", "address", "amount", "bookedAt", "spentAt",
    ["answers"]}]}`` (``spec/schemas/outputs.schema.json``). Every output is booked first, then
    every spend is applied, so the order of the list does not matter. A bad item raises the
    contract's typed error with the item's index in the message, and the tracker is left as it
    was before the call: the document is one transaction.
    """
    items = _output_items(document)
    steps: list[tuple[int, Callable[[], None]]] = [
        (
            index,
            partial(
                tracker.book,
                item["outputId"],
                item["address"],
                item["amount"],
                item["bookedAt"],
                tuple(item.get("answers", [])),
            ),
        )
        for index, item in enumerate(items)
    ]
    steps += [
        (index, partial(tracker.spend, item["outputId"], item["spentAt"]))
        for index, item in enumerate(items)
        if item.get("spentAt") is not None
    ]
    before = dict(tracker.outputs)
    for index, step in steps:
        try:
            step()
        except ContractError as error:
            tracker.outputs.clear()
            tracker.outputs.update(before)
            raise type(error)(f"outputs[{index}]: {error.message}", **error.details) from None


# ----------------------------------------------------------------------------- node-compatible


#: Why the node would not track an OUTPUTS item, and the hornet function whose rule it follows.
SKIP_RULES: Final[dict[str, str]] = {
    "PRE-TX-WINDOW": "pkg/model/participation/event.go Event.ShouldAcceptParticipation: the node "
    "books participations only in milestones commence < m ≤ end",
    "PRE-TX-ANSWERS": "pkg/model/participation/participation_manager.go "
    "filterValidParticipationsForEvents: the answer count must be the event's question count "
    "(0 for staking)",
}


@dataclass(frozen=True)
class SkippedOutput:
    """An OUTPUTS item the node would not have tracked: where it is, and which rule skips it."""

    index: int
    output_id: str
    rule: str
    detail: str

    def line(self) -> str:
        rule = f"{self.rule}: {SKIP_RULES[self.rule]}"
        return f"outputs[{self.index}] {self.output_id}: {self.detail} [{rule}]"


def _check_item_shape(item: dict[str, Any], where: str) -> None:
    """Refuse what no ledger can hold, in either mode: bad hex, amounts, milestones or answers."""
    parse_hex(item["outputId"], OUTPUT_ID_BYTES, f"{where}: outputId")
    parse_hex(item["address"], ADDRESS_BYTES, f"{where}: address")
    amount = item["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InvalidInput(f"{where}: amount {amount!r} is not an integer")
    if not 1 <= amount <= IOTA_TOTAL_SUPPLY:
        raise InvalidAmount(f"{where}: amount {amount} is not in 1..the IOTA supply")
    booked, spent = item["bookedAt"], item.get("spentAt")
    if not is_uint(booked, U32_MAX):
        raise InvalidMilestone(f"{where}: bookedAt {booked!r} is not a uint32", milestone=booked)
    if spent is not None and (not is_uint(spent, U32_MAX) or spent < booked):
        raise InvalidMilestone(
            f"{where}: spentAt {spent!r} is not a uint32 at or after bookedAt {booked}",
            milestone=spent,
        )
    if not all(is_uint(byte, 255) for byte in item.get("answers", [])):
        raise InvalidInput(f"{where}: answers must be bytes (0..255)")


def apply_outputs_node_compatible(
    tracker: ParticipationTracker, document: Any
) -> list[SkippedOutput]:
    """Apply an OUTPUTS.json document the way the node treats the outputs it lists.

    What the node tracks is tracked, what it ignores is skipped and reported, and a malformed
    document is still refused whole (the same typed errors as :func:`apply_outputs`):

    * an item booked outside ``commence < m ≤ end`` is skipped (PRE-TX-WINDOW,
      ``Event.ShouldAcceptParticipation``), and so is one whose answer count is not the event's
      question count -- any answers on a staking event (PRE-TX-ANSWERS,
      ``filterValidParticipationsForEvents``);
    * an item spent in the milestone that booked it (``spentAt = bookedAt``) is tracked: the node
      books a milestone's created outputs before its spent ones (``ApplyNewLedgerUpdate``), so it
      holds the output with start and end index equal, earning 0
      (``RewardsForTrackedParticipation``) while its address stays listed
      (``startParticipationAtMilestone`` writes the address key, nothing deletes it);
    * refused: a bad shape, hex, amount (0 or above the supply) or milestone, ``spentAt`` before
      ``bookedAt``, answers that are not bytes, an output id listed twice or already tracked.

    Returns the skipped items in document order; on an error the tracker is left as it was.
    """
    items = _output_items(document)
    event = tracker.event
    expected = len(event.ballot.questions) if event.ballot is not None else 0
    skipped: list[SkippedOutput] = []
    seen: set[str] = set(tracker.outputs)
    kept: list[tuple[int, dict[str, Any]]] = []
    for index, item in enumerate(items):
        where = f"outputs[{index}]"
        _check_item_shape(item, where)
        oid = item["outputId"].lower()
        if oid in seen:
            raise DuplicateOutput(f"{where}: output {oid} booked twice", output=oid)
        seen.add(oid)
        booked, answers = item["bookedAt"], item.get("answers", [])
        if not event.accepts_participation_at(booked):
            detail = f"booked at {booked}, outside {event.commence + 1}..{event.end}"
            skipped.append(SkippedOutput(index, oid, "PRE-TX-WINDOW", detail))
        elif len(answers) != expected:
            detail = f"{len(answers)} answers, the event has {expected} questions"
            skipped.append(SkippedOutput(index, oid, "PRE-TX-ANSWERS", detail))
        else:
            kept.append((index, item))
    before = dict(tracker.outputs)
    try:
        for index, item in kept:
            try:
                tracker.book(
                    item["outputId"],
                    item["address"],
                    item["amount"],
                    item["bookedAt"],
                    tuple(item.get("answers", [])),
                )
            except ContractError as error:
                raise type(error)(f"outputs[{index}]: {error.message}", **error.details) from None
        for index, item in kept:
            spent = item.get("spentAt")
            oid = item["outputId"].lower()
            if spent is None:
                continue
            if spent == item["bookedAt"]:
                # Created and spent in one milestone: tracked with start = end (0 reward).
                tracker.outputs[oid] = replace(tracker.outputs[oid], spent_at=spent)
                continue
            try:
                tracker.spend(oid, spent)
            except ContractError as error:
                raise type(error)(f"outputs[{index}]: {error.message}", **error.details) from None
    except ContractError:
        tracker.outputs.clear()
        tracker.outputs.update(before)
        raise
    return skipped


@checker("PRE-EVENT-03", ParticipationTracker)
def _check_event_id(tracker: ParticipationTracker) -> list[str]:
    """The id is BLAKE2b-256 of the serialization, and the event survives a JSON round trip."""
    event = tracker.event
    problems = []
    if event.event_id() != hashlib.blake2b(event.serialize(), digest_size=32).digest():
        problems.append("event id is not BLAKE2b-256 of the serialization")
    if parse_event(event.to_json(), check_overflow=False) != event:
        problems.append("the event does not survive a round trip through its JSON form")
    return problems
