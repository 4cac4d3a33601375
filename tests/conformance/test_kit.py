"""The conformance kit runs from an installed wheel, without the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.reference_only

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_suite_runs_from_the_wheel_alone(tmp_path: Path) -> None:
    wheels, kit, elsewhere = tmp_path / "wheels", tmp_path / "kit", tmp_path / "elsewhere"
    elsewhere.mkdir()
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(ROOT)], check=True)
    (wheel,) = wheels.glob("asmb_spec-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(kit), str(wheel)], check=True)
    assert (kit / "contracts" / "conformance" / "published" / "index.json").is_file()
    environment = {**os.environ, "PYTHONPATH": str(kit)}
    where = subprocess.run(
        [sys.executable, "-c", "import contracts; print(contracts.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=elsewhere,
        env=environment,
    )
    assert where.stdout.startswith(str(kit))
    done = subprocess.run(
        [sys.executable, "-m", "spec", "conform", "--implementation", "reference"]
        # Two contracts with vectors, sweeps and a differential machine each; the lightest two
        # (what is checked here is the kit, the whole suite runs from the repository).
        + [
            "--contracts",
            "postlaunch,reward-accumulator",
            "--failures",
            str(tmp_path / "failures"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=elsewhere,
        env=environment,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    summary = done.stdout.strip().splitlines()[-1]
    assert "passed" in summary and "failed" not in summary and "warning" not in summary
