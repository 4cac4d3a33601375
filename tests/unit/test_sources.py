"""Every citation of the catalog and of the seed-versus-deployed list points at real text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from spec import derivations, differences, invariants
from spec.sources import PARTICIPATION_EVENTS_DIR, FixtureField, SeedQuote, Source
from tests.conftest import FIXTURES


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _fixture_path(relative: str) -> Path:
    packaged = PARTICIPATION_EVENTS_DIR / relative
    return packaged if packaged.exists() else FIXTURES / relative


def check_source(source: Source | str, seeds_dir: Path) -> None:
    if isinstance(source, str):
        assert source in derivations.BY_ID or source in invariants.BY_ID, source
    elif isinstance(source, SeedQuote):
        assert source.quote in (seeds_dir / source.document).read_text(encoding="utf-8")
    elif isinstance(source, FixtureField):
        path = _fixture_path(source.path)
        text = path.read_text(encoding="utf-8")
        if source.quote:
            assert _normalise(source.quote) in _normalise(text), source.quote
        if source.pointer:
            node: Any = json.loads(text)
            for part in source.pointer.strip("/").split("/"):
                node = node[part]


@pytest.mark.parametrize("invariant", invariants.INVARIANTS, ids=lambda i: i.id)
def test_invariant_citation(invariant: invariants.Invariant, seeds_dir: Path) -> None:
    check_source(invariant.citation, seeds_dir)


@pytest.mark.parametrize("difference", differences.DIFFERENCES, ids=lambda d: d.id)
def test_difference_evidence(difference: differences.Difference, seeds_dir: Path) -> None:
    if difference.seed is not None:
        check_source(difference.seed, seeds_dir)
    assert difference.evidence
    for evidence in difference.evidence:
        check_source(evidence, seeds_dir)
