"""Drivers run the API's operations on an implementation and report canonical outcomes.

An *outcome* is ``{"result": <canonical JSON>}`` or ``{"error": {"code": C, "message": M}}``;
conformance compares results, error codes (not messages) and the normative observable states.

* :class:`ObjectDriver` drives Python objects in process: the reference, or any implementation
  given as ``package.module:factory`` (a factory returning an object with ``create(contract,
  args)``). Its contracts raise exceptions that carry a ``code`` attribute and have a
  ``state()`` method returning the normative state.
* :class:`ProcessDriver` drives another program through the JSON-lines protocol of
  :mod:`contracts.conformance.adapter`, one request per line on its standard input and one reply
  per line on its standard output, each within a read timeout.

An implementation that does not implement a contract answers ``create`` with the error code
``UNSUPPORTED_CONTRACT``; the suite then skips that contract's tests.
"""

from __future__ import annotations

import copy
import importlib
import itertools
import json
import os
import select
import shlex
import subprocess
from typing import Any, Final, Protocol

from contracts.conformance.api import CONTRACTS, create_reference, decode, resolve
from contracts.conformance.codec import canonical, dumps
from contracts.errors import InvalidInput
from contracts.transaction import atomicity_checks

JSON = Any
UNSUPPORTED: Final = "UNSUPPORTED_CONTRACT"
#: Seconds a process may take to answer one request.
READ_TIMEOUT: Final = float(os.environ.get("ASMB_CONFORMANCE_TIMEOUT", "60"))


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


class ProtocolError(RuntimeError):
    """The implementation broke the protocol: no reply in time, or a malformed one."""


class Driver(Protocol):
    def try_create(self, contract: str, args: JSON) -> JSON: ...

    def create(self, contract: str, args: JSON) -> str: ...

    def call(self, instance: str, operation: str, args: JSON) -> JSON: ...

    def state(self, instance: str) -> JSON: ...

    def drop(self, instance: str) -> None:
        """Forget an instance (the suite drops each one when its run ends)."""

    def close(self) -> None: ...


def error_outcome(code: str, message: str) -> JSON:
    return {"error": {"code": code, "message": message}}


def created(outcome: JSON, contract: str) -> str:
    """The instance handle of a successful ``create`` outcome; raise otherwise."""
    if "error" in outcome:
        raise ProtocolError(f"create {contract}: {outcome['error']}")
    return str(outcome["result"]["instance"])


class ObjectDriver:
    """Runs operations on Python objects (the reference, or a pluggable implementation)."""

    def __init__(self, implementation: Implementation) -> None:
        self.implementation = implementation
        self.instances: dict[str, tuple[str, Any]] = {}
        self._ids = itertools.count(1)

    def try_create(self, contract: str, args: JSON) -> JSON:
        try:
            instance = self.implementation.create(contract, args)
        except AssertionError:
            raise
        except Exception as error:
            code = getattr(error, "code", None)
            if isinstance(code, str):
                return error_outcome(code, str(error))
            return error_outcome("INTERNAL", f"{type(error).__name__}: {error}")
        handle = f"i{next(self._ids)}"
        self.instances[handle] = (contract, instance)
        return {"result": {"instance": handle}}

    def create(self, contract: str, args: JSON) -> str:
        return created(self.try_create(contract, args), contract)

    def call(self, instance: str, operation: str, args: JSON) -> JSON:
        contract, target = self.instances[instance]
        api = CONTRACTS[contract]
        op = api.operations.get(operation)
        if op is None:
            return error_outcome("UNKNOWN_OPERATION", f"{contract} has no operation {operation}")
        try:
            if not isinstance(args, dict):
                raise InvalidInput("arguments must be an object")
            unknown = sorted(set(args) - {p.name for p in op.params})
            if unknown:
                raise InvalidInput(f"{operation} takes no argument {unknown[0]!r}")
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

    def state(self, instance: str) -> JSON:
        """The instance's normative observable state, canonical.

        An observation, not a call under test: the suite reads the state after every step to
        compare, so the reference's per-call self-check (which fingerprints every object the
        contract reaches, twice) is off for this read; every operation the suite sends still
        runs with it. That ``state`` changes nothing is checked where tests call it directly.
        """
        with atomicity_checks(False):
            return canonical(self.instances[instance][1].state())

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


class ProcessDriver:
    """Runs operations in another program that speaks the JSON-lines protocol."""

    def __init__(self, command: str, timeout: float = READ_TIMEOUT) -> None:
        self.command = command
        self.timeout = timeout
        self.process = subprocess.Popen(
            shlex.split(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._ids = itertools.count(1)

    def _readline(self) -> str:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], self.timeout)
        if not ready:
            raise ProtocolError(f"{self.command!r} did not answer within {self.timeout:g} s")
        line = self.process.stdout.readline()
        if not line:
            raise ProtocolError(f"{self.command!r} closed its output")
        return line

    def _request(self, message: dict[str, Any]) -> JSON:
        request_id = next(self._ids)
        assert self.process.stdin is not None
        # Every integer beyond 2^53 travels as a decimal string (the codec's rule).
        self.process.stdin.write(dumps({"id": request_id, **canonical(message)}) + "\n")
        self.process.stdin.flush()
        line = self._readline()
        try:
            reply = json.loads(line)
        except json.JSONDecodeError:
            raise ProtocolError(f"reply to request {request_id} is not JSON: {line!r}") from None
        if not isinstance(reply, dict) or reply.get("id") != request_id:
            raise ProtocolError(f"reply {line.strip()!r} does not answer request {request_id}")
        if ("result" in reply) == ("error" in reply):
            raise ProtocolError(
                f"reply to request {request_id} has neither or both of result, error"
            )
        error = reply.get("error")
        if error is not None and not (
            isinstance(error, dict) and isinstance(error.get("code"), str)
        ):
            raise ProtocolError(f"reply to request {request_id}: an error needs a string code")
        return {k: reply[k] for k in ("result", "error") if k in reply}

    def try_create(self, contract: str, args: JSON) -> JSON:
        reply = self._request({"op": "create", "contract": contract, "args": args})
        if "result" in reply and not (
            isinstance(reply["result"], dict) and "instance" in reply["result"]
        ):
            raise ProtocolError(f"create {contract}: the reply names no instance")
        return reply

    def create(self, contract: str, args: JSON) -> str:
        return created(self.try_create(contract, args), contract)

    def call(self, instance: str, operation: str, args: JSON) -> JSON:
        return self._request(
            {"op": "call", "instance": instance, "method": operation, "args": args}
        )

    def state(self, instance: str) -> JSON:
        reply = self._request({"op": "state", "instance": instance})
        if "error" in reply:
            raise ProtocolError(f"state: {reply['error']}")
        return reply["result"]

    def drop(self, instance: str) -> None:
        self._request({"op": "drop", "instance": instance})

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()


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
