"""Hostile arguments for every operation of every contract, and the promise they are held to.

The conformance API (:data:`contracts.conformance.api.CONTRACTS`) is the catalogue of
operations; each parameter's *kind* says which bad values it meets. A bad value has a *class*
(the classes of the hostile-input issue):

==============  =====================================================================
``type``        the wrong Python or JSON type: a bool for an int, a float, a list, None …
``shape``       the right type, malformed: an empty or over-long name, whitespace, a lone
                surrogate, malformed hex, an empty seed, a list too long
``bound``       a bound ± 1 and beyond: 0 or −1 for an amount, 2^64, 2^32 for a time
``protected``   a module, authority or reserve account, or the system, as a sender
``caller``      anyone but the system as the caller of a protocol operation
``unknown``     an id or account nobody registered
``time``        a past time, the next one, the last u32, far in the future
==============  =====================================================================

Every value of the first five classes *must* be refused; the rest may be accepted (a future
day is a fine day to unstake). Either way the promise (:func:`check_outcome`) is: a refusal is a
documented code and leaves the normative state -- and, through the self-check of
:mod:`contracts.transaction`, every object reachable from the contract -- unchanged; an
acceptance leaves every
invariant of the catalog holding; nothing is ever a Python exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from hypothesis import strategies as st

from contracts.conformance.api import CONTRACTS, Operation, Param, decode, resolve
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import ObjectDriver
from contracts.conformance.scenarios import SCENARIOS
from contracts.errors import ContractError
from contracts.invariants import all_violations
from contracts.root_chain import Evidence, Severity
from contracts.transaction import atomicity_checks, fingerprint

U64 = 2**64
U32 = 2**32
MUST = frozenset({"type", "shape", "bound", "protected", "caller"})
#: Codes any operation may answer: a malformed argument.
UNIVERSAL = frozenset({"INVALID_INPUT"})

PROTECTED_SENDERS = (
    "module:bonded",
    "module:unbonding",
    "module:rewards",
    "module:gov-deposits",
    "authority:inflation",
    "authority:slashing",
    "authority:governance",
    "genesis:community",
    "genesis:iota-stakers",
    "genesis:unassigned",
    "system",
)
BAD_NAMES = (
    "",
    " ",
    "two words",
    "tab\there",
    "line\nbreak",
    "x" * 129,
    "é" * 65,
    "\ud800",
    "\x00",
)
WRONG_TYPES: tuple[Any, ...] = (None, True, 1.5, [], {}, b"raw", ("tuple",), Fraction(1, 2))


@dataclass(frozen=True)
class Bad:
    """One hostile value for one parameter, and its class."""

    value: Any
    klass: str

    @property
    def must_reject(self) -> bool:
        return self.klass in MUST


def _all(klass: str, *values: Any) -> list[Bad]:
    return [Bad(value, klass) for value in values]


def _typed(values: tuple[Any, ...], *, keep: type | None = None) -> list[Bad]:
    """Wrong types, except values of the parameter's own type ``keep``."""
    return [Bad(v, "type") for v in values if keep is None or type(v) is not keep]


def bad_values(param: Param, valid: Any, now: int | None = None) -> list[Bad]:
    """The hostile values of ``param`` (JSON-level, as the conformance wire carries them),
    given a valid value of it and the contract's current time."""
    kind = param.kind
    wrong_int = _typed((*WRONG_TYPES, "12", "ten"), keep=int)
    wrong_str = _typed((*WRONG_TYPES, 7, -1), keep=str)
    if kind in {"amount", "count"}:
        low = 1 if kind == "amount" else 0
        values = [Bad(low - 1, "bound"), Bad(-(2**70), "bound"), Bad(U64, "bound")]
        values += [Bad(str(U64 * 2), "bound"), Bad(str(2**200), "bound")]
        values += [Bad(U64 - 1, "unknown"), Bad(low, "unknown")]
        return values + wrong_int
    if kind == "time":
        at = valid if isinstance(valid, int) else (now or 0)
        values = [Bad(-1, "bound"), Bad(U32, "bound"), Bad(str(2**64), "bound")]
        values += [Bad(t, "time") for t in {at - 1, at + 1, 0, U32 - 1, (now or 0) + 4_000}]
        return values + wrong_int
    if kind == "opt_time":
        return [Bad(-1, "bound"), Bad(U32, "bound"), Bad(U32 - 1, "time")] + _typed(
            (True, 1.5, [], "now"), keep=int
        )
    if kind == "sender":
        values = [Bad(v, "protected") for v in PROTECTED_SENDERS]
        values += [Bad(v, "shape") for v in BAD_NAMES]
        return values + [Bad("nobody-at-all", "unknown")] + wrong_str
    if kind == "caller":
        values = [Bad(v, "caller") for v in ("mallory", "System", "system ", *PROTECTED_SENDERS)]
        values = [v for v in values if v.value != "system"]
        return values + [Bad(v, "shape") for v in BAD_NAMES] + wrong_str
    if kind in {"account", "ref"} and not isinstance(valid, int):
        return [Bad(v, "shape") for v in BAD_NAMES] + [Bad("no-such-id", "unknown")] + wrong_str
    if kind == "ref":
        return [Bad(-1, "bound"), Bad(U64, "bound"), Bad(999_999, "unknown")] + wrong_int
    if kind == "hex":
        text = valid if isinstance(valid, str) else "00"
        values = [Bad(v, "shape") for v in ("zz" * (len(text) // 2), text[:-2], text + "00", "")]
        values += [Bad(text.upper(), "unknown"), Bad("\ud800" + text[1:], "shape")]
        return values + wrong_str
    if kind == "bp":
        values = [Bad(-1, "bound"), Bad(10_001, "bound"), Bad(U64, "bound"), Bad(2_001, "unknown")]
        return values + wrong_int
    if kind == "flag":
        return _all("type", "yes", "no", 1, 0, None, [], "true")
    if kind == "enum":
        return _all("type", "bogus", "YES", "", 3, None, [])
    if kind == "bytes":
        values = [Bad(v, "shape") for v in ("", "zz", "0", "00" * 65)]
        return values + _typed((None, 12, [], True))
    if kind == "bytes_list":
        values = _all("shape", [256], [-1], list(range(11)))
        return values + _all("type", "1", [True], [1.5], None, 7)
    if kind == "changes":
        values = _all("shape", {}, {"a b": 1}, {"": 1}, {f"P{i}": 1 for i in range(100)})
        values += _all("type", [], None, "x", {"ASMB_INFLATION_RATE": True})
        wrong_values: tuple[Any, ...] = ("abc", "1/0", [], None)
        values += _all("type", *({"ASMB_INFLATION_RATE": v} for v in wrong_values))
        return values + [Bad({"NO_SUCH_PARAMETER": 1}, "unknown")]
    if kind == "evidence":
        base: dict[str, Any] = dict(valid) if isinstance(valid, dict) else {}
        values = _all("type", None, {}, [], "e1", 5)
        wrongs: tuple[tuple[str, Any], ...] = (
            ("evidenceId", 5),
            ("evidenceId", ""),
            ("validatorId", None),
            ("offenceEpoch", "x"),
            ("offenceEpoch", -1),
            ("offenceEpoch", U32),
            ("severity", "bogus"),
            ("severity", 1),
        )
        return values + [Bad({**base, field: wrong}, "shape") for field, wrong in wrongs]
    return []


def python_bad_values(param: Param, valid: Any) -> list[Bad]:
    """Hostile *Python* values of ``param`` for a direct call of the method (no decoding): the
    types a Python caller can pass that JSON cannot carry."""
    values = _all("type", object(), float("nan"), complex(1, 1), frozenset())
    if isinstance(valid, bool):
        values += _all("type", 1, 0, "True")
    elif isinstance(valid, int):
        values += _all("type", True, False, float(valid), Fraction(valid), str(valid))
    elif isinstance(valid, str):
        values += _all("type", valid.encode(), (valid,), [valid], 0)
    elif isinstance(valid, bytes):
        values += _all("type", valid.hex(), bytearray(valid), list(valid))
    elif isinstance(valid, tuple):
        values += _all("type", "01", (1.0,), ((1,),))
    elif isinstance(valid, Evidence):
        values += [
            Bad(Evidence(valid.evidence_id, valid.validator_id, True, valid.severity), "shape"),
            Bad(Evidence(valid.evidence_id, valid.validator_id, 1.0, valid.severity), "shape"),  # type: ignore[arg-type]
            Bad(Evidence(valid.evidence_id, valid.validator_id, 1, "major"), "shape"),  # type: ignore[arg-type]
            Bad(Evidence(7, valid.validator_id, 1, Severity.MAJOR), "shape"),  # type: ignore[arg-type]
        ]
    elif hasattr(valid, "value"):  # an enum member: its value is not the member
        values += _all("type", valid.value, valid.name)
    return values


def check_outcome(
    contract: str,
    operation: Operation,
    outcome: dict[str, Any],
    before: Any,
    after: Any,
    bad: list[Bad],
    instance: Any,
) -> None:
    """The promise: a documented code and no change, or an acceptance that breaks nothing."""
    label = f"{contract}.{operation.name} with {[(b.klass, b.value) for b in bad]!r}"
    if "error" in outcome:
        code = outcome["error"]["code"]
        assert code not in {"INTERNAL", "UNKNOWN_OPERATION"}, f"{label}: {outcome}"
        assert code in operation.errors | UNIVERSAL, f"{label}: undocumented {code}"
        assert after == before, f"{label}: refused with {code} but the state changed"
        return
    assert not any(b.must_reject for b in bad), f"{label}: accepted"
    assert all_violations(instance) == [], f"{label}: {all_violations(instance)}"


def call_wire(
    driver: ObjectDriver, handle: str, contract: str, name: str, args: dict[str, Any]
) -> tuple[dict[str, Any], Any, Any]:
    """(outcome, state before, state after) of one call through the conformance API."""
    before = observed(driver.instances[handle][1])
    outcome = driver.call(handle, name, args)
    return outcome, before, observed(driver.instances[handle][1])


def observed(instance: Any) -> Any:
    """The normative state, read without the self-check: the self-check already fingerprints
    the whole object graph around the call under test; fingerprinting it twice more for every
    call made the census seven times slower."""
    with atomicity_checks(False):
        return instance.state()


def call_python(instance: Any, operation: Operation, values: list[Any]) -> dict[str, Any]:
    """One direct call of the method: its canonical outcome (a Python exception propagates)."""
    try:
        result = resolve(instance, operation.method)(*values)
    except ContractError as error:
        return {"error": {"code": error.code}}
    return {"result": canonical(result)}


def decoded(operation: Operation, args: dict[str, Any]) -> list[Any]:
    """The Python values of a valid call's JSON arguments."""
    return [decode(p, args.get(p.name)) for p in operation.params]


def current_time(contract: str, instance: Any) -> int | None:
    if contract == "postlaunch":
        return int(instance.day)
    if contract in {"smr-staking", "iota-staking"}:
        return int(instance.epoch)
    if contract == "assembly":
        return int(instance.chain.epoch)
    return None


@cache
def scenario_calls(contract: str, operation: str) -> tuple[dict[str, Any], ...]:
    """Every call of ``operation`` the conformance scenarios make, as JSON arguments."""
    return tuple(
        canonical(step.args)
        for scenario in SCENARIOS
        if scenario.contract == contract
        for step in scenario.steps
        if step.operation == operation
    )


def refuse_hostile(data: st.DataObject, instance: Any, contract: str) -> None:
    """A stateful machine's hostile rule: one operation of ``contract``, one argument replaced
    by a value of a must-refuse class (a wrong type, a bound ± 1, a protected sender, a caller
    other than the system, a far-future time …), called directly on ``instance``. It must be
    refused with a documented code, and nothing may change."""
    api = CONTRACTS[contract]
    names = sorted(n for n, op in api.operations.items() if op.mutates and op.params)
    operation = api.operations[data.draw(st.sampled_from(names), label="operation")]
    args = data.draw(st.sampled_from(scenario_calls(contract, operation.name)), label="base")
    index = data.draw(st.integers(0, len(operation.params) - 1), label="argument")
    param = operation.params[index]
    valid = args.get(param.name)
    candidates = [b for b in bad_values(param, valid) if b.must_reject]
    try:
        values = decoded(operation, args)
    except ContractError:
        values = [args.get(p.name) for p in operation.params]
    candidates += python_bad_values(param, values[index])
    bad = data.draw(st.sampled_from(candidates), label="hostile value")
    values[index] = bad.value
    before = fingerprint(instance)
    outcome = call_python(instance, operation, values)
    assert "error" in outcome, f"{operation.name}: {bad} accepted"
    assert outcome["error"]["code"] in operation.errors | UNIVERSAL, outcome
    assert fingerprint(instance) == before
