"""The thresholds the rules name, and how far a vector step is from each.

A :class:`Boundary` is one threshold of one contract: the last staking day, the quorum, the
evidence age limit … Its ``offsets`` say, for one step of a vector (its arguments, the
normative states before and after it, its expected outcome), how far the step is from the
threshold in the rule's own unit -- a day, an epoch, a µASMB of votes, a nano of stake: 0 is
exactly at it, −1 and +1 one unit either side. A step is counted only when its outcome is a
success or the rule's own code (a call refused for another reason does not test the rule).

The suite's strength test (``tests/conformance/test_vector_strength.py``) requires every
boundary to be hit at −1, 0 and +1 by the published vectors; the implementers page lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

from contracts.conformance.codec import integer
from contracts.conformance.statediff import apply
from contracts.prelaunch import PRELAUNCH_CAP
from spec import parameters

JSON = Any
U64_MAX: Final = 2**64 - 1


@dataclass(frozen=True)
class Step:
    """One step of a case, with what surrounds it."""

    create: JSON
    operation: str
    args: JSON
    expect: JSON
    before: JSON
    after: JSON


Offsets = Callable[[Step], Iterable[Fraction | int]]


@dataclass(frozen=True)
class Boundary:
    contract: str
    name: str
    rule: str
    operations: tuple[str, ...]
    offsets: Offsets
    #: The code a step one unit on the wrong side answers ("" when the rule refuses nothing).
    code: str = ""

    def counted(self, step: Step) -> bool:
        if step.operation not in self.operations:
            return False
        if "result" in step.expect:
            return True
        return bool(self.code) and step.expect["error"]["code"] == self.code


def steps(case: JSON) -> Iterator[Step]:
    """Every step of ``case`` with the states before and after it (none for a refused
    constructor: its only step is the constructor itself, operation ``create``)."""
    create = case["create"]
    if "initialState" not in case:
        yield Step(create, "create", create, case["createExpect"], None, None)
        return
    yield Step(create, "create", create, case["createExpect"], None, case["initialState"])
    state = case["initialState"]
    for step in case["steps"]:
        after = apply(state, step["changes"])
        yield Step(create, step["operation"], step["args"], step["expect"], state, after)
        state = after


def _int(value: Any) -> int:
    return integer(value)


def _p(name: str) -> int:
    return parameters.integer(name)


def _f(name: str) -> Fraction:
    return parameters.ratio(name)


# ----------------------------------------------------------------------------- participation


def _event(step: Step) -> JSON:
    return step.create.get("event") or {}


def _milestone_from(field: str, argument: str) -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        value = step.args.get(argument)
        if isinstance(value, int) and field in _event(step):
            yield value - int(_event(step)[field])

    return offsets


def _minimum(step: Step) -> Iterable[int]:
    minimum = int(_event(step).get("payload", {}).get("requiredMinimumRewards", 0))
    if minimum and isinstance(step.expect.get("result"), dict):
        for reward in step.expect["result"].values():
            yield _int(reward) - minimum


def _participation(contract: str) -> list[Boundary]:
    window = "OUTSIDE_WINDOW"
    found = [
        Boundary(
            contract,
            "booking after commence",
            "an output is tracked when booked at commence < m ≤ end",
            ("book",),
            _milestone_from("milestoneIndexCommence", "milestone"),
            window,
        ),
        Boundary(
            contract,
            "booking up to the end",
            "an output is tracked when booked at commence < m ≤ end",
            ("book",),
            _milestone_from("milestoneIndexEnd", "milestone"),
            window,
        ),
    ]
    query = "results" if contract == "participation-staking" else "status"
    found += [
        Boundary(
            contract,
            "counting after the start",
            "milestones start < m ≤ end are counted",
            (query,),
            _milestone_from("milestoneIndexStart", "at"),
        ),
        Boundary(
            contract,
            "counting up to the end",
            "milestones start < m ≤ end are counted; later ones are clamped to the end",
            (query,),
            _milestone_from("milestoneIndexEnd", "at"),
        ),
    ]
    if contract == "participation-staking":
        found.append(
            Boundary(
                contract,
                "the minimum rewards",
                "an address is listed when its rewards reach requiredMinimumRewards",
                ("rewardsByAddress",),
                _minimum,
            )
        )
    return found


# ----------------------------------------------------------------------------- reward streams


def _accumulator(state: JSON) -> JSON:
    return state if "totalActive" in state else state["rewards"]


def _unstake_held(step: Step) -> Iterable[int]:
    holders = _accumulator(step.before)["holders"]
    holder = holders.get(step.args.get("holder"))
    if holder is not None:
        yield _int(step.args["amount"]) - _int(holder["active"]) - _int(holder["pending"])


def _total_stake_width(step: Step) -> Iterable[int]:
    rewards = _accumulator(step.before)
    total = _int(rewards["totalActive"]) + _int(rewards["totalPending"])
    yield total + _int(step.args["amount"]) - U64_MAX


def _offered_width(step: Step) -> Iterable[int]:
    yield _int(_accumulator(step.before)["offered"]) + _int(step.args["amount"]) - U64_MAX


def _day_minus(last: int, argument: str = "day") -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        value = step.args.get(argument)
        if isinstance(value, int):
            yield value - last

    return offsets


def _phase_one(step: Step) -> Iterable[int]:
    value = step.create.get("phaseOneTotal")
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            yield _int(value) - PRELAUNCH_CAP
        except ValueError:
            return


def _epochs_per_call(step: Step) -> Iterable[int]:
    epoch = step.args.get("epoch")
    if isinstance(epoch, int):
        yield epoch - step.before["epoch"] - _p("SMR_MAX_EPOCHS_PER_CALL")


def _balance(step: Step) -> Iterable[int]:
    balances = step.before["balances"]
    holder = step.args.get("holder")
    if holder in balances:
        yield _int(step.args["amount"]) - _int(balances[holder])


def _rewards() -> list[Boundary]:
    accumulator = "reward-accumulator"
    return [
        Boundary(
            accumulator,
            "unstaking all of a stake",
            "unstake at most the holder's active and pending stake",
            ("unstake",),
            _unstake_held,
            "INSUFFICIENT_STAKE",
        ),
        Boundary(
            accumulator,
            "the total stake at 2⁶⁴ − 1",
            "the total stake fits in u64 (WIDTH-01)",
            ("stake",),
            _total_stake_width,
            "WIDTH_EXCEEDED",
        ),
        Boundary(
            accumulator,
            "the rewards offered at 2⁶⁴ − 1",
            "the rewards offered fit in u64 (WIDTH-01)",
            ("distribute",),
            _offered_width,
            "WIDTH_EXCEEDED",
        ),
        Boundary(
            "postlaunch",
            "the last staking day",
            "stake is added on days 1 … 639 (POSTLAUNCH_DAYS)",
            ("stake",),
            _day_minus(_p("POSTLAUNCH_DAYS")),
            "INVALID_DAY",
        ),
        Boundary(
            "postlaunch",
            "the last day paid",
            "day 639 is paid when day 640 begins, and nothing after it",
            ("advanceTo",),
            _day_minus(_p("POSTLAUNCH_DAYS")),
        ),
        Boundary(
            "postlaunch",
            "the maximum of phase one",
            "D1 ≤ 8 B ASMB (the seed's 8 % of the supply)",
            ("create",),
            _phase_one,
            "ALLOCATION_EXCEEDED",
        ),
        Boundary(
            "postlaunch",
            "the total stake at 2⁶⁴ − 1",
            "the total stake fits in u64",
            ("stake",),
            _total_stake_width,
            "WIDTH_EXCEEDED",
        ),
        Boundary(
            "smr-staking",
            "the end of a year",
            "each year's 8 % is taken of the supply at its start (SMR_EPOCHS_PER_YEAR)",
            ("advanceTo",),
            _day_minus(_p("SMR_EPOCHS_PER_YEAR"), "epoch"),
        ),
        Boundary(
            "smr-staking",
            "epochs per call",
            "one call ends at most SMR_MAX_EPOCHS_PER_CALL epochs",
            ("advanceTo",),
            _epochs_per_call,
            "INVALID_DAY",
        ),
        Boundary(
            "smr-staking",
            "staking a whole balance",
            "stake at most the holder's balance",
            ("stake",),
            _balance,
            "INSUFFICIENT_BALANCE",
        ),
    ]


# ----------------------------------------------------------------------------- root chain


def _tallied(step: Step) -> Iterator[JSON]:
    """The proposals the step tallied (voting before it, not after)."""
    before = {p["id"]: p for p in step.before["governance"]["proposals"]}
    for proposal in step.after["governance"]["proposals"]:
        if before.get(proposal["id"], {}).get("status") == "voting" and proposal["tally"]:
            yield proposal


def _bonded(state: JSON) -> int:
    return sum(
        _int(v["tokens"]) for v in state["chain"]["validators"].values() if v["status"] == "active"
    )


def _yes_share(step: Step) -> Iterable[Fraction]:
    for proposal in _tallied(step):
        tally = {k: _int(v) for k, v in proposal["tally"].items()}
        rest = tally["no"] + tally["no-with-veto"]  # yes / (yes + rest) = t at yes = t·rest/(1 − t)
        yield tally["yes"] - _f("GOV_THRESHOLD") * rest / (1 - _f("GOV_THRESHOLD"))


def _quorum(step: Step) -> Iterable[Fraction]:
    bonded = _bonded(step.before)
    for proposal in _tallied(step):
        yield sum(_int(v) for v in proposal["tally"].values()) - _f("GOV_QUORUM") * bonded


def _veto(step: Step) -> Iterable[Fraction]:
    for proposal in _tallied(step):
        tally = {k: _int(v) for k, v in proposal["tally"].items()}
        yield tally["no-with-veto"] - _f("GOV_VETO_THRESHOLD") * sum(tally.values())


def _argument_minus(argument: str, threshold: int) -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        value = step.args.get(argument)
        if isinstance(value, int | str) and not isinstance(value, bool):
            try:
                yield _int(value) - threshold
            except ValueError:
                return

    return offsets


def _maturity(step: Step) -> Iterable[int]:
    for owner, _validator, _amount, _created, matures in step.before["chain"]["unbonding"]:
        if owner == step.args.get("holder"):
            yield step.args["epoch"] - matures


def _evidence_age(step: Step) -> Iterable[int]:
    evidence = step.args.get("evidence")
    epoch = step.args.get("epoch")
    if (
        isinstance(evidence, dict)
        and isinstance(epoch, int)
        and isinstance(evidence.get("offenceEpoch"), int)
    ):
        oldest = epoch - _p("ASMB_UNBONDING_EPOCHS")
        if oldest >= 0:
            yield oldest - evidence["offenceEpoch"]


def _voting_end(step: Step) -> Iterable[int]:
    for proposal in step.before["governance"]["proposals"]:
        if proposal["id"] == step.args.get("proposalId"):
            yield step.args["epoch"] - proposal["votingEnd"]


def _basis_points(name: str) -> int:
    return int(_f(name) * 10_000)


def _assembly() -> list[Boundary]:
    contract = "assembly"
    return [
        Boundary(
            contract,
            "a yes share of one half",
            "passed when yes exceeds GOV_THRESHOLD of the non-abstaining votes (µASMB of yes)",
            ("advanceEpoch",),
            _yes_share,
        ),
        Boundary(
            contract,
            "the quorum",
            "rejected unless the votes reach GOV_QUORUM of the bonded stake (µASMB of votes)",
            ("advanceEpoch",),
            _quorum,
        ),
        Boundary(
            contract,
            "the veto threshold",
            "vetoed when no-with-veto exceeds GOV_VETO_THRESHOLD of the votes (µASMB of veto)",
            ("advanceEpoch",),
            _veto,
        ),
        Boundary(
            contract,
            "the minimum bond",
            "a validator bonds at least ASMB_MIN_VALIDATOR_BOND",
            ("registerValidator",),
            _argument_minus("bond", _p("ASMB_MIN_VALIDATOR_BOND")),
            "BOND_BELOW_MINIMUM",
        ),
        Boundary(
            contract,
            "the maximum commission",
            "a commission is at most ASMB_MAX_COMMISSION",
            ("registerValidator", "setCommission"),
            lambda step: _argument_minus(
                "commissionBp" if step.operation == "registerValidator" else "rateBp",
                _basis_points("ASMB_MAX_COMMISSION"),
            )(step),
            "COMMISSION_OUT_OF_BOUNDS",
        ),
        Boundary(
            contract,
            "unbonding maturity",
            "an unbonding entry is paid from its maturity epoch (ASMB_UNBONDING_EPOCHS)",
            ("withdrawUnbonded",),
            _maturity,
            "NOTHING_TO_WITHDRAW",
        ),
        Boundary(
            contract,
            "the evidence age limit",
            "an offence at most ASMB_UNBONDING_EPOCHS old is slashed (epochs too old)",
            ("slash",),
            _evidence_age,
            "INVALID_EVIDENCE",
        ),
        Boundary(
            contract,
            "the last voting epoch",
            "votes count during GOV_VOTING_EPOCHS epochs from submission",
            ("vote",),
            _voting_end,
            "VOTING_CLOSED",
        ),
        Boundary(
            contract,
            "the minimum deposit",
            "a proposal deposits at least GOV_MIN_DEPOSIT",
            ("submitProposal",),
            _argument_minus("deposit", _p("GOV_MIN_DEPOSIT")),
            "DEPOSIT_TOO_SMALL",
        ),
    ]


# ----------------------------------------------------------------------------- IOTA


def _pool_stake(state: JSON, address: str) -> int | None:
    validator = state["validators"].get(address)
    if validator is None:
        return None
    pool = validator["pool"]
    return _int(pool["iotaBalance"]) + _int(pool["pendingStake"])


def _joining(step: Step) -> Iterable[int]:
    stake = _pool_stake(step.before, step.args.get("validator", ""))
    if stake is not None:
        yield stake - _p("IOTA_MIN_VALIDATOR_JOINING_STAKE")


def _threshold_after_epoch(name: str) -> Offsets:
    def offsets(step: Step) -> Iterable[int]:
        for address in step.before["active"]:
            pool = step.after["validators"][address]["pool"]
            yield _int(pool["iotaBalance"]) - _p(name)

    return offsets


def _grace(step: Step) -> Iterable[int]:
    """Epochs at risk, counting this epoch change, less the grace period: a validator leaves
    at +1 (a validator below the very-low threshold leaves at once and is not counted)."""
    grace = _p("IOTA_LOW_STAKE_GRACE_PERIOD")
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
        yield after + 1 - _p("IOTA_MAX_VALIDATOR_COUNT")
    elif step.args.get("validator") in state["active"]:
        yield _p("IOTA_MIN_VALIDATOR_COUNT") - (after - 1)


def _report_quorum(step: Step) -> Iterable[int]:
    powers = {a: v["votingPower"] for a, v in step.before["validators"].items()}
    for reporters in step.before["reports"].values():
        yield sum(powers.get(r, 0) for r in reporters) - _p("IOTA_QUORUM_THRESHOLD")


def _iota() -> list[Boundary]:
    contract = "iota-staking"
    return [
        Boundary(
            contract,
            "the minimum stake",
            "a stake is at least IOTA_MIN_STAKE (1 IOTA)",
            ("requestAddStake",),
            _argument_minus("amount", _p("IOTA_MIN_STAKE")),
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
            _argument_minus("rateBp", _basis_points("IOTA_MAX_COMMISSION")),
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


BOUNDARIES: Final[tuple[Boundary, ...]] = (
    *_participation("participation-staking"),
    *_participation("participation-ballot"),
    *_rewards(),
    *_assembly(),
    *_iota(),
)
