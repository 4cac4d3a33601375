"""The node's event status endpoint for staking events, beside the ballot status.

``GET /api/plugins/participation/events/{eventId}/status?milestoneIndex=m`` returns, for a
staking event (``iotaledger/hornet``, branch ``chrysalis``, ``pkg/model/participation/status.go``,
``ParticipationManager.EventStatus``):

* ``milestoneIndex`` -- the milestone asked for (0 or none: the latest confirmed), clamped to the
  event's end; ``status`` -- ``upcoming``, ``commencing``, ``holding`` or ``ended``
  (``event.go``, ``Event.Status``);
* ``staking.staked`` -- the amount of the outputs held at that milestone: booked at or before it
  and not spent at or before it (``increaseStakedAmountForStakingEvent`` and
  ``decreaseStakedAmountForStakingEvent`` in ``participation_store.go``);
* ``staking.rewarded`` -- every counted milestone's sum of the held outputs' per-output floors,
  added up to that milestone (``applyNewConfirmedMilestoneIndexForEvents``): the rewards of
  **every** tracked output, so also of addresses below the required minimum -- unlike the
  rewards endpoint's ``totalRewards``, which lists only addresses that reach it;
* ``staking.symbol`` and ``checksum`` -- SHA-256 over the event id, the milestone index (u32 LE),
  ``staked`` (u64 LE) and ``rewarded`` (u64 LE); the symbol is not hashed.

The node adds these uint64 totals without an overflow check, so they would wrap past 2^64 − 1;
here a total past it is refused with ``REWARD_OVERFLOW`` (difference ``DIFF-U64-WRAP``). With at
most the supply staked it cannot happen: the node's overflow guard bounds ``rewarded``.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from typing import Any

from contracts.errors import NotAStakingEvent, RewardOverflow
from contracts.participation.ballot import event_status
from contracts.participation.event import ParticipationEvent
from contracts.participation.staking import StakingEvent, output_reward
from contracts.participation.tracking import resolve_milestone, unwrap_rest
from contracts.units import U32_MAX, U64_MAX, Milestone, is_uint


def staking_status_checksum(
    event_id: bytes, milestone: Milestone, staked: int, rewarded: int
) -> str:
    """SHA-256 of a staking status, as ``EventStatus`` computes it."""
    digest = hashlib.sha256()
    digest.update(event_id)
    digest.update(struct.pack("<I", milestone))
    digest.update(struct.pack("<QQ", staked, rewarded))
    return digest.hexdigest()


@dataclass(frozen=True)
class StakingStatus:
    """A staking event's status at one milestone, in the node's status shape."""

    milestone_index: Milestone
    status: str
    staked: int
    rewarded: int
    symbol: str
    checksum: str

    def to_json(self) -> dict[str, Any]:
        return {
            "milestoneIndex": self.milestone_index,
            "status": self.status,
            "staking": {"staked": self.staked, "rewarded": self.rewarded, "symbol": self.symbol},
            "checksum": self.checksum,
        }


def staking_status(tracker: StakingEvent, at: int | None = None) -> StakingStatus:
    """The status endpoint's answer at ``at`` (``None`` or 0: the end of a replayed event).

    Raises ``INVALID_MILESTONE`` or ``REWARD_OVERFLOW`` (where the node would wrap).
    """
    milestone = resolve_milestone(tracker.event, at)
    staked = sum(o.amount for o in tracker.outputs.values() if o.live_at(milestone))
    rewarded = sum(
        output_reward(tracker.staking, tracker.event, o, milestone)
        for o in tracker.outputs.values()
    )
    if staked > U64_MAX or rewarded > U64_MAX:
        raise RewardOverflow(
            f"staked {staked} or rewarded {rewarded} exceeds uint64 (the node would wrap)"
        )
    checksum = staking_status_checksum(tracker.event.event_id(), milestone, staked, rewarded)
    return StakingStatus(
        milestone,
        event_status(tracker.event, milestone),
        staked,
        rewarded,
        tracker.staking.symbol,
        checksum,
    )


def verify_staking_status(event: ParticipationEvent, document: Any) -> list[str]:
    """Check a published staking status: shape, status string, symbol and checksum."""
    staking = event.staking
    if staking is None:
        raise NotAStakingEvent(f"event {event.name!r} has no staking payload")
    document = unwrap_rest(document)
    if not isinstance(document, dict) or not isinstance(document.get("staking"), dict):
        return ["status: not a staking status object"]
    milestone = document.get("milestoneIndex")
    if not isinstance(milestone, int) or not is_uint(milestone, U32_MAX) or milestone > event.end:
        return [f"milestoneIndex: {milestone!r} is not a milestone in 0..{event.end}"]
    body = document["staking"]
    staked, rewarded = body.get("staked"), body.get("rewarded")
    failures = []
    if not is_uint(staked, U64_MAX) or not is_uint(rewarded, U64_MAX):
        return ["staking: staked and rewarded must be uint64"]
    assert isinstance(staked, int) and isinstance(rewarded, int)
    if document.get("status") != event_status(event, milestone):
        failures.append(
            f"status: {document.get('status')!r} is not {event_status(event, milestone)!r} "
            f"at {milestone}"
        )
    if body.get("symbol") != staking.symbol:
        failures.append(f"symbol: {body.get('symbol')!r} is not the event's {staking.symbol!r}")
    if milestone <= event.start and rewarded != 0:
        failures.append(f"rewarded: {rewarded} before any counted milestone (start {event.start})")
    expected = staking_status_checksum(event.event_id(), milestone, staked, rewarded)
    if document.get("checksum") != expected:
        failures.append(
            f"checksum: {document.get('checksum')!r} does not match the recomputed {expected}"
        )
    return failures
