"""Typed domains: the values each argument of a public entry point accepts.

Every argument of every public method is annotated with a domain (``holder: Sender``,
``amount: Amount``, ``epoch: EpochIndex`` …). The entry-point decorators of
:mod:`contracts.transaction` check every argument against its domain **before anything else**,
in two passes:

1. **types**, argument by argument: an ``int`` is an ``int`` and never a ``bool``, a flag is a
   real ``bool``, a name is a ``str``, an option is a member of its enumeration -- a wrong type
   is ``INVALID_INPUT`` (for slashing evidence, ``INVALID_EVIDENCE``);
2. **ranges**, argument by argument: an amount in 1..2^64 − 1 (``INVALID_AMOUNT``), a day,
   epoch or milestone a u32 (``INVALID_DAY``, ``INVALID_MILESTONE``), a commission in basis
   points (``COMMISSION_OUT_OF_BOUNDS``), a sender that is an external account
   (``PROTECTED_ACCOUNT``), a protocol operation's caller that is the system
   (``UNAUTHORIZED``).

Only then do a method's own rules run (the current epoch, a known validator, a sufficient
balance …), in the order its docstring gives. The domains are data, so the docs list them and the
conformance suite draws its bad values from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Annotated, Any, Final

from contracts import accounts
from contracts.accounts import MAX_NAME_BYTES, SYSTEM, AccountKind, account_kind
from contracts.errors import (
    CommissionOutOfBounds,
    ContractError,
    InvalidAmount,
    InvalidDay,
    InvalidInput,
    InvalidMilestone,
    MalformedHex,
    ProtectedAccount,
    Unauthorized,
    UnknownProposal,
    UnknownStake,
    WidthExceeded,
)
from contracts.units import BASIS_POINTS, U8_MAX, U32_MAX, U64_MAX

_HEX: Final = re.compile(r"[0-9a-fA-F]*")


def is_name(value: object) -> bool:
    """:func:`contracts.accounts.is_name`, memoised (names repeat across calls)."""
    if type(value) is not str:
        return False
    if value in _NAMES:
        return True
    if not accounts.is_name(value):
        return False
    _remember(_NAMES, value)
    return True


#: Names already found well-formed, and external (a pure function's memo, bounded).
_NAMES: set[str] = set()
_EXTERNAL: set[str] = set()
_MEMO_LIMIT: Final = 1 << 20


def _remember(memo: set[str], name: str) -> None:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo.add(name)


def is_external_name(value: object) -> bool:
    """A well-formed name of an external account (memoised: senders repeat)."""
    if not isinstance(value, str) or type(value) is not str:
        return False
    if value in _EXTERNAL:
        return True
    if is_name(value) and account_kind(value) is AccountKind.EXTERNAL:
        _remember(_EXTERNAL, value)
        return True
    return False


class Domain:
    """The values of one argument: a type, then a range. Subclasses say which."""

    #: What the argument must be, for messages and the docs ("an integer in 1..2^64 − 1").
    describe: str = "a value"

    def accepts(self, value: Any) -> bool:
        """True when ``value`` is in the domain."""
        return self.type_error("", value) is None and self.range_error("", value) is None

    def predicate(self) -> Callable[[Any], bool]:
        """The fastest test of :meth:`accepts` (the entry points' one call per argument)."""
        return self.accepts

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        return None


def _wrong_type(name: str, value: Any, expected: str) -> InvalidInput:
    return InvalidInput(f"{name}: {_show(value)} is not {expected}", argument=name)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


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

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None if value is None else super().type_error(name, value)

    def range_error(self, name: str, value: Any) -> ContractError | None:
        return None if value is None else super().range_error(name, value)


@dataclass(frozen=True)
class Flag(Domain):
    describe = "a boolean"

    def accepts(self, value: Any) -> bool:
        return type(value) is bool

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


# ----------------------------------------------------------------------------- the domains

#: A transaction's sender, and every account it pays or acts for: an external account.
Sender = Annotated[str, ExternalAccount()]
Recipient = Annotated[str, ExternalAccount()]
#: An id (validator, chain, evidence, parameter) or an account of any kind, as a lookup key.
Name = Annotated[str, NameDomain()]
#: The caller of a protocol operation: the system.
Caller = Annotated[str, SystemCaller()]
#: A positive amount of base units, and a non-negative one.
Amount = Annotated[int, UInt(1, U64_MAX, InvalidAmount, "an amount")]
Quantity = Annotated[int, UInt(0, U64_MAX, InvalidAmount, "an amount")]
#: Times: a u32 day, epoch or milestone index.
DayIndex = Annotated[int, UInt(0, U32_MAX, InvalidDay, "a day")]
EpochIndex = Annotated[int, UInt(0, U32_MAX, InvalidDay, "an epoch")]
MilestoneIndex = Annotated[int, UInt(0, U32_MAX, InvalidMilestone, "a milestone")]
OptionalMilestone = Annotated[
    int | None, OptionalUInt(0, U32_MAX, InvalidMilestone, "a milestone or null")
]
#: A commission in basis points.
CommissionBp = Annotated[int, UInt(0, BASIS_POINTS, CommissionOutOfBounds, "basis points")]
#: A real boolean.
Bool = Annotated[bool, Flag()]
#: Ids that count up from 1.
ProposalId = Annotated[int, UInt(0, U64_MAX, UnknownProposal, "a proposal id")]
StakeId = Annotated[int, UInt(0, U64_MAX, UnknownStake, "a stake id")]
#: An epoch seed.
Seed = Annotated[bytes, ByteString(1, 64)]
#: A chain's value tier and committee size.
Tier = Annotated[int, UInt(0, U32_MAX, InvalidInput, "a tier")]
CommitteeSize = Annotated[int, UInt(1, 1_000, InvalidInput, "a committee size")]
#: Genesis balances of the Assembly ledger (external and reserve accounts; None: the spec's
#: allocation) and of the SMR and IOTA networks (external accounts only).
LedgerGenesis = Annotated[
    Mapping[str, int] | None,
    BalanceMap(frozenset({AccountKind.EXTERNAL, AccountKind.RESERVE}), optional=True),
]
Balances = Annotated[Mapping[str, int], BalanceMap(frozenset({AccountKind.EXTERNAL}))]
#: An exact parameter value.
Exact = Annotated[Fraction | int, ExactNumber()]
