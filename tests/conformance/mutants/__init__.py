"""Deliberately broken implementations that the conformance suite must reject.

Each module defines ``implementation()``: the reference with one rule broken, as an implementer
might break it -- the wrong rounding direction, an off-by-one counting window, a cap not enforced,
a slash not burned, commission taken twice, rewards to stake added mid-period, a missing authority
check, slashed rewards redistributed, voting power uncapped, ballot weights unfloored, a quorum
ignored, inflation compounded per epoch; and one per class of what an earlier suite let through:
a constructor that accepts what it must refuse (postlaunch_cap_unchecked), thresholds off by
one (governance_half_passes, evidence_age_off_by_one, iota_joining_strict), a u64 intermediate
that wraps at real magnitudes (accumulator_u64_product), a rarely answered code mistaken
(governance_wrong_code) and a bug only deep runs reach (deposit_kept_on_rejection).
``tests/conformance/test_mutants.py`` runs the suite on each and asserts that it fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from contracts.conformance.api import create_reference

Patch = Callable[[Any], Any]


class MutantImplementation:
    """The reference, with one contract's instances patched on creation."""

    def __init__(self, contract: str, patch: Patch) -> None:
        self.contract = contract
        self.patch = patch

    def create(self, contract: str, args: dict[str, Any]) -> Any:
        instance = create_reference(contract, args)
        return self.patch(instance) if contract == self.contract else instance


def swap_class(instance: Any, subclass: type) -> Any:
    """Give ``instance`` the behaviour of ``subclass`` (a subclass of its own class)."""
    instance.__class__ = subclass
    return instance
