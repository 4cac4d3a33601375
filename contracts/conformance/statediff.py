"""Differences between two canonical states, as JSON Pointer paths (RFC 6901).

A vector records, for every step, the *changes* that take the normative state before the step
to the state after it: ``{"path": P, "value": V}`` sets the member at ``P`` (adding it), and
``{"path": P, "removed": true}`` removes it. Objects are compared member by member, in the
code-point order of their keys; arrays and scalars are compared whole. A replayer applies the
changes to the state it expects and, when the implementation's state differs, reports the first
differing path (:func:`first_difference`).
"""

from __future__ import annotations

import copy
from typing import Any

JSON = Any


def escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def changes(before: JSON, after: JSON, path: str = "") -> list[dict[str, JSON]]:
    """The changes that take ``before`` to ``after`` (empty when they are equal)."""
    if before == after and type(before) is type(after):
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        found: list[dict[str, JSON]] = []
        for key in sorted(set(before) | set(after)):
            child = f"{path}/{escape(key)}"
            if key not in after:
                found.append({"path": child, "removed": True})
            elif key not in before:
                found.append({"path": child, "value": after[key]})
            else:
                found += changes(before[key], after[key], child)
        return found
    return [{"path": path, "value": after}]


def apply(state: JSON, recorded: list[dict[str, JSON]]) -> JSON:
    """``state`` with ``recorded`` changes applied (a new value; ``state`` is not modified)."""
    result = copy.deepcopy(state)
    for change in recorded:
        tokens = [unescape(t) for t in change["path"].split("/")[1:]]
        if not tokens:
            result = copy.deepcopy(change["value"])
            continue
        parent = result
        for token in tokens[:-1]:
            parent = parent[token]
        if change.get("removed"):
            del parent[tokens[-1]]
        else:
            parent[tokens[-1]] = copy.deepcopy(change["value"])
    return result


def first_difference(expected: JSON, got: JSON, path: str = "") -> tuple[str, JSON, JSON] | None:
    """The first path (in key order) at which ``got`` differs from ``expected``, with the two
    values there (a missing member is ``"(missing)"``), or None when they are equal."""
    if expected == got and type(expected) is type(got):
        return None
    if isinstance(expected, dict) and isinstance(got, dict):
        for key in sorted(set(expected) | set(got)):
            child = f"{path}/{escape(key)}"
            if key not in got:
                return child, expected[key], "(missing)"
            if key not in expected:
                return child, "(missing)", got[key]
            found = first_difference(expected[key], got[key], child)
            if found is not None:
                return found
        return None
    if isinstance(expected, list) and isinstance(got, list):
        for index, (a, b) in enumerate(zip(expected, got, strict=False)):
            found = first_difference(a, b, f"{path}/{index}")
            if found is not None:
                return found
        if len(expected) != len(got):
            return f"{path}/{min(len(expected), len(got))}", "(length)", "(length)"
        return None
    return path or "/", expected, got
