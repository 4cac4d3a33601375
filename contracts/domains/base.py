"""The domain of an argument, and the name tests every domain of names shares (memoised)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from contracts import accounts
from contracts.accounts import AccountKind, account_kind
from contracts.errors import (
    ContractError,
    InvalidInput,
)


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

    def inline(self, var: str, bind: Callable[[object], str]) -> str | None:
        """:meth:`accepts` of the argument named ``var`` as one Python expression, for an entry
        point's generated check (``bind(value)`` names a value the expression uses); None when
        the domain has none and its :meth:`predicate` is called instead. The expression must be
        true exactly when :meth:`accepts` is, and raise exactly when it raises."""
        return None

    def type_error(self, name: str, value: Any) -> ContractError | None:
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        return None


def _wrong_type(name: str, value: Any, expected: str) -> InvalidInput:
    return InvalidInput(f"{name}: {_show(value)} is not {expected}", argument=name)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
