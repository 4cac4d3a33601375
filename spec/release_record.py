"""A version's record file: every parameter, derivation and invariant, as a release publishes it.

:func:`record_file` reads the registries (:data:`spec.parameters.PARAMETERS`,
:data:`spec.derivations.DERIVATIONS`, :data:`spec.invariants.INVARIANTS`) through the report's
own serialisation (:func:`spec.report.parameter_record`, :func:`~spec.report.derivation_record`,
:func:`~spec.report.invariant_record`) and keeps, for each id, the fields a citation or a diff
between versions needs: the value (its exact JSON form), the unit, the source's citation and the
statement (a parameter's description, a derivation's meaning and formula, an invariant's
statement and formula).

This module imports only what every released version of the specification has (the registries
and :mod:`spec.report` as they were at 0.9.0), so that :mod:`spec.releases` can run it inside a
checkout of an older release and record that release from its own source.
"""

from __future__ import annotations

import json
from typing import Any, Final

from spec import __version__
from spec import derivations as dv
from spec import invariants as inv
from spec import parameters as pm
from spec import report as rp

#: The version of the record file's layout; a reader refuses any other.
SCHEMA: Final = 1

#: The three catalogs of a record, in reading order.
KINDS: Final = ("parameters", "derivations", "invariants")

#: The fields recorded for each id of a catalog (and compared by a diff), in order.
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "parameters": ("value", "unit", "description", "source", "bounds"),
    "derivations": ("value", "unit", "meaning", "formula"),
    "invariants": ("statement", "source", "formula"),
}

JSON = dict[str, Any]


def _parameter(parameter: Any, environment: Any) -> JSON:
    record = rp.parameter_record(parameter)
    value = record["value"]
    if environment is not None and parameter.id in environment:
        value = rp.encode_value(environment[parameter.id])
    return {
        "value": value,
        "unit": record["unit"],
        "description": record["description"],
        "source": record["source"]["cite"],
        "bounds": record.get("bounds"),
    }


def _derivation(derivation: Any, environment: Any) -> JSON:
    record = rp.derivation_record(derivation, environment)
    return {
        "value": record["value"],
        "unit": record["unit"],
        "meaning": record["meaning"],
        "formula": record["formula"],
    }


def _invariant(invariant: Any) -> JSON:
    record = rp.invariant_record(invariant, None)
    return {
        "statement": record["statement"],
        "source": record["citation"]["cite"],
        "formula": record["formula"],
    }


def record_file(environment: Any = None, *, revision: str | None = None) -> JSON:
    """The record of this source: spec name, version, commit, and every id of the catalogs.

    ``environment`` (parameter id -> exact value) records a what-if's values instead of the
    published ones; ``revision`` is the commit the source is at (read from the checkout when
    not given).
    """
    if revision is None:
        from spec.publish import source_revision

        revision = source_revision()
    return {
        "schema": SCHEMA,
        "spec": {"name": rp.SPEC_NAME, "version": __version__, "revision": revision},
        "parameters": {p.id: _parameter(p, environment) for p in pm.PARAMETERS},
        "derivations": {d.id: _derivation(d, environment) for d in dv.DERIVATIONS},
        "invariants": {i.id: _invariant(i) for i in inv.INVARIANTS},
    }


def canonical(record: JSON) -> str:
    """A record as its file holds it: keys sorted, two-space indent, UTF-8 text, final newline."""
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
