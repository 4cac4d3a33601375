"""Post-launch ASMB distribution: the rest of the 20 % over 21 months (639 days).

The allocation left after the pre-launch window (``D_1``), the daily pro-rata payout and its
dust. Contract: ``contracts/postlaunch.py`` (on the reward accumulator,
:mod:`spec.programs.accumulator`); page: ``docs/postlaunch.md``.
"""

from __future__ import annotations

from typing import Final

import sympy

from spec.programs.prelaunch import CAP
from spec.programs.supply import IOTA_STAKERS
from spec.proofs import all_of, derived, eq, exact, identity
from spec.records import (
    ASMB,
    D1,
    MICRO_ASMB,
    SEED,
    Derivation,
    Difference,
    Invariant,
    P,
    Parameter,
    floor,
    rational,
    seed,
)
from spec.sources import SEED_STAKING, FixtureField, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "POSTLAUNCH_MONTHS",
        rational(21),
        "months",
        "Length of the post-launch distribution in months.",
        seed(SEED_STAKING, "IOTA staking for ASMB will be possible for 21 more months"),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_DAYS",
        rational(639),
        "days",
        "Length of the post-launch distribution in days: one payout per day.",
        seed(SEED_STAKING, "21.909.233 ASMB tokens to the IOTA stakers over 639 days"),
        SEED,
        integral=True,
    ),
    Parameter(
        "STAKING_TOTAL_MONTHS",
        rational(24),
        "months",
        "Pre-launch and post-launch staking together.",
        seed(SEED_STAKING, "until a total of 24 months of staking has passed"),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_EXAMPLE_D1",
        rational(6 * 10**9 * ASMB),
        MICRO_ASMB,
        "The seed's worked example: ASMB distributed in the first 90 days.",
        seed(
            SEED_STAKING,
            "If only 6 billion ASMB tokens had been distributed in the first 90 days",
        ),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_EXAMPLE_REMAINING",
        rational(14 * 10**9 * ASMB),
        MICRO_ASMB,
        "The seed's worked example: ASMB still available for the 21 months.",
        seed(SEED_STAKING, "14 billion ASMB tokens would still be available"),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_EXAMPLE_DAILY",
        rational(21_909_233),
        "ASMB/day",
        "The seed's worked example: the daily payout, in whole ASMB.",
        seed(SEED_STAKING, "21.909.233 ASMB tokens to the IOTA stakers over 639 days"),
        SEED,
        integral=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

_ALLOCATION = IOTA_STAKERS - D1
_DAILY = floor(_ALLOCATION / P("POSTLAUNCH_DAYS"))
_ASMB_UNIT = 10 ** P("ASMB_DECIMALS")
_ACC_SCALE = P("ACCUMULATOR_SCALE")

DERIVATIONS: Final[tuple[Derivation, ...]] = (
    Derivation(
        "POST-ALLOCATION",
        "postlaunch",
        "ASMB left for the 639 days after phase 1 distributed D_1: 20 B − D_1.",
        "µASMB",
        _ALLOCATION,
        {D1: "POSTLAUNCH_EXAMPLE_D1"},
    ),
    Derivation(
        "POST-ALLOCATION-AT-CAP",
        "postlaunch",
        "The post-launch allocation when phase 1 reached its 8 % maximum: the planned 12 B.",
        "µASMB",
        IOTA_STAKERS - CAP,
    ),
    Derivation(
        "POST-DAILY-PAYOUT",
        "postlaunch",
        "Daily payout floor((20 B − D_1) / 639), in µASMB.",
        "µASMB/day",
        _DAILY,
        {D1: "POSTLAUNCH_EXAMPLE_D1"},
    ),
    Derivation(
        "POST-DAILY-PAYOUT-ASMB",
        "postlaunch",
        "The daily payout in whole ASMB, as the seed states it.",
        "ASMB/day",
        floor(_DAILY / _ASMB_UNIT),
        {D1: "POSTLAUNCH_EXAMPLE_D1"},
    ),
    Derivation(
        "POST-DUST",
        "postlaunch",
        "µASMB left by flooring the daily payout: (20 B − D_1) mod 639.",
        "µASMB",
        _ALLOCATION - P("POSTLAUNCH_DAYS") * _DAILY,
        {D1: "POSTLAUNCH_EXAMPLE_D1"},
    ),
    Derivation(
        "POST-DUST-WHOLE-ASMB",
        "postlaunch",
        "ASMB that a whole-ASMB daily payout (the seed's reading) would leave undistributed.",
        "ASMB",
        _ALLOCATION / _ASMB_UNIT
        - P("POSTLAUNCH_DAYS") * floor(_ALLOCATION / _ASMB_UNIT / P("POSTLAUNCH_DAYS")),
        {D1: "POSTLAUNCH_EXAMPLE_D1"},
    ),
    Derivation(
        "POST-ACCUMULATOR-BOUND",
        "postlaunch",
        "Most µASMB a holder can receive below its exact pro-rata share over the 639 days: one "
        "for the final floor plus the accumulator's truncation, at most 639 × (whole IOTA "
        "supply) / SCALE.",
        "µASMB",
        1 + floor(P("POSTLAUNCH_DAYS") * P("IOTA_TOTAL_SUPPLY") / _ACC_SCALE),
    ),
    Derivation(
        "POST-DAYS-365",
        "postlaunch",
        "21 months in days with 365/12-day months.",
        "days",
        P("POSTLAUNCH_MONTHS") * P("IOTASRB_DAYS_PER_YEAR") / 12,
    ),
    Derivation(
        "POST-DAYS-365.25",
        "postlaunch",
        "21 months in days with 365.25/12-day (Julian) months.",
        "days",
        P("POSTLAUNCH_MONTHS") * sympy.Rational(36525, 100) / 12,
    ),
)

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------

_DAYS = P("POSTLAUNCH_DAYS")
_X = sympy.Symbol("x", integer=True, nonnegative=True)

INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "POST-PAYOUT-01",
        "postlaunch",
        "639 daily payouts of floor((20 B − D_1)/639) µASMB plus the dust (20 B − D_1) mod 639 "
        "equal the post-launch allocation exactly, and the dust is less than 639 µASMB.",
        SeedQuote(SEED_STAKING, "The ASMB distribution during the second staking period"),
        "639 · ⌊x/639⌋ + (x mod 639) = x,  0 ≤ x mod 639 < 639",
        all_of(
            identity(_DAYS * sympy.floor(_X / _DAYS) + sympy.Mod(_X, _DAYS), _X, sympy.floor),
            exact(
                lambda env: [
                    ("dust ≥ 0", sympy.Ge(derived("POST-DUST", env), 0)),
                    ("dust < days", sympy.Lt(derived("POST-DUST", env), env["POSTLAUNCH_DAYS"])),
                ]
            ),
        ),
        state=True,
    ),
    Invariant(
        "POST-PAYOUT-02",
        "postlaunch",
        "The seed's worked example is reproduced: with D_1 = 6 B ASMB, 14 B ASMB remain and the "
        "daily payout is 21,909,233 whole ASMB.",
        SeedQuote(SEED_STAKING, "21.909.233 ASMB tokens to the IOTA stakers over 639 days"),
        "20 B − 6 B = 14 B,  ⌊⌊14 B / 639⌋ / 10^6⌋ = 21 909 233",
        exact(
            lambda env: [
                (
                    "remaining = 14 B",
                    eq(derived("POST-ALLOCATION", env), env["POSTLAUNCH_EXAMPLE_REMAINING"]),
                ),
                (
                    "daily = 21,909,233 ASMB",
                    eq(derived("POST-DAILY-PAYOUT-ASMB", env), env["POSTLAUNCH_EXAMPLE_DAILY"]),
                ),
            ]
        ),
    ),
    Invariant(
        "POST-DAYS-01",
        "postlaunch",
        "The seed's 639 days are its 21 months rounded: ceil(21 · 365/12) = floor(21 · 365.25/12) "
        "= 639.",
        SeedQuote(SEED_STAKING, "IOTA staking for ASMB will be possible for 21 more months"),
        "⌈21 · 365/12⌉ = ⌊21 · 365.25/12⌋ = 639",
        exact(
            lambda env: [
                (
                    "ceil(638.75) = 639",
                    eq(sympy.ceiling(derived("POST-DAYS-365", env)), env["POSTLAUNCH_DAYS"]),
                ),
                (
                    "floor(639.1875) = 639",
                    eq(sympy.floor(derived("POST-DAYS-365.25", env)), env["POSTLAUNCH_DAYS"]),
                ),
            ]
        ),
    ),
    Invariant(
        "POST-SCHEDULE-01",
        "postlaunch",
        "Every µASMB of the post-launch allocation is in exactly one place: claimed, claimable, "
        "undistributed (days nobody staked), schedule dust, rounding dust, or not yet offered; "
        "after day 639 the last is zero, and claims never exceed the allocation.",
        SeedQuote(SEED_STAKING, "14 billion ASMB tokens would still be available"),
        "Σ claimed + Σ claimable + undistributed + dust = 20 B − D_1",
        state=True,
    ),
    Invariant(
        "POST-DAY-01",
        "postlaunch",
        "A day's payout goes to the stake held through the whole day: stake added on day d earns "
        "from day d + 1, stake removed on day d earns nothing for day d.",
        SeedQuote(
            SEED_STAKING,
            "depends on the total percentual part an IOTA staker holds of the total daily staked "
            "amount",
        ),
        "weight_d(h) = min over day d of stake(h)",
        state=True,
        oracle=True,
    ),
    Invariant(
        "POST-BOUND-01",
        "postlaunch",
        "Each holder's post-launch payout is its exact pro-rata share floored, less at most "
        "POST-ACCUMULATOR-BOUND µASMB (2 at the whole IOTA supply), never more than the share.",
        SeedQuote(
            SEED_STAKING, "The fewer total IOTA tokens are staked, the higher the individual"
        ),
        "⌊share⌋ − 1 − ⌊639 · S_IOTA / SCALE⌋ ≤ paid ≤ ⌊share⌋",
        exact(
            lambda env: [
                ("bound ≥ 1", sympy.Ge(derived("POST-ACCUMULATOR-BOUND", env), 1)),
                ("bound ≤ 2", sympy.Le(derived("POST-ACCUMULATOR-BOUND", env), 2)),
            ]
        ),
        oracle=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "POST-PAYOUT-01": r"639 \left\lfloor \frac{x}{639} \right\rfloor + (x \bmod 639) = x,"
    r"\quad 0 \le x \bmod 639 < 639",
}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "POSTLAUNCH_MONTHS": r"M_{\mathrm{post}}",
    "POSTLAUNCH_DAYS": r"n_{\mathrm{post}}",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = (
    Difference(
        "DIFF-POST-DAILY",
        "The 639-day daily pro-rata distribution",
        SeedQuote(
            SEED_STAKING,
            "The ASMB distribution during the second staking period will happen on a",
        ),
        "Never built: rounds 2–6 were further 90-day per-milestone events at 2, 1, 1, 1 and 1 "
        "µASMB per Mi per milestone.",
        (
            FixtureField(
                "README.md", "", "The 639-day daily pro-rata distribution was never built"
            ),
            FixtureField("events/staking/assembly_02.json", "/payload/numerator"),
        ),
        "The seed profile's post-launch contract implements the seed's design; the deployed "
        "rounds are modelled as staking events.",
    ),
)
