"""The API covers every public method of every contract, and the reference satisfies the
contracts' Protocols (checked by ``mypy --strict``, which reads the assignments below)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from contracts.accumulator import RewardAccumulator
from contracts.assembly import AssemblyNetwork
from contracts.conformance.api import CONTRACTS, KINDS, create_reference
from contracts.conformance.scenarios import SCENARIOS
from contracts.interfaces import (
    PROTOCOLS,
    AssemblyApi,
    BallotEventApi,
    IotaStakingApi,
    PostLaunchApi,
    RewardAccumulatorApi,
    SmrStakingApi,
    StakingEventApi,
)
from contracts.iota.system import IotaStaking
from contracts.participation.ballot import BallotEvent
from contracts.postlaunch import PostLaunchDistribution
from contracts.prelaunch import PrelaunchStaking
from contracts.smr_staking import SmrStaking
from tests.participation_helpers import load_event, small_event


def test_reference_satisfies_the_protocols() -> None:
    """Typed assignments: ``mypy --strict`` fails if a reference contract drifts from its
    Protocol; at run time each instance has every method the Protocol lists."""
    staking: StakingEventApi = PrelaunchStaking(small_event())
    ballot: BallotEventApi = BallotEvent(load_event("governance_01"))
    accumulator: RewardAccumulatorApi = RewardAccumulator()
    postlaunch: PostLaunchApi = PostLaunchDistribution(0)
    smr: SmrStakingApi = SmrStaking({"a": 1})
    network: AssemblyApi = AssemblyNetwork()
    iota: IotaStakingApi = IotaStaking.genesis({}, [("v", 10**9, 0)])
    for instance, protocol in [
        (staking, StakingEventApi),
        (ballot, BallotEventApi),
        (accumulator, RewardAccumulatorApi),
        (postlaunch, PostLaunchApi),
        (smr, SmrStakingApi),
        (network, AssemblyApi),
        (iota, IotaStakingApi),
    ]:
        for name in _protocol_methods(protocol):
            assert callable(getattr(instance, name)) or hasattr(instance, name), name


def _protocol_methods(protocol: type) -> list[str]:
    return [n for n in dir(protocol) if not n.startswith("_")]


def _public_methods(instance: Any, prefix: str = "") -> set[str]:
    names = set()
    for name, member in inspect.getmembers(type(instance)):
        if name.startswith("_") or isinstance(member, property) or not callable(member):
            continue
        if "ǁ" in name:
            continue  # a mutation-testing trampoline's copy of a method, not part of the API
        if inspect.isclass(member):
            continue
        names.add(prefix + name)
    return names


INSTANCE_ARGS = {s.contract: s.create for s in reversed(SCENARIOS)}


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_public_method_is_an_operation_or_declared_internal(contract: str) -> None:
    api = CONTRACTS[contract]
    instance = create_reference(contract, INSTANCE_ARGS[contract])
    public = _public_methods(instance)
    if contract == "assembly":
        for part in ("chain", "governance", "ledger", "params"):
            public |= _public_methods(getattr(instance, part), f"{part}.")
    covered = {op.method for op in api.operations.values()} | set(api.internal)
    covered |= {"state"} | {f"{part}.state" for part in ("chain", "governance", "ledger", "params")}
    assert public - covered == set()
    assert {op.method for op in api.operations.values()} - public == set()


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_operation_is_in_the_protocol(contract: str) -> None:
    protocol = PROTOCOLS[contract]
    for operation in CONTRACTS[contract].operations.values():
        head, _, method = operation.method.rpartition(".")
        if head:
            # Methods of the network's parts are on their own protocols.
            hints = inspect.get_annotations(protocol.__dict__[head].fget, eval_str=True)
            assert method in dir(hints["return"]), operation.method
        else:
            assert method in dir(protocol), operation.method


def test_every_operation_is_exercised_by_a_scenario() -> None:
    used = {(s.contract, step.operation) for s in SCENARIOS for step in s.steps}
    declared = {(api.name, name) for api in CONTRACTS.values() for name in api.operations}
    assert declared - used == set()


def test_every_parameter_kind_is_documented() -> None:
    used = {
        param.kind
        for api in CONTRACTS.values()
        for params in [api.create_params, *(op.params for op in api.operations.values())]
        for param in params
    }
    assert used <= set(KINDS)
