"""What a boundary is, the steps of a case it is measured on, and the helpers its offsets share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

from contracts.conformance.codec import integer
from contracts.conformance.statediff import apply
from spec import parameters

JSON = Any
U64_MAX: Final = 2**64 - 1


@dataclass(frozen=True)
class Step:
    """One step of a case, with what surrounds it."""

    create: JSON
    operation: str
    args: JSON
    expect: JSON
    before: JSON
    after: JSON


Offsets = Callable[[Step], Iterable[Fraction | int]]


@dataclass(frozen=True)
class Boundary:
    contract: str
    name: str
    rule: str
    operations: tuple[str, ...]
    offsets: Offsets
    #: The code a step one unit on the wrong side answers ("" when the rule refuses nothing).
    code: str = ""

    def counted(self, step: Step) -> bool:
        if step.operation not in self.operations:
            return False
        if "result" in step.expect:
            return True
        return bool(self.code) and step.expect["error"]["code"] == self.code


def steps(case: JSON) -> Iterator[Step]:
    """Every step of ``case`` with the states before and after it (none for a refused
    constructor: its only step is the constructor itself, operation ``create``)."""
    create = case["create"]
    if "initialState" not in case:
        yield Step(create, "create", create, case["createExpect"], None, None)
        return
    yield Step(create, "create", create, case["createExpect"], None, case["initialState"])
    state = case["initialState"]
    for step in case["steps"]:
        after = apply(state, step["changes"])
        yield Step(create, step["operation"], step["args"], step["expect"], state, after)
        state = after


def as_int(value: Any) -> int:
    return integer(value)


def parameter(name: str) -> int:
    return parameters.integer(name)


def ratio(name: str) -> Fraction:
    return parameters.ratio(name)


def basis_points(name: str) -> int:
    return int(ratio(name) * 10_000)


def offset(value: JSON, threshold: int) -> Iterator[int]:
    """``value`` less ``threshold`` when ``value`` is an integer (or its decimal string);
    nothing for a value of another type."""
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            yield integer(value) - threshold
        except ValueError:
            return


def argument_minus(argument: str, threshold: int) -> Offsets:
    """How far an integer argument of the step is from ``threshold``."""

    def offsets(step: Step) -> Iterable[int]:
        return offset(step.args.get(argument), threshold)

    return offsets
