"""Sensitivity sweeps: one governance what-if across a range of a parameter or an assumption.

``asmb-spec what-if … --sweep ID=LOW..HIGH[:STEPS]`` asks how the outcome of a proposal depends
on what nobody controls -- an assumption of :mod:`spec.assumptions` (the staked share, the
validators' commission, the fees chains pay) -- or on the value the proposal sets: a governable
parameter, the proposal then setting it to each point in turn. :func:`build_sweep` runs the
projection of :mod:`contracts.projection` at ``STEPS`` evenly spaced exact points, before and
after the proposal, and reports the outcome measures of the horizon's last year (the supply, the
stakers' and the delegators' yields, the community pool) -- each point's figures the ones
``what-if`` prints for that point alone. The report is exact, deterministic and hashed like a
what-if report; its chart is SVG.

The points run in parallel over the machine's cores with the standard library's process pool
(:func:`run_point` is a pure top-level function of a picklable :class:`PointTask`, so any engine
that maps a function over inputs -- Dask's ``client.map``, Ray's ``remote`` -- can run a larger
sweep the same way, and the results sorted by point are the report's rows).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

from spec import __version__, assumptions
from spec import parameters as pm
from spec.exact import json_number
from spec.whatif import (
    JSON,
    WhatIfError,
    anchor_url,
    assumption_records,
    canonical_json,
    change_records,
    check_timing,
    readable,
    run_projection,
    source_revision,
    validate,
    validate_assumptions,
)

#: The most points one sweep runs (each point is two projections of the whole horizon).
MAX_STEPS: Final = 101

#: The outcome measures of a sweep: report key, heading, unit.
MEASURES: Final[tuple[tuple[str, str, str], ...]] = (
    ("supply", "supply", "µASMB"),
    ("stakerYield", "yield to stakers", "1/year"),
    ("delegatorYield", "yield to delegators, after commission", "1/year"),
    ("communityPool", "community pool", "µASMB"),
)


@dataclass(frozen=True)
class Sweep:
    """What a sweep varies: a governable parameter or an assumption, from ``low`` to ``high``."""

    id: str
    low: Fraction
    high: Fraction
    steps: int

    @property
    def kind(self) -> str:
        return "parameter" if self.id in pm.BY_ID else "assumption"

    @property
    def unit(self) -> str:
        if self.kind == "parameter":
            return pm.get(self.id).unit
        return assumptions.get(self.id).unit

    def points(self) -> list[Fraction]:
        """``steps`` exact points from ``low`` to ``high``, both included, evenly spaced."""
        span = self.high - self.low
        return [self.low + span * k / (self.steps - 1) for k in range(self.steps)]


@dataclass(frozen=True)
class PointTask:
    """One projection of a sweep: the changes a proposal makes (none for the status quo), the
    assumptions it runs under, and when the changes apply."""

    changes: tuple[tuple[str, Fraction], ...]
    assumed: tuple[tuple[str, Fraction], ...]
    from_epoch: int
    years: int


def run_point(task: PointTask) -> JSON:
    """The outcome measures of one projection, in the horizon's last year (exact)."""
    staking = validate_assumptions(dict(task.assumed), task.years)
    projection = run_projection(dict(task.changes), task.from_epoch, task.years, staking)
    last = projection.rows[-1]
    return {
        "supply": last.supply,
        "stakerYield": json_number(last.staker_yield),
        "delegatorYield": json_number(last.staking_yield),
        "communityPool": last.community,
    }


def check_sweep(sweep: Sweep, changes: Mapping[str, Fraction], years: int) -> None:
    """Refuse a sweep the report cannot honour (raises ``WhatIfError``)."""
    if sweep.id not in pm.BY_ID and sweep.id not in assumptions.BY_ID:
        raise WhatIfError(
            f"--sweep {sweep.id}: neither a parameter nor an assumption "
            f"(assumptions: {', '.join(assumptions.BY_ID)})"
        )
    if sweep.kind == "parameter" and sweep.id in changes:
        raise WhatIfError(
            f"--sweep {sweep.id}: the proposal already sets it with --set; a parameter sweep "
            "is the proposal setting it to each point"
        )
    if sweep.kind == "assumption" and not changes:
        raise WhatIfError(
            f"--sweep {sweep.id}: an assumption sweep compares a proposal with the status quo; "
            "give the proposal with --set"
        )
    if not sweep.low < sweep.high:
        raise WhatIfError(
            f"--sweep {sweep.id}: LOW ({sweep.low}) must be below HIGH ({sweep.high})"
        )
    if not 2 <= sweep.steps <= MAX_STEPS:
        raise WhatIfError(f"--sweep {sweep.id}: STEPS is 2 to {MAX_STEPS}, not {sweep.steps}")
    for point in sweep.points():
        if sweep.kind == "parameter":
            problem = pm.check_governable(sweep.id, point)
            if problem is not None:
                raise WhatIfError(f"--sweep point {point}: {problem}")
        else:
            try:
                validate_assumptions({sweep.id: point}, years)
            except WhatIfError as error:
                raise WhatIfError(
                    f"--sweep point {point}: {error}".replace(": --assume", "")
                ) from None


def tasks(
    sweep: Sweep,
    changes: Mapping[str, Fraction],
    from_epoch: int,
    years: int,
    assumed: Mapping[str, Fraction],
) -> list[tuple[PointTask, PointTask]]:
    """The status quo and the proposal at each point of the sweep."""
    pairs = []
    proposal = tuple(sorted(changes.items()))
    for point in sweep.points():
        if sweep.kind == "parameter":
            fixed = tuple(sorted(assumed.items()))
            before = PointTask((), fixed, from_epoch, years)
            after = PointTask(
                tuple(sorted({**changes, sweep.id: point}.items())), fixed, from_epoch, years
            )
        else:
            varied = tuple(sorted({**assumed, sweep.id: point}.items()))
            before = PointTask((), varied, from_epoch, years)
            after = PointTask(proposal, varied, from_epoch, years)
        pairs.append((before, after))
    return pairs


#: The sweep "Writing a proposal" shows (Example 3): the staked share from 10 % to 90 % under a
#: proposal of 6 % inflation from the start of year 3 (:mod:`spec.precompute` starts it first).
EXAMPLE_ARGUMENTS: Final = (
    "--set",
    "ASMB_INFLATION_RATE=6/100",
    "--from-epoch",
    "730",
    "--years",
    "10",
    "--sweep",
    "ASSUME-BONDED-SHARE=1/10..9/10:5",
)


def run_all(points: Sequence[PointTask], jobs: int) -> list[JSON]:
    """:func:`run_point` of each task, in order: the distinct tasks run once each, on ``jobs``
    processes of the standard library's pool (started afresh, so nothing of this process's
    state reaches them)."""
    distinct = list(dict.fromkeys(points))
    if jobs <= 1 or len(distinct) == 1:
        results = [run_point(task) for task in distinct]
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(distinct)), mp_context=context) as pool:
            results = list(pool.map(run_point, distinct))
    by_task = dict(zip(distinct, results, strict=True))
    return [by_task[task] for task in points]


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def build_sweep(
    changes: Mapping[str, Fraction],
    from_epoch: int,
    years: int,
    sweep: Sweep,
    *,
    assumed: Mapping[str, Fraction] | None = None,
    jobs: int | None = None,
    revision: str | None = None,
) -> JSON:
    """The sweep report (see the module docstring). Raises ``WhatIfError``."""
    assumed = dict(assumed or {})
    if changes:
        validate(changes)
    check_timing(from_epoch, years)
    if sweep.id in assumed:
        raise WhatIfError(f"--sweep {sweep.id}: also given with --assume; give it once")
    validate_assumptions(assumed, years)
    check_sweep(sweep, changes, years)
    pairs = tasks(sweep, changes, from_epoch, years, assumed)
    flat = [task for pair in pairs for task in pair]
    results = run_all(flat, default_jobs() if jobs is None else jobs)
    rows = [
        {"value": json_number(point), "before": results[2 * k], "after": results[2 * k + 1]}
        for k, point in enumerate(sweep.points())
    ]
    report: JSON = {
        "title": "Governance sensitivity sweep",
        "spec": {"version": __version__, "revision": revision or source_revision()},
        "changes": change_records(changes, sources=False),
        "fromEpoch": from_epoch,
        "years": years,
        "sweep": {
            "id": sweep.id,
            "kind": sweep.kind,
            "unit": sweep.unit,
            "low": json_number(sweep.low),
            "high": json_number(sweep.high),
            "steps": sweep.steps,
        },
        "assumed": [
            record
            for record in assumption_records(validate_assumptions(assumed, years))
            if record["id"] != sweep.id
        ],
        "measures": [{"id": key, "name": name, "unit": unit} for key, name, unit in MEASURES],
        "measuredAt": f"the end of year {years}: the supply and the community pool then, the "
        f"yields over year {years}",
        "rows": rows,
    }
    report["sha256"] = hashlib.sha256(canonical_json(report).encode("utf-8")).hexdigest()
    return report


# ----------------------------------------------------------------------------- renderings


def _subject(report: JSON) -> str:
    sweep = report["sweep"]
    low, high = readable(sweep["low"], sweep["unit"]), readable(sweep["high"], sweep["unit"])
    return f"{sweep['id']} from {low} to {high} in {sweep['steps']} points"


def _proposal(report: JSON) -> str:
    if not report["changes"]:
        return "the proposal sets it to each point"
    parts = [
        f"{c['id']} {readable(c['before'], c['unit'])} → {readable(c['after'], c['unit'])}"
        for c in report["changes"]
    ]
    return ", ".join(parts) + f", from epoch {report['fromEpoch']}"


def render_text(report: JSON) -> str:
    sweep = report["sweep"]
    lines = [
        f"{report['title']} -- spec v{report['spec']['version']} ({report['spec']['revision']})",
        f"sha256 {report['sha256']}",
        f"Sweep of {_subject(report)}; proposal: {_proposal(report)}.",
        f"Measured at {report['measuredAt']}; before → after the proposal. --format json gives "
        "every exact value.",
        "",
    ]
    table = [[sweep["id"], *(name for _, name, _ in MEASURES)]]
    for row in report["rows"]:
        table.append(
            [
                readable(row["value"], sweep["unit"]),
                *(
                    f"{readable(row['before'][key], unit)} → {readable(row['after'][key], unit)}"
                    for key, _, unit in MEASURES
                ),
            ]
        )
    widths = [max(len(line[k]) for line in table) for k in range(len(table[0]))]
    for line in table:
        lines.append("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def render_markdown(report: JSON, plot: str | None = None, *, site_links: bool = False) -> str:
    """The sweep for readers: a table of the measures before and after at each point (each
    exact value in its tooltip) and, with ``plot``, the chart."""
    from spec.readable import html, whole_tokens
    from spec.render import page_link
    from spec.whatif import _exact

    def show(value: Any, unit: str) -> str:
        return html(whole_tokens(_exact(value), unit))

    def linked(identifier: str, page: str) -> str:
        target = page_link(page, identifier) if site_links else anchor_url(page, identifier)
        return f"[`{identifier}`]({target})"

    sweep = report["sweep"]
    page = "parameters" if sweep["kind"] == "parameter" else "proposals"
    changes = ", ".join(
        f"{linked(c['id'], 'parameters')} {show(c['before'], c['unit'])} → "
        f"**{show(c['after'], c['unit'])}**"
        for c in report["changes"]
    )
    proposal = (
        changes + f", in force from epoch {report['fromEpoch']}"
        if changes
        else (
            f"{linked(sweep['id'], page)} set to each point, in force from epoch "
            f"{report['fromEpoch']}"
        )
    )
    out = [
        f"# {report['title']}",
        "",
        f"Spec version **{report['spec']['version']}**, source revision "
        f"`{report['spec']['revision']}`. Sweep SHA-256: `{report['sha256']}`.",
        "",
        f"- Swept: {linked(sweep['id'], page)} from {show(sweep['low'], sweep['unit'])} to "
        f"{show(sweep['high'], sweep['unit'])}, {sweep['steps']} points",
        f"- Proposal: {proposal}",
        f"- Measured at {report['measuredAt']}, before → after the proposal",
        "",
        "| " + " | ".join([f"`{sweep['id']}`", *(name for _, name, _ in MEASURES)]) + " |",
        "|---|" + "---|" * len(MEASURES),
    ]
    for row in report["rows"]:
        cells = [
            f"{show(row['before'][key], unit)} → **{show(row['after'][key], unit)}**"
            for key, _, unit in MEASURES
        ]
        out.append(f"| {show(row['value'], sweep['unit'])} | " + " | ".join(cells) + " |")
    if plot is not None:
        out += ["", f'<figure class="whatif-chart">\n{plot.strip()}\n</figure>']
    return "\n".join(out) + "\n"


def sweep_plot(report: JSON) -> str:
    """The four measures across the sweep, before and after the proposal (SVG, one panel each)."""
    from spec.plots import figure

    sweep = report["sweep"]
    xs = [float(Fraction(str(row["value"]))) for row in report["rows"]]
    percent = sweep["unit"] in {"1", "1/year"}
    if percent:
        xs = [100 * x for x in xs]

    def value(row: JSON, side: str, key: str, unit: str) -> float:
        number = Fraction(str(row[side][key]))
        return float(number * 100) if unit == "1/year" else float(number / 10**15)

    def draw(grid: Any) -> None:
        for panel, (key, name, unit) in zip(grid.flat, MEASURES, strict=True):
            for side, style in (("before", "--"), ("after", "-")):
                panel.plot(
                    xs,
                    [value(row, side, key, unit) for row in report["rows"]],
                    style,
                    marker="o",
                    markersize=3,
                    label=f"{side} the proposal",
                )
            panel.set_title(name + (" (%)" if unit == "1/year" else " (billion ASMB)"), fontsize=9)
        for panel in grid[1]:
            panel.set_xlabel(sweep["id"] + (" (%)" if percent else f" ({sweep['unit']})"))
        grid[0][0].legend(frameon=False, fontsize=8)

    title = f"Sweep of {sweep['id']}: the proposal against the status quo, year {report['years']}"
    return figure(draw, title, width=7.0, height=5.0, panels=(2, 2))
