"""Every contract's API as data: constructor, operations, parameters, documented errors.

An implementation in any language conforms when, for the same sequence of operations, it returns
the same results and error codes and reaches the same normative states as the reference
(:mod:`contracts.conformance.drivers`). Operation and parameter names are camelCase, as on the
wire. Each parameter has a *kind*, which fixes how it is decoded from JSON and which invalid values
the bad-input sweep tries (:data:`KINDS` says, for each, what it accepts and the codes
that refuse the rest).

Every operation may answer ``INVALID_INPUT`` for an argument of the wrong type or shape; the
errors listed with an operation are the rest it may answer. Argument types are checked before
anything else, then argument domains, then the operation's own rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
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

#: What each parameter kind accepts, and the codes that refuse the rest (types first, then ranges).
KINDS: dict[str, tuple[str, str]] = {
    "amount": ("an integer in 1 … 2⁶⁴ − 1 (base units)", "INVALID_INPUT, INVALID_AMOUNT"),
    "count": ("an integer in 0 … 2⁶⁴ − 1", "INVALID_INPUT, INVALID_AMOUNT"),
    "time": ("a u32 day, epoch or milestone", "INVALID_INPUT, INVALID_DAY or INVALID_MILESTONE"),
    "opt_time": ("a u32 milestone, or null", "INVALID_INPUT, INVALID_MILESTONE"),
    "sender": (
        "an external account: a name that is no module, authority or reserve account, nor "
        "the system",
        "INVALID_INPUT, PROTECTED_ACCOUNT",
    ),
    "caller": ('the system, "system"', "INVALID_INPUT, UNAUTHORIZED"),
    "account": ("a name (any kind of account)", "INVALID_INPUT"),
    "ref": ("a name, or an integer id (stakes, proposals)", "INVALID_INPUT, UNKNOWN_…"),
    "hex": ("lower- or upper-case hex of the exact length", "INVALID_INPUT, MALFORMED_HEX"),
    "bp": ("an integer in 0 … 10,000 basis points", "INVALID_INPUT, COMMISSION_OUT_OF_BOUNDS"),
    "flag": ("true or false", "INVALID_INPUT"),
    "enum": ("one of the listed strings", "INVALID_INPUT"),
    "bytes": ("1 … 64 bytes as hex", "INVALID_INPUT"),
    "bytes_list": ("at most 10 integers in 0 … 255", "INVALID_INPUT"),
    "changes": (
        "an object of 1 or more parameter ids, each with an exact value",
        "INVALID_INPUT",
    ),
    "evidence": (
        "an object of evidenceId, validatorId (names), offenceEpoch (u32) and severity "
        "(minor, major or critical)",
        "INVALID_EVIDENCE",
    ),
    "fraction": ('an integer, a decimal string or "p/q"', "INVALID_INPUT"),
    "json": ("a JSON document (the constructor's)", "the constructor's codes"),
}


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    domain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    """One operation: its wire name, the method it calls (a dotted path), its errors and what
    it does, in one line."""

    name: str
    method: str
    params: tuple[Param, ...]
    errors: frozenset[str]
    mutates: bool = True
    meaning: str = ""


@dataclass(frozen=True)
class ContractApi:
    name: str
    description: str
    create_params: tuple[Param, ...]
    operations: dict[str, Operation] = field(default_factory=dict)
    #: Public methods that are not operations, with the reason (hooks run by an operation, helpers).
    internal: dict[str, str] = field(default_factory=dict)
    #: The codes the constructor may answer (besides INVALID_INPUT for a missing or unknown
    #: argument, or one of the wrong type), and what each constructor argument is.
    create_errors: frozenset[str] = frozenset()
    create_meaning: dict[str, str] = field(default_factory=dict)
    #: The contract's time right after the constructor.
    starts: str = ""


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
_SENDER = "PROTECTED_ACCOUNT"
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
            {
                "compute_rewards_by_address": "rewardsByAddress at a resolved milestone",
                "compute_results": "results at a resolved milestone",
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
            {"compute_status": "status at a resolved milestone"},
        ),
        ContractApi(
            "reward-accumulator",
            "The reward-per-unit-of-stake accumulator shared by every pro-rata stream.",
            (),
            {
                "stake": _op(
                    "stake",
                    "stake",
                    "holder:account amount:amount",
                    "INVALID_AMOUNT WIDTH_EXCEEDED",
                ),
                "unstake": _op(
                    "unstake",
                    "unstake",
                    "holder:ref amount:amount",
                    "INVALID_AMOUNT UNKNOWN_HOLDER INSUFFICIENT_STAKE",
                ),
                "distribute": _op(
                    "distribute", "distribute", "amount:count", "INVALID_AMOUNT WIDTH_EXCEEDED"
                ),
                "closePeriod": _op("closePeriod", "close_period", "", ""),
                "claim": _op("claim", "claim", "holder:ref", "UNKNOWN_HOLDER"),
                "claimable": _op("claimable", "claimable", "holder:account", "", mutates=False),
                "stakeOf": _op("stakeOf", "stake_of", "holder:account", "", mutates=False),
            },
            {
                "owed_scaled_total": "an O(holders) total for invariant checks",
                "rounding_dust": "an O(holders) total for invariant checks",
                "held": "stakeOf, for the owning contract",
                "owed": "claimable, for the owning contract",
                **{
                    f"{phase}_{name}": f"the {phase} phase of {name}, for the owning contract"
                    for phase, names in (
                        ("check", ("stake", "unstake", "claim", "distribute")),
                        ("apply", ("stake", "unstake", "claim", "distribute", "close_periods")),
                    )
                    for name in names
                },
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
                    "holder:sender amount:amount day:time",
                    "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY WIDTH_EXCEEDED",
                ),
                "unstake": _op(
                    "unstake",
                    "unstake",
                    "holder:sender amount:amount day:time",
                    "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY UNKNOWN_HOLDER "
                    "INSUFFICIENT_STAKE",
                ),
                "claim": _op(
                    "claim",
                    "claim",
                    "holder:sender day:time",
                    "PROTECTED_ACCOUNT INVALID_DAY UNKNOWN_HOLDER",
                ),
                "advanceTo": _op(
                    "advanceTo", "advance_to", "caller:caller day:time", "UNAUTHORIZED INVALID_DAY"
                ),
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
                    "holder:sender amount:amount epoch:time",
                    "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY WIDTH_EXCEEDED "
                    "INSUFFICIENT_BALANCE",
                ),
                "unstake": _op(
                    "unstake",
                    "unstake",
                    "holder:sender amount:amount epoch:time",
                    "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY WIDTH_EXCEEDED UNKNOWN_HOLDER "
                    "INSUFFICIENT_STAKE",
                ),
                "claim": _op(
                    "claim",
                    "claim",
                    "holder:sender epoch:time",
                    "PROTECTED_ACCOUNT INVALID_DAY WIDTH_EXCEEDED UNKNOWN_HOLDER",
                ),
                "advanceTo": _op(
                    "advanceTo",
                    "advance_to",
                    "caller:caller epoch:time",
                    "UNAUTHORIZED INVALID_DAY WIDTH_EXCEEDED",
                ),
                "supply": _op("supply", "supply", "", "", mutates=False),
                "staked": _op("staked", "staked", "", "", mutates=False),
                "rewardsPool": _op("rewardsPool", "rewards_pool", "", "", mutates=False),
            },
            {"supply_in_places": "the supply summed over its places, for invariant checks"},
        ),
        ContractApi(
            "assembly",
            "The Assembly root chain: ledger, validators, delegation, committees, governance.",
            _p("balances:json"),
            {
                "registerValidator": _op(
                    "registerValidator",
                    "chain.register_validator",
                    "operator:sender validatorId:account bond:amount commissionBp:bp "
                    "operational:flag epoch:time",
                    f"{_SENDER} INVALID_AMOUNT COMMISSION_OUT_OF_BOUNDS {_EPOCH} "
                    "DUPLICATE_VALIDATOR BOND_BELOW_MINIMUM INSUFFICIENT_BALANCE",
                ),
                "delegate": _op(
                    "delegate",
                    "chain.delegate",
                    "holder:sender validatorId:ref amount:amount epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} UNKNOWN_VALIDATOR "
                    "VALIDATOR_NOT_ACCEPTING INSUFFICIENT_BALANCE",
                ),
                "undelegate": _op(
                    "undelegate",
                    "chain.undelegate",
                    "holder:sender validatorId:ref amount:amount epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} UNKNOWN_VALIDATOR "
                    "VALIDATOR_NOT_ACCEPTING UNKNOWN_HOLDER INSUFFICIENT_STAKE BOND_BELOW_MINIMUM",
                ),
                "withdrawUnbonded": _op(
                    "withdrawUnbonded",
                    "chain.withdraw_unbonded",
                    "holder:sender epoch:time",
                    f"{_SENDER} {_EPOCH} NOTHING_TO_WITHDRAW",
                ),
                "exitValidator": _op(
                    "exitValidator",
                    "chain.exit_validator",
                    "operator:sender validatorId:ref epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_VALIDATOR UNAUTHORIZED VALIDATOR_NOT_ACCEPTING",
                ),
                "withdrawExited": _op(
                    "withdrawExited",
                    "chain.withdraw_exited",
                    "holder:sender validatorId:ref epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_VALIDATOR VALIDATOR_NOT_ACCEPTING "
                    "UNKNOWN_HOLDER NOTHING_TO_WITHDRAW",
                ),
                "setCommission": _op(
                    "setCommission",
                    "chain.set_commission",
                    "operator:sender validatorId:ref rateBp:bp epoch:time",
                    f"{_SENDER} COMMISSION_OUT_OF_BOUNDS {_EPOCH} UNKNOWN_VALIDATOR UNAUTHORIZED",
                ),
                "setOperational": _op(
                    "setOperational",
                    "chain.set_operational",
                    "operator:sender validatorId:ref operational:flag epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_VALIDATOR UNAUTHORIZED",
                ),
                "claimRewards": _op(
                    "claimRewards",
                    "chain.claim_rewards",
                    "holder:sender validatorId:ref epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_VALIDATOR UNKNOWN_HOLDER",
                ),
                "slash": _op(
                    "slash",
                    "chain.slash",
                    "caller:caller evidence:evidence epoch:time",
                    f"UNAUTHORIZED INVALID_EVIDENCE {_EPOCH} UNKNOWN_VALIDATOR",
                ),
                "registerChain": _op(
                    "registerChain",
                    "chain.register_chain",
                    "owner:sender chainId:account tier:count committeeSize:count "
                    "feePolicy:enum=fees|zero-fees epoch:time",
                    f"{_SENDER} {_EPOCH} DUPLICATE_CHAIN",
                ),
                "payFees": _op(
                    "payFees",
                    "chain.pay_fees",
                    "payer:sender chainId:ref amount:amount epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} UNKNOWN_CHAIN FEES_NOT_ACCEPTED "
                    "INSUFFICIENT_BALANCE",
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
                    "proposer:sender changes:changes deposit:amount epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} NOT_GOVERNABLE PARAMETER_OUT_OF_BOUNDS "
                    "DEPOSIT_TOO_SMALL INSUFFICIENT_BALANCE",
                ),
                "vote": _op(
                    "vote",
                    "governance.vote",
                    "voter:sender proposalId:ref "
                    "option:enum=yes|no|abstain|no-with-veto epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_PROPOSAL VOTING_CLOSED ALREADY_VOTED "
                    "NO_VOTING_POWER",
                ),
                "transfer": _op(
                    "transfer",
                    "ledger.transfer",
                    "sender:sender recipient:sender amount:amount",
                    f"{_SENDER} INVALID_AMOUNT INSUFFICIENT_BALANCE",
                ),
                "balance": _op("balance", "ledger.balance", "account:account", "", mutates=False),
                "supply": _op("supply", "ledger.supply", "", "", mutates=False),
                "advanceEpoch": _op(
                    "advanceEpoch",
                    "advance_epoch",
                    "caller:caller seed:bytes",
                    "UNAUTHORIZED WIDTH_EXCEEDED",
                ),
            },
            {
                "chain.end_epoch": "run by advanceEpoch",
                "chain.begin_epoch": "run by advanceEpoch",
                "chain.check_end_epoch": "the checks of advanceEpoch, without effects",
                "chain.apply_end_epoch": "the effects of advanceEpoch",
                "chain.apply_begin_epoch": "the effects of advanceEpoch",
                "chain.compute_eligible_weights": "eligibleWeights, for the contracts",
                "chain.compute_total_bonded": "totalBonded, for the contracts",
                "chain.voting_power": "bondedValue, for the contracts",
                "chain.operator_bond": "a helper over one validator's pool",
                "governance.check_tally": "the checks of advanceEpoch, without effects",
                "governance.apply_tally": "the effects of advanceEpoch",
                "governance.apply_due": "run by advanceEpoch",
                "ledger.moves": "the protocol's own ledger moves (no operation reaches them)",
                "params.set": "governance's path to a parameter (no operation reaches it)",
                "params.get": "a view of a parameter, in the state",
                "params.integer": "a view of a parameter, in the state",
                "params.basis_points": "a view of a parameter, in the state",
                "params.validate": "the checks of submitProposal",
            },
        ),
        ContractApi(
            "iota-staking",
            "Validator staking of today's IOTA network (mainnet at protocol version 31).",
            _p("balances:json validators:json protocol:enum=mainnet-v31|mainnet-v19|devnet-v31"),
            {
                "requestAddStake": _op(
                    "requestAddStake",
                    "request_add_stake",
                    "staker:sender validator:ref amount:count epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} UNKNOWN_VALIDATOR STAKE_BELOW_MINIMUM "
                    "INSUFFICIENT_BALANCE",
                ),
                "requestWithdrawStake": _op(
                    "requestWithdrawStake",
                    "request_withdraw_stake",
                    "staker:sender stakedId:ref epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_STAKE UNAUTHORIZED UNKNOWN_VALIDATOR",
                ),
                "splitStakedIota": _op(
                    "splitStakedIota",
                    "split_staked_iota",
                    "staker:sender stakedId:ref amount:amount epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} UNKNOWN_STAKE UNAUTHORIZED "
                    "STAKE_BELOW_MINIMUM",
                ),
                "joinStakedIota": _op(
                    "joinStakedIota",
                    "join_staked_iota",
                    "staker:sender stakedId:ref otherId:ref epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_STAKE UNAUTHORIZED INCOMPATIBLE_STAKES",
                ),
                "requestAddValidatorCandidate": _op(
                    "requestAddValidatorCandidate",
                    "request_add_validator_candidate",
                    "validator:sender commissionBp:bp epoch:time",
                    f"{_SENDER} COMMISSION_OUT_OF_BOUNDS {_EPOCH} DUPLICATE_VALIDATOR",
                ),
                "requestAddValidator": _op(
                    "requestAddValidator",
                    "request_add_validator",
                    "validator:sender epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_VALIDATOR VALIDATOR_SET_LIMIT "
                    "JOINING_STAKE_NOT_REACHED",
                ),
                "requestRemoveValidator": _op(
                    "requestRemoveValidator",
                    "request_remove_validator",
                    "validator:sender epoch:time",
                    f"{_SENDER} {_EPOCH} UNKNOWN_VALIDATOR VALIDATOR_SET_LIMIT",
                ),
                "requestSetCommissionRate": _op(
                    "requestSetCommissionRate",
                    "request_set_commission_rate",
                    "validator:sender rateBp:bp epoch:time",
                    f"{_SENDER} COMMISSION_OUT_OF_BOUNDS {_EPOCH} UNKNOWN_VALIDATOR",
                ),
                "reportValidator": _op(
                    "reportValidator",
                    "report_validator",
                    "reporter:sender reportee:ref epoch:time",
                    f"{_SENDER} {_EPOCH} NOT_COMMITTEE_MEMBER CANNOT_REPORT_ONESELF",
                ),
                "undoReportValidator": _op(
                    "undoReportValidator",
                    "undo_report_validator",
                    "reporter:sender reportee:ref epoch:time",
                    f"{_SENDER} {_EPOCH} NOT_COMMITTEE_MEMBER REPORT_NOT_FOUND",
                ),
                "payGas": _op(
                    "payGas",
                    "pay_gas",
                    "payer:sender computationFee:count tip:count epoch:time",
                    f"{_SENDER} INVALID_AMOUNT {_EPOCH} INSUFFICIENT_BALANCE",
                ),
                "advanceEpoch": _op(
                    "advanceEpoch", "advance_epoch", "caller:caller", "UNAUTHORIZED WIDTH_EXCEEDED"
                ),
                "supply": _op("supply", "supply", "", "", mutates=False),
                "slashedValidators": _op(
                    "slashedValidators", "slashed_validators", "", "", mutates=False
                ),
            },
            {
                "genesis": "the constructor",
                "compute_supply": "supply, for the contracts",
                "compute_slashed": "slashedValidators, for the epoch change",
                "new_stake": "the epoch change's commission stake",
                "seat": "the epoch change's committee",
            },
        ),
    ]
}


#: One line per operation: what it does.
_MEANINGS: dict[str, dict[str, str]] = {
    "participation-staking": {
        "book": "Track an output that participates in the event, booked at a milestone.",
        "spend": "Record that a tracked output was spent at a milestone.",
        "rewardOf": "One output's reward at a milestone (null: the event's end).",
        "rewardsByAddress": "Every address's reward at a milestone, before the minimum rule.",
        "results": "The node's results at a milestone: addresses at or above the minimum, "
        "the total and its checksum.",
        "seedResults": "The results with the seed's 8 % maximum applied to every address.",
    },
    "participation-ballot": {
        "book": "Track an output that votes, with one answer byte per question.",
        "spend": "Record that a tracked output was spent at a milestone.",
        "status": "The tallies of every answer at a milestone, with the node's checksum.",
    },
    "reward-accumulator": {
        "stake": "Add stake for a holder; it earns from the next period.",
        "unstake": "Remove stake (pending first, then active).",
        "distribute": "Offer rewards to the current period's active stake.",
        "closePeriod": "End the current period: pending stake becomes active.",
        "claim": "Pay a holder its claimable rewards.",
        "claimable": "A holder's rewards claim would pay now.",
        "stakeOf": "A holder's [active, pending] stake.",
    },
    "postlaunch": {
        "stake": "Stake ASMB in the distribution on a day; it earns from the next day.",
        "unstake": "Withdraw stake on a day.",
        "claim": "Pay a holder the rewards settled up to the day.",
        "advanceTo": "End every day before the given one, paying each of days 1 … 639.",
        "claimable": "A holder's rewards claim would pay now.",
        "accounting": "Allocation, claimed, claimable, undistributed and dust, which add up.",
        "notYetOffered": "The rewards of the days still to come.",
    },
    "smr-staking": {
        "stake": "Stake SMR from a balance at an epoch; it earns from the next epoch.",
        "unstake": "Return stake to the balance.",
        "claim": "Pay a holder its rewards to its balance.",
        "advanceTo": "End every epoch before the given one, minting each epoch's share of 8 %.",
        "supply": "Genesis + minted − burned.",
        "staked": "The total stake.",
        "rewardsPool": "Rewards minted and not yet claimed.",
    },
    "assembly": {
        "registerValidator": "Register a validator with its operator's self-bond and commission.",
        "delegate": "Bond ASMB to a validator's pool (a top-up for its operator).",
        "undelegate": "Unbond stake; it is paid out after the unbonding period.",
        "withdrawUnbonded": "Pay out every matured unbonding entry of a holder.",
        "exitValidator": "Begin a validator's exit; its pool unbonds as a whole.",
        "withdrawExited": "Pay a holder its share of an exited validator's pool.",
        "setCommission": "Set a validator's commission from the next epoch.",
        "setOperational": "Mark a validator as able (or not) to serve on committees.",
        "claimRewards": "Pay a holder its rewards from one validator's pool.",
        "slash": "Burn a validator's and its unbonding stake's share for an offence.",
        "registerChain": "Register a chain of a tier with its committee size and fee policy.",
        "payFees": "Pay fees to a chain; its committee receives them at the epoch's end.",
        "bondedValue": "What a holder's bonded shares are worth.",
        "totalBonded": "The stake bonded in active validators.",
        "eligibleWeights": "The weights committees are drawn with this epoch.",
        "submitProposal": "Propose parameter changes with a deposit; voting opens at once.",
        "vote": "Vote on an open proposal with one's bonded stake.",
        "transfer": "Move ASMB between two external accounts.",
        "balance": "An account's balance.",
        "supply": "Genesis + minted − burned.",
        "advanceEpoch": "End the epoch (rewards, fees, tallies, unbonding) and begin the next.",
    },
    "iota-staking": {
        "requestAddStake": "Stake IOTA with a validator or candidate; returns the StakedIota id.",
        "requestWithdrawStake": "Withdraw a StakedIota: principal and its rewards.",
        "splitStakedIota": "Split a StakedIota into two; returns the new id.",
        "joinStakedIota": "Merge a StakedIota into another of the same pool and epoch.",
        "requestAddValidatorCandidate": "Become a candidate whose pool takes stake at once.",
        "requestAddValidator": "Ask a candidate holding the joining stake to join the set.",
        "requestRemoveValidator": "Ask to leave the set at the next epoch change.",
        "requestSetCommissionRate": "Set the commission from the next epoch.",
        "reportValidator": "A committee member reports another (the tallying rule).",
        "undoReportValidator": "Withdraw one's report.",
        "payGas": "Pay a computation fee and tip: the tip to the pot, the base part burned.",
        "advanceEpoch": "The epoch change: rewards, departures, joins, the next committee.",
        "supply": "The supply: balances, pools and stakes together.",
        "slashedValidators": "Committee members reported by a quorum of voting power.",
    },
}

_CREATE: dict[str, tuple[str, dict[str, str], str]] = {
    "participation-staking": (
        "INVALID_EVENT EVENT_CAN_OVERFLOW NOT_A_STAKING_EVENT",
        {"event": "The event's JSON as the node's API serves it, with a staking payload."},
        "No milestone: every operation names its own.",
    ),
    "participation-ballot": (
        "INVALID_EVENT EVENT_CAN_OVERFLOW NOT_A_BALLOT_EVENT",
        {"event": "The event's JSON as the node's API serves it, with a ballot payload."},
        "No milestone: every operation names its own.",
    ),
    "reward-accumulator": ("", {}, "Period 0, nothing staked or offered."),
    "postlaunch": (
        "INVALID_AMOUNT ALLOCATION_EXCEEDED",
        {"phaseOneTotal": "D1 in µASMB, 0 … 8 × 10¹⁵ (8 B ASMB, the seed's maximum)."},
        "Day 0; staking opens on day 1.",
    ),
    "smr-staking": (
        "INVALID_AMOUNT PROTECTED_ACCOUNT WIDTH_EXCEEDED",
        {"genesis": "Account → glow (an object; an account of 0 is dropped)."},
        "Epoch 0.",
    ),
    "assembly": (
        "INVALID_AMOUNT PROTECTED_ACCOUNT WIDTH_EXCEEDED",
        {
            "balances": "Account → µASMB, or null for the specification's genesis (20 B to "
            "the IOTA stakers' reserve, 70 B to the community's, 10 B unassigned)."
        },
        "Epoch 0, no validator.",
    ),
    "iota-staking": (
        "INVALID_AMOUNT PROTECTED_ACCOUNT COMMISSION_OUT_OF_BOUNDS STAKE_BELOW_MINIMUM "
        "WIDTH_EXCEEDED VOTING_POWER_INVARIANT",
        {
            "balances": "Address → nanos of liquid IOTA.",
            "validators": "1 … 150 × [address, stake in nanos (≥ 1 IOTA), commission bp "
            "(≤ 2,000)]: the genesis set, in order.",
            "protocol": "The protocol profile: mainnet-v31, mainnet-v19 or devnet-v31.",
        },
        "Epoch 0: the genesis set is the committee, its voting power computed.",
    ),
}


def _complete(api: ContractApi) -> ContractApi:
    meanings = _MEANINGS[api.name]
    errors, create_meaning, starts = _CREATE[api.name]
    return replace(
        api,
        operations={
            name: replace(op, meaning=meanings[name]) for name, op in api.operations.items()
        },
        create_errors=frozenset(errors.split()),
        create_meaning=create_meaning,
        starts=starts,
    )


CONTRACTS = {name: _complete(api) for name, api in CONTRACTS.items()}


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
    return value  # a name the contract checks itself (an IOTA protocol profile)


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


_EVIDENCE_FIELDS = frozenset({"evidenceId", "validatorId", "offenceEpoch", "severity"})


def _evidence(_: Param, value: Any) -> Any:
    """Evidence as an object of its four fields; anything else (null included) is passed on for
    the contract to refuse as ``INVALID_EVIDENCE``, and so is a field of the wrong type."""
    if not isinstance(value, dict) or set(value) != _EVIDENCE_FIELDS:
        return value
    severity: Any = value["severity"]
    if isinstance(severity, str) and severity in {s.name.lower() for s in Severity}:
        severity = Severity[severity.upper()]
    epoch: Any = value["offenceEpoch"]
    if isinstance(epoch, str):
        epoch = integer(epoch)
    return Evidence(value["evidenceId"], value["validatorId"], epoch, severity)


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
    "sender": _str,
    "caller": _str,
    "ref": lambda p, v: v if p.name in {"stakedId", "otherId", "proposalId"} else _str(p, v),
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
