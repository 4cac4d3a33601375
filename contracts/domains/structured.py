"""Domains of structured values: byte strings, hex, lists of bytes, a proposal's changes and genesis
balances."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from contracts.accounts import AccountKind, account_kind
from contracts.domains.base import Domain, _show, _wrong_type, is_name
from contracts.domains.scalars import (
    is_exact_number,
)
from contracts.errors import (
    ContractError,
    InvalidAmount,
    InvalidInput,
    MalformedHex,
    ProtectedAccount,
    WidthExceeded,
)
from contracts.units import U8_MAX, U64_MAX

_HEX: Final = re.compile(r"[0-9a-fA-F]*")


@dataclass(frozen=True)
class ByteString(Domain):
    """``bytes`` of ``low..high`` bytes."""

    low: int
    high: int

    @property
    def describe(self) -> str:  # type: ignore[override]
        return f"{self.low}..{self.high} bytes"

    def accepts(self, value: Any) -> bool:
        return type(value) is bytes and self.low <= len(value) <= self.high

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if type(value) is bytes else _wrong_type(name, value, "bytes")

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if self.low <= len(value) <= self.high:
            return None
        return InvalidInput(f"{name}: {len(value)} bytes, expected {self.describe}", argument=name)


@dataclass(frozen=True)
class Hex(Domain):
    """A ``str`` of exactly ``size`` bytes in hex; malformed hex is ``MALFORMED_HEX``."""

    size: int

    @property
    def describe(self) -> str:  # type: ignore[override]
        return f"{self.size} bytes as {2 * self.size} hex digits"

    def accepts(self, value: Any) -> bool:
        return (
            type(value) is str and len(value) == 2 * self.size and _HEX.fullmatch(value) is not None
        )

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        match = bind(_HEX.fullmatch)
        return (
            f"(type({var}) is str and len({var}) == {2 * self.size} and {match}({var}) is not None)"
        )

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if type(value) is str else _wrong_type(name, value, "a hex string")

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if self.accepts(value):
            return None
        return MalformedHex(f"{name}: {_show(value)} is not {self.describe}", value=value)


@dataclass(frozen=True)
class ByteValues(Domain):
    """A tuple or list of at most ``most`` integers 0..255 (a ballot's answers)."""

    most: int

    describe = "a list of bytes (0..255)"

    def accepts(self, value: Any) -> bool:
        return (
            type(value) in (tuple, list)
            and len(value) <= self.most
            and all(type(v) is int and 0 <= v <= U8_MAX for v in value)
        )

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        # no answers (the common case) without a generator; any others through accepts
        return f"(type({var}) is tuple and not {var} or {bind(self.accepts)}({var}))"

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if type(value) not in (tuple, list) or any(type(v) is not int for v in value):
            return _wrong_type(name, value, "a list of integers")
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if len(value) > self.most or any(not 0 <= v <= U8_MAX for v in value):
            return InvalidInput(
                f"{name}: {_show(value)} is not at most {self.most} values in 0..255",
                argument=name,
            )
        return None


@dataclass(frozen=True)
class Changes(Domain):
    """A proposal's changes: 1..``most`` parameter ids, each with an exact value."""

    most: int

    describe = "an object of parameter id → exact value"

    def accepts(self, value: Any) -> bool:
        return self.type_error("", value) is None and self.range_error("", value) is None

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if not isinstance(value, Mapping):
            return _wrong_type(name, value, self.describe)
        for key, number in value.items():
            if not is_name(key):
                return InvalidInput(f"{name}: {_show(key)} is not a parameter id", argument=name)
            if not is_exact_number(number):
                return InvalidInput(
                    f"{name}: {key}: {_show(number)} is not an exact number", argument=name
                )
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if 1 <= len(value) <= self.most:
            return None
        return InvalidInput(
            f"{name}: a proposal changes 1..{self.most} parameters, not {len(value)}",
            argument=name,
        )


@dataclass(frozen=True)
class BalanceMap(Domain):
    """A genesis allocation: account name → u64 balance, with a u64 total, naming only accounts
    of ``kinds`` (``None`` too when ``optional``: the contract's default allocation)."""

    kinds: frozenset[AccountKind]
    optional: bool = False

    describe = "an object of account → balance"

    def accepts(self, value: Any) -> bool:
        return self.type_error("", value) is None and self.range_error("", value) is None

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if value is None and self.optional:
            return None
        if not isinstance(value, Mapping):
            return _wrong_type(name, value, self.describe)
        for account, amount in value.items():
            if not is_name(account):
                return InvalidInput(f"{name}: {_show(account)} is not an account name")
            if type(amount) is not int:
                return InvalidInput(f"{name}: {account}: {_show(amount)} is not an integer")
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if value is None:
            return None
        for account, amount in value.items():
            if not 0 <= amount <= U64_MAX:
                return InvalidAmount(f"{name}: {account}: {amount} is not a uint64")
            kind = account_kind(account)
            if kind not in self.kinds:
                return ProtectedAccount(f"{name}: a {kind.value} account holds no genesis balance")
        if sum(value.values()) > U64_MAX:
            return WidthExceeded(f"{name}: the genesis supply exceeds 2^64 − 1")
        return None
