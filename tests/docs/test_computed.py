"""The site's figures are computed: change a parameter, rebuild, and the new figure appears.

A copy of the site's sources and of ``spec/``, with one parameter changed (a 640-day post-launch
schedule instead of 639), is built from its own folder, so that its ``spec`` is the one imported;
the post-launch page must then derive the daily payout of 14 B over 640 days (21,875,000 ASMB),
while still quoting the seed's 21,909,233.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.docs.conftest import REPO, build_site


def test_changing_a_parameter_changes_the_page(tmp_path: Path) -> None:
    patched = tmp_path / "patched"
    for folder in ("spec", "docs"):
        shutil.copytree(REPO / folder, patched / folder)
    for name in ("mkdocs.yml", "CHANGELOG.md"):
        shutil.copy(REPO / name, patched / name)
    source = patched / "spec" / "programs" / "postlaunch.py"
    text = source.read_text(encoding="utf-8")
    marker = '"POSTLAUNCH_DAYS",\n        rational(639),'
    assert marker in text
    source.write_text(
        text.replace(marker, '"POSTLAUNCH_DAYS",\n        rational(640),'), encoding="utf-8"
    )
    site = build_site(tmp_path / "site", repo=patched)
    page = (site / "postlaunch" / "index.html").read_text(encoding="utf-8")
    # ⌊14 · 10^15 / 640⌋ µASMB = 21,875,000 ASMB a day; the seed's own figure is still quoted.
    assert "gives 21,875,000 whole ASMB a day" in page
    assert "gives 21,909,233 whole ASMB a day" not in page
    assert "the seed says 21,909,233" in page


def test_charts_are_reproducible() -> None:
    from spec import plots

    for chart in (
        plots.asmb_supply,
        plots.prelaunch_issued_vs_staked,
        plots.postlaunch_daily_vs_d1,
        plots.iotasrb_vs_staked,
        plots.shimmer_genesis,
    ):
        first, second = chart(), chart()
        assert first == second, chart.__name__
        assert first.startswith("<svg")
