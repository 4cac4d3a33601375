"""The suite rejects every deliberately broken implementation in ``mutants/``.

Each mutant is run through the same checks an implementer runs -- the published vectors, the
bad-input sweep, and the differential machines -- and must fail at least one of them.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from contracts.conformance.drivers import ObjectDriver, reference
from contracts.conformance.scenarios import SCENARIOS
from contracts.conformance.suite.test_differential import _DRIVER, _FAILURES, machine_for
from contracts.conformance.suite.test_sweep import sweep
from contracts.conformance.suite.test_vectors import PUBLISHED
from contracts.conformance.vectors import replay_file
from tests.conformance import mutants

MUTANTS = sorted(m.name for m in pkgutil.iter_modules(mutants.__path__))


def _rejected(name: str, failures: Path) -> str | None:
    module = importlib.import_module(f"tests.conformance.mutants.{name}")
    implementation = module.implementation()
    contract = implementation.contract
    driver = ObjectDriver(implementation)
    for path in sorted((PUBLISHED / contract).glob("*/case.json")):
        problems = replay_file(driver, path)
        if problems:
            return f"vector {path.parent.name}: {problems[0]}"
    for scenario in SCENARIOS:
        if scenario.contract != contract:
            continue
        if not scenario.steps:
            continue
        try:
            sweep(scenario, ObjectDriver(reference()), driver, failures)
        except pytest.fail.Exception as error:
            return f"sweep {scenario.name}: {error}"
    _DRIVER["under-test"] = driver
    _FAILURES["folder"] = failures
    try:
        run_state_machine_as_test(
            machine_for(contract),
            settings=settings(
                max_examples=200, deadline=None, suppress_health_check=list(HealthCheck)
            ),
        )
    except AssertionError as error:
        return f"differential: {error}"
    return None


def test_there_are_mutants() -> None:
    assert len(MUTANTS) >= 10


@pytest.mark.parametrize("name", MUTANTS)
def test_suite_rejects_mutant(name: str, tmp_path: Path) -> None:
    assert _rejected(name, tmp_path) is not None, f"the conformance suite accepts the mutant {name}"
