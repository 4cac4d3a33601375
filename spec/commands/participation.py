"""``asmb-spec event-id``, ``outputs``, ``rewards``, ``status`` and ``verify-results``.

The node's participation pipeline, end to end. All read and write JSON. Event files are in the
node's JSON shape (the files under ``spec/data/participation-events/events``); transaction
documents follow ``spec/schemas/transactions.schema.json`` and ``outputs`` turns them into an
OUTPUTS.json (``spec/schemas/outputs.schema.json``); ``rewards`` and ``status`` answer as the
node's rewards and status endpoints, and ``verify-results`` checks what those endpoints published.

``rewards`` and ``status`` are strict by default: an OUTPUTS item the node would not have
tracked as listed is refused (exit 2). ``--node-compatible`` instead skips what the node skips
(reporting each item on stderr) and tracks an output spent in its booking milestone with 0.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from contracts.errors import ContractError
from contracts.participation.ballot import BallotEvent, verify_status
from contracts.participation.event import ParticipationEvent, parse_event
from contracts.participation.staking import StakingEvent, verify_results
from contracts.participation.status import staking_status, verify_staking_status
from contracts.participation.tracking import (
    ParticipationTracker,
    apply_outputs,
    apply_outputs_node_compatible,
    unwrap_rest,
)
from contracts.participation.transactions import transactions_to_outputs
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


def _node_would_accept(event: ParticipationEvent, outputs: Any) -> bool:
    tracker: ParticipationTracker = (
        BallotEvent(event) if event.ballot is not None else StakingEvent(event)
    )
    try:
        apply_outputs_node_compatible(tracker, outputs)
    except ContractError:
        return False
    return True


def _track(tracker: ParticipationTracker, outputs: Any, args: argparse.Namespace) -> None:
    """Apply the OUTPUTS file: strictly, or as the node does (skips reported on stderr)."""
    try:
        if args.node_compatible:
            for skipped in apply_outputs_node_compatible(tracker, outputs):
                sys.stderr.write(f"skipped {skipped.line()}\n")
        else:
            apply_outputs(tracker, outputs)
    except ContractError as error:
        hint = ""
        if not args.node_compatible and _node_would_accept(tracker.event, outputs):
            hint = " (the node would skip or track it with 0: see --node-compatible)"
        raise UsageError(f"outputs {args.outputs}: {error.message} [{error.code}]{hint}") from None


def _rewards(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    outputs = load_json(args.outputs, "outputs")
    try:
        tracker = StakingEvent(event)
    except ContractError as error:
        raise UsageError(f"outputs {args.outputs}: {error.message} [{error.code}]") from None
    _track(tracker, outputs, args)
    try:
        results = tracker.results(args.at)
    except ContractError as error:
        raise UsageError(f"outputs {args.outputs}: {error.message} [{error.code}]") from None
    document: dict[str, Any] = results.to_json()
    if Profile(args.profile) is Profile.SEED:
        document = apply_seed_cap(event, results).to_json()
    write_out(dump_json(document))
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    tracker: ParticipationTracker = (
        BallotEvent(event) if event.ballot is not None else StakingEvent(event)
    )
    _track(tracker, load_json(args.outputs, "outputs"), args)
    try:
        if isinstance(tracker, BallotEvent):
            document = tracker.status(args.at).to_json()
        else:
            assert isinstance(tracker, StakingEvent)
            document = staking_status(tracker, args.at).to_json()
    except ContractError as error:
        raise UsageError(f"outputs {args.outputs}: {error.message} [{error.code}]") from None
    write_out(dump_json(document))
    return EXIT_OK


def _outputs(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    document = load_json(args.transactions, "transactions")
    try:
        conversion = transactions_to_outputs(event, document)
    except ContractError as error:
        raise UsageError(
            f"transactions {args.transactions}: {error.message} [{error.code}]"
        ) from None
    for skipped in conversion.skipped:
        sys.stderr.write(f"not counted {skipped.line()}\n")
    write_out(dump_json(conversion.outputs))
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    event = read_event(args.event)
    document = load_json(args.results, "results")
    is_status = isinstance(unwrap_rest(document), dict) and "staking" in unwrap_rest(document)
    if event.ballot:
        failures = verify_status(event, document)
        kind, checks = "ballot status", "status, checksum"
    elif is_status:
        failures = verify_staking_status(event, document)
        kind, checks = "staking status", "status, symbol, checksum"
    else:
        failures = verify_results(event, document)
        kind, checks = "staking results", "checksum, total, minimum"
    if failures:
        for failure in failures:
            write_out(f"FAIL {failure}\n")
        return EXIT_FAILED
    write_out(f"ok: {kind} of {event.name!r} verify ({checks})\n")
    return EXIT_OK


_NODE_HELP = (
    "skip (and report on stderr) the outputs the node ignores, and track an output spent in its "
    "booking milestone with 0 reward, instead of refusing the document"
)


def _event_outputs_at(parser: Any) -> None:
    """The arguments ``rewards`` and ``status`` share: the event, its outputs, a milestone."""
    parser.add_argument("--event", required=True, metavar="EVENT.json")
    parser.add_argument("--outputs", required=True, metavar="OUTPUTS.json")
    parser.add_argument(
        "--at",
        type=uint32_argument,
        metavar="MILESTONE",
        help="milestone index (default: the event's end; later milestones clamp to the end)",
    )


def register(commands: Any) -> None:
    event_id = commands.add_parser("event-id", help="a participation event's id (lower-case hex)")
    event_id.add_argument("event", metavar="EVENT.json")
    event_id.set_defaults(handler=_event_id)

    rewards = commands.add_parser(
        "rewards", help="a staking event's results at a milestone, as the node computed them"
    )
    _event_outputs_at(rewards)
    rewards.add_argument(
        "--profile", choices=[p.value for p in Profile], default=Profile.DEPLOYED.value
    )
    rewards.add_argument("--node-compatible", action="store_true", help=_NODE_HELP)
    rewards.set_defaults(handler=_rewards)

    outputs = commands.add_parser(
        "outputs", help="an event's OUTPUTS.json from a transaction document, by the node's rules"
    )
    outputs.add_argument("--event", required=True, metavar="EVENT.json")
    outputs.add_argument("transactions", metavar="TRANSACTIONS.json")
    outputs.set_defaults(handler=_outputs)

    status = commands.add_parser(
        "status", help="what the node's event status endpoint returns at a milestone"
    )
    _event_outputs_at(status)
    status.add_argument("--node-compatible", action="store_true", help=_NODE_HELP)
    status.set_defaults(handler=_status)

    verify = commands.add_parser(
        "verify-results", help="check published results: exit 0 if they hold, 1 if not"
    )
    verify.add_argument("--event", required=True, metavar="EVENT.json")
    verify.add_argument("results", metavar="RESULTS.json")
    verify.set_defaults(handler=_verify)
