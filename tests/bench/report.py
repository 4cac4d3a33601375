"""The benchmarks page: the latest results as tables and a scaling chart.

The figures come from ``bench-results.json`` when a ``make bench`` has written one in the
working tree, and otherwise from the published run, ``docs/data/bench-results.json``; the page
says which, at what scale, on what machine and at which commit. Nothing here measures anything.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from spec.plots import figure
from tests.bench.harness import FLAT, JSON

LOCAL = Path("bench-results.json")
PUBLISHED = Path("docs/data/bench-results.json")


def find() -> Path | None:
    """The local results if there are any, else the published ones, else none."""
    return next((p for p in (LOCAL, PUBLISHED) if p.exists()), None)


def load(path: Path) -> JSON:
    loaded: JSON = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _number(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def _bytes(value: float) -> str:
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if value >= size:
            return f"{value / size:.1f} {unit}"
    return f"{value:.0f} B"


def machine_text(results: JSON) -> str:
    """The machine the figures were taken on, as the run recorded it."""
    details = results.get("machineDetails")
    if not details:
        return f"{results['python']} on {results['machine']}"
    cpu = f"{details['cpu']}, " if details.get("cpu") else ""
    return f"{details['python']} on {details['platform']} ({cpu}{details['cores']} cores)"


def provenance(results: JSON, path: Path) -> str:
    source = (
        "this working tree's `make bench`"
        if path.name == LOCAL.name and path.parent == LOCAL.parent
        else "the published run"
    )
    commit = f" at commit `{results['commit']}`" if results.get("commit") else ""
    when = results["date"] + (f" {results['time']}" if results.get("time") else "")
    return (
        f"Results from {source} (`{path.as_posix()}`): {results['scale']} scale, "
        f"{when}{commit}. **Machine**: {machine_text(results)}. Absolute times are this "
        "machine's; the ratios below are measured in one run and carry over."
    )


def commits_between(older: str, newer: str, repo: Path | None = None) -> int | None:
    """How many commits ``newer`` is ahead of ``older``, when git can say."""
    try:
        done = subprocess.run(
            ["git", "rev-list", "--count", f"{older}..{newer}"],
            capture_output=True,
            text=True,
            check=True,
            cwd=repo,
        )
        return int(done.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return None


def staleness(results: JSON, site: str | None = None) -> str:
    """A warning when the run is not of the commit the site is built from, else nothing.

    ``site`` is the site's commit (:func:`spec.publish.source_revision` by default). A run
    recorded at another commit, or from uncommitted changes, may not describe this source.
    """
    if site is None:
        from spec.publish import source_revision

        site = source_revision()
    recorded = results.get("fullCommit") or (results.get("commit") or "").split("+")[0]
    dirty = "+" in (results.get("commit") or "")
    if not recorded or site == "unknown":
        return ""
    same = site.startswith(recorded) or recorded.startswith(site)
    if same and not dirty:
        return ""
    if same:
        why = (
            f"these figures were taken at commit `{recorded[:7]}` with uncommitted changes; "
            "the site is built from that commit without them"
        )
    else:
        behind = commits_between(recorded, site)
        count = f" ({behind} commit{'s' if behind != 1 else ''} later)" if behind else ""
        why = (
            f"these figures were taken at commit `{recorded[:7]}`, and the site is built from "
            f"commit `{site[:7]}`{count}"
        )
    return (
        '!!! warning "The published run is older than the site"\n\n'
        f"    The benchmarks may not describe this version: {why}. Run `make bench` at this "
        "commit and copy `bench-results.json` to `docs/data/` to publish its figures."
    )


def _verdict(t: JSON, enforce_scaled: bool) -> str:
    if t["met"]:
        return "met"
    if t["fullScaleOnly"] and not enforce_scaled:
        return "stated for the full sizes"
    return "**missed**"


def floors_table(results: JSON) -> str:
    """Every workload's cost per operation next to its floor's, and the ratio."""
    limit = results.get("floorWithin", 3)
    lines = [
        "| operation | contract, µs | floor, µs | contract / floor | verdict |",
        "|---|---|---|---|---|",
    ]
    enforce_scaled = results["scale"] == "full"
    if not any(w.get("floors") for w in results["workloads"].values()):
        return "Not measured in this run: it is older than the floors."
    for workload in results["workloads"].values():
        verdicts = {t["name"]: t for t in workload["targets"]}
        for found in workload.get("floors", []):
            t = next(
                (v for k, v in verdicts.items() if k.startswith(found["name"] + ": cost")), None
            )
            verdict = _verdict(t, enforce_scaled) if t else ""
            scale = 1000.0 if found["unit"] == "epoch" else 1.0
            unit = "ms" if scale > 1 else "µs"
            lines.append(
                f"| {found['name']} (per {found['unit']}"
                + (f", {unit}" if scale > 1 else "")
                + f") | {_number(found['contractMicroseconds'] / scale)} "
                f"| {_number(found['floorMicroseconds'] / scale)} | **{found['ratio']}** "
                f"(≤ {limit:g}) | {verdict} |"
            )
    return "\n".join(lines)


def _baseline_rows(workload: JSON) -> list[tuple[str, JSON]]:
    base = workload["baseline"]
    rows: list[tuple[str, JSON]] = []
    if "callsPerHolder" in base:
        rows.append((f"{base['holders']:,} holders, {base['callsPerHolder']:g} calls each", base))
        wait = base.get("stakeAndWait")
        if wait:
            rows.append(
                (
                    f"{wait['holders']:,} holders who stake once and wait "
                    f"({wait['callsPerHolder']:g} calls each)",
                    wait,
                )
            )
        return rows
    for each, label in ((base, "the workload's density"), (base.get("sparse"), "sparse")):
        if not each:
            continue
        if "delegations" in each:
            what = (
                f"{each['delegations']:,} delegations on {each['validators']:,} validators "
                f"({each['delegations'] // each['validators']:,} per validator)"
            )
        elif "stakes" in each:
            what = f"{each['stakes']:,} stakes on {each['validators']} validators"
            if "medianStakesHeld" in each:
                what += f" ({each['medianStakesHeld']:,.0f} held at the median epoch)"
        else:
            what = f"{each['outputs']} outputs over {each['milestones']:,} milestones"
        rows.append((f"{what}: {label}" if "sparse" in base else what, each))
    return rows


def speedups_table(results: JSON) -> str:
    """Every naive baseline's time next to the contract's, at each density measured."""
    lines = ["| workload | operations | naive | contract | speed-up |", "|---|---|---|---|---|"]
    for workload in results["workloads"].values():
        for label, each in _baseline_rows(workload):
            if "contractSecondsPerEpoch" in each:
                naive = f"{_number(each['naiveSecondsPerEpoch'] * 1e3)} ms/epoch"
                fast = f"{_number(each['contractSecondsPerEpoch'] * 1e3)} ms/epoch"
            else:
                naive = f"{_number(each['naiveSeconds'])} s"
                fast = f"{_number(each['contractSeconds'])} s"
            lines.append(
                f"| {workload['title']} | {label} | {naive} | {fast} | **{each['speedup']:,}×** |"
            )
    return "\n".join(lines)


def flatness_table(results: JSON) -> str:
    lines = ["| curve | sizes | largest / smallest cost per operation |", "|---|---|---|"]
    for workload in results["workloads"].values():
        for found in workload["curves"]:
            sizes = ", ".join(f"{r['size']:,}" for r in found["rows"])
            limit = f"≤ {results.get('flatWithin', FLAT)}"
            if "controlRatio" in found:
                limit = f"a plain dictionary's: {found['controlRatio']}"
            lines.append(
                f"| {found['name']} | {sizes} {found['sizeLabel']} | {found['flatRatio']} "
                f"({limit}) |"
            )
    return "\n".join(lines)


BEFORE_HARDENING = Path("docs/data/bench-before-hardening.json")


def _relative(found: JSON) -> list[float]:
    """A curve's costs in reference loops: what another run on another day can be held to."""
    return [r["normalizedMicroseconds"] / found["referenceMicroseconds"] for r in found["rows"]]


def hardening_table(results: JSON, before: Path = BEFORE_HARDENING) -> str:
    """Each curve's cost now over its cost in the last run before the hostile-input hardening
    (typed entry points, check then effect, staged ledger moves), both in reference loops."""
    if not before.exists():
        return ""
    earlier = load(before)
    if earlier.get("commit") == results.get("commit"):
        return ""
    if earlier["scale"] != results["scale"]:
        return (
            f"The run before the hardening (`{before.as_posix()}`) is at {earlier['scale']} "
            f"scale, this one at {results['scale']}: not compared."
        )
    lines = [
        "| curve | before, per ×1 / ×10 / ×100 | now | now / before |",
        "|---|---|---|---|",
    ]
    for name, workload in results["workloads"].items():
        old = {c["name"]: c for c in earlier["workloads"].get(name, {}).get("curves", [])}
        for found in workload["curves"]:
            if found["name"] not in old:
                continue
            then, now = _relative(old[found["name"]]), _relative(found)
            ratios = " / ".join(f"{b / a:.2f}" for a, b in zip(then, now, strict=True))
            lines.append(
                f"| {found['name']} | {' / '.join(_number(x) for x in then)} "
                f"| {' / '.join(_number(x) for x in now)} | {ratios} |"
            )
    loop = earlier["workloads"]["postlaunch"]["curves"][0]["referenceMicroseconds"]
    return (
        f"Costs in reference loops (a loop took about {_number(loop)} µs then), in the last "
        f"published run before the hostile-input hardening (commit "
        f"`{earlier.get('commit')}`, {earlier['date']}) and in this one:\n\n" + "\n".join(lines)
    )


def author_text(results: JSON) -> str:
    found = results.get("author")
    if not found:
        return "Not measured in this run."
    whatif = found["whatif"]
    limits = {t["name"].split(":")[0]: t for t in found["targets"]}
    lines = [
        "| wait | measured | target | verdict |",
        "|---|---|---|---|",
        f"| one what-if report ({whatif['change']} from epoch {whatif['fromEpoch']}, "
        f"{whatif['years']} years), CPU in process | {whatif['reportCpuSeconds']} s "
        f"| ≤ {limits['what-if']['limit']:g} s | {_verdict(limits['what-if'], True)} |",
        f"| the whole command `asmb-spec what-if … --format json` | "
        f"{whatif['commandWallSeconds']} s wall, {whatif['commandCpuSeconds']} s CPU | | |",
    ]
    docs = found.get("docs")
    if docs:
        failed = f" (failed: {docs['failed']})" if docs.get("failed") else ""
        lines.append(
            f"| the docs build, `mkdocs build --strict` | {docs['wallSeconds']} s wall, "
            f"{docs['cpuSeconds']} s CPU{failed} | ≤ {limits['docs']['limit']:g} s "
            f"| {_verdict(limits['docs'], True)} |"
        )
    return "\n".join(lines)


def targets_table(results: JSON) -> str:
    lines = ["| target | measured | limit | verdict |", "|---|---|---|---|"]
    enforce_scaled = results["scale"] == "full"
    targets = [t for workload in results["workloads"].values() for t in workload["targets"]]
    for t in targets + list(results.get("author", {}).get("targets", [])):
        sign = "≥" if t["atLeast"] else "≤"
        verdict = _verdict(t, enforce_scaled)
        measured = t["measured"]
        shown = f"{measured:,}" if isinstance(measured, int | float) else str(measured)
        lines.append(f"| {t['name']} | {shown} | {sign} {t['limit']} | {verdict} |")
    return "\n".join(lines)


def curve_table(found: JSON) -> str:
    unit = found["unit"]
    scale, label = (1000.0, "ms") if unit == "epoch" else (1.0, "µs")
    extra = [
        (key, title)
        for key, title in (
            ("controlMicroseconds", "plain dict, µs"),
            ("callsPerEvent", f"calls per {unit}"),
            ("callsPerEpoch", f"calls per {unit}"),
        )
        if key in found["rows"][0]
    ]
    # Short headings: the widest table (post-launch holders) must fit the page at 1280 px.
    header = (
        f"| {found['sizeLabel']} | samples | {unit}s | {label} per {unit} "
        "| as measured |" + "".join(f" {title} |" for _, title in extra)
    )
    lines = [header, "|" + "---|" * (5 + len(extra))]
    for r in found["rows"]:
        cells = [
            f"{r['size']:,}",
            str(r["samples"]),
            f"{r['events']:,}",
            _number(r["normalizedMicroseconds"] / scale),
            _number(r["medianMicroseconds"] / scale),
            *(_number(r[key]) for key, _ in extra),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if "controlRatio" in found:
        verdict = (
            f"Largest over smallest cost: **{found['flatRatio']}**, against "
            f"{found['controlRatio']} for the plain dictionary over the same holders; Python "
            f"calls per {unit}: ratio {found['callsRatio']}."
        )
    else:
        verdict = f"Largest over smallest cost: **{found['flatRatio']}** (flat within {FLAT})."
    return (
        "\n".join(lines)
        + f"\n\n{verdict} Reference loop {found['referenceMicroseconds']} µs; its 90th over 10th "
        f"percentile {found['referenceSpread']}."
    )


def baseline_text(base: JSON) -> str:
    if "speedup" not in base:
        return ""
    if "contractSecondsPerEpoch" in base:
        timing = (
            f"{_number(base['contractSecondsPerEpoch'] * 1e3)} ms an epoch against "
            f"{_number(base['naiveSecondsPerEpoch'] * 1e3)} ms"
        )
    else:
        timing = f"{_number(base['contractSeconds'])} s against {_number(base['naiveSeconds'])} s"
    text = (
        f"**Naive baseline** ({base['against']}): {timing}, "
        f"**{base['speedup']:,}×** faster; checked: {base['checked']}."
    )
    if "callsPerHolder" in base:
        text = text.replace("): ", f", {base['callsPerHolder']:g} calls per holder): ", 1)
    if "stakeAndWait" in base:
        wait = base["stakeAndWait"]
        text += (
            f" Holders who stake once and claim at the end ({wait['callsPerHolder']:g} calls "
            f"each): {_number(wait['contractSeconds'])} s against "
            f"{_number(wait['naiveSeconds'])} s, **{wait['speedup']:,}×**. The naive loop "
            "costs the same whatever the holders do; the contract's cost is per call."
        )
    return text


def memory_text(workload: JSON) -> str:
    memory = workload["memory"]
    runs = ", ".join(f"{r['size']:,}: {_bytes(r['peakBytes'])}" for r in memory["runs"])
    marginals = " and ".join(f"{m:,.0f} B" for m in memory["marginalBytesPerUnit"])
    return (
        f"**Memory**: state per {memory['unit']} {marginals} between consecutive sizes "
        f"(ratio {memory['ratio']}); traced peak by {memory['unit']}s {runs}. Peak resident "
        f"memory of the whole workload: {_bytes(workload['peakRssBytes'])}; it ran in "
        f"{workload['wallSeconds']} s."
    )


NO_RESULTS = "No results yet: `make bench` writes them."


def page(path: Path | None = None, site: str | None = None) -> str:
    """The results part of the benchmarks page, as Markdown."""
    source = path or find()
    if source is None:
        return NO_RESULTS + "\n"
    results = load(source)
    warning = staleness(results, site)
    parts = [
        *([warning] if warning else []),
        provenance(results, source),
        "## Close to the limit",
        "Each workload's cost per operation next to its *floor*: the same arithmetic with no "
        "checks, no entry points, no staged moves, in plain dictionaries "
        "(`tests/bench/floors.py`), run on the same operations in the same run, its results "
        "checked equal to the contract's first. The ratio is what the specification's "
        "guarantees cost: every bad input refused with its code before anything changes.",
        floors_table(results),
        "## Against the naive baselines",
        "The naive loops' cost grows with the population; the contracts' does not. The "
        "speed-up depends on the density: calls per holder, delegations or stakes per "
        "validator.",
        speedups_table(results),
        "## Flat from ×1 to ×100",
        flatness_table(results),
        "## What the hardening cost",
        hardening_table(results) or "No run before the hardening to compare with.",
        "## What a governance author waits for",
        author_text(results),
        "## Targets",
        targets_table(results),
    ]
    for workload in results["workloads"].values():
        parts.append(f"## {workload['title']}")
        parts.append(f"{workload['workload']}.")
        for found in workload["curves"]:
            parts.append(f"### {found['name']}")
            parts.append(curve_table(found))
        parts.append(baseline_text(workload["baseline"]))
        parts.append(memory_text(workload))
    return "\n\n".join(parts) + "\n"


def plot(path: Path | None = None) -> str:
    """Every curve's cost relative to its ×1 size, against the size multiple (SVG)."""
    source = path or find()
    if source is None:
        return ""
    results = load(source)
    curves = [
        c for w in results["workloads"].values() for c in w["curves"] if "controlRatio" not in c
    ]

    def draw(axes: Any) -> None:
        axes.axhspan(1 / FLAT, FLAT, color="0.92", label=f"within {FLAT}× of ×1")
        for found in curves:
            first = found["rows"][0]["normalizedMicroseconds"]
            axes.plot(
                [1, 10, 100],
                [r["normalizedMicroseconds"] / first for r in found["rows"]],
                marker="o",
                markersize=3,
                label=found["name"],
            )
        axes.set_xscale("log")
        axes.set_xticks([1, 10, 100], ["×1", "×10", "×100"])
        axes.set_ylim(0.5, 1.6)
        axes.set_xlabel("size")
        axes.set_ylabel("cost per event, relative to ×1")
        axes.legend(frameon=False, fontsize=7, ncol=2, loc="upper left")

    return figure(draw, "Cost per operation at ×1, ×10 and ×100", height=4.2)


def holders_plot(path: Path | None = None) -> str:
    """The post-launch cost by holder population beside a plain dictionary's (SVG)."""
    source = path or find()
    if source is None:
        return ""
    results = load(source)
    found = next(c for c in results["workloads"]["postlaunch"]["curves"] if "controlRatio" in c)

    def draw(axes: Any) -> None:
        sizes = [r["size"] for r in found["rows"]]
        for key, label in (
            ("normalizedMicroseconds", "post-launch contract: µs per event"),
            ("controlMicroseconds", "plain dictionary (control): µs per lookup and two writes"),
        ):
            axes.plot(sizes, [r[key] for r in found["rows"]], marker="o", markersize=3, label=label)
        axes.set_xscale("log")
        axes.set_ylim(bottom=0)
        axes.set_xlabel("holders")
        axes.set_ylabel("µs")
        axes.legend(frameon=False, fontsize=8)

    return figure(draw, "Per event, as the holders outgrow the caches", height=3.2)
