"""IOTA staking on today's network: the Move framework's validator set and pools.

The protocol's values (voting power, commission, minimum stakes, committee size, low-stake
grace) and the rules of its epoch change: voting power, the rewards pot, slashing by reports,
pool exchange rates, departures and the safe mode. Contract: ``contracts/iota/``; page:
``docs/iota-staking.md``.
"""

from __future__ import annotations

from typing import Final

from spec.records import (
    DEPLOYED,
    NANOS,
    NANOS_PER_IOTA,
    RATIO,
    Derivation,
    Difference,
    Invariant,
    Parameter,
    rational,
)
from spec.sources import SEED_IOTASRB, Artefact, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

_IOTA_SYSTEM = "crates/iota-framework/packages/iota-system/sources"
_IOTA_REPO = "iotaledger/iota"
_IOTA_CONFIG = "crates/iota-protocol-config/src/lib.rs"
_IOTA_GOVERNANCE = "crates/iota-types/src/governance.rs"

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "IOTA_TOTAL_VOTING_POWER",
        rational(10_000),
        "voting power",
        "Total voting power of the IOTA committee.",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/voting_power.move", "TOTAL_VOTING_POWER = 10_000"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_QUORUM_THRESHOLD",
        rational(6_667),
        "voting power",
        "Voting power of a quorum (reports by a quorum slash a validator's epoch rewards).",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/voting_power.move", "QUORUM_THRESHOLD = 6_667"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MAX_VOTING_POWER",
        rational(1_000),
        "voting power",
        "Floor of the per-validator cap: the cap is max(1,000, ceil(10,000 / n)).",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/voting_power.move", "MAX_VOTING_POWER = 1_000"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MAX_COMMISSION",
        rational(2_000, 10_000),
        RATIO,
        "Highest commission rate a validator may set (2,000 basis points).",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/validator.move", "MAX_COMMISSION_RATE = 2_000"),
        DEPLOYED,
    ),
    Parameter(
        "IOTA_MIN_STAKE",
        rational(NANOS_PER_IOTA),
        NANOS,
        "Smallest stake a staker may request: 1 IOTA.",
        Artefact(
            _IOTA_REPO,
            f"{_IOTA_SYSTEM}/validator_set.move",
            "MIN_STAKING_THRESHOLD = 1_000_000_000",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_REWARD_SLASHING_RATE",
        rational(10_000, 10_000),
        RATIO,
        "Share of a slashed validator's epoch reward that is cut (all of it), then burned.",
        Artefact(
            _IOTA_REPO,
            "crates/iota-protocol-config/src/lib.rs",
            "reward_slashing_rate = 10000 (basis points)",
        ),
        DEPLOYED,
    ),
    Parameter(
        "IOTA_MAX_COMMITTEE",
        rational(100),
        "validators",
        "Largest committee: the top validators by stake (protocol version 17 on).",
        Artefact(
            _IOTA_REPO,
            _IOTA_CONFIG,
            "max_committee_members_count = 100 (from protocol version 17)",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_PROTOCOL_VERSION",
        rational(31),
        "version",
        "The IOTA protocol version this specification models (mainnet): its framework's rules "
        "and its protocol config.",
        Artefact(_IOTA_REPO, _IOTA_CONFIG, "MAX_PROTOCOL_VERSION: u64 = 31"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_IIP8_PROTOCOL_VERSION",
        rational(20),
        "version",
        "The protocol version from which IIP-8's dynamic minimum commission applies, on all "
        "networks: a validator's commission is at least its voting power in basis points.",
        Artefact(_IOTA_REPO, _IOTA_CONFIG, "PROTOCOL_VERSION_IIP8: u64 = 20"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_LOW_STAKE_THRESHOLD",
        rational(1_500_000 * NANOS_PER_IOTA),
        NANOS,
        "Below this stake a validator is at risk: after more than the grace period of epoch "
        "changes in a row below it, it leaves the set (genesis default: 1,500,000 IOTA).",
        Artefact(
            _IOTA_REPO, _IOTA_GOVERNANCE, "VALIDATOR_LOW_STAKE_THRESHOLD_NANOS = 1_500_000 IOTA"
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_VERY_LOW_STAKE_THRESHOLD",
        rational(1_000_000 * NANOS_PER_IOTA),
        NANOS,
        "Below this stake at an epoch change a validator leaves the set at once (genesis "
        "default: 1,000,000 IOTA).",
        Artefact(
            _IOTA_REPO,
            _IOTA_GOVERNANCE,
            "VALIDATOR_VERY_LOW_STAKE_THRESHOLD_NANOS = 1_000_000 IOTA",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_LOW_STAKE_GRACE_PERIOD",
        rational(7),
        "epochs",
        "Epoch changes a validator may stay below the low-stake threshold (and at or above the "
        "very-low one) before it leaves: it leaves at the eighth in a row.",
        Artefact(_IOTA_REPO, _IOTA_GOVERNANCE, "VALIDATOR_LOW_STAKE_GRACE_PERIOD = 7"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MIN_VALIDATOR_COUNT",
        rational(4),
        "validators",
        "A validator may not ask to leave when that would take a set of at least this many "
        "below it.",
        Artefact(
            _IOTA_REPO,
            f"{_IOTA_SYSTEM}/iota_system_state_inner.move",
            "create_system_parameters: min_validator_count: 4",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MAX_VALIDATOR_COUNT",
        rational(150),
        "validators",
        "Most validators the set may hold next epoch: a candidate cannot ask to join beyond it "
        "(genesis default).",
        Artefact(_IOTA_REPO, _IOTA_GOVERNANCE, "MAX_VALIDATOR_COUNT: u64 = 150"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MIN_VALIDATOR_JOINING_STAKE",
        rational(2_000_000 * NANOS_PER_IOTA),
        NANOS,
        "Stake a candidate needs to join the validator set (genesis default: 2,000,000 IOTA).",
        Artefact(
            _IOTA_REPO,
            "crates/iota-types/src/governance.rs",
            "MIN_VALIDATOR_JOINING_STAKE_NANOS = 2_000_000 IOTA",
        ),
        DEPLOYED,
        integral=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

DERIVATIONS: Final[tuple[Derivation, ...]] = ()

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------

INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "IOTA-VP-01",
        "iotasrb",
        "Voting power sums to 10,000 over the committee, every member has some, none exceeds the "
        "cap max(1,000, ⌈10,000/n⌉), and more stake never means less power.",
        SeedQuote(SEED_IOTASRB, "If the 2/3rd majority of voting power in an epoch votes in favor"),
        "Σ vp = 10 000,  0 < vp ≤ cap,  stake_a > stake_b ⇒ vp_a ≥ vp_b",
        state=True,
    ),
    Invariant(
        "IOTA-POT-01",
        "iotasrb",
        "Each epoch's pot is the 767,000 IOTA subsidy plus tips (base fees burned, the shortfall "
        "minted), and it is fully accounted for: paid to committee pools plus burned equals the "
        "pot.",
        SeedQuote(SEED_IOTASRB, "The number of rewarded tokens per epoch (767000 IOTA)."),
        "pot = subsidy + tips = Σ paid + burned",
        state=True,
    ),
    Invariant(
        "IOTA-SLASH-01",
        "iotasrb",
        "A validator reported by validators holding at least 6,667 voting power earns nothing that "
        "epoch, and its reward is burned, not redistributed; reports persist until withdrawn.",
        SeedQuote(
            SEED_IOTASRB,
            "the rewards that would have been distributed to the validator's staking pool for this "
            "epoch will be burned instead",
        ),
        "Σ_{r reports v} vp_r ≥ 6 667 ⇒ paid_v = 0",
        state=True,
    ),
    Invariant(
        "IOTA-POOL-01",
        "iotasrb",
        "Each pool's balances reconcile with its exchange rate, and its pending stake is exactly "
        "the stakes requested for the next epoch.",
        SeedQuote(SEED_IOTASRB, "The number of staked tokens in the network."),
        "tokens = ⌊rate.tokens · iota / rate.iota⌋,  pending = Σ pending principals",
        state=True,
    ),
    Invariant(
        "IOTA-STAKE-01",
        "iotasrb",
        "Stake requested in epoch E is active from E + 1; withdrawn before that it returns only "
        "its principal.",
        SeedQuote(SEED_IOTASRB, "The number of staked tokens in the network."),
        "activation = request epoch + 1",
        state=True,
    ),
    Invariant(
        "IOTA-COMMISSION-01",
        "iotasrb",
        "Commission rates stay within 0 … 2,000 basis points and a change applies from the next "
        "epoch's distribution.",
        SeedQuote(
            SEED_IOTASRB,
            "The percentage commission rate the validator has set as a delegation fee",
        ),
        "0 ≤ commission ≤ 2 000 bp",
        state=True,
    ),
    Invariant(
        "IOTA-COMMISSION-02",
        "iotasrb",
        "A validator's commission is the floor of its allotment at its effective rate: from "
        "protocol version 20 (IIP-8) the larger of the rate it set and its voting power in basis "
        "points, before it the rate set.",
        Artefact(
            "iotaledger/iota",
            f"{_IOTA_SYSTEM}/validator_set.move",
            "distribute_reward: effective_commission_rate = "
            "validator.commission_rate().max(validator.voting_power())",
        ),
        "commission = ⌊allotment · max(rate, vp) / 10 000⌋",
        state=True,
    ),
    Invariant(
        "IOTA-DEPART-01",
        "iotasrb",
        "At every epoch change a validator whose stake is below the very-low threshold leaves "
        "the set, and one below the low threshold leaves once it has been below it at more than "
        "the grace period of epoch changes in a row; every other stays.",
        Artefact(
            "iotaledger/iota",
            f"{_IOTA_SYSTEM}/validator_set.move",
            "update_and_process_low_stake_departures",
        ),
        "stake < very-low ⇒ leaves;  very-low ≤ stake < low for > grace epochs ⇒ leaves",
        state=True,
    ),
    Invariant(
        "IOTA-SET-01",
        "iotasrb",
        "The committee is the top validators by stake among those active for a whole epoch "
        "(ties: the larger key), at most the committee size; candidates join with the joining "
        "stake, the set never passes its maximum count, and no request takes it below its "
        "minimum.",
        Artefact(
            "iotaledger/iota",
            f"{_IOTA_SYSTEM}/validator_set.move",
            "select_committee_members_from_eligible, request_add_validator",
        ),
        "committee ⊆ active,  |committee| ≤ 100,  |set| ≤ 150",
        state=True,
    ),
    Invariant(
        "IOTA-SAFE-01",
        "iotasrb",
        "An epoch change that fails (an empty set, voting power that cannot be set) advances the "
        "network in safe mode: it pays, mints and processes nothing, and the epoch's gas is "
        "carried into the next successful change.",
        Artefact(
            "iotaledger/iota",
            "crates/iota-types/src/iota_system_state/iota_system_state_inner_v1.rs",
            "advance_epoch_safe_mode",
        ),
        "safe mode ⇒ paid = minted = 0",
        state=True,
    ),
    Invariant(
        "IOTA-SUPPLY-01",
        "iotasrb",
        "IOTA supply changes only by the epoch's mint and burns: supply − genesis = minted − "
        "burned, over liquid balances, staked principals, pools' rewards and pending gas.",
        SeedQuote(SEED_IOTASRB, "Unvested tokens released into circulation are also considered"),
        "supply − genesis = minted − burned",
        state=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {}

#: Short symbols of this program's parameters in the site's formulas (LaTeX): none of them
#: appears in a derivation.
NOTATION: Final[dict[str, str]] = {}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = ()
