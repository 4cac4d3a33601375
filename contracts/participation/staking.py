"""Staking events: participating outputs, their rewards in closed form, and results.

An output of ``amount`` i booked at milestone ``b`` and spent at milestone ``s`` (or unspent)
earns, in a staking event with rate ``numerator / denominator``, per counted milestone, the
per-output floor ``floor(amount · numerator / denominator)`` (PRE-REWARD-01). The counted
milestones are those ``m`` with

    max(start + 1, b)  ≤  m  ≤  min(at, s − 1, end)

-- the milestone that books an output counts, the one that spends it does not, the start milestone
never counts, and nothing after the end does. So an output's reward is the floor times a count,
computed in O(1) from its holding interval, never by walking milestones.

Per address the rewards of all its outputs are summed; the results at a milestone list every
address whose sum reaches the event's required minimum (PRE-REWARD-02), their total, and a
SHA-256 checksum (PRE-RESULTS-01) over the event id, the milestone index (u32 LE), the symbol's
bytes, and for each listed address in ascending order its 64 lower-case hex characters and its
amount (u64 LE) -- exactly the node's rewards endpoint.
"""

from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from contracts.domains import OptionalMilestone
from contracts.errors import MalformedHex, NotAStakingEvent, RewardOverflow, UnknownOutput
from contracts.invariants import checker
from contracts.participation.event import ParticipationEvent, StakingPayload, staking_can_overflow
from contracts.participation.tracking import (
    ADDRESS_BYTES,
    Event,
    OutputId,
    ParticipationTracker,
    TrackedOutput,
    counted_milestones,
    parse_hex,
    resolve_milestone,
    unwrap_rest,
)
from contracts.transaction import constructor, query
from contracts.units import U32_MAX, U64_MAX, Milestone, is_uint


def output_reward(
    staking: StakingPayload, event: ParticipationEvent, output: TrackedOutput, at: Milestone
) -> int:
    """An output's reward at milestone ``at``: per-milestone floor times counted milestones."""
    count = counted_milestones(event, output.booked_at, output.spent_at, at)
    return staking.rewards_per_milestone(output.amount) * count


def results_checksum(
    event_id: bytes, milestone: Milestone, symbol: str, rewards: dict[str, int]
) -> str:
    """SHA-256 of the results, as the node's rewards endpoint computes it (PRE-RESULTS-01)."""
    digest = hashlib.sha256()
    digest.update(event_id)
    digest.update(struct.pack("<I", milestone))
    digest.update(symbol.encode("utf-8"))
    for address in sorted(rewards):
        digest.update(address.encode("ascii"))
        digest.update(struct.pack("<Q", rewards[address]))
    return digest.hexdigest()


@dataclass(frozen=True)
class StakingResults:
    """The rewards of a staking event at one milestone, in the node's results shape."""

    symbol: str
    milestone_index: Milestone
    total_rewards: int
    checksum: str
    rewards: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "milestoneIndex": self.milestone_index,
            "totalRewards": self.total_rewards,
            "checksum": self.checksum,
            "rewards": {address: self.rewards[address] for address in sorted(self.rewards)},
        }


def build_results(
    event: ParticipationEvent,
    staking: StakingPayload,
    milestone: Milestone,
    by_address: dict[str, int],
) -> StakingResults:
    """Filter by the required minimum, total, and checksum (PRE-REWARD-02, PRE-RESULTS-01)."""
    listed = {
        address: amount
        for address, amount in by_address.items()
        if amount >= staking.required_minimum_rewards
    }
    total = sum(listed.values())
    for address, amount in listed.items():
        if amount > U64_MAX:
            raise RewardOverflow(f"address {address}: reward {amount} exceeds uint64")
    if total > U64_MAX:
        raise RewardOverflow(f"total rewards {total} exceed uint64")
    checksum = results_checksum(event.event_id(), milestone, staking.symbol, listed)
    return StakingResults(staking.symbol, milestone, total, checksum, listed)


class StakingEvent(ParticipationTracker):
    """Participation tracking for one staking event (the node's participation plugin).

    Transactions (from :class:`ParticipationTracker`): ``book`` an output at the milestone that
    confirms it, ``spend`` it at the milestone that spends it. Queries: :meth:`reward_of`,
    :meth:`rewards_by_address`, :meth:`results`.
    """

    @constructor
    def __init__(self, event: Event) -> None:
        """Raises ``INVALID_INPUT`` or ``NOT_A_STAKING_EVENT``."""
        staking = event.staking
        if staking is None:
            raise NotAStakingEvent(f"event {event.name!r} has no staking payload")
        super().__init__(event)
        self.staking: StakingPayload = staking

    # ------------------------------------------------------------------ queries

    @query
    def reward_of(self, output_id: OutputId, at: OptionalMilestone = None) -> int:
        """One tracked output's reward at ``at`` (PRE-REWARD-01)."""
        oid = output_id.lower()
        output = self.outputs.get(oid)
        if output is None:
            raise UnknownOutput(f"output {oid}: not booked", output=oid)
        return output_reward(self.staking, self.event, output, resolve_milestone(self.event, at))

    @query
    def rewards_by_address(self, at: OptionalMilestone = None) -> dict[str, int]:
        """Every address with a tracked output and the sum of its outputs' rewards (unfiltered)."""
        return self.compute_rewards_by_address(resolve_milestone(self.event, at))

    def compute_rewards_by_address(self, milestone: Milestone) -> dict[str, int]:
        sums: dict[str, int] = defaultdict(int)
        for output in self.outputs.values():
            sums[output.address] += output_reward(self.staking, self.event, output, milestone)
        return dict(sums)

    @query
    def results(self, at: OptionalMilestone = None) -> StakingResults:
        """The results at ``at``, as the node's rewards endpoint returns them."""
        return self.compute_results(resolve_milestone(self.event, at))

    def compute_results(self, milestone: Milestone) -> StakingResults:
        return build_results(
            self.event, self.staking, milestone, self.compute_rewards_by_address(milestone)
        )


def verify_results(event: ParticipationEvent, document: Any) -> list[str]:
    """Check published results against the event: what fails, or [] (PRE-RESULTS-01/02).

    Checks the symbol, that the milestone is one the node answers for (any up to the end: the
    rewards endpoint clamps later ones to the end and has no lower bound, ``getRewards`` in
    ``plugins/participation/participation.go``), that nothing is rewarded at or before the start
    (``RewardsForTrackedParticipation`` counts no milestone there), that every amount reaches the
    required minimum, that the total is the sum of the amounts, and the checksum. The REST API's
    ``{"data": …}`` envelope is accepted (:func:`~.tracking.unwrap_rest`).
    """
    staking = event.staking
    if staking is None:
        raise NotAStakingEvent(f"event {event.name!r} has no staking payload")
    failures: list[str] = []
    document = unwrap_rest(document)
    if not isinstance(document, dict):
        return ["results: not a JSON object"]
    symbol = document.get("symbol")
    milestone = document.get("milestoneIndex")
    total = document.get("totalRewards")
    checksum = document.get("checksum")
    rewards = document.get("rewards")
    if not isinstance(rewards, dict):
        return ["rewards: not a JSON object"]
    if symbol != staking.symbol:
        failures.append(f"symbol: {symbol!r} is not the event's {staking.symbol!r}")
    if not isinstance(milestone, int) or not is_uint(milestone, U32_MAX) or milestone > event.end:
        failures.append(f"milestoneIndex: {milestone!r} is not within 0..{event.end}")
        return failures
    amounts: dict[str, int] = {}
    for address, amount in rewards.items():
        try:
            key = parse_hex(address, ADDRESS_BYTES, "address")
        except MalformedHex as error:
            failures.append(str(error))
            continue
        if key != address:
            failures.append(f"address {address}: not lower-case hex")
        if not is_uint(amount, U64_MAX):
            failures.append(f"address {address}: amount {amount!r} is not a uint64")
            continue
        if milestone <= event.start and amount != 0:
            failures.append(
                f"address {address}: {amount} at milestone {milestone}, before any counted "
                f"milestone (start {event.start})"
            )
        if amount < staking.required_minimum_rewards:
            failures.append(
                f"address {address}: {amount} is below the required minimum "
                f"{staking.required_minimum_rewards}"
            )
        amounts[address] = amount
    if total != sum(amounts.values()):
        failures.append(
            f"totalRewards: {total!r} is not the sum of the rewards {sum(amounts.values())}"
        )
    expected = results_checksum(event.event_id(), milestone, staking.symbol, amounts)
    if checksum != expected:
        failures.append(f"checksum: {checksum!r} does not match the recomputed {expected}")
    return failures


# ----------------------------------------------------------------------------- invariant checkers


def _sample_milestones(event: ParticipationEvent) -> list[Milestone]:
    return sorted({event.start, (event.start + event.end) // 2, event.end})


@checker("PRE-EVENT-01", StakingEvent)
def _check_event_rules(tracker: StakingEvent) -> list[str]:
    event, staking = tracker.event, tracker.staking
    problems = []
    if not event.commence < event.start < event.end:
        problems.append("commence < start < end does not hold")
    if staking.numerator == 0 or staking.denominator == 0:
        problems.append("zero numerator or denominator")
    if not 3 <= len(staking.symbol.encode("utf-8")) <= 10:
        problems.append("symbol length outside 3..10")
    return problems


@checker("PRE-EVENT-02", StakingEvent)
def _check_overflow_guard(tracker: StakingEvent) -> list[str]:
    return ["the event fails the overflow guard"] if staking_can_overflow(tracker.event) else []


@checker("PRE-REWARD-02", StakingEvent)
def _check_minimum_and_total(tracker: StakingEvent) -> list[str]:
    problems = []
    minimum = tracker.staking.required_minimum_rewards
    for milestone in _sample_milestones(tracker.event):
        sums = tracker.compute_rewards_by_address(milestone)
        expected = {a for a, amount in sums.items() if amount >= minimum}
        try:
            results = tracker.compute_results(milestone)
        except RewardOverflow:
            # Refused only when an address's rewards or the listed total pass 2^64 − 1.
            if sum(sums[a] for a in expected) <= U64_MAX:
                problems.append(f"at {milestone}: REWARD_OVERFLOW without an overflow")
            continue
        if set(results.rewards) != expected:
            problems.append(
                f"at {milestone}: listed addresses differ from those reaching {minimum}"
            )
        if results.total_rewards != sum(results.rewards.values()):
            problems.append(f"at {milestone}: total is not the sum of the listed rewards")
    return problems


@checker("PRE-REWARD-03", StakingEvent)
def _check_monotone_in_time(tracker: StakingEvent) -> list[str]:
    problems = []
    previous: dict[str, int] = {}
    for milestone in _sample_milestones(tracker.event):
        sums = tracker.compute_rewards_by_address(milestone)
        for address, amount in sums.items():
            if amount < previous.get(address, 0):
                problems.append(f"address {address}: reward fell at milestone {milestone}")
        previous = sums
    return problems


@checker("PRE-REWARD-04", StakingEvent)
def _check_per_output_floor(tracker: StakingEvent) -> list[str]:
    event, staking = tracker.event, tracker.staking
    floored: dict[str, int] = defaultdict(int)
    exact_numerators: dict[str, int] = defaultdict(int)
    for output in tracker.outputs.values():
        count = counted_milestones(event, output.booked_at, output.spent_at, event.end)
        floored[output.address] += staking.rewards_per_milestone(output.amount) * count
        exact_numerators[output.address] += output.amount * staking.numerator * count
    return [
        f"address {address}: per-output floors {floored[address]} exceed the floored total"
        for address in floored
        if floored[address] > exact_numerators[address] // staking.denominator
    ]


@checker("PRE-RESULTS-01", StakingEvent)
def _check_results_verify(tracker: StakingEvent) -> list[str]:
    try:
        results = tracker.compute_results(tracker.event.end)
    except RewardOverflow:
        return []  # no results to verify (PRE-REWARD-02 checks the refusal is due)
    return verify_results(tracker.event, results.to_json())


@checker("PRE-REWARD-01", StakingEvent)
def _check_closed_form_steps(tracker: StakingEvent) -> list[str]:
    """Each step of the closed form adds the per-output floor exactly when the milestone counts.

    reward(m) − reward(m − 1) = ⌊amount · n / d⌋ if start < m ≤ end and the output is held
    at m, else 0 -- checked at every milestone where that can change for each output.
    """
    event, staking = tracker.event, tracker.staking
    problems = []
    for output in tracker.outputs.values():
        edges = {event.start, event.start + 1, event.end, event.end + 1, output.booked_at}
        if output.spent_at is not None:
            edges |= {output.spent_at - 1, output.spent_at}
        for milestone in sorted(m for m in edges if m >= 1):
            step = output_reward(staking, event, output, milestone) - output_reward(
                staking, event, output, milestone - 1
            )
            held = event.counts_at(milestone) and output.live_at(milestone)
            expected = staking.rewards_per_milestone(output.amount) if held else 0
            if step != expected:
                problems.append(f"output {output.output_id}: step at {milestone} is {step}")
    return problems
