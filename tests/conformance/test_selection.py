"""The suite on an implementation of two contracts that settles eagerly: no failure, the other
contracts skipped -- and the normative state does not depend on when positions are settled."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from contracts.conformance.codec import canonical
from contracts.conformance.drivers import ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS
from tests.conformance.eager import implementation

pytestmark = pytest.mark.reference_only


def test_the_eager_implementation_keeps_other_records() -> None:
    """Settling eagerly changes the internal records (so the suite below proves something)."""
    scenario = next(s for s in SCENARIOS if s.name == "seed-example")
    lazy, eager = ObjectDriver(reference()), ObjectDriver(implementation())
    handles = [d.create(scenario.contract, canonical(scenario.create)) for d in (lazy, eager)]
    differ = 0
    for step in scenario.steps:
        for driver, handle in zip((lazy, eager), handles, strict=True):
            driver.call(handle, step.operation, canonical(step.args))
        records = [
            dict(d.instances[h][1].rewards.positions)
            for d, h in zip((lazy, eager), handles, strict=True)
        ]
        states = [d.state(h) for d, h in zip((lazy, eager), handles, strict=True)]
        differ += records[0] != records[1]
        assert states[0] == states[1]
    assert differ > 0


def test_the_suite_passes_an_eager_two_contract_implementation(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--pyargs",
            "contracts.conformance.suite",
            "-q",
            "-p",
            "no:cacheprovider",
            "-rs",
            "--implementation",
            "tests.conformance.eager:implementation",
            "--conformance-failures",
            str(tmp_path / "failures"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent.parent,
    )
    summary = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 0, done.stdout[-3000:]
    assert "failed" not in summary
    passed = int(re.search(r"(\d+) passed", summary).group(1))  # type: ignore[union-attr]
    skipped = int(re.search(r"(\d+) skipped", summary).group(1))  # type: ignore[union-attr]
    # The two contracts' vectors, sweeps and machines pass; every test of the five others skips.
    assert passed >= 10 and skipped > 20
    assert not (tmp_path / "failures").exists()
