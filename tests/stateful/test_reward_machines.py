"""Stateful tests of the reward accumulator, the post-launch distribution and SMR staking.

Random holders stake, unstake, claim and let periods pass; after every step every invariant
checker registered for the contract runs, and payouts are compared with the naive oracles.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from contracts.accounts import SYSTEM
from contracts.accumulator import RewardAccumulator
from contracts.errors import ContractError
from contracts.invariants import assert_invariants
from contracts.postlaunch import PostLaunchDistribution
from contracts.smr_staking import SmrStaking
from contracts.transaction import fingerprint
from spec import derivations
from tests.hostile import refuse_hostile
from tests.oracles.rewards import NaiveDailyShares

HOLDERS = st.sampled_from(["ann", "bob", "cem", "dia"])
AMOUNTS = st.one_of(st.integers(1, 1_000), st.integers(1, 10**15))
BOUND = int(derivations.evaluate("POST-ACCUMULATOR-BOUND"))


class AccumulatorMachine(RuleBasedStateMachine):
    """The accumulator against exact rational shares."""

    def __init__(self) -> None:
        super().__init__()
        self.acc = RewardAccumulator()
        self.active: dict[str, int] = {}
        self.pending: dict[str, int] = {}
        self.exact: dict[str, Fraction] = {}
        self.claimed: dict[str, int] = {}
        self.undistributed = 0

    @rule(holder=HOLDERS, amount=AMOUNTS)
    def stake(self, holder: str, amount: int) -> None:
        self.acc.stake(holder, amount)
        self.pending[holder] = self.pending.get(holder, 0) + amount

    @rule(holder=HOLDERS, amount=AMOUNTS)
    def unstake(self, holder: str, amount: int) -> None:
        held = self.active.get(holder, 0) + self.pending.get(holder, 0)
        if holder not in self.acc.positions or amount > held:
            before = fingerprint(self.acc)
            with pytest.raises(ContractError):
                self.acc.unstake(holder, amount)
            assert fingerprint(self.acc) == before
            return
        self.acc.unstake(holder, amount)
        from_pending = min(amount, self.pending.get(holder, 0))
        self.pending[holder] = self.pending.get(holder, 0) - from_pending
        self.active[holder] = self.active.get(holder, 0) - (amount - from_pending)

    @rule(amount=st.integers(0, 10**14))
    def distribute(self, amount: int) -> None:
        self.acc.distribute(amount)
        total = sum(self.active.values())
        if total == 0:
            self.undistributed += amount
            return
        for holder, stake in self.active.items():
            self.exact[holder] = self.exact.get(holder, Fraction(0)) + Fraction(
                amount * stake, total
            )

    @rule()
    def close_period(self) -> None:
        self.acc.close_period()
        for holder, amount in self.pending.items():
            self.active[holder] = self.active.get(holder, 0) + amount
        self.pending = {}

    @precondition(lambda self: self.acc.positions)
    @rule(data=st.data())
    def claim(self, data: st.DataObject) -> None:
        holder = data.draw(st.sampled_from(sorted(self.acc.positions)))
        self.claimed[holder] = self.claimed.get(holder, 0) + self.acc.claim(holder)

    @invariant()
    def payouts_within_the_bound_of_the_exact_share(self) -> None:
        assert self.acc.undistributed == self.undistributed
        for holder in self.acc.positions:
            paid = self.claimed.get(holder, 0) + self.acc.claimable(holder)
            exact = int(self.exact.get(holder, Fraction(0)))
            # Each distribution truncates less than stake / SCALE per holder: at most one unit
            # here (stakes below 10^18, fewer than 40 steps), plus the final floor.
            assert exact - 2 <= paid <= exact

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.acc, "reward-accumulator")

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.acc)


class PostLaunchMachine(RuleBasedStateMachine):
    """The post-launch distribution against the naive daily oracle."""

    def __init__(self) -> None:
        super().__init__()
        self.contract = PostLaunchDistribution(7 * 10**15 + 12_345)
        self.oracle = NaiveDailyShares(self.contract.daily, 1, 639)
        self.held: dict[str, int] = {}
        self.paid: dict[str, int] = {}
        self.day = 1

    def _reject(self, call: Callable[[], object]) -> None:
        before = fingerprint(self.contract)
        with pytest.raises(ContractError):
            call()
        assert fingerprint(self.contract) == before

    @rule(days=st.sampled_from([0, 0, 1, 2, 5, 60, 300]))
    def wait(self, days: int) -> None:
        self.day += days

    @rule(holder=HOLDERS, amount=AMOUNTS)
    def stake(self, holder: str, amount: int) -> None:
        if self.day > 639:
            self._reject(lambda: self.contract.stake(holder, amount, self.day))
            return
        self.contract.stake(holder, amount, self.day)
        self.oracle.stake(holder, amount, self.day)
        self.held[holder] = self.held.get(holder, 0) + amount

    @rule(holder=HOLDERS, amount=AMOUNTS)
    def unstake(self, holder: str, amount: int) -> None:
        if amount > self.held.get(holder, 0) or holder not in self.contract.rewards.positions:
            self._reject(lambda: self.contract.unstake(holder, amount, self.day))
            return
        self.contract.unstake(holder, amount, self.day)
        self.oracle.unstake(holder, amount, self.day)
        self.held[holder] -= amount

    @rule(holder=HOLDERS)
    def claim(self, holder: str) -> None:
        if holder not in self.contract.rewards.positions:
            self._reject(lambda: self.contract.claim(holder, self.day))
            return
        self.paid[holder] = self.paid.get(holder, 0) + self.contract.claim(holder, self.day)

    @rule()
    def travel_back_in_time(self) -> None:
        if self.contract.day > 1:
            self._reject(lambda: self.contract.claim("ann", self.contract.day - 1))

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.contract, "postlaunch")

    @rule(holder=HOLDERS, day=st.sampled_from([640, 10**6, 2**32 - 1]))
    def far_future_and_protected(self, holder: str, day: int) -> None:
        """Staking after day 639, a protected account as holder, the clock moved by a holder:
        refused, nothing changes."""
        self._reject(lambda: self.contract.stake(holder, 1, max(day, self.contract.day)))
        self._reject(lambda: self.contract.stake("module:bonded", 1, self.contract.day or 1))
        self._reject(lambda: self.contract.advance_to(holder, max(day, self.contract.day)))

    @invariant()
    def within_bound_of_the_oracle(self) -> None:
        self.oracle.advance(self.contract.day)
        assert self.contract.rewards.undistributed == self.oracle.undistributed
        for holder in self.contract.rewards.positions:
            entitled = self.oracle.entitled(holder)
            paid = self.paid.get(holder, 0) + self.contract.claimable(holder)
            assert entitled - BOUND <= paid <= entitled

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.contract)


class SmrMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.contract = SmrStaking({"ann": 10**12, "bob": 5 * 10**11, "cem": 7, "dia": 0})
        self.epoch = 0

    @rule(epochs=st.sampled_from([0, 1, 3, 30, 365]))
    def wait(self, epochs: int) -> None:
        self.epoch += epochs

    @rule(holder=HOLDERS, amount=AMOUNTS)
    def stake(self, holder: str, amount: int) -> None:
        try:
            self.contract.stake(holder, amount, self.epoch)
        except ContractError:
            assert self.contract.balances.get(holder, 0) < amount

    @rule(holder=HOLDERS, amount=AMOUNTS)
    def unstake(self, holder: str, amount: int) -> None:
        before = fingerprint(self.contract)
        try:
            self.contract.unstake(holder, amount, self.epoch)
        except ContractError:
            assert fingerprint(self.contract) == before

    @rule(holder=HOLDERS)
    def claim(self, holder: str) -> None:
        try:
            self.contract.claim(holder, self.epoch)
        except ContractError:
            assert holder not in self.contract.rewards.positions

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.contract, "smr-staking")

    @rule(ahead=st.sampled_from([3_651, 10**6, 2**32 - 1]), holder=HOLDERS)
    def far_future(self, ahead: int, holder: str) -> None:
        """More than SMR_MAX_EPOCHS_PER_CALL epochs at once, or past u32: refused, unchanged."""
        epoch = min(self.contract.epoch + ahead, 2**32 - 1)
        before = fingerprint(self.contract)
        for call in (
            lambda: self.contract.advance_to(SYSTEM, epoch),
            lambda: self.contract.claim(holder, epoch),
            lambda: self.contract.advance_to(holder, self.contract.epoch),
        ):
            with pytest.raises(ContractError):
                call()
        assert fingerprint(self.contract) == before

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.contract)
        assert_invariants(self.contract.rewards)


TestAccumulatorMachine = pytest.mark.invariant("ACC-CONSERVE-01", "ACC-STAKE-01", "ACC-ZERO-01")(
    AccumulatorMachine.TestCase
)
TestPostLaunchMachine = pytest.mark.invariant(
    "POST-PAYOUT-01", "POST-SCHEDULE-01", "POST-DAY-01", "POST-BOUND-01"
)(PostLaunchMachine.TestCase)
TestSmrMachine = pytest.mark.invariant("SMR-SUPPLY-01", "SMR-INFLATION-01")(SmrMachine.TestCase)
