"""The site can be cited: canonical URLs, a sitemap, the version and commit in every footer,
versioned publications, and a changelog whose releases are dated from the repository's history."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from spec import publish
from tests.docs.conftest import REPO

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs serve's address, the documented default
HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
RELEASED = re.compile(r"^(\d+)\.(\d+)\.(\d+) — (\d{4}-\d{2}-\d{2})$")
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
GIT = shutil.which("git")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _pages(site: Path) -> list[Path]:
    return sorted(
        p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"
    )


def _url_of(site: Path, page: Path, base: str) -> str:
    """The directory URL of a built page, from its place in the site (not from mkdocs)."""
    folder = page.parent.relative_to(site).as_posix()
    return base if folder == "." else f"{base}{folder}/"


def _version_in_source() -> str:
    text = (REPO / "spec" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    assert found is not None
    return found.group(1)


def _git(*args: str) -> str:
    assert GIT is not None
    done = subprocess.run(
        [GIT, *args], cwd=REPO, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


# ----------------------------------------------------------------------------- the changelog


def _released_headings() -> list[tuple[tuple[int, int, int], datetime.date]]:
    headings = HEADING.findall((REPO / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert headings[0] == "Unreleased", "the first section is the undated Unreleased one"
    released = []
    for heading in headings[1:]:
        match = RELEASED.match(heading)
        assert match is not None, f"## {heading}: a release is '## X.Y.Z — YYYY-MM-DD'"
        major, minor, patch, day = match.groups()
        released.append(((int(major), int(minor), int(patch)), datetime.date.fromisoformat(day)))
    return released


def test_every_released_version_is_dated_and_versions_decrease_down_the_file() -> None:
    released = _released_headings()
    assert len(released) >= 2
    versions = [version for version, _ in released]
    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)
    days = [day for _, day in released]
    assert days == sorted(days, reverse=True), "a later version is never dated earlier"
    newest = ".".join(str(n) for n in versions[0])
    assert newest == _version_in_source(), "the package's version is the newest release"


@pytest.mark.skipif(GIT is None, reason="no git program")
def test_each_release_is_dated_by_the_commit_that_set_its_version() -> None:
    if _git("rev-parse", "--is-shallow-repository") == "true":
        pytest.skip("a shallow clone does not hold the commits that set the versions")
    for (major, minor, patch), day in _released_headings():
        version = f"{major}.{minor}.{patch}"
        commits = _git(
            "log",
            "--reverse",
            "--format=%H %cs",
            f'-S__version__ = "{version}"',
            "--",
            "spec/__init__.py",
        ).splitlines()
        assert commits, f"no commit set version {version}"
        assert commits[0].split()[1] == day.isoformat(), version


def test_the_changelog_page_anchors_each_release_by_its_version(site: Path) -> None:
    page = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    for (major, minor, patch), day in _released_headings():
        version = f"{major}.{minor}.{patch}"
        assert re.search(
            rf'<h2 id="v{re.escape(version)}">Version {re.escape(version)} — {day.isoformat()}',
            page,
        ), version
    assert '<h2 id="unreleased">Unreleased' in page


# ----------------------------------------------------------------------------- canonical URLs


def test_every_page_has_its_canonical_url_and_the_sitemap_lists_them_all(site: Path) -> None:
    canonical = set()
    for page in _pages(site):
        found = CANONICAL.findall(page.read_text(encoding="utf-8"))
        assert found == [_url_of(site, page, DEFAULT_SITE_URL)], page
        canonical.add(found[0])
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<loc>([^<]+)</loc>", sitemap)) == canonical
    assert len(canonical) >= 15


def test_every_footer_names_the_spec_version_and_the_source_commit(site: Path) -> None:
    version = _version_in_source()
    commit = _git("rev-parse", "HEAD") if GIT is not None else None
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        footer = text[text.index('<footer class="md-footer">') :]
        assert re.search(rf'#v{re.escape(version)}">version {re.escape(version)}</a>', footer)
        if commit is not None:
            assert f'<code title="{commit}">{commit[:12]}</code>' in footer, page


# ----------------------------------------------------------------------------- the source commit


def _repo(tmp_path: Path, head: str) -> Path:
    git_dir = tmp_path / "repo" / ".git"
    git_dir.mkdir(parents=True)
    (git_dir / "HEAD").write_text(head + "\n", encoding="utf-8")
    return git_dir.parent


def test_the_commit_is_read_from_the_repository_files(tmp_path: Path) -> None:
    a, b = "a" * 40, "0123456789abcdef" * 2 + "01234567"
    detached = _repo(tmp_path / "1", a)
    assert publish.source_revision(detached) == a
    loose = _repo(tmp_path / "2", "ref: refs/heads/main")
    (loose / ".git" / "refs" / "heads").mkdir(parents=True)
    (loose / ".git" / "refs" / "heads" / "main").write_text(b + "\n", encoding="utf-8")
    assert publish.source_revision(loose) == b
    packed = _repo(tmp_path / "3", "ref: refs/heads/topic")
    (packed / ".git" / "packed-refs").write_text(
        f"# pack-refs with: peeled fully-peeled sorted\n{a} refs/heads/main\n"
        f"{b} refs/heads/topic\n",
        encoding="utf-8",
    )
    assert publish.source_revision(packed) == b
    # A worktree: .git is a file naming its folder, whose commondir holds the shared refs.
    worktree = tmp_path / "4" / "tree"
    worktree.mkdir(parents=True)
    common = packed / ".git"
    private = common / "worktrees" / "tree"
    private.mkdir(parents=True)
    (private / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (private / "commondir").write_text("../..\n", encoding="utf-8")
    (worktree / ".git").write_text(f"gitdir: {private}\n", encoding="utf-8")
    assert publish.source_revision(worktree) == a
    assert publish.source_revision(tmp_path / "nowhere") == "unknown"


@pytest.mark.skipif(GIT is None, reason="no git program")
def test_the_commit_is_the_same_without_a_git_program(monkeypatch: pytest.MonkeyPatch) -> None:
    head = _git("rev-parse", "HEAD")
    monkeypatch.setenv("PATH", "")
    assert publish.source_revision() == head


# ----------------------------------------------------------------------------- publishing

SITE_URL = "https://spec.example.org/asmb/"


def _fake_release(out: Path, version: str) -> None:
    """A version published earlier (its real build is not needed for the top-level files)."""
    (out / version).mkdir(parents=True)
    (out / version / "index.html").write_text("<!doctype html><title>old</title>\n", "utf-8")
    (out / version / "sitemap.xml").write_text("<urlset/>\n", "utf-8")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("published")
    _fake_release(out, "0.9.0")
    _fake_release(out, "0.2.0")
    publish.publish(out, SITE_URL, allow_changes=True)
    return out


def test_a_published_version_lives_under_its_version_with_canonical_urls_there(
    published: Path,
) -> None:
    version = _version_in_source()
    root = published / version
    base = f"{SITE_URL}{version}/"
    pages = _pages(root)
    assert len(pages) >= 15
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert CANONICAL.findall(text) == [_url_of(root, page, base)], page
        # The version selector is on: Material reads ../versions.json.
        assert '"version": {"default": "latest", "provider": "mike"}' in text, page
    locs = re.findall(r"<loc>([^<]+)</loc>", (root / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs
    assert all(loc.startswith(base) for loc in locs)


def test_the_top_of_the_published_tree_lists_the_versions_newest_first(published: Path) -> None:
    version = _version_in_source()
    entries = json.loads((published / "versions.json").read_text(encoding="utf-8"))
    # 0.10.0 is newer than 0.9.0: versions compare by number, not as text.
    expected = sorted({version, "0.9.0", "0.2.0"}, key=lambda v: [int(n) for n in v.split(".")])
    assert [e["version"] for e in entries] == expected[::-1]
    assert entries[0]["aliases"] == ["latest"]
    assert all(e["aliases"] == [] for e in entries[1:])
    index = (published / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={expected[-1]}/">' in index
    for v in expected:
        assert f'<a href="{v}/">{v}</a>' in index
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>([^<]+)</loc>", sitemap) == [
        f"{SITE_URL}{v}/sitemap.xml" for v in expected[::-1]
    ]
    assert (published / "404.html").read_bytes() == (published / version / "404.html").read_bytes()


def test_a_published_version_is_never_rebuilt_over(published: Path) -> None:
    before = (published / "versions.json").read_bytes()
    with pytest.raises(ValueError, match="is published"):
        publish.publish(published, SITE_URL, allow_changes=True)
    assert (published / "versions.json").read_bytes() == before


def test_publishing_from_uncommitted_changes_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Path] = []
    monkeypatch.setattr(publish, "local_changes", lambda repo=REPO: True)
    with pytest.raises(ValueError, match="uncommitted changes"):
        publish.publish(tmp_path, SITE_URL, build=lambda target, env: built.append(target))
    assert built == []
    with pytest.raises(ValueError, match="https"):
        publish.publish(tmp_path, "/asmb/", allow_changes=True, build=lambda t, e: None)


def test_the_build_is_asked_for_the_versioned_address_and_moved_into_place(tmp_path: Path) -> None:
    calls: list[dict[str, str]] = []

    def build(target: Path, env: dict[str, str]) -> None:
        calls.append(env)
        assert not (tmp_path / "1.2.3").exists(), "nothing is in place before the build ends"
        target.mkdir(parents=True)
        (target / "index.html").write_text("<!doctype html>\n", encoding="utf-8")

    publish.publish(
        tmp_path, "https://h.example/x", version="1.2.3", allow_changes=True, build=build
    )
    assert calls == [{"ASMB_SITE_URL": "https://h.example/x/1.2.3/", "ASMB_SITE_VERSIONED": "1"}]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "1.2.3",
        "index.html",
        "sitemap.xml",
        "versions.json",
    ]


def test_a_failed_build_leaves_nothing_behind(tmp_path: Path) -> None:
    def build(target: Path, env: dict[str, str]) -> None:
        target.mkdir(parents=True)
        (target / "index.html").write_text("half\n", encoding="utf-8")
        raise RuntimeError("mkdocs build failed")

    with pytest.raises(RuntimeError):
        publish.publish(tmp_path, SITE_URL, version="1.2.3", allow_changes=True, build=build)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt install chromium)")
def test_the_version_selector_lists_the_published_versions(published: Path) -> None:
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(published))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    version = _version_in_source()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            tab.goto(f"{base}/", wait_until="networkidle")
            landed = tab.url
            tab.goto(f"{base}/{version}/parameters/", wait_until="networkidle")
            tab.locator(".md-version__link").first.wait_for(state="attached", timeout=10_000)
            listed = tab.locator(".md-version__link").all_inner_texts()
            current = tab.locator(".md-version__current").inner_text()
            browser.close()
    finally:
        httpd.shutdown()
    assert landed == f"{base}/{version}/"
    assert [v.strip() for v in listed] == [version, "0.9.0", "0.2.0"]
    assert current.strip() == version
