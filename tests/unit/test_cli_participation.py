"""``asmb-spec event-id``, ``rewards`` and ``verify-results``, including every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from spec.sources import DATA_DIR, PARTICIPATION_EVENTS_DIR
from tests.conftest import FIXTURES
from tests.participation_helpers import address, event_document, output_id
from tests.unit.test_participation_event import PUBLISHED_IDS

EVENTS = PARTICIPATION_EVENTS_DIR / "events"
ROUND_ONE = EVENTS / "staking" / "assembly_01.json"
SCHEMAS = DATA_DIR.parent / "schemas"
START, END = 2_102_114, 2_879_714


def run(*args: str | Path | int) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "spec", *map(str, args)], capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def write(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def output(
    n: int, holder: int, amount: int, booked: int, spent: int | None = None
) -> dict[str, Any]:
    return {
        "outputId": output_id(n),
        "address": address(holder),
        "amount": amount,
        "bookedAt": booked,
        "spentAt": spent,
    }


@pytest.mark.parametrize("name", ["assembly_01", "shimmer", "governance_01"])
def test_event_id(name: str) -> None:
    path = next(EVENTS.rglob(f"{name}.json"))
    code, out, _ = run("event-id", path)
    assert code == 0
    assert out == PUBLISHED_IDS[name] + "\n"


def test_rewards_follow_the_node_rules(tmp_path: Path) -> None:
    outputs = {
        "outputs": [
            output(0, 1, 10**9, START),  # held all window: 777,600 milestones at 4,000 µASMB
            output(1, 2, 10**9, START + 10, START + 20),  # counts START+10 .. START+19
        ]
    }
    path = write(tmp_path, "outputs.json", outputs)
    code, out, err = run("rewards", "--event", ROUND_ONE, "--outputs", path)
    assert code == 0, err
    results = json.loads(out)
    assert results["milestoneIndex"] == END
    assert results["rewards"] == {address(1): 4_000 * 777_600}  # 40,000 µASMB is below 1 ASMB
    schema = json.loads((SCHEMAS / "results.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(results, schema)
    jsonschema.validate(outputs, json.loads((SCHEMAS / "outputs.schema.json").read_text("utf-8")))
    # Verify the produced results with the tool itself, and at an earlier milestone.
    results_path = write(tmp_path, "results.json", results)
    assert run("verify-results", "--event", ROUND_ONE, results_path)[0] == 0
    code, out, _ = run("rewards", "--event", ROUND_ONE, "--outputs", path, "--at", START + 300)
    assert json.loads(out)["rewards"] == {address(1): 4_000 * 300}


def test_seed_profile_caps_at_eight_billion(tmp_path: Path) -> None:
    supply = 2_779_530_283_277_761
    path = write(
        tmp_path,
        "o.json",
        {"outputs": [output(0, 1, supply // 2, START), output(1, 2, supply - supply // 2, START)]},
    )
    code, out, _ = run("rewards", "--event", ROUND_ONE, "--outputs", path, "--profile", "seed")
    assert code == 0
    document = json.loads(out)
    assert document["totalRewards"] <= 8 * 10**15
    account = document["seedProfile"]
    assert account["distributed"] + account["undistributedToPostLaunch"] == 8 * 10**15
    assert account["uncappedTotal"] > 8 * 10**15


def test_verify_results_on_the_real_round_six() -> None:
    code, out, _ = run(
        "verify-results",
        "--event",
        EVENTS / "staking" / "assembly_06.json",
        FIXTURES / "results" / "staking" / "assembly_06.json",
    )
    assert code == 0
    assert out.startswith("ok:")


def test_verify_results_accepts_the_rest_envelope(tmp_path: Path) -> None:
    """Every route of the node answers ``{"data": …}`` (hornet ``pkg/restapi/restapi.go``,
    ``JSONResponse``): the real round-6 result and Shimmer funding status, so wrapped, verify."""
    cases = [
        (EVENTS / "staking" / "assembly_06.json", "staking/assembly_06.json", "staking results"),
        (EVENTS / "vote" / "shimmer_funding.json", "vote/shimmer_funding.json", "ballot status"),
    ]
    for event, relative, kind in cases:
        document = json.loads((FIXTURES / "results" / relative).read_text("utf-8"))
        path = write(tmp_path, "wrapped.json", {"data": document})
        code, out, _ = run("verify-results", "--event", event, path)
        assert code == 0, out
        assert out.startswith(f"ok: {kind}")


def test_verify_results_before_the_start(tmp_path: Path) -> None:
    """The rewards endpoint answers for any milestone up to the end (``getRewards`` has no lower
    bound); before the start every reward is 0, so round 1's minimum lists nobody."""
    outputs = write(tmp_path, "o.json", {"outputs": [output(0, 1, 10**9, START - 5)]})
    code, out, _ = run("rewards", "--event", ROUND_ONE, "--outputs", outputs, "--at", START - 1)
    assert code == 0
    results = json.loads(out)
    assert (results["milestoneIndex"], results["rewards"]) == (START - 1, {})
    assert run("verify-results", "--event", ROUND_ONE, write(tmp_path, "r.json", results))[0] == 0


def test_verify_results_names_what_failed(tmp_path: Path) -> None:
    document = json.loads(
        (FIXTURES / "results" / "vote" / "shimmer_funding.json").read_text("utf-8")
    )
    document["questions"][0]["answers"][1]["accumulated"] += 1
    path = write(tmp_path, "bad.json", document)
    code, out, _ = run("verify-results", "--event", EVENTS / "vote" / "shimmer_funding.json", path)
    assert code == 1
    assert "checksum" in out


def _event_with(**changes: Any) -> Any:
    document = event_document("assembly_01")
    document.update(changes)
    return document


BAD_OUTPUTS = {
    "booked before commence window": [output(0, 1, 10**6, 2_041_634)],
    "booked after end": [output(0, 1, 10**6, END + 1)],
    "spentAt not after bookedAt": [output(0, 1, 10**6, START, START)],
    "zero amount": [output(0, 1, 0, START)],
    "negative amount": [output(0, 1, -7, START)],
    "over-u64 amount": [output(0, 1, 2**64, START)],
    "duplicate output ids": [output(0, 1, 10**6, START), output(0, 2, 10**6, START)],
    "malformed hex address": [{**output(0, 1, 10**6, START), "address": "xyz"}],
    "malformed output id": [{**output(0, 1, 10**6, START), "outputId": "00"}],
    "missing field": [{"outputId": output_id(0), "address": address(1), "amount": 5}],
    "float amount": "float",
}


@pytest.mark.parametrize("case", sorted(BAD_OUTPUTS))
def test_bad_outputs_one_line_exit_2(case: str, tmp_path: Path) -> None:
    items = BAD_OUTPUTS[case]
    if items == "float":
        path = tmp_path / "o.json"
        text = json.dumps({"outputs": [output(0, 1, 12345, START)]})
        path.write_text(text.replace("12345", "1.5"), encoding="utf-8")
    else:
        path = write(tmp_path, "o.json", {"outputs": items})
    code, out, err = run("rewards", "--event", ROUND_ONE, "--outputs", path)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "event",
    [
        _event_with(milestoneIndexEnd=2_102_114),  # end not after start
        _event_with(milestoneIndexEnd=2_102_114 + 2 * 10**9),  # fails the overflow guard
        _event_with(name=7),
        {"payload": {}},
    ],
)
def test_bad_event_one_line_exit_2(event: Any, tmp_path: Path) -> None:
    path = write(tmp_path, "e.json", event)
    calls: list[list[str | Path]] = [
        ["event-id", path],
        ["rewards", "--event", path, "--outputs", path],
    ]
    for args in calls:
        code, out, err = run(*args)
        assert code == 2
        assert out == ""
        assert len(err.strip().splitlines()) == 1
        assert "Traceback" not in err


@pytest.mark.parametrize("text", ['{"outputs": [', "", "not json", '{"outputs": [{]}', "\xff"])
def test_malformed_or_truncated_json_one_line_exit_2(text: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(text.encode("latin-1"))
    code, out, err = run("rewards", "--event", ROUND_ONE, "--outputs", path)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_missing_file_and_bad_milestone(tmp_path: Path) -> None:
    assert run("event-id", tmp_path / "absent.json")[0] == 2
    path = write(tmp_path, "o.json", {"outputs": []})
    code, _, err = run("rewards", "--event", ROUND_ONE, "--outputs", path, "--at", "-5")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    code, _, err = run("rewards", "--event", ROUND_ONE, "--outputs", path, "--at", str(2**32))
    assert code == 2


@pytest.mark.parametrize("text", ['{"transactions": [', "1.5", '{"a": 1, "a": 2}', "[" * 10_000])
@pytest.mark.parametrize("command", ["outputs", "status-event", "status-outputs"])
def test_new_commands_refuse_bad_json_in_one_line(command: str, text: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    good = write(tmp_path, "o.json", {"outputs": []})
    commands: dict[str, list[str | Path]] = {
        "outputs": ["outputs", "--event", ROUND_ONE, bad],
        "status-event": ["status", "--event", bad, "--outputs", good],
        "status-outputs": ["status", "--event", ROUND_ONE, "--outputs", bad],
    }
    code, out, err = run(*commands[command])
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_status_of_round_one_with_no_outputs(tmp_path: Path) -> None:
    """No participation: the status endpoint answers 0 staked, 0 rewarded (``EventStatus``)."""
    path = write(tmp_path, "o.json", {"outputs": []})
    code, out, _ = run("status", "--event", ROUND_ONE, "--outputs", path, "--at", START - 1)
    assert code == 0
    document = json.loads(out)
    assert document["status"] == "commencing"
    assert document["staking"] == {"staked": 0, "rewarded": 0, "symbol": "microASMB"}
