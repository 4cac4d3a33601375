"""A replay of the node's participation store, milestone by milestone, for staking events.

Written from ``iotaledger/hornet`` (branch ``chrysalis``) and sharing no code with ``contracts``:
where the contracts compute rewards in closed form from booked/spent intervals, this keeps the
node's per-milestone records and updates them the way the node's functions do:

* ``ApplyNewLedgerUpdate`` (``participation_manager.go``): at a milestone that accepts
  participation (``commence < m ≤ end``), first the created outputs (``applyNewUTXOForEvents``:
  track it from ``m``, add its amount to ``staked`` and its per-milestone reward to the current
  rewards), then the spent ones (``applySpentUTXOForEvents``: end it at ``m``, subtract both);
* ``applyNewConfirmedMilestoneIndexForEvents``: copy the current rewards and the totals to
  ``m + 1``, add the current rewards to ``rewarded`` when ``start < m ≤ end``, and at the end
  close every open participation at ``end + 1`` (``endAllParticipationsAtMilestone``);
* ``RewardsForTrackedParticipation`` (``participation_store.go``), ``getRewards``
  (``plugins/participation/participation.go``) and ``EventStatus`` (``status.go``) to answer.

The node's uint64 additions wrap; so do this replay's (``& U64``).
"""

from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from dataclasses import dataclass

U64 = 2**64 - 1


@dataclass(frozen=True)
class LedgerOutput:
    """A participating output as the ledger saw it: the milestones creating and spending it."""

    output_id: str
    address: str
    amount: int
    created_at: int
    spent_at: int | None
    answers: tuple[int, ...] = ()


@dataclass
class _Tracked:
    address: str
    amount: int
    start_index: int
    end_index: int = 0


class NodeStakingReplay:
    """The node's staking store after replaying the ledger up to ``confirmed``."""

    def __init__(
        self,
        event_id: bytes,
        commence: int,
        start: int,
        end: int,
        numerator: int,
        denominator: int,
        minimum: int,
        symbol: str,
        ledger: list[LedgerOutput],
        confirmed: int,
    ) -> None:
        self.event_id, self.symbol, self.minimum = event_id, symbol, minimum
        self.commence, self.start, self.end = commence, start, end
        self.numerator, self.denominator = numerator, denominator
        self.tracked: dict[str, _Tracked] = {}
        self.address_keys: list[tuple[str, str]] = []  # (address, output id), never deleted
        self.current: dict[int, int] = {}
        self.totals: dict[int, tuple[int, int]] = {}
        created: dict[int, list[LedgerOutput]] = defaultdict(list)
        spent: dict[int, list[LedgerOutput]] = defaultdict(list)
        for output in ledger:
            created[output.created_at].append(output)
            if output.spent_at is not None:
                spent[output.spent_at].append(output)
        for index in range(commence, min(confirmed, end) + 1):
            if commence < index <= end:
                for output in created[index]:
                    self._new_output(index, output)
                for output in spent[index]:
                    self._spent_output(index, output)
            self._confirm(index)

    def _per_milestone(self, amount: int) -> int:
        return (amount * self.numerator & U64) // self.denominator

    def _new_output(self, index: int, output: LedgerOutput) -> None:
        if output.answers:  # a staking event has no questions: len(answers) must be 0
            return
        self.tracked[output.output_id] = _Tracked(output.address, output.amount, index)
        self.address_keys.append((output.address, output.output_id))
        staked, rewarded = self.totals.get(index, (0, 0))
        self.totals[index] = ((staked + output.amount) & U64, rewarded)
        self.current[index] = (
            self.current.get(index, 0) + self._per_milestone(output.amount)
        ) & U64

    def _spent_output(self, index: int, output: LedgerOutput) -> None:
        tracked = self.tracked.get(output.output_id)
        if tracked is None or tracked.end_index != 0:
            return
        tracked.end_index = index
        staked, rewarded = self.totals.get(index, (0, 0))
        self.totals[index] = (staked - output.amount, rewarded)
        self.current[index] = self.current.get(index, 0) - self._per_milestone(output.amount)

    def _confirm(self, index: int) -> None:
        current = self.current.get(index, 0)
        if self.end > index:
            self.current[index + 1] = current
        staked, rewarded = self.totals.get(index, (0, 0))
        if self.start < index <= self.end:
            rewarded = (rewarded + current) & U64
        self.totals[index] = (staked, rewarded)
        if self.end > index:
            self.totals[index + 1] = (staked, rewarded)
        if index == self.end:
            for tracked in self.tracked.values():
                if tracked.end_index == 0:
                    tracked.end_index = index + 1

    def rewards_for(self, tracked: _Tracked, at: int) -> int:
        """``RewardsForTrackedParticipation``, branch by branch."""
        if self.start > at or tracked.start_index > at:
            return 0
        if tracked.end_index > 0 and tracked.end_index <= self.start:
            return 0
        first = max(self.start + 1, tracked.start_index)
        if tracked.end_index == 0 or at < tracked.end_index:
            count = at + 1 - first
        else:
            count = tracked.end_index - first
        return (self._per_milestone(tracked.amount) * count) & U64

    def rewards(self, at: int) -> dict[str, object]:
        """``getRewards``: the milestone clamped to the end, per address, the minimum, checksum."""
        at = min(at, self.end)
        sums: dict[str, int] = {}
        for address, oid in self.address_keys:
            sums[address] = (sums.get(address, 0) + self.rewards_for(self.tracked[oid], at)) & U64
        digest = hashlib.sha256(self.event_id + struct.pack("<I", at) + self.symbol.encode())
        listed: dict[str, int] = {}
        total = 0
        for address in sorted(sums):
            if sums[address] < self.minimum:
                continue
            digest.update(address.encode() + struct.pack("<Q", sums[address]))
            listed[address] = sums[address]
            total = (total + sums[address]) & U64
        return {
            "symbol": self.symbol,
            "milestoneIndex": at,
            "totalRewards": total,
            "checksum": digest.hexdigest(),
            "rewards": listed,
        }

    def status(self, at: int) -> dict[str, object]:
        """``EventStatus`` for a staking event."""
        at = min(at, self.end)
        staked, rewarded = self.totals.get(at, (0, 0))
        if at < self.commence:
            state = "upcoming"
        elif self.start <= at < self.end:
            state = "holding"
        elif self.commence <= at < self.end:
            state = "commencing"
        else:
            state = "ended"
        checksum = hashlib.sha256(
            self.event_id + struct.pack("<I", at) + struct.pack("<QQ", staked, rewarded)
        ).hexdigest()
        return {
            "milestoneIndex": at,
            "status": state,
            "staking": {"staked": staked, "rewarded": rewarded, "symbol": self.symbol},
            "checksum": checksum,
        }
