"""Fixtures of the conformance suite: the implementation under test and the reference."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.conformance.drivers import Driver, ObjectDriver, driver_for, reference


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
