"""``make bench``: the contracts stay O(1) per operation, measured against naive baselines.

Runs every workload (post-launch, pre-launch, root chain, IOTA staking), each in a process of its
own so that its peak memory is its own and no workload runs on another's heap, and writes
``bench-results.json``. ``BENCH_SCALE=small`` runs the same workloads at about a hundredth of
their size, in under a minute. The exit status is 1 when a target is missed (targets stated for
the full sizes -- absolute times, speed-ups that grow with the population -- are enforced only
at full scale). How the costs are measured and judged: :mod:`tests.bench.harness`.

``python -m tests.bench --only NAME --out FILE`` runs one workload in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from tests.bench import author, iota, postlaunch, prelaunch, root_chain
from tests.bench.harness import FLAT, FLOOR, FULL, JSON, SMALL, SPEEDUP, TINY, Scale, peak_rss_bytes

WORKLOADS: dict[str, Callable[[Scale], JSON]] = {
    "postlaunch": postlaunch.run,
    "prelaunch": prelaunch.run,
    "rootchain": root_chain.run,
    "iota": iota.run,
}
SCALES = {scale.name: scale for scale in (FULL, SMALL, TINY)}
RESULTS = Path("bench-results.json")


def scale_from_environment() -> Scale:
    name = os.environ.get("BENCH_SCALE", "full")
    if name not in SCALES:
        raise SystemExit(f"BENCH_SCALE={name!r}: expected one of {', '.join(SCALES)}")
    return SCALES[name]


def run_one(name: str, scale: Scale) -> JSON:
    began = time.perf_counter()
    result = WORKLOADS[name](scale)
    result["wallSeconds"] = round(time.perf_counter() - began, 1)
    result["peakRssBytes"] = peak_rss_bytes()
    return result


def run_isolated(name: str) -> JSON:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"{name}.json"
        subprocess.run(
            [sys.executable, "-m", "tests.bench", "--only", name, "--out", str(out)], check=True
        )
        loaded: JSON = json.loads(out.read_text(encoding="utf-8"))
        return loaded


def cpu_model() -> str | None:
    """The processor's model name, from ``/proc/cpuinfo`` where there is one (Linux)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Hardware", "Processor") and value.strip():
            return value.strip()
    return platform.processor() or None


def machine() -> JSON:
    """What the figures were taken on."""
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


def full_commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def commit() -> str | None:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+changes" if dirty else "")


def all_targets(results: JSON) -> list[JSON]:
    """Every workload's targets, then the governance author's (when they were measured)."""
    found = [t for workload in results["workloads"].values() for t in workload["targets"]]
    return found + list(results.get("author", {}).get("targets", []))


def missed(results: JSON) -> list[str]:
    enforce_scaled = results["scale"] == "full"
    return [
        t["name"]
        for t in all_targets(results)
        if not t["met"] and (enforce_scaled or not t["fullScaleOnly"])
    ]


def print_targets(results: JSON) -> None:
    print("\ntargets:")
    for t in all_targets(results):
        verdict = "met" if t["met"] else "MISSED"
        if not t["met"] and t["fullScaleOnly"] and results["scale"] != "full":
            verdict = "not enforced below full scale"
        sign = "≥" if t["atLeast"] else "≤"
        print(f"  {t['name']}: {t['measured']} ({sign} {t['limit']}) {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--only", choices=sorted(WORKLOADS))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    scale = scale_from_environment()
    if args.only:
        result = run_one(args.only, scale)
        text = json.dumps(result, indent=2) + "\n"
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            print(text)
        return 0
    print(
        f"benchmarks at {scale.name} scale: Python {platform.python_version()} "
        f"({platform.python_implementation()}) on {platform.machine()}, {os.cpu_count()} CPUs",
        flush=True,
    )
    results: JSON = {
        "scale": scale.name,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "time": datetime.now(UTC).strftime("%H:%M UTC"),
        "commit": commit(),
        "fullCommit": full_commit(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "machineDetails": machine(),
        "flatWithin": FLAT,
        "floorWithin": FLOOR,
        "speedupAtLeast": SPEEDUP,
        "workloads": {name: run_isolated(name) for name in WORKLOADS},
    }
    print("a governance author's waits: one what-if report, the docs build", flush=True)
    results["author"] = author.run(scale)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_targets(results)
    failed = missed(results)
    print(f"\nwrote {RESULTS}; " + (f"{len(failed)} target(s) missed" if failed else "all met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
