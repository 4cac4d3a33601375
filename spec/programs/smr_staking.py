"""Shimmer: the genesis (TIP-32) and SMR staking.

The genesis supply and its split between stakers, the DAO and the Tangle Ecosystem Association,
and the yearly SMR inflation paid to stakers. Contracts: ``contracts/shimmer_genesis.py`` and
``contracts/smr_staking.py``; page: ``docs/smr-staking.md``.
"""

from __future__ import annotations

from typing import Final

import sympy

from spec.proofs import derived, eq, exact
from spec.records import (
    BOTH,
    DEPLOYED,
    GLOW,
    RATIO,
    SEED,
    Derivation,
    Difference,
    Invariant,
    P,
    Parameter,
    rational,
    readme,
    seed,
    supply_after_years,
)
from spec.sources import SEED_STAKING, ChosenBySpec, FixtureField, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

PARAMETERS: Final[tuple[Parameter, ...]] = (
    Parameter(
        "SMR_DECIMALS",
        rational(6),
        "decimals",
        "SMR is counted in glow: 1 SMR = 10^6 glow.",
        readme("its amounts are glow, 10^-6 SMR"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "SMR_INFLATION_RATE",
        rational(8, 100),
        "1/year",
        "Yearly SMR inflation, minted to SMR stakers.",
        seed(SEED_STAKING, "The Shimmer network has yearly inflation of 8% planned."),
        SEED,
    ),
    Parameter(
        "SMR_EPOCHS_PER_YEAR",
        rational(365),
        "epochs",
        "Epochs of SMR staking in an inflation year (daily epochs, a 365-day year).",
        ChosenBySpec("IOTASRB", "365-day year without leap days; daily epochs as IOTA's"),
        SEED,
        integral=True,
    ),
    Parameter(
        "SMR_MAX_EPOCHS_PER_CALL",
        rational(3_650),
        "epochs",
        "Most epochs one SMR staking call may end: each epoch's mint is its own rule "
        "(compounding), so a call that moves the clock further is refused (INVALID_DAY).",
        ChosenBySpec(
            "the bounded work of a block (Ethereum's gas limit)",
            "ten years of daily epochs per call; later epochs are reached by later calls",
        ),
        SEED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_SUPPLY",
        rational(1_813_620_509_061_365),
        GLOW,
        "Total Shimmer genesis supply (TIP-32).",
        readme("80 % of a total of 1,813,620,509,061,365 glow"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_STAKERS",
        rational(1_450_896_407_249_092),
        GLOW,
        "Shimmer genesis: glow received by IOTA stakers (TIP-32).",
        readme("Stakers received 1,450,896,407,249,092 glow"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_DAO",
        rational(181_362_050_906_137),
        GLOW,
        "Shimmer genesis: glow of the Community Treasury DAO (TIP-32).",
        readme("181,362,050,906,137"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_TEA",
        rational(181_362_050_906_136),
        GLOW,
        "Shimmer genesis: glow of the Tangle Ecosystem Association (TIP-32).",
        readme("181,362,050,906,136"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_STAKERS_SHARE",
        rational(80, 100),
        RATIO,
        "Share of the Shimmer genesis supply given to stakers as deployed.",
        readme("80 %"),
        DEPLOYED,
    ),
    Parameter(
        "SHIMMER_DAO_SHARE",
        rational(10, 100),
        RATIO,
        "Share of the Shimmer genesis supply given to the Community Treasury DAO.",
        readme("received 10 % each"),
        DEPLOYED,
    ),
    Parameter(
        "SHIMMER_TEA_SHARE",
        rational(10, 100),
        RATIO,
        "Share of the Shimmer genesis supply given to the Tangle Ecosystem Association.",
        readme("received 10 % each"),
        DEPLOYED,
    ),
)

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

_SMR_TOTAL = P("SHIMMER_GENESIS_STAKERS") / P("SHIMMER_STAKERS_SHARE")

DERIVATIONS: Final[tuple[Derivation, ...]] = (
    Derivation(
        "SMR-GENESIS-TOTAL",
        "shimmer",
        "Shimmer genesis supply from the stakers' glow and their 80 % share.",
        "glow",
        _SMR_TOTAL,
    ),
    Derivation(
        "SMR-GENESIS-DAO",
        "shimmer",
        "The Community Treasury DAO's 10 %, rounded up: the odd glow goes to the DAO.",
        "glow",
        sympy.ceiling(_SMR_TOTAL * P("SHIMMER_DAO_SHARE")),
    ),
    Derivation(
        "SMR-GENESIS-TEA",
        "shimmer",
        "The Tangle Ecosystem Association's 10 %: what is left after stakers and DAO.",
        "glow",
        _SMR_TOTAL
        - P("SHIMMER_GENESIS_STAKERS")
        - sympy.ceiling(_SMR_TOTAL * P("SHIMMER_DAO_SHARE")),
    ),
    Derivation(
        "SMR-SUPPLY-1Y",
        "shimmer",
        "SMR supply one year after genesis at 8 % (yearly-provision convention).",
        "glow",
        P("SHIMMER_GENESIS_SUPPLY") * (1 + P("SMR_INFLATION_RATE")),
        compute=supply_after_years("SHIMMER_GENESIS_SUPPLY", "SMR_INFLATION_RATE", 1),
    ),
    Derivation(
        "SMR-SUPPLY-10Y",
        "shimmer",
        "SMR supply 10 years after genesis at 8 % (yearly-provision convention, floored yearly).",
        "glow",
        P("SHIMMER_GENESIS_SUPPLY") * (1 + P("SMR_INFLATION_RATE")) ** 10,
        compute=supply_after_years("SHIMMER_GENESIS_SUPPLY", "SMR_INFLATION_RATE", 10),
    ),
    Derivation(
        "SMR-SUPPLY-10Y-CLOSED-FORM",
        "shimmer",
        "The closed form S_0 (1 + r)^10 for SMR, without the yearly floors.",
        "glow",
        P("SHIMMER_GENESIS_SUPPLY") * (1 + P("SMR_INFLATION_RATE")) ** 10,
    ),
)

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------

INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "SMR-GENESIS-02",
        "shimmer",
        "The genesis contract derives TIP-32's split from the stakers' total alone: the DAO and "
        "TEA receive floor(S/4) between them, the odd glow to the DAO; the seed profile gives the "
        "stakers 100 %.",
        FixtureField("README.md", "", "after the Shimmer funding vote"),
        "extra = ⌊S · 20/80⌋,  DAO = ⌈extra/2⌉,  TEA = extra − DAO",
        state=True,
    ),
    Invariant(
        "SMR-SUPPLY-01",
        "shimmer",
        "SMR staking conserves supply: minted − burned = supply − genesis supply, the supply being "
        "the liquid balances, the staked SMR and the rewards pool.",
        SeedQuote(
            SEED_STAKING,
            "These newly minted Shimmer tokens will be distributed to Shimmer stakers",
        ),
        "minted − burned = Σ liquid + Σ staked + pool − genesis",
        state=True,
    ),
    Invariant(
        "SMR-INFLATION-01",
        "shimmer",
        "Each complete year of SMR staking mints exactly floor(S_y · 8 %), S_y the supply at the "
        "year's first epoch.",
        SeedQuote(SEED_STAKING, "The Shimmer network has yearly inflation of 8% planned."),
        "Σ_{epochs of year y} mint = ⌊S_y · r⌋",
        state=True,
    ),
    Invariant(
        "SMR-SUPPLY-02",
        "shimmer",
        "Flooring each year's SMR provision keeps the supply after n years at most n glow below "
        "S_0 (1 + r)^n (shown for n = 10).",
        SeedQuote(SEED_STAKING, "The Shimmer network has yearly inflation of 8% planned."),
        "0 ≤ S_0 (1 + r)^10 − S_10 < 10",
        exact(
            lambda env: [
                (
                    "0 ≤ closed − floored < 10",
                    sympy.And(
                        sympy.Ge(
                            derived("SMR-SUPPLY-10Y-CLOSED-FORM", env)
                            - derived("SMR-SUPPLY-10Y", env),
                            0,
                        ),
                        sympy.Lt(
                            derived("SMR-SUPPLY-10Y-CLOSED-FORM", env)
                            - derived("SMR-SUPPLY-10Y", env),
                            10,
                        ),
                    ),
                )
            ]
        ),
    ),
    Invariant(
        "SMR-GENESIS-01",
        "shimmer",
        "The Shimmer genesis split is exact to the glow: stakers + DAO + TEA = total, the stakers "
        "hold exactly 80 %, the odd glow goes to the DAO, and the derived figures are TIP-32's.",
        FixtureField(
            "README.md",
            "",
            "the odd glow went to the DAO",
        ),
        "stakers + ⌈total/10⌉ + (total − stakers − ⌈total/10⌉) = total",
        exact(
            lambda env: [
                (
                    "total = TIP-32 total",
                    eq(derived("SMR-GENESIS-TOTAL", env), env["SHIMMER_GENESIS_SUPPLY"]),
                ),
                (
                    "DAO = TIP-32 DAO",
                    eq(derived("SMR-GENESIS-DAO", env), env["SHIMMER_GENESIS_DAO"]),
                ),
                (
                    "TEA = TIP-32 TEA",
                    eq(derived("SMR-GENESIS-TEA", env), env["SHIMMER_GENESIS_TEA"]),
                ),
                (
                    "stakers + DAO + TEA = total",
                    eq(
                        env["SHIMMER_GENESIS_STAKERS"]
                        + env["SHIMMER_GENESIS_DAO"]
                        + env["SHIMMER_GENESIS_TEA"],
                        env["SHIMMER_GENESIS_SUPPLY"],
                    ),
                ),
                (
                    "stakers = 80 % exactly",
                    eq(
                        env["SHIMMER_GENESIS_STAKERS"],
                        env["SHIMMER_GENESIS_SUPPLY"] * env["SHIMMER_STAKERS_SHARE"],
                    ),
                ),
                (
                    "0 ≤ DAO − TEA ≤ 1",
                    sympy.And(
                        sympy.Ge(env["SHIMMER_GENESIS_DAO"] - env["SHIMMER_GENESIS_TEA"], 0),
                        sympy.Le(env["SHIMMER_GENESIS_DAO"] - env["SHIMMER_GENESIS_TEA"], 1),
                    ),
                ),
            ]
        ),
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "SMR_INFLATION_RATE": r"r_{\mathrm{S}}",
    "SHIMMER_GENESIS_SUPPLY": r"G",
    "SHIMMER_GENESIS_STAKERS": r"G_{\mathrm{stk}}",
    "SHIMMER_STAKERS_SHARE": r"\sigma_{\mathrm{stk}}",
    "SHIMMER_DAO_SHARE": r"\sigma_{\mathrm{DAO}}",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = (
    Difference(
        "DIFF-SMR-SHARE",
        "Share of the initial SMR supply given to stakers",
        SeedQuote(
            SEED_STAKING,
            "100% of the initial supply will be distributed to IOTA token holders",
        ),
        "80 %: after the Shimmer funding vote the Community Treasury DAO and the Tangle "
        "Ecosystem Association received 10 % each (TIP-32).",
        (
            FixtureField(
                "README.md", "", "Stakers received 80 %, not 100 %, of the initial SMR supply."
            ),
            FixtureField("results/vote/shimmer_funding.json", "/checksum"),
        ),
        "The genesis contract computes both (SMR-GENESIS-02); the funding vote's outcome is "
        "recomputed from its results (BALLOT-COUNT-03).",
    ),
    Difference(
        "DIFF-SMR-UNIT",
        "The unit of the Shimmer rate",
        SeedQuote(SEED_STAKING, "1 Shimmer per 1 MIOTA per milestone"),
        "1 glow (10^-6 SMR) per Mi per milestone: the event's symbol says SMR, its amounts are "
        "glow.",
        (
            FixtureField(
                "README.md", "", "The Shimmer event's symbol says `SMR` but its amounts are"
            ),
            "PRE-SMR-LITERAL-FACTOR",
        ),
        "The literal reading would mint 10^6 times more (PRE-SMR-FULL-STAKE-LITERAL); the spec "
        "adopts the glow reading for both profiles.",
    ),
)
