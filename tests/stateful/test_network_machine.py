"""A stateful test of the whole root chain: validators, delegators, chains, epochs, slashes,
proposals -- with every catalog checker after every step and delegator payouts compared with a
naive per-epoch oracle that loops over every delegator.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from contracts.accounts import (
    BONDED_POOL,
    COMMUNITY,
    DEPOSITS,
    REWARDS_POOL,
    SLASHING_AUTHORITY,
    SYSTEM,
    UNBONDING_POOL,
)
from contracts.committees import FeePolicy
from contracts.errors import ContractError, InvalidDay, ProtectedAccount, Unauthorized
from contracts.governance import Option
from contracts.invariants import assert_invariants
from contracts.root_chain import Severity, Status
from contracts.transaction import fingerprint
from tests.hostile import refuse_hostile
from tests.oracles.root_chain import NaiveRootChain
from tests.root_chain_helpers import MIN_BOND, evidence, funded_network, seed

OPERATORS = ["op-a", "op-b", "op-c"]
DELEGATORS = ["del-1", "del-2", "del-3", "op-a"]
FUNDS = 50 * MIN_BOND


class NetworkMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.net = funded_network(**dict.fromkeys(OPERATORS + DELEGATORS[:3] + ["payer"], FUNDS))
        self.oracle = NaiveRootChain()
        self.claimed: dict[tuple[str, str], int] = {}
        self.evidence = 0
        self.params_before = dict(self.net.params.values)

    @property
    def epoch(self) -> int:
        return self.net.epoch

    def _rejected(self, call: Callable[[], object]) -> None:
        before = fingerprint(self.net)
        with pytest.raises(ContractError):
            call()
        assert fingerprint(self.net) == before

    @rule(
        operator=st.sampled_from(OPERATORS),
        bond=st.integers(MIN_BOND - 1, 3 * MIN_BOND),
        commission=st.integers(0, 2_500),
    )
    def register(self, operator: str, bond: int, commission: int) -> None:
        vid = f"v-{operator}"

        def call() -> None:
            self.net.chain.register_validator(operator, vid, bond, commission, True, self.epoch)

        if vid in self.net.chain.validators or bond < MIN_BOND or commission > 2_000:
            self._rejected(call)
            return
        call()
        self.oracle.register(operator, vid, bond, commission)

    @precondition(lambda self: self.net.chain.validators)
    @rule(data=st.data(), holder=st.sampled_from(DELEGATORS), amount=st.integers(1, 5 * MIN_BOND))
    def delegate(self, data: st.DataObject, holder: str, amount: int) -> None:
        vid = data.draw(st.sampled_from(sorted(self.net.chain.validators)))
        validator = self.net.chain.validators[vid]

        def call() -> None:
            self.net.chain.delegate(holder, vid, amount, self.epoch)

        if (
            validator.status is not Status.ACTIVE
            or self.net.ledger.balance(holder) < amount
            or validator.shares_for(amount) == 0
        ):
            self._rejected(call)
            return
        call()
        self.oracle.delegate(holder, vid, amount)

    @precondition(lambda self: self.net.chain.validators)
    @rule(data=st.data(), holder=st.sampled_from(DELEGATORS), amount=st.integers(1, 5 * MIN_BOND))
    def undelegate(self, data: st.DataObject, holder: str, amount: int) -> None:
        vid = data.draw(st.sampled_from(sorted(self.net.chain.validators)))
        try:
            before = fingerprint(self.net)
            self.net.chain.undelegate(holder, vid, amount, self.epoch)
        except ContractError:
            assert fingerprint(self.net) == before
            return
        self.oracle.undelegate(holder, vid, amount)

    @precondition(lambda self: self.net.chain.validators)
    @rule(data=st.data(), rate=st.integers(0, 2_500))
    def set_commission(self, data: st.DataObject, rate: int) -> None:
        vid = data.draw(st.sampled_from(sorted(self.net.chain.validators)))
        operator = self.net.chain.validators[vid].operator

        def call() -> None:
            self.net.chain.set_commission(operator, vid, rate, self.epoch)

        if rate > 2_000:
            self._rejected(call)
            return
        call()
        self.oracle.pools[vid].next_commission_bp = rate

    @precondition(lambda self: self.net.chain.validators)
    @rule(
        data=st.data(),
        severity=st.sampled_from([Severity.MINOR, Severity.MAJOR]),
        back=st.integers(0, 2),
    )
    def slash(self, data: st.DataObject, severity: Severity, back: int) -> None:
        vid = data.draw(st.sampled_from(sorted(self.net.chain.validators)))
        validator = self.net.chain.validators[vid]
        offence = max(validator.registered_epoch, self.epoch - back)
        self.evidence += 1
        supply = self.net.ledger.supply()
        self._rejected(
            lambda: self.net.chain.slash("del-1", evidence(self.evidence, vid, offence), self.epoch)
        )
        burned = self.net.chain.slash(
            SYSTEM, evidence(self.evidence, vid, offence, severity), self.epoch
        )
        assert self.net.ledger.supply() == supply - burned
        self.oracle.slash(vid, self.net.params.get(severity.value))
        self.oracle.pools[vid].tokens = validator.tokens  # unbonding cuts are outside the pool

    @rule(chain=st.sampled_from(["c-high", "c-low", "c-free"]))
    def register_chain(self, chain: str) -> None:
        policy = FeePolicy.ZERO_FEES if chain == "c-free" else FeePolicy.FEES
        tier = {"c-high": 5, "c-low": 1, "c-free": 3}[chain]
        try:
            self.net.chain.register_chain("payer", chain, tier, 2, policy, self.epoch)
        except ContractError:
            assert chain in self.net.chain.chains

    @precondition(lambda self: self.net.chain.chains)
    @rule(data=st.data(), amount=st.integers(1, 10**12))
    def pay_fees(self, data: st.DataObject, amount: int) -> None:
        chain = data.draw(st.sampled_from(sorted(self.net.chain.chains)))
        try:
            self.net.chain.pay_fees("payer", chain, amount, self.epoch)
        except ContractError:
            assert chain == "c-free"

    @rule(n=st.integers(1, 3))
    def advance(self, n: int) -> None:
        for _ in range(n):
            minted = self.net.ledger.minted
            fees = dict(self.net.chain.fees)
            committees = {k: list(v) for k, v in self.net.chain.committees.items()}
            self.net.advance_epoch(SYSTEM, seed(self.epoch + 1))
            self.oracle.end_epoch(self.net.ledger.minted - minted, fees, committees)

    @precondition(lambda self: self.net.chain.validators)
    @rule(data=st.data(), holder=st.sampled_from(DELEGATORS))
    def claim(self, data: st.DataObject, holder: str) -> None:
        vid = data.draw(st.sampled_from(sorted(self.net.chain.validators)))
        try:
            paid = self.net.chain.claim_rewards(holder, vid, self.epoch)
        except ContractError:
            assert holder not in self.net.chain.validators[vid].rewards.positions
            return
        self.claimed[(holder, vid)] = self.claimed.get((holder, vid), 0) + paid

    @rule(option=st.sampled_from(list(Option)))
    def propose_and_vote(self, option: Option) -> None:
        try:
            pid = self.net.governance.submit(
                "del-2", {"ASMB_INFLATION_RATE": Fraction(7, 100)}, 10**10, self.epoch
            )
        except ContractError:
            return
        for voter in OPERATORS + DELEGATORS:
            with contextlib.suppress(ContractError):
                self.net.governance.vote(voter, pid, option, self.epoch)

    @rule(data=st.data())
    def hostile(self, data: st.DataObject) -> None:
        refuse_hostile(data, self.net, "assembly")

    @rule(
        ahead=st.sampled_from([1, 2, 2**32 - 1]),
        protected=st.sampled_from([BONDED_POOL, UNBONDING_POOL, REWARDS_POOL, DEPOSITS, COMMUNITY]),
    )
    def far_future_protected_and_wrong_caller(self, ahead: int, protected: str) -> None:
        """A call for a later epoch, a module account as sender or recipient, an epoch change
        not by the system: refused, nothing changes."""
        epoch = min(self.epoch + ahead, 2**32 - 1)
        before = fingerprint(self.net)
        with pytest.raises(InvalidDay):
            self.net.chain.withdraw_unbonded("del-1", epoch)
        with pytest.raises(ProtectedAccount):
            self.net.ledger.transfer(protected, "del-1", 1)
        with pytest.raises(ProtectedAccount):
            self.net.ledger.transfer("del-1", protected, 1)
        with pytest.raises(ProtectedAccount):
            self.net.governance.submit(protected, {"ASMB_INFLATION_RATE": 0}, 10**10, self.epoch)
        with pytest.raises(Unauthorized):
            self.net.advance_epoch("del-1", seed(self.epoch + 1))
        with pytest.raises(Unauthorized):
            self.net.advance_epoch(SLASHING_AUTHORITY, seed(self.epoch + 1))
        assert fingerprint(self.net) == before

    @invariant()
    def payouts_match_the_naive_oracle(self) -> None:
        for (holder, vid), exact in list(self.oracle.exact.items()):
            validator = self.net.chain.validators[vid]
            if not self.oracle.pools[vid].active_status:
                continue
            paid = self.claimed.get((holder, vid), 0) + validator.rewards.claimable(holder)
            entitled = int(exact)
            assert entitled - 2 <= paid <= entitled, (holder, vid, paid, entitled)

    @invariant()
    def catalog_holds(self) -> None:
        assert_invariants(self.net)
        assert_invariants(self.net.chain)
        assert_invariants(self.net.ledger)
        assert_invariants(self.net.params)
        assert_invariants(self.net.governance)
        for validator in self.net.chain.validators.values():
            assert_invariants(validator.rewards)


TestNetworkMachine = pytest.mark.invariant(
    "ASMB-SUPPLY-01",
    "ASMB-SUPPLY-02",
    "ROOT-BOND-01",
    "ROOT-BOND-02",
    "ROOT-REWARD-01",
    "ROOT-REWARD-02",
    "ROOT-COMMISSION-01",
    "ROOT-UNBOND-01",
    "ROOT-SLASH-01",
    "COMMITTEE-01",
    "GOV-PARAM-01",
    "GOV-PROPOSE-01",
    "GOV-TALLY-01",
    "GOV-TALLY-02",
    "GOV-EXEC-01",
)(NetworkMachine.TestCase)
