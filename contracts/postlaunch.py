"""The post-launch ASMB distribution: the rest of the IOTA stakers' 20 % over 639 days.

The seed: "If only 6 billion ASMB tokens had been distributed in the first 90 days, 14 billion
ASMB tokens would still be available ... The ASMB distribution during the second staking period
will happen on a daily fixed rate", shared among IOTA stakers "depending on the total percentual
part an IOTA staker holds of the total daily staked amount".

The rules (POST-*):

* **Allocation.** Given the phase-1 total D₁ (0 ≤ D₁ ≤ the 8 % maximum), the allocation is
  20 B − D₁ and each of days 1..639 pays ``daily = floor((20 B − D_1) / 639)`` µASMB
  (POST-PAYOUT-01). The remainder ``(20 B − D_1) mod 639`` is never offered: it is the
  *schedule dust*, below 639 µASMB.
* **Whose day it is** (POST-DAY-01). A day's payout goes to the stake held through the whole day:
  stake added on day d earns from day d + 1; stake removed on day d earns nothing for day d. The
  payout of day d is distributed when day d ends (when the first call of a later day arrives, or
  on :meth:`advance_to`).
* **Empty days.** A day with no eligible stake pays into *undistributed* (ACC-ZERO-01).
* **Sinks.** Schedule dust, undistributed days and the accumulator's rounding dust are held by
  the contract; at the end of the program the owner of the allocation (the community reserve on
  the Assembly ledger) recovers them. Σ claimed + Σ claimable + undistributed + schedule dust +
  rounding dust = 20 B − D₁ once day 639 has been paid (POST-SCHEDULE-01).
* **Time.** Staking is open on days 1..639; unstaking and claiming on any day from 1 on (after
  day 639 they return the IOTA and pay the last day). A call for a day before the contract's
  current day is rejected. The day of a call is the protocol's clock, not the sender's choice;
  :meth:`~PostLaunchDistribution.advance_to` is the system's call.

Pro-rata sharing is the one :class:`~contracts.accumulator.RewardAccumulator`; each call costs
O(1) plus O(1) per day up to 639 that ended since the previous call (at most 640 in the
program's whole life): after day 639, moving the clock is O(1) however far it moves.
"""

from __future__ import annotations

from typing import Any, Final

from contracts.accumulator import RewardAccumulator
from contracts.domains import Amount, Caller, DayIndex, Name, Quantity, Sender
from contracts.errors import AllocationExceeded, InvalidDay
from contracts.invariants import checker
from contracts.prelaunch import IOTA_STAKERS_ALLOCATION, PRELAUNCH_CAP
from contracts.transaction import constructor, query, transaction
from contracts.units import U32_MAX, Day, MicroAsmb
from spec import parameters

DAYS: Final = parameters.integer("POSTLAUNCH_DAYS")


def daily_payout(phase_one_total: MicroAsmb) -> MicroAsmb:
    """⌊(20 B − D₁) / 639⌋ µASMB (POST-DAILY-PAYOUT)."""
    return (IOTA_STAKERS_ALLOCATION - phase_one_total) // DAYS


class PostLaunchDistribution:
    """The seed's 639-day daily distribution of the rest of the 20 %."""

    @constructor
    def __init__(self, phase_one_total: Quantity) -> None:
        """Raises ``INVALID_INPUT``, ``INVALID_AMOUNT`` (not a uint64) or
        ``ALLOCATION_EXCEEDED`` (above the 8 % maximum)."""
        if phase_one_total > PRELAUNCH_CAP:
            raise AllocationExceeded(
                f"phase-1 total {phase_one_total} exceeds the 8 % maximum {PRELAUNCH_CAP}"
            )
        self.phase_one_total = phase_one_total
        self.allocation = IOTA_STAKERS_ALLOCATION - phase_one_total
        self.daily = daily_payout(phase_one_total)
        self.schedule_dust = self.allocation - DAYS * self.daily
        self.day: Day = 0  # the current day; 0 before day 1
        self.days_paid = 0
        self.rewards = RewardAccumulator()

    # ------------------------------------------------------------------ time

    def _check_day(self, day: Day, *, last: Day = U32_MAX) -> None:
        if not 1 <= day <= last:
            raise InvalidDay(f"day {day} is outside 1..{last}", day=day)
        if day < self.day:
            raise InvalidDay(f"day {day} is before the current day {self.day}", day=day)

    def _advance(self, day: Day) -> None:
        """End every day before ``day``: pay it, then let pending stake become eligible.

        Days up to 639 end one by one (the rule pays each); after day 639 nothing is left to
        pay, so the remaining days end together in O(1). Over the program's whole life this
        does at most 640 days of work, whatever the times of the calls.
        """
        while self.day < day and self.day <= DAYS:
            if self.day >= 1:
                self.rewards.apply_distribute(self.daily)
                self.days_paid += 1
            self.rewards.apply_close_periods(1)
            self.day += 1
        if self.day < day:
            self.rewards.apply_close_periods(day - self.day)
            self.day = day

    @transaction
    def advance_to(self, caller: Caller, day: DayIndex) -> None:
        """End the days before ``day`` (e.g. day 640 to pay day 639); the system's call.

        Raises ``INVALID_INPUT``, ``UNAUTHORIZED`` (a caller other than the system) or
        ``INVALID_DAY``.
        """
        self._check_day(day)
        self._advance(day)

    # ------------------------------------------------------------------ transactions

    @transaction
    def stake(self, holder: Sender, amount: Amount, day: DayIndex) -> None:
        """Stake ``amount`` i on ``day`` (1..639); it earns from ``day + 1`` (POST-DAY-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY`` or
        ``WIDTH_EXCEEDED``; on error nothing changes.
        """
        self._check_day(day, last=DAYS)
        self.rewards.check_stake(holder, amount)
        self._advance(day)
        self.rewards.apply_stake(holder, amount)

    @transaction
    def unstake(self, holder: Sender, amount: Amount, day: DayIndex) -> None:
        """Withdraw ``amount`` i on ``day``; it earns nothing for ``day`` (POST-DAY-01).

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_HOLDER`` or ``INSUFFICIENT_STAKE``; on error nothing changes (not even the
        day).
        """
        self._check_day(day)
        self.rewards.check_unstake(holder, amount)
        self._advance(day)
        self.rewards.apply_unstake(holder, amount)

    @transaction
    def claim(self, holder: Sender, day: DayIndex) -> MicroAsmb:
        """Pay ``holder`` every whole µASMB earned for the days ended before ``day``.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY`` or ``UNKNOWN_HOLDER``.
        """
        self._check_day(day)
        self.rewards.check_claim(holder)
        self._advance(day)
        return self.rewards.apply_claim(holder)

    # ------------------------------------------------------------------ queries

    @query
    def claimable(self, holder: Name) -> MicroAsmb:
        return self.rewards.owed(holder)

    @query
    def not_yet_offered(self) -> MicroAsmb:
        return (DAYS - self.days_paid) * self.daily

    @query
    def accounting(self) -> dict[str, int]:
        """Where every µASMB of the allocation is (POST-SCHEDULE-01)."""
        claimable = sum(self.rewards.owed(h) for h in self.rewards.positions)
        return {
            "allocation": self.allocation,
            "claimed": self.rewards.claimed,
            "claimable": claimable,
            "undistributed": self.rewards.undistributed,
            "scheduleDust": self.schedule_dust,
            "roundingDust": self.rewards.rounding_dust(),
            "notYetOffered": (DAYS - self.days_paid) * self.daily,
        }

    @query
    def state(self) -> dict[str, Any]:
        """The normative observable state (``spec/schemas/state/postlaunch.schema.json``)."""
        return {
            "phaseOneTotal": self.phase_one_total,
            "allocation": self.allocation,
            "daily": self.daily,
            "scheduleDust": self.schedule_dust,
            "day": self.day,
            "daysPaid": self.days_paid,
            "notYetOffered": (DAYS - self.days_paid) * self.daily,
            "rewards": self.rewards.state(),
        }


@checker("POST-PAYOUT-01", PostLaunchDistribution)
def _check_schedule(contract: PostLaunchDistribution) -> list[str]:
    problems = []
    if DAYS * contract.daily + contract.schedule_dust != contract.allocation:
        problems.append("639 · daily + dust is not the allocation")
    if not 0 <= contract.schedule_dust < DAYS:
        problems.append("schedule dust is not below 639 µASMB")
    if contract.rewards.offered != contract.days_paid * contract.daily:
        problems.append("offered is not days paid × the daily payout")
    return problems


@checker("POST-SCHEDULE-01", PostLaunchDistribution)
def _check_accounting(contract: PostLaunchDistribution) -> list[str]:
    parts = contract.accounting()
    total = sum(v for k, v in parts.items() if k != "allocation")
    problems = []
    if total != contract.allocation:
        problems.append(f"the parts {parts} do not add up to the allocation")
    if parts["roundingDust"] < 0:
        problems.append("negative rounding dust: holders could claim more than was offered")
    if contract.rewards.claimed > contract.allocation:
        problems.append("claims exceed the allocation")
    return problems


@checker("POST-DAY-01", PostLaunchDistribution)
def _check_pending_is_next_day(contract: PostLaunchDistribution) -> list[str]:
    return [
        f"holder {holder}: stake pending from {p.pending_from}, after day {contract.day} + 1"
        for holder, p in contract.rewards.positions.items()
        if p.pending and p.pending_from > contract.rewards.period + 1
    ]
