"""The benchmark suite itself: every workload runs, its baseline checks pass, its report renders.

Nothing here is timed or compares times (speed lives in ``make bench``): the workloads run at
the tiny scale so that every code path of the suite -- including each baseline's check of the
contract against its naive oracle -- runs in ``make test``, and the published results are held
to the targets they claim.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from contracts.transaction import atomicity_checks
from tests.bench import iota, postlaunch, prelaunch, report, root_chain
from tests.bench.__main__ import missed
from tests.bench.harness import FLAT, JSON, TINY, Sample, curve, memory_per_unit

WORKLOADS: dict[str, Callable[..., JSON]] = {
    "postlaunch": postlaunch.run,
    "prelaunch": prelaunch.run,
    "rootchain": root_chain.run,
    "iota": iota.run,
}


# The benchmarks count the contracts' own Python calls: the per-call atomicity self-check of the
# test suite would be counted with them, so it is off here (``make bench`` never turns it on).
pytestmark = pytest.mark.large_state


@pytest.fixture(scope="module")
def tiny_results() -> JSON:
    workloads = {}
    for name, run in WORKLOADS.items():
        with atomicity_checks(False):
            result = run(TINY)
        result["wallSeconds"] = 0.0
        result["peakRssBytes"] = 0
        workloads[name] = result
    return {
        "scale": "tiny",
        "date": "2026-01-01",
        "commit": None,
        "python": "CPython",
        "machine": "test",
        "flatWithin": FLAT,
        "workloads": workloads,
    }


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_every_workload_runs_and_checks_its_baseline(tiny_results: JSON, name: str) -> None:
    workload = tiny_results["workloads"][name]
    for found in workload["curves"]:
        sizes = [r["size"] for r in found["rows"]]
        assert len(sizes) == 3
        assert sizes == sorted(sizes)
        assert all(r["samples"] > 0 and r["events"] > 0 for r in found["rows"])
    assert workload["baseline"]["speedup"] > 0
    assert "checked" in workload["baseline"]
    assert len(workload["memory"]["runs"]) == 3
    assert workload["targets"]


def test_work_per_operation_does_not_move_with_the_population(tiny_results: JSON) -> None:
    """The call counts are exact, not timed: flat even at the tiny scale."""
    holders = tiny_results["workloads"]["postlaunch"]["curves"][1]
    epochs = tiny_results["workloads"]["rootchain"]["curves"][0]
    assert holders["callsRatio"] <= FLAT
    assert epochs["callsRatio"] <= FLAT


def test_curve_judges_the_normalized_median() -> None:
    """A machine twice as slow for one sample changes the measured cost, not the judged one."""
    steady = [Sample(1.0, 10, 1.0)] * 5
    slowed = [Sample(1.0, 10, 1.0)] * 4 + [Sample(2.0, 10, 2.0)]
    grown = [Sample(3.0, 10, 1.0)] * 5
    flat = curve("c", "event", "size", [1, 10], [steady, slowed])
    assert flat["flatRatio"] == 1.0
    assert curve("c", "event", "size", [1, 10], [steady, grown])["flatRatio"] == 3.0


def test_memory_is_judged_by_the_marginal_bytes() -> None:
    """A fixed part of the state cancels; only the bytes per unit are compared."""
    fixed = bytearray(1_000_000)
    measured = memory_per_unit("unit", [10, 100, 1000], lambda n: [fixed, bytearray(n * 100)])
    assert measured["marginalBytesPerUnit"][0] == pytest.approx(100, rel=0.1)
    assert measured["ratio"] <= FLAT


def test_scaled_targets_are_enforced_only_at_full_scale(tiny_results: JSON) -> None:
    results = json.loads(json.dumps(tiny_results))
    for workload in results["workloads"].values():
        for t in workload["targets"]:
            t["met"] = True
    scaled = next(
        t for w in results["workloads"].values() for t in w["targets"] if t["fullScaleOnly"]
    )
    scaled["met"] = False
    assert missed(results) == []
    results["scale"] = "full"
    assert missed(results) == [scaled["name"]]


def test_the_page_renders_every_workload(tiny_results: JSON, tmp_path: Path) -> None:
    path = tmp_path / "bench-results.json"
    path.write_text(json.dumps(tiny_results), encoding="utf-8")
    text = report.page(path)
    for workload in tiny_results["workloads"].values():
        assert f"## {workload['title']}" in text
        for found in workload["curves"]:
            assert f"### {found['name']}" in text
    assert "tiny scale" in text
    assert report.plot(path).startswith("<svg")
    assert report.holders_plot(path).startswith("<svg")


def test_published_results_hold_the_o1_targets() -> None:
    """The site's figures come from a full-scale run whose every O(1) verdict held.

    Flat costs, flat calls and constant state per unit are met in that run; the targets stated
    for the full sizes (absolute times, speed-ups) are shown on the page, met or missed.
    """
    results = json.loads(report.PUBLISHED.read_text(encoding="utf-8"))
    assert results["scale"] == "full"
    assert set(results["workloads"]) == set(WORKLOADS)
    targets = [t for w in results["workloads"].values() for t in w["targets"]]
    assert all(t["met"] for t in targets if not t["fullScaleOnly"])
    page = report.page(report.PUBLISHED)
    for t in targets:
        if not t["met"]:
            assert f"| {t['name']} | {t['measured']} |" in page and "**missed**" in page
