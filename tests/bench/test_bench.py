"""The benchmark suite itself: every workload runs, its baseline checks pass, its report renders.

Nothing here is timed or compares times (speed lives in ``make bench``): the workloads run at
the tiny scale so that every code path of the suite -- including each baseline's check of the
contract against its naive oracle -- runs in ``make test``, and the published results are held
to the targets they claim.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from contracts.iota.voting_power import compute_voting_power
from contracts.transaction import atomicity_checks
from tests.bench import author, floors, iota, postlaunch, prelaunch, report, root_chain
from tests.bench.__main__ import machine, missed
from tests.bench.harness import FLAT, FLOOR, JSON, TINY, Sample, curve, memory_per_unit, versus

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
    with atomicity_checks(False):
        authored = author.run(TINY, docs=False)
    return {
        "scale": "tiny",
        "date": "2026-01-01",
        "commit": None,
        "python": "CPython",
        "machine": "test",
        "machineDetails": machine(),
        "flatWithin": FLAT,
        "floorWithin": FLOOR,
        "workloads": workloads,
        "author": authored,
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
    # every floor ran beside its contract, and its results were checked equal first
    assert workload["floors"]
    for found in workload["floors"]:
        assert found["ratio"] > 0 and found["samples"] > 0
        assert "equal to the floor's" in found["checked"]
    assert any("of its floor" in t["name"] for t in workload["targets"])
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


def test_versus_judges_the_ratio_of_normalized_medians() -> None:
    """A contract three times its floor's cost is 3.0, however slow the machine was for a
    while, as long as the reference loop slowed with it."""
    contract = [Sample(3.0, 10, 1.0)] * 4 + [Sample(6.0, 10, 2.0)]
    floor = [Sample(1.0, 10, 1.0)] * 5
    found = versus("w", "event", {"contract": contract, "floor": floor}, "checked")
    assert found["ratio"] == 3.0
    assert found["contractMicroseconds"] == 3 * found["floorMicroseconds"]


def test_the_voting_power_floor_is_the_contracts_arithmetic() -> None:
    """The floor's voting power (no invariant check, a sort for the insertion) gives what
    ``compute_voting_power`` gives, ties included (``voting_power.move``, set_voting_power)."""
    rng = random.Random(3)
    for _ in range(200):
        members = rng.randint(1, 40)
        committee = [
            (f"v{k}", rng.choice([1, 2, 5, rng.randint(1, 10**9)])) for k in range(members)
        ]
        assert floors.voting_power(committee) == compute_voting_power(committee)


def test_the_monotonicity_check_is_the_pairwise_definition() -> None:
    """``check_voting_power``'s O(n log n) pass (contracts/iota/voting_power.py, ``_monotone``)
    finds a violation exactly when some member has more stake but less power than another,
    the framework's pairwise ``check_invariants`` (``voting_power.move``)."""
    from contracts.iota.voting_power import _monotone

    rng = random.Random(7)
    outcomes = set()
    for _ in range(2_000):
        committee = [(f"v{k}", rng.choice([1, 2, 3, rng.randint(1, 100)])) for k in range(12)]
        powers = {member: rng.randint(1, 30) for member, _ in committee}
        if rng.random() < 0.5:  # powers in stake order: monotone unless a tie is broken badly
            ranked = sorted(committee, key=lambda m: m[1], reverse=True)
            values = sorted(powers.values(), reverse=True)
            powers = {member: value for (member, _), value in zip(ranked, values, strict=True)}
        pairwise = all(
            not (stake_a > stake_b and powers[a] < powers[b])
            for a, stake_a in committee
            for b, stake_b in committee
        )
        assert _monotone(committee, powers) == pairwise
        outcomes.add(pairwise)
    assert outcomes == {True, False}


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


def test_the_page_shows_ratios_machine_and_waits(tiny_results: JSON, tmp_path: Path) -> None:
    path = tmp_path / "bench-results.json"
    path.write_text(json.dumps(tiny_results), encoding="utf-8")
    text = report.page(path, site="0" * 40)
    for workload in tiny_results["workloads"].values():
        for found in workload["floors"]:
            assert f"| {found['name']} (per {found['unit']}" in text
            assert f"**{found['ratio']}**" in text
    assert "## Against the naive baselines" in text and "stake once and wait" in text
    assert f"{tiny_results['author']['whatif']['reportCpuSeconds']} s" in text
    assert f"{tiny_results['machineDetails']['cores']} cores" in text
    assert "Traceback" not in text


def _with_commit(results: JSON, commit: str | None, full: str | None) -> JSON:
    changed: JSON = json.loads(json.dumps(results))
    changed["commit"], changed["fullCommit"] = commit, full
    return changed


def test_a_run_of_another_commit_is_flagged(tiny_results: JSON, tmp_path: Path) -> None:
    site, other = "a" * 40, "b" * 40
    path = tmp_path / "bench-results.json"
    path.write_text(json.dumps(_with_commit(tiny_results, "bbbbbbb", other)), encoding="utf-8")
    text = report.page(path, site=site)
    assert '!!! warning "The published run is older than the site"' in text
    assert "`bbbbbbb`" in text and "`aaaaaaa`" in text


def test_a_run_of_the_sites_commit_is_not_flagged(tiny_results: JSON, tmp_path: Path) -> None:
    site = "c" * 40
    path = tmp_path / "bench-results.json"
    path.write_text(json.dumps(_with_commit(tiny_results, "ccccccc", site)), encoding="utf-8")
    assert "!!! warning" not in report.page(path, site=site)
    # a run recorded only by its short commit (the earlier format) is matched by prefix
    path.write_text(json.dumps(_with_commit(tiny_results, "ccccccc", None)), encoding="utf-8")
    assert "!!! warning" not in report.page(path, site=site)
    # the same commit with uncommitted changes is flagged
    path.write_text(
        json.dumps(_with_commit(tiny_results, "ccccccc+changes", site)), encoding="utf-8"
    )
    assert "uncommitted changes" in report.page(path, site=site)
