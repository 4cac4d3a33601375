"""Checkers of the invariant catalog over contract state.

Each state invariant of :mod:`spec.invariants` has one or more checkers here or in the contract
module it concerns, registered with :func:`checker` for the contract type it inspects. A checker
returns the list of violations it finds (empty when the invariant holds). The stateful tests call
:func:`violations` after every step, so every applicable invariant is checked on every state the
tests reach.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

Checker = Callable[[Any], list[str]]
F = TypeVar("F", bound=Checker)

_REGISTRY: list[tuple[str, type, Checker]] = []

#: The modules that register checkers (imported on first use).
CONTRACT_MODULES = (
    "contracts.accumulator",
    "contracts.participation.tracking",
    "contracts.participation.staking",
    "contracts.participation.ballot",
    "contracts.prelaunch",
    "contracts.shimmer_genesis",
    "contracts.postlaunch",
    "contracts.smr_staking",
    "contracts.ledger",
    "contracts.params",
    "contracts.root_chain",
    "contracts.governance",
    "contracts.assembly",
    "contracts.iota.checks",
)


def checker(invariant_id: str, contract_type: type) -> Callable[[F], F]:
    """Register ``function`` as a checker of ``invariant_id`` over ``contract_type`` state."""

    def register(function: F) -> F:
        _REGISTRY.append((invariant_id, contract_type, function))
        return function

    return register


def _load() -> None:
    for module in CONTRACT_MODULES:
        importlib.import_module(module)


def checked_ids() -> set[str]:
    """Ids of every invariant that has at least one registered checker."""
    _load()
    return {invariant_id for invariant_id, _, _ in _REGISTRY}


def violations(contract: object) -> list[str]:
    """Run every checker that applies to ``contract``; return ``"ID: message"`` per violation."""
    _load()
    found: list[str] = []
    for invariant_id, contract_type, function in _REGISTRY:
        if isinstance(contract, contract_type):
            found.extend(f"{invariant_id}: {message}" for message in function(contract))
    return found


def components(contract: object) -> list[object]:
    """``contract`` and every object reachable from it that some checker applies to (a network's
    ledger, parameters, governance, each validator's accumulator …), each once."""
    _load()
    types = tuple({contract_type for _, contract_type, _ in _REGISTRY})
    found: list[object] = []
    seen: set[int] = set()
    pending: list[object] = [contract]
    while pending:
        item = pending.pop()
        if id(item) in seen or item is None or isinstance(item, str | int | bytes | float):
            continue
        seen.add(id(item))
        if isinstance(item, types):
            found.append(item)
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            pending.extend(item)
        elif hasattr(item, "__dict__") and not isinstance(item, type):
            pending.extend(vars(item).values())
    return found


def all_violations(contract: object) -> list[str]:
    """:func:`violations` of ``contract`` and of every component reachable from it."""
    return [found for part in components(contract) for found in violations(part)]


def assert_invariants(contract: object) -> None:
    """Raise ``AssertionError`` listing every violated invariant (for tests)."""
    found = violations(contract)
    if found:
        raise AssertionError("; ".join(found))
