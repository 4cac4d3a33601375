"""The suite's pytest plugin (entry point ``pytest11``): its options, fixtures and selection.

Options: ``--implementation`` (``reference``, ``package.module:factory`` or ``cmd:<command>``),
``--contracts a,b`` (the contracts to run; default all), ``--conformance-failures DIR`` (where
failing cases are written as vector files; default ``conformance-failures``). Tests marked
``reference_only`` check the reference itself and run only when the implementation is the
reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import UNSUPPORTED, Driver, ObjectDriver, driver_for, reference
from contracts.conformance.scenarios import SCENARIOS

#: The profile ``asmb-spec conform`` runs (HYPOTHESIS_PROFILE=conformance): derandomised, so two
#: runs on one implementation try the same cases.
settings.register_profile(
    "conformance",
    derandomize=True,
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("conformance", "Assembly tokenomics conformance suite")
    group.addoption(
        "--implementation",
        default="reference",
        help="the implementation the conformance suite drives: 'reference', "
        "'package.module:factory', or 'cmd:<command line>' (JSON-lines protocol)",
    )
    group.addoption(
        "--contracts",
        default="",
        help="comma-separated contracts to run (default: all): " + ", ".join(sorted(CONTRACTS)),
    )
    group.addoption(
        "--conformance-failures",
        default="conformance-failures",
        help="folder where failing sweep and differential cases are written as vector files",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "reference_only: checks the reference itself; skipped for other implementations"
    )
    # pytest-xdist's own marker, declared for runs without it: the sweeps and the check of
    # their coverage share one group, which ``--dist loadgroup`` keeps on one worker.
    config.addinivalue_line("markers", "xdist_group(name): run on one pytest-xdist worker")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--implementation") == "reference":
        return
    skip = pytest.mark.skip(reason="checks the reference itself")
    for item in items:
        if item.get_closest_marker("reference_only") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def implementation(request: pytest.FixtureRequest) -> str:
    spec: str = request.config.getoption("--implementation")
    return spec


@pytest.fixture(scope="session")
def driver(implementation: str) -> Iterator[Driver]:
    """The implementation under test (the reference unless --implementation says otherwise)."""
    under_test = driver_for(implementation)
    yield under_test
    under_test.close()


@pytest.fixture
def reference_driver() -> ObjectDriver:
    return ObjectDriver(reference())


@pytest.fixture(scope="session")
def selected(request: pytest.FixtureRequest, driver: Driver) -> frozenset[str]:
    """The contracts to run: those asked for that the implementation supports."""
    asked = {c.strip() for c in request.config.getoption("--contracts").split(",") if c.strip()}
    unknown = asked - set(CONTRACTS)
    if unknown:
        raise pytest.UsageError(f"--contracts: unknown contract(s) {', '.join(sorted(unknown))}")
    chosen = asked or set(CONTRACTS)
    supported = set()
    for contract in chosen:
        create = canonical(next(s.create for s in SCENARIOS if s.contract == contract))
        outcome = driver.try_create(contract, create)
        if outcome.get("error", {}).get("code") != UNSUPPORTED:
            supported.add(contract)
    return frozenset(supported)


@pytest.fixture
def require(selected: frozenset[str]) -> Callable[[str], None]:
    """``require(contract)``: skip the test unless the contract is selected and supported."""

    def check(contract: str) -> None:
        if contract not in selected:
            pytest.skip(f"{contract}: not selected, or the implementation does not support it")

    return check


@pytest.fixture(scope="session")
def failures_dir(request: pytest.FixtureRequest) -> Path:
    return Path(request.config.getoption("--conformance-failures"))
