"""How the symbolic invariants are proved: exact SymPy, never float sampling.

A prover takes an environment (parameter id -> exact value) and returns a :class:`Proof`.
:func:`identity` proves an equation for *all* parameter values by simplification; :func:`exact`
evaluates relations exactly at the given values; :func:`all_of` joins several provers. The
program modules write their own provers with these pieces (solving, sums, finite domains).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import sympy

from spec.records import Derivation, Environment, P


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


def verdict(ok: bool) -> Verdict:
    """PROVED when ``ok``, else REFUTED."""
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
        return Proof(verdict(ok), "symbolic identity", f"simplify({lhs} - ({rhs})) = 0")

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
        return Proof(verdict(ok), method, detail)

    return prove


def derivation(derivation_id: str) -> Derivation:
    """A derivation of any program, looked up when a proof runs."""
    from spec import derivations

    return derivations.get(derivation_id)


def derived(derivation_id: str, environment: Environment) -> Any:
    """The exact value of a derivation of any program under ``environment``."""
    return derivation(derivation_id).evaluate(environment)


def eq(a: Any, b: Any) -> Any:
    """The SymPy equation ``a = b``."""
    return sympy.Eq(sympy.sympify(a), sympy.sympify(b))


def every_derivation() -> tuple[Derivation, ...]:
    """Every program's derivations, in the catalog's order, gathered when a proof runs."""
    from spec import derivations

    return derivations.DERIVATIONS
