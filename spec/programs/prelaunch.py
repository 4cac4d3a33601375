"""Pre-launch staking: IOTA staked for ASMB and SMR in the 90-day window from 2021-12-28.

The window, the seed's rates and its 8 % maximum, what the whole supply staked would earn, and
the seed profile's cap. How the node counted each event (rounds, minimums, results) is
:mod:`spec.programs.participation`. Contract: ``contracts/prelaunch.py``; page:
``docs/prelaunch.md``.
"""

from __future__ import annotations

from typing import Any, Final

import sympy

from spec.programs.supply import ASMB_SUPPLY
from spec.proofs import Proof, derived, eq, exact, verdict
from spec.records import (
    BOTH,
    D1,
    DEPLOYED,
    IOTA_I,
    MI,
    RATIO,
    SEED,
    Derivation,
    Difference,
    Environment,
    Invariant,
    P,
    Parameter,
    floor,
    rational,
    readme,
    seed,
)
from spec.sources import SEED_STAKING, Artefact, FixtureField, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "IOTA_TOTAL_SUPPLY",
        rational(2_779_530_283_277_761),
        IOTA_I,
        "Total IOTA supply of the Chrysalis network, in i.",
        readme("2,779,530,283,277,761 i"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_I_PER_MI",
        rational(MI),
        "i/Mi",
        "One Mi (MIOTA) is 10^6 i.",
        readme("1 Mi = 10^6 i"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "MILESTONE_INTERVAL",
        rational(10),
        "s",
        "Nominal interval between milestones of the IOTA Tangle.",
        seed(
            SEED_STAKING,
            "every 10 seconds (the interval of milestones issued in the IOTA tangle)",
        ),
        SEED,
        integral=True,
    ),
    Parameter(
        "SECONDS_PER_DAY",
        rational(86_400),
        "s",
        "Seconds in a day.",
        Artefact("BIPM", "SI Brochure, table 8", "1 d = 24 h = 86 400 s"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "PRELAUNCH_DAYS",
        rational(90),
        "days",
        "Length of the pre-launch staking window.",
        seed(SEED_STAKING, "generated Assembly and Shimmer tokens for 90 days"),
        SEED,
        integral=True,
    ),
    Parameter(
        "PRELAUNCH_START_TIME",
        rational(1_640_700_000),
        "s since 1970-01-01 UTC",
        "Start of pre-launch staking: 2021-12-28 15:00 CET = 14:00 UTC.",
        seed(SEED_STAKING, "Starting from 28 December 2021, at  3 p.m. CET"),
        SEED,
        integral=True,
    ),
    Parameter(
        "PRELAUNCH_ASMB_RATE",
        rational(4, MI),
        "µASMB/(i·milestone)",
        "ASMB accrued per staked i per milestone: 0.000004 ASMB per Mi = 4 µASMB per 10^6 i.",
        seed(SEED_STAKING, "0,000004 ASMB tokens per 1 MIOTA per milestone"),
        BOTH,
    ),
    Parameter(
        "PRELAUNCH_SMR_RATE",
        rational(1, MI),
        "glow/(i·milestone)",
        "SMR accrued per staked i per milestone as deployed: 1 glow per Mi.",
        readme('"1 Shimmer per 1 MIOTA per milestone" in the seed is 1 glow'),
        DEPLOYED,
    ),
    Parameter(
        "PRELAUNCH_SMR_RATE_LITERAL",
        rational(1),
        "glow/(i·milestone)",
        "The seed's words read literally: 1 SMR (10^6 glow) per Mi, i.e. 1 glow per i.",
        seed(SEED_STAKING, "1 Shimmer per 1 MIOTA per milestone"),
        SEED,
    ),
    Parameter(
        "SMR_STAKERS_SHARE_SEED",
        rational(1),
        RATIO,
        "Share of the initial SMR supply the seed gives to IOTA stakers.",
        seed(
            SEED_STAKING,
            "100% of the initial supply will be distributed to IOTA token holders",
        ),
        SEED,
    ),
)

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

_WINDOW = P("PRELAUNCH_DAYS") * P("SECONDS_PER_DAY") / P("MILESTONE_INTERVAL")
CAP = P("PRELAUNCH_MAX_SHARE") * ASMB_SUPPLY
_FULL_STAKE_ASMB = P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_ASMB_RATE") * _WINDOW

DERIVATIONS: Final[tuple[Derivation, ...]] = (
    Derivation(
        "PRE-WINDOW-MILESTONES",
        "prelaunch",
        "Milestones in the 90-day window at one milestone every 10 seconds.",
        "milestones",
        _WINDOW,
    ),
    Derivation(
        "PRE-ROUND-MILESTONES",
        "prelaunch",
        "Milestones counted by deployed round 1 (end − start); rounds 2–6 are the same length.",
        "milestones",
        P("ASSEMBLY_R1_END") - P("ASSEMBLY_R1_START"),
    ),
    Derivation(
        "PRE-CAP-AMOUNT",
        "prelaunch",
        "The seed's pre-launch maximum: 8 % of the initial ASMB supply.",
        "µASMB",
        CAP,
    ),
    Derivation(
        "PRE-FULL-STAKE-ASMB",
        "prelaunch",
        "ASMB the seed's rate pays if the whole IOTA supply is staked for the whole window.",
        "µASMB",
        _FULL_STAKE_ASMB,
    ),
    Derivation(
        "PRE-FULL-STAKE-ASMB-FLOORED",
        "prelaunch",
        "The same with the node's per-output floor, the whole supply held as one output.",
        "µASMB",
        floor(P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_ASMB_RATE")) * _WINDOW,
    ),
    Derivation(
        "PRE-CAP-SHORTFALL",
        "prelaunch",
        "How far the whole-supply total exceeds the 8 % maximum: what the seed profile's cap cuts.",
        "µASMB",
        _FULL_STAKE_ASMB - CAP,
    ),
    Derivation(
        "PRE-CAP-SHORTFALL-FLOORED",
        "prelaunch",
        "The same shortfall with the node's per-output floor (the whole supply as one output).",
        "µASMB",
        floor(P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_ASMB_RATE")) * _WINDOW - CAP,
    ),
    Derivation(
        "PRE-CAP-BINDING-FRACTION",
        "prelaunch",
        "Staked fraction of the IOTA supply (held the whole window) above which the cap binds.",
        "1",
        CAP / _FULL_STAKE_ASMB,
    ),
    Derivation(
        "PRE-SMR-FULL-STAKE",
        "prelaunch",
        "SMR (in glow) the deployed reading pays if the whole IOTA supply is staked all window.",
        "glow",
        P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_SMR_RATE") * _WINDOW,
    ),
    Derivation(
        "PRE-SMR-FULL-STAKE-LITERAL",
        "prelaunch",
        "The same under the literal reading '1 Shimmer per 1 MIOTA per milestone' (1 SMR per Mi).",
        "glow",
        P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_SMR_RATE_LITERAL") * _WINDOW,
    ),
    Derivation(
        "PRE-SMR-LITERAL-FACTOR",
        "prelaunch",
        "How many times more SMR the literal reading mints than the glow reading.",
        "1",
        P("PRELAUNCH_SMR_RATE_LITERAL") / P("PRELAUNCH_SMR_RATE"),
    ),
    Derivation(
        "PRE-SMR-IMPLIED-STAKED-SHARE",
        "prelaunch",
        "Average share of the IOTA supply staked for Shimmer implied by the stakers' genesis glow.",
        "1",
        P("SHIMMER_GENESIS_STAKERS") / (P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_SMR_RATE") * _WINDOW),
    ),
)

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------


def _prove_cap_fraction(environment: Environment) -> Proof:
    """Solve f · full ≤ cap over f ≥ 0 and compare the boundary with PRE-CAP-BINDING-FRACTION."""
    full = derived("PRE-FULL-STAKE-ASMB", environment)
    cap = derived("PRE-CAP-AMOUNT", environment)
    boundary = derived("PRE-CAP-BINDING-FRACTION", environment)
    f = sympy.Symbol("f", real=True)
    solution = sympy.solve_univariate_inequality(f * full <= cap, f, relational=False)
    expected = sympy.Interval(-sympy.oo, boundary)
    ok = solution == expected and boundary < 1
    detail = f"solve(f·full ≤ cap) = {solution}; f* = {boundary} < 1"
    return Proof(verdict(ok), "solve", detail)


# Symbols of the seed cap's proof: n addresses earning r_k, total T, cap C.
_R = sympy.IndexedBase("r", positive=True)
_T, _CAPSYM = sympy.symbols("T C", positive=True)
_K, _NADDR = sympy.symbols("k n", integer=True, positive=True)


def _deployed_round_lengths(environment: Environment) -> list[tuple[str, Any]]:
    window = derived("PRE-WINDOW-MILESTONES", environment)
    prefixes = [f"ASSEMBLY_R{n}" for n in range(1, 7)] + ["SHIMMER_GENESIS"]
    return [("window = 777,600", eq(window, 777_600))] + [
        (
            f"{prefix} end − start = window",
            eq(environment[f"{prefix}_END"] - environment[f"{prefix}_START"], window),
        )
        for prefix in prefixes
    ]


def _prove_cap_sum(_: Environment) -> Proof:
    """Σ_k r_k · C / T = (C / T) · Σ_k r_k = C when Σ_k r_k = T; each floor is ≤ its argument."""
    scaled = sympy.factor_terms(sympy.Sum(_R[_K] * _CAPSYM / _T, (_K, 1, _NADDR)))
    total = sympy.Sum(_R[_K], (_K, 1, _NADDR))
    ok = sympy.simplify(scaled.subs(total, _T) - _CAPSYM) == 0
    detail = f"{scaled} with Σ r_k = T gives C; ⌊x⌋ ≤ x term by term"
    return Proof(verdict(ok), "symbolic identity", detail)


def _prove_cap_accounting(environment: Environment) -> Proof:
    """For every D_1: 20 B − D_1 = 12 B + (C − D_1), with the parameters' values."""
    stakers = derived("ASMB-ALLOCATION-IOTA-STAKERS", environment)
    cap = derived("PRE-CAP-AMOUNT", environment)
    difference = (stakers - D1) - (environment["POSTLAUNCH_PLANNED"] + (cap - D1))
    ok = sympy.simplify(difference) == 0
    return Proof(
        verdict(ok), "symbolic identity in D_1", f"(20 B − D_1) − (12 B + C − D_1) = {difference}"
    )


INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "PRE-WINDOW-01",
        "prelaunch",
        "The pre-launch window is 90 days of 10-second milestones, 777,600 milestones, and every "
        "deployed round counts exactly that many milestones (end − start).",
        SeedQuote(SEED_STAKING, "generated Assembly and Shimmer tokens for 90 days"),
        "90 · 86 400 / 10 = 777 600 = end − start",
        exact(_deployed_round_lengths),
    ),
    Invariant(
        "PRE-CAP-01",
        "prelaunch",
        "With a fraction f of the IOTA supply staked for the whole window, the uncapped phase-1 "
        "total stays within the 8 % maximum exactly when f ≤ f* (PRE-CAP-BINDING-FRACTION), and "
        "f* < 1: the seed's rate alone does not keep the maximum, so the seed profile caps it.",
        SeedQuote(
            SEED_STAKING,
            "maximum 8 billion if 100% of the IOTA supply has been staked for Assembly",
        ),
        "f · supply · rate · 777 600 ≤ 8 %·S  ⇔  f ≤ f*,  f* < 1",
        _prove_cap_fraction,
    ),
    Invariant(
        "PRE-CAP-02",
        "prelaunch",
        "The seed profile never distributes more than the 8 % maximum: each listed reward r "
        "becomes ⌊r·C/T⌋ when the total T exceeds C, so Σ ⌊r·C/T⌋ ≤ C.",
        SeedQuote(
            SEED_STAKING,
            "a maximum of 8% of the Assembly supply can be distributed to IOTA token stakers",
        ),
        "Σ_a ⌊r_a C / T⌋ ≤ Σ_a r_a C / T = C",
        _prove_cap_sum,
        state=True,
    ),
    Invariant(
        "PRE-CAP-03",
        "prelaunch",
        "Every unit of the 8 % maximum is accounted for: the distributed D_1 plus the "
        "undistributed C − D_1 equal C, and the undistributed part flows into the post-launch "
        "allocation 20 B − D_1 = 12 B + (C − D_1).",
        SeedQuote(
            SEED_STAKING,
            "the remaining ASMB tokens will be distributed in addition to the already planned "
            "12 billion ASMB tokens",
        ),
        "D_1 + (C − D_1) = C,  20 B − D_1 = 12 B + (C − D_1)",
        _prove_cap_accounting,
        state=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "PRE-CAP-01": r"f \cdot S_{\mathrm{IOTA}} \cdot r \cdot 777\,600 \le C \iff f \le f^{*},\quad "
    r"f^{*} < 1",
    "PRE-CAP-02": r"\sum_a \left\lfloor r_a C / T \right\rfloor \le \sum_a r_a C / T = C",
}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "IOTA_TOTAL_SUPPLY": r"S_{\mathrm{IOTA}}",
    "MILESTONE_INTERVAL": r"\Delta_{\mathrm{m}}",
    "SECONDS_PER_DAY": r"t_{\mathrm{day}}",
    "PRELAUNCH_DAYS": r"n_{\mathrm{pre}}",
    "PRELAUNCH_ASMB_RATE": r"\rho_{\mathrm{A}}",
    "PRELAUNCH_SMR_RATE": r"\rho_{\mathrm{S}}",
    "PRELAUNCH_SMR_RATE_LITERAL": r"\rho_{\mathrm{S}}^{\mathrm{lit}}",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = (
    Difference(
        "DIFF-PRE-CAP",
        "The 8 % pre-launch maximum",
        SeedQuote(
            SEED_STAKING,
            "a maximum of 8% of the Assembly supply can be distributed to IOTA token stakers",
        ),
        "No cap was enforced: round 1 paid rate × stake × milestones.",
        (FixtureField("README.md", "", "No 8 % cap was enforced"),),
        "The deployed profile pays uncapped; the seed profile scales every address by C/T when "
        "the total T exceeds the cap C (PRE-CAP-02) and accounts for the rest (PRE-CAP-03).",
    ),
    Difference(
        "DIFF-PRE-FULL-STAKE",
        "What the whole supply staked would earn",
        SeedQuote(
            SEED_STAKING,
            "maximum 8 billion if 100% of the IOTA supply has been staked for Assembly",
        ),
        "The seed's own rate gives more: the whole supply staked for the 777,600 milestones "
        "earns PRE-FULL-STAKE-ASMB, about 8.645 B ASMB, so the maximum binds above the staked "
        "fraction PRE-CAP-BINDING-FRACTION.",
        ("PRE-FULL-STAKE-ASMB", "PRE-CAP-BINDING-FRACTION", "PRE-CAP-01"),
        "Both figures are derived; the seed profile's cap makes the seed's sentence true.",
    ),
)
