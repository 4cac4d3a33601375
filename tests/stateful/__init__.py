"""Helpers of the stateful machines."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from contracts.errors import ContractError
from contracts.transaction import fingerprint, verify_atomicity


def self_check_on() -> bool:
    """Whether the per-call atomicity self-check (contracts.transaction) is on."""
    enabled = verify_atomicity(True)
    verify_atomicity(enabled)
    return enabled


@contextlib.contextmanager
def refusals_change_nothing(contract: object) -> Iterator[None]:
    """The refused calls in the block, each an entry point of ``contract`` itself, leave its
    state as it was.

    With the self-check on, each such call has compared ``contract``'s fingerprint before and
    after already, and raised ``AtomicityViolation`` (an ``AssertionError``, which no
    ``pytest.raises(ContractError)`` or ``except ContractError`` catches) on a change: the
    machine's own comparison would repeat it exactly, fingerprint for fingerprint, so it is made
    only when the self-check is off."""
    if self_check_on():
        yield
        return
    before = fingerprint(contract)
    yield
    assert fingerprint(contract) == before, "a refused call changed the state"


def attempt(contract: object, call: Callable[[], object]) -> bool:
    """Make ``call``, an entry point of ``contract`` itself: True when it succeeds; when it is
    refused (a ``ContractError``) False, ``contract``'s state as it was before -- checked here
    when the self-check is off, by the self-check (as :func:`refusals_change_nothing` says)
    when it is on."""
    before = None if self_check_on() else fingerprint(contract)
    try:
        call()
    except ContractError:
        assert before is None or fingerprint(contract) == before, "a refused call changed state"
        return False
    return True
