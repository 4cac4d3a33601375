"""Publishing the site so that it can be cited: the version in every page, versioned URLs.

Two uses:

* ``mkdocs.yml`` names this file under ``hooks:``. :func:`on_config` puts the specification's
  version (``spec.__version__``) and the source commit into ``extra.spec``; the theme override
  ``docs/overrides/partials/copyright.html`` prints them in every page's footer.
* ``python -m spec.publish OUT --site-url URL`` (``make publish``) builds the site into
  ``OUT/<version>/``, its canonical links and sitemap under ``URL<version>/``, and then rewrites
  the files at the top of ``OUT`` from the versions found there: ``versions.json`` (newest
  first, the newest with the alias ``latest``, in the form Material's version selector reads),
  ``index.html`` (a redirect to the newest version that also lists them all), ``sitemap.xml``
  (an index of the versions' sitemaps) and ``404.html``. Versions published earlier stay as they
  are, so a cited URL keeps its content; publishing a version again, or from a working tree
  with uncommitted changes, is refused unless asked for.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
HEX40 = re.compile(r"^[0-9a-f]{40}$")
LATEST = "latest"

# ----------------------------------------------------------------------------- the source


def _git_dir(repo: Path) -> Path | None:
    dot_git = repo / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
        text = dot_git.read_text(encoding="utf-8").strip()
        if text.startswith("gitdir:"):
            return (repo / text.removeprefix("gitdir:").strip()).resolve()
    return None


def _read_ref(git_dir: Path, ref: str) -> str | None:
    common = git_dir
    if (git_dir / "commondir").is_file():
        common = (git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()).resolve()
    for folder in (git_dir, common):
        loose = folder / ref
        if loose.is_file():
            value = loose.read_text(encoding="utf-8").strip()
            return value if HEX40.match(value) else None
    packed = common / "packed-refs"
    if packed.is_file():
        for line in packed.read_text(encoding="utf-8").splitlines():
            value, _, name = line.partition(" ")
            if name == ref and HEX40.match(value):
                return value
    return None


def source_revision(repo: Path = REPO) -> str:
    """The commit the source is checked out at (40 hex digits), or ``unknown`` outside a checkout.

    Read from the repository's files, so that it is the same whether or not a ``git`` program
    is on the ``PATH`` (the site's test build runs without one); ``git rev-parse`` is asked only
    when the files do not say (a repository format this reader does not know).
    """
    git_dir = _git_dir(repo)
    if git_dir is None:
        return "unknown"
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
        if HEX40.match(head):
            return head
        if head.startswith("ref:"):
            found = _read_ref(git_dir, head.removeprefix("ref:").strip())
            if found is not None:
                return found
    except (OSError, UnicodeDecodeError):
        pass
    output = _git(repo, "rev-parse", "HEAD")
    revision = (output or "").strip()
    return revision if HEX40.match(revision) else "unknown"


def _git(repo: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def local_changes(repo: Path = REPO) -> bool | None:
    """Whether the working tree differs from its commit (``None`` when no ``git`` can tell)."""
    if _git_dir(repo) is None:
        return None
    output = _git(repo, "status", "--porcelain")
    return None if output is None else output.strip() != ""


# ----------------------------------------------------------------------------- the mkdocs hook


def on_config(config: Any) -> Any:
    """The mkdocs hook: the version and commit for the footer, from the code, never typed."""
    from spec import __version__

    revision = source_revision()
    config.extra["spec"] = {
        "version": __version__,
        "revision": revision,
        "short": revision[:12] if HEX40.match(revision) else revision,
        "changes": local_changes(),
    }
    if os.environ.get("ASMB_SITE_VERSIONED") == "1":
        # Built by publish(): Material's version selector reads ../versions.json.
        config.extra["version"] = {"provider": "mike", "default": LATEST}
    return config


# ----------------------------------------------------------------------------- publishing


def version_key(name: str) -> tuple[int, int, int]:
    match = VERSION.match(name)
    if match is None:
        raise ValueError(f"{name!r} is not a version MAJOR.MINOR.PATCH")
    major, minor, patch = match.groups()
    return int(major), int(minor), int(patch)


def published_versions(out: Path) -> list[str]:
    """The versions built into ``out``, newest first."""
    found = [
        p.name for p in out.iterdir() if VERSION.match(p.name) and (p / "index.html").is_file()
    ]
    return sorted(found, key=version_key, reverse=True)


def _base(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def write_index(out: Path, site_url: str) -> list[str]:
    """Rewrite the top of ``out`` from the versions built there; return them, newest first."""
    versions = published_versions(out)
    if not versions:
        raise ValueError(f"{out}: no version has been built here")
    base, newest = _base(site_url), versions[0]
    entries = [
        {"version": v, "title": v, "aliases": [LATEST] if v == newest else []} for v in versions
    ]
    (out / "versions.json").write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    items = "\n".join(
        f'      <li><a href="{v}/">{v}</a>{" (latest)" if v == newest else ""}</li>'
        for v in versions
    )
    (out / "index.html").write_text(
        "<!doctype html>\n"
        '<html lang="en">\n  <head>\n    <meta charset="utf-8">\n'
        "    <title>Assembly tokenomics specification</title>\n"
        f'    <meta http-equiv="refresh" content="0; url={newest}/">\n'
        f'    <link rel="canonical" href="{html.escape(base + newest + "/")}">\n'
        "  </head>\n  <body>\n"
        f'    <p>The latest version is <a href="{newest}/">{newest}</a>. Every version:</p>\n'
        f"    <ul>\n{items}\n    </ul>\n  </body>\n</html>\n",
        encoding="utf-8",
    )
    sitemaps = "\n".join(
        f"  <sitemap><loc>{html.escape(base + v)}/sitemap.xml</loc></sitemap>"
        for v in versions
        if (out / v / "sitemap.xml").is_file()
    )
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{sitemaps}\n</sitemapindex>\n",
        encoding="utf-8",
    )
    if (out / newest / "404.html").is_file():
        # Its links are site-absolute (under /<newest>/), so it serves any missing path.
        shutil.copyfile(out / newest / "404.html", out / "404.html")
    return versions


Build = Callable[[Path, dict[str, str]], None]


def mkdocs_build(target: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed (exit status {done.returncode})")


def publish(
    out: Path,
    site_url: str,
    *,
    version: str | None = None,
    replace: bool = False,
    allow_changes: bool = False,
    build: Build = mkdocs_build,
) -> Path:
    """Build this version of the site into ``out/<version>/`` and rewrite the top of ``out``."""
    from spec import __version__

    version = version or __version__
    version_key(version)
    if not re.match(r"^https?://[^/]+", site_url):
        raise ValueError(f"--site-url {site_url!r}: give the address it is served at, https://…")
    if not allow_changes and local_changes():
        raise ValueError(
            "the working tree has uncommitted changes: a published version is cited by its "
            "commit (commit first, or pass --allow-changes)"
        )
    target = out / version
    if target.exists() and not replace:
        raise ValueError(
            f"{target} exists: version {version} is published, and its URLs are cited; "
            "bump spec.__version__ (or pass --replace)"
        )
    out.mkdir(parents=True, exist_ok=True)
    # Built beside its place and moved there whole: a failed build leaves no half version.
    building = out / f".{version}.building"
    shutil.rmtree(building, ignore_errors=True)
    try:
        build(
            building, {"ASMB_SITE_URL": _base(site_url) + version + "/", "ASMB_SITE_VERSIONED": "1"}
        )
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    if target.exists():
        shutil.rmtree(target)
    building.rename(target)
    write_index(out, site_url)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spec.publish", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("out", type=Path, help="the published tree (one folder per version)")
    parser.add_argument("--site-url", required=True, help="where OUT is served, https://…/")
    parser.add_argument("--replace", action="store_true", help="rebuild a published version")
    parser.add_argument(
        "--allow-changes", action="store_true", help="publish from uncommitted changes"
    )
    args = parser.parse_args(argv)
    try:
        target = publish(
            args.out, args.site_url, replace=args.replace, allow_changes=args.allow_changes
        )
    except (ValueError, RuntimeError) as error:
        print(f"publish: {error}", file=sys.stderr)
        return 2
    print(f"published {target} (versions: {', '.join(published_versions(args.out))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
