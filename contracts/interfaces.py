"""The contracts' interfaces as ``typing.Protocol`` classes.

Each protocol lists the calls of one contract -- arguments, results, and (in the docstrings of
the reference) the typed errors with their stable codes -- and its normative ``state``. The
reference contracts satisfy them under ``mypy --strict`` (``tests/conformance/test_api.py``), and
so must any Python implementation plugged into the conformance suite.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Protocol

from contracts.committees import FeePolicy
from contracts.governance import Option
from contracts.root_chain import Evidence

JSON = dict[str, Any]


class Observable(Protocol):
    def state(self) -> JSON: ...


class StakingEventApi(Observable, Protocol):
    def book(
        self,
        output_id: str,
        address: str,
        amount: int,
        milestone: int,
        answers: tuple[int, ...] = (),
    ) -> None: ...

    def spend(self, output_id: str, milestone: int) -> None: ...

    def reward_of(self, output_id: str, at: int | None = None) -> int: ...

    def rewards_by_address(self, at: int | None = None) -> dict[str, int]: ...

    def results(self, at: int | None = None) -> Any: ...

    def seed_results(self, at: int | None = None) -> Any: ...


class BallotEventApi(Observable, Protocol):
    def book(
        self,
        output_id: str,
        address: str,
        amount: int,
        milestone: int,
        answers: tuple[int, ...] = (),
    ) -> None: ...

    def spend(self, output_id: str, milestone: int) -> None: ...

    def status(self, at: int | None = None) -> Any: ...


class RewardAccumulatorApi(Observable, Protocol):
    def stake(self, holder: str, amount: int) -> None: ...

    def unstake(self, holder: str, amount: int) -> None: ...

    def distribute(self, amount: int) -> None: ...

    def close_period(self) -> None: ...

    def claim(self, holder: str) -> int: ...

    def claimable(self, holder: str) -> int: ...

    def stake_of(self, holder: str) -> tuple[int, int]: ...


class PostLaunchApi(Observable, Protocol):
    def stake(self, holder: str, amount: int, day: int) -> None: ...

    def unstake(self, holder: str, amount: int, day: int) -> None: ...

    def claim(self, holder: str, day: int) -> int: ...

    def advance_to(self, caller: str, day: int) -> None: ...

    def claimable(self, holder: str) -> int: ...

    def accounting(self) -> dict[str, int]: ...

    def not_yet_offered(self) -> int: ...


class SmrStakingApi(Observable, Protocol):
    def stake(self, holder: str, amount: int, epoch: int) -> None: ...

    def unstake(self, holder: str, amount: int, epoch: int) -> None: ...

    def claim(self, holder: str, epoch: int) -> int: ...

    def advance_to(self, caller: str, epoch: int) -> None: ...

    def supply(self) -> int: ...

    def staked(self) -> int: ...

    def rewards_pool(self) -> int: ...


class RootChainApi(Protocol):
    def register_validator(
        self,
        operator: str,
        validator_id: str,
        bond: int,
        commission_bp: int,
        operational: bool,
        epoch: int,
    ) -> None: ...

    def delegate(self, holder: str, validator_id: str, amount: int, epoch: int) -> None: ...

    def undelegate(self, holder: str, validator_id: str, amount: int, epoch: int) -> None: ...

    def withdraw_unbonded(self, holder: str, epoch: int) -> int: ...

    def exit_validator(self, operator: str, validator_id: str, epoch: int) -> None: ...

    def withdraw_exited(self, holder: str, validator_id: str, epoch: int) -> int: ...

    def set_commission(
        self, operator: str, validator_id: str, rate_bp: int, epoch: int
    ) -> None: ...

    def set_operational(
        self, operator: str, validator_id: str, operational: bool, epoch: int
    ) -> None: ...

    def claim_rewards(self, holder: str, validator_id: str, epoch: int) -> int: ...

    def slash(self, caller: str, evidence: Evidence, epoch: int) -> int: ...

    def register_chain(
        self,
        owner: str,
        chain_id: str,
        tier: int,
        committee_size: int,
        fee_policy: FeePolicy,
        epoch: int,
    ) -> None: ...

    def pay_fees(self, payer: str, chain_id: str, amount: int, epoch: int) -> None: ...

    def bonded_value(self, holder: str) -> int: ...

    def total_bonded(self) -> int: ...

    def eligible_weights(self) -> dict[str, int]: ...


class GovernanceApi(Protocol):
    def submit(
        self, proposer: str, changes: Mapping[str, Fraction | int], deposit: int, epoch: int
    ) -> int: ...

    def vote(self, voter: str, proposal_id: int, option: Option, epoch: int) -> None: ...


class LedgerApi(Protocol):
    def transfer(self, sender: str, recipient: str, amount: int) -> None: ...

    def balance(self, account: str) -> int: ...

    def supply(self) -> int: ...


class AssemblyApi(Observable, Protocol):
    @property
    def chain(self) -> RootChainApi: ...

    @property
    def governance(self) -> GovernanceApi: ...

    @property
    def ledger(self) -> LedgerApi: ...

    def advance_epoch(self, caller: str, seed: bytes) -> None: ...


class IotaStakingApi(Observable, Protocol):
    def request_add_stake(self, staker: str, validator: str, amount: int, epoch: int) -> int: ...

    def request_withdraw_stake(self, staker: str, staked_id: int, epoch: int) -> int: ...

    def split_staked_iota(self, staker: str, staked_id: int, amount: int, epoch: int) -> int: ...

    def join_staked_iota(self, staker: str, staked_id: int, other_id: int, epoch: int) -> None: ...

    def request_add_validator_candidate(
        self, validator: str, commission_bp: int, epoch: int
    ) -> None: ...

    def request_add_validator(self, validator: str, epoch: int) -> None: ...

    def request_set_commission_rate(self, validator: str, rate_bp: int, epoch: int) -> None: ...

    def report_validator(self, reporter: str, reportee: str, epoch: int) -> None: ...

    def undo_report_validator(self, reporter: str, reportee: str, epoch: int) -> None: ...

    def request_remove_validator(self, validator: str, epoch: int) -> None: ...

    def pay_gas(self, payer: str, computation_fee: int, tip: int, epoch: int) -> None: ...

    def advance_epoch(self, caller: str) -> Any: ...

    def supply(self) -> int: ...

    def slashed_validators(self) -> frozenset[str]: ...


#: The protocol each contract of the conformance API implements.
PROTOCOLS: dict[str, type] = {
    "participation-staking": StakingEventApi,
    "participation-ballot": BallotEventApi,
    "reward-accumulator": RewardAccumulatorApi,
    "postlaunch": PostLaunchApi,
    "smr-staking": SmrStakingApi,
    "assembly": AssemblyApi,
    "iota-staking": IotaStakingApi,
}
