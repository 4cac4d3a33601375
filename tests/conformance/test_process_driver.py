"""The JSON-lines process driver, proved on the reference wrapped in a subprocess adapter."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from contracts.conformance.drivers import ProcessDriver
from contracts.conformance.scenarios import SCENARIOS
from contracts.conformance.vectors import build_case, replay

ADAPTER = f"{sys.executable} -m contracts.conformance.adapter"


@pytest.fixture(scope="module")
def process() -> Iterator[ProcessDriver]:
    driver = ProcessDriver(ADAPTER)
    yield driver
    driver.close()


def test_every_vector_replays_through_the_process_driver(process: ProcessDriver) -> None:
    for scenario in SCENARIOS:
        assert replay(process, build_case(scenario)) == [], scenario.name


def test_protocol_errors_are_replies_not_crashes(process: ProcessDriver) -> None:
    instance = process.create("postlaunch", {"phaseOneTotal": 0})
    assert process.call(instance, "noSuchOperation", {})["error"]["code"] == "UNKNOWN_OPERATION"
    assert (
        process.call(instance, "stake", {"holder": "a", "amount": "x", "day": 1})["error"]["code"]
        == "INVALID_INPUT"
    )
