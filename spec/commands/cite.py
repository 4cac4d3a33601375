"""``asmb-spec cite ID``: how to cite a parameter, derivation or invariant of this version."""

from __future__ import annotations

from typing import Any

from spec import releases
from spec.commands.common import EXIT_OK, UsageError, dump_json, write_out


def _cite(args: Any) -> int:
    try:
        found = releases.citation(args.id)
    except releases.RecordError as error:
        raise UsageError(str(error)) from None
    if args.format == "json":
        write_out(dump_json(found.as_json()))
    elif args.format == "md":
        write_out(found.markdown() + "\n")
    else:
        write_out(found.text() + "\n")
    return EXIT_OK


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "cite", help="a citation line for an id: statement, value, version, commit and URL"
    )
    parser.add_argument("id", metavar="ID", help="a parameter, derivation or invariant id")
    parser.add_argument("--format", choices=("text", "md", "json"), default="text")
    parser.set_defaults(handler=_cite)
