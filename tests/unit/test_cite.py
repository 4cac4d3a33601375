"""``asmb-spec cite ID``: the citation of an id carries its seed's value, this version, the
source commit and the URL of the id's anchor where ``make publish`` lays the version out."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from spec import cli, releases, render
from spec.publish import source_revision

REPO = Path(__file__).resolve().parents[2]
GIT = shutil.which("git")


def _version_in_source() -> str:
    text = (REPO / "spec" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    assert found is not None
    return found.group(1)


def cite(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert cli.main(["cite", *args]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


@pytest.fixture(autouse=True)
def _no_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASMB_SITE_URL", raising=False)
    monkeypatch.delenv("ASMB_SITE_VERSIONED", raising=False)


def test_a_parameter_is_cited_with_its_seed_value(
    seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 000_6fe19e2704b03593.txt (Staking in the IOTA Ecosystem): "total initial Assembly supply
    # of 100 billion tokens"; the specification counts ASMB in µASMB, 10⁻⁶ ASMB.
    seed = (seeds_dir / "000_6fe19e2704b03593.txt").read_text(encoding="utf-8")
    assert "total initial Assembly supply of 100 billion tokens" in seed
    expected = 100 * 10**9 * 10**6

    document = json.loads(cite(["ASMB_INITIAL_SUPPLY", "--format", "json"], capsys))
    assert document["id"] == "ASMB_INITIAL_SUPPLY"
    assert document["kind"] == "parameter"
    assert document["value"] == expected
    assert document["unit"] == "µASMB"
    assert document["readable"] == "100 B ASMB"
    assert document["exact"] == f"{expected:,} µASMB"
    assert document["version"] == _version_in_source()
    assert document["revision"] == source_revision()
    assert document["url"] == "http://127.0.0.1:8000/parameters/#ASMB_INITIAL_SUPPLY"

    line = cite(["ASMB_INITIAL_SUPPLY"], capsys)
    assert line.count("\n") == 1
    assert f"{expected:,} µASMB" in line
    assert "100 billion" in line  # the statement
    assert f"v{_version_in_source()}" in line
    assert line.rstrip().endswith("http://127.0.0.1:8000/parameters/#ASMB_INITIAL_SUPPLY")

    markdown = cite(["ASMB_INITIAL_SUPPLY", "--format", "md"], capsys)
    assert markdown.startswith(
        "[`ASMB_INITIAL_SUPPLY`](http://127.0.0.1:8000/parameters/#ASMB_INITIAL_SUPPLY)"
    )


@pytest.mark.skipif(GIT is None, reason="no git program")
def test_the_citation_names_the_checked_out_commit(capsys: pytest.CaptureFixture[str]) -> None:
    assert GIT is not None
    head = subprocess.run(
        [GIT, "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert f"commit {head}" in cite(["ASMB-SUPPLY-01"], capsys)


@pytest.mark.parametrize(
    ("identifier", "kind", "page"),
    [
        ("ASMB_INFLATION_RATE", "parameter", "parameters"),
        ("ASMB-SUPPLY-10Y", "derivation", "derivations"),
        ("ASMB-SUPPLY-01", "invariant", "invariants"),
    ],
)
def test_the_url_is_the_anchor_of_the_id_under_the_published_version(
    identifier: str,
    kind: str,
    page: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    version = _version_in_source()
    monkeypatch.setenv("ASMB_SITE_URL", "https://spec.example.org/asmb")
    document = json.loads(cite([identifier, "--format", "json"], capsys))
    assert document["kind"] == kind
    # make publish builds version V under ASMB_SITE_URL/V/ (spec/publish.py, publish()).
    assert document["url"] == f"https://spec.example.org/asmb/{version}/{page}/#{identifier}"
    # Inside publish's own build the URL already holds the version: it is not added twice.
    monkeypatch.setenv("ASMB_SITE_URL", f"https://spec.example.org/asmb/{version}/")
    monkeypatch.setenv("ASMB_SITE_VERSIONED", "1")
    document = json.loads(cite([identifier, "--format", "json"], capsys))
    assert document["url"] == f"https://spec.example.org/asmb/{version}/{page}/#{identifier}"


@pytest.mark.parametrize(
    ("page", "identifier"),
    [
        ("parameters", "ASMB_INFLATION_RATE"),
        ("derivations", "ASMB-SUPPLY-10Y"),
        ("invariants", "ASMB-SUPPLY-01"),
        ("proposals", "ASSUME-BONDED-SHARE"),
    ],
)
def test_the_page_of_the_url_carries_the_id_as_its_anchor(page: str, identifier: str) -> None:
    """The page's computed catalog (docs/<page>.md prints it) holds the element with this id."""
    from spec import cards

    source = (REPO / "docs" / f"{page}.md").read_text(encoding="utf-8")
    content = {
        "parameters": ("parameter_catalog", render.parameter_catalog),
        "derivations": ("derivation_table", render.derivation_table),
        "invariants": ("invariant_table", lambda: render.invariant_table(REPO / "tests")),
        "proposals": ("assumption_cards", cards.assumption_cards),
    }[page]
    assert f"import {content[0]}" in source
    assert f'id="{identifier}"' in content[1]()


def test_an_invariant_has_no_value(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(cite(["ASMB-SUPPLY-01", "--format", "json"], capsys))
    assert document["value"] is None and document["readable"] is None is document["exact"]
    assert "=" not in cite(["ASMB-SUPPLY-01"], capsys).split(";")[0].split('"')[-1]


@pytest.mark.parametrize(
    ("identifier", "suggested"),
    [
        ("ASMB_INITIAL_SUPPLI", "ASMB_INITIAL_SUPPLY"),
        ("asmb-supply-01", None),
        ("ASMB-SUPPLY-1", "ASMB-SUPPLY-01"),
        ("", None),
        ("x" * 10_000, None),
        ("\ud800", None),
        ("ASMB_INITIAL_SUPPLY\n", "ASMB_INITIAL_SUPPLY"),
    ],
)
def test_an_unknown_id_is_one_line_with_the_closest_ids(
    identifier: str, suggested: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["cite", identifier]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("asmb-spec: error: "), captured.err
    assert len(lines[0]) < 400
    if suggested is not None:
        assert f"did you mean {suggested}" in lines[0]


def test_every_id_can_be_cited() -> None:
    from spec import assumptions
    from spec import derivations as dv
    from spec import invariants as inv
    from spec import parameters as pm

    for identifier in [*pm.BY_ID, *dv.BY_ID, *inv.BY_ID, *assumptions.BY_ID]:
        found = releases.citation(identifier, environ={})
        assert found.url.endswith(f"/#{identifier}")
        assert "\n" not in found.text()
