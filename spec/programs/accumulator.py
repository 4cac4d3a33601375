"""The reward accumulator shared by the post-launch distribution and the root chain.

Its fixed-point scale and the rules that make it exact: conservation of what is offered, stake
bookkeeping, and a holder with no stake earning nothing. Contract: ``contracts/accumulator.py``;
page: ``docs/postlaunch.md``.
"""

from __future__ import annotations

from typing import Final

from spec.records import BOTH, Derivation, Difference, Invariant, Parameter, rational
from spec.sources import SEED_STAKING, ChosenBySpec, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "ACCUMULATOR_SCALE",
        rational(10**18),
        "1",
        "Fixed-point scale of the reward-per-unit-of-stake accumulator.",
        ChosenBySpec(
            "Cosmos SDK x/distribution (F1)",
            "reward-per-stake ratios kept at 18 decimal places, as LegacyDec keeps them",
        ),
        BOTH,
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
        "ACC-CONSERVE-01",
        "accumulator",
        "The reward accumulator conserves value exactly: offered · SCALE = SCALE · (claimed + "
        "undistributed) + rounding + Σ owed, every division flooring in the protocol's favour.",
        SeedQuote(SEED_STAKING, "The ASMB distribution during the second staking period"),
        "offered · SCALE = SCALE (claimed + undistributed) + rounding + Σ_h owed_h",
        state=True,
    ),
    Invariant(
        "ACC-STAKE-01",
        "accumulator",
        "Stake added in a period earns from the next period; stake removed leaves at once; the "
        "totals are always the sums of the positions.",
        SeedQuote(SEED_STAKING, "of the total daily staked amount of IOTA tokens"),
        "total_active = Σ_h active_h,  total_pending = Σ_h pending_h",
        state=True,
    ),
    Invariant(
        "ACC-ZERO-01",
        "accumulator",
        "A period's reward offered when no stake is active goes to the undistributed sink: it is "
        "neither divided by zero nor credited to whoever stakes next.",
        SeedQuote(
            SEED_STAKING, "The fewer total IOTA tokens are staked, the higher the individual"
        ),
        "total_active = 0 ⇒ undistributed += amount, R unchanged",
        oracle=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "ACC-CONSERVE-01": r"\mathrm{offered} \cdot S = S(\mathrm{claimed} + \mathrm{undistributed}) + "
    r"\mathrm{rounding} + \sum_h \mathrm{owed}_h",
}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "ACCUMULATOR_SCALE": r"K",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = ()
