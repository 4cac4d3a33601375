"""The command line under hostile input: every bad input is one line on standard error and exit
status 2 (``verify-results``: 1 for results that do not hold), never a traceback, never a
partial output file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from spec import cli
from spec.jsonio import JsonInputError, parse_json, write_atomically
from spec.sources import PARTICIPATION_EVENTS_DIR

EVENTS = PARTICIPATION_EVENTS_DIR / "events"
STAKING = EVENTS / "staking" / "assembly_06.json"
BALLOT = EVENTS / "vote" / "governance_01.json"


def one_line_error(
    args: list[str], capsys: pytest.CaptureFixture[str], status: int = 2
) -> tuple[str, str]:
    """Run the command in process; it must exit ``status`` with one line on standard error."""
    assert cli.main(args) == status
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("asmb-spec: error: ")
    assert "Traceback" not in captured.err
    return captured.out, lines[0]


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return str(path)


def event_text(**changes: Any) -> str:
    document = json.loads(STAKING.read_text(encoding="utf-8"))
    document.update(changes)
    return json.dumps(document)


BAD_JSON = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "nested past the limit": "[" * 65 + "]" * 65,
    "duplicate key": '{"name": "a", "name": "b"}',
    "duplicate key deep inside": '{"payload": {"type": 1, "type": 0}}',
    "lone surrogate": '{"name": "\\ud800"}',
    "lone surrogate in a key": '{"\\udfff": 1}',
    "a float": '{"milestoneIndexStart": 1.5}',
    "NaN": '{"milestoneIndexStart": NaN}',
    "Infinity": '{"milestoneIndexStart": -Infinity}',
    "an integer of 5,000 digits": '{"milestoneIndexStart": ' + "9" * 5_000 + "}",
    "truncated": '{"name": ',
    "empty": "",
}


@pytest.mark.parametrize("text", BAD_JSON.values(), ids=BAD_JSON.keys())
def test_strict_json_refuses_with_a_reason(text: str) -> None:
    with pytest.raises(JsonInputError):
        parse_json(text)


def test_strict_json_keeps_what_it_accepts_exact() -> None:
    assert parse_json('{"a": [1, 18446744073709551616, "x", null, true]}') == {
        "a": [1, 2**64, "x", None, True]
    }
    assert parse_json("[" * 64 + "]" * 64) is not None


@pytest.mark.parametrize("text", BAD_JSON.values(), ids=BAD_JSON.keys())
@pytest.mark.parametrize("command", ["event-id", "rewards-event", "rewards-outputs", "verify"])
def test_every_json_input_refuses_bad_json_in_one_line(
    command: str, text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.json", text)
    outputs = write(tmp_path, "outputs.json", '{"outputs": []}')
    args = {
        "event-id": ["event-id", bad],
        "rewards-event": ["rewards", "--event", bad, "--outputs", outputs],
        "rewards-outputs": ["rewards", "--event", str(STAKING), "--outputs", bad],
        "verify": ["verify-results", "--event", str(STAKING), bad],
    }[command]
    out, message = one_line_error(args, capsys)
    assert out == ""
    assert "bad.json" in message


def test_a_duplicated_event_field_cannot_change_an_event_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = event_text().replace('"name":', '"name": "x", "name":', 1)
    _, message = one_line_error(["event-id", write(tmp_path, "e.json", text)], capsys)
    assert "duplicate key 'name'" in message


@pytest.mark.parametrize(
    "changes",
    [{"name": "\ud800"}, {"milestoneIndexEnd": True}, {"payload": []}, {"name": "x" * 256}],
)
def test_a_bad_event_is_one_line(
    changes: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = event_text(**changes)
    one_line_error(["event-id", write(tmp_path, "e.json", text)], capsys)


@pytest.mark.parametrize(
    "at", ["4294967296", "-1", "٣", "1e3", "0x10", "9" * 30, ""], ids=lambda a: repr(a)
)
def test_a_bad_milestone_blames_the_milestone(
    at: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = write(tmp_path, "outputs.json", '{"outputs": []}')
    args = ["rewards", "--event", str(STAKING), "--outputs", outputs, "--at", at]
    _, message = one_line_error(args, capsys)
    assert "--at" in message
    assert "outputs" not in message


MALFORMED_BALLOT_RESULTS: list[Any] = [
    [],
    {"milestoneIndex": True},
    {"milestoneIndex": 5, "questions": {}},
    {"milestoneIndex": 5, "questions": [1]},
    {"milestoneIndex": 5, "questions": [{"answers": [1, 2]}]},
    {"milestoneIndex": 5, "questions": [{"answers": [[1], "x"]}]},
    {"milestoneIndex": 5, "questions": [{"answers": None}]},
]


@pytest.mark.parametrize("document", MALFORMED_BALLOT_RESULTS)
def test_malformed_ballot_results_fail_without_a_traceback(
    document: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "results.json", json.dumps(document))
    assert cli.main(["verify-results", "--event", str(BALLOT), path]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("FAIL ")
    assert captured.err == ""


@pytest.mark.parametrize(
    "args",
    [
        ["--staked", "9" * 5_000],
        ["--staked", "0." + "0" * 200 + "1"],
        ["--staked", "٣"],
        ["--staked", "1e5"],
        ["--staked", "inf"],
        ["--staked", "1/0"],
        ["--staked", "0"],
        ["--staked", "-5"],
        ["--staked", "5", "--epoch-seconds", "0"],
        ["--staked", "5", "--performance", "2"],
        ["--staked", "5", "--commission", "-1/2"],
        ["--staked", "5", "--inflation", "1", "--total-supply", "5"],
    ],
)
def test_iotasrb_refuses_numbers_it_cannot_honour(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out, _ = one_line_error(["iotasrb", *args], capsys)
    assert out == ""


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["--set", "ASMB_INFLATION_RATE=6/100", "--set", "ASMB_INFLATION_RATE=5/100"], "twice"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--from-epoch", "3650"], "horizon"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--from-epoch", "99999999999"], "uint32"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--from-epoch", "٧٣٠"], "uint32"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--years", "0"], "1 to 50"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--years", "51"], "1 to 50"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--out", ""], "file name"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--out", "r.svg"], "chart"),
        (["--set", "ASMB_INFLATION_RATE=6/100", "--out", "no/such/folder/r.md"], "folder"),
        (["--set", "ASMB_INFLATION_RATE=" + "1" * 200], "characters"),
        (["--set", "=6/100"], "PARAM_ID=VALUE"),
    ],
)
def test_what_if_refuses_inputs_it_cannot_honour(
    args: list[str],
    why: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    out, message = one_line_error(["what-if", *args], capsys)
    assert why in message
    assert out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("out", ["", " "])
def test_vectors_need_a_directory_name(
    out: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    one_line_error(["vectors", "--out", out], capsys)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("the previous report\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "half a report, then \ud800 cannot be written")
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    write_atomically(target, "the new report\n")
    assert target.read_text(encoding="utf-8") == "the new report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["report"], ["params", "--format", "json"]])
def test_a_full_device_is_one_line_and_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "spec", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "asmb-spec: error: cannot write the output: No space left on device"
    ]
