"""The ``asmb-spec`` command (also ``python -m spec``).

Every subcommand reads and writes exact numbers: JSON integers for integers, ``"p/q"`` strings
for fractions, never a float alone. A bad argument or input prints one line on standard error and
exits with status 2; no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from spec import __version__
from spec import parameters as pm
from spec import report as rp
from spec.commands import iotasrb, participation, vectors, whatif
from spec.commands.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Parser, UsageError


def _command_report(args: argparse.Namespace) -> int:
    report = rp.build_report()
    render: Callable[[rp.JSON], str] = {
        "json": rp.render_json,
        "md": rp.render_markdown,
        "text": rp.render_text,
    }[args.format]
    sys.stdout.write(render(report))
    return EXIT_FAILED if report["summary"]["refuted"] else EXIT_OK


def _command_params(args: argparse.Namespace) -> int:
    records = [rp.parameter_record(p) for p in pm.PARAMETERS]
    if args.format == "json":
        sys.stdout.write(json.dumps({"parameters": records}, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    for record in records:
        flag = "governable" if record["governable"] else "fixed"
        profiles = ",".join(record["profiles"])
        sys.stdout.write(
            f"{record['id']}\t{record['value']}\t{record['unit']}\t{profiles}\t{flag}\t"
            f"{record['source']['cite']}\n"
        )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="asmb-spec",
        description="Executable specification of the Assembly (ASMB) tokenomics.",
    )
    parser.add_argument("--version", action="version", version=f"asmb-spec {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    report = commands.add_parser(
        "report", help="every parameter, derivation and invariant verdict (exit 1 if refuted)"
    )
    report.add_argument("--format", choices=("text", "json", "md"), default="text")
    report.set_defaults(handler=_command_report)

    params = commands.add_parser("params", help="every parameter with its source")
    params.add_argument("--format", choices=("text", "json"), default="text")
    params.set_defaults(handler=_command_params)

    participation.register(commands)
    iotasrb.register(commands)
    vectors.register(commands)
    whatif.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except UsageError as error:
        sys.stderr.write(f"asmb-spec: error: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
