"""``asmb-spec what-if``: a proposed parameter change in, a citable report out; with ``--sweep``,
the same across a range of an assumption or of a parameter (:mod:`spec.sweep`).

Exit status 0 when every invariant holds under the change, 3 when one fails (the report says so
prominently), 2 for a change governance may not make or an input the report cannot honour (one
line naming the parameter and why). A sweep exits 0 or 2.
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
from spec.sweep import MAX_STEPS

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


def _sweep(text: str) -> tuple[str, Fraction, Fraction, int]:
    """``ID=LOW..HIGH[:STEPS]`` (STEPS 5 when not given)."""
    name, sep, rest = text.partition("=")
    bounds, _, steps_text = rest.partition(":")
    low_text, dots, high_text = bounds.partition("..")
    if not sep or not name.strip() or not dots:
        raise argparse.ArgumentTypeError(f"{text!r} is not ID=LOW..HIGH[:STEPS]")
    try:
        low: Fraction = exact_argument(low_text)
        high: Fraction = exact_argument(high_text)
    except argparse.ArgumentTypeError as error:
        raise argparse.ArgumentTypeError(f"{name}: {error}") from None
    steps = bounded_uint(MAX_STEPS, f"a number of steps (2 to {MAX_STEPS})")(steps_text or "5")
    return name.strip(), low, high, steps


def _once(pairs: list[tuple[str, Fraction]], option: str) -> dict[str, Fraction]:
    given: dict[str, Fraction] = {}
    for name, value in pairs:
        if name in given:
            raise UsageError(f"{option} {name} is given twice; give each once")
        given[name] = value
    return given


def _whatif(args: argparse.Namespace) -> int:
    from spec import sweep, whatif

    changes = _once(args.set or [], "--set")
    assumed = _once(args.assume or [], "--assume")
    chart: Path | None = None
    if args.out is not None:
        chart = args.out.with_suffix(".svg")
        if chart.resolve() == args.out.resolve():
            raise UsageError(
                f"--out {args.out}: the chart is written beside the report as {chart.name}; "
                "give the report another suffix (.md, .json, .txt)"
            )
    if args.jobs is not None and args.sweep is None:
        raise UsageError("--jobs: only a --sweep runs in parallel")
    if args.jobs == 0:
        raise UsageError("--jobs 0: a sweep runs on 1 to 256 processes")
    try:
        if args.sweep is not None:
            name, low, high, steps = args.sweep
            report = sweep.build_sweep(
                changes,
                args.from_epoch,
                args.years,
                sweep.Sweep(name, low, high, steps),
                assumed=assumed,
                jobs=args.jobs,
            )
        else:
            report = whatif.build_whatif(changes, args.from_epoch, args.years, assumed=assumed)
    except whatif.WhatIfError as error:
        raise UsageError(str(error)) from None
    is_sweep = args.sweep is not None
    plot = None
    if args.out:
        plot = sweep.sweep_plot(report) if is_sweep else whatif.projection_plot(report)
    if args.format == "json":
        text = json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    elif args.format == "md":
        render = sweep.render_markdown if is_sweep else whatif.render_markdown
        text = render(report, plot)
    else:
        text = sweep.render_text(report) if is_sweep else whatif.render_text(report)
    if args.out is not None and chart is not None and plot is not None:
        write_file(chart, plot)
        write_file(args.out, text)
    else:
        write_out(text)
    if is_sweep:
        return EXIT_OK
    return EXIT_INVARIANT_FAILS if report["failedInvariants"] else EXIT_OK


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "what-if",
        help="a governance change's report: figures, projection, invariants, SHA-256; or a "
        "sensitivity sweep",
    )
    parser.add_argument("--set", action="append", type=_change, metavar="PARAM_ID=VALUE")
    parser.add_argument(
        "--assume",
        action="append",
        type=_change,
        metavar="ASSUMPTION_ID=VALUE",
        help="run the projection under another value of an assumption (ASSUME-…)",
    )
    parser.add_argument(
        "--sweep",
        type=_sweep,
        metavar="ID=LOW..HIGH[:STEPS]",
        help="a table and chart across a range of an assumption, or of a parameter the "
        "proposal then sets to each point (STEPS 5 by default)",
    )
    parser.add_argument(
        "--jobs",
        type=bounded_uint(256, "a number of processes (1 to 256)"),
        metavar="N",
        help="processes a sweep runs on (every core by default)",
    )
    parser.add_argument("--from-epoch", type=uint32_argument, default=730, metavar="N")
    parser.add_argument(
        "--years", type=bounded_uint(50, "a number of years (1 to 50)"), default=10, metavar="N"
    )
    parser.add_argument("--format", choices=("md", "json", "text"), default="md")
    parser.add_argument("--out", type=output_path, metavar="FILE")
    parser.set_defaults(handler=_whatif)
