"""The published JSON Schemas, loaded with their cross-references resolved (Draft 2020-12)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema
from referencing import Registry, Resource

from spec.sources import DATA_DIR

SCHEMAS = DATA_DIR.parent / "schemas"
STATE_SCHEMAS = SCHEMAS / "state"
BASE = "https://assembly-tokenomics-spec/schemas/"


@cache
def registry() -> Registry[Any]:
    """Every schema under ``spec/schemas/`` by its ``$id`` (which is its path under BASE)."""
    resources = []
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        document = json.loads(path.read_text("utf-8"))
        assert document["$id"] == BASE + path.relative_to(SCHEMAS).as_posix(), path.name
        resources.append((document["$id"], Resource.from_contents(document)))
    return Registry().with_resources(resources)


def validator(relative: str) -> jsonschema.Draft202012Validator:
    """A validator of the schema at ``relative`` (``state/postlaunch.schema.json``)."""
    document = json.loads((SCHEMAS / relative).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document, registry=registry())


def definition(name: str) -> jsonschema.Draft202012Validator:
    """A validator of one building block of ``state/common.schema.json``."""
    return jsonschema.Draft202012Validator(
        {"$ref": f"{BASE}state/common.schema.json#/$defs/{name}"}, registry=registry()
    )
