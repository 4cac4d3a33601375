"""The benchmarks page: the latest results as tables and a scaling chart.

The figures come from ``bench-results.json`` when a ``make bench`` has written one in the
working tree, and otherwise from the published run, ``docs/data/bench-results.json``; the page
says which, at what scale, on what machine and at which commit. Nothing here measures anything.
"""

from __future__ import annotations

import json
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


def provenance(results: JSON, path: Path) -> str:
    source = (
        "this working tree's `make bench`"
        if path.name == LOCAL.name and path.parent == LOCAL.parent
        else "the published run"
    )
    commit = f" at commit `{results['commit']}`" if results.get("commit") else ""
    return (
        f"Results from {source} (`{path.as_posix()}`): {results['scale']} scale, "
        f"{results['date']}{commit}, {results['python']} on {results['machine']}."
    )


def targets_table(results: JSON) -> str:
    lines = ["| target | measured | limit | verdict |", "|---|---|---|---|"]
    enforce_scaled = results["scale"] == "full"
    for workload in results["workloads"].values():
        for t in workload["targets"]:
            sign = "≥" if t["atLeast"] else "≤"
            if t["met"]:
                verdict = "met"
            elif t["fullScaleOnly"] and not enforce_scaled:
                verdict = "stated for the full sizes"
            else:
                verdict = "**missed**"
            lines.append(f"| {t['name']} | {t['measured']} | {sign} {t['limit']} | {verdict} |")
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


def page(path: Path | None = None) -> str:
    """The results part of the benchmarks page, as Markdown."""
    source = path or find()
    if source is None:
        return NO_RESULTS + "\n"
    results = load(source)
    parts = [provenance(results, source), "## Targets", targets_table(results)]
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
