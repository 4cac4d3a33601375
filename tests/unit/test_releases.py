"""Record files and ``asmb-spec diff``: a diff lists exactly the ids that changed, and how; a
record file that is not one is refused in one line; the published records are evidence of
their releases (their commits, their CHANGELOG sections), independent of today's source."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import sympy

from spec import cli, releases
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec.jsonio import parse_json
from spec.publish import source_revision
from tests.unit.test_cli_hostile import BAD_JSON

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "spec" / "data" / "releases"
GIT = shutil.which("git")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_line_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The command must exit 2 with one line on standard error and nothing on standard out."""
    status, out, err = run(args, capsys)
    assert status == 2, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("asmb-spec: error: ")
    assert "Traceback" not in err
    return lines[0]


def write_record(path: Path, record: Any) -> str:
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def current() -> dict[str, Any]:
    return releases.record_file()


# ----------------------------------------------------------------------------- the generator


def test_the_record_holds_every_id_of_the_registries_and_nothing_else(
    current: dict[str, Any],
) -> None:
    assert set(current["parameters"]) == {p.id for p in pm.PARAMETERS}
    assert set(current["derivations"]) == {d.id for d in dv.DERIVATIONS}
    assert set(current["invariants"]) == {i.id for i in inv.INVARIANTS}
    assert releases.validate_record(current) is current


def test_the_record_carries_each_registry_entry_exactly(current: dict[str, Any]) -> None:
    for parameter in pm.PARAMETERS:
        entry = current["parameters"][parameter.id]
        # The exact JSON form: an integer, or "p/q" (compared as fractions, not as text).
        assert Fraction(entry["value"]) == Fraction(str(parameter.value)), parameter.id
        assert entry["unit"] == parameter.unit
        assert entry["description"] == parameter.description
        assert entry["source"] == parameter.source.cite()
        if parameter.governance is None:
            assert entry["bounds"] is None
        else:
            low, high = (Fraction(b) for b in entry["bounds"])
            assert (low, high) == (parameter.governance.minimum, parameter.governance.maximum)
    for derivation in dv.DERIVATIONS:
        entry = current["derivations"][derivation.id]
        value = derivation.evaluate()
        if value.is_Rational:
            assert Fraction(entry["value"]) == Fraction(str(value)), derivation.id
        else:  # a formula of free variables, or an irrational figure: the same expression
            assert sympy.sympify(entry["value"]) == sympy.sympify(str(value)), derivation.id
        assert entry["meaning"] == derivation.meaning
        assert entry["formula"] == sympy.sstr(derivation.expression)  # the report's form
    for invariant in inv.INVARIANTS:
        entry = current["invariants"][invariant.id]
        assert entry["statement"] == invariant.statement
        assert entry["source"] == invariant.citation.cite()
        assert entry["formula"] == invariant.formula


def test_the_record_names_this_source(current: dict[str, Any]) -> None:
    from spec import __version__

    assert current["schema"] == releases.SCHEMA == 1
    assert current["spec"]["version"] == __version__
    assert current["spec"]["revision"] == source_revision()
    text = releases.canonical(current)
    assert parse_json(text) == current
    assert text == releases.canonical(parse_json(text)), "canonical is a fixed point"


def test_a_what_if_environment_is_recorded_with_its_values() -> None:
    environment = {**pm.default_environment(), "ASMB_INFLATION_RATE": sympy.Rational(1, 20)}
    record = releases.record_file(environment)
    assert record["parameters"]["ASMB_INFLATION_RATE"]["value"] == "1/20"
    baseline = releases.record_file()
    changed = releases.diff(baseline, record).ids()["changed"]
    assert "ASMB_INFLATION_RATE" in changed
    assert "ASMB-INFLATION-FIRST-EPOCH" in changed


def test_a_tree_is_recorded_from_its_own_source_in_a_fresh_interpreter(
    current: dict[str, Any],
) -> None:
    """What regenerates the published files from a release's worktree, run on this checkout."""
    assert releases.record_of_tree(REPO) == current


def test_another_tree_is_recorded_from_its_own_registries(tmp_path: Path) -> None:
    """A copy of ``spec/`` with one parameter changed (as tests/docs/test_computed.py changes
    it): the record of that tree has the copy's value, not this checkout's."""
    tree = tmp_path / "tree"
    shutil.copytree(REPO / "spec", tree / "spec", ignore=shutil.ignore_patterns("__pycache__"))
    source = tree / "spec" / "programs" / "postlaunch.py"
    marker = '"POSTLAUNCH_DAYS",\n        rational(639),'
    text = source.read_text(encoding="utf-8")
    assert marker in text
    source.write_text(text.replace(marker, marker.replace("639", "640")), encoding="utf-8")
    record = releases.record_of_tree(tree)
    assert record["parameters"]["POSTLAUNCH_DAYS"]["value"] == 640
    assert pm.integer("POSTLAUNCH_DAYS") == 639
    assert record["spec"]["revision"] == "unknown"  # no checkout: no commit to name
    changed = releases.diff(releases.record_file(), record).ids()["changed"]
    assert "POSTLAUNCH_DAYS" in changed and "POST-DAILY-PAYOUT" in changed


def test_a_tree_without_the_package_is_refused(tmp_path: Path) -> None:
    with pytest.raises(releases.RecordError, match="holds no spec/ package"):
        releases.record_of_tree(tmp_path)


def test_the_record_command_writes_the_canonical_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], current: dict[str, Any]
) -> None:
    out = tmp_path / "record.json"
    assert releases.main(["record", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == releases.canonical(current)


def test_a_published_record_is_not_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from spec import __version__

    monkeypatch.setattr(releases, "RELEASES_DIR", tmp_path)
    (tmp_path / f"{__version__}.json").write_text("kept", encoding="utf-8")
    assert releases.main(["record", "--release", "--allow-changes"]) == 2
    assert "is not rewritten" in capsys.readouterr().err
    assert (tmp_path / f"{__version__}.json").read_text(encoding="utf-8") == "kept"


# ----------------------------------------------------------------------------- diffs


def test_a_diff_lists_exactly_the_ids_the_test_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], current: dict[str, Any]
) -> None:
    old = copy.deepcopy(current)
    new = copy.deepcopy(current)
    new["spec"]["version"] = "99.0.0"
    new["parameters"]["ASMB_INFLATION_RATE"]["value"] = "1/20"  # the value of one parameter
    new["parameters"]["ASMB_INITIAL_SUPPLY"]["unit"] = "ASMB"  # the unit of another
    new["invariants"]["ASMB-SUPPLY-01"]["statement"] = "A reworded rule."  # a statement
    new["derivations"]["TEST-ADDED-01"] = {  # one added
        "value": 7,
        "unit": "1",
        "meaning": "A figure only this test has.",
        "formula": "7",
    }
    retired = "GOV_QUORUM"
    del new["parameters"][retired]  # one retired
    old_path = write_record(tmp_path / "old.json", old)
    new_path = write_record(tmp_path / "new.json", new)

    status, out, err = run(["diff", old_path, new_path, "--format", "json"], capsys)
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert document["added"] == [{"kind": "derivation", "id": "TEST-ADDED-01"}]
    assert document["retired"] == [{"kind": "parameter", "id": retired}]
    assert document["changed"] == [
        {
            "kind": "invariant",
            "id": "ASMB-SUPPLY-01",
            "fields": [
                {
                    "field": "statement",
                    "before": current["invariants"]["ASMB-SUPPLY-01"]["statement"],
                    "after": "A reworded rule.",
                }
            ],
        },
        {
            "kind": "parameter",
            "id": "ASMB_INFLATION_RATE",
            "fields": [{"field": "value", "before": "2/25", "after": "1/20"}],
        },
        {
            "kind": "parameter",
            "id": "ASMB_INITIAL_SUPPLY",
            "fields": [{"field": "unit", "before": "µASMB", "after": "ASMB"}],
        },
    ]
    assert document["old"]["version"] != document["new"]["version"] == "99.0.0"

    status, text, _ = run(["diff", old_path, new_path], capsys)
    assert status == 0
    assert "Added (1)" in text and "Retired (1)" in text and "Changed (3)" in text
    assert "ASMB_INFLATION_RATE: value" in text and "value now: 1/20" in text
    status, markdown, _ = run(["diff", old_path, new_path, "--format", "md"], capsys)
    assert status == 0
    assert "- `ASMB_INITIAL_SUPPLY` (parameter): unit\n" in markdown
    assert "unit was: µASMB  \n    unit now: ASMB\n" in markdown


def test_a_record_against_itself_is_no_change(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["diff", "current", "current", "--format", "json"], capsys)
    assert status == 0
    assert json.loads(out)["added"] == json.loads(out)["changed"] == []
    status, text, _ = run(["diff", "current", "current"], capsys)
    assert "No id was added, retired or changed." in text


def _hostile_records(current: dict[str, Any]) -> dict[str, str]:
    def changed(**parts: Any) -> str:
        record = copy.deepcopy(current)
        record.update(parts)
        return json.dumps(record)

    parameters = copy.deepcopy(current["parameters"])
    first = next(iter(parameters))
    as_float = json.dumps(current).replace('"schema": 1', '"schema": 1.0', 1)
    with_bool = copy.deepcopy(parameters)
    with_bool[first]["value"] = True
    missing_field = copy.deepcopy(parameters)
    del missing_field[first]["unit"]
    extra_field = copy.deepcopy(parameters)
    extra_field[first]["colour"] = "blue"
    with_escape = copy.deepcopy(parameters)
    with_escape[first]["description"] = "red \x1b[31m text"
    with_number_statement = copy.deepcopy(parameters)
    with_number_statement[first]["description"] = 5
    duplicated = json.dumps(current).replace(f'"{first}": {{', f'"{first}": {{"value": 1, ', 1)
    return {
        **{f"not a record: {name}": text for name, text in BAD_JSON.items()},
        "a list": "[]",
        "a string": '"0.10.0"',
        "schema 2": changed(schema=2),
        "schema as a float": as_float,
        "no spec": json.dumps({k: v for k, v in current.items() if k != "spec"}),
        "an unknown catalog": changed(programs={}),
        "spec without a version": changed(spec={"name": "x", "revision": "y"}),
        "a version that is none": changed(spec={"name": "x", "version": "ten", "revision": "y"}),
        "catalog as a list": changed(parameters=[]),
        "an escape in the revision": changed(
            spec={"name": "x", "version": "1.0.0", "revision": "\x1b[2J"}
        ),
        "a revision of a million characters": changed(
            spec={"name": "x", "version": "1.0.0", "revision": "a" * 10**6}
        ),
        "an id with a space": changed(parameters={"TWO WORDS": parameters[first]}),
        "a bool for a value": changed(parameters=with_bool),
        "a missing field": changed(parameters=missing_field),
        "an unknown field": changed(parameters=extra_field),
        "a number for a statement": changed(parameters=with_number_statement),
        "a terminal escape in a statement": changed(parameters=with_escape),
        "a huge number": json.dumps(current).replace('"schema": 1', '"schema": ' + "9" * 4000),
        "a duplicated key": duplicated,
    }


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_bad_record_file_is_one_line_and_exit_2(
    side: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], current: dict[str, Any]
) -> None:
    for name, text in _hostile_records(current).items():
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        args = ["diff", str(path), "current"] if side == "old" else ["diff", "current", str(path)]
        message = one_line_error(args, capsys)
        assert "bad.json" in message, name


@pytest.mark.parametrize(
    "name",
    ["0.0.1", "missing.json", "a-directory", "not-utf8.json", "0.10.0/", ""],
)
def test_a_missing_version_or_unreadable_file_is_one_line_and_exit_2(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-directory").mkdir()
    (tmp_path / "not-utf8.json").write_bytes(b'{"schema": "\xff"}')
    message = one_line_error(["diff", name, "0.10.0"], capsys)
    if name == "0.0.1":
        assert "version 0.0.1 has no record file (published: 0.9.0, 0.10.0" in message


def test_a_record_file_past_the_size_limit_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(releases, "MAX_BYTES", 1000)
    message = one_line_error(["diff", str(RELEASES / "0.9.0.json"), "0.10.0"], capsys)
    assert "larger than 1000 bytes" in message


def test_an_unknown_format_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    one_line_error(["diff", "0.9.0", "0.10.0", "--format", "html"], capsys)


def test_the_diff_command_never_prints_a_traceback_from_a_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[" * 100_000, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "spec", "diff", str(bad), "0.10.0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


# ----------------------------------------------------------------------------- published records


def _raw(version: str) -> dict[str, Any]:
    """A published record read with the standard library alone (no code under test)."""
    document: dict[str, Any] = json.loads((RELEASES / f"{version}.json").read_text("utf-8"))
    return document


def test_the_published_records_are_canonical_files_of_their_versions() -> None:
    assert releases.published_versions()[:2] == ["0.9.0", "0.10.0"]
    for version in releases.published_versions():
        text = (RELEASES / f"{version}.json").read_text(encoding="utf-8")
        record = releases.load_record(RELEASES / f"{version}.json")
        assert record["spec"]["version"] == version
        assert text == releases.canonical(record)


def test_the_last_release_diff_is_backed_by_both_files(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(["diff", "0.9.0", "0.10.0", "--format", "json"], capsys)
    assert status == 0
    document = json.loads(out)
    old, new = _raw("0.9.0"), _raw("0.10.0")
    catalog = {"parameter": "parameters", "derivation": "derivations", "invariant": "invariants"}
    assert document["added"] or document["retired"] or document["changed"]
    for entry in document["added"]:
        kind = catalog[entry["kind"]]
        assert entry["id"] not in old[kind] and entry["id"] in new[kind], entry
    for entry in document["retired"]:
        kind = catalog[entry["kind"]]
        assert entry["id"] in old[kind] and entry["id"] not in new[kind], entry
    for entry in document["changed"]:
        kind = catalog[entry["kind"]]
        for change in entry["fields"]:
            assert old[kind][entry["id"]][change["field"]] == change["before"]
            assert new[kind][entry["id"]][change["field"]] == change["after"]
    # Every id whose fields differ in the raw files is listed, and no other.
    differing = {
        i
        for kind in catalog.values()
        for i in old[kind].keys() & new[kind].keys()
        if old[kind][i] != new[kind][i]
    }
    assert {e["id"] for e in document["changed"]} == differing


def _changelog_section(version: str) -> str:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    start = re.search(rf"^## {re.escape(version)} — .*$", text, re.MULTILINE)
    assert start is not None, version
    rest = text[start.end() :]
    following = re.search(r"^## ", rest, re.MULTILINE)
    return rest if following is None else rest[: following.start()]


def test_every_id_of_the_last_release_diff_is_named_in_its_changelog_section() -> None:
    """The CHANGELOG was written by hand at the release: independent evidence of the files."""
    result = releases.diff(releases.resolve("0.9.0"), releases.resolve("0.10.0"))
    section = _changelog_section("0.10.0")
    for ids in result.ids().values():
        for identifier in ids:
            assert f"`{identifier}`" in section, identifier


def _git(*args: str) -> str:
    assert GIT is not None
    done = subprocess.run(
        [GIT, *args], cwd=REPO, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


@pytest.mark.skipif(GIT is None, reason="no git program")
def test_each_published_record_names_the_commit_that_set_its_version() -> None:
    if _git("rev-parse", "--is-shallow-repository") == "true":
        pytest.skip("a shallow clone does not hold the commits that set the versions")
    for version in releases.published_versions():
        commits = _git(
            "log",
            "--reverse",
            "--format=%H",
            f'-S__version__ = "{version}"',
            "--",
            "spec/__init__.py",
        ).splitlines()
        assert _raw(version)["spec"]["revision"] == commits[0], version


def test_the_changelog_page_shows_the_last_release_diff_under_its_heading() -> None:
    page = (REPO / "docs" / "changelog.md").read_text(encoding="utf-8")
    block = page.split('```python exec="on" idprefix=""\n', 1)[1].split("\n```", 1)[0]
    out = io.StringIO()
    with contextlib.chdir(REPO), contextlib.redirect_stdout(out):
        exec(compile(block, "docs/changelog.md", "exec"), {})
    shown = out.getvalue()
    start = shown.index("## Version 0.10.0 — ")
    end = shown.index("## Version 0.9.0 — ")
    section = shown[start:end]
    assert "### What changed in the catalogs {#v0.10.0-catalogs}" in section
    old, new = _raw("0.9.0"), _raw("0.10.0")
    for kind in ("parameters", "derivations", "invariants"):
        for identifier in new[kind].keys() - old[kind].keys():
            assert f"`{identifier}`" in section[section.index("#### Added") :], identifier
    assert "#### Added (" in section and "{#v0.10.0-added}" in section
    # Each release after the first, and Unreleased (from the last release to this source).
    assert shown.count("What changed in the catalogs") == len(releases.published_versions())
    unreleased = shown[shown.index("## Unreleased") : shown.index("## Version ")]
    assert "### What changed in the catalogs {#unreleased-catalogs}" in unreleased
    last = _raw(releases.published_versions()[-1])
    today: dict[str, set[str]] = {
        "parameters": set(pm.BY_ID),
        "derivations": set(dv.BY_ID),
        "invariants": set(inv.BY_ID),
    }
    for kind, ids in today.items():
        for identifier in ids ^ set(last[kind]):  # added since, or retired since
            assert f"`{identifier}`" in unreleased, identifier
