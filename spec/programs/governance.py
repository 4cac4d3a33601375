"""Assembly governance: proposals, deposits, votes, tally and execution.

Values chosen by this specification after Cosmos SDK x/gov, and the rules of proposing, tallying
and executing a parameter change. Contract: ``contracts/governance.py``; pages:
``docs/governance.md`` and ``docs/proposals.md``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from spec.records import (
    ASMB,
    BOTH,
    MICRO_ASMB,
    RATIO,
    RATIO_RESOLUTION,
    Assumption,
    Derivation,
    Difference,
    Invariant,
    Parameter,
    bounds,
    rational,
)
from spec.sources import SEED_ASSEMBLY, ChosenBySpec, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

_COSMOS_GOV = "Cosmos SDK x/gov"

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "GOV_MIN_DEPOSIT",
        rational(10_000 * ASMB),
        MICRO_ASMB,
        "Deposit a proposal needs to enter its voting period.",
        ChosenBySpec(_COSMOS_GOV, "a min_deposit that any holder can meet: 10^-7 of the supply"),
        BOTH,
        governance=bounds(1 * ASMB, 1_000_000_000 * ASMB),
        integral=True,
    ),
    Parameter(
        "GOV_VOTING_EPOCHS",
        rational(14),
        "epochs",
        "Length of a proposal's voting period.",
        ChosenBySpec(_COSMOS_GOV, "the Cosmos Hub's voting_period of 1,209,600 s (14 days)"),
        BOTH,
        governance=bounds(1, 90),
        integral=True,
    ),
    Parameter(
        "GOV_QUORUM",
        rational(334, 1000),
        RATIO,
        "Share of bonded stake that must vote for a tally to count.",
        ChosenBySpec(_COSMOS_GOV, "quorum of 0.334"),
        BOTH,
        governance=bounds(0, 1),
    ),
    Parameter(
        "GOV_THRESHOLD",
        rational(1, 2),
        RATIO,
        "Share of non-abstaining votes that must be yes for a proposal to pass.",
        ChosenBySpec(_COSMOS_GOV, "threshold of 0.5"),
        BOTH,
        governance=bounds(Fraction(1, 2), 1),
    ),
    Parameter(
        "GOV_VETO_THRESHOLD",
        rational(334, 1000),
        RATIO,
        "Share of all votes voting no-with-veto that rejects a proposal and burns its deposit.",
        ChosenBySpec(_COSMOS_GOV, "veto_threshold of 0.334"),
        BOTH,
        governance=bounds(0, 1),
    ),
    Parameter(
        "GOV_ACTIVATION_DELAY_EPOCHS",
        rational(2),
        "epochs",
        "Epochs between the end of a passed proposal's vote and the epoch its change applies.",
        ChosenBySpec(
            _COSMOS_GOV,
            "like a software-upgrade proposal scheduled at a later height: one full epoch of "
            "notice between the tally and the change",
        ),
        BOTH,
        governance=bounds(1, 365),
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
        "GOV-PARAM-01",
        "governance",
        "Only governance changes a governed parameter, only within its bounds and resolution; "
        "every value in force is the published one or the result of recorded changes.",
        SeedQuote(
            SEED_ASSEMBLY,
            "with the outcome being fully enforced by the network",
        ),
        "values = spec ∘ history,  every value within its bounds",
        state=True,
    ),
    Invariant(
        "GOV-PROPOSE-01",
        "governance",
        "Any holder may propose parameter changes with the minimum deposit; every proposal changes "
        "only governable parameters within bounds and activates after its vote ends.",
        SeedQuote(SEED_ASSEMBLY, "Any ASMB token holder is able to submit new proposals"),
        "changes ⊆ governable ∧ activation > voting end",
        state=True,
    ),
    Invariant(
        "GOV-TALLY-01",
        "governance",
        "Deposits are held while a proposal is voting, returned after the tally, and burned only "
        "when the proposal is vetoed.",
        SeedQuote(SEED_ASSEMBLY, "get other participants to vote on it"),
        "deposits account = Σ deposits of proposals voting",
        state=True,
    ),
    Invariant(
        "GOV-TALLY-02",
        "governance",
        "A proposal passes when the votes reach the quorum of bonded stake, no-with-veto stays at "
        "or below its threshold, and yes exceeds the threshold of the non-abstaining votes.",
        SeedQuote(SEED_ASSEMBLY, "get other participants to vote on it"),
        "voted/bonded ≥ q ∧ veto/voted ≤ v ∧ yes/(voted − abstain) > t",
        state=True,
    ),
    Invariant(
        "GOV-EXEC-01",
        "governance",
        "A passed proposal's changes apply at its activation epoch, enforced by the network even "
        "if nobody executes it; a failed or not yet due proposal cannot be executed.",
        SeedQuote(SEED_ASSEMBLY, "with the outcome being fully enforced by the network"),
        "status = passed ⇒ applied at activation",
        state=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
# ---------------------------------------------------------------------------------------------
# Assumptions of the what-if projection
# ---------------------------------------------------------------------------------------------

_PROJECTION = "the what-if projection (contracts/projection.py)"

#: What a governance what-if projection assumes about holders and chains (``asmb-spec what-if
#: --assume``, ``--sweep``). At their defaults a projection is the one of spec 0.10.0.
ASSUMPTIONS: Final[tuple[Assumption, ...]] = (
    Assumption(
        "ASSUME-BONDED-SHARE",
        Fraction(1, 2),
        RATIO,
        "Share of the initial supply bonded at genesis, the operators' own bonds included, "
        "funded from the community allocation (beyond it from the IOTA stakers' and the "
        "unassigned reserves); rewards are bonded again every year.",
        ChosenBySpec(_PROJECTION, "half the supply, the middle of the range a sweep covers"),
        Fraction(1, 100),
        Fraction(9, 10),
        resolution=RATIO_RESOLUTION,
    ),
    Assumption(
        "ASSUME-COMMISSION",
        Fraction(1, 20),
        RATIO,
        "Every validator's commission on its pool's rewards (within the commission bounds in "
        "force: ASMB_MIN_COMMISSION to ASMB_MAX_COMMISSION).",
        ChosenBySpec(_PROJECTION, "5 %, a common commission on Cosmos SDK chains"),
        Fraction(0),
        Fraction(1),
        resolution=RATIO_RESOLUTION,
    ),
    Assumption(
        "ASSUME-CHAIN-FEES",
        Fraction(0),
        "µASMB/epoch",
        "Fees smart-contract chains pay every epoch: one fee-charging chain whose committee is "
        "every validator; its users' µASMB come from the genesis reserves.",
        ChosenBySpec(_PROJECTION, "no fees: every chain may run with zero fees (seed 001)"),
        Fraction(0),
        Fraction(10**6 * ASMB),
        integral=True,
    ),
    Assumption(
        "ASSUME-VALIDATORS",
        Fraction(10),
        "validators",
        "Validators, each always operational and never slashed, each with one delegator.",
        ChosenBySpec(_PROJECTION, "ten validators"),
        Fraction(1),
        Fraction(100),
        integral=True,
    ),
    Assumption(
        "ASSUME-OWN-BOND-SHARE",
        Fraction(1, 5),
        RATIO,
        "The operators' own bonds together, as a share of the bonded stake (split evenly); "
        "their delegators bond the rest.",
        ChosenBySpec(_PROJECTION, "a fifth: each of ten validators bonds 1 % of the supply"),
        Fraction(1, 10_000),
        Fraction(1),
        resolution=RATIO_RESOLUTION,
    ),
)

LATEX: Final[dict[str, str]] = {}

#: Short symbols of this program's parameters in the site's formulas (LaTeX): none of them
#: appears in a derivation.
NOTATION: Final[dict[str, str]] = {}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = ()
