"""Which transactions count as participations, against the node's own cases and rules.

Expected outcomes come from ``iotaledger/hornet`` (branch ``chrysalis``,
``pkg/model/participation/``): the cases of ``participation_manager_test.go``
(``TestIndexationPayloads``, ``TestMultipleParticipationsAreNotCounted``,
``TestEventStateHelpers``), ``participation_test.go`` and ``participations_test.go``; the
hand-built edge cases are read off the functions named in each case's comment.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from contracts.errors import (
    AlreadySpent,
    ContractError,
    DuplicateOutput,
    InvalidAmount,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
)
from contracts.participation.ballot import BallotEvent
from contracts.participation.event import ParticipationEvent, parse_event
from contracts.participation.tracking import apply_outputs
from contracts.participation.transactions import (
    Ignored,
    Tracked,
    is_participation,
    parse_participations,
    parse_transactions,
    participation_for_event,
    participations_from_transaction,
    transactions_to_outputs,
)
from spec.sources import DATA_DIR
from tests.participation_helpers import address, small_event

SCHEMAS = DATA_DIR.parent / "schemas"
PARTICIPATE = b"PARTICIPATE"


def hornet_default_ballot(commence: int = 5, start: int = 7, end: int = 12) -> ParticipationEvent:
    """``test/testenv.go``, ``DefaultEvent``: one question, answers 10 ("YES") and 20."""
    return parse_event(
        {
            "name": "All 4 HORNET",
            "milestoneIndexCommence": commence,
            "milestoneIndexStart": start,
            "milestoneIndexEnd": end,
            "payload": {
                "type": 0,
                "questions": [
                    {
                        "text": "Give all the funds to the HORNET developers?",
                        "answers": [
                            {"value": 10, "text": "YES", "additionalInfo": "Go team!"},
                            {
                                "value": 20,
                                "text": "Doh! Of course!",
                                "additionalInfo": "There is no other option",
                            },
                        ],
                        "additionalInfo": "This would fund the development of HORNET indefinitely",
                    }
                ],
            },
            "additionalInfo": "The biggest governance decision in the history of IOTA",
        }
    )


def payload(*participations: tuple[bytes, bytes], count: int | None = None) -> bytes:
    """The node's layout: u8 count, then per participation the event id, u8 count, answers."""
    body = b"".join(eid + bytes([len(answers)]) + answers for eid, answers in participations)
    return bytes([len(participations) if count is None else count]) + body


def tx_id(n: int) -> str:
    return f"{n:064x}"


def spent_id(n: int) -> str:
    """An output id of an earlier transaction (not listed) that an input spends."""
    return f"{10_000 + n:064x}0000"


def transaction(
    n: int,
    milestone: int,
    data: bytes | None,
    *,
    inputs: list[int] | None = None,
    outputs: list[tuple[int, int, int]] | None = None,
    index: bytes = PARTICIPATE,
) -> dict[str, Any]:
    """Transaction ``n`` confirmed at ``milestone``: inputs from the given holders, outputs as
    (type, holder, amount); by default holder 1 sends 1 Mi to itself."""
    holders = [1] if inputs is None else inputs
    return {
        "transactionId": tx_id(n),
        "milestone": milestone,
        "inputs": [
            {"outputId": spent_id(100 * n + k), "address": address(h)}
            for k, h in enumerate(holders)
        ],
        "outputs": [
            {"type": t, "address": address(h), "amount": a}
            for t, h, a in (outputs or [(0, 1, 1_000_000)])
        ],
        "indexation": None if data is None else {"index": index.hex(), "data": data.hex()},
    }


def one(document: dict[str, Any]) -> Any:
    [parsed] = parse_transactions({"transactions": [document]})
    return parsed


STAKING = small_event()  # commence 6, start 10, end 15
EID = STAKING.event_id()
OTHER = bytes(range(32))


# ----------------------------------------------------------------------------- hornet's cases

#: TestIndexationPayloads: (transaction, output exists, participations found). "ok" votes with
#: 4 answers for a random event; "sweep and participate" spends wallets 3 and 4 into wallet 4;
#: "invalid payload" is the data [0]; "empty indexation" has the index and no data; "wrong
#: address" sends wallet 2's balance to wallet 3; "multiple outputs" sends 10 Mi of it to wallet
#: 3 (the rest returns to wallet 2: two outputs).
INDEXATION_CASES: dict[str, tuple[dict[str, Any], bool, int]] = {
    "ok": (transaction(1, 8, payload((OTHER, bytes([10, 20, 30, 40])))), True, 1),
    "sweep and participate": (
        transaction(
            2,
            8,
            payload((OTHER, bytes([10, 20, 30, 40]))),
            inputs=[3, 4],
            outputs=[(0, 4, 500_000_000)],
        ),
        True,
        1,
    ),
    "no indexation": (transaction(3, 8, None, inputs=[2], outputs=[(0, 2, 150_000_000)]), False, 0),
    "invalid payload": (transaction(4, 8, b"\x00", inputs=[2], outputs=[(0, 2, 1)]), False, 0),
    "empty indexation": (transaction(5, 8, b"", inputs=[2], outputs=[(0, 2, 1)]), False, 0),
    "wrong address": (
        transaction(6, 8, payload((OTHER, b"\x0a\x14\x1e\x28")), inputs=[2], outputs=[(0, 3, 1)]),
        False,
        0,
    ),
    "multiple outputs": (
        transaction(
            7,
            8,
            payload((OTHER, b"\x0a\x14\x1e\x28")),
            inputs=[2],
            outputs=[(0, 3, 10_000_000), (0, 2, 140_000_000)],
        ),
        False,
        0,
    ),
}


@pytest.mark.parametrize("case", sorted(INDEXATION_CASES))
def test_hornet_indexation_payloads(case: str) -> None:
    document, output_exists, count = INDEXATION_CASES[case]
    found = participations_from_transaction(one(document))
    if output_exists:
        assert not isinstance(found, Ignored), found
        assert len(found[1]) == count
    else:
        assert isinstance(found, Ignored)


def test_hornet_rules_named_for_each_refusal() -> None:
    """Each refusal of TestIndexationPayloads breaks the rule ParticipationsFromMessage checks."""
    rules = {
        case: found.rule
        for case, (document, _, _) in INDEXATION_CASES.items()
        if isinstance(found := participations_from_transaction(one(document)), Ignored)
    }
    assert rules == {
        "no indexation": "PRE-TX-INDEX",
        "invalid payload": "PRE-TX-PAYLOAD",
        "empty indexation": "PRE-TX-PAYLOAD",
        "wrong address": "PRE-TX-SAME-ADDRESS",
        "multiple outputs": "PRE-TX-ONE-OUTPUT",
    }


def test_hornet_multiple_participations_are_not_counted() -> None:
    """TestMultipleParticipationsAreNotCounted: count 2, the same event id twice, no answers."""
    data = bytes([2]) + EID + b"\x00" + EID + b"\x00"
    decision = participation_for_event(one(transaction(1, 8, data)), STAKING)
    assert isinstance(decision, Ignored)
    assert decision.rule == "PRE-TX-PAYLOAD"


def _random_id(n: int) -> bytes:
    return bytes([n % 256, n // 256]) + bytes(30)


#: participation_test.go TestParticipation_Deserialize and participations_test.go
#: TestParticipations_Deserialize, as whole indexation data: parses (True) or fails (False).
DESERIALIZE_CASES: dict[str, tuple[bytes, bool]] = {
    "ok": (payload((OTHER, b"\x01")), True),
    "not enough data": (payload((OTHER, b"\x01"))[:-1], False),
    "no answers": (payload((OTHER, b"")), True),
    "max answers": (payload((OTHER, bytes(range(10)))), True),
    "too many answers": (payload((OTHER, bytes(range(11)))), False),
    "max participations": (payload(*[(_random_id(n), b"\x01") for n in range(255)]), True),
    "empty participations": (payload(), False),
    "double participations": (payload((OTHER, b"\x01"), (OTHER, b"\x02")), False),
    "multiple participations": (payload(*[(OTHER, b"") for _ in range(15)]), False),
}


@pytest.mark.parametrize("case", sorted(DESERIALIZE_CASES))
def test_hornet_deserialization_cases(case: str) -> None:
    data, parses = DESERIALIZE_CASES[case]
    assert isinstance(parse_participations(data), tuple) is parses


def test_hornet_accepting_window() -> None:
    """TestEventStateHelpers, ShouldAcceptParticipation: commence 90, start 100, end 200."""
    event = hornet_default_ballot(90, 100, 200)
    expected = {89: False, 90: False, 91: True, 99: True, 100: True, 199: True, 200: True}
    expected[201] = False
    data = payload((event.event_id(), b"\x0a"))
    for milestone, accepted in expected.items():
        assert is_participation(one(transaction(1, milestone, data)), event) is accepted, milestone


# ----------------------------------------------------------------------------- edge cases


def test_trailing_bytes_are_tolerated() -> None:
    """``Participations.Deserialize`` ends with ``Done()``, which returns the offset reached and
    checks no leftover (``iotaledger/hive.go``, ``serializer/serializer.go``, unlike
    ``ConsumedAll``), and ``participationFromIndexation`` discards the number of bytes read:
    data after the last participation change nothing."""
    data = payload((EID, b"")) + b"\xff\x00garbage"
    assert participation_for_event(one(transaction(1, 8, data)), STAKING) == Tracked(
        tx_id(1) + "0000", address(1), 1_000_000, 8, ()
    )


@pytest.mark.parametrize(
    ("case", "document", "rule"),
    [
        # ParticipationsFromMessage: the index is compared byte for byte with PARTICIPATE.
        ("another index", transaction(1, 8, payload((EID, b"")), index=b"TEST"), "PRE-TX-INDEX"),
        (
            "lower-case index",
            transaction(1, 8, payload((EID, b"")), index=b"participate"),
            "PRE-TX-INDEX",
        ),
        # only OutputSigLockedSingleOutput and OutputSigLockedDustAllowanceOutput are allowed.
        (
            "treasury output type",
            transaction(1, 8, payload((EID, b"")), outputs=[(2, 1, 5)]),
            "PRE-TX-OUTPUT-TYPE",
        ),
        # filterValidParticipationsForEvents: the event must be one of the participations.
        ("another event", transaction(1, 8, payload((OTHER, b""))), "PRE-TX-EVENT"),
        # ... and len(vote.Answers) != len(event.BallotQuestions()) (0 for staking) is skipped.
        ("answers on staking", transaction(1, 8, payload((EID, b"\x01"))), "PRE-TX-ANSWERS"),
        # ShouldAcceptParticipation: the commence milestone itself does not accept.
        ("at commence", transaction(1, 6, payload((EID, b""))), "PRE-TX-WINDOW"),
        ("after the end", transaction(1, 16, payload((EID, b""))), "PRE-TX-WINDOW"),
        # ParticipationsFromMessage: no input at all is no input from the output's address.
        ("no inputs", transaction(1, 8, payload((EID, b"")), inputs=[]), "PRE-TX-SAME-ADDRESS"),
    ],
)
def test_each_rule_ignores_what_breaks_it(case: str, document: dict[str, Any], rule: str) -> None:
    decision = participation_for_event(one(document), STAKING)
    assert isinstance(decision, Ignored), case
    assert decision.rule == rule
    assert decision.detail and decision.follows


@pytest.mark.parametrize(
    ("case", "document"),
    [
        # a SigLockedDustAllowanceOutput (type 1) is allowed as well.
        (
            "dust allowance output",
            transaction(1, 8, payload((EID, b"")), outputs=[(1, 1, 1_000_000)]),
        ),
        # at least one input, not all, must come from the output's address.
        (
            "one input of two from the address",
            transaction(1, 8, payload((EID, b"")), inputs=[2, 1]),
        ),
        # the participation for this event may be one of several, in any position.
        ("second of two events", transaction(1, 8, payload((OTHER, b"\x01\x02"), (EID, b"")))),
        # ShouldAcceptParticipation: the end milestone still accepts.
        ("at the end", transaction(1, 15, payload((EID, b"")))),
    ],
)
def test_what_the_rules_admit(case: str, document: dict[str, Any]) -> None:
    assert is_participation(one(document), STAKING), case


def test_a_configured_index_is_honoured() -> None:
    """WithIndexationMessage: the node's tests track the index TEST instead of PARTICIPATE."""
    document = one(transaction(1, 8, payload((EID, b"")), index=b"TEST"))
    assert not is_participation(document, STAKING)
    assert is_participation(document, STAKING, index=b"TEST")


def test_ballot_answers_must_match_the_questions() -> None:
    ballot = hornet_default_ballot()
    eid = ballot.event_id()
    for answers, counted in [(b"", False), (b"\x0a", True), (b"\x2a", True), (b"\x0a\x14", False)]:
        decision = participation_for_event(one(transaction(1, 6, payload((eid, answers)))), ballot)
        assert isinstance(decision, Tracked) is counted, answers
    decision = participation_for_event(one(transaction(1, 6, payload((eid, b"\x0a")))), ballot)
    assert isinstance(decision, Tracked)
    assert decision.answers == (10,)


# ----------------------------------------------------------------------------- to OUTPUTS


def test_hornet_staking_rewards_ledger_to_outputs() -> None:
    """The ledger of TestStakingRewards (commence 5, start 7, end 12): wallets 1-3 stake in
    milestone 6, wallet 4 pre-stakes in 6 and cancels in 7 (a plain transfer to itself), stakes
    again in 9 and cancels in 10."""
    event = hornet_staking_event()
    eid = event.event_id()
    stake = payload((eid, b""))
    wallet4 = [(0, 4, 300_000_000)]
    pre_stake = transaction(4, 6, stake, inputs=[4], outputs=wallet4)
    cancel = transaction(5, 7, None, inputs=[4], outputs=wallet4)
    cancel["inputs"] = [{"outputId": tx_id(4) + "0000", "address": address(4)}]
    stake_again = transaction(6, 9, stake, inputs=[4], outputs=wallet4)
    stake_again["inputs"] = [{"outputId": tx_id(5) + "0000", "address": address(4)}]
    cancel_again = transaction(7, 10, None, outputs=wallet4)
    cancel_again["inputs"] = [{"outputId": tx_id(6) + "0000", "address": address(4)}]
    document = {
        "transactions": [
            transaction(1, 6, stake, inputs=[1], outputs=[(0, 1, 5_000_000)]),
            transaction(2, 6, stake, inputs=[2], outputs=[(0, 2, 1_587_529)]),
            transaction(3, 6, stake, inputs=[3], outputs=[(0, 3, 5_589_977)]),
            pre_stake,
            cancel,
            stake_again,
            cancel_again,
        ]
    }
    jsonschema.validate(document, schema("transactions.schema.json"))
    conversion = transactions_to_outputs(event, document)
    assert conversion.outputs["outputs"] == [
        item(1, 1, 5_000_000, 6, None),
        item(2, 2, 1_587_529, 6, None),
        item(3, 3, 5_589_977, 6, None),
        item(4, 4, 300_000_000, 6, 7),
        item(6, 4, 300_000_000, 9, 10),
    ]
    assert [(s.index, s.ignored.rule) for s in conversion.skipped] == [
        (4, "PRE-TX-INDEX"),
        (6, "PRE-TX-INDEX"),
    ]
    jsonschema.validate(conversion.outputs, schema("outputs.schema.json"))


def test_hornet_invalid_vote_handling_ledger() -> None:
    """TestInvalidVoteHandling (commence 5, start 7, end 10): a vote confirmed in the commence
    milestone 5 is not counted; the vote in 6, which spends it, is; the invalid participation
    (data [0]) in 9 spends that one, ending it at 9. AssertDefaultBallotAnswerStatus per
    milestone: (current, accumulated) of the answer 10."""
    ballot = hornet_default_ballot(5, 7, 10)
    vote = payload((ballot.event_id(), b"\x0a"))
    first = transaction(1, 5, vote)
    second = _spending(2, 6, tx_id(1) + "0000")
    second["indexation"] = {"index": PARTICIPATE.hex(), "data": vote.hex()}
    invalid = _spending(3, 9, tx_id(2) + "0000")
    invalid["indexation"] = {"index": PARTICIPATE.hex(), "data": "00"}
    conversion = transactions_to_outputs(ballot, {"transactions": [first, second, invalid]})
    assert [(s.index, s.ignored.rule) for s in conversion.skipped] == [
        (0, "PRE-TX-WINDOW"),
        (2, "PRE-TX-PAYLOAD"),
    ]
    assert conversion.outputs["outputs"] == [{**item(2, 1, 1_000_000, 6, 9), "answers": [10]}]
    tracker = BallotEvent(ballot)
    apply_outputs(tracker, conversion.outputs)
    expected = {5: (0, 0), 6: (1_000, 0), 7: (1_000, 0), 8: (1_000, 1_000), 9: (0, 1_000)}
    for milestone, tallies in expected.items():
        yes = tracker.status(milestone).questions[0][0]
        assert (yes.current, yes.accumulated) == tallies, milestone


def test_an_output_spent_in_its_own_milestone_is_listed_so() -> None:
    """ApplyNewLedgerUpdate books a milestone's created outputs before its spent ones."""
    stake = payload((EID, b""))
    spend = transaction(2, 12, None)
    spend["inputs"] = [{"outputId": tx_id(1) + "0000", "address": address(1)}]
    conversion = transactions_to_outputs(
        STAKING, {"transactions": [transaction(1, 12, stake), spend]}
    )
    assert conversion.outputs["outputs"] == [item(1, 1, 1_000_000, 12, 12)]


def test_ballot_outputs_carry_the_answers() -> None:
    ballot = hornet_default_ballot()
    data = payload((ballot.event_id(), b"\x14"))
    conversion = transactions_to_outputs(ballot, {"transactions": [transaction(1, 8, data)]})
    assert conversion.outputs["outputs"] == [{**item(1, 1, 1_000_000, 8, None), "answers": [20]}]


def _spending(n: int, milestone: int, spends: str, holder: int = 1) -> dict[str, Any]:
    document = transaction(n, milestone, None)
    document["inputs"] = [{"outputId": spends, "address": address(holder)}]
    return document


MALFORMED: dict[str, tuple[Any, type[ContractError]]] = {
    "not an object": ([], InvalidInput),
    "extra top-level field": ({"transactions": [], "x": 1}, InvalidInput),
    "a transaction not an object": ({"transactions": [1]}, InvalidInput),
    "missing indexation": (
        {"transactions": [{k: v for k, v in transaction(1, 8, None).items() if k != "indexation"}]},
        InvalidInput,
    ),
    "unknown field": ({"transactions": [{**transaction(1, 8, None), "x": 0}]}, InvalidInput),
    "short transaction id": (
        {"transactions": [{**transaction(1, 8, None), "transactionId": "ab"}]},
        MalformedHex,
    ),
    "odd hex data": (
        {"transactions": [{**transaction(1, 8, None), "indexation": {"index": "50", "data": "0"}}]},
        MalformedHex,
    ),
    "negative milestone": ({"transactions": [transaction(1, -1, None)]}, InvalidMilestone),
    "zero amount": (
        {"transactions": [transaction(1, 8, None, outputs=[(0, 1, 0)])]},
        InvalidAmount,
    ),
    "amount above the supply": (
        {"transactions": [transaction(1, 8, None, outputs=[(0, 1, 2_779_530_283_277_762)])]},
        InvalidAmount,
    ),
    "bool amount": (
        {"transactions": [transaction(1, 8, None, outputs=[(0, 1, True)])]},
        InvalidInput,
    ),
    "output type 256": (
        {"transactions": [transaction(1, 8, None, outputs=[(256, 1, 5)])]},
        InvalidInput,
    ),
    "transaction listed twice": (
        {"transactions": [transaction(1, 8, None), transaction(1, 9, None)]},
        DuplicateOutput,
    ),
    "output spent twice": (
        {
            "transactions": [
                transaction(1, 8, None),
                _spending(2, 9, tx_id(1) + "0000"),
                _spending(3, 9, tx_id(1) + "0000"),
            ]
        },
        AlreadySpent,
    ),
    "spent before it was created": (
        {"transactions": [transaction(1, 8, None), _spending(2, 7, tx_id(1) + "0000")]},
        InvalidMilestone,
    ),
    "input address not the output's": (
        {"transactions": [transaction(1, 8, None), _spending(2, 9, tx_id(1) + "0000", holder=2)]},
        InvalidInput,
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_transaction_document_is_refused(case: str) -> None:
    document, error = MALFORMED[case]
    with pytest.raises(error):
        transactions_to_outputs(STAKING, document)


# ----------------------------------------------------------------------------- the command


def test_outputs_command_feeds_rewards(tmp_path: Path) -> None:
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps(hornet_staking_event().to_json()), encoding="utf-8")
    eid = hornet_staking_event().event_id()
    document = {
        "transactions": [
            transaction(1, 6, payload((eid, b"")), outputs=[(0, 1, 5_000_000)]),
            transaction(2, 6, b"\x00"),
        ]
    }
    tx_path = tmp_path / "tx.json"
    tx_path.write_text(json.dumps(document), encoding="utf-8")
    done = run("outputs", "--event", event_path, tx_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"outputs": [item(1, 1, 5_000_000, 6, None)]}
    assert done.stderr.startswith(f"not counted transactions[1] {tx_id(2)}: ")
    assert "PRE-TX-PAYLOAD" in done.stderr
    outputs_path = tmp_path / "outputs.json"
    outputs_path.write_text(done.stdout, encoding="utf-8")
    rewards = run("rewards", "--event", event_path, "--outputs", outputs_path)
    # TestStakingRewards: wallet 1 earns 1,250,000 per milestone for 8..12.
    assert json.loads(rewards.stdout)["rewards"] == {address(1): 6_250_000}


def test_outputs_command_refuses_a_malformed_document(tmp_path: Path) -> None:
    tx_path = tmp_path / "tx.json"
    tx_path.write_text(json.dumps(MALFORMED["output spent twice"][0]), encoding="utf-8")
    event_path = tmp_path / "event.json"
    event_path.write_text(json.dumps(STAKING.to_json()), encoding="utf-8")
    done = run("outputs", "--event", event_path, tx_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "ALREADY_SPENT" in done.stderr


# ----------------------------------------------------------------------------- helpers


def hornet_staking_event() -> ParticipationEvent:
    """TestStakingRewards' event: commence 5, start 7, end 12, 25/100, minimum 2,000,000."""
    document = small_event(5, 7, 12, 25, 100, 2_000_000).to_json()
    return parse_event(document)


def item(n: int, holder: int, amount: int, booked: int, spent: int | None) -> dict[str, Any]:
    return {
        "outputId": tx_id(n) + "0000",
        "address": address(holder),
        "amount": amount,
        "bookedAt": booked,
        "spentAt": spent,
    }


def schema(name: str) -> Any:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spec", *map(str, args)], capture_output=True, text=True, check=False
    )
