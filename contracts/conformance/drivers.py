"""Drivers run the API's operations on an implementation and report canonical outcomes.

An *outcome* is ``{"result": <canonical JSON>}`` or ``{"error": {"code": C, "message": M}}``;
conformance compares results, error codes (not messages) and canonical snapshots.

* :class:`ObjectDriver` drives Python objects in process: the reference, or any implementation
  given as ``package.module:factory`` (a factory returning an object with ``create(contract,
  args)``). Its contracts raise exceptions that carry a ``code`` attribute.
* :class:`ProcessDriver` drives another program through the JSON-lines protocol of
  :mod:`contracts.conformance.adapter`, one request per line on its standard input and one reply
  per line on its standard output.
"""

from __future__ import annotations

import copy
import importlib
import itertools
import json
import shlex
import subprocess
from typing import Any, Protocol

from contracts.conformance.api import CONTRACTS, create_reference, decode, resolve
from contracts.conformance.codec import canonical

JSON = Any


class Implementation(Protocol):
    """What a Python implementation provides: fresh contract instances from JSON arguments."""

    def create(self, contract: str, args: dict[str, Any]) -> Any: ...


class ReferenceImplementation:
    """The reference contracts of this specification."""

    def create(self, contract: str, args: dict[str, Any]) -> Any:
        return create_reference(contract, args)


def reference() -> Implementation:
    """Factory of the reference implementation (``contracts.conformance.drivers:reference``)."""
    return ReferenceImplementation()


class Driver(Protocol):
    def create(self, contract: str, args: JSON) -> str: ...

    def call(self, instance: str, operation: str, args: JSON) -> JSON: ...

    def snapshot(self, instance: str) -> JSON: ...

    def close(self) -> None: ...


def error_outcome(code: str, message: str) -> JSON:
    return {"error": {"code": code, "message": message}}


class ObjectDriver:
    """Runs operations on Python objects (the reference, or a pluggable implementation)."""

    def __init__(self, implementation: Implementation) -> None:
        self.implementation = implementation
        self.instances: dict[str, tuple[str, Any]] = {}
        self._ids = itertools.count(1)

    def create(self, contract: str, args: JSON) -> str:
        instance = self.implementation.create(contract, args)
        handle = f"i{next(self._ids)}"
        self.instances[handle] = (contract, instance)
        return handle

    def call(self, instance: str, operation: str, args: JSON) -> JSON:
        contract, target = self.instances[instance]
        api = CONTRACTS[contract]
        op = api.operations.get(operation)
        if op is None:
            return error_outcome("UNKNOWN_OPERATION", f"{contract} has no operation {operation}")
        try:
            if not isinstance(args, dict):
                raise TypeError("arguments must be an object")
            values = [decode(p, args.get(p.name)) for p in op.params]
            result = resolve(target, op.method)(*values)
            return {"result": canonical(result)}
        except AssertionError:
            raise  # the reference's own self-check failed: a defect, never an outcome
        except Exception as error:
            code = getattr(error, "code", None)
            if isinstance(code, str):
                return error_outcome(code, str(error))
            return error_outcome("INTERNAL", f"{type(error).__name__}: {error}")

    def snapshot(self, instance: str) -> JSON:
        return canonical(self.instances[instance][1].snapshot())

    def clone(self, instance: str) -> str:
        """A deep copy of an instance (to try a call without committing to it)."""
        contract, target = self.instances[instance]
        handle = f"i{next(self._ids)}"
        self.instances[handle] = (contract, copy.deepcopy(target))
        return handle

    def drop(self, instance: str) -> None:
        self.instances.pop(instance, None)

    def close(self) -> None:
        self.instances.clear()


class ProtocolError(RuntimeError):
    """The other program broke the JSON-lines protocol."""


class ProcessDriver:
    """Runs operations in another program that speaks the JSON-lines protocol."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.process = subprocess.Popen(
            shlex.split(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._ids = itertools.count(1)

    def _request(self, message: dict[str, Any]) -> JSON:
        request_id = next(self._ids)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"id": request_id, **message}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise ProtocolError(f"{self.command!r} closed its output")
        reply = json.loads(line)
        if reply.get("id") != request_id:
            raise ProtocolError(f"reply {reply.get('id')!r} to request {request_id}")
        return reply

    def create(self, contract: str, args: JSON) -> str:
        reply = self._request({"op": "create", "contract": contract, "args": args})
        if "error" in reply:
            raise ProtocolError(f"create {contract}: {reply['error']}")
        return str(reply["result"]["instance"])

    def call(self, instance: str, operation: str, args: JSON) -> JSON:
        reply = self._request(
            {"op": "call", "instance": instance, "method": operation, "args": args}
        )
        return {k: v for k, v in reply.items() if k in {"result", "error"}}

    def snapshot(self, instance: str) -> JSON:
        reply = self._request({"op": "snapshot", "instance": instance})
        if "error" in reply:
            raise ProtocolError(f"snapshot: {reply['error']}")
        return reply["result"]

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)


def driver_for(spec: str) -> Driver:
    """``reference``, ``package.module:factory``, or ``cmd:<command line>``."""
    if spec == "reference":
        return ObjectDriver(reference())
    if spec.startswith("cmd:"):
        return ProcessDriver(spec[4:])
    module_name, _, attribute = spec.partition(":")
    if not attribute:
        raise ValueError(f"{spec!r}: expected package.module:factory or cmd:<command>")
    factory = getattr(importlib.import_module(module_name), attribute)
    return ObjectDriver(factory())
