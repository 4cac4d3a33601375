"""The ``asmb-spec`` command: report, params, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

import pytest

from spec import cli
from spec import parameters as pm


def run(*args: str) -> tuple[int, str, str]:
    """Run the command in a subprocess, as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "spec", *args], capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def test_report_json_has_the_key_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    values = {d["id"]: d["value"] for d in report["derivations"]}
    assert values["PRE-WINDOW-MILESTONES"] == 777_600
    assert values["POST-DAILY-PAYOUT-ASMB"] == 21_909_233
    # The cap-binding fraction is an exact "p/q" string: check it independently.
    fraction = Fraction(values["PRE-CAP-BINDING-FRACTION"])
    assert fraction == Fraction(8 * 10**15) / (Fraction(2_779_530_283_277_761 * 4, 10**6) * 777_600)
    assert report["spec"]["version"]
    symbolic = [i for i in report["invariants"] if "symbolic" in i["kinds"]]
    assert symbolic and all(i["verdict"] == "proved" for i in symbolic)
    assert report["summary"]["refuted"] == []


def test_report_json_never_contains_floats(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["report", "--format", "json"])

    def walk(node: object) -> None:
        assert not isinstance(node, float)
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(capsys.readouterr().out))


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_report_other_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "777,600" in out
    assert "21,909,233" in out


def test_params_json_lists_every_parameter_with_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)["parameters"]
    assert [r["id"] for r in records] == [p.id for p in pm.PARAMETERS]
    for record in records:
        assert record["source"]["cite"]
        assert record["profiles"]
        assert isinstance(record["governable"], bool)
        value = record["value"]
        assert isinstance(value, int) or "/" in value
        assert Fraction(value) == pm.ratio(record["id"])


def test_params_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["params"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(pm.PARAMETERS)


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        [],
        ["report", "--format", "xml"],
        ["params", "--format", "md"],
        ["report", "--no-such-flag"],
    ],
)
def test_bad_arguments_one_line_exit_2(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_module_entry_point_runs_the_report() -> None:
    code, out, _ = run("report")
    assert code == 0
    assert "symbolic invariants proved, 0 refuted" in out


def test_iotasrb_shows_the_rate_mainnet_pays_beside_the_published_formula(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """2 B IOTA staked: IOTASRB = 365 · 767,000 / 2,000,000,000 = 0.1399775. A validator with
    2/5 of the stake and 1/4 of the voting power at 5 %: its delegators get 0.1399775 ·
    (1/4) / (2/5) · (1 − max(5 %, 25 %)) = 0.065614453125 under IIP-8, and with the 5 % before it
    0.1399775 · 0.625 · 0.95 = 0.083111640625."""
    args = ["iotasrb", "--staked", "2000000000", "--commission", "5/100"]
    args += ["--stake-share", "2/5", "--voting-power", "1/4", "--format", "json"]
    assert cli.main(args) == 0
    rates = json.loads(capsys.readouterr().out)
    assert Fraction(rates["IOTASRB"]["exact"]) == Fraction("0.1399775")
    assert Fraction(rates["realised (mainnet-v31)"]["exact"]) == Fraction("0.065614453125")
    assert cli.main([*args, "--protocol", "mainnet-v19"]) == 0
    rates = json.loads(capsys.readouterr().out)
    assert Fraction(rates["realised (mainnet-v19)"]["exact"]) == Fraction("0.083111640625")
