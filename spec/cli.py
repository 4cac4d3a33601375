"""The ``asmb-spec`` command (also ``python -m spec``).

Every subcommand reads and writes exact numbers: JSON integers for integers, ``"p/q"`` strings
for fractions, never a float alone. A bad argument or input prints one line on standard error and
exits with status 2; no traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from contracts.errors import ContractError
from spec import __version__
from spec import parameters as pm
from spec import report as rp
from spec.commands import cite, diff, iotasrb, participation, vectors, whatif
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
    diff.register(commands)
    cite.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Every failure is one line on standard error: a bad argument or input (``UsageError``), a
    contract's refusal of an input, or standard output that cannot be written (a full device)
    all exit with status 2; a closed pipe ends the command quietly.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = args.handler
        status = handler(args)
        sys.stdout.flush()
        return status
    except UsageError as error:
        return _fail(str(error))
    except ContractError as error:
        return _fail(f"{error.message} [{error.code}]")
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        _silence_stdout()
        return _fail(f"cannot write the output: {error.strerror or error}")


def _fail(message: str) -> int:
    sys.stderr.write(f"asmb-spec: error: {message}\n")
    return EXIT_USAGE


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
