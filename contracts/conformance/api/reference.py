"""The reference implementation behind the API: its constructors and its methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contracts.accumulator import RewardAccumulator
from contracts.assembly import AssemblyNetwork
from contracts.conformance.api.catalogue import CONTRACTS
from contracts.conformance.codec import integer
from contracts.errors import InvalidInput
from contracts.iota.system import IotaStaking
from contracts.participation.ballot import BallotEvent
from contracts.participation.event import parse_event
from contracts.postlaunch import PostLaunchDistribution
from contracts.prelaunch import PrelaunchStaking
from contracts.smr_staking import SmrStaking


def _balances(value: Any) -> Any:
    """Balances from JSON: big integers arrive as decimal strings. Anything that is not an
    object is passed on for the constructor's domain to refuse."""
    if not isinstance(value, dict):
        return value
    return {k: integer(v) if isinstance(v, str) else v for k, v in value.items()}


def _validators(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [
        [integer(x) if isinstance(x, str) and i else x for i, x in enumerate(entry)]
        if isinstance(entry, list)
        else entry
        for entry in value
    ]


def create_reference(contract: str, args: dict[str, Any]) -> Any:
    """A fresh reference instance of ``contract`` from its JSON constructor arguments.

    Every argument the API declares for the constructor must be present (``balances`` of the
    Assembly may be null: the specification's genesis allocation); nothing else may be.
    """
    api = CONTRACTS.get(contract) if isinstance(contract, str) else None
    if api is None:
        raise InvalidInput(f"unknown contract {contract!r}")
    if not isinstance(args, dict):
        raise InvalidInput(f"{contract}: constructor arguments must be an object")
    declared = {p.name for p in api.create_params}
    unknown = set(args) - declared
    missing = declared - set(args)
    if unknown or missing:
        raise InvalidInput(
            f"{contract}: constructor arguments must be exactly {sorted(declared)}"
            f" (unknown {sorted(unknown)}, missing {sorted(missing)})"
        )
    try:
        if contract == "participation-staking":
            return PrelaunchStaking(parse_event(args["event"]))
        if contract == "participation-ballot":
            return BallotEvent(parse_event(args["event"]))
        if contract == "reward-accumulator":
            return RewardAccumulator()
        if contract == "postlaunch":
            return PostLaunchDistribution(integer(args["phaseOneTotal"]))
        if contract == "smr-staking":
            return SmrStaking(_balances(args["genesis"]))
        if contract == "assembly":
            return AssemblyNetwork(_balances(args["balances"]))
        return IotaStaking.genesis(
            _balances(args["balances"]), _validators(args["validators"]), args["protocol"]
        )
    except ValueError as error:
        raise InvalidInput(f"{contract}: bad constructor arguments ({error})") from None


def resolve(instance: Any, method: str) -> Callable[..., Any]:
    """The bound method at a dotted path (``chain.delegate``)."""
    target = instance
    *path, name = method.split(".")
    for attribute in path:
        target = getattr(target, attribute)
    function: Callable[..., Any] = getattr(target, name)
    return function
