"""Canonical JSON for the conformance protocol.

Numbers are exact: integers stay integers, except that an integer beyond 2^53 (which many JSON
libraries cannot hold exactly) is written as a decimal string; a fraction is a ``"p/q"`` string.
Bytes are lower-case hex. Canonical text is ``json.dumps(..., sort_keys=True)`` with the
separators below, so equal values have equal bytes.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from enum import Enum
from fractions import Fraction
from typing import Any, Final

JSON_SAFE: Final = 2**53


def canonical(value: Any) -> Any:
    """The canonical JSON value of ``value`` (see the module docstring)."""
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


def integer(value: Any) -> int:
    """An integer from JSON: an int, or a decimal string for values beyond 2^53."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
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
