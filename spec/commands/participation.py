"""``asmb-spec event-id``, ``rewards`` and ``verify-results``: the node's participation events.

All three read and write JSON. Event files are in the node's JSON shape (the files under
``spec/data/participation-events/events``); OUTPUTS.json follows
``spec/schemas/outputs.schema.json``; results follow the node's rewards and status endpoints.
"""

from __future__ import annotations

import argparse
from typing import Any

from contracts.errors import ContractError
from contracts.participation.ballot import verify_status
from contracts.participation.event import ParticipationEvent, parse_event
from contracts.participation.staking import StakingEvent, verify_results
from contracts.participation.tracking import apply_outputs
from contracts.prelaunch import Profile, apply_seed_cap
from spec.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    dump_json,
    load_json,
    uint32_argument,
    write_out,
)


def read_event(path: str) -> ParticipationEvent:
    """Parse and validate an event file; a bad one is a one-line ``UsageError``."""
    document = load_json(path, "event")
    try:
        return parse_event(document)
    except ContractError as error:
        raise UsageError(f"event {path}: {error.message} [{error.code}]") from None


def _event_id(args: argparse.Namespace) -> int:
    write_out(read_event(args.event).event_id().hex() + "\n")
    return EXIT_OK


def _rewards(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    outputs = load_json(args.outputs, "outputs")
    try:
        tracker = StakingEvent(event)
        apply_outputs(tracker, outputs)
        results = tracker.results(args.at)
    except ContractError as error:
        raise UsageError(f"outputs {args.outputs}: {error.message} [{error.code}]") from None
    document: dict[str, Any] = results.to_json()
    if Profile(args.profile) is Profile.SEED:
        document = apply_seed_cap(event, results).to_json()
    write_out(dump_json(document))
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    document = load_json(args.results, "results")
    failures = verify_status(event, document) if event.ballot else verify_results(event, document)
    if failures:
        for failure in failures:
            write_out(f"FAIL {failure}\n")
        return EXIT_FAILED
    kind = "ballot status" if event.ballot else "staking results"
    checks = "status, checksum" if event.ballot else "checksum, total, minimum"
    write_out(f"ok: {kind} of {event.name!r} verify ({checks})\n")
    return EXIT_OK


def register(commands: Any) -> None:
    event_id = commands.add_parser("event-id", help="a participation event's id (lower-case hex)")
    event_id.add_argument("event", metavar="EVENT.json")
    event_id.set_defaults(handler=_event_id)

    rewards = commands.add_parser(
        "rewards", help="a staking event's results at a milestone, as the node computed them"
    )
    rewards.add_argument("--event", required=True, metavar="EVENT.json")
    rewards.add_argument("--outputs", required=True, metavar="OUTPUTS.json")
    rewards.add_argument(
        "--at",
        type=uint32_argument,
        metavar="MILESTONE",
        help="milestone index (default: the event's end; later milestones clamp to the end)",
    )
    rewards.add_argument(
        "--profile", choices=[p.value for p in Profile], default=Profile.DEPLOYED.value
    )
    rewards.set_defaults(handler=_rewards)

    verify = commands.add_parser(
        "verify-results", help="check published results: exit 0 if they hold, 1 if not"
    )
    verify.add_argument("--event", required=True, metavar="EVENT.json")
    verify.add_argument("results", metavar="RESULTS.json")
    verify.set_defaults(handler=_verify)
