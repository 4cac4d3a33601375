"""The post-launch ASMB distribution: the rest of the IOTA stakers' 20 % over 639 days.

The seed: "If only 6 billion ASMB tokens had been distributed in the first 90 days, 14 billion
ASMB tokens would still be available ... The ASMB distribution during the second staking period
will happen on a daily fixed rate", shared among IOTA stakers "depending on the total percentual
part an IOTA staker holds of the total daily staked amount".

The rules (POST-*):

* **Allocation.** Given the phase-1 total D_1 (0 ≤ D_1 ≤ the 8 % maximum), the allocation is
  20 B − D_1 and each of days 1..639 pays ``daily = floor((20 B − D_1) / 639)`` µASMB
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
  rounding dust = 20 B − D_1 once day 639 has been paid (POST-SCHEDULE-01).
* **Time.** Staking is open on days 1..639; unstaking and claiming on any day from 1 on (after
  day 639 they return the IOTA and pay the last day). A call for a day before the contract's
  current day is rejected.

Pro-rata sharing is the one :class:`~contracts.accumulator.RewardAccumulator`; each call costs
O(1) plus O(1) per day that ended since the previous call (at most 639 in all).
"""

from __future__ import annotations

from typing import Any, Final

from contracts.accumulator import RewardAccumulator
from contracts.errors import (
    AllocationExceeded,
    InsufficientStake,
    InvalidAmount,
    InvalidDay,
    InvalidInput,
    UnknownHolder,
)
from contracts.invariants import checker
from contracts.prelaunch import IOTA_STAKERS_ALLOCATION, PRELAUNCH_CAP
from contracts.units import U32_MAX, U64_MAX, Day, IotaI, MicroAsmb, is_uint
from spec import parameters

DAYS: Final = parameters.integer("POSTLAUNCH_DAYS")


def daily_payout(phase_one_total: MicroAsmb) -> MicroAsmb:
    """floor((20 B − D_1) / 639) µASMB (POST-DAILY-PAYOUT)."""
    return (IOTA_STAKERS_ALLOCATION - phase_one_total) // DAYS


class PostLaunchDistribution:
    """The seed's 639-day daily distribution of the rest of the 20 %."""

    def __init__(self, phase_one_total: MicroAsmb) -> None:
        if not is_uint(phase_one_total, IOTA_STAKERS_ALLOCATION):
            raise AllocationExceeded(
                f"phase-1 total {phase_one_total!r} is not in 0..20 B ASMB (in µASMB)"
            )
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

    def _check_day(self, day: Day, *, first: Day = 1, last: Day = U32_MAX) -> None:
        if type(day) is int and first <= day <= last and day >= self.day:
            return
        if not is_uint(day, U32_MAX) or not first <= day <= last:
            raise InvalidDay(f"day {day!r} is outside {first}..{last}", day=day)
        raise InvalidDay(f"day {day} is before the current day {self.day}", day=day)

    def _advance(self, day: Day) -> None:
        """End every day before ``day``: pay it, then let pending stake become eligible."""
        while self.day < day:
            if 1 <= self.day <= DAYS:
                self.rewards.distribute(self.daily)
                self.days_paid += 1
            self.rewards.close_period()
            self.day += 1

    def advance_to(self, day: Day) -> None:
        """Anyone may end the days before ``day`` (e.g. day 640 to pay day 639)."""
        self._check_day(day)
        self._advance(day)

    # ------------------------------------------------------------------ transactions

    def stake(self, holder: str, amount: IotaI, day: Day) -> None:
        """Stake ``amount`` i on ``day`` (1..639); it earns from ``day + 1`` (POST-DAY-01).

        Raises ``InvalidInput``, ``InvalidDay`` or ``InvalidAmount``; on error nothing changes.
        """
        _check_holder(holder)
        self._check_day(day, last=DAYS)
        _check_amount(amount)
        self._advance(day)
        self.rewards.stake(holder, amount)

    def unstake(self, holder: str, amount: IotaI, day: Day) -> None:
        """Withdraw ``amount`` i on ``day``; it earns nothing for ``day`` (POST-DAY-01).

        Raises ``InvalidInput``, ``InvalidDay``, ``InvalidAmount``, ``UnknownHolder`` or
        ``InsufficientStake``; on error nothing changes (not even the day).
        """
        _check_holder(holder)
        self._check_day(day)
        _check_amount(amount)
        active, pending = self.rewards.stake_of(holder)
        if holder not in self.rewards.positions:
            raise UnknownHolder(f"holder {holder!r} has no stake", holder=holder)
        if amount > active + pending:
            raise InsufficientStake(
                f"holder {holder!r} unstakes {amount} but holds {active + pending}",
                holder=holder,
            )
        self._advance(day)
        self.rewards.unstake(holder, amount)

    def claim(self, holder: str, day: Day) -> MicroAsmb:
        """Pay ``holder`` every whole µASMB earned for the days ended before ``day``.

        Raises ``InvalidInput``, ``InvalidDay`` or ``UnknownHolder``.
        """
        _check_holder(holder)
        self._check_day(day)
        if holder not in self.rewards.positions:
            raise UnknownHolder(f"holder {holder!r} has never staked", holder=holder)
        self._advance(day)
        return self.rewards.claim(holder)

    # ------------------------------------------------------------------ queries

    def claimable(self, holder: str) -> MicroAsmb:
        return self.rewards.claimable(holder)

    def not_yet_offered(self) -> MicroAsmb:
        return (DAYS - self.days_paid) * self.daily

    def accounting(self) -> dict[str, int]:
        """Where every µASMB of the allocation is (POST-SCHEDULE-01)."""
        claimable = sum(self.rewards.claimable(h) for h in self.rewards.positions)
        return {
            "allocation": self.allocation,
            "claimed": self.rewards.claimed,
            "claimable": claimable,
            "undistributed": self.rewards.undistributed,
            "scheduleDust": self.schedule_dust,
            "roundingDust": self.rewards.rounding_dust(),
            "notYetOffered": self.not_yet_offered(),
        }

    def snapshot(self) -> dict[str, Any]:
        return {
            "phaseOneTotal": self.phase_one_total,
            "allocation": self.allocation,
            "daily": self.daily,
            "day": self.day,
            "daysPaid": self.days_paid,
            "rewards": self.rewards.snapshot(),
        }


def _check_amount(amount: object) -> None:
    if type(amount) is not int or not 0 < amount <= U64_MAX:
        raise InvalidAmount(f"amount {amount!r} is not in 1..2^64-1")


def _check_holder(holder: object) -> None:
    if type(holder) is not str or not holder:
        raise InvalidInput(f"holder {holder!r} is not a non-empty string")


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
