"""A stateful test of IOTA validator staking: stakers, validators, reports, gas and epochs,
with every catalog checker after every step."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from contracts.accounts import SYSTEM
from contracts.errors import InvalidDay, ProtectedAccount, Unauthorized
from contracts.invariants import assert_invariants
from contracts.iota.system import IotaStaking
from contracts.transaction import atomicity_checks
from tests.hostile import refuse_hostile
from tests.stateful import attempt, refusals_change_nothing

IOTA = 10**9
VALIDATORS = [f"val-{k}" for k in range(5)]
STAKERS = ["ann", "ben", "cay"]


class IotaMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        validators = [(v, (k + 1) * 3_000_000 * IOTA, 200 * k) for k, v in enumerate(VALIDATORS)]
        balances = dict.fromkeys(STAKERS, 40_000_000 * IOTA) | {"payer": 10**7 * IOTA}
        self.system = IotaStaking.genesis(balances, validators)

    def _try(self, call: Callable[[], object]) -> None:
        """A call that may be refused: refused, it changes nothing."""
        attempt(self.system, call)

    @rule(
        staker=st.sampled_from(STAKERS),
        validator=st.sampled_from(VALIDATORS),
        amount=st.integers(1, 20_000_000 * IOTA),
    )
    def stake(self, staker: str, validator: str, amount: int) -> None:
        self._try(
            lambda: self.system.request_add_stake(staker, validator, amount, self.system.epoch)
        )

    @precondition(lambda self: self.system.stakes)
    @rule(data=st.data(), staker=st.sampled_from([*STAKERS, "val-0"]))
    def withdraw(self, data: st.DataObject, staker: str) -> None:
        staked = data.draw(st.sampled_from(sorted(self.system.stakes)))
        self._try(lambda: self.system.request_withdraw_stake(staker, staked, self.system.epoch))

    @rule(
        reporter=st.sampled_from(VALIDATORS),
        reportee=st.sampled_from(VALIDATORS),
        undo=st.booleans(),
    )
    def report(self, reporter: str, reportee: str, undo: bool) -> None:
        if undo:
            self._try(
                lambda: self.system.undo_report_validator(reporter, reportee, self.system.epoch)
            )
        else:
            self._try(lambda: self.system.report_validator(reporter, reportee, self.system.epoch))

    @rule(validator=st.sampled_from(VALIDATORS), rate=st.integers(0, 2_500))
    def commission(self, validator: str, rate: int) -> None:
        self._try(
            lambda: self.system.request_set_commission_rate(validator, rate, self.system.epoch)
        )

    @rule(fee=st.integers(0, 2_000_000 * IOTA), tip_share=st.integers(0, 100))
    def gas(self, fee: int, tip_share: int) -> None:
        self._try(
            lambda: self.system.pay_gas("payer", fee, fee * tip_share // 100, self.system.epoch)
        )

    @rule(candidate=st.sampled_from(STAKERS), amount=st.integers(1, 3_000_000 * IOTA))
    def candidate_joins(self, candidate: str, amount: int) -> None:
        """A staker registers as a candidate, stakes itself, and asks to join."""
        epoch = self.system.epoch
        self._try(lambda: self.system.request_add_validator_candidate(candidate, 500, epoch))
        self._try(lambda: self.system.request_add_stake(candidate, candidate, amount, epoch))
        self._try(lambda: self.system.request_add_validator(candidate, epoch))

    @rule(validator=st.sampled_from(VALIDATORS + STAKERS))
    def leave(self, validator: str) -> None:
        self._try(lambda: self.system.request_remove_validator(validator, self.system.epoch))

    @precondition(lambda self: self.system.stakes)
    @rule(data=st.data(), amount=st.integers(IOTA // 2, 5_000_000 * IOTA))
    def split_and_join(self, data: st.DataObject, amount: int) -> None:
        staked = data.draw(st.sampled_from(sorted(self.system.stakes)))
        owner = self.system.stakes[staked].owner
        epoch = self.system.epoch
        parts: list[int] = []
        if attempt(
            self.system,
            lambda: parts.append(self.system.split_staked_iota(owner, staked, amount, epoch)),
        ):
            self.system.join_staked_iota(owner, staked, parts[0], epoch)

    @rule()
    def advance(self) -> None:
        """The epoch change, which must succeed. Without the per-call self-check: it calls no
        other entry point, and the self-check's fingerprint of the whole system before it (the
        costliest step of a deep run, the history growing every epoch) is compared only when
        the call is refused -- which fails the run whether or not it changed anything."""
        with atomicity_checks(False):
            self.system.advance_epoch(SYSTEM)

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.system, "iota-staking")

    @rule(ahead=st.sampled_from([1, 2, 365, 2**32 - 1]), caller=st.sampled_from(STAKERS))
    def far_future_or_wrong_caller(self, ahead: int, caller: str) -> None:
        """A call for a later epoch than the current one, and an epoch change not by the
        system: refused, nothing changes."""
        epoch = min(self.system.epoch + ahead, 2**32 - 1)
        with refusals_change_nothing(self.system):
            with pytest.raises(InvalidDay):
                self.system.request_add_stake(caller, VALIDATORS[0], IOTA, epoch)
            with pytest.raises(Unauthorized):
                self.system.advance_epoch(caller)
            with pytest.raises(ProtectedAccount):
                self.system.request_add_stake(
                    "module:rewards", VALIDATORS[0], IOTA, self.system.epoch
                )

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.system)


TestIotaMachine = pytest.mark.invariant(
    "IOTA-VP-01",
    "IOTA-POT-01",
    "IOTA-SLASH-01",
    "IOTA-POOL-01",
    "IOTA-STAKE-01",
    "IOTA-COMMISSION-01",
    "IOTA-SUPPLY-01",
    "IOTA-COMMISSION-02",
    "IOTA-DEPART-01",
    "IOTA-SET-01",
    "IOTA-SAFE-01",
)(IotaMachine.TestCase)
