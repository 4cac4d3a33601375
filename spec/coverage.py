"""Which tests check which catalog entries.

Tests declare the invariants they check with a pytest marker whose arguments are literal ids::

    @pytest.mark.invariant("POST-PAYOUT-01", "ASMB-SUPPLY-01")

or, for a Hypothesis state machine, ``TestMachine = pytest.mark.invariant(...)(Machine.TestCase)``.
The special id ``"*symbolic"`` marks a test that proves every symbolic invariant. This module
reads the markers statically (with :mod:`ast`, without importing the tests), so that the docs can
say which test checks each invariant and ``tests/unit/test_catalog.py`` can fail when an entry is
checked nowhere.
"""

from __future__ import annotations

import ast
import functools
from collections import defaultdict
from pathlib import Path

from spec import invariants as inv

ALL_SYMBOLIC = "*symbolic"


def _marker_ids(decorator: ast.expr) -> list[str]:
    """Literal ids of an ``invariant(...)`` marker, or [] when the node is not one."""
    if not isinstance(decorator, ast.Call):
        return []
    target = decorator.func
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    if name != "invariant":
        return []
    return [
        arg.value
        for arg in decorator.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    ]


def scan(tests_dir: Path) -> dict[str, list[str]]:
    """Map every invariant id to the tests (``path::name``) that declare they check it."""
    found: dict[str, set[str]] = defaultdict(set)
    symbolic = {i.id for i in inv.INVARIANTS if i.symbolic}
    for path in sorted(tests_dir.rglob("*.py")):
        relative = path.relative_to(tests_dir.parent).as_posix()
        status = path.stat()
        for where, ids in _markers(str(path), relative, status.st_mtime_ns, status.st_size):
            for invariant_id in ids:
                for one in symbolic if invariant_id == ALL_SYMBOLIC else {invariant_id}:
                    found[one].add(where)
    return {k: sorted(v) for k, v in sorted(found.items())}


@functools.lru_cache(maxsize=4096)
def _markers(
    path: str, relative: str, mtime_ns: int, size: int
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The markers of one test file: (where, ids) pairs. Cached by the file's modification time
    and size, so that a site build's pages (each listing the tests of its invariants) parse
    every test file once, and a changed file is parsed again."""
    del mtime_ns, size  # only the cache's key
    tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
    markers = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            decorators = node.decorator_list
            where = f"{relative}::{node.name}"
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _marker_ids(node.value.func)
        ):
            # ``TestMachine = pytest.mark.invariant("ID", ...)(Machine.TestCase)``
            decorators = [node.value.func]
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            where = f"{relative}::{names[0] if names else '?'}"
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets
        ):
            decorators = (
                list(node.value.elts)
                if isinstance(node.value, ast.List | ast.Tuple)
                else [node.value]
            )
            where = relative
        else:
            continue
        ids = tuple(i for decorator in decorators for i in _marker_ids(decorator))
        if ids:
            markers.append((where, ids))
    return tuple(markers)


def unchecked(tests_dir: Path) -> list[str]:
    """Catalog ids that no test declares it checks."""
    covered = scan(tests_dir)
    return [i.id for i in inv.INVARIANTS if i.id not in covered]


def unknown(tests_dir: Path) -> list[str]:
    """Ids used in markers that are not in the catalog (typos or retired ids)."""
    return sorted(set(scan(tests_dir)) - set(inv.BY_ID))
