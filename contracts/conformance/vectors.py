"""Language-agnostic test vectors: scenarios run on the reference, every outcome recorded.

A *case* (format ``asmb-conformance-vector/2``) is one scenario: the constructor's arguments and
its expected outcome; the normative state after it; then for every step the operation, its
arguments, the expected result or error code, and the *changes* that take the state before the
step to the state after it (JSON Pointer paths, :mod:`contracts.conformance.statediff`); and the
final state. A replayer applies each step's changes to the state it expects and, when the
implementation's state differs, names the first differing path. Messages are not part of a case:
implementations word their errors as they like, but codes are public API.

:func:`write_vectors` writes one directory per case (``case.json`` and ``manifest.json``) and an
``index.json``, byte-identical on every run; :func:`write_archive` packs them into one
``.tar.gz`` whose SHA-256 it returns. ``spec/schemas/conformance-case.schema.json`` and
``conformance-manifest.schema.json`` describe the format; the states are described per contract
in ``spec/schemas/state/``.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path
from typing import Any, Final

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import Driver, ObjectDriver, ProtocolError, created, reference
from contracts.conformance.refusals import with_refusals
from contracts.conformance.scenarios import CONSTRUCTOR_SCENARIOS, Scenario
from contracts.conformance.statediff import apply, changes, first_difference
from spec import __version__

FORMAT: Final = "asmb-conformance-vector/2"
JSON = Any


def expectation(outcome: JSON) -> JSON:
    """An outcome as a case records it: the result, or only the error's code."""
    if "error" in outcome:
        return {"error": {"code": outcome["error"]["code"]}}
    return {"result": outcome["result"]}


def build_case(scenario: Scenario, driver: Driver | None = None) -> JSON:
    """Run ``scenario`` on ``driver`` (the reference by default) and record every outcome."""
    runner = driver or ObjectDriver(reference())
    create = canonical(scenario.create)
    outcome = runner.try_create(scenario.contract, create)
    case: JSON = {
        "format": FORMAT,
        "specVersion": __version__,
        "contract": scenario.contract,
        "name": scenario.name,
        "description": scenario.description,
        "tags": list(scenario.tags),
        "create": create,
    }
    if "error" in outcome:
        return {**case, "createExpect": expectation(outcome), "steps": []}
    instance = created(outcome, scenario.contract)
    state = runner.state(instance)
    initial = state
    steps = []
    for step in scenario.steps:
        args = canonical(step.args)
        result = runner.call(instance, step.operation, args)
        after = runner.state(instance)
        steps.append(
            {
                "operation": step.operation,
                "args": args,
                "expect": expectation(result),
                "changes": changes(state, after),
            }
        )
        state = after
    return {
        **case,
        "createExpect": {"result": None},
        "initialState": initial,
        "steps": steps,
        "finalState": state,
    }


def render(document: JSON) -> str:
    """The bytes a vector file holds: indented canonical JSON with sorted keys."""
    return json.dumps(canonical(document), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def vector_scenarios() -> list[Scenario]:
    """What the vectors are made of, contract by contract: the scenarios, with refusals
    interleaved in the hand-written ones, and the constructor cases."""
    every = [*with_refusals(), *CONSTRUCTOR_SCENARIOS]
    order = list(CONTRACTS)
    return sorted(every, key=lambda s: order.index(s.contract))


def render_vectors() -> dict[str, str]:
    """Every vector file's relative path and text: each case, its manifest, and the index."""
    files: dict[str, str] = {}
    index = []
    for scenario in vector_scenarios():
        case = build_case(scenario)
        folder = f"{scenario.contract}/{scenario.name}"
        text = render(case)
        manifest = {
            "format": FORMAT,
            "specVersion": __version__,
            "contract": scenario.contract,
            "name": scenario.name,
            "case": "case.json",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "steps": len(case["steps"]),
            "tags": list(scenario.tags),
        }
        files[f"{folder}/case.json"] = text
        files[f"{folder}/manifest.json"] = render(manifest)
        index.append(folder)
    files["index.json"] = render({"format": FORMAT, "specVersion": __version__, "cases": index})
    return files


def write_vectors(out: Path) -> list[Path]:
    """Write every case, its manifest and the index under ``out``; return the files written.

    Every file is rendered before the first is written, and each is written whole or not at
    all (a temporary file renamed into place).
    """
    from spec.jsonio import write_atomically

    written = []
    for relative, text in render_vectors().items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        written.append(path)
    return written


def archive_bytes(files: dict[str, str] | None = None) -> bytes:
    """Every vector file in one ``.tar.gz``, byte-identical on every run (fixed times, modes,
    owners and order)."""
    files = render_vectors() if files is None else files
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for relative in sorted(files):
            data = files[relative].encode("utf-8")
            info = tarfile.TarInfo(f"asmb-conformance-vectors-{__version__}/{relative}")
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


def write_archive(path: Path) -> str:
    """Write the vectors' archive to ``path``; return its SHA-256 (lower-case hex)."""
    from spec.jsonio import write_atomically_bytes

    data = archive_bytes()
    write_atomically_bytes(path, data)
    return hashlib.sha256(data).hexdigest()


def replay(driver: Driver, case: JSON) -> list[str]:
    """Run a case on ``driver``; return the first mismatch, located (empty when it conforms)."""
    outcome = driver.try_create(case["contract"], case["create"])
    expected_create = case.get("createExpect", {"result": None})
    got_create = {"result": None} if "result" in outcome else expectation(outcome)
    if got_create != expected_create:
        return [f"create: expected {expected_create}, got {got_create}"]
    if "error" in outcome:
        return []
    instance = created(outcome, case["contract"])
    expected = case["initialState"]
    found = first_difference(expected, driver.state(instance))
    if found is not None:
        return [f"create: the state differs at {found[0]}: expected {found[1]!r}, got {found[2]!r}"]
    for number, step in enumerate(case["steps"]):
        got = expectation(driver.call(instance, step["operation"], step["args"]))
        if got != step["expect"]:
            return [f"step {number} {step['operation']}: expected {step['expect']}, got {got}"]
        expected = apply(expected, step["changes"])
        found = first_difference(expected, driver.state(instance))
        if found is not None:
            path, want, have = found
            return [
                f"step {number} {step['operation']}: the state differs at {path}: "
                f"expected {want!r}, got {have!r}"
            ]
    return []


def replay_file(driver: Driver, path: Path) -> list[str]:
    """Replay the case in ``path`` (a ``case.json``); protocol failures are reported too."""
    case = json.loads(path.read_text(encoding="utf-8"))
    try:
        return replay(driver, case)
    except ProtocolError as error:
        return [f"protocol: {error}"]
