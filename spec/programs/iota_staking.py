"""The IOTA Staking Rewards Benchmark (IOTASRB) of seed 002.

The benchmark's inputs, its formula for a validator and for the network, the real rate, and the
bounds of the realised rate. The exact calculator is :mod:`spec.iotasrb`. Page:
``docs/iota-staking.md``.
"""

from __future__ import annotations

from typing import Final

import sympy

from spec.proofs import Proof, all_of, identity, verdict
from spec.records import (
    BOTH,
    COMMISSION,
    INFLATION,
    NANOS,
    NANOS_PER_IOTA,
    PERFORMANCE,
    RATIO,
    ST,
    Derivation,
    Difference,
    Environment,
    Invariant,
    P,
    Parameter,
    rational,
    seed,
)
from spec.sources import SEED_IOTASRB, Artefact, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "IOTA_DECIMALS",
        rational(9),
        "decimals",
        "IOTA of today's network is counted in nanos: 1 IOTA = 10^9 nanos.",
        Artefact(
            "iotaledger/iota",
            "crates/iota-types/src/gas_coin.rs",
            "NANOS_PER_IOTA: u64 = 1_000_000_000",
        ),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTASRB_DAYS_PER_YEAR",
        rational(365),
        "days",
        "Days in the IOTASRB year: leap years are not accommodated.",
        seed(SEED_IOTASRB, "IOTASRB employs a 365-day convention"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_EPOCH_SECONDS",
        rational(86_400),
        "s",
        "Length of an epoch of today's IOTA network (24 hours).",
        Artefact(
            "iotaledger/iota",
            "crates/iota-config/src/genesis.rs",
            "default_epoch_duration_ms: 24 * 60 * 60 * 1000 (24 hrs)",
        ),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_REWARDS_PER_EPOCH",
        rational(767_000 * NANOS_PER_IOTA),
        NANOS,
        "Validator target reward per epoch: 767,000 IOTA.",
        seed(SEED_IOTASRB, "The number of rewarded tokens per epoch (767000 IOTA)."),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_REPORT_QUORUM",
        rational(2, 3),
        RATIO,
        "Share of voting power whose reports slash a validator's epoch rewards.",
        seed(SEED_IOTASRB, "If the 2/3rd majority of voting power in an epoch votes in favor"),
        BOTH,
    ),
)

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

_SECONDS_IN_YEAR = P("IOTASRB_DAYS_PER_YEAR") * P("SECONDS_PER_DAY")
_IOTA_UNIT = 10 ** P("IOTA_DECIMALS")
_IOTASRB = (
    _SECONDS_IN_YEAR / P("IOTA_EPOCH_SECONDS") * P("IOTA_REWARDS_PER_EPOCH") / _IOTA_UNIT / ST
)

DERIVATIONS: Final[tuple[Derivation, ...]] = (
    Derivation(
        "IOTASRB-SECONDS-IN-YEAR",
        "iotasrb",
        "sy: seconds in the IOTASRB's 365-day year.",
        "s",
        _SECONDS_IN_YEAR,
    ),
    Derivation(
        "IOTASRB-ANNUAL-REWARDS",
        "iotasrb",
        "sy / el × re: IOTA rewarded in a 365-day year, so that IOTASRB = this / st.",
        "IOTA/year",
        _SECONDS_IN_YEAR / P("IOTA_EPOCH_SECONDS") * P("IOTA_REWARDS_PER_EPOCH") / _IOTA_UNIT,
    ),
    Derivation(
        "IOTASRB",
        "iotasrb",
        "IOTASRB = sy / el × re / st, with re and st in whole IOTA.",
        "1/year",
        _IOTASRB,
    ),
    Derivation(
        "IOTASRB-V",
        "iotasrb",
        "IOTASRB(v) = IOTASRB × p × (1 − cr): the seed's '(1*p)' read as p.",
        "1/year",
        _IOTASRB * PERFORMANCE * (1 - COMMISSION),
    ),
    Derivation(
        "IOTASRB-REAL",
        "iotasrb",
        "Real rate (1 + IOTASRB) / (1 + i) − 1: the intended reading of the seed's formula.",
        "1/year",
        (1 + _IOTASRB) / (1 + INFLATION) - 1,
    ),
    Derivation(
        "IOTASRB-REAL-LITERAL",
        "iotasrb",
        "The seed's '1+IOTASRB /(1+i)-1' read with operator precedence: IOTASRB / (1 + i).",
        "1/year",
        1 + _IOTASRB / (1 + INFLATION) - 1,
    ),
    Derivation(
        "IOTASRB-REALISED-LOW",
        "iotasrb",
        "Lowest simple annual return realised on the framework's pools over a year of active "
        "epochs: (1 + IOTASRB)^(1 − cr) − 1 (rewards compound, commission is restaked).",
        "1/year",
        (1 + _IOTASRB) ** (1 - COMMISSION) - 1,
    ),
    Derivation(
        "IOTASRB-REALISED-HIGH",
        "iotasrb",
        "Highest simple annual return realised on the framework's pools: exp(IOTASRB(v)) − 1.",
        "1/year",
        sympy.exp(_IOTASRB * (1 - COMMISSION)) - 1,
    ),
)

_DERIVED: Final = {d.id: d for d in DERIVATIONS}

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------

_IOTASRB_V = _DERIVED["IOTASRB-V"].expression
_A1, _B1 = sympy.symbols("a b", nonnegative=True)


def _prove_realised_interval(_: Environment) -> Proof:
    """Bernoulli's inequality by concavity, and e^x ≥ 1 + x by convexity, checked in SymPy."""
    rate = sympy.Symbol("I", positive=True)
    share = sympy.Symbol("lambda", nonnegative=True)  # 1 − cr, in [0, 1]
    x = sympy.Symbol("x", nonnegative=True)
    bernoulli = 1 + share * rate - (1 + rate) ** share
    second = sympy.diff(bernoulli, share, 2)
    concave = bool(second.is_nonpositive)
    ends = bernoulli.subs(share, 0) == 0 and sympy.simplify(bernoulli.subs(share, 1)) == 0
    exponential = sympy.exp(x) - 1 - x
    convex = bool(sympy.diff(exponential, x, 2).is_positive)
    starts = exponential.subs(x, 0) == 0 and sympy.diff(exponential, x).subs(x, 0) == 0
    ok = concave and ends and convex and starts
    detail = (
        f"f(λ) = 1 + λI − (1 + I)^λ: f'' = {second} ≤ 0, f(0) = f(1) = 0 ⇒ f ≥ 0 on [0, 1]; "
        "g(x) = e^x − 1 − x: g'' = e^x > 0, g(0) = g'(0) = 0 ⇒ g ≥ 0"
    )
    return Proof(verdict(ok), "symbolic (concavity and convexity)", detail)


INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "IOTASRB-01",
        "iotasrb",
        "A validator's rate never exceeds the benchmark: IOTASRB − IOTASRB(v) = IOTASRB · (a + "
        "b(1 − a)) with a = 1 − p and b = cr, a sum of non-negative terms on [0, 1]².",
        SeedQuote(
            SEED_IOTASRB,
            "Staking Rewards calculates the IOTASRB for each validator based on their individual "
            "performance and commission rate.",
        ),
        "IOTASRB − IOTASRB(v) = IOTASRB · (a + b (1 − a)) ≥ 0",
        identity(
            (_IOTASRB - _IOTASRB_V).subs({PERFORMANCE: 1 - _A1, COMMISSION: _B1}),
            _IOTASRB * (_A1 + _B1 * (1 - _A1)),
        ),
    ),
    Invariant(
        "IOTASRB-02",
        "iotasrb",
        "The intended real rate is the Fisher form (1 + IOTASRB)/(1 + i) − 1 = (IOTASRB − i)/"
        "(1 + i); the seed's literal reading IOTASRB/(1 + i) exceeds it by exactly i/(1 + i).",
        SeedQuote(
            SEED_IOTASRB,
            "The real reward rate calculates the IOTASRB adjusted for inflation in the network.",
        ),
        "(1 + R)/(1 + i) − 1 = (R − i)/(1 + i);  R/(1 + i) − real = i/(1 + i)",
        all_of(
            identity(_DERIVED["IOTASRB-REAL"].expression, (_IOTASRB - INFLATION) / (1 + INFLATION)),
            identity(
                _DERIVED["IOTASRB-REAL-LITERAL"].expression - _DERIVED["IOTASRB-REAL"].expression,
                INFLATION / (1 + INFLATION),
            ),
        ),
    ),
    Invariant(
        "IOTASRB-03",
        "iotasrb",
        "On the framework's pools a staker's simple annual return lies between "
        "(1 + IOTASRB)^(1 − cr) − 1 and exp(IOTASRB(v)) − 1, and IOTASRB(v) lies between "
        "them: the benchmark is exact without commission and off by second-order compounding "
        "terms with it.",
        SeedQuote(
            SEED_IOTASRB,
            "IOTASRB operates on a non-compounded basis, meaning it excludes returns generated "
            "from the reinvestment of rewards.",
        ),
        "(1 + I)^(1−cr) − 1 ≤ I (1 − cr) ≤ e^{I (1 − cr)} − 1",
        _prove_realised_interval,
        oracle=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "IOTASRB-01": r"\mathrm{IOTASRB} - \mathrm{IOTASRB}(v) = \mathrm{IOTASRB}\,(a + b(1-a)) \ge 0",
    "IOTASRB-02": r"\frac{1 + R}{1 + i} - 1 = \frac{R - i}{1 + i}",
    "IOTASRB-03": r"(1 + I)^{1-c_r} - 1 \le I (1 - c_r) \le e^{I (1 - c_r)} - 1",
}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "IOTA_DECIMALS": r"d_{\mathrm{IOTA}}",
    "IOTASRB_DAYS_PER_YEAR": r"n_{\mathrm{y}}",
    "IOTA_EPOCH_SECONDS": r"\mathit{el}",
    "IOTA_REWARDS_PER_EPOCH": r"\mathit{re}",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = ()
