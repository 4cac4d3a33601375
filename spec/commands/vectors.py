"""``asmb-spec vectors --out DIR``: write the conformance test vectors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from spec.commands.common import EXIT_OK, UsageError, write_out


def _directory(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not a directory name")
    return Path(text)


def _vectors(args: argparse.Namespace) -> int:
    from contracts.conformance.vectors import write_vectors

    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a directory")
    try:
        written = write_vectors(out)
    except OSError as error:
        raise UsageError(f"cannot write under {out}: {error.strerror or error}") from None
    cases = sum(1 for path in written if path.name == "case.json")
    write_out(f"wrote {cases} cases ({len(written)} files) under {out}\n")
    return EXIT_OK


def register(commands: Any) -> None:
    parser = commands.add_parser("vectors", help="write the conformance test vectors as JSON")
    parser.add_argument("--out", type=_directory, required=True, metavar="DIR")
    parser.set_defaults(handler=_vectors)
