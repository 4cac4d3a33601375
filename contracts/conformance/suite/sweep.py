"""Invalid variants of a valid call, generated from each parameter's kind.

For every argument of a call, :func:`variants` yields calls that differ from it in that argument
only, by a value of the kind's invalid classes: negative, zero where not allowed, beyond 2^64,
an unknown account or id, the wrong caller, a past or future time, malformed hex or bytes, a wrong
type. The sweep applies each variant to the reference; a variant the reference rejects must be
rejected by the implementation under test with the same documented code, and leave its normative
state unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from contracts.conformance.api import Operation, Param

U64 = 2**64
U32 = 2**32


def invalid_values(param: Param, value: Any) -> list[Any]:
    """Values of ``param``'s invalid classes, given a valid ``value``."""
    kind = param.kind
    if kind == "amount":
        return [0, -1, U64, str(U64 * 2), "ten", None]
    if kind == "count":
        return [-1, U64, "ten", None]
    if kind == "time":
        base = value if isinstance(value, int) else 0
        return [base - 1, base + 1, -1, U32, "now", None]
    if kind == "opt_time":
        return [-1, U32, "now"]
    if kind == "account":
        return ["", "nobody-at-all", 7, "two words", "x" * 129]
    if kind == "sender":
        return [
            "",
            7,
            None,
            "two words",
            "x" * 129,
            "module:bonded",
            "module:rewards",
            "authority:slashing",
            "genesis:community",
            "system",
        ]
    if kind == "caller":
        return ["mallory", "", 7, "authority:inflation", "module:rewards"]
    if kind == "ref":
        if isinstance(value, int):
            return [999_999, -1, "one"]
        return ["no-such-id", ""]
    if kind == "hex":
        text = value if isinstance(value, str) else ""
        return ["zz" * (len(text) // 2), text[:-2], text + "00", "", 5]
    if kind == "bp":
        return [-1, 10_001, U64, "low"]
    if kind == "flag":
        return ["yes", 1, None]
    if kind == "enum":
        return ["bogus", 3]
    if kind == "bytes":
        return ["", "zz", 12]
    if kind == "bytes_list":
        return [[256], [-1], "1", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]
    if kind == "changes":
        return [
            {},
            {"NO_SUCH_PARAMETER": 1},
            {"ASMB_INFLATION_RATE": "abc"},
            {"ASMB_INFLATION_RATE": "1/0"},
            [],
        ]
    if kind == "evidence":
        return [
            None,
            {},
            {"evidenceId": "", "validatorId": "x", "offenceEpoch": 0, "severity": "minor"},
        ]
    if kind == "fraction":
        return ["1/0", "abc", "-1", "99"]
    return []


def variants(operation: Operation, args: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Calls that differ from ``args`` in one argument, by each invalid value of its kind; one
    with an argument the operation does not take and one without its first argument; and calls
    wrong in two arguments at once, by the first invalid value of each (which decides the code: the
    first argument's type, then its domain, before the second's)."""
    for param in operation.params:
        for bad in invalid_values(param, args.get(param.name)):
            changed = dict(args)
            changed[param.name] = bad
            if changed != args:
                yield changed
    if operation.params:
        yield {**args, "unexpected": 1}
        yield {k: v for k, v in args.items() if k != operation.params[0].name}
    params = list(operation.params)
    for index, first in enumerate(params):
        for second in params[index + 1 :]:
            firsts = invalid_values(first, args.get(first.name))
            seconds = invalid_values(second, args.get(second.name))
            if firsts and seconds:
                yield {**args, first.name: firsts[-1], second.name: seconds[0]}
