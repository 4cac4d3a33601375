"""The normative states are described field by field in ``spec/schemas/state/``: every state of
every published vector is valid against its contract's schema, and the schemas' integer types
agree with the canonical JSON rule (a number up to 2^53, a decimal string beyond)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.statediff import apply
from contracts.conformance.suite.test_vectors import PUBLISHED
from tests.conformance.schemas import STATE_SCHEMAS, definition, validator

pytestmark = pytest.mark.reference_only


def test_every_contract_has_a_state_schema() -> None:
    assert {p.name.removesuffix(".schema.json") for p in STATE_SCHEMAS.glob("*.schema.json")} == {
        *CONTRACTS,
        "common",
    }


def _cases() -> list[str]:
    return sorted(p.parent.relative_to(PUBLISHED).as_posix() for p in PUBLISHED.rglob("case.json"))


@pytest.mark.parametrize("name", _cases())
def test_every_state_of_a_published_vector_is_schema_valid(name: str) -> None:
    case = json.loads((PUBLISHED / name / "case.json").read_text("utf-8"))
    if "initialState" not in case:
        return  # the constructor refused
    check = validator(f"state/{case['contract']}.schema.json")
    state = case["initialState"]
    check.validate(state)
    for number, step in enumerate(case["steps"]):
        state = apply(state, step["changes"])
        errors = sorted(check.iter_errors(state), key=lambda e: list(e.absolute_path))
        assert not errors, f"step {number}: {errors[0].json_path}: {errors[0].message}"
    assert state == case["finalState"]


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        (0, True),
        (2**53, True),
        ("9007199254740992", False),  # 2^53 travels as a number
        (2**53 + 1, False),  # … and 2^53 + 1 as a string
        ("9007199254740993", True),
        ("18446744073709551615", True),
        ("18446744073709551616", False),
        ("018446744073709551", False),
        (-1, False),
        ("-9007199254740993", False),
        (1.5, False),
        (True, False),
    ],
)
def test_the_u64_boundaries(value: Any, valid: bool) -> None:
    assert definition("u64").is_valid(value) is valid


@given(st.integers(min_value=-(2**65), max_value=2**66))
def test_the_u64_type_is_the_canonical_form_of_0_to_2_64_minus_1(n: int) -> None:
    assert definition("u64").is_valid(canonical(n)) is (0 <= n <= 2**64 - 1)
    assert definition("uint").is_valid(canonical(n)) is (n >= 0)


@given(st.integers(min_value=0, max_value=2**64 - 1))
def test_a_non_canonical_integer_is_refused(n: int) -> None:
    other = n if isinstance(canonical(n), str) else str(n)
    assert not definition("u64").is_valid(other)


def test_names_follow_the_one_rule_of_the_domains() -> None:
    from contracts.domains import is_name

    for value in ["a", "module:bonded", "é" * 64, "x" * 128, "", "a b", "x" * 129, "\t", "a\nb"]:
        assert definition("name").is_valid(value) is is_name(value), repr(value)


def test_schemas_are_published_with_the_package() -> None:
    assert Path(__file__).parents[2].joinpath("spec", "schemas", "state").is_dir()


def test_the_case_schema_checks_the_states_of_its_contract() -> None:
    case = json.loads((PUBLISHED / "postlaunch" / "seed-example" / "case.json").read_text("utf-8"))
    check = validator("conformance-case.schema.json")
    check.validate(case)
    broken = {**case, "finalState": {**case["finalState"], "daysPaid": 640}}
    assert not check.is_valid(broken)
    assert not check.is_valid({**case, "contract": "smr-staking"})


def _undescribed(schema: Any, path: str) -> list[str]:
    missing = []
    for name, field in schema.get("properties", {}).items():
        if not field.get("description"):
            missing.append(f"{path}/{name}")
        missing += _undescribed(field, f"{path}/{name}")
        for key in ("additionalProperties", "items"):
            if isinstance(field.get(key), dict):
                missing += _undescribed(field[key], f"{path}/{name}/*")
    return missing


@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_every_field_of_a_state_is_described(contract: str) -> None:
    schema = json.loads((STATE_SCHEMAS / f"{contract}.schema.json").read_text("utf-8"))
    assert _undescribed(schema, "") == []
