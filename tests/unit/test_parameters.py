"""Parameters: exact values, stable ids, and every source checked against its document."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import sympy

from spec import parameters as pm
from spec.sources import (
    PARTICIPATION_EVENTS_DIR,
    SEED_DOCUMENTS,
    Artefact,
    ChosenBySpec,
    FixtureField,
    SeedQuote,
)
from tests.conftest import SHARED_FIXTURES

ID_PATTERN = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")


def _normalise(text: str) -> str:
    """Collapse runs of whitespace (quotes may wrap lines in the README's Markdown)."""
    return re.sub(r"\s+", " ", text)


def test_ids_are_unique_and_constant_names() -> None:
    ids = [p.id for p in pm.PARAMETERS]
    assert len(ids) == len(set(ids))
    for parameter_id in ids:
        assert ID_PATTERN.fullmatch(parameter_id), parameter_id


@pytest.mark.parametrize("parameter", pm.PARAMETERS, ids=lambda p: p.id)
def test_value_is_exact(parameter: pm.Parameter) -> None:
    assert isinstance(parameter.value, sympy.Rational)
    assert not isinstance(parameter.value, sympy.Float)
    if parameter.integral:
        assert parameter.value.q == 1
        assert isinstance(pm.integer(parameter.id), int)


@pytest.mark.parametrize(
    "parameter", [p for p in pm.PARAMETERS if p.governable], ids=lambda p: p.id
)
def test_governable_value_within_its_bounds(parameter: pm.Parameter) -> None:
    assert parameter.governance is not None
    assert parameter.governance.minimum <= parameter.governance.maximum
    assert parameter.governance.contains(pm.ratio(parameter.id))


def test_every_chosen_value_names_the_system_it_follows() -> None:
    chosen = [p for p in pm.PARAMETERS if isinstance(p.source, ChosenBySpec)]
    assert chosen, "the spec chooses the values the seeds leave open"
    for parameter in chosen:
        assert isinstance(parameter.source, ChosenBySpec)
        assert parameter.source.follows and parameter.source.reason


@pytest.mark.parametrize(
    "parameter",
    [p for p in pm.PARAMETERS if isinstance(p.source, SeedQuote)],
    ids=lambda p: p.id,
)
def test_seed_quote_is_verbatim(parameter: pm.Parameter, seeds_dir: Path) -> None:
    assert isinstance(parameter.source, SeedQuote)
    assert parameter.source.document in SEED_DOCUMENTS
    text = (seeds_dir / parameter.source.document).read_text(encoding="utf-8")
    assert parameter.source.quote in text


def _pointer(document: Any, pointer: str) -> Any:
    node = document
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node


@pytest.mark.parametrize(
    "parameter",
    [p for p in pm.PARAMETERS if isinstance(p.source, FixtureField)],
    ids=lambda p: p.id,
)
def test_fixture_source_matches_the_artefact(parameter: pm.Parameter) -> None:
    source = parameter.source
    assert isinstance(source, FixtureField)
    path = PARTICIPATION_EVENTS_DIR / source.path
    if not source.pointer:
        readme = _normalise(path.read_text(encoding="utf-8"))
        assert _normalise(source.quote) in readme
        return
    document = json.loads(path.read_text(encoding="utf-8"))
    values = [_pointer(document, pointer) for pointer in source.pointer.split(",")]
    expected = Fraction(values[0], values[1]) if len(values) == 2 else Fraction(values[0])
    assert pm.ratio(parameter.id) == expected


def test_readme_figures_stated_as_parameters() -> None:
    """The README's exact figures are the parameters' values (read independently from it)."""
    readme = (PARTICIPATION_EVENTS_DIR / "README.md").read_text(encoding="utf-8")
    figures = {int(f.replace(",", "")) for f in re.findall(r"\d{1,3}(?:,\d{3}){4,}", readme)}
    values = {int(p.value) for p in pm.PARAMETERS if p.integral}
    assert figures <= values, figures - values


def test_packaged_fixtures_are_the_shared_fixtures() -> None:
    """The copies shipped with the spec are byte-identical to ../shared (when it is present)."""
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is absent beside the checkout")
    for path in PARTICIPATION_EVENTS_DIR.rglob("*"):
        if path.is_file():
            shared = SHARED_FIXTURES / path.relative_to(PARTICIPATION_EVENTS_DIR)
            assert path.read_bytes() == shared.read_bytes(), path.name


def test_artefact_sources_name_a_repository_and_path() -> None:
    for parameter in pm.PARAMETERS:
        if isinstance(parameter.source, Artefact):
            assert parameter.source.repository and parameter.source.path


def test_unknown_parameter_is_a_typed_error() -> None:
    with pytest.raises(pm.UnknownParameter):
        pm.get("NO_SUCH_PARAMETER")


def test_integer_rejects_a_ratio() -> None:
    with pytest.raises(TypeError):
        pm.integer("ASMB_INFLATION_RATE")


def test_issue_minimum_parameter_set_is_present() -> None:
    """The foundation issue names these constants; each must exist with its seed value."""
    expected = {
        "ASMB_INITIAL_SUPPLY": 100 * 10**9 * 10**6,
        "IOTA_STAKERS_SHARE": Fraction(20, 100),
        "PRELAUNCH_MAX_SHARE": Fraction(8, 100),
        "POSTLAUNCH_PLANNED": 12 * 10**9 * 10**6,
        "COMMUNITY_SHARE": Fraction(70, 100),
        "ASMB_INFLATION_RATE": Fraction(8, 100),
        "SMR_INFLATION_RATE": Fraction(8, 100),
        "MILESTONE_INTERVAL": 10,
        "PRELAUNCH_DAYS": 90,
        "PRELAUNCH_ASMB_RATE": Fraction(4, 10**6),
        "PRELAUNCH_SMR_RATE": Fraction(1, 10**6),
        "IOTA_TOTAL_SUPPLY": 2_779_530_283_277_761,
        "POSTLAUNCH_MONTHS": 21,
        "POSTLAUNCH_DAYS": 639,
        "IOTASRB_DAYS_PER_YEAR": 365,
        "IOTA_EPOCH_SECONDS": 86_400,
        "IOTA_REWARDS_PER_EPOCH": 767_000 * 10**9,
        "ASMB_DECIMALS": 6,
        "SMR_DECIMALS": 6,
        "IOTA_DECIMALS": 9,
    }
    for parameter_id, value in expected.items():
        assert pm.ratio(parameter_id) == value, parameter_id
    for prefix in ("ASSEMBLY_R2", "ASSEMBLY_R3", "ASSEMBLY_R4", "ASSEMBLY_R5", "ASSEMBLY_R6"):
        assert f"{prefix}_RATE" in pm.BY_ID
    for chosen in (
        "GOV_QUORUM",
        "GOV_THRESHOLD",
        "SLASH_FRACTION_MAJOR",
        "ASMB_MIN_VALIDATOR_BOND",
    ):
        assert isinstance(pm.get(chosen).source, ChosenBySpec)
    assert isinstance(pm.get("ASMB_UNBONDING_EPOCHS").source, ChosenBySpec)


def test_prelaunch_start_is_three_pm_cet() -> None:
    """2021-12-28 15:00 CET (UTC+1), computed independently with the standard library."""
    from datetime import datetime, timedelta, timezone

    cet = timezone(timedelta(hours=1))
    expected = int(datetime(2021, 12, 28, 15, 0, tzinfo=cet).timestamp())
    assert pm.integer("PRELAUNCH_START_TIME") == expected
