"""Domains of one value: integers in a range, flags, exact numbers, names and accounts, members of
an enumeration and instances of a record type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any

from contracts.accounts import MAX_NAME_BYTES, SYSTEM, AccountKind, account_kind
from contracts.domains.base import (
    _EXTERNAL,
    _NAMES,
    Domain,
    _show,
    _wrong_type,
    is_external_name,
    is_name,
)
from contracts.errors import (
    ContractError,
    InvalidAmount,
    InvalidInput,
    ProtectedAccount,
    Unauthorized,
)
from contracts.units import U32_MAX, U64_MAX


@dataclass(frozen=True)
class UInt(Domain):
    """An ``int`` (never a ``bool``) in ``low..high``; outside it, ``error``."""

    low: int
    high: int
    error: type[ContractError] = InvalidAmount
    what: str = "an integer"

    @property
    def describe(self) -> str:  # type: ignore[override]
        return f"{self.what} in {_bound(self.low)}..{_bound(self.high)}"

    def accepts(self, value: Any) -> bool:
        return type(value) is int and self.low <= value <= self.high

    def predicate(self) -> Callable[[Any], bool]:
        low, high = self.low, self.high
        return lambda value: type(value) is int and low <= value <= high

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        return f"(type({var}) is int and {self.low!r} <= {var} <= {self.high!r})"

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if type(value) is int else _wrong_type(name, value, "an integer")

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if self.low <= value <= self.high:
            return None
        return self.error(
            f"{name}: {value} is outside {_bound(self.low)}..{_bound(self.high)}", argument=name
        )


def _bound(value: int) -> str:
    return {U64_MAX: "2^64 − 1", U32_MAX: "2^32 − 1"}.get(value, str(value))


@dataclass(frozen=True)
class OptionalUInt(UInt):
    """``None`` (the contract's default) or an ``int`` in ``low..high``."""

    def accepts(self, value: Any) -> bool:
        return value is None or super().accepts(value)

    def predicate(self) -> Callable[[Any], bool]:
        return self.accepts

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        return f"({var} is None or {super().inline(var, bind)})"

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if value is None else super().type_error(name, value)

    def range_error(self, name: str, value: Any) -> ContractError | None:
        return None if value is None else super().range_error(name, value)


@dataclass(frozen=True)
class Flag(Domain):
    describe = "a boolean"

    def accepts(self, value: Any) -> bool:
        return type(value) is bool

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        return f"(type({var}) is bool)"

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if type(value) is bool else _wrong_type(name, value, "a boolean")


@dataclass(frozen=True)
class NameDomain(Domain):
    """A well-formed name (an id, or an account of any kind)."""

    describe = "a name: 1..128 UTF-8 bytes, printable, no whitespace"

    def accepts(self, value: Any) -> bool:
        return is_name(value)

    def predicate(self) -> Callable[[Any], bool]:
        return is_name

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        # is_name's memo first (a set lookup), the function itself on a miss
        known, test = bind(_NAMES), bind(is_name)
        return f"(type({var}) is str and ({var} in {known} or {test}({var})))"

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if type(value) is not str:
            return _wrong_type(name, value, "a string")
        if not is_name(value):
            return InvalidInput(
                f"{name}: {_show(value)} is not a name (1..{MAX_NAME_BYTES} UTF-8 bytes, "
                "printable, no whitespace)",
                argument=name,
            )
        return None


@dataclass(frozen=True)
class ExternalAccount(NameDomain):
    """A name that is an external account: never a module, authority, reserve or the system."""

    describe = "an external account"

    def accepts(self, value: Any) -> bool:
        return is_external_name(value)

    def predicate(self) -> Callable[[Any], bool]:
        return is_external_name

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        known, test = bind(_EXTERNAL), bind(is_external_name)
        return f"(type({var}) is str and ({var} in {known} or {test}({var})))"

    def range_error(self, name: str, value: Any) -> ContractError | None:
        kind = account_kind(value)
        if kind is AccountKind.EXTERNAL:
            return None
        return ProtectedAccount(
            f"{name}: {value!r} is a {kind.value} account: only the protocol's own rules move it",
            argument=name,
        )


@dataclass(frozen=True)
class SystemCaller(NameDomain):
    """The caller of a protocol operation: the system, and no one else."""

    describe = f"the system ({SYSTEM!r})"

    def accepts(self, value: Any) -> bool:
        return value == SYSTEM and type(value) is str

    def predicate(self) -> Callable[[Any], bool]:
        return self.accepts

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        return f"({var} == {bind(SYSTEM)} and type({var}) is str)"

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if value == SYSTEM:
            return None
        return Unauthorized(
            f"{name}: {value!r} may not call a protocol operation; only {SYSTEM!r} may",
            caller=value,
        )


@dataclass(frozen=True)
class MemberOf(Domain):
    """A member of an enumeration."""

    enumeration: type[Enum]

    @property
    def describe(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(repr(m.value) for m in self.enumeration)

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.enumeration)

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if isinstance(value, self.enumeration):
            return None
        return _wrong_type(name, value, self.describe)


@dataclass(frozen=True)
class InstanceOf(Domain):
    """An instance of a record type, whose own fields its constructor has checked."""

    record: type
    error: type[ContractError] = InvalidInput

    @property
    def describe(self) -> str:  # type: ignore[override]
        return f"a {self.record.__name__}"

    def accepts(self, value: Any) -> bool:
        return isinstance(value, self.record)

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if isinstance(value, self.record):
            return None
        return self.error(f"{name}: {_show(value)} is not {self.describe}", argument=name)


def is_exact_number(value: object) -> bool:
    """An ``int`` (not a ``bool``) or a ``Fraction``: never a float."""
    return type(value) is int or type(value) is Fraction


@dataclass(frozen=True)
class ExactNumber(Domain):
    describe = "an exact number (an integer or a fraction)"

    def accepts(self, value: Any) -> bool:
        return is_exact_number(value)

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if is_exact_number(value) else _wrong_type(name, value, self.describe)
