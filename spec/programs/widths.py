"""Integer widths: every stored quantity of every program fits its integer.

Not a program of its own: the derivations give the largest value each program's arithmetic
reaches, and the invariants check them against 64 and 128 bits, symbolically and over contract
state. Page: ``docs/implementers.md``.
"""

from __future__ import annotations

from typing import Any, Final

import sympy

from spec.programs.supply import ASMB_SUPPLY, EPOCHS_PER_YEAR, INFLATION_RATE, IOTA_STAKERS
from spec.proofs import derivation as derivation_of
from spec.proofs import derived, every_derivation, exact
from spec.records import (
    U64_MAX,
    U128_MAX,
    Derivation,
    Difference,
    Environment,
    Invariant,
    P,
    Parameter,
    floor,
)
from spec.sources import SEED_ASSEMBLY, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = ()

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------


def _inflation_width_from(before: Environment, after: Environment, epoch: int) -> Any:
    """WIDTH-ASMB-INFLATION when the rate changes at ``epoch``: the 10-year supply of that path
    (closed form) at the larger of the rates in force within the 10 years, rounded up."""
    supply = derivation_of("ASMB-SUPPLY-10Y-CLOSED-FORM").evaluate_from(before, after, epoch)
    per_year = int(before["ASMB_EPOCHS_PER_YEAR"])
    in_force = ([before] if epoch > 0 else []) + ([after] if epoch < 10 * per_year else [])
    rate = max(env["ASMB_INFLATION_RATE"] for env in in_force)
    return sympy.ceiling(supply * rate * 10_000 * per_year)


DERIVATIONS: Final[tuple[Derivation, ...]] = (
    Derivation(
        "WIDTH-PRE-RATE",
        "widths",
        "Pre-launch per-output product amount × numerator at the overflow guard's largest "
        "numerator (the whole supply as one output).",
        "base units",
        P("IOTA_TOTAL_SUPPLY") * floor(U64_MAX / P("IOTA_TOTAL_SUPPLY")),
        width=True,
    ),
    Derivation(
        "WIDTH-PRE-EVENT-TOTAL",
        "widths",
        "Pre-launch event total: floor(supply × rate) × milestones for round 1, the largest "
        "deployed rate.",
        "µASMB",
        floor(P("IOTA_TOTAL_SUPPLY") * P("ASSEMBLY_R1_RATE"))
        * (P("ASSEMBLY_R1_END") - P("ASSEMBLY_R1_START")),
        width=True,
    ),
    Derivation(
        "WIDTH-POST-ACCUMULATOR",
        "widths",
        "Post-launch accumulator: the whole allocation times the accumulator's fixed-point "
        "scale, the bound of every reward-per-stake product.",
        "µASMB·scale",
        IOTA_STAKERS * P("ACCUMULATOR_SCALE"),
        width=True,
    ),
    Derivation(
        "WIDTH-ASMB-INFLATION",
        "widths",
        "Inflation: S × rate numerator × 365 in the cumulative per-epoch floor, at the 10-year "
        "supply and the rate in basis points (rounded up to a whole number).",
        "µASMB·bp",
        sympy.ceiling(
            ASMB_SUPPLY * (1 + INFLATION_RATE) ** 10 * INFLATION_RATE * 10_000 * EPOCHS_PER_YEAR
        ),
        width=True,
        timed=_inflation_width_from,
    ),
    Derivation(
        "WIDTH-SMR-GENESIS",
        "widths",
        "Shimmer genesis: stakers' glow × 5 (dividing by 4/5 exactly).",
        "glow",
        P("SHIMMER_GENESIS_STAKERS") / P("SHIMMER_STAKERS_SHARE") * 4,
        width=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------


def _widths(environment: Environment) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for derivation in every_derivation():
        if derivation.width:
            value = derivation.evaluate(environment)
            pairs.append((f"{derivation.id} < 2^128", sympy.Lt(value, U128_MAX + 1)))
    pairs.append(
        (
            "pre-launch event total < 2^64",
            sympy.Lt(derived("WIDTH-PRE-EVENT-TOTAL", environment), U64_MAX + 1),
        )
    )
    pairs.append(
        (
            "10-year ASMB supply < 2^64",
            sympy.Lt(derived("ASMB-SUPPLY-10Y", environment), U64_MAX + 1),
        )
    )
    return pairs


INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "WIDTH-01",
        "widths",
        "Every reward formula's widest intermediate value fits in 128 bits, and every amount that "
        "an implementation stores (event totals, the 10-year supply) fits in 64 bits.",
        SeedQuote(SEED_ASSEMBLY, "Stake and secure the entire network and earn staking rewards."),
        "max intermediate < 2^128,  stored amounts < 2^64",
        exact(_widths),
    ),
    Invariant(
        "WIDTH-02",
        "widths",
        "In every reachable state, every balance, stake, pool, share count, unbonding entry and "
        "supply a contract stores fits in 64 bits: a call that would breach a width is refused "
        "before it writes (WIDTH_EXCEEDED).",
        SeedQuote(SEED_ASSEMBLY, "Stake and secure the entire network and earn staking rewards."),
        "0 ≤ stored quantity ≤ 2^64 − 1",
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
