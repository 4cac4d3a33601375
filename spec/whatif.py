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
from typing import Any

import sympy

from spec import __version__
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import format_decimal, format_grouped, json_number
from spec.report import decimal_of, encode_source, encode_value

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


def _figure(value: Any) -> JSON:
    figure: JSON = {"exact": encode_value(value)}
    decimal = decimal_of(value)
    if decimal is not None:
        figure["decimal"] = decimal
    return figure


def changed_derivations(before: pm.Environment, after: pm.Environment) -> list[JSON]:
    rows = []
    for derivation in dv.DERIVATIONS:
        old, new = derivation.evaluate(before), derivation.evaluate(after)
        if sympy.simplify(sympy.sympify(old) - sympy.sympify(new)) != 0:
            rows.append(
                {
                    "id": derivation.id,
                    "meaning": derivation.meaning,
                    "unit": derivation.unit,
                    "before": _figure(old),
                    "after": _figure(new),
                }
            )
    return rows


def canonical_json(document: Any) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def build_whatif(
    changes: Mapping[str, Fraction], from_epoch: int, years: int, *, revision: str | None = None
) -> JSON:
    """The what-if report (see the module docstring). Raises ``WhatIfError``."""
    from contracts.projection import StakingAssumptions, earliest_activation, project

    validate(changes)
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
    before = pm.default_environment()
    after = dict(before)
    for parameter_id, value in changes.items():
        after[parameter_id] = sympy.Rational(value.numerator, value.denominator)
    assumptions = StakingAssumptions()
    baseline = project({}, from_epoch, years, assumptions)
    proposed = project(dict(changes), from_epoch, years, assumptions)
    proofs = inv.prove_all(after)
    failed = sorted(k for k, p in proofs.items() if not p.holds)
    projection = []
    for old, new in zip(baseline.rows, proposed.rows, strict=True):
        projection.append(
            {
                "year": new.year,
                "supplyBefore": old.supply,
                "supplyAfter": new.supply,
                "mintedBefore": old.minted,
                "mintedAfter": new.minted,
                "yieldBefore": json_number(old.staking_yield),
                "yieldAfter": json_number(new.staking_yield),
                "yieldBeforeDecimal": format_decimal(old.staking_yield, 6),
                "yieldAfterDecimal": format_decimal(new.staking_yield, 6),
            }
        )
    report: JSON = {
        "title": "Governance what-if report",
        "spec": {"version": __version__, "revision": revision or source_revision()},
        "changes": [
            {
                "id": parameter_id,
                "before": json_number(pm.ratio(parameter_id)),
                "after": json_number(value),
                "unit": pm.get(parameter_id).unit,
                "source": encode_source(pm.get(parameter_id).source),
            }
            for parameter_id, value in sorted(changes.items())
        ],
        "fromEpoch": from_epoch,
        "years": years,
        "derivations": changed_derivations(before, after),
        "projection": {
            "rows": projection,
            "proposalStatus": proposed.proposal_status,
            "assumptions": assumptions.describe(),
            "dependsOnAssumptions": [
                "staking yield (bonded share, commission, restaking)",
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


def _change_line(change: JSON) -> str:
    return f"{change['id']}: {change['before']} → {change['after']} {change['unit']}"


def render_text(report: JSON) -> str:
    lines = [
        f"{report['title']} -- spec v{report['spec']['version']} ({report['spec']['revision']})",
        f"sha256 {report['sha256']}",
        "",
    ]
    if report["failedInvariants"]:
        lines += [
            "!! INVARIANTS FAIL UNDER THIS CHANGE: " + ", ".join(report["failedInvariants"]),
            "",
        ]
    lines.append(f"Changes, in effect from epoch {report['fromEpoch']}:")
    lines += [f"  {_change_line(c)}" for c in report["changes"]]
    lines += ["", "Derived figures that change:"]
    for d in report["derivations"]:
        lines.append(
            f"  {d['id']}: {d['before'].get('decimal', d['before']['exact'])} → "
            f"{d['after'].get('decimal', d['after']['exact'])} {d['unit']}"
        )
    status = report["projection"]["proposalStatus"]
    lines += ["", f"Projection over {report['years']} years (proposal {status}):"]
    for row in report["projection"]["rows"]:
        lines.append(
            f"  year {row['year']:>2}: supply {format_grouped(int(row['supplyBefore']))} → "
            f"{format_grouped(int(row['supplyAfter']))} µASMB; staking yield "
            f"{row['yieldBeforeDecimal']} → {row['yieldAfterDecimal']}"
        )
    lines += ["", "Invariants under the change:"]
    lines += [f"  {i['id']:<22} {i['verdict']}" for i in report["invariants"]]
    return "\n".join(lines) + "\n"


def _linked(identifier: str, page: str, site_links: bool) -> str:
    from spec.render import page_link

    return f"[`{identifier}`]({page_link(page, identifier)})" if site_links else f"`{identifier}`"


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
    value in its tooltip (:func:`spec.render.show_value`). With ``site_links`` (the site's own
    pages) every id links to its entry in the catalogs and each source to its document."""
    from spec.render import show_value

    def change(before: Any, after: Any, unit: str) -> str:
        return f"{show_value(_exact(before), unit)} → **{show_value(_exact(after), unit)}**"

    out = [
        f"# {report['title']}",
        "",
        f"Spec version **{report['spec']['version']}**, source revision "
        f"`{report['spec']['revision']}`. Report SHA-256: `{report['sha256']}`.",
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
    out += ["", "## Derived figures that change", ""]
    for d in report["derivations"]:
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
        f"**{projection['proposalStatus']}**. Assumptions:",
        "",
    ]
    out += [f"- {a}" for a in projection["assumptions"]]
    out += [
        "",
        "The supply does not depend on these assumptions; the staking yield does.",
        "",
        "| year | supply, before → after | staking yield, before → after |",
        "|---|---|---|",
    ]
    for row in projection["rows"]:
        out.append(
            f"| {row['year']} | {change(row['supplyBefore'], row['supplyAfter'], 'µASMB')} | "
            f"{change(row['yieldBefore'], row['yieldAfter'], '1/year')} |"
        )
    if plot is not None:
        # Inside a block-level element Markdown leaves the SVG alone (no <p> or <br> in it).
        out += ["", f'<figure class="whatif-chart">\n{plot.strip()}\n</figure>']
    out += ["", "## Invariants re-proved under the change", ""]
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
