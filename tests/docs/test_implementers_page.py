"""The implementers page is plain Markdown whose tables are written into it: the committed page
is exactly what ``python -m contracts.conformance.tables docs/implementers.md`` writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contracts.conformance.tables import TABLES, render

PAGE = Path(__file__).resolve().parents[2] / "docs" / "implementers.md"


def test_the_committed_tables_are_the_generated_ones() -> None:
    text = PAGE.read_text("utf-8")
    assert render(text) == text, "run: python -m contracts.conformance.tables docs/implementers.md"


def test_every_table_is_on_the_page_and_no_code_runs_at_build() -> None:
    text = PAGE.read_text("utf-8")
    assert set(re.findall(r"<!-- generated: ([a-z-]+) -->", text)) == set(TABLES)
    assert 'exec="on"' not in text


def test_an_unknown_table_is_an_error() -> None:
    with pytest.raises(KeyError):
        render("<!-- generated: nothing -->\n<!-- end: nothing -->")


def test_every_operation_has_a_meaning_on_the_page() -> None:
    from contracts.conformance.api import CONTRACTS

    text = PAGE.read_text("utf-8")
    for api in CONTRACTS.values():
        for name, operation in api.operations.items():
            assert operation.meaning, f"{api.name}.{name}"
            assert f"| `{name}`" in text


def test_the_code_table_does_not_depend_on_what_the_tests_imported() -> None:
    """A test double's own error class (the eager implementation's ``UNSUPPORTED_CONTRACT``) is
    not one of the specification's codes: CI once imported it first and the page differed."""
    from contracts.conformance.tables import codes

    before = codes()
    import tests.conformance.eager as eager

    assert issubclass(eager.UnsupportedContract, Exception)
    assert codes() == before
    assert "`UNSUPPORTED_CONTRACT`" not in before
