"""What a governance author waits for: one what-if report, and the docs build.

* **One what-if report** -- the inflation rate changed to 6 % from epoch 730, projected over ten
  years -- timed twice: in process, CPU seconds of :func:`spec.whatif.build_whatif` after the
  imports and one warm-up report (what a notebook or a service pays per report), and as the
  whole command ``asmb-spec what-if … --format json`` in a process of its own (what someone at a
  terminal waits for: the interpreter's start, the imports, the report), wall and CPU seconds,
  the CPU read from the operating system's account of the finished child.
* **The docs build** -- ``mkdocs build --strict`` into a temporary folder, as a process of its
  own; it renders every computed figure of the site, the what-if examples and this benchmarks
  page included.

Targets: the report in at most :data:`WHATIF_SECONDS` of CPU, the docs in at most
:data:`DOCS_SECONDS` (wall: the time the author waits).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

from tests.bench.harness import JSON, Scale, target

WHATIF_SECONDS = 1.0
DOCS_SECONDS = 10.0
CHANGE = {"ASMB_INFLATION_RATE": Fraction(6, 100)}
FROM_EPOCH, YEARS = 730, 10
COMMAND = [
    "what-if",
    "--set",
    "ASMB_INFLATION_RATE=6/100",
    "--from-epoch",
    str(FROM_EPOCH),
    "--years",
    str(YEARS),
    "--format",
    "json",
]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``command`` run to its end, its output discarded."""
    cpu = _children_cpu()
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - began, _children_cpu() - cpu


def whatif_in_process(repeats: int) -> float:
    """The least CPU seconds of one report over ``repeats``, after a warm-up report."""
    from spec.whatif import build_whatif

    build_whatif(CHANGE, FROM_EPOCH, YEARS)
    best = float("inf")
    for _ in range(repeats):
        began = time.process_time()
        build_whatif(CHANGE, FROM_EPOCH, YEARS)
        best = min(best, time.process_time() - began)
    return best


def asmb_spec() -> list[str]:
    """The command as installed beside this interpreter, else through ``python -m``."""
    script = Path(sys.executable).with_name("asmb-spec")
    return [str(script)] if script.exists() else [sys.executable, "-m", "spec.cli"]


def docs_build() -> tuple[float, float, str | None]:
    """(wall, CPU) seconds of the strict docs build, and its last error line if it failed."""
    with tempfile.TemporaryDirectory() as folder:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        command = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        cpu = _children_cpu()
        began = time.perf_counter()
        done = subprocess.run(
            [*command, "build", "--strict", "--quiet", "--site-dir", folder],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        failed = None
        if done.returncode != 0:
            lines = [line for line in done.stderr.splitlines() if line.strip()]
            failed = lines[-1] if lines else f"exit status {done.returncode}"
        return time.perf_counter() - began, _children_cpu() - cpu, failed


def run(scale: Scale, docs: bool = True) -> JSON:
    report_cpu = whatif_in_process(scale.pick(5, 3, 1))
    command_wall, command_cpu = child([*asmb_spec(), *COMMAND])
    found: JSON = {
        "title": "What a governance author waits for",
        "whatif": {
            "change": "ASMB_INFLATION_RATE = 6/100",
            "fromEpoch": FROM_EPOCH,
            "years": YEARS,
            "reportCpuSeconds": round(report_cpu, 3),
            "commandWallSeconds": round(command_wall, 3),
            "commandCpuSeconds": round(command_cpu, 3),
        },
        "targets": [
            target(
                "what-if: CPU seconds of one report (in process, after the imports)",
                round(report_cpu, 3),
                WHATIF_SECONDS,
            )
        ],
    }
    if docs:
        wall, cpu, failed = docs_build()
        found["docs"] = {"wallSeconds": round(wall, 2), "cpuSeconds": round(cpu, 2)}
        built = target("docs: seconds of mkdocs build --strict", round(wall, 2), DOCS_SECONDS)
        if failed is not None:
            found["docs"]["failed"] = failed
            built["met"] = False
        found["targets"].append(built)
    return found
