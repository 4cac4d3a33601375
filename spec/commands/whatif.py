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

from spec.commands.common import (
    EXIT_OK,
    UsageError,
    bounded_uint,
    exact_argument,
    output_path,
    uint32_argument,
    write_file,
    write_out,
)

EXIT_INVARIANT_FAILS = 3


def _change(text: str) -> tuple[str, Fraction]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not PARAM_ID=VALUE")
    try:
        number: Fraction = exact_argument(value)
    except argparse.ArgumentTypeError as error:
        raise argparse.ArgumentTypeError(f"{name}: {error}") from None
    return name.strip(), number


def _whatif(args: argparse.Namespace) -> int:
    from spec import whatif

    changes: dict[str, Fraction] = {}
    for name, value in args.set:
        if name in changes:
            raise UsageError(f"--set {name} is given twice; a change names each parameter once")
        changes[name] = value
    chart: Path | None = None
    if args.out is not None:
        chart = args.out.with_suffix(".svg")
        if chart.resolve() == args.out.resolve():
            raise UsageError(
                f"--out {args.out}: the chart is written beside the report as {chart.name}; "
                "give the report another suffix (.md, .json, .txt)"
            )
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
    if args.out is not None and chart is not None and plot is not None:
        write_file(chart, plot)
        write_file(args.out, text)
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
    parser.add_argument("--from-epoch", type=uint32_argument, default=730, metavar="N")
    parser.add_argument(
        "--years", type=bounded_uint(50, "a number of years (1 to 50)"), default=10, metavar="N"
    )
    parser.add_argument("--format", choices=("md", "json", "text"), default="md")
    parser.add_argument("--out", type=output_path, metavar="FILE")
    parser.set_defaults(handler=_whatif)
