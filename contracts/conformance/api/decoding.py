"""Arguments from JSON: each parameter kind's decoder.

A malformed argument is ``InvalidInput``; a value of the right type that a contract's domain
refuses (an unknown enum value, malformed evidence) is passed on for the contract to refuse with
its own code.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from contracts.committees import FeePolicy
from contracts.conformance.api.model import Param
from contracts.conformance.codec import fraction, integer
from contracts.errors import InvalidInput
from contracts.governance import Option
from contracts.root_chain import Evidence, Severity


def decode(param: Param, value: Any) -> Any:
    """The Python value of an argument; a malformed one is ``InvalidInput``."""
    try:
        return _DECODERS[param.kind](param, value)
    except (ValueError, TypeError, ZeroDivisionError) as error:
        raise InvalidInput(f"{param.name}: {error}") from None


def _int(_: Param, value: Any) -> int:
    return integer(value)


def _opt_int(_: Param, value: Any) -> int | None:
    return None if value is None else integer(value)


def _str(param: Param, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    return value


def _flag(_: Param, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not a boolean")
    return value


def _enum(param: Param, value: Any) -> Any:
    if param.name == "feePolicy":
        return FeePolicy(value) if value in param.domain else value
    if param.name == "option":
        return Option(value) if value in param.domain else value
    return value  # a name the contract checks itself (an IOTA protocol profile)


def _bytes(_: Param, value: Any) -> bytes:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not hex")
    return bytes.fromhex(value)


def _bytes_list(_: Param, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise ValueError(f"{value!r} is not a list")
    return tuple(integer(v) for v in value)


def _changes(_: Param, value: Any) -> dict[str, Fraction]:
    if not isinstance(value, dict):
        raise ValueError(f"{value!r} is not an object")
    return {str(k): fraction(v) for k, v in value.items()}


_EVIDENCE_FIELDS = frozenset({"evidenceId", "validatorId", "offenceEpoch", "severity"})


def _evidence(_: Param, value: Any) -> Any:
    """Evidence as an object of its four fields; anything else (null included) is passed on for
    the contract to refuse as ``INVALID_EVIDENCE``, and so is a field of the wrong type."""
    if not isinstance(value, dict) or set(value) != _EVIDENCE_FIELDS:
        return value
    severity: Any = value["severity"]
    if isinstance(severity, str) and severity in {s.name.lower() for s in Severity}:
        severity = Severity[severity.upper()]
    epoch: Any = value["offenceEpoch"]
    if isinstance(epoch, str):
        epoch = integer(epoch)
    return Evidence(value["evidenceId"], value["validatorId"], epoch, severity)


def _fraction(_: Param, value: Any) -> Fraction:
    return fraction(value)


def _json(_: Param, value: Any) -> Any:
    return value


_DECODERS: dict[str, Callable[[Param, Any], Any]] = {
    "amount": _int,
    "count": _int,
    "time": _int,
    "opt_time": _opt_int,
    "account": _str,
    "sender": _str,
    "caller": _str,
    "ref": lambda p, v: v if p.name in {"stakedId", "otherId", "proposalId"} else _str(p, v),
    "hex": _str,
    "bp": _int,
    "flag": _flag,
    "enum": _enum,
    "bytes": _bytes,
    "bytes_list": _bytes_list,
    "changes": _changes,
    "evidence": _evidence,
    "fraction": _fraction,
    "json": _json,
}
