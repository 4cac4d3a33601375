"""The thresholds the rules name, and how far a vector step is from each.

A :class:`Boundary` is one threshold of one contract: the last staking day, the quorum, the
evidence age limit … Its ``offsets`` say, for one step of a vector (its arguments, the
normative states before and after it, its expected outcome), how far the step is from the
threshold in the rule's own unit -- a day, an epoch, a µASMB of votes, a nano of stake: 0 is
exactly at it, −1 and +1 one unit either side. A step is counted only when its outcome is a
success or the rule's own code (a call refused for another reason does not test the rule).

The suite's strength test (``tests/conformance/test_vector_strength.py``) requires every
boundary to be hit at −1, 0 and +1 by the published vectors; the implementers page lists them.

The boundaries are written per contract family (:mod:`.participation`, :mod:`.rewards`,
:mod:`.assembly`, :mod:`.iota`) over :mod:`.base`.
"""

from __future__ import annotations

from typing import Final

from contracts.conformance.boundaries.assembly import assembly_boundaries
from contracts.conformance.boundaries.base import Boundary, Offsets, Step, steps
from contracts.conformance.boundaries.iota import iota_boundaries
from contracts.conformance.boundaries.participation import participation_boundaries
from contracts.conformance.boundaries.rewards import reward_boundaries

__all__ = ["BOUNDARIES", "Boundary", "Offsets", "Step", "steps"]

BOUNDARIES: Final[tuple[Boundary, ...]] = (
    *participation_boundaries("participation-staking"),
    *participation_boundaries("participation-ballot"),
    *reward_boundaries(),
    *assembly_boundaries(),
    *iota_boundaries(),
)
