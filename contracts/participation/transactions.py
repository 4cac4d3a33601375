"""Which ledger transactions count as participations: the node's rules, before any reward.

The node's participation plugin looks at every output a milestone creates and asks whether the
transaction that created it is a *participation transaction* (``iotaledger/hornet``, branch
``chrysalis``, ``pkg/model/participation/participation_manager.go``,
``ParticipationManager.ParticipationsFromMessage``). It is one when, in this order:

1. the transaction's essence carries an indexation payload whose index is exactly the bytes
   ``PARTICIPATE`` (the plugin's default ``WithIndexationMessage``) -- rule ``PRE-TX-INDEX``;
2. the transaction has exactly one output -- ``PRE-TX-ONE-OUTPUT``;
3. that output is a ``SigLockedSingleOutput`` (type 0) or a ``SigLockedDustAllowanceOutput``
   (type 1) -- ``PRE-TX-OUTPUT-TYPE``;
4. at least one input spends an output of the output's own address -- ``PRE-TX-SAME-ADDRESS``;
5. the indexation data parse as a list of participations (``participations.go``,
   ``Participations.Deserialize`` with validation, via ``participationFromIndexation``): a u8
   count of 1 to 255, each participation a 32-byte event id, a u8 answer count of at most 10
   (``participation.go``, ``Participation.Deserialize``) and its answer bytes, no event id twice;
   bytes after the last participation are ignored -- ``PRE-TX-PAYLOAD``.

Then, per event (``filterValidParticipationsForEvents``), the participation counts for the event
when one of them names the event's id (``PRE-TX-EVENT``), the milestone that confirms the
transaction is one that accepts participation, ``commence < m ≤ end``
(``Event.ShouldAcceptParticipation``, ``PRE-TX-WINDOW``), and it carries exactly as many answers
as the event has ballot questions -- none for a staking event (``PRE-TX-ANSWERS``). The output is
then tracked from that milestone (``startParticipationAtMilestone``) and stops at the milestone
that confirms the transaction spending it (``applySpentUTXOForEvents``); within one milestone
the node books the created outputs before the spent ones (``ApplyNewLedgerUpdate``), so an output
created and spent in the same milestone is tracked with ``spentAt = bookedAt``.

A *transaction document* (``spec/schemas/transactions.schema.json``) lists confirmed
transactions with the milestone that confirmed each, its inputs (the output each spends and that
output's address, which the node reads from its ledger), its outputs and its indexation payload;
:func:`transactions_to_outputs` turns it into the OUTPUTS document of one event.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from contracts.errors import (
    AlreadySpent,
    DuplicateOutput,
    InvalidAmount,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
)
from contracts.participation.event import IOTA_TOTAL_SUPPLY, QUESTIONS_MAX, ParticipationEvent
from contracts.participation.tracking import ADDRESS_BYTES, OUTPUT_ID_BYTES, parse_hex
from contracts.units import U8_MAX, U32_MAX, U64_MAX, Milestone, is_uint

#: The indexation the node tracks (``participation_manager.go``, ``defaultOptions``).
PARTICIPATION_INDEX: Final = b"PARTICIPATE"
#: ``iotago.OutputSigLockedSingleOutput`` and ``iotago.OutputSigLockedDustAllowanceOutput``.
OUTPUT_TYPE_SIG_LOCKED_SINGLE: Final = 0
OUTPUT_TYPE_SIG_LOCKED_DUST_ALLOWANCE: Final = 1
ALLOWED_OUTPUT_TYPES: Final = frozenset(
    {OUTPUT_TYPE_SIG_LOCKED_SINGLE, OUTPUT_TYPE_SIG_LOCKED_DUST_ALLOWANCE}
)
#: ``participations.go``: ``ParticipationsMinParticipationCount`` .. ``MaxParticipationCount``.
PARTICIPATIONS_MIN: Final = 1
PARTICIPATIONS_MAX: Final = 255
#: ``participation.go``: more answers than ``BallotMaxQuestionsCount`` fail validation.
ANSWERS_MAX: Final = QUESTIONS_MAX
EVENT_ID_BYTES: Final = 32
TRANSACTION_ID_BYTES: Final = 32

#: Why a transaction is not a participation for an event, and the hornet function whose rule
#: it breaks (``pkg/model/participation/``).
RULES: Final[dict[str, str]] = {
    "PRE-TX-INDEX": "participation_manager.go ParticipationsFromMessage: no indexation payload "
    "with the index PARTICIPATE",
    "PRE-TX-ONE-OUTPUT": "participation_manager.go ParticipationsFromMessage: not exactly one "
    "output",
    "PRE-TX-OUTPUT-TYPE": "participation_manager.go ParticipationsFromMessage: the output is "
    "neither a SigLockedSingleOutput nor a SigLockedDustAllowanceOutput",
    "PRE-TX-SAME-ADDRESS": "participation_manager.go ParticipationsFromMessage: no input comes "
    "from the output's address",
    "PRE-TX-PAYLOAD": "participations.go Participations.Deserialize (participationFromIndexation):"
    " the indexation data are not a valid list of participations",
    "PRE-TX-EVENT": "participation_manager.go filterValidParticipationsForEvents: no "
    "participation for this event",
    "PRE-TX-WINDOW": "event.go ShouldAcceptParticipation: confirmed outside commence < m ≤ end",
    "PRE-TX-ANSWERS": "participation_manager.go filterValidParticipationsForEvents: the answer "
    "count is not the event's question count",
}

_HEX_EVEN = re.compile(r"(?:[0-9a-fA-F]{2})*")


@dataclass(frozen=True)
class TxInput:
    """An input: the output it spends and that output's address (read from the ledger)."""

    output_id: str
    address: str


@dataclass(frozen=True)
class TxOutput:
    type: int
    address: str
    amount: int


@dataclass(frozen=True)
class Indexation:
    index: bytes
    data: bytes


@dataclass(frozen=True)
class LedgerTransaction:
    """A confirmed transaction: its id, the milestone confirming it, inputs, outputs, payload."""

    transaction_id: str
    milestone: Milestone
    inputs: tuple[TxInput, ...]
    outputs: tuple[TxOutput, ...]
    indexation: Indexation | None

    def output_id(self, index: int) -> str:
        """An output's id: the transaction id and the output index as u16 little-endian."""
        return self.transaction_id + struct.pack("<H", index).hex()


@dataclass(frozen=True)
class Participation:
    """One participation of the indexation data: an event id and its answer bytes."""

    event_id: bytes
    answers: tuple[int, ...]


@dataclass(frozen=True)
class Ignored:
    """Not a participation for the event: the rule it breaks and what exactly is wrong."""

    rule: str
    detail: str

    @property
    def follows(self) -> str:
        """The hornet function the rule follows."""
        return RULES[self.rule]


@dataclass(frozen=True)
class Tracked:
    """A participation the node tracks for the event: the output and its answers."""

    output_id: str
    address: str
    amount: int
    booked_at: Milestone
    answers: tuple[int, ...]


# ----------------------------------------------------------------------------- the rules


def parse_participations(data: bytes) -> tuple[Participation, ...] | str:
    """The participations of an indexation's data, or why the node cannot parse them.

    ``Participations.Deserialize`` with validation: a u8 count, 1..255 participations of a
    32-byte event id, a u8 answer count and the answers (at most 10), no event twice. Like the
    node (which ignores the number of bytes read), bytes after the last participation are ignored.
    """
    if not data:
        return "not enough data for the participation count"
    count = data[0]
    if count < PARTICIPATIONS_MIN:
        return f"{count} participations, at least {PARTICIPATIONS_MIN} required"
    offset = 1
    found: list[Participation] = []
    for number in range(count):
        if len(data) < offset + EVENT_ID_BYTES + 1:
            return f"participation {number}: not enough data"
        event_id = data[offset : offset + EVENT_ID_BYTES]
        answer_count = data[offset + EVENT_ID_BYTES]
        offset += EVENT_ID_BYTES + 1
        if len(data) < offset + answer_count:
            return f"participation {number}: not enough data for {answer_count} answers"
        answers = tuple(data[offset : offset + answer_count])
        offset += answer_count
        if answer_count > ANSWERS_MAX:
            return f"participation {number}: {answer_count} answers, at most {ANSWERS_MAX}"
        found.append(Participation(event_id, answers))
    if len({p.event_id for p in found}) != len(found):
        return "an event id appears twice"
    return tuple(found)


def participations_from_transaction(
    transaction: LedgerTransaction, index: bytes = PARTICIPATION_INDEX
) -> tuple[TxOutput, tuple[Participation, ...]] | Ignored:
    """The deposit output and participations of a transaction, as ``ParticipationsFromMessage``.

    Rules PRE-TX-INDEX, PRE-TX-ONE-OUTPUT, PRE-TX-OUTPUT-TYPE, PRE-TX-SAME-ADDRESS, PRE-TX-PAYLOAD
    in the node's order; the first broken one is returned as :class:`Ignored`.
    """
    indexation = transaction.indexation
    if indexation is None:
        return Ignored("PRE-TX-INDEX", "the transaction has no indexation payload")
    if indexation.index != index:
        return Ignored(
            "PRE-TX-INDEX", f"the index is {indexation.index!r}, not {index.decode('ascii')!r}"
        )
    if len(transaction.outputs) != 1:
        return Ignored("PRE-TX-ONE-OUTPUT", f"{len(transaction.outputs)} outputs, not 1")
    output = transaction.outputs[0]
    if output.type not in ALLOWED_OUTPUT_TYPES:
        return Ignored("PRE-TX-OUTPUT-TYPE", f"output type {output.type}, not 0 or 1")
    if not any(i.address == output.address for i in transaction.inputs):
        return Ignored(
            "PRE-TX-SAME-ADDRESS", f"no input from the output's address {output.address}"
        )
    parsed = parse_participations(indexation.data)
    if isinstance(parsed, str):
        return Ignored("PRE-TX-PAYLOAD", parsed)
    return output, parsed


def participation_for_event(
    transaction: LedgerTransaction,
    event: ParticipationEvent,
    index: bytes = PARTICIPATION_INDEX,
) -> Tracked | Ignored:
    """Whether the node tracks the transaction's output for ``event``, and if so what it tracks.

    :func:`participations_from_transaction`, then ``filterValidParticipationsForEvents``: a
    participation naming the event (PRE-TX-EVENT), confirmed in ``commence < m ≤ end``
    (PRE-TX-WINDOW), with one answer per ballot question and none for staking (PRE-TX-ANSWERS).
    """
    found = participations_from_transaction(transaction, index)
    if isinstance(found, Ignored):
        return found
    output, participations = found
    event_id = event.event_id()
    mine = [p for p in participations if p.event_id == event_id]
    if not mine:
        return Ignored("PRE-TX-EVENT", f"no participation for event {event_id.hex()}")
    [participation] = mine  # PRE-TX-PAYLOAD refuses an event twice
    if not event.accepts_participation_at(transaction.milestone):
        return Ignored(
            "PRE-TX-WINDOW",
            f"confirmed at {transaction.milestone}, outside {event.commence + 1}..{event.end}",
        )
    expected = len(event.ballot.questions) if event.ballot is not None else 0
    if len(participation.answers) != expected:
        return Ignored(
            "PRE-TX-ANSWERS", f"{len(participation.answers)} answers, the event has {expected}"
        )
    return Tracked(
        transaction.output_id(0),
        output.address,
        output.amount,
        transaction.milestone,
        participation.answers,
    )


def is_participation(
    transaction: LedgerTransaction, event: ParticipationEvent, index: bytes = PARTICIPATION_INDEX
) -> bool:
    """True when the node tracks the transaction's output as a participation in ``event``."""
    return isinstance(participation_for_event(transaction, event, index), Tracked)


# ----------------------------------------------------------------------------- parsing


def _hex_bytes(value: Any, where: str) -> bytes:
    if not isinstance(value, str) or not _HEX_EVEN.fullmatch(value):
        raise MalformedHex(f"{where}: {value!r} is not hex of whole bytes", value=value)
    return bytes.fromhex(value)


def _fields(
    item: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Mapping[str, Any]:
    if not isinstance(item, dict):
        raise InvalidInput(f"{where}: not a JSON object")
    missing = [k for k in required if k not in item]
    if missing:
        raise InvalidInput(f"{where}: missing {', '.join(missing)}")
    unknown = set(item) - set(required) - set(optional)
    if unknown:
        raise InvalidInput(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    return item


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidInput(f"{where}: not a list")
    return value


def parse_transaction(item: Any, where: str) -> LedgerTransaction:
    """One transaction of a transaction document (``InvalidInput``, ``MalformedHex``, …)."""
    fields = _fields(item, where, ("transactionId", "milestone", "inputs", "outputs", "indexation"))
    transaction_id = parse_hex(
        fields["transactionId"], TRANSACTION_ID_BYTES, f"{where}.transactionId"
    )
    milestone = fields["milestone"]
    if not is_uint(milestone, U32_MAX):
        raise InvalidMilestone(
            f"{where}.milestone: {milestone!r} is not a uint32", milestone=milestone
        )
    inputs = []
    for number, raw in enumerate(_list(fields["inputs"], f"{where}.inputs")):
        w = f"{where}.inputs[{number}]"
        entry = _fields(raw, w, ("outputId", "address"))
        inputs.append(
            TxInput(
                parse_hex(entry["outputId"], OUTPUT_ID_BYTES, f"{w}.outputId"),
                parse_hex(entry["address"], ADDRESS_BYTES, f"{w}.address"),
            )
        )
    outputs = []
    for number, raw in enumerate(_list(fields["outputs"], f"{where}.outputs")):
        w = f"{where}.outputs[{number}]"
        entry = _fields(raw, w, ("type", "address", "amount"))
        if not is_uint(entry["type"], U8_MAX):
            raise InvalidInput(f"{w}.type: {entry['type']!r} is not an output type byte")
        amount = entry["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise InvalidInput(f"{w}.amount: {amount!r} is not an integer")
        if not 1 <= amount <= min(U64_MAX, IOTA_TOTAL_SUPPLY):
            raise InvalidAmount(f"{w}.amount: {amount} is not in 1..the IOTA supply")
        outputs.append(
            TxOutput(
                entry["type"], parse_hex(entry["address"], ADDRESS_BYTES, f"{w}.address"), amount
            )
        )
    if len(outputs) > 2**16:
        raise InvalidInput(f"{where}.outputs: more outputs than a u16 output index can name")
    indexation = None
    if fields["indexation"] is not None:
        w = f"{where}.indexation"
        entry = _fields(fields["indexation"], w, ("index", "data"))
        indexation = Indexation(
            _hex_bytes(entry["index"], f"{w}.index"), _hex_bytes(entry["data"], f"{w}.data")
        )
    return LedgerTransaction(transaction_id, milestone, tuple(inputs), tuple(outputs), indexation)


def parse_transactions(document: Any) -> tuple[LedgerTransaction, ...]:
    """The transactions of a transaction document, checked for shape and consistency.

    Refused (a typed error naming the item): a shape the schema refuses, a transaction id
    listed twice (``DUPLICATE_OUTPUT``), an output spent twice (``ALREADY_SPENT``), an input
    whose address is not that of the listed output it spends, or that spends it at a milestone
    before the one that created it (``INVALID_MILESTONE``) -- no ledger holds such transactions.
    """
    if not isinstance(document, dict) or set(document) != {"transactions"}:
        raise InvalidInput('transactions file: expected {"transactions": [...]}')
    raw = _list(document["transactions"], "transactions")
    transactions = tuple(
        parse_transaction(item, f"transactions[{n}]") for n, item in enumerate(raw)
    )
    seen: dict[str, int] = {}
    created: dict[str, tuple[int, TxOutput, Milestone]] = {}
    for number, tx in enumerate(transactions):
        if tx.transaction_id in seen:
            raise DuplicateOutput(
                f"transactions[{number}]: transaction {tx.transaction_id} is also "
                f"transactions[{seen[tx.transaction_id]}]",
                output=tx.transaction_id,
            )
        seen[tx.transaction_id] = number
        for index, output in enumerate(tx.outputs):
            created[tx.output_id(index)] = (number, output, tx.milestone)
    spender: dict[str, int] = {}
    for number, tx in enumerate(transactions):
        for position, spent in enumerate(tx.inputs):
            where = f"transactions[{number}].inputs[{position}]"
            if spent.output_id in spender:
                raise AlreadySpent(
                    f"{where}: output {spent.output_id} is also spent by "
                    f"transactions[{spender[spent.output_id]}]",
                    output=spent.output_id,
                )
            spender[spent.output_id] = number
            origin = created.get(spent.output_id)
            if origin is None:
                continue
            maker, output, made_at = origin
            if output.address != spent.address:
                raise InvalidInput(
                    f"{where}: address {spent.address} is not {output.address}, the address of "
                    f"the output transactions[{maker}] created"
                )
            if tx.milestone < made_at:
                raise InvalidMilestone(
                    f"{where}: spends at {tx.milestone} an output created at {made_at}",
                    output=spent.output_id,
                )
    return transactions


# ----------------------------------------------------------------------------- to OUTPUTS


@dataclass(frozen=True)
class SkippedTransaction:
    index: int
    transaction_id: str
    ignored: Ignored

    def line(self) -> str:
        return (
            f"transactions[{self.index}] {self.transaction_id}: {self.ignored.detail} "
            f"[{self.ignored.rule}: {self.ignored.follows}]"
        )


@dataclass(frozen=True)
class Conversion:
    """An event's OUTPUTS document and every transaction it does not count, with the reason."""

    outputs: dict[str, Any]
    skipped: tuple[SkippedTransaction, ...]


def transactions_to_outputs(
    event: ParticipationEvent, document: Any, index: bytes = PARTICIPATION_INDEX
) -> Conversion:
    """The OUTPUTS document of ``event`` from a transaction document, as the node tracks it.

    Each tracked output is booked at the milestone that confirmed its transaction and spent at
    the milestone of the listed transaction that spends it (``null`` if none does); ballots carry
    the participation's answers. Outputs appear in the order of their transactions.
    """
    transactions = parse_transactions(document)
    spent_at = {i.output_id: tx.milestone for tx in transactions for i in tx.inputs}
    items: list[dict[str, Any]] = []
    skipped: list[SkippedTransaction] = []
    for number, tx in enumerate(transactions):
        decision = participation_for_event(tx, event, index)
        if isinstance(decision, Ignored):
            skipped.append(SkippedTransaction(number, tx.transaction_id, decision))
            continue
        item: dict[str, Any] = {
            "outputId": decision.output_id,
            "address": decision.address,
            "amount": decision.amount,
            "bookedAt": decision.booked_at,
            "spentAt": spent_at.get(decision.output_id),
        }
        if event.ballot is not None:
            item["answers"] = list(decision.answers)
        items.append(item)
    return Conversion({"outputs": items}, tuple(skipped))
