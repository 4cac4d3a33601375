"""ASMB supply, allocation and inflation.

The initial supply of 100 billion ASMB, its genesis allocation (IOTA stakers, community, the
remainder the seeds leave unassigned) and the yearly inflation minted to stakers, epoch by epoch.
Contracts: ``contracts/ledger.py`` (conservation) and ``contracts/inflation.py``; page:
``docs/supply.md``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Final

import sympy

from spec.proofs import Proof, all_of, derivation, derived, eq, exact, identity, verdict
from spec.records import (
    ASMB,
    BOTH,
    D1,
    MICRO_ASMB,
    RATIO,
    SEED,
    Derivation,
    Difference,
    Environment,
    Invariant,
    P,
    Parameter,
    bounds,
    floor,
    rates_by_year,
    rational,
    readme,
    seed,
    supply_after_years,
    supply_after_years_from,
)
from spec.sources import SEED_ASSEMBLY, SEED_STAKING, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "ASMB_DECIMALS",
        rational(6),
        "decimals",
        "ASMB is counted in micro-ASMB: 1 ASMB = 10^6 µASMB.",
        readme("ASMB rewards are in micro-ASMB (6 decimals)"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "ASMB_INITIAL_SUPPLY",
        rational(100 * 10**9 * ASMB),
        MICRO_ASMB,
        "Initial (genesis) supply of ASMB: 100 billion ASMB.",
        seed(SEED_STAKING, "total initial Assembly supply of 100 billion tokens"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_STAKERS_SHARE",
        rational(20, 100),
        RATIO,
        "Share of the initial ASMB supply given to IOTA stakers, pre- and post-launch together.",
        seed(SEED_STAKING, "20% (20 billion tokens)"),
        BOTH,
    ),
    Parameter(
        "PRELAUNCH_MAX_SHARE",
        rational(8, 100),
        RATIO,
        "Maximum share of the initial ASMB supply distributed in the 90-day pre-launch window.",
        seed(
            SEED_STAKING,
            "a maximum of 8% of the Assembly supply can be distributed to IOTA token stakers",
        ),
        SEED,
    ),
    Parameter(
        "POSTLAUNCH_PLANNED",
        rational(12 * 10**9 * ASMB),
        MICRO_ASMB,
        "ASMB planned for the post-launch distribution when the pre-launch maximum is reached; "
        "the distribution runs on the Assembly network, so its governance may change the amount "
        "(ASMB-SPLIT-01 then says whether the 20 % promise still holds).",
        seed(SEED_STAKING, "the already planned 12 billion ASMB tokens to IOTA stakers"),
        SEED,
        governance=bounds(0, 20 * 10**9 * ASMB),
        integral=True,
    ),
    Parameter(
        "COMMUNITY_SHARE",
        rational(70, 100),
        RATIO,
        "Share of the ASMB supply reserved for developer incentives, community DAOs and grants.",
        seed(
            SEED_ASSEMBLY,
            "70% of the entire token supply of Assembly will be reserved for developer "
            "incentives, community-governed DAOs and grants",
        ),
        BOTH,
    ),
    Parameter(
        "ASMB_INFLATION_RATE",
        rational(8, 100),
        "1/year",
        "Yearly ASMB inflation, minted to stakers; governance may lower it.",
        seed(SEED_STAKING, "The yearly inflation of the Assembly supply is set to 8%."),
        BOTH,
        governance=bounds(0, Fraction(8, 100)),
    ),
)

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

ASMB_SUPPLY = P("ASMB_INITIAL_SUPPLY")
IOTA_STAKERS = P("IOTA_STAKERS_SHARE") * ASMB_SUPPLY
INFLATION_RATE = P("ASMB_INFLATION_RATE")
EPOCHS_PER_YEAR = P("ASMB_EPOCHS_PER_YEAR")


def _year_rates(before: Environment, after: Environment, epoch: int, years: int) -> list[Any]:
    """Each year's provision rate when the inflation rate changes at ``epoch``."""
    return rates_by_year("ASMB_INFLATION_RATE", "ASMB_EPOCHS_PER_YEAR", before, after, epoch, years)


DERIVATIONS: Final[tuple[Derivation, ...]] = (
    Derivation(
        "ASMB-ALLOCATION-IOTA-STAKERS",
        "supply",
        "Genesis allocation to IOTA stakers (pre- and post-launch together).",
        "µASMB",
        IOTA_STAKERS,
    ),
    Derivation(
        "ASMB-ALLOCATION-COMMUNITY",
        "supply",
        "Genesis allocation to the community (developer incentives, DAOs, grants).",
        "µASMB",
        P("COMMUNITY_SHARE") * ASMB_SUPPLY,
    ),
    Derivation(
        "ASMB-ALLOCATION-UNASSIGNED",
        "supply",
        "The rest of the genesis supply, which the seeds do not assign.",
        "µASMB",
        (1 - P("IOTA_STAKERS_SHARE") - P("COMMUNITY_SHARE")) * ASMB_SUPPLY,
    ),
    Derivation(
        "ASMB-SPLIT-PLANNED-SHARE",
        "supply",
        "The planned split of the IOTA stakers' share: 8 % pre-launch + 12 % post-launch.",
        "1",
        P("PRELAUNCH_MAX_SHARE") + P("POSTLAUNCH_PLANNED") / ASMB_SUPPLY,
    ),
    Derivation(
        "ASMB-INFLATION-EPOCH-COMPOUND-RATE",
        "inflation",
        "Per-epoch rate that compounds to exactly 8 % a year: (1 + r)^(1/365) − 1 (irrational).",
        "1/epoch",
        (1 + INFLATION_RATE) ** (1 / EPOCHS_PER_YEAR) - 1,
    ),
    Derivation(
        "ASMB-INFLATION-NOMINAL-EFFECTIVE",
        "inflation",
        "Effective yearly inflation if 8 %/365 is minted per epoch on the current supply.",
        "1/year",
        (1 + INFLATION_RATE / EPOCHS_PER_YEAR) ** EPOCHS_PER_YEAR - 1,
        compute=lambda env: sympy.Add(
            sympy.Pow(
                1 + env["ASMB_INFLATION_RATE"] / env["ASMB_EPOCHS_PER_YEAR"],
                env["ASMB_EPOCHS_PER_YEAR"],
                evaluate=False,
            ),
            -1,
            evaluate=False,
        ),
    ),
    Derivation(
        "ASMB-INFLATION-YEARLY-PROVISION",
        "inflation",
        "Adopted convention: year 1's provision floor(S_0 × r), paid evenly over 365 epochs.",
        "µASMB/year",
        floor(ASMB_SUPPLY * INFLATION_RATE),
        timed=lambda before, after, epoch: sympy.floor(
            before["ASMB_INITIAL_SUPPLY"] * _year_rates(before, after, epoch, 1)[0]
        ),
    ),
    Derivation(
        "ASMB-INFLATION-FIRST-EPOCH",
        "inflation",
        "The first epoch's mint under the adopted convention: floor(S_0 × r / 365).",
        "µASMB/epoch",
        floor(ASMB_SUPPLY * INFLATION_RATE / EPOCHS_PER_YEAR),
        timed=lambda before, after, epoch: sympy.floor(
            before["ASMB_INITIAL_SUPPLY"]
            * (after if epoch == 0 else before)["ASMB_INFLATION_RATE"]
            / before["ASMB_EPOCHS_PER_YEAR"]
        ),
    ),
    Derivation(
        "ASMB-SUPPLY-10Y",
        "inflation",
        "ASMB supply after 10 years of the adopted convention (each year's provision floored).",
        "µASMB",
        ASMB_SUPPLY * (1 + INFLATION_RATE) ** 10,
        compute=supply_after_years("ASMB_INITIAL_SUPPLY", "ASMB_INFLATION_RATE", 10),
        timed=supply_after_years_from(
            "ASMB_INITIAL_SUPPLY", "ASMB_INFLATION_RATE", "ASMB_EPOCHS_PER_YEAR", 10
        ),
    ),
    Derivation(
        "ASMB-SUPPLY-10Y-CLOSED-FORM",
        "inflation",
        "The closed form S_0 (1 + r)^10, without the yearly floors.",
        "µASMB",
        ASMB_SUPPLY * (1 + INFLATION_RATE) ** 10,
        timed=supply_after_years_from(
            "ASMB_INITIAL_SUPPLY", "ASMB_INFLATION_RATE", "ASMB_EPOCHS_PER_YEAR", 10, floored=False
        ),
    ),
)

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------


def _prove_split_range(environment: Environment) -> Proof:
    """D_1 + allocation(D_1) = 20 B for all D_1, and allocation ≥ 12 B exactly when D_1 ≤ cap."""
    d = sympy.Symbol("d", real=True)
    stakers = derived("ASMB-ALLOCATION-IOTA-STAKERS", environment)
    planned = environment["POSTLAUNCH_PLANNED"]
    cap = derived("PRE-CAP-AMOUNT", environment)
    allocation = derivation("POST-ALLOCATION").symbolic(environment).subs(D1, d)
    total_ok = sympy.simplify(d + allocation - stakers) == 0
    solution = sympy.solve_univariate_inequality(allocation >= planned, d, relational=False)
    ok = total_ok and solution == sympy.Interval(-sympy.oo, cap)
    detail = f"D_1 + allocation - 20 B = 0; solve(allocation ≥ 12 B) = {solution}"
    return Proof(verdict(ok), "symbolic identity + solve", detail)


def _prove_yearly_provision(environment: Environment) -> Proof:
    """Sum the 365 cumulative-floor epoch mints of year 1 exactly and compare with floor(S r)."""
    supply = sympy.Integer(environment["ASMB_INITIAL_SUPPLY"])
    rate = environment["ASMB_INFLATION_RATE"]
    epochs = int(environment["ASMB_EPOCHS_PER_YEAR"])
    minted = [
        sympy.floor(supply * rate * (k + 1) / epochs) - sympy.floor(supply * rate * k / epochs)
        for k in range(epochs)
    ]
    provision = sympy.floor(supply * rate)
    ok = sum(minted) == provision and all(m >= 0 for m in minted)
    detail = f"Σ over {epochs} epochs of (F(k+1) − F(k)) = {sum(minted)} = floor(S·r) = {provision}"
    return Proof(verdict(ok), "exact evaluation over the finite domain", detail)


_S = P("ASMB_INITIAL_SUPPLY")
_A = P("IOTA_STAKERS_SHARE")
_C = P("COMMUNITY_SHARE")

INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "ASMB-SUPPLY-01",
        "supply",
        "The genesis allocations (IOTA stakers, community, and the remainder the seeds leave "
        "unassigned) are each non-negative and add up to the initial supply exactly.",
        SeedQuote(SEED_STAKING, "total initial Assembly supply of 100 billion tokens"),
        "A·S + C·S + (1 − A − C)·S = S,  1 − A − C ≥ 0",
        all_of(
            identity(_A * _S + _C * _S + (1 - _A - _C) * _S, _S),
            exact(
                lambda env: [
                    (
                        "unassigned ≥ 0",
                        sympy.Ge(derived("ASMB-ALLOCATION-UNASSIGNED", env), 0),
                    )
                ]
            ),
        ),
        state=True,
    ),
    Invariant(
        "ASMB-SUPPLY-02",
        "supply",
        "ASMB is conserved: genesis + minted − burned = supply = Σ balances; only the inflation "
        "authority mints, into the rewards pool, and only the slashing and governance "
        "authorities burn, each from its own module accounts.",
        SeedQuote(SEED_ASSEMBLY, "Slashed tokens are burned by the network."),
        "genesis + minted − burned = Σ_accounts balance",
        state=True,
    ),
    Invariant(
        "ASMB-SPLIT-01",
        "supply",
        "The pre-launch maximum (8 % of the supply) and the planned post-launch amount (12 B) "
        "add up to the IOTA stakers' share (20 %).",
        SeedQuote(SEED_STAKING, "the already planned 12 billion ASMB tokens to IOTA stakers"),
        "8 %·S + 12 B = 20 %·S",
        exact(
            lambda env: [
                (
                    "8 % + 12 B / S = 20 %",
                    eq(derived("ASMB-SPLIT-PLANNED-SHARE", env), env["IOTA_STAKERS_SHARE"]),
                )
            ]
        ),
    ),
    Invariant(
        "ASMB-SPLIT-02",
        "supply",
        "For any phase-1 total D_1, phase 1 and the post-launch allocation add up to the IOTA "
        "stakers' 20 %, and the post-launch allocation is at least the planned 12 B exactly when "
        "D_1 is within the 8 % maximum.",
        SeedQuote(
            SEED_STAKING,
            "the remaining ASMB tokens will be distributed in addition to the already planned "
            "12 billion ASMB tokens",
        ),
        "D_1 + (20 B − D_1) = 20 B;  20 B − D_1 ≥ 12 B ⇔ D_1 ≤ 8 B",
        _prove_split_range,
    ),
    Invariant(
        "ASMB-INFLATION-01",
        "inflation",
        "Under the adopted yearly-provision convention, a year's per-epoch mints (differences of "
        "cumulative floors) add up to exactly floor(S · r): the yearly inflation is the rate "
        "itself, never more.",
        SeedQuote(SEED_STAKING, "The yearly inflation of the Assembly supply is set to 8%."),
        "Σ_{k<365} (⌊S r (k+1)/365⌋ − ⌊S r k/365⌋) = ⌊S r⌋",
        _prove_yearly_provision,
    ),
    Invariant(
        "ASMB-INFLATION-02",
        "inflation",
        "Minting r/365 of the current supply every epoch would compound to more than r a year; "
        "the adopted convention does not drift.",
        SeedQuote(SEED_STAKING, "The yearly inflation of the Assembly supply is set to 8%."),
        "(1 + r/365)^365 − 1 > r for r > 0",
        exact(
            lambda env: [
                (
                    "nominal compounding exceeds r",
                    sympy.Gt(
                        derived("ASMB-INFLATION-NOMINAL-EFFECTIVE", env).doit(),
                        env["ASMB_INFLATION_RATE"],
                    )
                    if env["ASMB_INFLATION_RATE"] > 0
                    else sympy.true,
                ),
            ]
        ),
    ),
    Invariant(
        "ASMB-INFLATION-03",
        "inflation",
        "Flooring each year's provision keeps the supply after n years at most n µASMB below the "
        "closed form S_0 (1 + r)^n (shown for n = 10).",
        SeedQuote(SEED_STAKING, "The yearly inflation of the Assembly supply is set to 8%."),
        "0 ≤ S_0 (1 + r)^10 − S_10 < 10",
        exact(
            lambda env: [
                (
                    "0 ≤ closed − floored",
                    sympy.Ge(
                        derived("ASMB-SUPPLY-10Y-CLOSED-FORM", env)
                        - derived("ASMB-SUPPLY-10Y", env),
                        0,
                    ),
                ),
                (
                    "closed − floored < 10",
                    sympy.Lt(
                        derived("ASMB-SUPPLY-10Y-CLOSED-FORM", env)
                        - derived("ASMB-SUPPLY-10Y", env),
                        10,
                    ),
                ),
            ]
        ),
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "ASMB-SUPPLY-01": r"A S + C S + (1 - A - C) S = S,\quad 1 - A - C \ge 0",
    "ASMB-SPLIT-02": r"D_1 + (20\,\mathrm{B} - D_1) = 20\,\mathrm{B},\quad "
    r"20\,\mathrm{B} - D_1 \ge 12\,\mathrm{B} \iff D_1 \le 8\,\mathrm{B}",
    "ASMB-INFLATION-01": r"\sum_{k<365} \left( \left\lfloor \frac{S r (k+1)}{365} \right\rfloor - "
    r"\left\lfloor \frac{S r k}{365} \right\rfloor \right) = \lfloor S r \rfloor",
}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "ASMB_DECIMALS": r"d_{\mathrm{ASMB}}",
    "ASMB_INITIAL_SUPPLY": r"S_0",
    "IOTA_STAKERS_SHARE": r"\sigma_{\mathrm{I}}",
    "PRELAUNCH_MAX_SHARE": r"\sigma_{\mathrm{pre}}",
    "POSTLAUNCH_PLANNED": r"P_{\mathrm{post}}",
    "COMMUNITY_SHARE": r"\sigma_{\mathrm{C}}",
    "ASMB_INFLATION_RATE": r"r",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = ()
