"""``asmb-spec vectors``, ``replay`` and ``conform``: the conformance kit on the command line.

* ``vectors --out DIR`` writes the test vectors; ``--archive FILE`` packs them into one
  ``.tar.gz`` and prints its SHA-256.
* ``replay CASE.json --implementation IMPL`` replays one case (a published vector, or a failing
  case the suite wrote out): exit 0 when the implementation conforms, 1 with the first mismatch.
* ``conform --implementation IMPL [--contracts a,b]`` runs the whole suite (vectors, sweep,
  differential machines) from the installed package; its exit status is 0 when everything
  passes and 1 when something fails.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from spec.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    load_json,
    output_path,
    write_out,
)


def _directory(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not a directory name")
    return Path(text)


def _vectors(args: argparse.Namespace) -> int:
    from contracts.conformance.vectors import write_archive, write_vectors

    if args.out is None and args.archive is None:
        raise UsageError("vectors: give --out DIR, --archive FILE, or both")
    if args.out is not None:
        out: Path = args.out
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out} exists and is not a directory")
        try:
            written = write_vectors(out)
        except OSError as error:
            raise UsageError(f"cannot write under {out}: {error.strerror or error}") from None
        cases = sum(1 for path in written if path.name == "case.json")
        write_out(f"wrote {cases} cases ({len(written)} files) under {out}\n")
    if args.archive is not None:
        try:
            digest = write_archive(args.archive)
        except OSError as error:
            raise UsageError(f"cannot write {args.archive}: {error.strerror or error}") from None
        write_out(f"{digest}  {args.archive}\n")
    return EXIT_OK


def _driver(spec: str) -> Any:
    from contracts.conformance.drivers import driver_for

    try:
        return driver_for(spec)
    except (ValueError, ImportError, AttributeError, OSError) as error:
        raise UsageError(f"--implementation {spec}: {error}") from None


def _replay(args: argparse.Namespace) -> int:
    from contracts.conformance.drivers import ProtocolError
    from contracts.conformance.vectors import replay

    case = load_json(args.case, "case")
    if not isinstance(case, dict) or not {"contract", "create", "steps"} <= set(case):
        raise UsageError(f"case {args.case}: not a conformance vector")
    driver = _driver(args.implementation)
    try:
        problems = replay(driver, case)
    except ProtocolError as error:
        problems = [f"protocol: {error}"]
    except (KeyError, TypeError) as error:
        raise UsageError(f"case {args.case}: malformed ({error})") from None
    finally:
        driver.close()
    if problems:
        for problem in problems:
            write_out(f"FAIL {problem}\n")
        return EXIT_FAILED
    write_out(f"ok: {case['contract']}/{case.get('name', '?')} conforms\n")
    return EXIT_OK


def _conform(args: argparse.Namespace) -> int:
    import pytest

    os.environ.setdefault("HYPOTHESIS_PROFILE", "conformance")
    command = [
        "--pyargs",
        "contracts.conformance.suite",
        "-p",
        "no:cacheprovider",
        "-q",
        "-rs",
        "-W",
        "ignore::pytest.PytestAssertRewriteWarning",
        "--implementation",
        args.implementation,
        "--conformance-failures",
        str(args.failures),
    ]
    if args.contracts:
        command += ["--contracts", args.contracts]
    status = int(pytest.main(command))
    if status == 0:
        return EXIT_OK
    return EXIT_FAILED if status == 1 else EXIT_USAGE


def register(commands: Any) -> None:
    parser = commands.add_parser("vectors", help="write the conformance test vectors as JSON")
    parser.add_argument("--out", type=_directory, metavar="DIR")
    parser.add_argument("--archive", type=output_path, metavar="FILE.tar.gz")
    parser.set_defaults(handler=_vectors)

    replay = commands.add_parser("replay", help="replay one conformance case on an implementation")
    replay.add_argument("case", metavar="CASE.json")
    replay.add_argument("--implementation", required=True, metavar="IMPL")
    replay.set_defaults(handler=_replay)

    conform = commands.add_parser(
        "conform", help="run the conformance suite on an implementation (exit 1 on a failure)"
    )
    conform.add_argument("--implementation", required=True, metavar="IMPL")
    conform.add_argument("--contracts", default="", metavar="A,B")
    conform.add_argument(
        "--failures", type=_directory, default=Path("conformance-failures"), metavar="DIR"
    )
    conform.set_defaults(handler=_conform)
