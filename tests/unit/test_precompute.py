"""The docs build's figures started on other processes (spec.precompute) are the ones computed
in place."""

from __future__ import annotations

import pytest

from spec import precompute
from spec.holders_programs import compute_grid
from spec.whatif import WhatIfError, command_report


def test_a_started_figure_is_the_one_computed_here_and_is_taken_once() -> None:
    here = compute_grid("smr-staking")
    precompute.start([(compute_grid, ("smr-staking",))])
    try:
        assert precompute.value(compute_grid, "smr-staking") == here
        # Taken: a second call computes it here, and gives the same.
        assert precompute.value(compute_grid, "smr-staking") == here
    finally:
        precompute.stop()


def test_without_a_start_the_figure_is_computed_here() -> None:
    precompute.stop()
    assert precompute.value(compute_grid, "postlaunch") == compute_grid("postlaunch")


def test_a_refusal_on_the_other_process_is_raised_here() -> None:
    arguments = ("--set", "NO_SUCH_PARAMETER=1")
    precompute.start([(command_report, (arguments,))])
    try:
        with pytest.raises(WhatIfError, match="NO_SUCH_PARAMETER"):
            precompute.value(command_report, arguments)
    finally:
        precompute.stop()


def test_the_build_starts_the_two_slowest_figures() -> None:
    started = precompute.slowest()
    assert [f"{f.__module__}.{f.__name__}" for f, _ in started] == [
        "spec.holders_programs.compute_grid",
        "spec.whatif.command_report",
    ]
