"""Entry points: typed arguments first, then check, then effect.

Every public method of every contract is an **entry point**, declared with one of three
decorators:

* :func:`transaction` -- a call that may change state;
* :func:`query` -- a call that reads state and never changes it;
* :func:`constructor` -- a contract's ``__init__`` (or genesis).

All three check every argument against the domain its annotation names
(:mod:`contracts.domains`) before the method's body runs: a wrong type or an out-of-domain value
is refused with its documented code before anything else is looked at, constructors included.

**Atomicity: check, then effect.** A transaction's body is written in two phases. The *check*
phase reads state and raises a :class:`~contracts.errors.ContractError` for every rule the call
breaks -- including the widths (u64) of what it would write and every ledger move it would make,
which it stages in a :class:`~contracts.ledger.LedgerMoves` batch. The *effect* phase writes, and
calls only operations that cannot fail once the checks have passed (the ``apply_*`` methods of
the shared components, and :meth:`~contracts.ledger.LedgerMoves.commit`). So a rejected
transaction raises before its first write and leaves the state bit for bit as it was; a
transaction made of several steps (an epoch change) checks every step before it writes any.

**The self-check.** :func:`verify_atomicity` turns on a test-only mode in which every entry point
fingerprints the whole object graph reachable from its contract before the call: a transaction
that raises, or a query, must leave the fingerprint unchanged, or :class:`AtomicityViolation` is
raised. The test suite runs with it on, so every rejected call any test makes is checked.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from enum import Enum
from fractions import Fraction
from typing import Any, Final, TypeVar

from contracts.domains import Domain
from contracts.errors import ContractError, InvalidInput

F = TypeVar("F", bound=Callable[..., Any])

TRANSACTION: Final = "transaction"
QUERY: Final = "query"
CONSTRUCTOR: Final = "constructor"

_checks = {"atomicity": False}


class AtomicityViolation(AssertionError):
    """An entry point changed state although it raised (or although it is a query)."""


def verify_atomicity(enabled: bool) -> bool:
    """Turn the self-check on or off; return the previous setting (tests only)."""
    previous = _checks["atomicity"]
    _checks["atomicity"] = enabled
    return previous


@contextlib.contextmanager
def atomicity_checks(enabled: bool) -> Iterator[None]:
    """The self-check on or off within a block (a test whose state is too large to fingerprint
    on every call turns it off)."""
    previous = verify_atomicity(enabled)
    try:
        yield
    finally:
        verify_atomicity(previous)


@dataclass(frozen=True)
class Parameter:
    name: str
    domain: Domain


@dataclass(frozen=True)
class EntrySignature:
    """An entry point's arguments and their domains, resolved from its annotations."""

    #: The method's name; messages name it after the class of the contract that was called.
    name: str
    parameters: tuple[Parameter, ...]
    defaults: tuple[Any, ...]
    signature: inspect.Signature
    #: One fast membership test per argument, in order.
    predicates: tuple[Callable[[Any], bool], ...]
    #: Every argument's membership test at once: true when each is in its domain
    #: (:func:`compile_check`).
    check: Callable[..., bool]
    #: How many arguments there are, and how many have no default.
    count: int
    required: int

    @property
    def arity(self) -> int:
        return len(self.parameters)

    def bind(self, args: tuple[Any, ...], kwargs: dict[str, Any], owner: str) -> tuple[Any, ...]:
        """Positional values of every argument, defaults filled in (``owner``: the called
        contract's class, for the message)."""
        if not kwargs and self.arity - len(self.defaults) <= len(args) < self.arity:
            missing = self.arity - len(args)
            return args + self.defaults[len(self.defaults) - missing :]
        try:
            bound = self.signature.bind(None, *args, **kwargs)
        except TypeError as error:
            raise InvalidInput(f"{owner}.{self.name}: {error}") from None
        bound.apply_defaults()
        return tuple(bound.arguments[p.name] for p in self.parameters)

    def reject(self, args: tuple[Any, ...], owner: str) -> None:
        """Raise the error of the first argument of the wrong type, else of the first out of
        its domain."""
        for parameter, value in zip(self.parameters, args, strict=True):
            error = parameter.domain.type_error(parameter.name, value)
            if error is not None:
                raise error
        for parameter, value in zip(self.parameters, args, strict=True):
            error = parameter.domain.range_error(parameter.name, value)
            if error is not None:
                raise error
        raise AssertionError(f"{owner}.{self.name}: a domain refused a value it then accepted")


def compile_check(domains: tuple[Domain, ...]) -> Callable[..., bool]:
    """One function of the arguments that is true when every argument is in its domain.

    The domains' tests are written inline, one ``and`` after another (:meth:`Domain.inline`),
    so that the common call -- every argument well-formed -- costs one Python call in all,
    not one per argument; a domain without an inline test has its predicate called. The
    tests run in argument order and stop at the first false one, as ``all`` over the
    predicates does.
    """
    namespace: dict[str, object] = {}

    def bind(value: object) -> str:
        key = f"_v{len(namespace)}"
        namespace[key] = value
        return key

    names = [f"a{k}" for k in range(len(domains))]
    tests = []
    for name, domain in zip(names, domains, strict=True):
        expression = domain.inline(name, bind)
        tests.append(
            expression if expression is not None else f"{bind(domain.predicate())}({name})"
        )
    source = f"def check({', '.join(names)}):\n    return {' and '.join(tests) or 'True'}\n"
    exec(compile(source, "<entry point check>", "exec"), namespace)
    check: Callable[..., bool] = namespace["check"]  # type: ignore[assignment]
    return check


def resolve(function: Callable[..., Any]) -> EntrySignature:
    """The domains of ``function``'s arguments (after ``self``), from their annotations."""
    hints = typing.get_type_hints(function, include_extras=True)
    signature = inspect.signature(function)
    parameters = []
    defaults = []
    for parameter in list(signature.parameters.values())[1:]:
        hint = hints.get(parameter.name)
        domain = next((m for m in getattr(hint, "__metadata__", ()) if isinstance(m, Domain)), None)
        if domain is None:
            raise TypeError(f"{function.__qualname__}: argument {parameter.name!r} has no domain")
        parameters.append(Parameter(parameter.name, domain))
        if parameter.default is not inspect.Parameter.empty:
            defaults.append(parameter.default)
        elif defaults:
            raise TypeError(f"{function.__qualname__}: a default before a required argument")
    return EntrySignature(
        function.__name__,
        tuple(parameters),
        tuple(defaults),
        signature,
        tuple(p.domain.predicate() for p in parameters),
        compile_check(tuple(p.domain for p in parameters)),
        len(parameters),
        len(parameters) - len(defaults),
    )


def _entry(kind: str) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        resolved: list[EntrySignature] = []
        checks = _checks
        constructing = kind == CONSTRUCTOR
        # Until the first call resolves the annotations, no call matches ``count``: every call
        # takes ``prepare``, which resolves them and sets the fast path's ``count`` and ``check``.
        count = -1
        check: Callable[..., bool] = _unresolved

        def prepare(self: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
            """The arguments with their defaults filled in (or bound, with keywords)."""
            nonlocal count, check
            if not resolved:
                resolved.append(resolve(function))
                count, check = resolved[0].count, resolved[0].check
            entry = resolved[0]
            if not kwargs and entry.required <= len(args) < entry.count:
                return args + entry.defaults[len(args) - entry.required :]
            if not kwargs and len(args) == entry.count:
                return args
            return entry.bind(args, kwargs, type(self).__name__)

        @functools.wraps(function)
        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
            if kwargs or len(args) != count:
                args = prepare(self, args, kwargs)
            if not check(*args):
                resolved[0].reject(args, type(self).__name__)
            if constructing or not checks["atomicity"]:
                return function(self, *args)
            return _checked(kind, function, self, args)

        run.__entry__ = kind  # type: ignore[attr-defined]
        run.__entry_signature__ = lambda: resolved[0] if resolved else resolve(function)  # type: ignore[attr-defined]
        return typing.cast(F, run)

    return decorate


def _unresolved(*args: Any) -> bool:
    raise AssertionError("an entry point's check ran before its annotations were resolved")


def _checked(kind: str, function: Callable[..., Any], self: Any, args: tuple[Any, ...]) -> Any:
    before = fingerprint(self)
    name = f"{type(self).__name__}.{function.__name__}"
    try:
        result = function(self, *args)
    except ContractError as error:
        if fingerprint(self) != before:
            raise AtomicityViolation(
                f"{name} raised {error.code} ({error.message}) after changing state"
            ) from error
        raise
    if kind == QUERY and fingerprint(self) != before:
        raise AtomicityViolation(f"the query {name} changed state")
    return result


transaction = _entry(TRANSACTION)
query = _entry(QUERY)
constructor = _entry(CONSTRUCTOR)


def entry_kind(method: object) -> str | None:
    """``transaction``, ``query``, ``constructor``, or None for a method that is not one."""
    kind = getattr(method, "__entry__", None)
    return kind if isinstance(kind, str) else None


def entry_signature(method: object) -> EntrySignature:
    """The resolved domains of an entry point's arguments."""
    signature: EntrySignature = method.__entry_signature__()  # type: ignore[attr-defined]
    return signature


# ----------------------------------------------------------------------------- fingerprints


def fingerprint(value: object) -> object:
    """A comparable image of everything reachable from ``value``, in every detail that can
    change behaviour: values, types, dictionary order, shared references."""
    return _fingerprint(value, {})


# How each type is fingerprinted, decided once per type: the self-check fingerprints the whole
# state on every call, so the work per value is kept to a dictionary lookup, and a scalar member
# (most members are) costs no call at all.
# An opaque callable (a built-in) is named; a function, method or class is named too, but as an
# object that may be reached again (a second visit is a reference).
_SCALAR, _ENUM, _OPAQUE, _DICT, _SEQUENCE, _SET, _NAMED, _OBJECT = range(8)


@dataclass(frozen=True)
class _Plan:
    category: int
    #: For objects: the dataclass fields (always set), the slots (read when set) and whether
    #: instances have a ``__dict__``.
    fields: tuple[str, ...] = ()
    slots: tuple[str, ...] = ()
    has_dict: bool = False
    #: The fields in the image's order, and as a set (an instance whose ``__dict__`` holds
    #: exactly its fields -- the common dataclass -- is read in this order directly).
    ordered: tuple[str, ...] = ()
    field_set: frozenset[str] = frozenset()


_SCALARS: Final = frozenset((type(None), bool, int, str, bytes, float, Fraction))
_plans: dict[type, _Plan] = {kind: _Plan(_SCALAR) for kind in _SCALARS}


def _new_plan(kind: type, value: object) -> _Plan:
    if issubclass(kind, Enum):
        return _Plan(_ENUM)
    slots = tuple(
        dict.fromkeys(slot for cls in kind.__mro__ for slot in getattr(cls, "__slots__", ()))
    )
    has_dict = hasattr(value, "__dict__")
    if callable(value) and not has_dict and not hasattr(value, "__slots__"):
        return _Plan(_OPAQUE)
    if issubclass(kind, dict):
        return _Plan(_DICT)
    if issubclass(kind, list | tuple):
        return _Plan(_SEQUENCE)
    if issubclass(kind, set | frozenset):
        return _Plan(_SET)
    if inspect.isfunction(value) or inspect.ismethod(value) or inspect.isclass(value):
        return _Plan(_NAMED)
    names = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
    return _Plan(_OBJECT, names, slots, has_dict, tuple(sorted(names)), frozenset(names))


def _fingerprint(value: object, memo: dict[int, int]) -> object:
    kind = type(value)
    if kind in _SCALARS:
        return (kind.__name__, value)
    plan = _plans.get(kind)
    if plan is None:
        plan = _plans[kind] = _new_plan(kind, value)
    category = plan.category
    if category == _ENUM:
        return ("enum", kind.__qualname__, value.name)  # type: ignore[attr-defined]
    if category == _OPAQUE:
        return ("callable", getattr(value, "__qualname__", repr(value)))
    key = id(value)
    if key in memo:
        return ("ref", memo[key])
    memo[key] = len(memo)
    scalars = _SCALARS
    if category == _DICT:
        items = value.items()  # type: ignore[attr-defined]
        return (
            kind.__qualname__,
            tuple(
                [
                    (
                        (type(k).__name__, k) if type(k) in scalars else _fingerprint(k, memo),
                        (type(v).__name__, v) if type(v) in scalars else _fingerprint(v, memo),
                    )
                    for k, v in items
                ]
            ),
        )
    if category == _SEQUENCE:
        members: Iterable[object] = value  # type: ignore[assignment]
        return (
            kind.__qualname__,
            tuple(
                [
                    (type(v).__name__, v) if type(v) in scalars else _fingerprint(v, memo)
                    for v in members
                ]
            ),
        )
    if category == _SET:
        return (kind.__qualname__, tuple(sorted(repr(v) for v in value)))  # type: ignore[attr-defined]
    if category == _NAMED:
        return ("callable", getattr(value, "__qualname__", repr(value)))
    attributes: dict[str, object]
    if plan.has_dict and not plan.slots and value.__dict__.keys() == plan.field_set:
        attributes, names = value.__dict__, plan.ordered
    elif not plan.has_dict and not plan.slots:
        attributes = {name: getattr(value, name) for name in plan.fields}
        names = plan.ordered
    else:
        attributes = {name: getattr(value, name) for name in plan.fields}
        if plan.has_dict:
            attributes.update(value.__dict__)
        for slot in plan.slots:
            if hasattr(value, slot):
                attributes[slot] = getattr(value, slot)
        names = tuple(sorted(attributes))
    return (
        kind.__qualname__,
        tuple(
            [
                (name, (type(v).__name__, v) if type(v) in scalars else _fingerprint(v, memo))
                for name in names
                for v in (attributes[name],)
            ]
        ),
    )
