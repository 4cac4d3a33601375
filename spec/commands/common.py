"""What every subcommand shares: one-line usage errors, exact JSON in and out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

from spec.exact import ExactParseError, parse_exact
from spec.jsonio import JsonInputError, parse_json, write_atomically

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
    """Read a JSON file strictly (:func:`spec.jsonio.parse_json`: integers stay integers; no
    floats, duplicate keys, lone surrogates or runaway nesting); any problem is a
    ``UsageError`` naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{what} {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{what} {path}: not UTF-8 text") from None
    try:
        return parse_json(text)
    except JsonInputError as error:
        raise UsageError(f"{what} {path}: {error}") from None


def dump_json(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_out(text: str) -> None:
    sys.stdout.write(text)


def write_file(path: Path, text: str) -> None:
    """Write a whole output file, or nothing (a temporary file renamed into place)."""
    try:
        write_atomically(path, text)
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


def output_path(text: str) -> Path:
    """An argparse type for an output file: a non-empty path whose folder exists."""
    if not text or text.endswith(("/", "\\")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a file name")
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r} is a directory")
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"the folder of {text!r} does not exist")
    return path


#: The longest number a user may type: exact values of the specification need far fewer digits.
MAX_NUMBER_CHARACTERS = 100


def exact_argument(text: str) -> Any:
    """An argparse type for exact numbers: integers, decimals or ``p/q`` (ASCII digits)."""
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise argparse.ArgumentTypeError(
            f"a number of {len(text)} characters (at most {MAX_NUMBER_CHARACTERS})"
        )
    try:
        return parse_exact(text)
    except ExactParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def bounded_uint(maximum: int, what: str) -> Any:
    """An argparse type for an integer in 0..``maximum`` written in ASCII digits."""

    def parse(text: str) -> int:
        digits = text.strip()
        if not digits.isascii() or not digits.isdigit() or len(digits) > 20:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        value = int(digits, 10)
        if value > maximum:
            raise argparse.ArgumentTypeError(f"{text} is not {what} (at most {maximum})")
        return value

    return parse


#: A milestone, day or epoch index: a uint32.
uint32_argument = bounded_uint(2**32 - 1, "a uint32")
