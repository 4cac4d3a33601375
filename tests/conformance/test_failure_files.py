"""A failing case is written out as a vector file, and ``asmb-spec replay`` replays it: the
broken implementation fails it, the reference passes it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.reference_only

ROOT = Path(__file__).resolve().parent.parent.parent
MUTANT = "tests.conformance.mutants.postlaunch_rounding_up:implementation"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_a_failure_is_written_out_and_replays(tmp_path: Path) -> None:
    failures = tmp_path / "failures"
    done = run(
        "-m",
        "pytest",
        "--pyargs",
        "contracts.conformance.suite",
        "-q",
        "-p",
        "no:cacheprovider",
        "-k",
        "differential or sweep",
        "--contracts",
        "postlaunch",
        "--implementation",
        MUTANT,
        "--conformance-failures",
        str(failures),
    )
    assert done.returncode == 1, done.stdout[-2000:]
    written = sorted(failures.glob("*.json"))
    assert written, done.stdout[-2000:]
    assert "written to" in done.stdout
    case = written[0]
    broken = run("-m", "spec", "replay", str(case), "--implementation", MUTANT)
    assert broken.returncode == 1
    # The mutant rounds the daily payout up: the replay names the field, not just "differs".
    assert broken.stdout.startswith("FAIL create: the state differs at /daily: ")
    fine = run("-m", "spec", "replay", str(case), "--implementation", "reference")
    assert fine.returncode == 0, fine.stdout
    assert fine.stdout.startswith("ok: postlaunch/")
