"""Shared test configuration: Hypothesis profiles and paths to the seeds and fixtures.

Profiles: ``ci`` (the default: derandomised, bounded, minutes on two cores), ``deep``
(``HYPOTHESIS_PROFILE=deep``: many more examples and longer stateful runs; ``make deep`` runs
the state machines with it, each for its number of runs in ``tests/deep.py``) and ``mutation``
(``make mutation``: derandomised and lighter still, as the tests run once per mutant).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from contracts.transaction import atomicity_checks, verify_atomicity

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "deep",
    max_examples=2_000,
    stateful_step_count=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "mutation",
    derandomize=True,
    max_examples=15,
    stateful_step_count=20,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; ASMB_SHARED names it elsewhere (`make mutation` runs the tests
# from a copy in mutants/, one level deeper).
SHARED = Path(os.environ.get("ASMB_SHARED", REPO.parent / "shared"))
SEEDS_DIR = SHARED / "seeds"
SHARED_FIXTURES = SHARED / "fixtures" / "participation-events"
FIXTURES = REPO / "tests" / "fixtures" / "participation-events"


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection built (the modules, their tables, Hypothesis' strategies) lives for the
    whole run: it is moved out of the collector's sight, so that each full collection during a
    test walks only what tests create, not the whole heap again."""
    gc.collect()
    gc.freeze()


def pytest_configure(config: pytest.Config) -> None:
    """Every entry point checks its own atomicity in every test: a rejected call, or a query,
    that changes any state raises ``AtomicityViolation`` (contracts.transaction)."""
    verify_atomicity(True)


@pytest.fixture(autouse=True)
def _large_state(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked ``large_state`` runs contracts at a scale (years of epochs, thousands of
    holders, only valid calls) at which fingerprinting every call would cost minutes: the
    self-check is off inside it. Every other test runs with it on."""
    if request.node.get_closest_marker("large_state") is None:
        yield
        return
    with atomicity_checks(False):
        yield


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed documents; tests that need them skip, with the reason, when they are absent."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("seed documents not found: ../shared/seeds is absent beside the checkout")
    return SEEDS_DIR
