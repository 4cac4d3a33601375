"""The generated tables of the implementers page, written into ``docs/implementers.md`` itself.

The page reads as plain Markdown wherever it is opened -- on the site, in a repository
browser, in an editor -- so its tables are text in the file, not code run at build time. Each
table sits between ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` and is produced
from the API table, the error classes, the schemas, the boundaries and the scenarios;
``python -m contracts.conformance.tables docs/implementers.md`` rewrites them, and a test fails
when the committed page differs from what this module writes.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from contracts.conformance.api import CONTRACTS, KINDS
from spec.sources import DATA_DIR

STATE_SCHEMAS = DATA_DIR.parent / "schemas" / "state"
_BLOCK = re.compile(r"(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end: \2 -->)", re.DOTALL)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(header: tuple[str, ...], rows: Iterator[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _codes(codes: frozenset[str]) -> str:
    return ", ".join(f"`{c}`" for c in sorted(codes)) or "—"


def contracts() -> str:
    parts = []
    for api in CONTRACTS.values():
        parts.append(f"### `{api.name}`\n\n{api.description} Starts: {api.starts}\n")
        if api.create_params:
            parts.append(
                _table(
                    ("constructor argument", "kind", "meaning"),
                    (
                        (f"`{p.name}`", f"`{p.kind}`", api.create_meaning[p.name])
                        for p in api.create_params
                    ),
                )
            )
        else:
            parts.append("The constructor takes no argument.\n")
        parts.append(
            f"\nThe constructor's codes: {_codes(api.create_errors | {'INVALID_INPUT'})}.\n"
        )
        parts.append(
            "\n"
            + _table(
                ("operation", "arguments", "meaning", "codes besides INVALID_INPUT"),
                (
                    (
                        f"`{name}`" + ("" if op.mutates else " (query)"),
                        ", ".join(f"`{p.name}`: {p.kind}" for p in op.params) or "—",
                        op.meaning,
                        _codes(op.errors),
                    )
                    for name, op in api.operations.items()
                ),
            )
        )
    return "\n".join(parts)


def kinds() -> str:
    return _table(
        ("kind", "accepts", "refused with"),
        ((f"`{kind}`", accepts, codes) for kind, (accepts, codes) in KINDS.items()),
    )


def protected() -> str:
    from contracts.accounts import PROTECTED

    return _table(
        ("account", "kind", "holds", "moved only by"),
        ((f"`{r.name}`", r.kind.value, r.holds, r.moved_by) for r in PROTECTED),
    )


def codes() -> str:
    from contracts.errors import ContractError, all_error_classes

    return _table(
        ("code", "meaning"),
        (
            (f"`{cls.code}`", (cls.__doc__ or "").split("\n\n")[0])
            for cls in all_error_classes()
            if cls is not ContractError
        ),
    )


def _fields(schema: Any, path: str, defs: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(JSON Pointer, type, meaning) of every field of ``schema``, depth first."""
    for name, field in schema.get("properties", {}).items():
        pointer = f"{path}/{name}"
        yield pointer, _type(field), field.get("description", "")
        yield from _nested(field, pointer, defs)


def _nested(field: Any, pointer: str, defs: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    if "properties" in field:
        yield from _fields(field, pointer, defs)
    values = field.get("additionalProperties")
    if isinstance(values, dict) and values.get("type") == "object":
        yield from _fields(values, f"{pointer}/*", defs)
    items = field.get("items")
    if isinstance(items, dict) and items.get("type") == "object":
        yield from _fields(items, f"{pointer}/[i]", defs)


def _type(field: Any) -> str:
    if "$ref" in field:
        return str(field["$ref"]).rsplit("/", 1)[-1].removesuffix(".schema.json")
    if "enum" in field:
        return " | ".join(json.dumps(v) for v in field["enum"])
    if "oneOf" in field:
        return " or ".join(_type(f) for f in field["oneOf"])
    kind = field.get("type", "")
    if kind == "array":
        items = field.get("prefixItems")
        if items:
            return "[" + ", ".join(_type(i) for i in items) + "]"
        inner = field.get("items")
        return f"list of {_type(inner)}" if isinstance(inner, dict) else "list"
    if kind == "object" and isinstance(field.get("additionalProperties"), dict):
        values = field["additionalProperties"]
        return "object of " + ("records" if values.get("type") == "object" else _type(values))
    if kind == "integer" and "maximum" in field:
        return f"integer {field.get('minimum', 0)} … {field['maximum']:,}"
    return str(kind)


def states() -> str:
    parts = []
    for contract in CONTRACTS:
        schema = json.loads((STATE_SCHEMAS / f"{contract}.schema.json").read_text("utf-8"))
        parts.append(f"#### The state of `{contract}`\n\n{schema['description']}\n")
        parts.append(_table(("field", "type", "meaning"), _fields(schema, "", {})))
    return "\n".join(parts)


def boundaries() -> str:
    from contracts.conformance.boundaries import BOUNDARIES

    return _table(
        ("contract", "threshold", "rule", "operations"),
        (
            (f"`{b.contract}`", b.name, b.rule, ", ".join(f"`{o}`" for o in b.operations))
            for b in BOUNDARIES
        ),
    )


def cases() -> str:
    from contracts.conformance.vectors import vector_scenarios

    return _table(
        ("contract", "case", "steps", "covers"),
        (
            (f"`{s.contract}`", f"`{s.name}`", str(len(s.steps)), ", ".join(s.tags))
            for s in vector_scenarios()
        ),
    )


TABLES: dict[str, Callable[[], str]] = {
    "contracts": contracts,
    "kinds": kinds,
    "protected": protected,
    "codes": codes,
    "states": states,
    "boundaries": boundaries,
    "cases": cases,
}


def render(text: str) -> str:
    """``text`` with every generated block rewritten; an unknown block name is an error."""

    def block(match: re.Match[str]) -> str:
        name = match.group(2)
        if name not in TABLES:
            raise KeyError(f"no generated table {name!r}")
        return f"{match.group(1)}\n{TABLES[name]()}\n{match.group(4)}"

    return _BLOCK.sub(block, text)


def main(argv: list[str]) -> int:
    from spec.jsonio import write_atomically

    for name in argv:
        path = Path(name)
        write_atomically(path, render(path.read_text("utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
