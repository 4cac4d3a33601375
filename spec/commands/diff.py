"""``asmb-spec diff OLD NEW``: every id added, retired or changed between two versions.

OLD and NEW are each a published version (``0.9.0``: its record file in
``spec/data/releases/``), ``current`` (the record of this source) or the path of a record file
(:mod:`spec.releases`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spec import releases
from spec.commands.common import EXIT_OK, UsageError, write_out


def _record(name: str) -> releases.JSON:
    try:
        return releases.resolve(name)
    except releases.RecordError as error:
        raise UsageError(str(error)) from None


def _diff(args: Any) -> int:
    result = releases.diff(_record(args.old), _record(args.new))
    render: Callable[[releases.Diff], str] = {
        "json": releases.render_json,
        "md": releases.render_markdown,
        "text": releases.render_text,
    }[args.format]
    write_out(render(result))
    return EXIT_OK


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "diff", help="the ids added, retired or changed between two versions of the catalogs"
    )
    for name, role in (("old", "the earlier"), ("new", "the later")):
        parser.add_argument(
            name,
            metavar=name.upper(),
            help=f"{role} version: X.Y.Z (published), 'current' or a record file's path",
        )
    parser.add_argument("--format", choices=("text", "md", "json"), default="text")
    parser.set_defaults(handler=_diff)
