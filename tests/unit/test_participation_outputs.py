"""Applying an OUTPUTS.json document: order-free, typed errors naming the item, all or nothing.

``apply_outputs`` is what ``asmb-spec rewards`` runs; these tests call it in process, where a
rejected document can be seen to leave the tracker as it was.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.errors import (
    ContractError,
    DuplicateOutput,
    InvalidAmount,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
    OutsideWindow,
)
from contracts.participation.staking import StakingEvent
from contracts.participation.tracking import apply_outputs
from contracts.transaction import fingerprint
from tests.oracles.participation import NaiveOutput, naive_rewards
from tests.participation_helpers import address, output_id, small_event

# small_event(): commence 6, start 10, end 15, rate 1/1; outputs are booked in 7..15.
START, END = 10, 15


def item(n: int, holder: int, amount: int, booked: int, spent: int | None = None) -> dict[str, Any]:
    return {
        "outputId": output_id(n),
        "address": address(holder),
        "amount": amount,
        "bookedAt": booked,
        "spentAt": spent,
    }


@st.composite
def documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 3),
                st.integers(1, 10**7),
                st.integers(7, END),
                st.one_of(st.none(), st.integers(1, 8)),
            ),
            max_size=12,
        )
    )
    return [
        item(n, holder, amount, booked, None if gap is None else booked + gap)
        for n, (holder, amount, booked, gap) in enumerate(rows)
    ]


@pytest.mark.invariant("PRE-REWARD-01")
@given(items=documents(), seed=st.integers(0, 2**16))
def test_any_order_gives_the_milestone_walk(items: list[dict[str, Any]], seed: int) -> None:
    """Listed in any order, the outputs earn what the naive milestone-by-milestone walk says."""
    shuffled = items[:]
    random.Random(seed).shuffle(shuffled)
    expected = naive_rewards(
        [NaiveOutput(i["address"], i["amount"], i["bookedAt"], i["spentAt"]) for i in items],
        START,
        END,
        1,
        1,
        END,
    )
    for listing in (items, shuffled):
        tracker = StakingEvent(small_event())
        apply_outputs(tracker, {"outputs": listing})
        assert tracker.results(END).rewards == expected


GOOD = [item(0, 1, 10**6, 8), item(1, 2, 10**6, 9, 12)]

# A bad item (third in the document, index 2) and the error it must raise.
BAD_ITEMS: dict[str, tuple[Any, type[ContractError]]] = {
    "not an object": ([1, 2], InvalidInput),
    "missing bookedAt": (
        {"outputId": output_id(9), "address": address(3), "amount": 5},
        InvalidInput,
    ),
    "unknown field": ({**item(9, 3, 5, 8), "weight": 1}, InvalidInput),
    "answers not a list": ({**item(9, 3, 5, 8), "answers": 1}, InvalidInput),
    "answers on a staking event": ({**item(9, 3, 5, 8), "answers": [1]}, InvalidInput),
    "zero amount": (item(9, 3, 0, 8), InvalidAmount),
    "bool amount": (item(9, 3, True, 8), InvalidInput),  # a wrong type, before any range
    "booked at commence": (item(9, 3, 5, 6), OutsideWindow),
    "booked after end": (item(9, 3, 5, END + 1), OutsideWindow),
    "malformed address": ({**item(9, 3, 5, 8), "address": "xyz"}, MalformedHex),
    "already tracked": (item(0, 3, 5, 8), DuplicateOutput),
    "listed twice": (item(7, 3, 5, 8), DuplicateOutput),
    "spent at its booking": (item(9, 3, 5, 8, 8), InvalidMilestone),
}


@pytest.mark.parametrize("case", sorted(BAD_ITEMS))
def test_a_bad_item_is_named_and_changes_nothing(case: str) -> None:
    bad, error = BAD_ITEMS[case]
    tracker = StakingEvent(small_event())
    apply_outputs(tracker, {"outputs": GOOD})
    before = fingerprint(tracker)
    document = {"outputs": [item(7, 4, 10**6, 10), item(8, 4, 10**6, 11, 13), bad]}
    with pytest.raises(error) as raised:
        apply_outputs(tracker, document)
    assert raised.value.message.startswith("outputs[2]: ")
    assert fingerprint(tracker) == before


@pytest.mark.parametrize("document", [None, [], {}, {"outputs": {}}, {"outputs": "x"}])
def test_a_document_that_is_not_a_list_of_outputs(document: Any) -> None:
    tracker = StakingEvent(small_event())
    apply_outputs(tracker, {"outputs": GOOD})
    before = fingerprint(tracker)
    with pytest.raises(InvalidInput):
        apply_outputs(tracker, document)
    assert fingerprint(tracker) == before
