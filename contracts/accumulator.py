"""The reward accumulator: pro-rata reward sharing in O(1) per operation.

Every pro-rata reward stream of the specification -- the post-launch ASMB distribution, SMR
staking, and delegators' rewards on the Assembly root chain -- shares its rewards through this one
mechanism (the technique of Batog, Boca and Johnson, "Scalable Reward Distribution on the Ethereum
Blockchain", and of the Cosmos SDK's F1 fee distribution):

* a global *reward per unit of stake* ``R``, kept in fixed point with ``SCALE = 10^18``
  (``ACCUMULATOR_SCALE``), grows by ``floor(amount · SCALE / active stake)`` at each distribution;
* each position remembers ``R`` at its last settlement; what it has earned since is
  ``stake · (R − entry)`` in scaled units, computed when the position is touched.

So staking, unstaking, distributing and claiming each cost O(1), whatever the number of holders.

**Periods.** Rewards are distributed per period (a day, an epoch). Stake added in a period is
*pending* and earns from the next period on; stake removed leaves at once and does not earn in the
period it leaves (ACC-STAKE-01). ``close_period`` activates the pending stake and records ``R``
at the start of the next period; a position's pending stake is settled lazily against that
checkpoint, so activation stays O(1) per position.

**Rounding and sinks** (ACC-CONSERVE-01). Every division floors, in the protocol's favour, and
every remainder has a named place:

* ``undistributed`` -- a period's whole reward when no stake is active (the known pitfall of
  such accumulators: dividing by zero stake, or crediting the reward to whoever stakes next; here
  it is neither, it is set aside and the owning contract decides its fate);
* ``rounding_scaled`` -- the scaled remainder ``amount · SCALE − ΔR · active`` of each
  distribution, which no position can ever receive;
* each position keeps its earnings in scaled units and pays out whole units on claim, keeping the
  fraction for later claims, so repeated settlements never lose value.

At every moment ``offered · SCALE = SCALE · (claimed + undistributed) + rounding_scaled + Σ owed``
where ``owed`` is each position's settled-plus-unsettled scaled earnings; :func:`check_conservation`
verifies it exactly.
"""

from __future__ import annotations

from typing import Any, Final

from contracts.errors import InsufficientStake, InvalidAmount, UnknownHolder
from contracts.invariants import checker
from contracts.units import U64_MAX, U128_MAX, is_uint
from spec import parameters

SCALE: Final = parameters.integer("ACCUMULATOR_SCALE")


class Position:
    """One holder's stake and earnings (mutable: settled in place, after every check).

    ``active`` earns now; ``pending`` earns from period ``pending_from`` on. ``entry`` is the
    reward per unit at the last settlement; ``owed_scaled`` the settled earnings not yet claimed,
    in scaled units.
    """

    __slots__ = ("active", "entry", "owed_scaled", "pending", "pending_from")

    def __init__(
        self,
        active: int = 0,
        pending: int = 0,
        pending_from: int = 0,
        entry: int = 0,
        owed_scaled: int = 0,
    ) -> None:
        self.active = active
        self.pending = pending
        self.pending_from = pending_from
        self.entry = entry
        self.owed_scaled = owed_scaled

    def fields(self) -> tuple[int, int, int, int, int]:
        return (self.active, self.pending, self.pending_from, self.entry, self.owed_scaled)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Position) and self.fields() == other.fields()

    def __repr__(self) -> str:
        return "Position(active={}, pending={}, pending_from={}, entry={}, owed_scaled={})".format(
            *self.fields()
        )


class RewardAccumulator:
    """Pro-rata reward sharing by reward per unit of stake, O(1) per operation."""

    def __init__(self, scale: int = SCALE) -> None:
        self.scale = scale
        self.period = 0
        self.total_active = 0
        self.total_pending = 0
        self.reward_per_unit = 0
        #: ``checkpoints[p]`` is the reward per unit at the start of period ``p``.
        self.checkpoints: list[int] = [0]
        self.positions: dict[str, Position] = {}
        self.offered = 0
        self.claimed = 0
        self.undistributed = 0
        self.rounding_scaled = 0

    # ------------------------------------------------------------------ settlement (pure)

    def _settle(self, position: Position) -> Position:
        """Settle ``position`` in place: earnings up to now owed, due pending stake active.

        Settling changes how the state is written, not what anyone owns; callers settle only
        after every check has passed, so a rejected call leaves even the representation intact.
        """
        active, entry = position.active, position.entry
        if position.pending and position.pending_from <= self.period:
            checkpoint = self.checkpoints[position.pending_from]
            position.owed_scaled += active * (checkpoint - entry)
            active += position.pending
            position.active, position.pending, entry = active, 0, checkpoint
        position.owed_scaled += active * (self.reward_per_unit - entry)
        position.entry = self.reward_per_unit
        return position

    def _settled(self, position: Position) -> Position:
        """A settled copy of ``position`` (the original is left as it is)."""
        return self._settle(Position(*position.fields()))

    # ------------------------------------------------------------------ queries

    def stake_of(self, holder: str) -> tuple[int, int]:
        """``(active, pending)`` stake of ``holder`` (zeros for an unknown holder)."""
        position = self.positions.get(holder)
        if position is None:
            return (0, 0)
        if position.pending and position.pending_from <= self.period:
            return (position.active + position.pending, 0)
        return (position.active, position.pending)

    def claimable(self, holder: str) -> int:
        """Whole units ``holder`` could claim now (O(1))."""
        position = self.positions.get(holder)
        if position is None:
            return 0
        return self._settled(position).owed_scaled // self.scale

    # ------------------------------------------------------------------ transactions

    def stake(self, holder: str, amount: int) -> None:
        """Add ``amount`` to ``holder``'s stake from the next period on (ACC-STAKE-01)."""
        if type(amount) is not int or not 0 < amount <= U64_MAX:
            raise InvalidAmount(f"stake amount {amount!r} is not in 1..2^64-1")
        position = self.positions.get(holder)
        if position is None:
            position = self.positions[holder] = Position(entry=self.reward_per_unit)
        else:
            self._settle(position)
        position.pending += amount
        position.pending_from = self.period + 1
        self.total_pending += amount

    def unstake(self, holder: str, amount: int) -> None:
        """Remove ``amount`` at once: first from pending stake, then from active stake.

        Raises ``InvalidAmount``, ``UnknownHolder`` or ``InsufficientStake``.
        """
        if type(amount) is not int or not 0 < amount <= U64_MAX:
            raise InvalidAmount(f"unstake amount {amount!r} is not in 1..2^64-1")
        position = self.positions.get(holder)
        if position is None:
            raise UnknownHolder(f"holder {holder!r} has no stake", holder=holder)
        held = position.active + position.pending  # settling does not change the sum
        if amount > held:
            raise InsufficientStake(
                f"holder {holder!r} unstakes {amount} but holds {held}", holder=holder
            )
        self._settle(position)
        from_pending = min(amount, position.pending)
        from_active = amount - from_pending
        position.active -= from_active
        position.pending -= from_pending
        self.total_pending -= from_pending
        self.total_active -= from_active

    def distribute(self, amount: int) -> None:
        """Share ``amount`` among the active stake of this period (ACC-CONSERVE-01).

        With no active stake the whole amount goes to ``undistributed``.
        """
        if not is_uint(amount, U128_MAX):
            raise InvalidAmount(f"distribution {amount!r} is not a non-negative integer")
        self.offered += amount
        if self.total_active == 0:
            self.undistributed += amount
            return
        increment = amount * self.scale // self.total_active
        self.reward_per_unit += increment
        self.rounding_scaled += amount * self.scale - increment * self.total_active

    def close_period(self) -> None:
        """End the period: pending stake becomes active; record the next period's checkpoint."""
        self.period += 1
        self.total_active += self.total_pending
        self.total_pending = 0
        self.checkpoints.append(self.reward_per_unit)

    def claim(self, holder: str) -> int:
        """Pay out ``holder``'s whole units, keeping the scaled fraction owed (UnknownHolder)."""
        position = self.positions.get(holder)
        if position is None:
            raise UnknownHolder(f"holder {holder!r} has no position", holder=holder)
        self._settle(position)
        paid = position.owed_scaled // self.scale
        position.owed_scaled -= paid * self.scale
        self.claimed += paid
        return paid

    # ------------------------------------------------------------------ accounting

    def owed_scaled_total(self) -> int:
        """Σ over positions of settled and unsettled earnings, scaled (O(holders): checks only)."""
        return sum(self._settled(p).owed_scaled for p in self.positions.values())

    def rounding_dust(self) -> int:
        """Whole units no position will ever receive: truncations and the positions' fractions.

        Exact once every position has claimed what it can; at any time it is
        ``offered − claimed − undistributed − Σ claimable``.
        """
        return (
            self.offered
            - self.claimed
            - self.undistributed
            - sum(self.claimable(h) for h in self.positions)
        )

    def snapshot(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "totalActive": self.total_active,
            "totalPending": self.total_pending,
            "rewardPerUnit": self.reward_per_unit,
            "offered": self.offered,
            "claimed": self.claimed,
            "undistributed": self.undistributed,
            "roundingScaled": self.rounding_scaled,
            "positions": {
                holder: {
                    "active": p.active,
                    "pending": p.pending,
                    "pendingFrom": p.pending_from,
                    "entry": p.entry,
                    "owedScaled": p.owed_scaled,
                }
                for holder, p in sorted(self.positions.items())
            },
        }


def check_conservation(accumulator: RewardAccumulator) -> list[str]:
    """offered · SCALE = SCALE · (claimed + undistributed) + rounding + Σ owed, exactly."""
    left = accumulator.offered * accumulator.scale
    right = (
        accumulator.scale * (accumulator.claimed + accumulator.undistributed)
        + accumulator.rounding_scaled
        + accumulator.owed_scaled_total()
    )
    if left != right:
        return [f"offered·SCALE {left} ≠ accounted {right}"]
    return []


@checker("ACC-CONSERVE-01", RewardAccumulator)
def _check_conservation(accumulator: RewardAccumulator) -> list[str]:
    return check_conservation(accumulator)


@checker("ACC-STAKE-01", RewardAccumulator)
def _check_stake_totals(accumulator: RewardAccumulator) -> list[str]:
    """The totals are the sums of the positions' active and pending stake."""
    active = pending = 0
    for position in accumulator.positions.values():
        settled = accumulator._settled(position)
        active += settled.active
        pending += settled.pending
    problems = []
    if active != accumulator.total_active:
        problems.append(f"Σ active {active} ≠ total active {accumulator.total_active}")
    if pending != accumulator.total_pending:
        problems.append(f"Σ pending {pending} ≠ total pending {accumulator.total_pending}")
    return problems
