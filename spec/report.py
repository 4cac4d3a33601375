"""The specification report: every parameter, derivation and invariant verdict, in one document.

:func:`build_report` returns a JSON-ready structure (integers as JSON integers, fractions as
``"p/q"`` strings, irrational values as SymPy expressions with a decimal rendering); the
``render_*`` functions turn it into text or Markdown. ``asmb-spec report`` prints it and exits
non-zero when an invariant is refuted.
"""

from __future__ import annotations

import json
from typing import Any

import sympy

from spec import __version__
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import format_decimal, format_grouped, json_number
from spec.sources import Source

SPEC_NAME = "Assembly tokenomics specification"

JSON = dict[str, Any]


def encode_value(value: Any) -> int | str:
    """The JSON form of an exact value: int, ``"p/q"``, or a SymPy expression string."""
    value = sympy.sympify(value)
    if value.is_Rational:
        return json_number(value)
    return str(sympy.sstr(value))


def decimal_of(value: Any, places: int = 12) -> str | None:
    """A decimal rendering for people, or None when the value is not a number."""
    value = sympy.sympify(value)
    if value.is_Rational:
        return format_decimal(value, places)
    if value.is_number:
        return str(sympy.N(value.doit(), places + 8).round(places)).rstrip("0").rstrip(".")
    return None


def encode_source(source: Source) -> JSON:
    """A source as JSON: its kind, the citation text and the fields that locate it."""
    fields = {k: v for k, v in vars(source).items() if v}
    return {"kind": source.kind, "cite": source.cite(), **fields}


def parameter_record(parameter: pm.Parameter) -> JSON:
    record: JSON = {
        "id": parameter.id,
        "value": encode_value(parameter.value),
        "unit": parameter.unit,
        "description": parameter.description,
        "source": encode_source(parameter.source),
        "profiles": sorted(p.value for p in parameter.profiles),
        "governable": parameter.governable,
    }
    if parameter.governance is not None:
        record["bounds"] = [
            json_number(parameter.governance.minimum),
            json_number(parameter.governance.maximum),
        ]
    return record


def derivation_record(derivation: dv.Derivation, environment: pm.Environment | None = None) -> JSON:
    value = derivation.evaluate(environment)
    record: JSON = {
        "id": derivation.id,
        "program": derivation.program,
        "meaning": derivation.meaning,
        "unit": derivation.unit,
        "formula": sympy.sstr(derivation.expression),
        "latex": dv.latex(derivation.expression),
        "parameters": list(derivation.parameters()),
        "value": encode_value(value),
    }
    decimal = decimal_of(value)
    if decimal is not None:
        record["decimal"] = decimal
    if derivation.examples:
        record["example"] = {str(v): pid for v, pid in derivation.examples.items()}
        record["function"] = sympy.sstr(derivation.symbolic(environment))
    if derivation.width:
        bits = dv.bits_needed(value)
        record["bits"] = bits
        record["fits_u64"] = bits <= 64
        record["needs_u128"] = 64 < bits <= 128
    return record


def invariant_record(invariant: inv.Invariant, proof: inv.Proof | None) -> JSON:
    record: JSON = {
        "id": invariant.id,
        "program": invariant.program,
        "statement": invariant.statement,
        "citation": encode_source(invariant.citation),
        "formula": invariant.formula,
        "kinds": list(invariant.kinds),
    }
    if proof is not None:
        record["verdict"] = proof.verdict.value
        record["method"] = proof.method
        record["detail"] = proof.detail
    else:
        record["verdict"] = "checked over contract state by the stateful tests"
    return record


def build_report(environment: pm.Environment | None = None) -> JSON:
    """Every parameter, derivation and invariant verdict, under ``environment``."""
    proofs = inv.prove_all(environment)
    invariants = [invariant_record(i, proofs.get(i.id)) for i in inv.INVARIANTS]
    refuted = sorted(k for k, p in proofs.items() if not p.holds)
    return {
        "spec": {"name": SPEC_NAME, "version": __version__},
        "parameters": [parameter_record(p) for p in pm.PARAMETERS],
        "derivations": [derivation_record(d, environment) for d in dv.DERIVATIONS],
        "invariants": invariants,
        "summary": {
            "parameters": len(pm.PARAMETERS),
            "derivations": len(dv.DERIVATIONS),
            "invariants": len(inv.INVARIANTS),
            "proved": len(proofs) - len(refuted),
            "refuted": refuted,
        },
    }


def render_json(report: JSON) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def _show(value: int | str) -> str:
    return format_grouped(value) if isinstance(value, int) else value


def render_text(report: JSON) -> str:
    lines = [f"{report['spec']['name']} v{report['spec']['version']}", ""]
    lines.append(f"Parameters ({len(report['parameters'])})")
    for p in report["parameters"]:
        flag = "  [governable]" if p["governable"] else ""
        lines.append(f"  {p['id']:<32} {_show(p['value']):>30} {p['unit']}{flag}")
    lines += ["", f"Derivations ({len(report['derivations'])})"]
    for d in report["derivations"]:
        shown = _show(d["value"])
        decimal = d.get("decimal")
        if decimal is not None and decimal != str(d["value"]):
            shown = f"{shown}  (≈ {decimal})"
        lines.append(f"  {d['id']:<36} {shown} {d['unit']}")
        if "function" in d:
            lines.append(f"  {'':<36} = {d['function']}  at {d['example']}")
    lines += ["", f"Invariants ({len(report['invariants'])})"]
    for i in report["invariants"]:
        lines.append(
            f"  {i['id']:<20} {i['verdict']}" + (f" ({i['method']})" if "method" in i else "")
        )
    summary = report["summary"]
    refuted = summary["refuted"]
    listed = (": " + ", ".join(refuted)) if refuted else ""
    lines += [
        "",
        f"{summary['proved']} symbolic invariants proved, {len(refuted)} refuted{listed}.",
    ]
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(report: JSON) -> str:
    out = [f"# {report['spec']['name']} v{report['spec']['version']}", ""]
    out += ["## Parameters", "", "| id | value | unit | source |", "|---|---|---|---|"]
    for p in report["parameters"]:
        out.append(
            f"| `{p['id']}` | {_show(p['value'])} | {p['unit']} | "
            f"{_md_escape(p['source']['cite'])} |"
        )
    out += ["", "## Derivations", "", "| id | value | unit | meaning |", "|---|---|---|---|"]
    for d in report["derivations"]:
        out.append(
            f"| `{d['id']}` | {_md_escape(str(_show(d['value'])))} | {d['unit']} | "
            f"{_md_escape(d['meaning'])} |"
        )
    out += ["", "## Invariants", "", "| id | verdict | statement |", "|---|---|---|"]
    for i in report["invariants"]:
        out.append(f"| `{i['id']}` | {i['verdict']} | {_md_escape(i['statement'])} |")
    return "\n".join(out) + "\n"
