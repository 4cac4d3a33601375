"""Stateful tests of participation tracking against the milestone-walking oracle.

The machines book and spend outputs at random milestones -- in the commence window, at the first
and last counted milestones, after the end -- and after every step compare every address's
reward (or every answer's tally) at a random milestone with ``tests/oracles/participation.py``,
then run every invariant checker registered for the contract. Rejected calls must raise the
documented error and leave the records unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from contracts.errors import ContractError
from contracts.invariants import assert_invariants
from contracts.participation.ballot import BallotEvent
from contracts.participation.event import parse_event
from contracts.participation.staking import StakingEvent
from contracts.transaction import fingerprint
from tests.hostile import refuse_hostile
from tests.oracles.participation import NaiveOutput, naive_rewards, naive_tallies
from tests.participation_helpers import address, output_id, small_event

COMMENCE, START, END = 6, 10, 15
MILESTONES = st.integers(min_value=0, max_value=END + 4)
AMOUNTS = st.one_of(
    st.integers(min_value=1, max_value=3_000_000),
    st.sampled_from([1, 999, 1_000, 999_999, 1_000_000, 2_779_530_283_277_761]),
)


class StakingMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.numerator, self.denominator = 3, 7  # a rate that floors per output
        self.event = small_event(COMMENCE, START, END, self.numerator, self.denominator, 5)
        self.tracker = StakingEvent(self.event)
        self.model: dict[str, NaiveOutput] = {}
        self.count = 0

    def _try(self, call: Callable[[], object]) -> None:
        """Run a call the model says is invalid: it must fail and change nothing."""
        before = fingerprint(self.tracker)
        with pytest.raises(ContractError):
            call()
        assert fingerprint(self.tracker) == before

    @rule(holder=st.integers(0, 4), amount=AMOUNTS, milestone=MILESTONES)
    def book(self, holder: int, amount: int, milestone: int) -> None:
        oid = output_id(self.count)
        self.count += 1
        if not COMMENCE < milestone <= END:
            self._try(lambda: self.tracker.book(oid, address(holder), amount, milestone))
            return
        self.tracker.book(oid, address(holder), amount, milestone)
        self.model[oid] = NaiveOutput(address(holder), amount, milestone, None)

    @precondition(lambda self: self.model)
    @rule(data=st.data(), milestone=st.integers(0, END + 10))
    def spend(self, data: st.DataObject, milestone: int) -> None:
        oid = data.draw(st.sampled_from(sorted(self.model)))
        output = self.model[oid]
        if output.spent_at is not None or milestone <= output.booked_at:
            self._try(lambda: self.tracker.spend(oid, milestone))
            return
        self.tracker.spend(oid, milestone)
        self.model[oid] = NaiveOutput(output.address, output.amount, output.booked_at, milestone)

    @rule(holder=st.integers(0, 4), milestone=MILESTONES)
    def book_duplicate_or_bad(self, holder: int, milestone: int) -> None:
        assume(self.model)
        oid = sorted(self.model)[0]
        self._try(lambda: self.tracker.book(oid, address(holder), 1_000, milestone))
        self._try(lambda: self.tracker.book(output_id(10_000), address(holder), 0, milestone))

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.tracker, "participation-staking")

    @invariant()
    def rewards_match_the_oracle(self) -> None:
        for at in (START, START + 1, (START + END) // 2, END - 1, END):
            expected = naive_rewards(
                list(self.model.values()), START, END, self.numerator, self.denominator, at
            )
            assert self.tracker.rewards_by_address(at) == expected

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.tracker)


BALLOT = {
    "name": "Vote",
    "milestoneIndexCommence": COMMENCE,
    "milestoneIndexStart": START,
    "milestoneIndexEnd": END,
    "payload": {
        "type": 0,
        "questions": [
            {
                "text": "q1",
                "answers": [
                    {"value": 1, "text": "yes", "additionalInfo": ""},
                    {"value": 2, "text": "no", "additionalInfo": ""},
                ],
                "additionalInfo": "",
            },
            {
                "text": "q2",
                "answers": [
                    {"value": 7, "text": "a", "additionalInfo": ""},
                    {"value": 9, "text": "b", "additionalInfo": ""},
                ],
                "additionalInfo": "",
            },
        ],
    },
    "additionalInfo": "",
}


class BallotMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tracker = BallotEvent(parse_event(BALLOT))
        self.model: dict[str, NaiveOutput] = {}
        self.count = 0

    @rule(
        amount=AMOUNTS,
        milestone=st.integers(COMMENCE + 1, END),
        answers=st.tuples(st.sampled_from([0, 1, 2, 3]), st.sampled_from([0, 7, 9, 200])),
    )
    def vote(self, amount: int, milestone: int, answers: tuple[int, int]) -> None:
        oid = output_id(self.count)
        self.count += 1
        self.tracker.book(oid, address(self.count % 3), amount, milestone, answers)
        self.model[oid] = NaiveOutput(address(0), amount, milestone, None, answers)

    @precondition(lambda self: self.model)
    @rule(data=st.data(), milestone=st.integers(COMMENCE + 2, END + 5))
    def spend(self, data: st.DataObject, milestone: int) -> None:
        oid = data.draw(st.sampled_from(sorted(self.model)))
        output = self.model[oid]
        assume(output.spent_at is None and milestone > output.booked_at)
        self.tracker.spend(oid, milestone)
        self.model[oid] = NaiveOutput(
            output.address, output.amount, output.booked_at, milestone, output.answers
        )

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.tracker, "participation-ballot")

    @invariant()
    def tallies_match_the_oracle(self) -> None:
        for at in (START, START + 2, END):
            status = self.tracker.status(at)
            for question, tallies in enumerate(status.questions):
                current, accumulated = naive_tallies(
                    list(self.model.values()), START, END, question, at
                )
                defined = {1, 2} if question == 0 else {7, 9}
                for tally in tallies:
                    # Bytes that are no answer of the question count as invalid (255).
                    seen = set(current) | set(accumulated)
                    bytes_for = (
                        [b for b in seen if b not in defined and b != 0]
                        if tally.value == 255
                        else [tally.value]
                    )
                    assert tally.accumulated == sum(accumulated.get(b, 0) for b in bytes_for)
                    assert tally.current == sum(current.get(b, 0) for b in bytes_for)

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.tracker)


TestStakingMachine = pytest.mark.invariant(
    "PRE-REWARD-01", "PRE-REWARD-02", "PRE-REWARD-03", "PRE-REWARD-04", "PRE-RESULTS-01"
)(StakingMachine.TestCase)
TestBallotMachine = pytest.mark.invariant("BALLOT-COUNT-01", "BALLOT-COUNT-02", "BALLOT-COUNT-03")(
    BallotMachine.TestCase
)
