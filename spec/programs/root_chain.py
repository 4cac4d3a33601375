"""The Assembly root chain: validators, delegation, rewards, slashing and committees.

Values the seeds leave open, chosen by this specification after public systems (Cosmos SDK
x/staking and x/slashing, IOTA's Move framework), and the rules of bonding, rewards, commission,
unbonding, slashing and the committee draw. Contract: ``contracts/root_chain/``; page:
``docs/root-chain.md``.
"""

from __future__ import annotations

from typing import Final

import sympy

from spec.proofs import exact
from spec.records import (
    ASMB,
    BOTH,
    MICRO_ASMB,
    RATIO,
    Derivation,
    Difference,
    Invariant,
    Parameter,
    bounds,
    rational,
)
from spec.sources import SEED_ASSEMBLY, SEED_STAKING, ChosenBySpec, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

_COSMOS_STAKING = "Cosmos SDK x/staking"
_COSMOS_SLASHING = "Cosmos SDK x/slashing"
_IOTA_MOVE = "IOTA Move framework (iota-system)"

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "ASMB_EPOCH_SECONDS",
        rational(86_400),
        "s",
        "Length of an Assembly root-chain epoch.",
        ChosenBySpec(_IOTA_MOVE, "24-hour epochs, as today's IOTA network runs them"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "ASMB_EPOCHS_PER_YEAR",
        rational(365),
        "epochs",
        "Epochs in an inflation year (a 365-day year, as the IOTASRB convention).",
        ChosenBySpec("IOTASRB", "365-day year without leap days, so a year is 365 epochs"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "ASMB_MIN_VALIDATOR_BOND",
        rational(1_000_000 * ASMB),
        MICRO_ASMB,
        "Smallest self-bond with which a validator registers ('a small amount of staked ASMB').",
        ChosenBySpec(
            _IOTA_MOVE,
            "a joining stake threshold, set at 10^-5 of the initial supply (1,000,000 ASMB)",
        ),
        BOTH,
        governance=bounds(1 * ASMB, 1_000_000_000 * ASMB),
        integral=True,
    ),
    Parameter(
        "ASMB_UNBONDING_EPOCHS",
        rational(21),
        "epochs",
        "Epochs between an unbonding request and the release of the stake.",
        ChosenBySpec(_COSMOS_STAKING, "unbonding_time of 21 days (1,814,400 s)"),
        BOTH,
        governance=bounds(1, 60),
        integral=True,
    ),
    Parameter(
        "ASMB_MAX_COMMISSION",
        rational(20, 100),
        RATIO,
        "Highest commission (profit share kept by a validator) a validator may set.",
        ChosenBySpec(_IOTA_MOVE, "MAX_COMMISSION_RATE of 2,000 basis points"),
        BOTH,
        governance=bounds(0, 1),
    ),
    Parameter(
        "ASMB_MIN_COMMISSION",
        rational(0),
        RATIO,
        "Lowest commission a validator may set.",
        ChosenBySpec(_COSMOS_STAKING, "min_commission_rate of 0"),
        BOTH,
        governance=bounds(0, 1),
    ),
    Parameter(
        "SLASH_FRACTION_MINOR",
        rational(1, 100),
        RATIO,
        "Fraction of bonded and delegated stake burned for a minor offence (liveness).",
        ChosenBySpec(_COSMOS_SLASHING, "slash_fraction_downtime of 0.01"),
        BOTH,
        governance=bounds(0, 1),
    ),
    Parameter(
        "SLASH_FRACTION_MAJOR",
        rational(5, 100),
        RATIO,
        "Fraction of bonded and delegated stake burned for a major offence (equivocation).",
        ChosenBySpec(_COSMOS_SLASHING, "slash_fraction_double_sign of 0.05"),
        BOTH,
        governance=bounds(0, 1),
    ),
    Parameter(
        "SLASH_FRACTION_CRITICAL",
        rational(1),
        RATIO,
        "Fraction burned for a critical offence (a proven invalid state commit): all of it.",
        ChosenBySpec(
            "the seeds",
            "a deposited stake 'can be partially or fully slashed if the validator acts "
            "maliciously'",
        ),
        BOTH,
        governance=bounds(0, 1),
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
        "ROOT-BOND-01",
        "rootchain",
        "The root chain's module accounts hold exactly its records: the bonded pool the validator "
        "pools' tokens, the unbonding pool the unbonding entries, the rewards pool the rewards "
        "owed; each pool's shares are its accumulator's stake.",
        SeedQuote(
            SEED_STAKING,
            "the validator can also use tokens that Assembly token holders pledged to the "
            "validator",
        ),
        "bonded = Σ_v tokens_v,  unbonding = Σ entries,  rewards = Σ_v owed_v",
        state=True,
    ),
    Invariant(
        "ROOT-BOND-02",
        "rootchain",
        "Every active validator's own bond is worth at least the minimum bond; one below it "
        "(after a governance change) is rotated out at the next epoch.",
        SeedQuote(
            SEED_ASSEMBLY,
            "Anyone can become a validator, requiring only an operational node and a small amount "
            "of staked ASMB",
        ),
        "status = active ⇒ value(operator shares) ≥ ASMB_MIN_VALIDATOR_BOND",
        state=True,
    ),
    Invariant(
        "ROOT-REWARD-01",
        "rootchain",
        "Each epoch's inflation and fees are paid out entirely: to validator pools by stake, as "
        "commission to operators, and the remainders of the splits to the community pool.",
        SeedQuote(
            SEED_ASSEMBLY,
            "Stakers are rewarded through staking rewards consisting of newly minted ASMB tokens",
        ),
        "minted + fees = Σ_v offered_v + commission + remainders",
        state=True,
    ),
    Invariant(
        "ROOT-REWARD-02",
        "rootchain",
        "Nobody earns for an epoch before they were bonded: a delegator's rewards equal its exact "
        "share of the pools' post-commission rewards for the epochs it was bonded throughout, "
        "floored, less the accumulator's bound.",
        SeedQuote(
            SEED_STAKING,
            "a share of the validator's profit will be distributed to the stakers that delegate "
            "the stake to the validator",
        ),
        "paid_h = ⌊Σ_e r_{v,e} · shares_{h,e} / shares_{v,e}⌋ − δ,  0 ≤ δ ≤ 2",
        oracle=True,
    ),
    Invariant(
        "ROOT-COMMISSION-01",
        "rootchain",
        "A validator's commission is within the governance bounds when set, and applies from the "
        "next epoch.",
        SeedQuote(
            SEED_STAKING,
            "the validators will most likely be willing to pay a part of their earned profits",
        ),
        "ASMB_MIN_COMMISSION ≤ commission ≤ ASMB_MAX_COMMISSION",
        state=True,
    ),
    Invariant(
        "ROOT-COMMISSION-02",
        "rootchain",
        "The commission bounds governance sets are consistent: the lowest allowed commission is "
        "not above the highest, so some commission is always valid.",
        SeedQuote(
            SEED_STAKING,
            "the validators will most likely be willing to pay a part of their earned profits",
        ),
        "ASMB_MIN_COMMISSION ≤ ASMB_MAX_COMMISSION",
        exact(
            lambda env: [
                (
                    "min ≤ max",
                    sympy.Le(env["ASMB_MIN_COMMISSION"], env["ASMB_MAX_COMMISSION"]),
                )
            ]
        ),
    ),
    Invariant(
        "ROOT-UNBOND-01",
        "rootchain",
        "Unbonding stake earns nothing and is released only after the unbonding delay; exiting "
        "and tombstoned validators are never eligible for rewards or committees.",
        SeedQuote(SEED_STAKING, "a deposited stake in the Assembly root chain contract"),
        "matures = created + ASMB_UNBONDING_EPOCHS",
        state=True,
    ),
    Invariant(
        "ROOT-SLASH-01",
        "rootchain",
        "A slash of fraction f burns ⌊f · tokens⌋ of the pool and ⌊f · amount⌋ of every unbonding "
        "entry created at or after the offence; the supply falls by exactly the slashed amount; "
        "only the slashing authority slashes, only with evidence, once per evidence.",
        SeedQuote(SEED_ASSEMBLY, "Slashed tokens are burned by the network."),
        "Δsupply = −(⌊f·tokens⌋ + Σ ⌊f·entry⌋)",
        state=True,
    ),
    Invariant(
        "COMMITTEE-01",
        "rootchain",
        "Committees are drawn deterministically from the epoch's seed, higher-value chains first; "
        "no validator sits on two committees and no committee exceeds its size.",
        SeedQuote(
            SEED_STAKING,
            "grant a validator access to a smart contract chains validator committee",
        ),
        "committees = draw(seed, epoch, chains by tier, weights)",
        state=True,
    ),
    Invariant(
        "COMMITTEE-02",
        "rootchain",
        "The chance of a validator to be seated, on any committee and on the highest-value "
        "chain's, never decreases as its stake grows.",
        SeedQuote(
            SEED_STAKING,
            "The higher the stake a validator can offer as a security deposit, the more likely "
            "this validator will be chosen to secure high-value smart contract chains.",
        ),
        "w_v ≤ w'_v ⇒ P(v seated | w) ≤ P(v seated | w')",
        oracle=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "ASMB_EPOCHS_PER_YEAR": r"n_{\mathrm{ep}}",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = ()
