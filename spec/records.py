"""The record types of the specification, shared by every program.

A program module of :mod:`spec.programs` holds its records side by side: its
:class:`Parameter` constants, the :class:`Derivation` figures a reader would quote, the
:class:`Invariant` rules (see :mod:`spec.proofs` for how the symbolic ones are proved) and the
:class:`Difference` entries where the deployed network parted from the seeds. The registries
(:mod:`spec.parameters`, :mod:`spec.derivations`, :mod:`spec.invariants`,
:mod:`spec.differences`) gather every program's records and look them up by id.

Token amounts are in base units, as the contracts count them: ASMB in micro-ASMB (µASMB), IOTA of
the Chrysalis era in ``i`` (1 Mi = 10⁶ i), IOTA of today's network in nanos (10⁻⁹ IOTA), SMR in
glow (10⁻⁶ SMR). Ids are public API: they are never renamed, only retired.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import sympy

from spec.sources import FixtureField, SeedQuote, Source

if TYPE_CHECKING:
    from spec.proofs import Proof, Prover

#: Parameter id -> exact value: the published parameters, or a governance what-if's.
Environment = Mapping[str, sympy.Rational]


class Profile(Enum):
    """Which design a value belongs to: the seed documents' plan, or what the network ran."""

    SEED = "seed"
    DEPLOYED = "deployed"


BOTH: Final = frozenset({Profile.SEED, Profile.DEPLOYED})
SEED: Final = frozenset({Profile.SEED})
DEPLOYED: Final = frozenset({Profile.DEPLOYED})

#: Governable ratios are set in whole basis points; integral parameters in whole units.
RATIO_RESOLUTION: Final = Fraction(1, 10_000)

# Units, spelled once.
MICRO_ASMB: Final = "µASMB"
IOTA_I: Final = "i"
GLOW: Final = "glow"
NANOS: Final = "nanos"
RATIO: Final = "1"

MICRO: Final = 10**6
ASMB: Final = MICRO  # µASMB per ASMB
SMR: Final = MICRO  # glow per SMR
MI: Final = MICRO  # i per Mi
NANOS_PER_IOTA: Final = 10**9

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
#: Symbols that are free variables of catalog formulas (documented for readers of the proofs).
FREE_VARIABLES: Final = (D1, ST, PERFORMANCE, COMMISSION, INFLATION, FRACTION)

#: Every parameter id a formula has named; the parameter registry refuses to load when one of
#: them is not a parameter (a misspelt id would otherwise be a free symbol that proves anything).
_NAMED: Final[set[str]] = set()


def P(parameter_id: str) -> sympy.Symbol:  # noqa: N802  (P(...) reads as the parameter)
    """The SymPy symbol that stands for a parameter in formulas."""
    _NAMED.add(parameter_id)
    return sympy.Symbol(parameter_id, positive=True)


def named_parameters() -> frozenset[str]:
    """Every parameter id that a formula has named so far."""
    return frozenset(_NAMED)


@dataclass(frozen=True)
class Bounds:
    """Inclusive bounds within which governance may set a parameter."""

    minimum: Fraction
    maximum: Fraction

    def contains(self, value: Fraction) -> bool:
        return self.minimum <= value <= self.maximum


@dataclass(frozen=True)
class Parameter:
    """One constant of the specification.

    It has a stable id (an upper-case constant name, which is also its anchor on the published
    site), an exact value (SymPy ``Integer`` or ``Rational``, never a float), a unit, one source
    (see :mod:`spec.sources`), the profiles it belongs to, and -- when governance may change it --
    the inclusive bounds a proposal must respect.
    """

    id: str
    value: sympy.Rational
    unit: str
    description: str
    source: Source
    profiles: frozenset[Profile]
    governance: Bounds | None = None
    integral: bool = False

    @property
    def governable(self) -> bool:
        """True when the governance contract may change this parameter (within its bounds)."""
        return self.governance is not None

    @property
    def symbol(self) -> sympy.Symbol:
        """The SymPy symbol that stands for this parameter in derivations."""
        return P(self.id)


@dataclass(frozen=True)
class Assumption:
    """What a projection must assume and no rule fixes: how holders and chains behave.

    Not a parameter: no contract reads it and no proposal can change it. A what-if report states
    the value it ran with; ``--assume ID=VALUE`` runs another and ``--sweep ID=LOW..HIGH`` a
    range, within ``[minimum, maximum]``. ``integral`` values are whole numbers; the others are
    exact ratios of ``resolution``.
    """

    id: str
    default: Fraction
    unit: str
    description: str
    source: Source
    minimum: Fraction
    maximum: Fraction
    integral: bool = False
    resolution: Fraction = Fraction(1)

    def problem(self, value: Fraction) -> str | None:
        """Why ``value`` cannot be assumed, or None."""
        if not self.minimum <= value <= self.maximum:
            return (
                f"{self.id} = {value}: outside the range it may take, "
                f"[{self.minimum}, {self.maximum}]"
            )
        if (value / self.resolution).denominator != 1:
            step = "whole numbers" if self.resolution == 1 else f"multiples of {self.resolution}"
            return f"{self.id} = {value}: the assumption takes {step}"
        return None


def rational(numerator: int, denominator: int = 1) -> sympy.Rational:
    """An exact parameter value."""
    return sympy.Rational(numerator, denominator)


def bounds(minimum: Fraction | int, maximum: Fraction | int) -> Bounds:
    """Governance bounds, inclusive."""
    return Bounds(Fraction(minimum), Fraction(maximum))


def seed(document: str, quote: str) -> SeedQuote:
    """A verbatim quote of a seed document."""
    return SeedQuote(document, quote)


def readme(quote: str) -> FixtureField:
    """A verbatim quote of the fixtures' README."""
    return FixtureField("README.md", "", quote)


def _default_environment() -> dict[str, sympy.Rational]:
    from spec.parameters import default_environment

    return default_environment()


def _is_parameter(symbol: sympy.Symbol) -> bool:
    from spec.parameters import BY_ID

    return str(symbol) in BY_ID


@dataclass(frozen=True)
class Derivation:
    """One derived figure, computed exactly with SymPy from the parameters.

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
    #: The figure when a governance change takes effect at an epoch, ``timed(before, after,
    #: epoch)``: set on the figures of a moment or a period (year 1's provision, the supply after
    #: 10 years), whose value depends on when the change applies. A figure without it is a
    #: *steady-state* figure: its value once the change is in force, whenever that began (a rate,
    #: a share, a bound).
    timed: Callable[[Environment, Environment, int], Any] | None = None

    def parameters(self) -> tuple[str, ...]:
        """Ids of the parameters the expression depends on."""
        return tuple(sorted(str(s) for s in self.expression.free_symbols if _is_parameter(s)))

    def free_variables(self) -> tuple[sympy.Symbol, ...]:
        """Symbols of the expression that are not parameters: the figure is a function of them."""
        symbols = self.expression.free_symbols
        return tuple(sorted((s for s in symbols if not _is_parameter(s)), key=str))

    def symbolic(self, environment: Environment | None = None) -> Any:
        """The expression with parameters substituted but variables left free."""
        env = _default_environment() if environment is None else environment
        return self.expression.subs({P(name): env[name] for name in self.parameters()})

    def evaluate(self, environment: Environment | None = None) -> Any:
        """The exact value, with every variable at its worked example."""
        env = _default_environment() if environment is None else environment
        if self.compute is not None:
            return self.compute(env)
        result = self.symbolic(env).subs({v: env[pid] for v, pid in self.examples.items()})
        if result.has(sympy.Float):
            raise TypeError(f"{self.id} evaluated to a float: parameters must be exact")
        return result

    def evaluate_from(self, before: Environment, after: Environment, epoch: int) -> Any:
        """The value when ``after`` replaces ``before`` from ``epoch`` on: the :attr:`timed`
        form, or for a steady-state figure its value under ``after``."""
        if self.timed is not None:
            return self.timed(before, after, epoch)
        return self.evaluate(after)


def floor(expression: Any) -> Any:
    """The floor of a symbolic expression."""
    return sympy.floor(expression)


def supply_after_years(initial: str, rate: str, years: int) -> Callable[[Environment], Any]:
    """Supply after ``years`` of the yearly-provision convention: floor each year's provision."""

    def compute(env: Environment) -> Any:
        return compound(env[initial], [env[rate]] * years, floored=True)

    return compute


def compound(initial: Any, rates: list[Any], *, floored: bool) -> Any:
    """``initial`` grown by each year's rate in turn: ``S ← S + ⌊S r⌋`` (the yearly provision,
    floored) or ``S ← S (1 + r)`` (the closed form)."""
    supply = sympy.Integer(initial) if floored else sympy.Rational(initial)
    for rate in rates:
        supply += sympy.floor(supply * rate) if floored else supply * rate
    return supply


def rates_by_year(
    rate: str, per_year: str, before: Environment, after: Environment, epoch: int, years: int
) -> list[Any]:
    """The rate of each of ``years`` years when ``after``'s rate replaces ``before``'s from
    ``epoch`` on: the mean over the year's epochs of the rate in force at each.

    An epoch-paid yearly provision mints ``⌊S_y Σ_j r_j / N⌋`` in year y (the cumulative floors
    of ASMB-INFLATION-01 telescope), so this mean rate is exactly the year's provision rate. A
    change at epoch e governs epoch e entirely.
    """
    n = int(before[per_year])
    old, new = before[rate], after[rate]
    rates = []
    for year in range(years):
        earlier = min(max(epoch - year * n, 0), n)  # the year's epochs still at the old rate
        rates.append((earlier * old + (n - earlier) * new) / n)
    return rates


def supply_after_years_from(
    initial: str, rate: str, per_year: str, years: int, *, floored: bool = True
) -> Callable[[Environment, Environment, int], Any]:
    """:func:`supply_after_years` (or the closed form) with a rate that changes at an epoch."""

    def timed(before: Environment, after: Environment, epoch: int) -> Any:
        rates = rates_by_year(rate, per_year, before, after, epoch, years)
        return compound(before[initial], rates, floored=floored)

    return timed


@dataclass(frozen=True)
class Invariant:
    """One rule of the specification, with a stable id (``ASMB-SUPPLY-01``: program, topic,
    number) that governance proposals cite.

    A **symbolic** invariant carries a ``prove`` function that SymPy runs against the parameters;
    a **state** invariant is a property of contract state that the stateful tests check after
    every step through the checkers the contracts register (see ``contracts.invariants``).
    """

    id: str
    program: str
    statement: str
    citation: Source
    formula: str
    prove: Prover | None = None
    state: bool = False
    oracle: bool = False

    @property
    def symbolic(self) -> bool:
        return self.prove is not None

    @property
    def kinds(self) -> tuple[str, ...]:
        """How the entry is established: ``symbolic`` (SymPy), ``state`` (a checker over contract
        state), ``oracle`` (compared with a naive oracle in the tests)."""
        flags = (("symbolic", self.symbolic), ("state", self.state), ("oracle", self.oracle))
        return tuple(kind for kind, on in flags if on)

    def check(self, environment: Environment | None = None) -> Proof:
        """Prove a symbolic invariant under ``environment`` (the published parameters if None)."""
        if self.prove is None:
            raise TypeError(f"{self.id} is a state invariant: the stateful tests check it")
        return self.prove(_default_environment() if environment is None else environment)


@dataclass(frozen=True)
class Difference:
    """Where the deployed network parted from the seeds: what the seeds say (a verbatim quote),
    what the network did (with the artefact or derivation that shows it), and how this
    specification treats it."""

    id: str
    topic: str
    seed: SeedQuote | None
    deployed: str
    evidence: tuple[Source | str, ...]
    treatment: str
