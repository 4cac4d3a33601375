"""The JSON-lines protocol, served for the reference: ``python -m contracts.conformance.adapter``.

One request per line on standard input, one reply per line on standard output, in order (a
request is strict JSON: no duplicate keys, floats or lone surrogates):

* ``{"id": n, "op": "create", "contract": C, "args": {...}}`` →
  ``{"id": n, "result": {"instance": H}}``, or an error: the constructor's code, or
  ``UNSUPPORTED_CONTRACT`` from an implementation that does not implement ``C``
* ``{"id": n, "op": "call", "instance": H, "method": M, "args": {...}}`` →
  ``{"id": n, "result": R}`` or ``{"id": n, "error": {"code": E, "message": ...}}``
* ``{"id": n, "op": "state", "instance": H}`` → ``{"id": n, "result": S}``, the normative
  observable state (``snapshot`` is accepted as another name for it)
* ``{"id": n, "op": "drop", "instance": H}`` → ``{"id": n, "result": null}``

Protocol-level errors: ``UNKNOWN_REQUEST`` (an unknown ``op``), ``BAD_REQUEST`` (a line that is
not a request: malformed JSON, a missing field, an unknown instance), ``UNKNOWN_OPERATION`` (a
method the contract does not have), ``INTERNAL`` (the implementation failed without a code).

Values are canonical JSON (:mod:`contracts.conformance.codec`): integers beyond 2^53 are decimal
strings, fractions ``"p/q"``. Another implementation proves conformance by serving the same
protocol: ``pytest tests/conformance --implementation "cmd:<its command line>"``.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from contracts.conformance.codec import dumps
from contracts.conformance.drivers import Implementation, ObjectDriver, error_outcome, reference
from spec.jsonio import JsonInputError, parse_json


def serve(stdin: TextIO, stdout: TextIO, implementation: Implementation | None = None) -> None:
    """Answer requests until the input ends."""
    driver = ObjectDriver(implementation or reference())
    for line in stdin:
        if not line.strip():
            continue
        reply: dict[str, Any]
        request_id: Any = None
        try:
            request = parse_json(line)
            if not isinstance(request, dict):
                raise JsonInputError("a request is a JSON object")
            request_id = request.get("id")
            op = request.get("op")
            if op == "create":
                reply = driver.try_create(request["contract"], request.get("args", {}))
            elif op == "call":
                reply = driver.call(request["instance"], request["method"], request.get("args", {}))
            elif op in ("state", "snapshot"):
                reply = {"result": driver.state(request["instance"])}
            elif op == "drop":
                driver.instances.pop(request["instance"], None)
                reply = {"result": None}
            else:
                reply = error_outcome("UNKNOWN_REQUEST", f"unknown op {op!r}")
        except Exception as error:
            code = getattr(error, "code", "BAD_REQUEST")
            reply = error_outcome(code if isinstance(code, str) else "BAD_REQUEST", str(error))
        stdout.write(dumps({"id": request_id, **reply}) + "\n")
        stdout.flush()


def main() -> int:
    serve(sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
