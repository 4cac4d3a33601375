"""A naive oracle for the self-check's fingerprint: every value examined from scratch.

The contract's :func:`contracts.transaction.fingerprint` decides once per type how to read it
and reads scalar members without a call; this oracle asks every question of every value each
time, in the order the rules read: scalars by type and value, enums by name, opaque callables
by name, then (after numbering the object for shared references) dictionaries in order,
sequences, sets by the sorted text of their members, and objects by every dataclass field,
``__dict__`` entry and set slot, sorted by name.
"""

from __future__ import annotations

import inspect
from dataclasses import fields, is_dataclass
from enum import Enum
from fractions import Fraction


def naive_fingerprint(value: object) -> object:
    return _image(value, {})


def _image(value: object, numbers: dict[int, int]) -> object:
    kind = type(value)
    if value is None or kind in (bool, int, str, bytes, float, Fraction):
        return (kind.__name__, value)
    if isinstance(value, Enum):
        return ("enum", kind.__qualname__, value.name)
    if callable(value) and not hasattr(value, "__dict__") and not hasattr(value, "__slots__"):
        return ("callable", getattr(value, "__qualname__", repr(value)))
    if id(value) in numbers:
        return ("ref", numbers[id(value)])
    numbers[id(value)] = len(numbers)
    if isinstance(value, dict):
        return (
            kind.__qualname__,
            tuple((_image(k, numbers), _image(v, numbers)) for k, v in value.items()),
        )
    if isinstance(value, list | tuple):
        return (kind.__qualname__, tuple(_image(v, numbers) for v in value))
    if isinstance(value, set | frozenset):
        return (kind.__qualname__, tuple(sorted(repr(v) for v in value)))
    if inspect.isfunction(value) or inspect.ismethod(value) or inspect.isclass(value):
        return ("callable", getattr(value, "__qualname__", repr(value)))
    members: dict[str, object] = {}
    if is_dataclass(value):
        for field in fields(value):
            members[field.name] = getattr(value, field.name)
    members.update(getattr(value, "__dict__", {}))
    for cls in kind.__mro__:
        for slot in getattr(cls, "__slots__", ()):
            if hasattr(value, slot):
                members[slot] = getattr(value, slot)
    return (kind.__qualname__, tuple((k, _image(members[k], numbers)) for k in sorted(members)))
