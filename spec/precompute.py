"""The docs build's slowest figures, started at once on other processes.

The site is built by one process, page after page, and two of its figures take about a third of
the build: the IOTA holders' grid (a year of 25 validators for each amount and network stake)
and the sensitivity sweep on "Writing a proposal". ``mkdocs.yml`` names this file under
``hooks:``: when a build starts (:func:`on_pre_build`) those two start on a pool of the standard
library's processes (spawned afresh, with this process's import path, so that a build of a
patched copy computes with the patched copy), and the page that needs one takes the result
(:func:`value`), waiting for it if it must. The pages in between are built meanwhile.

Each figure is a pure function of its arguments, run by the same code wherever it runs, so the
pages are the same bytes as when everything is computed in place. Outside a build, or for
arguments that were not started, :func:`value` calls the function here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

Call = tuple[Callable[..., Any], tuple[Any, ...]]

_started: dict[tuple[str, tuple[Any, ...]], Future[Any]] = {}
_pools: list[ProcessPoolExecutor] = []


def _key(function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    return (f"{function.__module__}.{function.__qualname__}", args)


def start(calls: Sequence[Call]) -> None:
    """Start each ``(function, arguments)`` on a process of its own (module-level functions of
    picklable arguments)."""
    stop()
    if not calls:
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=len(calls), mp_context=context)
    _pools.append(pool)
    for function, args in calls:
        _started[_key(function, args)] = pool.submit(function, *args)


def value(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)``: the started computation's result when there is one (once), else
    computed here."""
    future = _started.pop(_key(function, args), None)
    if future is None:
        return function(*args)
    result: T = future.result()
    return result


def stop() -> None:
    """Forget what was started and not taken, and shut the pool down."""
    for future in _started.values():
        future.cancel()
    _started.clear()
    while _pools:
        _pools.pop().shutdown(wait=True, cancel_futures=True)


def slowest() -> list[Call]:
    """What the docs build starts first: the IOTA holders' grid and the proposals page's
    sweep."""
    from spec.holders_programs import compute_grid
    from spec.sweep import EXAMPLE_ARGUMENTS
    from spec.whatif import command_report

    return [(compute_grid, ("iota-staking",)), (command_report, (EXAMPLE_ARGUMENTS,))]


# ----------------------------------------------------------------------------- mkdocs hooks
# mkdocs loads a hook file as a module of its own, apart from ``spec.precompute``, which the
# pages import: the hooks act on that one.


def on_pre_build(config: Any) -> None:
    from spec import precompute

    precompute.start(precompute.slowest())


def on_post_build(config: Any) -> None:
    from spec import precompute

    precompute.stop()


def on_build_error(error: Exception) -> None:
    from spec import precompute

    precompute.stop()
