"""Every figure a reader would quote, derived exactly with SymPy from :mod:`spec.parameters`.

A :class:`Derivation` has a stable id, a one-line meaning, a symbolic expression in parameter
symbols (and, for figures that are functions, free variables such as ``D_1``), and an exact value
obtained by substituting the parameters' values. Nothing here is typed in by hand: the seeds'
stated figures (777,600 milestones, 21,909,233 ASMB a day, ...) are *reproduced* here and compared
with the quoted figures by the invariant catalog.

Evaluation takes an *environment* (parameter id -> value), so a governance what-if can re-derive
every figure under changed parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import sympy

from spec.parameters import BY_ID as PARAMETER_IDS
from spec.parameters import Environment, default_environment
from spec.parameters import symbol as P  # noqa: N812  (P(...) reads as the parameter)

U64_MAX: Final = 2**64 - 1
U128_MAX: Final = 2**128 - 1

#: The ASMB distributed in the pre-launch window (phase 1), the free variable of the post-launch
#: figures.
D1: Final = sympy.Symbol("D_1", integer=True, nonnegative=True)
#: Staked tokens, the free variable of the IOTASRB.
ST: Final = sympy.Symbol("st", positive=True)
#: A validator's performance and commission rate, in [0, 1].
PERFORMANCE: Final = sympy.Symbol("p", nonnegative=True)
COMMISSION: Final = sympy.Symbol("cr", nonnegative=True)
#: The inflation rate of the real-rate formula.
INFLATION: Final = sympy.Symbol("i", nonnegative=True)
#: The staked fraction of the IOTA supply, in [0, 1].
FRACTION: Final = sympy.Symbol("f", nonnegative=True)


@dataclass(frozen=True)
class Derivation:
    """One derived figure.

    ``expression`` is the symbolic form. ``examples`` gives each free variable the parameter id
    whose value is its worked example (e.g. ``D_1`` = the seed's 6 billion ASMB), so that every
    derivation has an exact value. ``compute`` replaces plain substitution where the figure is an
    iteration (e.g. a supply floored year by year) rather than one expression.
    """

    id: str
    program: str
    meaning: str
    unit: str
    expression: Any
    examples: Mapping[sympy.Symbol, str] = field(default_factory=dict)
    compute: Callable[[Environment], Any] | None = None
    width: bool = False

    def parameters(self) -> tuple[str, ...]:
        """Ids of the parameters the expression depends on."""
        return tuple(
            sorted(str(s) for s in self.expression.free_symbols if str(s) in PARAMETER_IDS)
        )

    def free_variables(self) -> tuple[sympy.Symbol, ...]:
        """Symbols of the expression that are not parameters: the figure is a function of them."""
        symbols = self.expression.free_symbols
        return tuple(sorted((s for s in symbols if str(s) not in PARAMETER_IDS), key=str))

    def symbolic(self, environment: Environment | None = None) -> Any:
        """The expression with parameters substituted but variables left free."""
        env = default_environment() if environment is None else environment
        return self.expression.subs({P(name): env[name] for name in self.parameters()})

    def evaluate(self, environment: Environment | None = None) -> Any:
        """The exact value, with every variable at its worked example."""
        env = default_environment() if environment is None else environment
        if self.compute is not None:
            return self.compute(env)
        result = self.symbolic(env).subs({v: env[pid] for v, pid in self.examples.items()})
        if result.has(sympy.Float):
            raise TypeError(f"{self.id} evaluated to a float: parameters must be exact")
        return result


def _floor(expression: Any) -> Any:
    return sympy.floor(expression)


def _supply_after_years(initial: str, rate: str, years: int) -> Callable[[Environment], Any]:
    """Supply after ``years`` of the yearly-provision convention: floor each year's provision."""

    def compute(env: Environment) -> Any:
        supply = sympy.Integer(env[initial])
        for _ in range(years):
            supply += sympy.floor(supply * env[rate])
        return supply

    return compute


_WINDOW = P("PRELAUNCH_DAYS") * P("SECONDS_PER_DAY") / P("MILESTONE_INTERVAL")
_ASMB_SUPPLY = P("ASMB_INITIAL_SUPPLY")
_CAP = P("PRELAUNCH_MAX_SHARE") * _ASMB_SUPPLY
_FULL_STAKE_ASMB = P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_ASMB_RATE") * _WINDOW
_IOTA_STAKERS = P("IOTA_STAKERS_SHARE") * _ASMB_SUPPLY
_ALLOCATION = _IOTA_STAKERS - D1
_DAILY = _floor(_ALLOCATION / P("POSTLAUNCH_DAYS"))
_ASMB_UNIT = 10 ** P("ASMB_DECIMALS")
_RATE = P("ASMB_INFLATION_RATE")
_EPOCHS = P("ASMB_EPOCHS_PER_YEAR")
_SMR_TOTAL = P("SHIMMER_GENESIS_STAKERS") / P("SHIMMER_STAKERS_SHARE")
_SECONDS_IN_YEAR = P("IOTASRB_DAYS_PER_YEAR") * P("SECONDS_PER_DAY")
_IOTA_UNIT = 10 ** P("IOTA_DECIMALS")
_IOTASRB = (
    _SECONDS_IN_YEAR / P("IOTA_EPOCH_SECONDS") * P("IOTA_REWARDS_PER_EPOCH") / _IOTA_UNIT / ST
)
_ACC_SCALE = P("ACCUMULATOR_SCALE")

DERIVATIONS: Final[tuple[Derivation, ...]] = (
    # ------------------------------------------------------------------ pre-launch
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
        _CAP,
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
        _floor(P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_ASMB_RATE")) * _WINDOW,
    ),
    Derivation(
        "PRE-CAP-SHORTFALL",
        "prelaunch",
        "How far the whole-supply total exceeds the 8 % maximum: what the seed profile's cap cuts.",
        "µASMB",
        _FULL_STAKE_ASMB - _CAP,
    ),
    Derivation(
        "PRE-CAP-SHORTFALL-FLOORED",
        "prelaunch",
        "The same shortfall with the node's per-output floor (the whole supply as one output).",
        "µASMB",
        _floor(P("IOTA_TOTAL_SUPPLY") * P("PRELAUNCH_ASMB_RATE")) * _WINDOW - _CAP,
    ),
    Derivation(
        "PRE-CAP-BINDING-FRACTION",
        "prelaunch",
        "Staked fraction of the IOTA supply (held the whole window) above which the cap binds.",
        "1",
        _CAP / _FULL_STAKE_ASMB,
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
    # ------------------------------------------------------------------ supply and allocation
    Derivation(
        "ASMB-ALLOCATION-IOTA-STAKERS",
        "supply",
        "Genesis allocation to IOTA stakers (pre- and post-launch together).",
        "µASMB",
        _IOTA_STAKERS,
    ),
    Derivation(
        "ASMB-ALLOCATION-COMMUNITY",
        "supply",
        "Genesis allocation to the community (developer incentives, DAOs, grants).",
        "µASMB",
        P("COMMUNITY_SHARE") * _ASMB_SUPPLY,
    ),
    Derivation(
        "ASMB-ALLOCATION-UNASSIGNED",
        "supply",
        "The rest of the genesis supply, which the seeds do not assign.",
        "µASMB",
        (1 - P("IOTA_STAKERS_SHARE") - P("COMMUNITY_SHARE")) * _ASMB_SUPPLY,
    ),
    Derivation(
        "ASMB-SPLIT-PLANNED-SHARE",
        "supply",
        "The planned split of the IOTA stakers' share: 8 % pre-launch + 12 % post-launch.",
        "1",
        P("PRELAUNCH_MAX_SHARE") + P("POSTLAUNCH_PLANNED") / _ASMB_SUPPLY,
    ),
    # ------------------------------------------------------------------ post-launch
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
        _IOTA_STAKERS - _CAP,
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
        _floor(_DAILY / _ASMB_UNIT),
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
        - P("POSTLAUNCH_DAYS") * _floor(_ALLOCATION / _ASMB_UNIT / P("POSTLAUNCH_DAYS")),
        {D1: "POSTLAUNCH_EXAMPLE_D1"},
    ),
    Derivation(
        "POST-ACCUMULATOR-BOUND",
        "postlaunch",
        "Most µASMB a holder can receive below its exact pro-rata share over the 639 days: one "
        "for the final floor plus the accumulator's truncation, at most 639 × (whole IOTA "
        "supply) / SCALE.",
        "µASMB",
        1 + _floor(P("POSTLAUNCH_DAYS") * P("IOTA_TOTAL_SUPPLY") / _ACC_SCALE),
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
    # ------------------------------------------------------------------ ASMB inflation
    Derivation(
        "ASMB-INFLATION-EPOCH-COMPOUND-RATE",
        "inflation",
        "Per-epoch rate that compounds to exactly 8 % a year: (1 + r)^(1/365) − 1 (irrational).",
        "1/epoch",
        (1 + _RATE) ** (1 / _EPOCHS) - 1,
    ),
    Derivation(
        "ASMB-INFLATION-NOMINAL-EFFECTIVE",
        "inflation",
        "Effective yearly inflation if 8 %/365 is minted per epoch on the current supply.",
        "1/year",
        (1 + _RATE / _EPOCHS) ** _EPOCHS - 1,
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
        _floor(_ASMB_SUPPLY * _RATE),
    ),
    Derivation(
        "ASMB-INFLATION-FIRST-EPOCH",
        "inflation",
        "The first epoch's mint under the adopted convention: floor(S_0 × r / 365).",
        "µASMB/epoch",
        _floor(_ASMB_SUPPLY * _RATE / _EPOCHS),
    ),
    Derivation(
        "ASMB-SUPPLY-10Y",
        "inflation",
        "ASMB supply after 10 years of the adopted convention (each year's provision floored).",
        "µASMB",
        _ASMB_SUPPLY * (1 + _RATE) ** 10,
        compute=_supply_after_years("ASMB_INITIAL_SUPPLY", "ASMB_INFLATION_RATE", 10),
    ),
    Derivation(
        "ASMB-SUPPLY-10Y-CLOSED-FORM",
        "inflation",
        "The closed form S_0 (1 + r)^10, without the yearly floors.",
        "µASMB",
        _ASMB_SUPPLY * (1 + _RATE) ** 10,
    ),
    # ------------------------------------------------------------------ Shimmer
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
        compute=_supply_after_years("SHIMMER_GENESIS_SUPPLY", "SMR_INFLATION_RATE", 1),
    ),
    Derivation(
        "SMR-SUPPLY-10Y",
        "shimmer",
        "SMR supply 10 years after genesis at 8 % (yearly-provision convention, floored yearly).",
        "glow",
        P("SHIMMER_GENESIS_SUPPLY") * (1 + P("SMR_INFLATION_RATE")) ** 10,
        compute=_supply_after_years("SHIMMER_GENESIS_SUPPLY", "SMR_INFLATION_RATE", 10),
    ),
    Derivation(
        "SMR-SUPPLY-10Y-CLOSED-FORM",
        "shimmer",
        "The closed form S_0 (1 + r)^10 for SMR, without the yearly floors.",
        "glow",
        P("SHIMMER_GENESIS_SUPPLY") * (1 + P("SMR_INFLATION_RATE")) ** 10,
    ),
    # ------------------------------------------------------------------ IOTASRB
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
    # ------------------------------------------------------------------ integer widths
    Derivation(
        "WIDTH-PRE-RATE",
        "widths",
        "Pre-launch per-output product amount × numerator at the overflow guard's largest "
        "numerator (the whole supply as one output).",
        "base units",
        P("IOTA_TOTAL_SUPPLY") * _floor(U64_MAX / P("IOTA_TOTAL_SUPPLY")),
        width=True,
    ),
    Derivation(
        "WIDTH-PRE-EVENT-TOTAL",
        "widths",
        "Pre-launch event total: floor(supply × rate) × milestones for round 1, the largest "
        "deployed rate.",
        "µASMB",
        _floor(P("IOTA_TOTAL_SUPPLY") * P("ASSEMBLY_R1_RATE"))
        * (P("ASSEMBLY_R1_END") - P("ASSEMBLY_R1_START")),
        width=True,
    ),
    Derivation(
        "WIDTH-POST-ACCUMULATOR",
        "widths",
        "Post-launch accumulator: the whole allocation times the accumulator's fixed-point "
        "scale, the bound of every reward-per-stake product.",
        "µASMB·scale",
        _IOTA_STAKERS * _ACC_SCALE,
        width=True,
    ),
    Derivation(
        "WIDTH-ASMB-INFLATION",
        "widths",
        "Inflation: S × rate numerator × 365 in the cumulative per-epoch floor, at the 10-year "
        "supply and the rate in basis points.",
        "µASMB·bp",
        _ASMB_SUPPLY * (1 + _RATE) ** 10 * _RATE * 10_000 * _EPOCHS,
        width=True,
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

BY_ID: Final[dict[str, Derivation]] = {d.id: d for d in DERIVATIONS}


def get(derivation_id: str) -> Derivation:
    """The derivation with this id."""
    return BY_ID[derivation_id]


def evaluate(derivation_id: str, environment: Environment | None = None) -> Any:
    """The exact value of a derivation (variables at their worked examples)."""
    return BY_ID[derivation_id].evaluate(environment)


def bits_needed(value: Any) -> int:
    """Bits of an unsigned integer wide enough to hold ``value`` (rounded up if fractional)."""
    return int(sympy.ceiling(value)).bit_length()


def latex(expression: Any) -> str:
    """LaTeX of an expression, parameter symbols written as their ids in typewriter type."""
    names = {
        symbol: r"\mathtt{" + str(symbol).replace("_", r"\_") + "}"
        for symbol in expression.free_symbols
        if str(symbol) in PARAMETER_IDS
    }
    return str(sympy.latex(expression, symbol_names=names))
