"""Published versions of the catalogs: record files, diffs between versions, citations.

Every release publishes a **record file**, ``spec/data/releases/<version>.json``
(:func:`spec.release_record.record_file`): the spec's name, version and source commit, and every
parameter, derivation and invariant by id with its value, unit, source and statement. The files
are written once per release, from the source at that release, and never rewritten: they are the
evidence of what a version said.

* :func:`load_record` reads a record file strictly (:func:`spec.jsonio.parse_json`, then its
  shape): anything else is a :class:`RecordError` naming the file and what is wrong.
* :func:`diff` compares two records: the ids **added**, **retired**, and **changed** in a field
  (value, unit, source, statement, meaning, formula, bounds), each change with its before and
  after; :func:`render_text`, :func:`render_markdown` and :func:`render_json` print it.
* :func:`citation` is one id's citation: kind, statement, exact and readable value, spec version,
  source commit and the URL of its anchor on the site of this version.

``python -m spec.releases record [--tree DIR] [--out FILE | --release]`` writes a record file;
with ``--tree`` it records the checkout at ``DIR`` (e.g. a ``git worktree`` of an older release),
running :mod:`spec.release_record` there against that checkout's own registries.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from spec import __version__, assumptions, readable
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import format_grouped
from spec.jsonio import JsonInputError, parse_json, write_atomically
from spec.publish import REPO, local_changes, source_revision, version_key
from spec.release_record import FIELDS, KINDS, SCHEMA, canonical, record_file
from spec.render import page_link
from spec.report import encode_value

__all__ = [
    "FIELDS",
    "KINDS",
    "RELEASES_DIR",
    "SCHEMA",
    "Citation",
    "RecordError",
    "canonical",
    "citation",
    "diff",
    "load_record",
    "published_versions",
    "record_file",
    "record_of_tree",
    "release_changes",
    "render_json",
    "render_markdown",
    "render_text",
    "resolve",
    "unreleased_changes",
    "validate_record",
]

#: The published record files, one per released version.
RELEASES_DIR: Final = Path(__file__).resolve().parent / "data" / "releases"
#: The module that writes a record, run inside an older checkout by :func:`record_of_tree`.
RECORD_MODULE: Final = Path(__file__).resolve().parent / "release_record.py"

VERSION: Final = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
CURRENT: Final = "current"
#: The largest record file read (a release's is about 70 kB).
MAX_BYTES: Final = 16 * 2**20
#: The longest id accepted in a record file, and the characters it may hold.
_ID: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$")
_HEX40: Final = re.compile(r"^[0-9a-f]{40}$")
#: Characters no text of a record holds: they would rewrite a terminal's output.
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f]")

#: What each catalog's entries are called, one at a time.
SINGULAR: Final = {
    "parameters": "parameter",
    "derivations": "derivation",
    "invariants": "invariant",
}
#: The page whose anchors are each catalog's ids (``docs/<page>.md``; see spec.render.page_link).
PAGES: Final = {
    "parameters": "parameters",
    "derivations": "derivations",
    "invariants": "invariants",
}
#: What ``cite`` names: the catalogs' kinds, and the what-if projection's assumptions (not in
#: the record files: a report states the value of each it ran with), on the proposals page.
CITED_KINDS: Final = {**SINGULAR, "assumptions": "assumption"}
CITED_PAGES: Final = {**PAGES, "assumptions": "proposals"}
#: The site mkdocs builds when ``ASMB_SITE_URL`` is not set (mkdocs.yml's ``site_url``).
DEFAULT_SITE_URL: Final = "http://127.0.0.1:8000/"

JSON = dict[str, Any]


class RecordError(ValueError):
    """A record file, or a version, that cannot be read; the message says which and why."""


# ----------------------------------------------------------------------------- reading records


def published_versions(folder: Path = RELEASES_DIR) -> list[str]:
    """The versions with a record file in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    names = [p.stem for p in folder.glob("*.json") if VERSION.match(p.stem)]
    return sorted(names, key=version_key)


def _is_value(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, str)


def _check_field(kind: str, identifier: str, name: str, value: Any) -> None:
    where = f"{kind}.{identifier}.{name}"
    if name == "value":
        if not _is_value(value):
            raise RecordError(f"{where}: a value is an integer or a string")
    elif name == "bounds":
        if value is not None and not (
            isinstance(value, list) and len(value) == 2 and all(_is_value(v) for v in value)
        ):
            raise RecordError(f"{where}: bounds are null or [minimum, maximum]")
    elif not isinstance(value, str):
        raise RecordError(f"{where}: a string is expected")
    texts = value if isinstance(value, list) else [value]
    if any(isinstance(t, str) and _CONTROL.search(t) for t in texts):
        raise RecordError(f"{where}: a control character (a record's text is one line)")


def validate_record(document: Any) -> JSON:
    """``document`` if it is a record file of :data:`SCHEMA`; a :class:`RecordError` if not."""
    if not isinstance(document, dict):
        raise RecordError("a record file is a JSON object")
    expected = {"schema", "spec", *KINDS}
    if set(document) != expected:
        missing, extra = sorted(expected - set(document)), sorted(set(document) - expected)
        raise RecordError(f"the record's keys: missing {missing}, unexpected {extra}")
    schema = document["schema"]
    if type(schema) is not int or schema != SCHEMA:
        raise RecordError(f"schema {schema!r} is not {SCHEMA}, the one this version reads")
    spec = document["spec"]
    if not isinstance(spec, dict) or set(spec) != {"name", "version", "revision"}:
        raise RecordError("spec: an object of name, version and revision")
    if not all(isinstance(v, str) and len(v) <= 200 for v in spec.values()):
        raise RecordError("spec: name, version and revision are strings (200 characters at most)")
    if not VERSION.match(spec["version"]) or any(_CONTROL.search(v) for v in spec.values()):
        raise RecordError("spec: version is MAJOR.MINOR.PATCH, and no text a control character")
    for kind in KINDS:
        entries = document[kind]
        if not isinstance(entries, dict):
            raise RecordError(f"{kind}: an object of entries by id")
        for identifier, entry in entries.items():
            if not _ID.match(identifier):
                raise RecordError(f"{kind}: {identifier[:40]!r} is not an id")
            if not isinstance(entry, dict) or set(entry) != set(FIELDS[kind]):
                raise RecordError(f"{kind}.{identifier}: an object of {', '.join(FIELDS[kind])}")
            for name in FIELDS[kind]:
                _check_field(kind, identifier, name, entry[name])
    return document


def load_record(path: Path) -> JSON:
    """Read and check a record file; a :class:`RecordError` names the file and the problem."""
    try:
        if path.is_dir():
            raise RecordError(f"record file {path}: is a directory")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise RecordError(f"record file {path}: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise RecordError(f"record file {path}: larger than {MAX_BYTES} bytes")
    try:
        document = parse_json(data.decode("utf-8"))
        return validate_record(document)
    except UnicodeDecodeError:
        raise RecordError(f"record file {path}: not UTF-8 text") from None
    except (JsonInputError, RecordError) as error:
        raise RecordError(f"record file {path}: {error}") from None


def resolve(name: str, folder: Path = RELEASES_DIR) -> JSON:
    """A record by name: ``current`` (this source), a published version, or a file's path."""
    if name == CURRENT:
        return record_file()
    if VERSION.match(name):
        path = folder / f"{name}.json"
        if not path.is_file():
            known = ", ".join(published_versions(folder)) or "none"
            raise RecordError(f"version {name} has no record file (published: {known})")
        return load_record(path)
    return load_record(Path(name))


# ----------------------------------------------------------------------------- diffs


@dataclass(frozen=True)
class FieldChange:
    """One field of one id, before and after."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Entry:
    """An id of a catalog, and (for a changed id) its changed fields."""

    kind: str
    id: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Diff:
    """What changed from the ``old`` record to the ``new`` one, each list sorted by id."""

    old: Mapping[str, str]
    new: Mapping[str, str]
    added: tuple[Entry, ...]
    retired: tuple[Entry, ...]
    changed: tuple[Entry, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.retired or self.changed)

    def ids(self) -> dict[str, list[str]]:
        """The ids of each list: ``{"added": [...], "retired": [...], "changed": [...]}``."""
        return {
            "added": [e.id for e in self.added],
            "retired": [e.id for e in self.retired],
            "changed": [e.id for e in self.changed],
        }


def _order(entry: Entry) -> tuple[str, int]:
    return entry.id, KINDS.index(entry.kind)


def diff(old: JSON, new: JSON) -> Diff:
    """Every id added, retired or changed from ``old`` to ``new`` (two checked records)."""
    added: list[Entry] = []
    retired: list[Entry] = []
    changed: list[Entry] = []
    for kind in KINDS:
        before, after = old[kind], new[kind]
        added += [Entry(kind, i) for i in after.keys() - before.keys()]
        retired += [Entry(kind, i) for i in before.keys() - after.keys()]
        for identifier in before.keys() & after.keys():
            changes = tuple(
                FieldChange(name, before[identifier][name], after[identifier][name])
                for name in FIELDS[kind]
                if before[identifier][name] != after[identifier][name]
            )
            if changes:
                changed.append(Entry(kind, identifier, changes))
    return Diff(
        old=dict(old["spec"]),
        new=dict(new["spec"]),
        added=tuple(sorted(added, key=_order)),
        retired=tuple(sorted(retired, key=_order)),
        changed=tuple(sorted(changed, key=_order)),
    )


def diff_json(result: Diff) -> JSON:
    """A diff as a JSON document (values in their exact JSON form)."""

    def entry(e: Entry) -> JSON:
        return {"kind": SINGULAR[e.kind], "id": e.id}

    return {
        "old": dict(result.old),
        "new": dict(result.new),
        "added": [entry(e) for e in result.added],
        "retired": [entry(e) for e in result.retired],
        "changed": [
            {
                **entry(e),
                "fields": [
                    {"field": c.field, "before": c.before, "after": c.after} for c in e.changes
                ],
            }
            for e in result.changed
        ],
    }


def render_json(result: Diff) -> str:
    return json.dumps(diff_json(result), indent=2, ensure_ascii=False) + "\n"


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, int):
        return format_grouped(value)
    return " ".join(str(value).split())


def _in(unit: str) -> str:
    return "" if unit in {"", "1"} else f" in {unit}"


def _short(revision: str) -> str:
    return revision[:12] if _HEX40.match(revision) else revision


def _title(result: Diff) -> str:
    old, new = result.old, result.new
    return (
        f"{new['name']}: {old['version']} (commit {_short(old['revision'])}) → "
        f"{new['version']} (commit {_short(new['revision'])})"
    )


def render_text(result: Diff) -> str:
    lines = [_title(result), ""]
    for title, entries in (("Added", result.added), ("Retired", result.retired)):
        lines.append(f"{title} ({len(entries)})")
        lines += [f"  {SINGULAR[e.kind]:<11} {e.id}" for e in entries]
        lines.append("")
    lines.append(f"Changed ({len(result.changed)})")
    for e in result.changed:
        lines.append(f"  {SINGULAR[e.kind]:<11} {e.id}: {', '.join(c.field for c in e.changes)}")
        for c in e.changes:
            lines.append(f"      {c.field} was: {_shown(c.before)}")
            lines.append(f"      {c.field} now: {_shown(c.after)}")
    if result.empty:
        lines += ["", "No id was added, retired or changed."]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def render_markdown(
    result: Diff,
    heading: int = 2,
    link: Mapping[str, str] | None = None,
    anchors: str | None = None,
) -> str:
    """A diff in Markdown, its sections at heading level ``heading``; ``link`` maps an id to
    the URL of its anchor (ids without one are shown unlinked); with ``anchors``, the sections'
    anchors are ``<anchors>-added``, ``-retired`` and ``-changed``."""
    marks = "#" * heading
    links = link or {}

    def section(title: str, count: int) -> str:
        anchor = f" {{#{anchors}-{title.lower()}}}" if anchors else ""
        return f"{marks} {title} ({count}){anchor}"

    def name(e: Entry) -> str:
        shown = f"`{e.id}`"
        return f"[{shown}]({links[e.id]})" if e.id in links else shown

    out = [f"{_md(_title(result))}.", ""]
    for title, entries in (("Added", result.added), ("Retired", result.retired)):
        out += [section(title, len(entries)), ""]
        if entries:
            out += ["| id | kind |", "|---|---|"]
            out += [f"| {name(e)} | {SINGULAR[e.kind]} |" for e in entries]
        else:
            out.append("None.")
        out.append("")
    out += [section("Changed", len(result.changed)), ""]
    # A list, not a table: a statement reads as prose, and a formula is code (it scrolls in its
    # own box instead of widening a table past the page).
    for e in result.changed:
        fields = ", ".join(c.field for c in e.changes)
        out += [f"- {name(e)} ({SINGULAR[e.kind]}): {fields}", ""]
        for c in e.changes:
            if c.field in CODE_FIELDS:
                out += [
                    "    ```text",
                    f"    {c.field} was: {_shown(c.before)}",
                    f"    {c.field} now: {_shown(c.after)}",
                    "    ```",
                    "",
                ]
            else:
                out += [
                    f"    {c.field} was: {_md(_shown(c.before))}  ",
                    f"    {c.field} now: {_md(_shown(c.after))}",
                    "",
                ]
    if not result.changed:
        out.append("None.")
    return "\n".join(out).rstrip("\n") + "\n"


#: The fields a Markdown diff shows as code: SymPy's forms of formulas.
CODE_FIELDS: Final = frozenset({"formula"})


def _links() -> dict[str, str]:
    """Each id of today's catalogs to its anchor, from a page of the site."""
    links: dict[str, str] = {}
    for kind, ids in (
        ("parameters", pm.BY_ID),
        ("derivations", dv.BY_ID),
        ("invariants", inv.BY_ID),
    ):
        links.update({i: page_link(PAGES[kind], i) for i in ids})
    return links


def release_changes(version: str, folder: Path = RELEASES_DIR, heading: int = 4) -> str | None:
    """The Markdown diff of ``version``'s record from the previous published one (None for the
    first published version), ids that are still in the catalogs linked to their anchors: what
    the changelog page shows under each release (section anchors ``v<version>-added`` …)."""
    versions = published_versions(folder)
    if version not in versions or versions.index(version) == 0:
        return None
    previous = versions[versions.index(version) - 1]
    result = diff(load_record(folder / f"{previous}.json"), load_record(folder / f"{version}.json"))
    return render_markdown(result, heading=heading, link=_links(), anchors=f"v{version}")


def unreleased_changes(folder: Path = RELEASES_DIR, heading: int = 4) -> str | None:
    """The Markdown diff of this source from the newest published record (None when none is):
    what the changelog page shows under *Unreleased* (anchors ``unreleased-added`` …)."""
    versions = published_versions(folder)
    if not versions:
        return None
    result = diff(load_record(folder / f"{versions[-1]}.json"), record_file())
    return render_markdown(result, heading=heading, link=_links(), anchors="unreleased")


# ----------------------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citation:
    """How to cite one id of this version of the specification."""

    id: str
    kind: str
    statement: str
    value: int | str | None
    unit: str
    readable: str | None
    exact: str | None
    version: str
    revision: str
    url: str

    def as_json(self) -> JSON:
        return {
            "id": self.id,
            "kind": self.kind,
            "statement": self.statement,
            "value": self.value,
            "unit": self.unit,
            "readable": self.readable,
            "exact": self.exact,
            "version": self.version,
            "revision": self.revision,
            "url": self.url,
        }

    def _value_text(self) -> str:
        if self.value is None:
            return ""
        if self.readable is None:  # a formula of free variables
            return f" = {_shown(self.value)}{_in(self.unit)}"
        if self.exact is None or self.exact == self.readable:
            return f" = {self.readable}"
        return f" = {self.readable} (exactly {self.exact})"

    def text(self) -> str:
        return (
            f'{self.id} ({self.kind}): "{self.statement}"{self._value_text()}; '
            f"Assembly tokenomics specification v{self.version}, commit {self.revision}; "
            f"{self.url}"
        )

    def markdown(self) -> str:
        return (
            f"[`{self.id}`]({self.url}) ({self.kind}): “{_md(self.statement)}”"
            f"{_md(self._value_text())}; Assembly tokenomics specification v{self.version}, "
            f"commit `{self.revision}`"
        )


class UnknownId(RecordError):
    """No parameter, derivation or invariant has this id."""


def site_base(environ: Mapping[str, str] | None = None, version: str | None = None) -> str:
    """The URL a version's pages are under: ``ASMB_SITE_URL<version>/`` as ``make publish``
    lays versions out (``spec.publish.publish``), or mkdocs' default address (an unversioned
    local build) when ``ASMB_SITE_URL`` is not set."""
    env = os.environ if environ is None else environ
    base = env.get("ASMB_SITE_URL", "")
    if not base:
        return DEFAULT_SITE_URL
    base = base if base.endswith("/") else base + "/"
    if env.get("ASMB_SITE_VERSIONED") == "1":
        return base  # inside `make publish`'s build: the version is already in the URL
    return f"{base}{version or __version__}/"


def citation(identifier: str, environ: Mapping[str, str] | None = None) -> Citation:
    """The citation of a parameter, derivation or invariant of this source, or
    :class:`UnknownId` (naming the closest ids)."""
    value: Any = None
    unit = ""
    if identifier in pm.BY_ID:
        kind, parameter = "parameters", pm.get(identifier)
        statement, value, unit = parameter.description, parameter.value, parameter.unit
    elif identifier in dv.BY_ID:
        kind, derivation = "derivations", dv.get(identifier)
        statement, value, unit = derivation.meaning, derivation.evaluate(), derivation.unit
    elif identifier in inv.BY_ID:
        kind, statement = "invariants", inv.get(identifier).statement
    elif identifier in assumptions.BY_ID:
        kind, assumption = "assumptions", assumptions.get(identifier)
        statement, value, unit = assumption.description, assumption.default, assumption.unit
    else:
        known = [*pm.BY_ID, *dv.BY_ID, *inv.BY_ID, *assumptions.BY_ID]
        close = difflib.get_close_matches(identifier, known, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownId(
            f"{identifier[:80]!r} is no parameter, derivation, invariant or assumption{hint}"
        )
    shown = exact = None
    if value is not None:
        reading = readable.reading(value, unit)
        value = encode_value(value)
        if reading.latex is None:
            shown = reading.text
            exact = reading.exact  # None: the text is itself exact
    return Citation(
        id=identifier,
        kind=CITED_KINDS[kind],
        statement=" ".join(statement.split()),
        value=value,
        unit=unit,
        readable=shown,
        exact=exact,
        version=__version__,
        revision=source_revision(),
        url=f"{site_base(environ)}{CITED_PAGES[kind]}/#{identifier}",
    )


# ----------------------------------------------------------------------------- writing records

#: Runs :mod:`spec.release_record` against the registries of the checkout in the working folder.
_IN_TREE: Final = """\
import importlib.util, sys
tree, module_path, revision = sys.argv[1:4]
sys.path.insert(0, tree)
found = importlib.util.spec_from_file_location("asmb_release_record", module_path)
module = importlib.util.module_from_spec(found)
found.loader.exec_module(module)
sys.stdout.write(module.canonical(module.record_file(revision=revision)))
"""


def record_of_tree(tree: Path) -> JSON:
    """The record of the checkout at ``tree`` (another release's worktree), from its own source:
    :mod:`spec.release_record` runs in a fresh interpreter whose ``spec`` is ``tree``'s."""
    tree = tree.resolve()
    if not (tree / "spec" / "__init__.py").is_file():
        raise RecordError(f"{tree} holds no spec/ package")
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    done = subprocess.run(
        [sys.executable, "-c", _IN_TREE, str(tree), str(RECORD_MODULE), source_revision(tree)],
        cwd=tree,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RecordError(f"recording {tree} failed: {last}")
    return validate_record(parse_json(done.stdout))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spec.releases", description="Write a version's record file."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    record = commands.add_parser("record", help="the record of this source (or of --tree)")
    record.add_argument("--tree", type=Path, help="record the checkout at TREE instead")
    where = record.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, help="write the record here (default: stdout)")
    where.add_argument(
        "--release",
        action="store_true",
        help=f"write it as the published record of its version, {RELEASES_DIR.name}/<v>.json",
    )
    record.add_argument("--replace", action="store_true", help="rewrite a published record")
    record.add_argument(
        "--allow-changes", action="store_true", help="record a checkout with uncommitted changes"
    )
    args = parser.parse_args(argv)
    tree: Path = args.tree or REPO
    try:
        if args.release and not args.allow_changes and local_changes(tree):
            raise RecordError(
                f"{tree} has uncommitted changes: a record names its commit "
                "(commit first, or pass --allow-changes)"
            )
        document = record_of_tree(tree) if args.tree else record_file()
        text = canonical(document)
        out: Path | None = args.out
        if args.release:
            out = RELEASES_DIR / f"{document['spec']['version']}.json"
            if out.exists() and not args.replace:
                raise RecordError(f"{out} exists: a published record is not rewritten")
            out.parent.mkdir(parents=True, exist_ok=True)
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomically(out, text)
            print(f"wrote {out}", file=sys.stderr)
    except (RecordError, JsonInputError, OSError) as error:
        print(f"python -m spec.releases: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
