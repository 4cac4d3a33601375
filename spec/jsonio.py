"""Strict JSON in, exact JSON out.

Every JSON document the specification reads -- an event file, an OUTPUTS document, published
results, a conformance request -- is parsed by :func:`parse_json`, which refuses what a lenient
parser would silently accept and what would later change a value or crash a writer:

* a **duplicate key** in an object (``json.loads`` keeps the last one: a duplicated field of an
  event would silently change its id);
* a **lone surrogate** (``"\\ud800"``) in a string or key: it is no Unicode text, and writing it
  as UTF-8 fails;
* a **float**, ``NaN`` or ``Infinity``: amounts, indices and rates are exact;
* nesting deeper than :data:`MAX_DEPTH`, and integers of more than :data:`MAX_DIGITS` digits.

Each refusal is a :class:`JsonInputError` naming what was wrong, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Final

#: The deepest nesting of arrays and objects accepted (the specification's documents need 8).
MAX_DEPTH: Final = 64
#: The most digits an integer literal may have (2^256 has 78).
MAX_DIGITS: Final = 80

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class JsonInputError(ValueError):
    """A JSON document the specification does not accept; the message says why."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise JsonInputError(f"duplicate key {key!r} in an object")
        document[key] = value
    return document


def _no_float(text: str) -> Any:
    raise JsonInputError(f"{text} is a float; amounts, indices and rates must be exact integers")


def _no_constant(text: str) -> Any:
    raise JsonInputError(f"{text} is not a number")


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise JsonInputError(f"an integer of {len(text.lstrip('-'))} digits (at most {MAX_DIGITS})")
    return int(text)


def _check_text(value: str, where: str) -> None:
    if _SURROGATE.search(value) is not None:
        raise JsonInputError(f"{where}: a lone surrogate (\\ud800-\\udfff) is not Unicode text")


def _walk(document: Any) -> None:
    """Check every string and key for surrogates and the nesting depth (iteratively)."""
    pending: list[tuple[Any, int, str]] = [(document, 1, "$")]
    while pending:
        node, depth, where = pending.pop()
        if isinstance(node, str):
            _check_text(node, where)
            continue
        if not isinstance(node, dict | list):
            continue
        if depth > MAX_DEPTH:
            raise JsonInputError(f"{where}: nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, dict):
            for key, value in node.items():
                _check_text(key, where)
                pending.append((value, depth + 1, f"{where}.{key}"))
        else:
            pending.extend((value, depth + 1, f"{where}[{i}]") for i, value in enumerate(node))


def parse_json(text: str) -> Any:
    """Parse ``text`` strictly (see the module docstring); raise :class:`JsonInputError`."""
    try:
        document = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_float=_no_float,
            parse_int=_integer,
            parse_constant=_no_constant,
        )
    except JsonInputError:
        raise
    except json.JSONDecodeError as error:
        raise JsonInputError(
            f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise JsonInputError(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:
        raise JsonInputError(str(error)) from None
    _walk(document)
    return document


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, renamed into
    place once complete: a failed write leaves no partial file (and an existing one intact)."""
    write_atomically_bytes(path, text.encode("utf-8"))


def write_atomically_bytes(path: Path, data: bytes) -> None:
    """:func:`write_atomically` for bytes."""
    folder = path.parent
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
