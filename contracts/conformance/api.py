"""Every contract's API as data: constructor, operations, parameters, documented errors.

An implementation in any language conforms when, for the same sequence of operations, it returns
the same results and error codes and reaches the same canonical snapshots as the reference
(:mod:`contracts.conformance.drivers`). Operation and parameter names are camelCase, as on the
wire. Each parameter has a *kind*, which fixes how it is decoded from JSON and which invalid values
the bad-input sweep tries:

==============  =================================================================
``amount``      a positive integer (base units), at most 2^64 − 1
``count``       a non-negative integer
``time``        the milestone, day or epoch of the call
``opt_time``    a milestone or null (the contract's default)
``account``     an account or holder name
``authority``   the caller an authority check applies to
``ref``         the id of something that must exist (validator, chain, stake …)
``hex``         a hex string of fixed length (output ids, addresses)
``bp``          a rate in basis points
``flag``        a boolean
``enum``        one of a fixed set of strings
``bytes``       hex-encoded bytes
``bytes_list``  a list of small integers (ballot answers)
``changes``     an object of parameter id → exact value
``evidence``    slashing evidence: an object, or null
``json``        a JSON document passed through
==============  =================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from contracts.accumulator import RewardAccumulator
from contracts.assembly import AssemblyNetwork
from contracts.committees import FeePolicy
from contracts.conformance.codec import fraction, integer
from contracts.errors import InvalidInput
from contracts.governance import Option
from contracts.iota.system import IotaStaking
from contracts.participation.ballot import BallotEvent
from contracts.participation.event import parse_event
from contracts.postlaunch import PostLaunchDistribution
from contracts.prelaunch import PrelaunchStaking
from contracts.root_chain import Evidence, Severity
from contracts.smr_staking import SmrStaking


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    domain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    """One operation: its wire name, the method it calls (a dotted path) and its errors."""

    name: str
    method: str
    params: tuple[Param, ...]
    errors: frozenset[str]
    mutates: bool = True


@dataclass(frozen=True)
class ContractApi:
    name: str
    description: str
    create_params: tuple[Param, ...]
    operations: dict[str, Operation] = field(default_factory=dict)
    #: Public methods that are not operations, with the reason (hooks run by an operation, helpers).
    internal: dict[str, str] = field(default_factory=dict)


def _p(spec: str) -> tuple[Param, ...]:
    """Parameters from ``"name:kind name:kind ..."`` (``enum`` domains after ``=``)."""
    params = []
    for item in spec.split():
        name, kind = item.split(":")
        domain: tuple[str, ...] = ()
        if "=" in kind:
            kind, values = kind.split("=")
            domain = tuple(values.split("|"))
        params.append(Param(name, kind, domain))
    return tuple(params)


def _op(name: str, method: str, params: str, errors: str, *, mutates: bool = True) -> Operation:
    return Operation(name, method, _p(params), frozenset(errors.split()), mutates)


_HEX = "MALFORMED_HEX"
_TRACK = f"{_HEX} INVALID_AMOUNT INVALID_MILESTONE OUTSIDE_WINDOW DUPLICATE_OUTPUT INVALID_INPUT"
_EPOCH = "INVALID_DAY"

CONTRACTS: dict[str, ContractApi] = {
    api.name: api
    for api in [
        ContractApi(
            "participation-staking",
            "A staking event of the Chrysalis node's participation plugin.",
            _p("event:json"),
            {
                "book": _op(
                    "book", "book", "outputId:hex address:hex amount:amount milestone:time", _TRACK
                ),
                "spend": _op(
                    "spend",
                    "spend",
                    "outputId:hex milestone:time",
                    f"{_HEX} UNKNOWN_OUTPUT ALREADY_SPENT INVALID_MILESTONE",
                ),
                "rewardOf": _op(
                    "rewardOf",
                    "reward_of",
                    "outputId:hex at:opt_time",
                    f"{_HEX} UNKNOWN_OUTPUT INVALID_MILESTONE",
                    mutates=False,
                ),
                "rewardsByAddress": _op(
                    "rewardsByAddress",
                    "rewards_by_address",
                    "at:opt_time",
                    "INVALID_MILESTONE",
                    mutates=False,
                ),
                "results": _op(
                    "results",
                    "results",
                    "at:opt_time",
                    "INVALID_MILESTONE REWARD_OVERFLOW",
                    mutates=False,
                ),
                "seedResults": _op(
                    "seedResults",
                    "seed_results",
                    "at:opt_time",
                    "INVALID_MILESTONE REWARD_OVERFLOW",
                    mutates=False,
                ),
            },
        ),
        ContractApi(
            "participation-ballot",
            "A ballot (on-ledger vote) of the Chrysalis node's participation plugin.",
            _p("event:json"),
            {
                "book": _op(
                    "book",
                    "book",
                    "outputId:hex address:hex amount:amount milestone:time answers:bytes_list",
                    _TRACK,
                ),
                "spend": _op(
                    "spend",
                    "spend",
                    "outputId:hex milestone:time",
                    f"{_HEX} UNKNOWN_OUTPUT ALREADY_SPENT INVALID_MILESTONE",
                ),
                "status": _op(
                    "status", "status", "at:opt_time", "INVALID_MILESTONE", mutates=False
                ),
            },
        ),
        ContractApi(
            "reward-accumulator",
            "The reward-per-unit-of-stake accumulator shared by every pro-rata stream.",
            (),
            {
                "stake": _op("stake", "stake", "holder:account amount:amount", "INVALID_AMOUNT"),
                "unstake": _op(
                    "unstake",
                    "unstake",
                    "holder:ref amount:amount",
                    "INVALID_AMOUNT UNKNOWN_HOLDER INSUFFICIENT_STAKE",
                ),
                "distribute": _op("distribute", "distribute", "amount:count", "INVALID_AMOUNT"),
                "closePeriod": _op("closePeriod", "close_period", "", ""),
                "claim": _op("claim", "claim", "holder:ref", "UNKNOWN_HOLDER"),
                "claimable": _op("claimable", "claimable", "holder:account", "", mutates=False),
                "stakeOf": _op("stakeOf", "stake_of", "holder:account", "", mutates=False),
            },
            {
                "owed_scaled_total": "an O(holders) total for invariant checks",
                "rounding_dust": "an O(holders) total for invariant checks",
            },
        ),
        ContractApi(
            "postlaunch",
            "The seed's post-launch ASMB distribution over 639 days.",
            _p("phaseOneTotal:count"),
            {
                "stake": _op(
                    "stake",
                    "stake",
                    "holder:account amount:amount day:time",
                    "INVALID_INPUT INVALID_DAY INVALID_AMOUNT",
                ),
                "unstake": _op(
                    "unstake",
                    "unstake",
                    "holder:ref amount:amount day:time",
                    "INVALID_INPUT INVALID_DAY INVALID_AMOUNT UNKNOWN_HOLDER INSUFFICIENT_STAKE",
                ),
                "claim": _op(
                    "claim",
                    "claim",
                    "holder:ref day:time",
                    "INVALID_INPUT INVALID_DAY UNKNOWN_HOLDER",
                ),
                "advanceTo": _op("advanceTo", "advance_to", "day:time", "INVALID_DAY"),
                "claimable": _op("claimable", "claimable", "holder:account", "", mutates=False),
                "accounting": _op("accounting", "accounting", "", "", mutates=False),
                "notYetOffered": _op("notYetOffered", "not_yet_offered", "", "", mutates=False),
            },
        ),
        ContractApi(
            "smr-staking",
            "SMR staking: 8 % yearly inflation minted to SMR stakers.",
            _p("genesis:json"),
            {
                "stake": _op(
                    "stake",
                    "stake",
                    "holder:account amount:amount epoch:time",
                    "INVALID_DAY INVALID_AMOUNT INSUFFICIENT_BALANCE",
                ),
                "unstake": _op(
                    "unstake",
                    "unstake",
                    "holder:ref amount:amount epoch:time",
                    "INVALID_DAY INVALID_AMOUNT UNKNOWN_HOLDER INSUFFICIENT_STAKE",
                ),
                "claim": _op(
                    "claim", "claim", "holder:ref epoch:time", "INVALID_DAY UNKNOWN_HOLDER"
                ),
                "advanceTo": _op("advanceTo", "advance_to", "epoch:time", "INVALID_DAY"),
                "supply": _op("supply", "supply", "", "", mutates=False),
                "staked": _op("staked", "staked", "", "", mutates=False),
                "rewardsPool": _op("rewardsPool", "rewards_pool", "", "", mutates=False),
            },
        ),
        ContractApi(
            "assembly",
            "The Assembly root chain: ledger, validators, delegation, committees, governance.",
            _p("balances:json"),
            {
                "registerValidator": _op(
                    "registerValidator",
                    "chain.register_validator",
                    "operator:account validatorId:account bond:amount commissionBp:bp "
                    "operational:flag epoch:time",
                    "INVALID_DAY INVALID_INPUT DUPLICATE_VALIDATOR INVALID_AMOUNT "
                    "BOND_BELOW_MINIMUM COMMISSION_OUT_OF_BOUNDS INSUFFICIENT_BALANCE",
                ),
                "delegate": _op(
                    "delegate",
                    "chain.delegate",
                    "holder:account validatorId:ref amount:amount epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR VALIDATOR_NOT_ACCEPTING INVALID_AMOUNT "
                    "INSUFFICIENT_BALANCE INVALID_INPUT",
                ),
                "undelegate": _op(
                    "undelegate",
                    "chain.undelegate",
                    "holder:ref validatorId:ref amount:amount epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR VALIDATOR_NOT_ACCEPTING INVALID_AMOUNT "
                    "UNKNOWN_HOLDER INSUFFICIENT_STAKE BOND_BELOW_MINIMUM",
                ),
                "withdrawUnbonded": _op(
                    "withdrawUnbonded",
                    "chain.withdraw_unbonded",
                    "holder:ref epoch:time",
                    "INVALID_DAY NOTHING_TO_WITHDRAW",
                ),
                "exitValidator": _op(
                    "exitValidator",
                    "chain.exit_validator",
                    "operator:authority validatorId:ref epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR UNAUTHORIZED VALIDATOR_NOT_ACCEPTING",
                ),
                "withdrawExited": _op(
                    "withdrawExited",
                    "chain.withdraw_exited",
                    "holder:ref validatorId:ref epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR VALIDATOR_NOT_ACCEPTING UNKNOWN_HOLDER "
                    "NOTHING_TO_WITHDRAW",
                ),
                "setCommission": _op(
                    "setCommission",
                    "chain.set_commission",
                    "operator:authority validatorId:ref rateBp:bp epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR UNAUTHORIZED COMMISSION_OUT_OF_BOUNDS",
                ),
                "setOperational": _op(
                    "setOperational",
                    "chain.set_operational",
                    "operator:authority validatorId:ref operational:flag epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR UNAUTHORIZED",
                ),
                "claimRewards": _op(
                    "claimRewards",
                    "chain.claim_rewards",
                    "holder:ref validatorId:ref epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR UNKNOWN_HOLDER",
                ),
                "slash": _op(
                    "slash",
                    "chain.slash",
                    "caller:authority evidence:evidence epoch:time",
                    "INVALID_DAY UNAUTHORIZED INVALID_EVIDENCE UNKNOWN_VALIDATOR",
                ),
                "registerChain": _op(
                    "registerChain",
                    "chain.register_chain",
                    "owner:account chainId:account tier:count committeeSize:count "
                    "feePolicy:enum=fees|zero-fees epoch:time",
                    "INVALID_DAY INVALID_INPUT DUPLICATE_CHAIN",
                ),
                "payFees": _op(
                    "payFees",
                    "chain.pay_fees",
                    "payer:account chainId:ref amount:amount epoch:time",
                    "INVALID_DAY UNKNOWN_CHAIN FEES_NOT_ACCEPTED INVALID_AMOUNT "
                    "INSUFFICIENT_BALANCE INVALID_INPUT",
                ),
                "bondedValue": _op(
                    "bondedValue", "chain.bonded_value", "holder:account", "", mutates=False
                ),
                "totalBonded": _op("totalBonded", "chain.total_bonded", "", "", mutates=False),
                "eligibleWeights": _op(
                    "eligibleWeights", "chain.eligible_weights", "", "", mutates=False
                ),
                "submitProposal": _op(
                    "submitProposal",
                    "governance.submit",
                    "proposer:account changes:changes deposit:amount epoch:time",
                    "INVALID_DAY INVALID_INPUT NOT_GOVERNABLE PARAMETER_OUT_OF_BOUNDS "
                    "DEPOSIT_TOO_SMALL INSUFFICIENT_BALANCE INVALID_AMOUNT",
                ),
                "vote": _op(
                    "vote",
                    "governance.vote",
                    "voter:account proposalId:ref "
                    "option:enum=yes|no|abstain|no-with-veto epoch:time",
                    "INVALID_DAY UNKNOWN_PROPOSAL VOTING_CLOSED INVALID_INPUT ALREADY_VOTED "
                    "NO_VOTING_POWER",
                ),
                "execute": _op(
                    "execute",
                    "governance.execute",
                    "caller:account proposalId:ref epoch:time",
                    "INVALID_DAY UNKNOWN_PROPOSAL PROPOSAL_NOT_EXECUTABLE",
                ),
                "transfer": _op(
                    "transfer",
                    "ledger.transfer",
                    "sender:account recipient:account amount:amount",
                    "INVALID_INPUT INVALID_AMOUNT INSUFFICIENT_BALANCE",
                ),
                "mint": _op(
                    "mint",
                    "ledger.mint",
                    "authority:authority recipient:account amount:count",
                    "UNAUTHORIZED INVALID_INPUT INVALID_AMOUNT",
                ),
                "burn": _op(
                    "burn",
                    "ledger.burn",
                    "authority:authority account:account amount:count",
                    "UNAUTHORIZED INVALID_INPUT INVALID_AMOUNT INSUFFICIENT_BALANCE",
                ),
                "balance": _op("balance", "ledger.balance", "account:account", "", mutates=False),
                "supply": _op("supply", "ledger.supply", "", "", mutates=False),
                "setParameter": _op(
                    "setParameter",
                    "params.set",
                    "authority:authority parameterId:account value:fraction epoch:time",
                    "UNAUTHORIZED NOT_GOVERNABLE PARAMETER_OUT_OF_BOUNDS",
                ),
                "advanceEpoch": _op("advanceEpoch", "advance_epoch", "seed:bytes", "INVALID_INPUT"),
            },
            {
                "chain.end_epoch": "run by advanceEpoch",
                "chain.begin_epoch": "run by advanceEpoch",
                "governance.tally_ended": "run by advanceEpoch",
                "governance.apply_due": "run by advanceEpoch",
                "ledger.check_transfer": "the checks of transfer, without effects",
                "ledger.record": "a view of the supply counters, in the snapshot",
                "params.get": "a view of a parameter, in the snapshot",
                "params.integer": "a view of a parameter, in the snapshot",
                "params.basis_points": "a view of a parameter, in the snapshot",
                "params.validate": "the checks of setParameter and submitProposal",
                "chain.operator_bond": "a helper over one validator's pool",
            },
        ),
        ContractApi(
            "iota-staking",
            "Validator staking of today's IOTA network (the Move framework, mainnet).",
            _p("balances:json validators:json adjustRewardsByScore:flag dynamicMinCommission:flag"),
            {
                "requestAddStake": _op(
                    "requestAddStake",
                    "request_add_stake",
                    "staker:account validator:ref amount:amount epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR INVALID_AMOUNT STAKE_BELOW_MINIMUM "
                    "INSUFFICIENT_BALANCE",
                ),
                "requestWithdrawStake": _op(
                    "requestWithdrawStake",
                    "request_withdraw_stake",
                    "staker:authority stakedId:ref epoch:time",
                    "INVALID_DAY UNKNOWN_STAKE UNAUTHORIZED",
                ),
                "requestSetCommissionRate": _op(
                    "requestSetCommissionRate",
                    "request_set_commission_rate",
                    "validator:ref rateBp:bp epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR COMMISSION_OUT_OF_BOUNDS",
                ),
                "reportValidator": _op(
                    "reportValidator",
                    "report_validator",
                    "reporter:authority reportee:ref epoch:time",
                    "INVALID_DAY NOT_COMMITTEE_MEMBER CANNOT_REPORT_ONESELF",
                ),
                "undoReportValidator": _op(
                    "undoReportValidator",
                    "undo_report_validator",
                    "reporter:authority reportee:ref epoch:time",
                    "INVALID_DAY NOT_COMMITTEE_MEMBER REPORT_NOT_FOUND",
                ),
                "requestRemoveValidator": _op(
                    "requestRemoveValidator",
                    "request_remove_validator",
                    "validator:ref epoch:time",
                    "INVALID_DAY UNKNOWN_VALIDATOR",
                ),
                "payGas": _op(
                    "payGas",
                    "pay_gas",
                    "payer:account computationFee:count tip:count epoch:time",
                    "INVALID_DAY INVALID_AMOUNT INSUFFICIENT_BALANCE",
                ),
                "advanceEpoch": _op("advanceEpoch", "advance_epoch", "", "VOTING_POWER_INVARIANT"),
                "supply": _op("supply", "supply", "", "", mutates=False),
                "slashedValidators": _op(
                    "slashedValidators", "slashed_validators", "", "", mutates=False
                ),
            },
            {"genesis": "the constructor"},
        ),
    ]
}


# ----------------------------------------------------------------------------- decoding


def decode(param: Param, value: Any) -> Any:
    """The Python value of an argument; a malformed one is ``InvalidInput``."""
    try:
        return _DECODERS[param.kind](param, value)
    except (ValueError, TypeError, ZeroDivisionError) as error:
        raise InvalidInput(f"{param.name}: {error}") from None


def _int(_: Param, value: Any) -> int:
    return integer(value)


def _opt_int(_: Param, value: Any) -> int | None:
    return None if value is None else integer(value)


def _str(param: Param, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return value


def _flag(_: Param, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not a boolean")
    return value


def _enum(param: Param, value: Any) -> Any:
    if param.name == "feePolicy":
        return FeePolicy(value) if value in param.domain else value
    if param.name == "option":
        return Option(value) if value in param.domain else value
    return value


def _bytes(_: Param, value: Any) -> bytes:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not hex")
    return bytes.fromhex(value)


def _bytes_list(_: Param, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise ValueError(f"{value!r} is not a list")
    return tuple(integer(v) for v in value)


def _changes(_: Param, value: Any) -> dict[str, Fraction]:
    if not isinstance(value, dict):
        raise ValueError(f"{value!r} is not an object")
    return {str(k): fraction(v) for k, v in value.items()}


def _evidence(_: Param, value: Any) -> Evidence | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{value!r} is not evidence")
    severity: Any = value.get("severity")
    if severity in {s.name.lower() for s in Severity}:
        severity = Severity[str(severity).upper()]
    return Evidence(
        str(value.get("evidenceId", "")),
        str(value.get("validatorId", "")),
        integer(value.get("offenceEpoch")),
        severity,
    )


def _fraction(_: Param, value: Any) -> Fraction:
    return fraction(value)


def _json(_: Param, value: Any) -> Any:
    return value


_DECODERS: dict[str, Callable[[Param, Any], Any]] = {
    "amount": _int,
    "count": _int,
    "time": _int,
    "opt_time": _opt_int,
    "account": _str,
    "authority": _str,
    "ref": lambda p, v: v if p.name in {"stakedId", "proposalId"} else _str(p, v),
    "hex": _str,
    "bp": _int,
    "flag": _flag,
    "enum": _enum,
    "bytes": _bytes,
    "bytes_list": _bytes_list,
    "changes": _changes,
    "evidence": _evidence,
    "fraction": _fraction,
    "json": _json,
}


# ----------------------------------------------------------------------------- the reference


def _balances(value: Any) -> dict[str, int] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidInput("balances: expected an object of account → integer")
    return {str(k): integer(v) for k, v in value.items()}


def create_reference(contract: str, args: dict[str, Any]) -> Any:
    """A fresh reference instance of ``contract`` from its JSON constructor arguments."""
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
            return SmrStaking(_balances(args["genesis"]) or {})
        if contract == "assembly":
            return AssemblyNetwork(_balances(args.get("balances")))
        if contract == "iota-staking":
            validators = [(str(a), integer(s), integer(c)) for a, s, c in args["validators"]]
            return IotaStaking.genesis(
                _balances(args["balances"]) or {},
                validators,
                adjust_rewards_by_score=bool(args.get("adjustRewardsByScore", False)),
                dynamic_min_commission=bool(args.get("dynamicMinCommission", False)),
            )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidInput(f"{contract}: bad constructor arguments ({error})") from None
    raise InvalidInput(f"unknown contract {contract!r}")


def resolve(instance: Any, method: str) -> Callable[..., Any]:
    """The bound method at a dotted path (``chain.delegate``)."""
    target = instance
    *path, name = method.split(".")
    for attribute in path:
        target = getattr(target, attribute)
    function: Callable[..., Any] = getattr(target, name)
    return function
