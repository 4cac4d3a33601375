"""Canonical JSON for the conformance protocol.

Numbers are exact: integers stay integers, except that an integer beyond 2^53 (which many JSON
libraries cannot hold exactly) is written as a decimal string; a fraction is a ``"p/q"`` string.
Bytes are lower-case hex. Canonical text is ``json.dumps(..., sort_keys=True)`` with the
separators below, so equal values have equal bytes.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, is_dataclass
from enum import Enum
from fractions import Fraction
from typing import Any, Final

JSON_SAFE: Final = 2**53


#: Types that are their own canonical value.
_PLAIN: Final = frozenset((str, bool, type(None)))


def canonical(value: Any) -> Any:
    """The canonical JSON value of ``value`` (see the module docstring)."""
    # The exact built-in types first, and a plain member without a call: the conformance
    # suite reads the whole state after every step.
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is int:
        return value if -JSON_SAFE <= value <= JSON_SAFE else str(value)
    if kind is dict:
        return {str(k): v if type(v) in _PLAIN else canonical(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [v if type(v) in _PLAIN else canonical(v) for v in value]
    return _canonical_other(value)


def _canonical_other(value: Any) -> Any:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return str(value) if abs(value) > JSON_SAFE else value
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return canonical(value.numerator)
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, Enum):
        return canonical(value.value)
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(canonical(v) for v in value)
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return canonical(to_json())
    if is_dataclass(value) and not isinstance(value, type):
        return {_camel(f.name): canonical(getattr(value, f.name)) for f in fields(value)}
    raise TypeError(f"{type(value).__name__} has no canonical JSON form")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def dumps(value: Any) -> str:
    """Canonical JSON text (compact, sorted keys, UTF-8 characters kept)."""
    return json.dumps(canonical(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_DECIMAL: Final = re.compile(r"-?(?:0|[1-9][0-9]*)")
#: The longest decimal string an integer may travel as (2^256 has 78 digits).
MAX_DIGITS: Final = 80


def integer(value: Any) -> int:
    """An integer from JSON: an int, or -- for a value beyond 2^53 -- its canonical decimal
    string (ASCII digits, no sign but ``-``, no leading zeros, at most 80 digits)."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and len(value) <= MAX_DIGITS + 1 and _DECIMAL.fullmatch(value):
        number = int(value)
        if abs(number) > JSON_SAFE:
            return number
        raise ValueError(f"{value!r}: an integer up to 2^53 travels as a JSON number")
    raise ValueError(f"{value!r} is not an integer")


def fraction(value: Any) -> Fraction:
    """A fraction from JSON: an integer, a decimal string, or ``"p/q"``."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, str):
        from spec.exact import parse_exact

        return parse_exact(value)
    raise ValueError(f"{value!r} is not an exact number")
