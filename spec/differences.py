"""Where the deployed network parted from the seed documents, with the evidence for each.

Each :class:`~spec.records.Difference` has a stable id, what the seeds say (a verbatim quote),
what the network did (with the artefact or derivation that shows it), and how this
specification treats it: the ``seed`` and ``deployed`` profiles model both sides wherever both
are known. Each program module of :mod:`spec.programs` lists its own; this registry gathers them.
"""

from __future__ import annotations

from typing import Final

from spec.programs import PROGRAMS
from spec.records import Difference

__all__ = ["BY_ID", "DIFFERENCES", "Difference"]

DIFFERENCES: Final[tuple[Difference, ...]] = tuple(
    difference for program in PROGRAMS for difference in program.DIFFERENCES
)

BY_ID: Final[dict[str, Difference]] = {d.id: d for d in DIFFERENCES}
