"""The governance-controlled parameters in force on the Assembly root chain.

The store starts from ``spec``'s published values of every governable parameter. Only the
governance authority may change a value, and only within the parameter's bounds and resolution
(``spec.parameters.check_governable``): no other path exists (GOV-PARAM-01).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from contracts.accounts import GOVERNANCE_AUTHORITY
from contracts.errors import NotGovernable, ParameterOutOfBounds, Unauthorized
from contracts.invariants import checker
from contracts.units import BASIS_POINTS
from spec import parameters


class ParameterStore:
    """Current values of the governable parameters."""

    def __init__(self) -> None:
        self.values: dict[str, Fraction] = {
            p.id: parameters.ratio(p.id) for p in parameters.PARAMETERS if p.governable
        }
        #: (epoch, parameter id, old value, new value) of every change applied.
        self.history: list[tuple[int, str, Fraction, Fraction]] = []

    def get(self, parameter_id: str) -> Fraction:
        return self.values[parameter_id]

    def integer(self, parameter_id: str) -> int:
        value = self.values[parameter_id]
        assert value.denominator == 1, parameter_id
        return value.numerator

    def basis_points(self, parameter_id: str) -> int:
        scaled = self.values[parameter_id] * BASIS_POINTS
        assert scaled.denominator == 1, parameter_id
        return scaled.numerator

    @staticmethod
    def validate(parameter_id: str, value: Fraction) -> None:
        """Raise ``NotGovernable`` or ``ParameterOutOfBounds`` when the change is not allowed."""
        problem = parameters.check_governable(parameter_id, value)
        if problem is None:
            return
        parameter = parameters.BY_ID.get(parameter_id)
        if parameter is None or not parameter.governable:
            raise NotGovernable(problem, parameter=parameter_id)
        raise ParameterOutOfBounds(problem, parameter=parameter_id)

    def set(self, authority: str, parameter_id: str, value: Fraction, epoch: int) -> None:
        """Change a parameter: only ``authority:governance``, only within bounds."""
        if authority != GOVERNANCE_AUTHORITY:
            raise Unauthorized(f"{authority!r} may not change {parameter_id}", caller=authority)
        self.validate(parameter_id, value)
        self.history.append((epoch, parameter_id, self.values[parameter_id], value))
        self.values[parameter_id] = value

    def state(self) -> dict[str, Any]:
        """Every governable value in force, as ``"p/q"``, by parameter id."""
        return {k: f"{v.numerator}/{v.denominator}" for k, v in sorted(self.values.items())}


@checker("GOV-PARAM-01", ParameterStore)
def _check_values_governable(store: ParameterStore) -> list[str]:
    """Every value in force is within bounds, and differs from the spec only through history."""
    problems = [
        f"{pid} = {value}: {problem}"
        for pid, value in store.values.items()
        if (problem := parameters.check_governable(pid, value)) is not None
    ]
    replayed = {p.id: parameters.ratio(p.id) for p in parameters.PARAMETERS if p.governable}
    for _, pid, old, new in store.history:
        if replayed[pid] != old:
            problems.append(f"history of {pid} does not chain")
        replayed[pid] = new
    if replayed != store.values:
        problems.append("a value changed outside governance's recorded history")
    return problems
