"""The building blocks of the conformance scenarios: steps, scenarios, names and events."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from spec.sources import PARTICIPATION_EVENTS_DIR

JSON = Any
#: The caller of protocol operations.
SYSTEM = "system"


@dataclass(frozen=True)
class Step:
    operation: str
    args: dict[str, JSON]


@dataclass(frozen=True)
class Scenario:
    contract: str
    name: str
    description: str
    create: dict[str, JSON]
    steps: tuple[Step, ...] = field(default_factory=tuple)
    tags: tuple[str, ...] = ()


def s(operation: str, **args: JSON) -> Step:
    return Step(operation, args)


def event(relative: str, **changes: JSON) -> JSON:
    path = PARTICIPATION_EVENTS_DIR / "events" / relative
    document = json.loads(path.read_text(encoding="utf-8"))
    document.update(changes)
    return document


def small_staking_event(minimum: int = 0, numerator: int = 1, denominator: int = 1) -> JSON:
    return {
        "name": "Conformance staking",
        "milestoneIndexCommence": 6,
        "milestoneIndexStart": 10,
        "milestoneIndexEnd": 15,
        "payload": {
            "type": 1,
            "text": "Conformance",
            "symbol": "CONF",
            "numerator": numerator,
            "denominator": denominator,
            "requiredMinimumRewards": minimum,
            "additionalInfo": "",
        },
        "additionalInfo": "",
    }


def oid(n: int) -> str:
    return f"{n:064x}0000"


def addr(n: int) -> str:
    return f"{n:064x}"
