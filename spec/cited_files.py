"""The sources the site publishes beside its pages, so that every citation is a link.

The three seed documents and the participation-event files the specification cites are published
under ``sources/`` (:data:`spec.sources.SITE_DIR`): the JSON files byte for byte, the seeds as
they are after a UTF-8 byte-order mark (a server that names no charset for a ``.txt`` file would
otherwise have browsers read it as Windows-1252), the fixtures' README as a page of its own.
:func:`published_files` says what goes where; :func:`on_files` is the MkDocs hook (``hooks:`` in
``mkdocs.yml``) that adds them to the build, so the site carries no second copy of them in
``docs/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spec.sources import PARTICIPATION_EVENTS_DIR, SEED_DOCUMENTS, SEEDS_DIR, SITE_DIR

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

#: The validated vote results, kept with the tests' fixtures (the staking results are too large
#: to publish and are cited nowhere).
VOTE_RESULTS_DIR = (
    Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "participation-events"
)
VOTE_RESULTS = ("results/vote/governance_01.json", "results/vote/shimmer_funding.json")

#: Marks a published text file as UTF-8 for any browser.
BOM = "\ufeff"


def published_files() -> dict[str, Path]:
    """Every published source: its path on the site (from the root) -> the file it copies."""
    files = {f"{SITE_DIR}/seeds/{name}": SEEDS_DIR / name for name in SEED_DOCUMENTS}
    for path in sorted(PARTICIPATION_EVENTS_DIR.rglob("*")):
        if path.is_file():
            relative = path.relative_to(PARTICIPATION_EVENTS_DIR).as_posix()
            files[f"{SITE_DIR}/participation-events/{relative}"] = path
    for relative in VOTE_RESULTS:
        path = VOTE_RESULTS_DIR / relative
        if path.is_file():  # a copy of spec/ and docs/ alone builds without them
            files[f"{SITE_DIR}/participation-events/{relative}"] = path
    return files


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """MkDocs hook: add the published sources to the site (the README as a page not in nav)."""
    from mkdocs.structure.files import File, InclusionLevel

    for site_path, source in published_files().items():
        if source.suffix == ".txt":
            text = BOM + source.read_text(encoding="utf-8")
            files.append(File.generated(config, site_path, content=text.encode("utf-8")))
            continue
        inclusion = (
            InclusionLevel.NOT_IN_NAV if source.suffix == ".md" else InclusionLevel.UNDEFINED
        )
        files.append(
            File.generated(config, site_path, abs_src_path=str(source), inclusion=inclusion)
        )
    return files
