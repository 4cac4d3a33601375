"""What every subcommand shares: one-line usage errors, exact JSON in and out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from spec.exact import ExactParseError, parse_exact

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """A bad argument or input: reported on one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def load_json(path: str, what: str) -> Any:
    """Read a JSON file exactly (integers stay integers); any problem is a ``UsageError``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{what} {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{what} {path}: not UTF-8 text") from None
    try:
        return json.loads(text, parse_float=_reject_float)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{what} {path}: malformed JSON at line {error.lineno} column {error.colno}: "
            f"{error.msg}"
        ) from None
    except ValueError as error:
        raise UsageError(f"{what} {path}: {error}") from None


def _reject_float(text: str) -> Any:
    raise ValueError(f"{text} is a float; amounts and indices must be integers")


def dump_json(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_out(text: str) -> None:
    sys.stdout.write(text)


def exact_argument(text: str) -> Any:
    """An argparse type for exact numbers: integers, decimals or ``p/q``."""
    try:
        return parse_exact(text)
    except ExactParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def uint_argument(text: str) -> int:
    """An argparse type for a non-negative integer."""
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is negative")
    return value
