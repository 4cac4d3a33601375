"""The thresholds of validator staking on today's IOTA network."""

from __future__ import annotations

from collections.abc import Iterable

from contracts.conformance.boundaries.base import (
    JSON,
    Boundary,
    Offsets,
    Step,
    argument_minus,
    as_int,
    basis_points,
    parameter,
)


def _pool_stake(state: JSON, address: str) -> int | None:
    validator = state["validators"].get(address)
    if validator is None:
        return None
    pool = validator["pool"]
    return as_int(pool["iotaBalance"]) + as_int(pool["pendingStake"])


def _joining(step: Step) -> Iterable[int]:
    stake = _pool_stake(step.before, step.args.get("validator", ""))
    if stake is not None:
        yield stake - parameter("IOTA_MIN_VALIDATOR_JOINING_STAKE")


def _threshold_after_epoch(name: str) -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        for address in step.before["active"]:
            pool = step.after["validators"][address]["pool"]
            yield as_int(pool["iotaBalance"]) - parameter(name)

    return offsets


def _grace(step: Step) -> Iterable[int]:
    """Epochs at risk, counting this epoch change, less the grace period: a validator leaves
    at +1 (a validator below the very-low threshold leaves at once and is not counted)."""
    grace = parameter("IOTA_LOW_STAKE_GRACE_PERIOD")
    for address in step.before["active"]:
        before, after = step.before["validators"][address], step.after["validators"][address]
        if after["lowStakeEpochs"]:
            yield after["lowStakeEpochs"] - grace
        elif after["status"] == "inactive" and before["lowStakeEpochs"] == grace:
            yield 1


def _set_size(step: Step) -> Iterable[int]:
    state = step.before
    leaving = sum(1 for a in state["active"] if state["validators"][a]["leaving"])
    after = len(state["active"]) - leaving + len(state["pendingActive"])
    if step.operation == "requestAddValidator":
        yield after + 1 - parameter("IOTA_MAX_VALIDATOR_COUNT")
    elif step.args.get("validator") in state["active"]:
        yield parameter("IOTA_MIN_VALIDATOR_COUNT") - (after - 1)


def _report_quorum(step: Step) -> Iterable[int]:
    powers = {a: v["votingPower"] for a, v in step.before["validators"].items()}
    for reporters in step.before["reports"].values():
        yield sum(powers.get(r, 0) for r in reporters) - parameter("IOTA_QUORUM_THRESHOLD")


def iota_boundaries() -> list[Boundary]:
    contract = "iota-staking"
    return [
        Boundary(
            contract,
            "the minimum stake",
            "a stake is at least IOTA_MIN_STAKE (1 IOTA)",
            ("requestAddStake",),
            argument_minus("amount", parameter("IOTA_MIN_STAKE")),
            "STAKE_BELOW_MINIMUM",
        ),
        Boundary(
            contract,
            "the joining stake",
            "a candidate joins holding IOTA_MIN_VALIDATOR_JOINING_STAKE",
            ("requestAddValidator",),
            _joining,
            "JOINING_STAKE_NOT_REACHED",
        ),
        Boundary(
            contract,
            "the low-stake threshold",
            "below IOTA_LOW_STAKE_THRESHOLD at an epoch change a validator is at risk",
            ("advanceEpoch",),
            _threshold_after_epoch("IOTA_LOW_STAKE_THRESHOLD"),
        ),
        Boundary(
            contract,
            "the very-low-stake threshold",
            "below IOTA_VERY_LOW_STAKE_THRESHOLD a validator leaves at once",
            ("advanceEpoch",),
            _threshold_after_epoch("IOTA_VERY_LOW_STAKE_THRESHOLD"),
        ),
        Boundary(
            contract,
            "the grace period",
            "a validator at risk for more than IOTA_LOW_STAKE_GRACE_PERIOD epochs leaves",
            ("advanceEpoch",),
            _grace,
        ),
        Boundary(
            contract,
            "the largest set",
            "at most IOTA_MAX_VALIDATOR_COUNT validators after the next epoch change",
            ("requestAddValidator",),
            _set_size,
            "VALIDATOR_SET_LIMIT",
        ),
        Boundary(
            contract,
            "the smallest set",
            "a removal leaves at least IOTA_MIN_VALIDATOR_COUNT validators",
            ("requestRemoveValidator",),
            _set_size,
            "VALIDATOR_SET_LIMIT",
        ),
        Boundary(
            contract,
            "the maximum commission",
            "a commission is at most IOTA_MAX_COMMISSION",
            ("requestSetCommissionRate",),
            argument_minus("rateBp", basis_points("IOTA_MAX_COMMISSION")),
            "COMMISSION_OUT_OF_BOUNDS",
        ),
        Boundary(
            contract,
            "the tallying-rule quorum",
            "a member reported by IOTA_QUORUM_THRESHOLD voting power loses its reward",
            ("advanceEpoch", "slashedValidators"),
            _report_quorum,
        ),
    ]
