"""``asmb-spec what-if``: a proposed parameter change in, a citable report out.

Exit status 0 when every invariant holds under the change, 3 when one fails (the report says so
prominently), 2 for a change governance may not make (one line naming the parameter and why).
"""

from __future__ import annotations

import argparse
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

from spec.commands.common import EXIT_OK, UsageError, uint_argument, write_out
from spec.exact import ExactParseError, parse_exact

EXIT_INVARIANT_FAILS = 3


def _change(text: str) -> tuple[str, Fraction]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"{text!r} is not PARAM_ID=VALUE")
    try:
        return name.strip(), parse_exact(value)
    except ExactParseError as error:
        raise argparse.ArgumentTypeError(f"{name}: {error}") from None


def _whatif(args: argparse.Namespace) -> int:
    from spec import whatif

    changes = dict(args.set)
    try:
        report = whatif.build_whatif(changes, args.from_epoch, args.years)
    except whatif.WhatIfError as error:
        raise UsageError(str(error)) from None
    plot = whatif.projection_plot(report) if args.out else None
    if args.format == "json":
        text = json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    elif args.format == "md":
        text = whatif.render_markdown(report, plot)
    else:
        text = whatif.render_text(report)
    if args.out:
        out = Path(args.out)
        try:
            out.write_text(text, encoding="utf-8")
            assert plot is not None
            out.with_suffix(".svg").write_text(plot, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {out}: {error.strerror or error}") from None
    else:
        write_out(text)
    return EXIT_INVARIANT_FAILS if report["failedInvariants"] else EXIT_OK


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "what-if", help="a governance change's report: figures, projection, invariants, SHA-256"
    )
    parser.add_argument(
        "--set", action="append", type=_change, required=True, metavar="PARAM_ID=VALUE"
    )
    parser.add_argument("--from-epoch", type=uint_argument, default=730, metavar="N")
    parser.add_argument("--years", type=uint_argument, default=10, metavar="N")
    parser.add_argument("--format", choices=("md", "json", "text"), default="md")
    parser.add_argument("--out", metavar="FILE")
    parser.set_defaults(handler=_whatif)
