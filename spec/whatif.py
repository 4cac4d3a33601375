"""Governance what-if reports: a proposed parameter change in, a citable report out.

:func:`build_whatif` takes changes to governable parameters, the epoch they take effect and a
horizon, and returns a JSON-ready report: the spec version and source revision; the changes with
their sources; every derived figure that changes, before and after; the supply and staking-yield
projection by year, run on the contracts; every invariant re-proved under the new values; and
the SHA-256 of the report's own canonical JSON, so that a proposal can cite it. The same inputs
give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import sympy

from spec import __version__, assumptions
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import format_decimal, json_number
from spec.report import decimal_of, encode_source, encode_value

if TYPE_CHECKING:
    from contracts.projection import Projection, StakingAssumptions, YearRow

JSON = dict[str, Any]
REPO = Path(__file__).resolve().parent.parent


class WhatIfError(ValueError):
    """A change governance may not make (exit status 2)."""


def source_revision() -> str:
    """The git commit of the specification's source, or ``unknown`` outside a checkout (the same
    with or without a ``git`` program: :func:`spec.publish.source_revision`)."""
    from spec import publish

    return publish.source_revision()


def validate(changes: Mapping[str, Fraction]) -> None:
    if not changes:
        raise WhatIfError("no change: give at least one --set PARAM_ID=VALUE")
    for parameter_id, value in changes.items():
        problem = pm.check_governable(parameter_id, value)
        if problem is not None:
            raise WhatIfError(problem)


def _figure(value: Any, width: bool = False) -> JSON:
    figure: JSON = {"exact": encode_value(value)}
    decimal = decimal_of(value)
    if decimal is not None:
        figure["decimal"] = decimal
    if width:
        figure["bits"] = dv.bits_needed(value)
    return figure


#: How a changed derived figure is evaluated (the report's ``timing`` of each).
FROM_ACTIVATION: Final = "from-activation"
STEADY_STATE: Final = "steady-state"


def changed_derivations(before: pm.Environment, after: pm.Environment, epoch: int) -> list[JSON]:
    """Every derived figure that the change moves, before and after.

    A figure of a moment or a period (year 1's provision, the supply after 10 years) is
    evaluated with the change taking effect at ``epoch``, as the projection applies it; every
    other figure is a steady-state figure, its value once the change is in force.
    """
    rows = []
    for derivation in dv.DERIVATIONS:
        old, new = derivation.evaluate(before), derivation.evaluate_from(before, after, epoch)
        if sympy.simplify(sympy.sympify(old) - sympy.sympify(new)) != 0:
            rows.append(
                {
                    "id": derivation.id,
                    "meaning": derivation.meaning,
                    "unit": derivation.unit,
                    "timing": FROM_ACTIVATION if derivation.timed else STEADY_STATE,
                    "before": _figure(old, derivation.width),
                    "after": _figure(new, derivation.width),
                }
            )
    return rows


def validate_assumptions(assumed: Mapping[str, Fraction], years: int) -> StakingAssumptions:
    """The projection's assumptions with ``assumed`` in place of their defaults; raises
    ``WhatIfError`` for an unknown id or a value the projection cannot run with."""
    from contracts.projection import StakingAssumptions

    for assumption_id in assumed:
        if assumption_id not in assumptions.BY_ID:
            known = ", ".join(assumptions.BY_ID)
            raise WhatIfError(f"--assume {assumption_id}: no such assumption (known: {known})")
        problem = assumptions.get(assumption_id).problem(assumed[assumption_id])
        if problem is not None:
            raise WhatIfError(f"--assume: {problem}")
    staking = StakingAssumptions.from_values(assumed)
    problems = staking.problems(years)
    if problems:
        raise WhatIfError(f"--assume: {problems[0]}")
    return staking


def check_timing(from_epoch: int, years: int) -> None:
    """Refuse an activation epoch that no proposal can reach or that the projection never sees."""
    from contracts.projection import earliest_activation

    if from_epoch < earliest_activation():
        raise WhatIfError(
            f"--from-epoch {from_epoch}: a proposal submitted after genesis takes effect at epoch "
            f"{earliest_activation()} at the earliest"
        )
    if not 1 <= years <= 50:
        raise WhatIfError(f"--years {years}: the horizon is 1 to 50 years")
    horizon = years * pm.integer("ASMB_EPOCHS_PER_YEAR")
    if from_epoch >= horizon:
        raise WhatIfError(
            f"--from-epoch {from_epoch}: the change would apply after the projection's horizon "
            f"(epoch {horizon}, {years} years); raise --years or choose an earlier epoch"
        )


def projection_row(old: YearRow, new: YearRow) -> JSON:
    """One year of the projection, before and after, exact (yields as ``"p/q"``)."""
    return {
        "year": new.year,
        "supplyBefore": old.supply,
        "supplyAfter": new.supply,
        "mintedBefore": old.minted,
        "mintedAfter": new.minted,
        "yieldBefore": json_number(old.staking_yield),
        "yieldAfter": json_number(new.staking_yield),
        "yieldBeforeDecimal": format_decimal(old.staking_yield, 6),
        "yieldAfterDecimal": format_decimal(new.staking_yield, 6),
        "stakerYieldBefore": json_number(old.staker_yield),
        "stakerYieldAfter": json_number(new.staker_yield),
        "communityBefore": old.community,
        "communityAfter": new.community,
    }


def run_projection(
    changes: Mapping[str, Fraction], from_epoch: int, years: int, staking: StakingAssumptions
) -> Projection:
    """The projection of ``changes``; raises ``WhatIfError`` when the proposal would not execute
    (a change the governance contract cannot carry out under the projection's assumptions)."""
    from contracts.projection import project

    projection = project(dict(changes), from_epoch, years, staking)
    if changes and projection.proposal_status != "executed":
        raise WhatIfError(
            f"the proposal is {projection.proposal_status} in the projection: the governance "
            "contract does not carry out this change at epoch "
            f"{from_epoch} under the projection's assumptions"
        )
    return projection


def canonical_json(document: Any) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def build_whatif(
    changes: Mapping[str, Fraction],
    from_epoch: int,
    years: int,
    *,
    assumed: Mapping[str, Fraction] | None = None,
    revision: str | None = None,
) -> JSON:
    """The what-if report (see the module docstring). Raises ``WhatIfError``."""
    validate(changes)
    check_timing(from_epoch, years)
    staking = validate_assumptions(assumed or {}, years)
    before = pm.default_environment()
    after = dict(before)
    for parameter_id, value in changes.items():
        after[parameter_id] = sympy.Rational(value.numerator, value.denominator)
    baseline = run_projection({}, from_epoch, years, staking)
    proposed = run_projection(changes, from_epoch, years, staking)
    proofs = inv.prove_all(after)
    failed = sorted(k for k, p in proofs.items() if not p.holds)
    report: JSON = {
        "title": "Governance what-if report",
        "spec": {"version": __version__, "revision": revision or source_revision()},
        "changes": change_records(changes),
        "fromEpoch": from_epoch,
        "years": years,
        "derivations": changed_derivations(before, after, from_epoch),
        "projection": {
            "rows": [
                projection_row(old, new)
                for old, new in zip(baseline.rows, proposed.rows, strict=True)
            ],
            "proposalStatus": proposed.proposal_status,
            "assumptions": staking.describe(),
            "assumed": assumption_records(staking),
            "dependsOnAssumptions": [
                "staking yield (bonded share, commission, restaking, fees)",
                "community pool",
            ],
            "independentOfAssumptions": ["supply", "minted"],
        },
        "invariants": [
            {
                "id": invariant_id,
                "verdict": proof.verdict.value,
                "method": proof.method,
                "detail": proof.detail,
            }
            for invariant_id, proof in proofs.items()
        ],
        "failedInvariants": failed,
    }
    report["sha256"] = hashlib.sha256(canonical_json(report).encode("utf-8")).hexdigest()
    return report


def change_records(changes: Mapping[str, Fraction], *, sources: bool = True) -> list[JSON]:
    """Each change of a proposal, by id: before, after, unit and (with ``sources``) source."""
    records = []
    for parameter_id, value in sorted(changes.items()):
        record: JSON = {
            "id": parameter_id,
            "before": json_number(pm.ratio(parameter_id)),
            "after": json_number(value),
            "unit": pm.get(parameter_id).unit,
        }
        if sources:
            record["source"] = encode_source(pm.get(parameter_id).source)
        records.append(record)
    return records


def assumption_records(staking: StakingAssumptions) -> list[JSON]:
    """Each assumption the projection ran with: id, value, unit, and whether it is the default."""
    return [
        {
            "id": assumption_id,
            "value": json_number(value),
            "unit": assumptions.get(assumption_id).unit,
            "default": value == assumptions.get(assumption_id).default,
        }
        for assumption_id, value in staking.values().items()
    ]


def verify_digest(report: JSON) -> bool:
    """True when ``report['sha256']`` is the SHA-256 of the rest of the report."""
    body = {k: v for k, v in report.items() if k != "sha256"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest() == report.get("sha256")


def command_report(arguments: Sequence[str]) -> tuple[int, JSON]:
    """Run ``asmb-spec what-if ARGUMENTS --format json`` in this process: its exit status (0, or
    3 when an invariant fails) and the report it printed.

    The site shows the report of the very command it prints beside it, so that the SHA-256 on
    the page is the one a reader gets by running that command at the same source commit.
    """
    import contextlib
    import io

    from spec.cli import main

    printed, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(errors):
        status = main(["what-if", *arguments, "--format", "json"])
    if status not in (0, 3):
        raise WhatIfError(f"asmb-spec what-if {shlex.join(arguments)}: {errors.getvalue().strip()}")
    report: JSON = json.loads(printed.getvalue())
    return status, report


def command_line(arguments: Sequence[str], width: int = 40) -> str:
    """``asmb-spec what-if ARGUMENTS`` as typed in a shell, continued with backslashes onto
    indented lines of at most about ``width`` characters (an option stays with its value)."""
    words = [shlex.quote(a) for a in arguments]
    groups: list[str] = []
    for word in words:
        option = groups[-1] if groups else ""
        if option.startswith("--") and " " not in option and not word.startswith("--"):
            groups[-1] = f"{option} {word}"
        else:
            groups.append(word)
    lines = ["asmb-spec what-if"]
    for group in groups:
        if len(lines[-1]) + 1 + len(group) > width and lines[-1].strip():
            lines.append("    " + group)
        else:
            lines[-1] += " " + group
    return " \\\n".join(lines)


def reproduction(arguments: Sequence[str], report: JSON, status: int) -> str:
    """HTML for the site: the command that prints ``report``, and where it prints the same
    SHA-256 (the source commit the report names)."""
    from html import escape

    from spec import publish

    def code(text: str) -> str:
        return f"<code>{escape(text)}</code>"

    spec = report["spec"]
    revision, version = str(spec["revision"]), str(spec["version"])
    if publish.HEX40.match(revision):
        where = (
            f"in a checkout of source commit {code(revision)} (spec {escape(version)}; "
            f"{code('git checkout ' + revision[:12])})"
        )
    else:
        where = f"from the {code('asmb-spec')} {escape(version)} package, outside a git checkout"
    exit_note = f", and exits with status {status}" if status else ""
    text = [
        '<div class="whatif-command">',
        f'<pre><code class="language-sh">{escape(command_line(arguments))}</code></pre>',
        f"<p>Run {where}, this command prints the report below, SHA-256 "
        f"{code(report['sha256'])}{exit_note}; {code('--format json')} or "
        f"{code('--format text')} print the same report and hash in another form.</p>",
    ]
    if publish.local_changes():
        text.append(
            "<p>This site was built from a working tree with uncommitted changes: the hash "
            "reproduces from that tree, not from the commit alone.</p>"
        )
    return "\n".join([*text, "</div>"]) + "\n"


# ----------------------------------------------------------------------------- renderings


def readable(value: Any, unit: str) -> str:
    """A report's figure for readers: whole tokens grouped, shares and rates as percentages (the
    exact value is in the report's JSON form)."""
    from spec.readable import whole_tokens

    return whole_tokens(_exact(value), unit).text


def _figures(report: JSON, timing: str) -> list[JSON]:
    return [d for d in report["derivations"] if d["timing"] == timing]


def figure_headings(report: JSON) -> dict[str, str]:
    """The heading of each kind of changed figure (both the text and Markdown forms)."""
    return {
        FROM_ACTIVATION: f"Derived figures, with the change in force from epoch "
        f"{report['fromEpoch']}",
        STEADY_STATE: "Steady-state figures: their values once the change is in force",
    }


def projection_columns() -> tuple[tuple[str, str, str], ...]:
    """The projection's measures: report key stem, heading, unit."""
    return (
        ("supply", "supply", "µASMB"),
        ("yield", "delegators' yield", "1/year"),
        ("stakerYield", "stakers' yield", "1/year"),
        ("community", "community pool", "µASMB"),
    )


def render_text(report: JSON) -> str:
    lines = [
        f"{report['title']} -- spec v{report['spec']['version']} ({report['spec']['revision']})",
        f"sha256 {report['sha256']}",
        "Figures in whole ASMB and percentages; --format json gives every exact value.",
        "",
    ]
    if report["failedInvariants"]:
        lines += [
            "!! INVARIANTS FAIL UNDER THIS CHANGE: " + ", ".join(report["failedInvariants"]),
            "",
        ]
    lines.append(f"Changes, in effect from epoch {report['fromEpoch']}:")
    for c in report["changes"]:
        lines.append(
            f"  {c['id']}: {readable(c['before'], c['unit'])} → {readable(c['after'], c['unit'])}"
        )
    for timing, heading in figure_headings(report).items():
        lines += ["", f"{heading}:"]
        figures = _figures(report, timing)
        if not figures:
            lines.append("  (none changes)")
        for d in figures:
            bits = (
                f" ({d['before']['bits']} → {d['after']['bits']} bits)"
                if "bits" in d["after"]
                else ""
            )
            lines.append(
                f"  {d['id']}: {readable(d['before']['exact'], d['unit'])} → "
                f"{readable(d['after']['exact'], d['unit'])}{bits}"
            )
    projection = report["projection"]
    lines += [
        "",
        f"Projection over {report['years']} years (proposal {projection['proposalStatus']}), "
        "assuming:",
    ]
    lines += [f"  - {a}" for a in projection["assumptions"]]
    columns = projection_columns()
    table = [["year", *(f"{name}, before → after" for _, name, _ in columns)]]
    for row in projection["rows"]:
        table.append(
            [
                str(row["year"]),
                *(
                    f"{readable(row[key + 'Before'], unit)} → {readable(row[key + 'After'], unit)}"
                    for key, _, unit in columns
                ),
            ]
        )
    widths = [max(len(line[k]) for line in table) for k in range(len(table[0]))]
    for line in table:
        cells = [line[0].rjust(widths[0])] + [
            c.ljust(w) for c, w in zip(line[1:], widths[1:], strict=True)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    lines += ["", "Invariants under the change (steady state):"]
    lines += [f"  {i['id']:<22} {i['verdict']}" for i in report["invariants"]]
    return "\n".join(lines) + "\n"


def anchor_url(page: str, identifier: str) -> str:
    """The published site's address of an id's anchor, as ``asmb-spec cite`` gives it
    (:func:`spec.releases.site_base`)."""
    from spec.releases import site_base

    return f"{site_base()}{page}/#{identifier}"


def _linked(identifier: str, page: str, site_links: bool) -> str:
    from spec.render import page_link

    target = page_link(page, identifier) if site_links else anchor_url(page, identifier)
    return f"[`{identifier}`]({target})"


def _sentence(text: str, site_links: bool) -> str:
    """A record's sentence: for readers on the site (D₁, ⌊…⌋, linked ids), as written elsewhere."""
    if not site_links:
        return text
    from spec.prose import prose

    return prose(text, values=False)


def _change_source(change: JSON, site_links: bool) -> str:
    if site_links and change["id"] in pm.BY_ID:
        from spec.cards import source_html

        return source_html(pm.get(change["id"]).source)
    return str(change["source"]["cite"])


def _exact(encoded: Any) -> Any:
    """A value of the report back as a number: an integer, a Fraction, or the SymPy expression
    as written (unevaluated, so that ``(9127/9125)**365`` is not expanded into its 1,400-digit
    rational)."""
    if isinstance(encoded, int) or not isinstance(encoded, str):
        return encoded
    if re.fullmatch(r"-?\d+(/\d+)?", encoded):
        return Fraction(encoded)
    return sympy.parse_expr(encoded, evaluate=False)


def render_markdown(report: JSON, plot: str | None = None, *, site_links: bool = False) -> str:
    """The report for readers, in Markdown: figures in whole tokens and percentages, each exact
    value in its tooltip. Every id links to its entry in the catalogs: on the site's own pages
    (``site_links``) relatively, elsewhere to the published site (:func:`anchor_url`)."""
    from spec.readable import html, whole_tokens

    def show(value: Any, unit: str) -> str:
        return html(whole_tokens(_exact(value), unit))

    def change(before: Any, after: Any, unit: str) -> str:
        return f"{show(before, unit)} → **{show(after, unit)}**"

    out = [
        f"# {report['title']}",
        "",
        f"Spec version **{report['spec']['version']}**, source revision "
        f"`{report['spec']['revision']}`. Report SHA-256: `{report['sha256']}`. Figures are in "
        "whole ASMB and percentages; the JSON form of the report keeps every exact value.",
        "",
    ]
    if report["failedInvariants"]:
        failed = ", ".join(_linked(i, "invariants", site_links) for i in report["failedInvariants"])
        out += ['!!! danger "Invariants fail under this change"', "", f"    {failed}", ""]
    out += [f"## Changes, in effect from epoch {report['fromEpoch']}", ""]
    for c in report["changes"]:
        out.append(
            f"- {_linked(c['id'], 'parameters', site_links)}: "
            f"{change(c['before'], c['after'], c['unit'])}  \n"
            f"  Source: {_change_source(c, site_links)}"
        )
    for timing, heading in figure_headings(report).items():
        out += ["", f"## {heading}", ""]
        figures = _figures(report, timing)
        if not figures:
            out.append("None of these figures changes.")
        for d in figures:
            out.append(
                f"- {_linked(d['id'], 'derivations', site_links)}: "
                f"{change(d['before']['exact'], d['after']['exact'], d['unit'])}  \n"
                f"  {_sentence(d['meaning'], site_links)}"
            )
    projection = report["projection"]
    out += [
        "",
        f"## Projection over {report['years']} years",
        "",
        f"Run on the root-chain and governance contracts; the proposal is "
        f"**{projection['proposalStatus']}**. Assumptions "
        f"({', '.join(_linked(a['id'], 'proposals', site_links) for a in projection['assumed'])}):",
        "",
    ]
    out += [f"- {a}" for a in projection["assumptions"]]
    columns = projection_columns()
    out += [
        "",
        "The supply does not depend on these assumptions; the yields and the community pool do.",
        "",
        "| year | " + " | ".join(f"{name}, before → after" for _, name, _ in columns) + " |",
        "|---|" + "---|" * len(columns),
    ]
    for row in projection["rows"]:
        cells = [change(row[key + "Before"], row[key + "After"], unit) for key, _, unit in columns]
        out.append(f"| {row['year']} | " + " | ".join(cells) + " |")
    if plot is not None:
        # Inside a block-level element Markdown leaves the SVG alone (no <p> or <br> in it).
        out += ["", f'<figure class="whatif-chart">\n{plot.strip()}\n</figure>']
    out += ["", "## Invariants re-proved under the change (steady state)", ""]
    for i in report["invariants"]:
        verdict = i["verdict"] if i["verdict"] == "proved" else f"**{i['verdict']}**"
        method = _sentence(i["method"], site_links)
        out.append(f"- {_linked(i['id'], 'invariants', site_links)}: {verdict} ({method})")
    return "\n".join(out) + "\n"


def projection_plot(report: JSON) -> str:
    """The supply before and after the change, by year (SVG)."""
    from spec.plots import figure

    rows = report["projection"]["rows"]

    def draw(axes: Any) -> None:
        years = [0] + [r["year"] for r in rows]
        initial = pm.integer("ASMB_INITIAL_SUPPLY")
        for key, label in (("supplyBefore", "before"), ("supplyAfter", "after")):
            axes.plot(
                years,
                [initial / 10**15] + [int(r[key]) / 10**15 for r in rows],
                marker="o",
                markersize=3,
                label=label,
            )
        axes.axvline(
            report["fromEpoch"] / pm.integer("ASMB_EPOCHS_PER_YEAR"), color="grey", linewidth=0.8
        )
        axes.set_xlabel("years after genesis")
        axes.set_ylabel("supply (billion ASMB)")
        axes.legend(frameon=False)

    return figure(draw, "ASMB supply: the proposal against the status quo")
