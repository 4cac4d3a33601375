"""The API of the Assembly root chain: ledger, validators, delegation, committees, governance."""

from __future__ import annotations

from contracts.conformance.api.model import EPOCH, SENDER, contract, op, query

ASSEMBLY = contract(
    "assembly",
    "The Assembly root chain: ledger, validators, delegation, committees, governance.",
    "balances:json",
    [
        op(
            "registerValidator",
            "chain.register_validator",
            "operator:sender validatorId:account bond:amount commissionBp:bp "
            "operational:flag epoch:time",
            f"{SENDER} INVALID_AMOUNT COMMISSION_OUT_OF_BOUNDS {EPOCH} "
            "DUPLICATE_VALIDATOR BOND_BELOW_MINIMUM INSUFFICIENT_BALANCE",
            "Register a validator with its operator's self-bond and commission.",
        ),
        op(
            "delegate",
            "chain.delegate",
            "holder:sender validatorId:ref amount:amount epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} UNKNOWN_VALIDATOR "
            "VALIDATOR_NOT_ACCEPTING INSUFFICIENT_BALANCE",
            "Bond ASMB to a validator's pool (a top-up for its operator).",
        ),
        op(
            "undelegate",
            "chain.undelegate",
            "holder:sender validatorId:ref amount:amount epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} UNKNOWN_VALIDATOR "
            "VALIDATOR_NOT_ACCEPTING UNKNOWN_HOLDER INSUFFICIENT_STAKE BOND_BELOW_MINIMUM",
            "Unbond stake; it is paid out after the unbonding period.",
        ),
        op(
            "withdrawUnbonded",
            "chain.withdraw_unbonded",
            "holder:sender epoch:time",
            f"{SENDER} {EPOCH} NOTHING_TO_WITHDRAW",
            "Pay out every matured unbonding entry of a holder.",
        ),
        op(
            "exitValidator",
            "chain.exit_validator",
            "operator:sender validatorId:ref epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_VALIDATOR UNAUTHORIZED VALIDATOR_NOT_ACCEPTING",
            "Begin a validator's exit; its pool unbonds as a whole.",
        ),
        op(
            "withdrawExited",
            "chain.withdraw_exited",
            "holder:sender validatorId:ref epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_VALIDATOR VALIDATOR_NOT_ACCEPTING "
            "UNKNOWN_HOLDER NOTHING_TO_WITHDRAW",
            "Pay a holder its share of an exited validator's pool.",
        ),
        op(
            "setCommission",
            "chain.set_commission",
            "operator:sender validatorId:ref rateBp:bp epoch:time",
            f"{SENDER} COMMISSION_OUT_OF_BOUNDS {EPOCH} UNKNOWN_VALIDATOR UNAUTHORIZED",
            "Set a validator's commission from the next epoch.",
        ),
        op(
            "setOperational",
            "chain.set_operational",
            "operator:sender validatorId:ref operational:flag epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_VALIDATOR UNAUTHORIZED",
            "Mark a validator as able (or not) to serve on committees.",
        ),
        op(
            "claimRewards",
            "chain.claim_rewards",
            "holder:sender validatorId:ref epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_VALIDATOR UNKNOWN_HOLDER",
            "Pay a holder its rewards from one validator's pool.",
        ),
        op(
            "slash",
            "chain.slash",
            "caller:caller evidence:evidence epoch:time",
            f"UNAUTHORIZED INVALID_EVIDENCE {EPOCH} UNKNOWN_VALIDATOR",
            "Burn a validator's and its unbonding stake's share for an offence.",
        ),
        op(
            "registerChain",
            "chain.register_chain",
            "owner:sender chainId:account tier:count committeeSize:count "
            "feePolicy:enum=fees|zero-fees epoch:time",
            f"{SENDER} {EPOCH} DUPLICATE_CHAIN",
            "Register a chain of a tier with its committee size and fee policy.",
        ),
        op(
            "payFees",
            "chain.pay_fees",
            "payer:sender chainId:ref amount:amount epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} UNKNOWN_CHAIN FEES_NOT_ACCEPTED INSUFFICIENT_BALANCE",
            "Pay fees to a chain; its committee receives them at the epoch's end.",
        ),
        query(
            "bondedValue",
            "chain.bonded_value",
            "holder:account",
            "",
            "What a holder's bonded shares are worth.",
        ),
        query(
            "totalBonded", "chain.total_bonded", "", "", "The stake bonded in active validators."
        ),
        query(
            "eligibleWeights",
            "chain.eligible_weights",
            "",
            "",
            "The weights committees are drawn with this epoch.",
        ),
        op(
            "submitProposal",
            "governance.submit",
            "proposer:sender changes:changes deposit:amount epoch:time",
            f"{SENDER} INVALID_AMOUNT {EPOCH} NOT_GOVERNABLE PARAMETER_OUT_OF_BOUNDS "
            "DEPOSIT_TOO_SMALL INSUFFICIENT_BALANCE",
            "Propose parameter changes with a deposit; voting opens at once.",
        ),
        op(
            "vote",
            "governance.vote",
            "voter:sender proposalId:ref option:enum=yes|no|abstain|no-with-veto epoch:time",
            f"{SENDER} {EPOCH} UNKNOWN_PROPOSAL VOTING_CLOSED ALREADY_VOTED NO_VOTING_POWER",
            "Vote on an open proposal with one's bonded stake.",
        ),
        op(
            "transfer",
            "ledger.transfer",
            "sender:sender recipient:sender amount:amount",
            f"{SENDER} INVALID_AMOUNT INSUFFICIENT_BALANCE",
            "Move ASMB between two external accounts.",
        ),
        query("balance", "ledger.balance", "account:account", "", "An account's balance."),
        query("supply", "ledger.supply", "", "", "Genesis + minted − burned."),
        op(
            "advanceEpoch",
            "advance_epoch",
            "caller:caller seed:bytes",
            "UNAUTHORIZED WIDTH_EXCEEDED",
            "End the epoch (rewards, fees, tallies, unbonding) and begin the next.",
        ),
    ],
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
    create_errors="INVALID_AMOUNT PROTECTED_ACCOUNT WIDTH_EXCEEDED",
    create_meaning={
        "balances": "Account → µASMB, or null for the specification's genesis (20 B to "
        "the IOTA stakers' reserve, 70 B to the community's, 10 B unassigned)."
    },
    starts="Epoch 0, no validator.",
)
