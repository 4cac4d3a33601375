"""Shared helpers of the participation tests: loading the packaged events, making ids."""

from __future__ import annotations

import json
from typing import Any

from contracts.participation.event import ParticipationEvent, parse_event
from spec.sources import PARTICIPATION_EVENTS_DIR
from tests.conftest import FIXTURES

STAKING_EVENTS = {
    "assembly_01": "staking/assembly_01.json",
    "assembly_02": "staking/assembly_02.json",
    "assembly_03": "staking/assembly_03.json",
    "assembly_04": "staking/assembly_04.json",
    "assembly_05": "staking/assembly_05.json",
    "assembly_06": "staking/assembly_06.json",
    "shimmer": "staking/shimmer.json",
}
VOTE_EVENTS = {
    "governance_01": "vote/governance_01.json",
    "shimmer_funding": "vote/shimmer_funding.json",
}


def event_document(name: str) -> Any:
    relative = STAKING_EVENTS.get(name) or VOTE_EVENTS[name]
    return json.loads((PARTICIPATION_EVENTS_DIR / "events" / relative).read_text(encoding="utf-8"))


def load_event(name: str) -> ParticipationEvent:
    return parse_event(event_document(name))


def results_document(relative: str) -> Any:
    return json.loads((FIXTURES / "results" / relative).read_text(encoding="utf-8"))


def output_id(n: int) -> str:
    """A well-formed 34-byte output id for test output number ``n``."""
    return f"{n:064x}0000"


def address(n: int) -> str:
    """A well-formed 32-byte Ed25519 address for test holder number ``n``."""
    return f"{n:064x}"


def small_event(
    commence: int = 6,
    start: int = 10,
    end: int = 15,
    numerator: int = 1,
    denominator: int = 1,
    minimum: int = 0,
) -> ParticipationEvent:
    """A small staking event (the node's own tests use commence 6, start 10, end 15)."""
    return parse_event(
        {
            "name": "AlbinoPugCoin",
            "milestoneIndexCommence": commence,
            "milestoneIndexStart": start,
            "milestoneIndexEnd": end,
            "payload": {
                "type": 1,
                "text": "The rarest DogCoin on earth",
                "symbol": "APUG",
                "numerator": numerator,
                "denominator": denominator,
                "requiredMinimumRewards": minimum,
                "additionalInfo": "Have you seen an albino Pug?",
            },
            "additionalInfo": "The first DogCoin on the Tangle",
        }
    )
