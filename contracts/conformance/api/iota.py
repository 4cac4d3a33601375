"""The API of validator staking on today's IOTA network."""

from __future__ import annotations

from contracts.conformance.api.model import EPOCH, SENDER, contract, op, query

IOTA = contract(
    "iota-staking",
    "Validator staking of today's IOTA network (mainnet at protocol version 31).",
    "balances:json validators:json protocol:enum=mainnet-v31|mainnet-v19|devnet-v31",
    [
        op(
            "requestAddStake",
            "request_add_stake",
            "staker:sender validator:ref amount:count epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} UNKNOWN_VALIDATOR STAKE_BELOW_MINIMUM "
            "INSUFFICIENT_BALANCE",
            "Stake IOTA with a validator or candidate; returns the StakedIota id.",
        ),
        op(
            "requestWithdrawStake",
            "request_withdraw_stake",
            "staker:sender stakedId:ref epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_STAKE UNAUTHORIZED UNKNOWN_VALIDATOR",
            "Withdraw a StakedIota: principal and its rewards.",
        ),
        op(
            "splitStakedIota",
            "split_staked_iota",
            "staker:sender stakedId:ref amount:amount epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} UNKNOWN_STAKE UNAUTHORIZED STAKE_BELOW_MINIMUM",
            "Split a StakedIota into two; returns the new id.",
        ),
        op(
            "joinStakedIota",
            "join_staked_iota",
            "staker:sender stakedId:ref otherId:ref epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_STAKE UNAUTHORIZED INCOMPATIBLE_STAKES",
            "Merge a StakedIota into another of the same pool and epoch.",
        ),
        op(
            "requestAddValidatorCandidate",
            "request_add_validator_candidate",
            "validator:sender commissionBp:bp epoch:time",
            f"{SENDER} COMMISSION_OUT_OF_BOUNDS {EPOCH} DUPLICATE_VALIDATOR",
            "Become a candidate whose pool takes stake at once.",
        ),
        op(
            "requestAddValidator",
            "request_add_validator",
            "validator:sender epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_VALIDATOR VALIDATOR_SET_LIMIT JOINING_STAKE_NOT_REACHED",
            "Ask a candidate holding the joining stake to join the set.",
        ),
        op(
            "requestRemoveValidator",
            "request_remove_validator",
            "validator:sender epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_VALIDATOR VALIDATOR_SET_LIMIT",
            "Ask to leave the set at the next epoch change.",
        ),
        op(
            "requestSetCommissionRate",
            "request_set_commission_rate",
            "validator:sender rateBp:bp epoch:time",
            f"{SENDER} COMMISSION_OUT_OF_BOUNDS {EPOCH} UNKNOWN_VALIDATOR",
            "Set the commission from the next epoch.",
        ),
        op(
            "reportValidator",
            "report_validator",
            "reporter:sender reportee:ref epoch:time",
            f"{SENDER} {EPOCH} NOT_COMMITTEE_MEMBER CANNOT_REPORT_ONESELF",
            "A committee member reports another (the tallying rule).",
        ),
        op(
            "undoReportValidator",
            "undo_report_validator",
            "reporter:sender reportee:ref epoch:time",
            f"{SENDER} {EPOCH} NOT_COMMITTEE_MEMBER REPORT_NOT_FOUND",
            "Withdraw one's report.",
        ),
        op(
            "payGas",
            "pay_gas",
            "payer:sender computationFee:count tip:count epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} INSUFFICIENT_BALANCE",
            "Pay a computation fee and tip: the tip to the pot, the base part burned.",
        ),
        op(
            "advanceEpoch",
            "advance_epoch",
            "caller:caller",
            "UNAUTHORIZED WIDTH_EXCEEDED",
            "The epoch change: rewards, departures, joins, the next committee.",
        ),
        query("supply", "supply", "", "", "The supply: balances, pools and stakes together."),
        query(
            "slashedValidators",
            "slashed_validators",
            "",
            "",
            "Committee members reported by a quorum of voting power.",
        ),
    ],
    {
        "genesis": "the constructor",
        "compute_supply": "supply, for the contracts",
        "compute_slashed": "slashedValidators, for the epoch change",
        "new_stake": "the epoch change's commission stake",
        "seat": "the epoch change's committee",
    },
    create_errors="INVALID_AMOUNT PROTECTED_ACCOUNT COMMISSION_OUT_OF_BOUNDS STAKE_BELOW_MINIMUM "
    "WIDTH_EXCEEDED VOTING_POWER_INVARIANT",
    create_meaning={
        "balances": "Address → nanos of liquid IOTA.",
        "validators": "1 … 150 × [address, stake in nanos (≥ 1 IOTA), commission bp "
        "(≤ 2,000)]: the genesis set, in order.",
        "protocol": "The protocol profile: mainnet-v31, mainnet-v19 or devnet-v31.",
    },
    starts="Epoch 0: the genesis set is the committee, its voting power computed.",
)
