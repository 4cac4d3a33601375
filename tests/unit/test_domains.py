"""The typed domains of the entry points: every argument of every public method has one, each
domain's fast test agrees with its full check, and a refusal names the right code."""

from __future__ import annotations

import inspect
from fractions import Fraction
from typing import Any

import pytest

from contracts.accounts import SYSTEM
from contracts.conformance.api import CONTRACTS, create_reference
from contracts.conformance.scenarios import SCENARIOS
from contracts.domains import Domain
from contracts.errors import InvalidInput
from contracts.transaction import compile_check, entry_kind, entry_signature
from tests.hostile import PROTECTED_SENDERS, WRONG_TYPES

SAMPLES: tuple[Any, ...] = (
    *WRONG_TYPES,
    *PROTECTED_SENDERS,
    SYSTEM,
    "alice",
    "",
    "two words",
    "x" * 129,
    "\ud800",
    0,
    1,
    -1,
    2**32 - 1,
    2**32,
    2**64 - 1,
    2**64,
    10_000,
    10_001,
    b"",
    b"\x01",
    b"\x00" * 65,
    "00" * 34,
    "ZZ" * 34,
    (1, 2),
    (256,),
    {"ASMB_INFLATION_RATE": Fraction(1, 20)},
    {"a": 1},
    False,
)


def entry_points() -> list[tuple[str, Any]]:
    """Every entry point of every reference contract (the network's parts included)."""
    found: dict[str, Any] = {}
    args = {s.contract: s.create for s in SCENARIOS}
    for contract in CONTRACTS:
        instance = create_reference(contract, args[contract])
        parts = [instance]
        if contract == "assembly":
            parts += [instance.chain, instance.governance, instance.ledger]
        for part in parts:
            for name, member in inspect.getmembers(type(part)):
                if entry_kind(member) is not None:
                    found[f"{type(part).__name__}.{name}"] = member
    return sorted(found.items())


ENTRY_POINTS = entry_points()


def test_there_are_entry_points_of_every_kind() -> None:
    kinds = {entry_kind(member) for _, member in ENTRY_POINTS}
    assert kinds == {"transaction", "query", "constructor"}
    assert len(ENTRY_POINTS) > 60


@pytest.mark.parametrize(("name", "member"), ENTRY_POINTS, ids=[n for n, _ in ENTRY_POINTS])
def test_every_argument_has_a_domain_whose_fast_test_agrees(name: str, member: Any) -> None:
    signature = entry_signature(member)
    assert len(signature.predicates) == len(signature.parameters)
    for parameter, predicate in zip(signature.parameters, signature.predicates, strict=True):
        assert isinstance(parameter.domain, Domain)
        inline = compile_check((parameter.domain,))  # the generated test, this domain alone
        for value in SAMPLES:
            assert predicate(value) == parameter.domain.accepts(value), (parameter, value)
            assert inline(value) == parameter.domain.accepts(value), (parameter, value)
    # The whole entry point's generated test: true exactly when every argument is accepted.
    well_formed = [
        next((v for v in SAMPLES if p.domain.accepts(v)), None) for p in signature.parameters
    ]
    if all(
        v is not None or p.domain.accepts(None)
        for v, p in zip(well_formed, signature.parameters, strict=True)
    ):
        assert signature.check(*well_formed)
        for k, parameter in enumerate(signature.parameters):
            for value in SAMPLES:
                args = [*well_formed[:k], value, *well_formed[k + 1 :]]
                assert signature.check(*args) == parameter.domain.accepts(value), (parameter, value)


def test_a_wrong_number_of_arguments_is_invalid_input() -> None:
    from contracts.postlaunch import PostLaunchDistribution

    contract = PostLaunchDistribution(0)
    with pytest.raises(InvalidInput):
        contract.stake("alice", 5)  # type: ignore[call-arg]
    with pytest.raises(InvalidInput):
        contract.stake("alice", 5, 1, 2)  # type: ignore[call-arg]
    with pytest.raises(InvalidInput):
        contract.stake("alice", 5, when=1)  # type: ignore[call-arg]


def test_a_contract_assembled_from_rule_families_names_itself_in_refusals() -> None:
    """The root chain and the IOTA system are assembled from mixins (one per rule family); a
    refusal names the contract that was called, not the mixin that holds the method."""
    from contracts.iota.system import IotaStaking
    from contracts.ledger import Ledger
    from contracts.params import ParameterStore
    from contracts.root_chain import RootChain

    chain = RootChain(Ledger(), ParameterStore())
    with pytest.raises(InvalidInput, match=r"^RootChain\.delegate: "):
        chain.delegate("alice", "v", 1)  # type: ignore[call-arg]
    system = IotaStaking.genesis({}, [("v", 10**15, 0)])
    with pytest.raises(InvalidInput, match=r"^IotaStaking\.request_add_stake: "):
        system.request_add_stake("alice", "v", 10**9)  # type: ignore[call-arg]
