"""The self-check's fingerprint (contracts.transaction.fingerprint) against a naive oracle.

The contract's fingerprint plans each type once and reads scalar members without a call; the
oracle in tests/oracles/fingerprint.py examines every value from scratch. They must give the
same image of any object graph, and the image must tell apart every change that can change
behaviour.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from contracts.transaction import fingerprint
from tests.bench.iota import staked
from tests.oracles.fingerprint import naive_fingerprint


class Colour(enum.Enum):
    RED = 1
    BLUE = 2


class Rank(enum.IntEnum):
    LOW = 1


@dataclass
class Plain:
    a: object
    b: object = None


@dataclass(frozen=True)
class Frozen:
    z: object
    y: object = 0


@dataclass(slots=True)
class Slotted:
    q: object
    p: object = field(default=0)


class Partial:
    """A class with slots, some left unset."""

    __slots__ = ("first", "second")
    first: object
    second: object


class Loose:
    """A plain class: only its ``__dict__``."""


def _partial(first: object, second: object | None) -> Partial:
    value = Partial()
    value.first = first
    if second is not None:
        value.second = second
    return value


def _loose(members: dict[str, object]) -> Loose:
    value = Loose()
    value.__dict__.update(members)
    return value


def _with_extra(base: Plain, extra: object) -> Plain:
    base.__dict__["extra"] = extra  # an attribute beyond the dataclass fields
    return base


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.text(max_size=4),
    st.binary(max_size=4),
    st.fractions(max_denominator=9),
    st.sampled_from([Colour.RED, Colour.BLUE, Rank.LOW]),
    st.sampled_from([len, sorted, _loose, Plain]),
)
names = st.text(alphabet="abcxyz", min_size=1, max_size=3)


def _containers(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(st.one_of(names, st.integers(-3, 3)), children, max_size=4),
        st.sets(st.integers(-5, 5), max_size=4),
        st.frozensets(names, max_size=3),
        st.builds(Plain, children, children),
        st.builds(Frozen, children, children),
        st.builds(Slotted, children, children),
        st.builds(_partial, children, st.none() | children),
        st.builds(_loose, st.dictionaries(names, children, max_size=3)),
        st.builds(_with_extra, st.builds(Plain, children), children),
    )


values = st.recursive(scalars, _containers, max_leaves=25)


@st.composite
def shared_graphs(draw: st.DrawFn) -> object:
    """A graph in which some objects are reached more than once."""
    pool = draw(st.lists(values, min_size=1, max_size=4))
    picks = draw(st.lists(st.integers(0, len(pool) - 1), min_size=1, max_size=8))
    return {"members": [pool[k] for k in picks], "again": Plain(pool[picks[0]], pool)}


@given(values)
def test_the_fingerprint_is_the_naive_one(value: object) -> None:
    assert fingerprint(value) == naive_fingerprint(value)


@given(shared_graphs())
def test_shared_references_are_numbered_as_the_naive_one_numbers_them(value: object) -> None:
    assert fingerprint(value) == naive_fingerprint(value)


def test_a_contract_state_has_the_naive_fingerprint() -> None:
    system = staked(stakes=60, validators=6, epochs=8)
    assert fingerprint(system) == naive_fingerprint(system)


def test_every_difference_that_can_change_behaviour_shows() -> None:
    shared = [1]
    pairs: list[tuple[object, object]] = [
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # dictionary order
        ([1], [True]),  # bool is not int
        ([1], [Fraction(1)]),
        ((1,), [1]),  # tuple is not list
        (Plain([1], [1]), Plain(shared, shared)),  # two lists, or one list twice
        (Plain(1), _with_extra(Plain(1), None)),  # an attribute beyond the fields
        (_partial(1, None), _partial(1, 0)),  # an unset slot, or a set one
        (Slotted(1, 2), Slotted(2, 1)),
        (Colour.RED, Colour.BLUE),
        ({1, 2}, {1, 3}),
        (Rank.LOW, 1),
    ]
    for left, right in pairs:
        assert fingerprint(left) != fingerprint(right), (left, right)
        assert naive_fingerprint(left) != naive_fingerprint(right), (left, right)
