"""The invariant catalog: every rule of the specification, with a stable id.

Ids (``ASMB-SUPPLY-01`` style: program, topic, number) are public API that governance proposals
cite: they are never renumbered, only retired. Each :class:`Invariant` has a one-sentence
statement, a seed citation, a formula for readers, and how it is established:

* a **symbolic** invariant carries a ``prove`` function that SymPy runs against the parameters
  (exact simplification, solving, or exact evaluation over a finite domain -- never float
  sampling); ``asmb-spec report`` runs every one and fails if one does not hold;
* a **state** invariant is a property of contract state; the stateful tests check it after every
  step through the checkers the contracts register (see ``contracts.invariants``).

An invariant may be both. A test (``tests/unit/test_catalog.py``) fails if an entry is checked
by no test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

import sympy

from spec import derivations as dv
from spec.derivations import COMMISSION, D1, FRACTION, INFLATION, PERFORMANCE, ST
from spec.parameters import Environment, default_environment
from spec.parameters import symbol as P  # noqa: N812  (P(...) reads as the parameter)
from spec.sources import (
    SEED_ASSEMBLY,
    SEED_IOTASRB,
    SEED_STAKING,
    Artefact,
    FixtureField,
    SeedQuote,
    Source,
)

_IOTA_SYSTEM = "crates/iota-framework/packages/iota-system/sources"


class Verdict(Enum):
    PROVED = "proved"
    REFUTED = "refuted"


@dataclass(frozen=True)
class Proof:
    """The outcome of proving one invariant under one set of parameter values."""

    verdict: Verdict
    method: str
    detail: str

    @property
    def holds(self) -> bool:
        return self.verdict is Verdict.PROVED


Prover = Callable[[Environment], Proof]


@dataclass(frozen=True)
class Invariant:
    """One rule of the specification."""

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
        return self.prove(default_environment() if environment is None else environment)


# --------------------------------------------------------------------------- proof helpers


def _verdict(ok: bool) -> Verdict:
    return Verdict.PROVED if ok else Verdict.REFUTED


def _subs(expression: Any, environment: Environment) -> Any:
    names = {str(s) for s in expression.free_symbols}
    return expression.subs({P(n): environment[n] for n in names if n in environment})


def identity(lhs: Any, rhs: Any, rewrite: Any = None) -> Prover:
    """Prove ``lhs == rhs`` for *all* parameter values: ``simplify(lhs - rhs) == 0``."""

    def prove(_: Environment) -> Proof:
        difference = lhs - rhs
        if rewrite is not None:
            difference = difference.rewrite(rewrite)
        ok = sympy.simplify(difference) == 0
        return Proof(_verdict(ok), "symbolic identity", f"simplify({lhs} - ({rhs})) = 0")

    return prove


def exact(relations: Callable[[Environment], Sequence[tuple[str, Any]]]) -> Prover:
    """Prove relations by exact rational evaluation at the given parameter values.

    ``relations`` returns ``(label, relation)`` pairs; each relation must evaluate to SymPy
    ``true`` with no free symbols left (no floats are ever involved).
    """

    def prove(environment: Environment) -> Proof:
        failed: list[str] = []
        for label, relation in relations(environment):
            value = _subs(relation, environment) if hasattr(relation, "free_symbols") else relation
            if value is not sympy.true and value is not True:
                failed.append(label)
        if failed:
            return Proof(Verdict.REFUTED, "exact evaluation", "fails: " + "; ".join(failed))
        labels = "; ".join(label for label, _ in relations(environment))
        return Proof(Verdict.PROVED, "exact evaluation", labels)

    return prove


def all_of(*provers: Prover) -> Prover:
    """Prove every part; the verdict is the conjunction, the method lists the parts."""

    def prove(environment: Environment) -> Proof:
        proofs = [p(environment) for p in provers]
        ok = all(p.holds for p in proofs)
        method = " + ".join(dict.fromkeys(p.method for p in proofs))
        detail = " | ".join(p.detail for p in proofs)
        return Proof(_verdict(ok), method, detail)

    return prove


def _d(derivation_id: str, environment: Environment) -> Any:
    return dv.evaluate(derivation_id, environment)


def _eq(a: Any, b: Any) -> Any:
    return sympy.Eq(sympy.sympify(a), sympy.sympify(b))


# --------------------------------------------------------------------------- the proofs


def _prove_cap_fraction(environment: Environment) -> Proof:
    """Solve f · full ≤ cap over f ≥ 0 and compare the boundary with PRE-CAP-BINDING-FRACTION."""
    full = _d("PRE-FULL-STAKE-ASMB", environment)
    cap = _d("PRE-CAP-AMOUNT", environment)
    boundary = _d("PRE-CAP-BINDING-FRACTION", environment)
    f = sympy.Symbol("f", real=True)
    solution = sympy.solve_univariate_inequality(f * full <= cap, f, relational=False)
    expected = sympy.Interval(-sympy.oo, boundary)
    ok = solution == expected and boundary < 1
    detail = f"solve(f·full ≤ cap) = {solution}; f* = {boundary} < 1"
    return Proof(_verdict(ok), "solve", detail)


def _prove_split_range(environment: Environment) -> Proof:
    """D_1 + allocation(D_1) = 20 B for all D_1, and allocation ≥ 12 B exactly when D_1 ≤ cap."""
    d = sympy.Symbol("d", real=True)
    stakers = _d("ASMB-ALLOCATION-IOTA-STAKERS", environment)
    planned = environment["POSTLAUNCH_PLANNED"]
    cap = _d("PRE-CAP-AMOUNT", environment)
    allocation = dv.get("POST-ALLOCATION").symbolic(environment).subs(D1, d)
    total_ok = sympy.simplify(d + allocation - stakers) == 0
    solution = sympy.solve_univariate_inequality(allocation >= planned, d, relational=False)
    ok = total_ok and solution == sympy.Interval(-sympy.oo, cap)
    detail = f"D_1 + allocation - 20 B = 0; solve(allocation ≥ 12 B) = {solution}"
    return Proof(_verdict(ok), "symbolic identity + solve", detail)


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
    return Proof(_verdict(ok), "exact evaluation over the finite domain", detail)


# --------------------------------------------------------------------------- the catalog

_S = P("ASMB_INITIAL_SUPPLY")
_A = P("IOTA_STAKERS_SHARE")
_C = P("COMMUNITY_SHARE")
_DAYS = P("POSTLAUNCH_DAYS")
_X = sympy.Symbol("x", integer=True, nonnegative=True)
_IOTASRB = dv.get("IOTASRB").expression
_IOTASRB_V = dv.get("IOTASRB-V").expression
_A1, _B1 = sympy.symbols("a b", nonnegative=True)
# Symbols of the seed cap's proof: n addresses earning r_k, total T, cap C.
_R = sympy.IndexedBase("r", positive=True)
_T, _CAPSYM = sympy.symbols("T C", positive=True)
_K, _NADDR = sympy.symbols("k n", integer=True, positive=True)


def _deployed_round_lengths(environment: Environment) -> list[tuple[str, Any]]:
    window = _d("PRE-WINDOW-MILESTONES", environment)
    prefixes = [f"ASSEMBLY_R{n}" for n in range(1, 7)] + ["SHIMMER_GENESIS"]
    return [("window = 777,600", _eq(window, 777_600))] + [
        (
            f"{prefix} end − start = window",
            _eq(environment[f"{prefix}_END"] - environment[f"{prefix}_START"], window),
        )
        for prefix in prefixes
    ]


def _prove_cap_sum(_: Environment) -> Proof:
    """Σ_k r_k · C / T = (C / T) · Σ_k r_k = C when Σ_k r_k = T; each floor is ≤ its argument."""
    scaled = sympy.factor_terms(sympy.Sum(_R[_K] * _CAPSYM / _T, (_K, 1, _NADDR)))
    total = sympy.Sum(_R[_K], (_K, 1, _NADDR))
    ok = sympy.simplify(scaled.subs(total, _T) - _CAPSYM) == 0
    detail = f"{scaled} with Σ r_k = T gives C; ⌊x⌋ ≤ x term by term"
    return Proof(_verdict(ok), "symbolic identity", detail)


def _prove_cap_accounting(environment: Environment) -> Proof:
    """For every D_1: 20 B − D_1 = 12 B + (C − D_1), with the parameters' values."""
    stakers = _d("ASMB-ALLOCATION-IOTA-STAKERS", environment)
    cap = _d("PRE-CAP-AMOUNT", environment)
    difference = (stakers - D1) - (environment["POSTLAUNCH_PLANNED"] + (cap - D1))
    ok = sympy.simplify(difference) == 0
    return Proof(
        _verdict(ok), "symbolic identity in D_1", f"(20 B − D_1) − (12 B + C − D_1) = {difference}"
    )


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
    return Proof(_verdict(ok), "symbolic (concavity and convexity)", detail)


def _deployed_overflow_guard(environment: Environment) -> list[tuple[str, Any]]:
    supply = environment["IOTA_TOTAL_SUPPLY"]
    pairs: list[tuple[str, Any]] = []
    prefixes = [f"ASSEMBLY_R{n}" for n in range(1, 7)] + ["SHIMMER_GENESIS"]
    for prefix in prefixes:
        rate = environment[f"{prefix}_RATE"]
        length = environment[f"{prefix}_END"] - environment[f"{prefix}_START"]
        pairs.append(
            (
                f"{prefix}: ⌊S·rate⌋·(end − start) ≤ 2^64 − 1",
                sympy.Le(sympy.floor(supply * rate) * length, dv.U64_MAX),
            )
        )
    return pairs


def _widths(environment: Environment) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for derivation in dv.DERIVATIONS:
        if derivation.width:
            value = derivation.evaluate(environment)
            pairs.append((f"{derivation.id} < 2^128", sympy.Lt(value, dv.U128_MAX + 1)))
    pairs.append(
        (
            "pre-launch event total < 2^64",
            sympy.Lt(_d("WIDTH-PRE-EVENT-TOTAL", environment), dv.U64_MAX + 1),
        )
    )
    pairs.append(
        (
            "10-year ASMB supply < 2^64",
            sympy.Lt(_d("ASMB-SUPPLY-10Y", environment), dv.U64_MAX + 1),
        )
    )
    return pairs


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
                        sympy.Ge(_d("ASMB-ALLOCATION-UNASSIGNED", env), 0),
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
        "ROOT-BOND-01",
        "rootchain",
        "The root chain's module accounts hold exactly its records: the bonded pool the validator "
        "pools' tokens, the unbonding pool the unbonding entries, the rewards pool the rewards "
        "owed; each pool's shares are its accumulator's stake.",
        SeedQuote(
            SEED_STAKING,
            "the validator can also use tokens that Assembly token holders pledged to the "
            "validator",
        ),
        "bonded = Σ_v tokens_v,  unbonding = Σ entries,  rewards = Σ_v owed_v",
        state=True,
    ),
    Invariant(
        "ROOT-BOND-02",
        "rootchain",
        "Every active validator's own bond is worth at least the minimum bond; one below it "
        "(after a governance change) is rotated out at the next epoch.",
        SeedQuote(
            SEED_ASSEMBLY,
            "Anyone can become a validator, requiring only an operational node and a small amount "
            "of staked ASMB",
        ),
        "status = active ⇒ value(operator shares) ≥ ASMB_MIN_VALIDATOR_BOND",
        state=True,
    ),
    Invariant(
        "ROOT-REWARD-01",
        "rootchain",
        "Each epoch's inflation and fees are paid out entirely: to validator pools by stake, as "
        "commission to operators, and the remainders of the splits to the community pool.",
        SeedQuote(
            SEED_ASSEMBLY,
            "Stakers are rewarded through staking rewards consisting of newly minted ASMB tokens",
        ),
        "minted + fees = Σ_v offered_v + commission + remainders",
        state=True,
    ),
    Invariant(
        "ROOT-REWARD-02",
        "rootchain",
        "Nobody earns for an epoch before they were bonded: a delegator's rewards equal its exact "
        "share of the pools' post-commission rewards for the epochs it was bonded throughout, "
        "floored, less the accumulator's bound.",
        SeedQuote(
            SEED_STAKING,
            "a share of the validator's profit will be distributed to the stakers that delegate "
            "the stake to the validator",
        ),
        "paid_h = ⌊Σ_e r_{v,e} · shares_{h,e} / shares_{v,e}⌋ − δ,  0 ≤ δ ≤ 2",
        oracle=True,
    ),
    Invariant(
        "ROOT-COMMISSION-01",
        "rootchain",
        "A validator's commission is within the governance bounds when set, and applies from the "
        "next epoch.",
        SeedQuote(
            SEED_STAKING,
            "the validators will most likely be willing to pay a part of their earned profits",
        ),
        "ASMB_MIN_COMMISSION ≤ commission ≤ ASMB_MAX_COMMISSION",
        state=True,
    ),
    Invariant(
        "ROOT-COMMISSION-02",
        "rootchain",
        "The commission bounds governance sets are consistent: the lowest allowed commission is "
        "not above the highest, so some commission is always valid.",
        SeedQuote(
            SEED_STAKING,
            "the validators will most likely be willing to pay a part of their earned profits",
        ),
        "ASMB_MIN_COMMISSION ≤ ASMB_MAX_COMMISSION",
        exact(
            lambda env: [
                (
                    "min ≤ max",
                    sympy.Le(env["ASMB_MIN_COMMISSION"], env["ASMB_MAX_COMMISSION"]),
                )
            ]
        ),
    ),
    Invariant(
        "ROOT-UNBOND-01",
        "rootchain",
        "Unbonding stake earns nothing and is released only after the unbonding delay; exiting "
        "and tombstoned validators are never eligible for rewards or committees.",
        SeedQuote(SEED_STAKING, "a deposited stake in the Assembly root chain contract"),
        "matures = created + ASMB_UNBONDING_EPOCHS",
        state=True,
    ),
    Invariant(
        "ROOT-SLASH-01",
        "rootchain",
        "A slash of fraction f burns ⌊f · tokens⌋ of the pool and ⌊f · amount⌋ of every unbonding "
        "entry created at or after the offence; the supply falls by exactly the slashed amount; "
        "only the slashing authority slashes, only with evidence, once per evidence.",
        SeedQuote(SEED_ASSEMBLY, "Slashed tokens are burned by the network."),
        "Δsupply = −(⌊f·tokens⌋ + Σ ⌊f·entry⌋)",
        state=True,
    ),
    Invariant(
        "COMMITTEE-01",
        "rootchain",
        "Committees are drawn deterministically from the epoch's seed, higher-value chains first; "
        "no validator sits on two committees and no committee exceeds its size.",
        SeedQuote(
            SEED_STAKING,
            "grant a validator access to a smart contract chains validator committee",
        ),
        "committees = draw(seed, epoch, chains by tier, weights)",
        state=True,
    ),
    Invariant(
        "COMMITTEE-02",
        "rootchain",
        "The chance of a validator to be seated, on any committee and on the highest-value "
        "chain's, never decreases as its stake grows.",
        SeedQuote(
            SEED_STAKING,
            "The higher the stake a validator can offer as a security deposit, the more likely "
            "this validator will be chosen to secure high-value smart contract chains.",
        ),
        "w_v ≤ w'_v ⇒ P(v seated | w) ≤ P(v seated | w')",
        oracle=True,
    ),
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
                    _eq(_d("ASMB-SPLIT-PLANNED-SHARE", env), env["IOTA_STAKERS_SHARE"]),
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
        "PRE-EVENT-01",
        "prelaunch",
        "An event is accepted only as the node accepts it: commence < start < end, a staking "
        "numerator and denominator both non-zero and a symbol of 3 to 10 bytes, ballots of 1 to 10 "
        "questions of 2 to 10 unique answers none of them 0 or 255, strings within the node's "
        "limits; anything else is rejected with INVALID_EVENT.",
        FixtureField("README.md", "", "BLAKE2b-256 of the event's binary serialization"),
        "commence < start < end ∧ numerator ≠ 0 ∧ denominator ≠ 0 ∧ 3 ≤ |symbol| ≤ 10",
        state=True,
    ),
    Invariant(
        "PRE-EVENT-02",
        "prelaunch",
        "The node's overflow guard holds for every accepted staking event: the whole IOTA supply "
        "staked for the whole event earns floor(S · numerator / denominator) · (end − start) ≤ "
        "2^64 − 1, and every deployed event passes it.",
        FixtureField(
            "README.md",
            "",
            "The node refused events whose per-milestone reward on the whole supply",
        ),
        "numerator ≤ ⌊(2^64−1)/S⌋ ∧ ⌊S·num/den⌋ · (end − start) ≤ 2^64 − 1",
        exact(_deployed_overflow_guard),
        state=True,
    ),
    Invariant(
        "PRE-EVENT-03",
        "prelaunch",
        "An event's id is the BLAKE2b-256 digest of its binary serialization, and the ids of the "
        "seven deployed staking events and the two votes are the ones the node software and wallet "
        "published.",
        FixtureField("README.md", "", "BLAKE2b-256 of the event's binary serialization"),
        "id = BLAKE2b-256(serialize(event))",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-01",
        "prelaunch",
        "An output's reward is floor(amount · numerator / denominator) per counted milestone, the "
        "counted milestones being max(start + 1, booked) ≤ m ≤ min(at, end, spent − 1): the "
        "closed form equals a milestone-by-milestone walk.",
        FixtureField("README.md", "", "Per output, per milestone, floored."),
        "reward = ⌊a·n/d⌋ · |[max(s+1, b), min(at, e, x−1)]|",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-02",
        "prelaunch",
        "Results list exactly the addresses whose summed rewards reach the required minimum, and "
        "their total is the sum of the listed rewards.",
        FixtureField("README.md", "", "an address whose sum over the event is below"),
        "listed = {addr : Σ rewards ≥ min},  total = Σ listed",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-03",
        "prelaunch",
        "Rewards never decrease with time, and an output's reward never decreases with its amount.",
        SeedQuote(SEED_STAKING, "This happens at a fixed rate for every IOTA token staked."),
        "m ≤ m' ⇒ r(m) ≤ r(m'),  a ≤ a' ⇒ r(a) ≤ r(a')",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-04",
        "prelaunch",
        "Flooring per output per milestone never pays an address more than flooring its exact "
        "total once: Σ ⌊a_o·n/d⌋·c_o ≤ ⌊Σ a_o·n/d·c_o⌋.",
        FixtureField("README.md", "", "The floor is taken per output"),
        "Σ_o ⌊a_o r⌋ c_o ≤ ⌊Σ_o a_o r c_o⌋",
        state=True,
    ),
    Invariant(
        "PRE-RESULTS-01",
        "prelaunch",
        "A results checksum is SHA-256 over the event id, the milestone index (u32 LE), the "
        "symbol, and each listed address in ascending order as 64 hex characters with its amount "
        "(u64 LE); the published round-6 result verifies bit-exactly.",
        FixtureField("README.md", "", "SHA-256 over: the 32-byte event id"),
        "checksum = SHA-256(id ‖ u32(m) ‖ symbol ‖ (hex(addr) ‖ u64(amount))*)",
        state=True,
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
        "BALLOT-COUNT-01",
        "governance",
        "A ballot weighs each output floor(amount / 1000) per answer; an answer's accumulated "
        "weight is its current weight summed over the counted milestones start < m ≤ end, equal to "
        "a milestone-by-milestone walk.",
        FixtureField("events/vote/governance_01.json", "/payload/type"),
        "accumulated = Σ_o ⌊a_o/1000⌋ · counted(o)",
        state=True,
    ),
    Invariant(
        "BALLOT-COUNT-02",
        "governance",
        "A ballot's status checksum is SHA-256 over the event id, the milestone index, and per "
        "question its index and each answer's value, current and accumulated; the published "
        "results of both deployed votes verify.",
        FixtureField("results/vote/shimmer_funding.json", "/checksum"),
        "checksum = SHA-256(id ‖ u32(m) ‖ (u8(q) ‖ (u8(v) ‖ u64(cur) ‖ u64(acc))*)*)",
        state=True,
    ),
    Invariant(
        "BALLOT-COUNT-03",
        "governance",
        "A ballot's winning answer is the defined answer with the highest accumulated weight once "
        "the event has ended: 'Build' won the treasury vote and 'Yes' the Shimmer funding vote.",
        FixtureField("events/vote/shimmer_funding.json", "/payload/questions"),
        "winner = argmax_{answer} accumulated(answer)",
        state=True,
    ),
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
                    ("dust ≥ 0", sympy.Ge(_d("POST-DUST", env), 0)),
                    ("dust < days", sympy.Lt(_d("POST-DUST", env), env["POSTLAUNCH_DAYS"])),
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
                    _eq(_d("POST-ALLOCATION", env), env["POSTLAUNCH_EXAMPLE_REMAINING"]),
                ),
                (
                    "daily = 21,909,233 ASMB",
                    _eq(_d("POST-DAILY-PAYOUT-ASMB", env), env["POSTLAUNCH_EXAMPLE_DAILY"]),
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
                    _eq(sympy.ceiling(_d("POST-DAYS-365", env)), env["POSTLAUNCH_DAYS"]),
                ),
                (
                    "floor(639.1875) = 639",
                    _eq(sympy.floor(_d("POST-DAYS-365.25", env)), env["POSTLAUNCH_DAYS"]),
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
                ("bound ≥ 1", sympy.Ge(_d("POST-ACCUMULATOR-BOUND", env), 1)),
                ("bound ≤ 2", sympy.Le(_d("POST-ACCUMULATOR-BOUND", env), 2)),
            ]
        ),
        oracle=True,
    ),
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
                            _d("SMR-SUPPLY-10Y-CLOSED-FORM", env) - _d("SMR-SUPPLY-10Y", env), 0
                        ),
                        sympy.Lt(
                            _d("SMR-SUPPLY-10Y-CLOSED-FORM", env) - _d("SMR-SUPPLY-10Y", env), 10
                        ),
                    ),
                )
            ]
        ),
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
                        _d("ASMB-INFLATION-NOMINAL-EFFECTIVE", env).doit(),
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
                        _d("ASMB-SUPPLY-10Y-CLOSED-FORM", env) - _d("ASMB-SUPPLY-10Y", env), 0
                    ),
                ),
                (
                    "closed − floored < 10",
                    sympy.Lt(
                        _d("ASMB-SUPPLY-10Y-CLOSED-FORM", env) - _d("ASMB-SUPPLY-10Y", env), 10
                    ),
                ),
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
                    _eq(_d("SMR-GENESIS-TOTAL", env), env["SHIMMER_GENESIS_SUPPLY"]),
                ),
                ("DAO = TIP-32 DAO", _eq(_d("SMR-GENESIS-DAO", env), env["SHIMMER_GENESIS_DAO"])),
                ("TEA = TIP-32 TEA", _eq(_d("SMR-GENESIS-TEA", env), env["SHIMMER_GENESIS_TEA"])),
                (
                    "stakers + DAO + TEA = total",
                    _eq(
                        env["SHIMMER_GENESIS_STAKERS"]
                        + env["SHIMMER_GENESIS_DAO"]
                        + env["SHIMMER_GENESIS_TEA"],
                        env["SHIMMER_GENESIS_SUPPLY"],
                    ),
                ),
                (
                    "stakers = 80 % exactly",
                    _eq(
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
            identity(dv.get("IOTASRB-REAL").expression, (_IOTASRB - INFLATION) / (1 + INFLATION)),
            identity(
                dv.get("IOTASRB-REAL-LITERAL").expression - dv.get("IOTASRB-REAL").expression,
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
    Invariant(
        "IOTA-VP-01",
        "iotasrb",
        "Voting power sums to 10,000 over the committee, every member has some, none exceeds the "
        "cap max(1,000, ⌈10,000/n⌉), and more stake never means less power.",
        SeedQuote(SEED_IOTASRB, "If the 2/3rd majority of voting power in an epoch votes in favor"),
        "Σ vp = 10 000,  0 < vp ≤ cap,  stake_a > stake_b ⇒ vp_a ≥ vp_b",
        state=True,
    ),
    Invariant(
        "IOTA-POT-01",
        "iotasrb",
        "Each epoch's pot is the 767,000 IOTA subsidy plus tips (base fees burned, the shortfall "
        "minted), and it is fully accounted for: paid to committee pools plus burned equals the "
        "pot.",
        SeedQuote(SEED_IOTASRB, "The number of rewarded tokens per epoch (767000 IOTA)."),
        "pot = subsidy + tips = Σ paid + burned",
        state=True,
    ),
    Invariant(
        "IOTA-SLASH-01",
        "iotasrb",
        "A validator reported by validators holding at least 6,667 voting power earns nothing that "
        "epoch, and its reward is burned, not redistributed; reports persist until withdrawn.",
        SeedQuote(
            SEED_IOTASRB,
            "the rewards that would have been distributed to the validator's staking pool for this "
            "epoch will be burned instead",
        ),
        "Σ_{r reports v} vp_r ≥ 6 667 ⇒ paid_v = 0",
        state=True,
    ),
    Invariant(
        "IOTA-POOL-01",
        "iotasrb",
        "Each pool's balances reconcile with its exchange rate, and its pending stake is exactly "
        "the stakes requested for the next epoch.",
        SeedQuote(SEED_IOTASRB, "The number of staked tokens in the network."),
        "tokens = ⌊rate.tokens · iota / rate.iota⌋,  pending = Σ pending principals",
        state=True,
    ),
    Invariant(
        "IOTA-STAKE-01",
        "iotasrb",
        "Stake requested in epoch E is active from E + 1; withdrawn before that it returns only "
        "its principal.",
        SeedQuote(SEED_IOTASRB, "The number of staked tokens in the network."),
        "activation = request epoch + 1",
        state=True,
    ),
    Invariant(
        "IOTA-COMMISSION-01",
        "iotasrb",
        "Commission rates stay within 0 … 2,000 basis points and a change applies from the next "
        "epoch's distribution.",
        SeedQuote(
            SEED_IOTASRB,
            "The percentage commission rate the validator has set as a delegation fee",
        ),
        "0 ≤ commission ≤ 2 000 bp",
        state=True,
    ),
    Invariant(
        "IOTA-COMMISSION-02",
        "iotasrb",
        "A validator's commission is the floor of its allotment at its effective rate: from "
        "protocol version 20 (IIP-8) the larger of the rate it set and its voting power in basis "
        "points, before it the rate set.",
        Artefact(
            "iotaledger/iota",
            f"{_IOTA_SYSTEM}/validator_set.move",
            "distribute_reward: effective_commission_rate = "
            "validator.commission_rate().max(validator.voting_power())",
        ),
        "commission = ⌊allotment · max(rate, vp) / 10 000⌋",
        state=True,
    ),
    Invariant(
        "IOTA-DEPART-01",
        "iotasrb",
        "At every epoch change a validator whose stake is below the very-low threshold leaves "
        "the set, and one below the low threshold leaves once it has been below it at more than "
        "the grace period of epoch changes in a row; every other stays.",
        Artefact(
            "iotaledger/iota",
            f"{_IOTA_SYSTEM}/validator_set.move",
            "update_and_process_low_stake_departures",
        ),
        "stake < very-low ⇒ leaves;  very-low ≤ stake < low for > grace epochs ⇒ leaves",
        state=True,
    ),
    Invariant(
        "IOTA-SET-01",
        "iotasrb",
        "The committee is the top validators by stake among those active for a whole epoch "
        "(ties: the larger key), at most the committee size; candidates join with the joining "
        "stake, the set never passes its maximum count, and no request takes it below its "
        "minimum.",
        Artefact(
            "iotaledger/iota",
            f"{_IOTA_SYSTEM}/validator_set.move",
            "select_committee_members_from_eligible, request_add_validator",
        ),
        "committee ⊆ active,  |committee| ≤ 100,  |set| ≤ 150",
        state=True,
    ),
    Invariant(
        "IOTA-SAFE-01",
        "iotasrb",
        "An epoch change that fails (an empty set, voting power that cannot be set) advances the "
        "network in safe mode: it pays, mints and processes nothing, and the epoch's gas is "
        "carried into the next successful change.",
        Artefact(
            "iotaledger/iota",
            "crates/iota-types/src/iota_system_state/iota_system_state_inner_v1.rs",
            "advance_epoch_safe_mode",
        ),
        "safe mode ⇒ paid = minted = 0",
        state=True,
    ),
    Invariant(
        "IOTA-SUPPLY-01",
        "iotasrb",
        "IOTA supply changes only by the epoch's mint and burns: supply − genesis = minted − "
        "burned, over liquid balances, staked principals, pools' rewards and pending gas.",
        SeedQuote(SEED_IOTASRB, "Unvested tokens released into circulation are also considered"),
        "supply − genesis = minted − burned",
        state=True,
    ),
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

#: Symbols that are free variables of catalog formulas (documented for readers of the proofs).
FREE_VARIABLES: Final = (D1, ST, PERFORMANCE, COMMISSION, INFLATION, FRACTION)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "ASMB-SUPPLY-01": r"A S + C S + (1 - A - C) S = S,\quad 1 - A - C \ge 0",
    "ASMB-SPLIT-02": r"D_1 + (20\,\mathrm{B} - D_1) = 20\,\mathrm{B},\quad "
    r"20\,\mathrm{B} - D_1 \ge 12\,\mathrm{B} \iff D_1 \le 8\,\mathrm{B}",
    "PRE-CAP-01": r"f \cdot S_{\mathrm{IOTA}} \cdot r \cdot 777\,600 \le C \iff f \le f^{*},\quad "
    r"f^{*} < 1",
    "PRE-CAP-02": r"\sum_a \left\lfloor r_a C / T \right\rfloor \le \sum_a r_a C / T = C",
    "PRE-REWARD-01": r"\mathrm{reward} = \left\lfloor a \cdot n / d \right\rfloor \cdot "
    r"\bigl|[\max(s+1, b),\ \min(\mathit{at}, e, x-1)]\bigr|",
    "POST-PAYOUT-01": r"639 \left\lfloor \frac{x}{639} \right\rfloor + (x \bmod 639) = x,"
    r"\quad 0 \le x \bmod 639 < 639",
    "ASMB-INFLATION-01": r"\sum_{k<365} \left( \left\lfloor \frac{S r (k+1)}{365} \right\rfloor - "
    r"\left\lfloor \frac{S r k}{365} \right\rfloor \right) = \lfloor S r \rfloor",
    "IOTASRB-01": r"\mathrm{IOTASRB} - \mathrm{IOTASRB}(v) = \mathrm{IOTASRB}\,(a + b(1-a)) \ge 0",
    "IOTASRB-02": r"\frac{1 + R}{1 + i} - 1 = \frac{R - i}{1 + i}",
    "IOTASRB-03": r"(1 + I)^{1-c_r} - 1 \le I (1 - c_r) \le e^{I (1 - c_r)} - 1",
    "ACC-CONSERVE-01": r"\mathrm{offered} \cdot S = S(\mathrm{claimed} + \mathrm{undistributed}) + "
    r"\mathrm{rounding} + \sum_h \mathrm{owed}_h",
}

BY_ID: Final[dict[str, Invariant]] = {invariant.id: invariant for invariant in INVARIANTS}


def get(invariant_id: str) -> Invariant:
    """The catalog entry with this id."""
    return BY_ID[invariant_id]


def prove_all(environment: Environment | None = None) -> dict[str, Proof]:
    """Prove every symbolic invariant; the result maps id -> proof."""
    env = default_environment() if environment is None else environment
    return {inv.id: inv.check(env) for inv in INVARIANTS if inv.symbolic}
