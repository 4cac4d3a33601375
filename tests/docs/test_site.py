"""The published site builds offline and every in-site link resolves, anchors included."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag, urlparse

HREF = re.compile(r'href="([^"]+)"')
ID = re.compile(r'\bid="([^"]+)"')


def _pages(site: Path) -> list[Path]:
    # 404.html uses site-absolute links by design (it is served for any missing path).
    return sorted(
        p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"
    )


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    ids = {page: set(ID.findall(page.read_text(encoding="utf-8"))) for page in _pages(site)}
    broken: list[str] = []
    for page, anchors in ids.items():
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            parsed = urlparse(href)
            if parsed.scheme or href.startswith(("//", "mailto:")):
                continue
            path, fragment = urldefrag(href)
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if path and not target.exists():
                broken.append(f"{page.name}: {href}")
                continue
            if fragment and target.suffix == ".html":
                target_ids = ids.get(target, anchors if target == page else set())
                if fragment not in target_ids:
                    broken.append(f"{page.name}: {href}")
    assert broken == []


def test_parameter_and_invariant_ids_have_stable_anchors(site: Path) -> None:
    from spec import invariants, parameters

    params = (site / "parameters" / "index.html").read_text(encoding="utf-8")
    for parameter in parameters.PARAMETERS:
        assert f'id="{parameter.id}"' in params, parameter.id
    catalog = (site / "invariants" / "index.html").read_text(encoding="utf-8")
    for invariant in invariants.INVARIANTS:
        assert f'id="{invariant.id}"' in catalog, invariant.id


def test_no_page_fetches_anything_from_outside(site: Path) -> None:
    """Offline: no script, stylesheet, font or image is loaded from another host."""
    # A canonical link names the page's published address; the browser does not fetch it.
    loaded = re.compile(
        r'<(?:script|link|img)(?![^>]*\brel="canonical")[^>]+(?:src|href)="(https?:)?//',
        re.IGNORECASE,
    )
    for page in _pages(site):
        assert not loaded.search(page.read_text(encoding="utf-8")), page.name
