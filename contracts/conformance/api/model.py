"""What the API table is made of: parameter kinds, parameters, operations and contracts.

A contract's table is written with :func:`contract` and :func:`op`, which read parameters from
``"name:kind name:kind ..."`` and codes from space-separated names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: What each parameter kind accepts, and the codes that refuse the rest (types first, then ranges).
KINDS: dict[str, tuple[str, str]] = {
    "amount": ("an integer in 1 … 2⁶⁴ − 1 (base units)", "INVALID_INPUT, INVALID_AMOUNT"),
    "count": ("an integer in 0 … 2⁶⁴ − 1", "INVALID_INPUT, INVALID_AMOUNT"),
    "time": ("a u32 day, epoch or milestone", "INVALID_INPUT, INVALID_DAY or INVALID_MILESTONE"),
    "opt_time": ("a u32 milestone, or null", "INVALID_INPUT, INVALID_MILESTONE"),
    "sender": (
        "an external account: a name that is no module, authority or reserve account, nor "
        "the system",
        "INVALID_INPUT, PROTECTED_ACCOUNT",
    ),
    "caller": ('the system, "system"', "INVALID_INPUT, UNAUTHORIZED"),
    "account": ("a name (any kind of account)", "INVALID_INPUT"),
    "ref": ("a name, or an integer id (stakes, proposals)", "INVALID_INPUT, UNKNOWN_…"),
    "hex": ("lower- or upper-case hex of the exact length", "INVALID_INPUT, MALFORMED_HEX"),
    "bp": ("an integer in 0 … 10,000 basis points", "INVALID_INPUT, COMMISSION_OUT_OF_BOUNDS"),
    "flag": ("true or false", "INVALID_INPUT"),
    "enum": ("one of the listed strings", "INVALID_INPUT"),
    "bytes": ("1 … 64 bytes as hex", "INVALID_INPUT"),
    "bytes_list": ("at most 10 integers in 0 … 255", "INVALID_INPUT"),
    "changes": (
        "an object of 1 or more parameter ids, each with an exact value",
        "INVALID_INPUT",
    ),
    "evidence": (
        "an object of evidenceId, validatorId (names), offenceEpoch (u32) and severity "
        "(minor, major or critical)",
        "INVALID_EVIDENCE",
    ),
    "fraction": ('an integer, a decimal string or "p/q"', "INVALID_INPUT"),
    "json": ("a JSON document (the constructor's)", "the constructor's codes"),
}


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    domain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    """One operation: its wire name, the method it calls (a dotted path), its errors and what
    it does, in one line."""

    name: str
    method: str
    params: tuple[Param, ...]
    errors: frozenset[str]
    mutates: bool = True
    meaning: str = ""


@dataclass(frozen=True)
class ContractApi:
    name: str
    description: str
    create_params: tuple[Param, ...]
    operations: dict[str, Operation] = field(default_factory=dict)
    #: Public methods that are not operations, with the reason (hooks run by an operation, helpers).
    internal: dict[str, str] = field(default_factory=dict)
    #: The codes the constructor may answer (besides INVALID_INPUT for a missing or unknown
    #: argument, or one of the wrong type), and what each constructor argument is.
    create_errors: frozenset[str] = frozenset()
    create_meaning: dict[str, str] = field(default_factory=dict)
    #: The contract's time right after the constructor.
    starts: str = ""


def params(spec: str) -> tuple[Param, ...]:
    """Parameters from ``"name:kind name:kind ..."`` (``enum`` domains after ``=``)."""
    found = []
    for item in spec.split():
        name, kind = item.split(":")
        domain: tuple[str, ...] = ()
        if "=" in kind:
            kind, values = kind.split("=")
            domain = tuple(values.split("|"))
        found.append(Param(name, kind, domain))
    return tuple(found)


def op(
    name: str, method: str, spec: str, errors: str, meaning: str, *, mutates: bool = True
) -> Operation:
    """An operation from its parameters' spec (:func:`params`) and its space-separated codes."""
    return Operation(name, method, params(spec), frozenset(errors.split()), mutates, meaning)


def query(name: str, method: str, spec: str, errors: str, meaning: str) -> Operation:
    """An operation that changes nothing."""
    return op(name, method, spec, errors, meaning, mutates=False)


def contract(
    name: str,
    description: str,
    create: str,
    operations: list[Operation],
    internal: dict[str, str],
    *,
    create_errors: str,
    create_meaning: dict[str, str],
    starts: str,
) -> ContractApi:
    """A contract's table: its constructor's parameters (a :func:`params` spec) and codes, and
    its operations, keyed by their wire names in the order given."""
    return ContractApi(
        name,
        description,
        params(create),
        {operation.name: operation for operation in operations},
        internal,
        frozenset(create_errors.split()),
        create_meaning,
        starts,
    )


#: The codes of a sender that is no external account, and of a day or epoch out of range.
SENDER = "PROTECTED_ACCOUNT"
EPOCH = "INVALID_DAY"
