"""Every catalog entry is checked by some test, and every marker names a catalog entry."""

from __future__ import annotations

from pathlib import Path

from spec import coverage

TESTS = Path(__file__).resolve().parent.parent


def test_every_invariant_is_checked_by_a_test() -> None:
    assert coverage.unchecked(TESTS) == []


def test_every_marker_names_a_catalog_entry() -> None:
    assert coverage.unknown(TESTS) == []


def test_every_state_invariant_has_a_checker_over_contract_state() -> None:
    from contracts.invariants import checked_ids
    from spec import invariants

    state = {i.id for i in invariants.INVARIANTS if i.state}
    assert state - checked_ids() == set()
    assert checked_ids() - set(invariants.BY_ID) == set()


def test_scanner_reads_every_marker_form(tmp_path: Path) -> None:
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_x.py").write_text(
        "import pytest\n"
        "pytestmark = pytest.mark.invariant('A-ONE-01')\n"
        "@pytest.mark.invariant('B-TWO-01', 'C-THREE-01')\n"
        "def test_f(): pass\n"
        "TestM = pytest.mark.invariant('D-FOUR-01')(object)\n",
        encoding="utf-8",
    )
    found = coverage.scan(tests)
    assert found["A-ONE-01"] == ["tests/test_x.py"]
    assert found["B-TWO-01"] == ["tests/test_x.py::test_f"]
    assert found["D-FOUR-01"] == ["tests/test_x.py::TestM"]
