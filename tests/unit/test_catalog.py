"""Every catalog entry is checked by some test, and every marker names a catalog entry."""

from __future__ import annotations

from pathlib import Path

from spec import coverage

TESTS = Path(__file__).resolve().parent.parent


def test_every_invariant_is_checked_by_a_test() -> None:
    assert coverage.unchecked(TESTS) == []


def test_every_marker_names_a_catalog_entry() -> None:
    assert coverage.unknown(TESTS) == []
