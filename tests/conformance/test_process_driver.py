"""The JSON-lines process driver, proved on the reference wrapped in a subprocess adapter."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from contracts.conformance.drivers import ProcessDriver, ProtocolError
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


def test_malformed_requests_get_an_error_reply_with_no_borrowed_id() -> None:
    """Each malformed line is answered with BAD_REQUEST and id null -- never the id of the
    request before it -- and the adapter keeps serving."""
    import io
    import json

    from contracts.conformance.adapter import serve

    lines = [
        '{"id": 1, "op": "create", "contract": "postlaunch", "args": {"phaseOneTotal": 0}}',
        "{not json",
        '{"id": 3, "id": 4, "op": "snapshot", "instance": "i1"}',
        '{"id": 5, "op": "call", "instance": "i1", "method": "stake", '
        '"args": {"holder": "\\ud800", "amount": 1, "day": 1}}',
        "[1, 2]",
        '{"id": 7, "op": "call", "instance": "i1", "method": "stake", '
        '"args": {"holder": "a", "amount": 1.5, "day": 1}}',
        '{"id": 8, "op": "snapshot", "instance": "i1"}',
    ]
    out = io.StringIO()
    serve(io.StringIO("\n".join(lines) + "\n"), out)
    replies = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in replies] == [1, None, None, None, None, None, 8]
    assert all(r["error"]["code"] == "BAD_REQUEST" for r in replies[1:6])
    assert replies[6]["result"]["day"] == 0


def _fake(tmp_path: Path, body: str) -> str:
    """A command that reads requests and answers with ``body`` (a Python expression of the
    request's id, ``i``), or never answers when ``body`` is empty."""
    script = tmp_path / "fake.py"
    answer = (
        f"    sys.stdout.write({body} + '\\n'); sys.stdout.flush()\n"
        if body
        else ("    time.sleep(600)\n")
    )
    script.write_text(
        "import json, sys, time\nfor line in sys.stdin:\n    i = json.loads(line)['id']\n" + answer,
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def test_a_process_that_stops_answering_is_a_protocol_error_not_a_hang(tmp_path: Path) -> None:
    driver = ProcessDriver(_fake(tmp_path, ""), timeout=0.5)
    try:
        with pytest.raises(ProtocolError, match=r"did not answer within 0\.5 s"):
            driver.try_create("postlaunch", {"phaseOneTotal": 0})
    finally:
        driver.process.kill()


@pytest.mark.parametrize(
    ("reply", "complaint"),
    [
        ("json.dumps({'id': i})", "neither or both of result, error"),
        ("json.dumps({'id': i + 1, 'result': None})", "does not answer request"),
        ("'not json'", "is not JSON"),
        ("json.dumps({'id': i, 'error': {'code': 7}})", "needs a string code"),
    ],
)
def test_a_malformed_reply_is_a_protocol_error(tmp_path: Path, reply: str, complaint: str) -> None:
    driver = ProcessDriver(_fake(tmp_path, reply), timeout=5)
    try:
        with pytest.raises(ProtocolError, match=complaint):
            driver.try_create("postlaunch", {"phaseOneTotal": 0})
    finally:
        driver.process.kill()
