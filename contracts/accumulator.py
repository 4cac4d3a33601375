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

from typing import Annotated, Any, Final

from contracts.domains import Amount, Name, Quantity, UInt
from contracts.errors import InsufficientStake, InvalidInput, UnknownHolder, WidthExceeded
from contracts.invariants import checker
from contracts.transaction import constructor, query, transaction
from contracts.units import U64_MAX, U128_MAX
from spec import parameters

SCALE: Final = parameters.integer("ACCUMULATOR_SCALE")
Scale = Annotated[int, UInt(1, U128_MAX, InvalidInput, "a fixed-point scale")]


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
    """Pro-rata reward sharing by reward per unit of stake, O(1) per operation.

    The accumulator is a component: the contracts that own one call its ``check_*`` methods in
    their check phase and its ``apply_*`` methods, which cannot fail, in their effect phase. Its
    own entry points (``stake``, ``unstake``, ``distribute``, ``close_period``, ``claim``) are the
    two phases back to back. It has no accounts of its own: its holders are whatever the owning
    contract names, and its caller is always that contract.
    """

    @constructor
    def __init__(self, scale: Scale = SCALE) -> None:
        """Raises ``INVALID_INPUT`` for a scale that is not a positive integer."""
        self.scale = scale
        self.period = 0
        self.total_active = 0
        self.total_pending = 0
        self.reward_per_unit = 0
        #: ``checkpoints[p]`` is the reward per unit at the start of period ``p``, recorded for
        #: every period a pending stake can become active in (period 0 and each closed period).
        self.checkpoints: dict[int, int] = {0: 0}
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

    @query
    def stake_of(self, holder: Name) -> tuple[int, int]:
        """``(active, pending)`` stake of ``holder`` (zeros for an unknown holder)."""
        return self.held(holder)

    def held(self, holder: str) -> tuple[int, int]:
        """``(active, pending)`` stake of ``holder`` (unchecked: for the owning contract)."""
        position = self.positions.get(holder)
        if position is None:
            return (0, 0)
        if position.pending and position.pending_from <= self.period:
            return (position.active + position.pending, 0)
        return (position.active, position.pending)

    @query
    def claimable(self, holder: Name) -> int:
        """Whole units ``holder`` could claim now (O(1))."""
        return self.owed(holder)

    def owed(self, holder: str) -> int:
        """Whole units ``holder`` could claim now (unchecked: for the owning contract)."""
        position = self.positions.get(holder)
        if position is None:
            return 0
        return self._settled(position).owed_scaled // self.scale

    # ------------------------------------------------------------------ checks (no writes)

    def check_stake(self, holder: str, amount: int) -> None:
        """Raise ``WIDTH_EXCEEDED`` when the stake would take the total past 2⁶⁴ − 1."""
        if self.total_active + self.total_pending + amount > U64_MAX:
            raise WidthExceeded(
                f"staking {amount} would take the total stake past 2^64 − 1", holder=holder
            )

    def check_unstake(self, holder: str, amount: int) -> None:
        """Raise ``UNKNOWN_HOLDER`` or ``INSUFFICIENT_STAKE``."""
        position = self.positions.get(holder)
        if position is None:
            raise UnknownHolder(f"holder {holder!r} has no stake", holder=holder)
        held = position.active + position.pending  # settling does not change the sum
        if amount > held:
            raise InsufficientStake(
                f"holder {holder!r} unstakes {amount} but holds {held}", holder=holder
            )

    def check_claim(self, holder: str) -> None:
        """Raise ``UNKNOWN_HOLDER``."""
        if holder not in self.positions:
            raise UnknownHolder(f"holder {holder!r} has no position", holder=holder)

    def check_distribute(self, amount: int) -> None:
        """Raise ``WIDTH_EXCEEDED`` when the rewards offered would pass 2⁶⁴ − 1."""
        if self.offered + amount > U64_MAX:
            raise WidthExceeded(f"distributing {amount} would take the rewards past 2^64 − 1")

    # ------------------------------------------------------------------ effects (cannot fail)

    def apply_stake(self, holder: str, amount: int) -> None:
        position = self.positions.get(holder)
        if position is None:
            position = self.positions[holder] = Position(entry=self.reward_per_unit)
        else:
            self._settle(position)
        position.pending += amount
        position.pending_from = self.period + 1
        self.total_pending += amount

    def apply_unstake(self, holder: str, amount: int) -> None:
        position = self._settle(self.positions[holder])
        from_pending = min(amount, position.pending)
        from_active = amount - from_pending
        position.active -= from_active
        position.pending -= from_pending
        self.total_pending -= from_pending
        self.total_active -= from_active

    def apply_distribute(self, amount: int) -> None:
        self.offered += amount
        if self.total_active == 0:
            self.undistributed += amount
            return
        increment = amount * self.scale // self.total_active
        self.reward_per_unit += increment
        self.rounding_scaled += amount * self.scale - increment * self.total_active

    def apply_close_periods(self, count: int = 1) -> None:
        """End ``count`` periods, nothing distributed after the first: pending stake becomes
        active at the start of the next period, whose checkpoint is recorded. O(1) for any
        ``count``: the later periods have the same reward per unit."""
        self.checkpoints[self.period + 1] = self.reward_per_unit
        self.period += count
        self.total_active += self.total_pending
        self.total_pending = 0

    def apply_claim(self, holder: str) -> int:
        position = self._settle(self.positions[holder])
        paid = position.owed_scaled // self.scale
        position.owed_scaled -= paid * self.scale
        self.claimed += paid
        return paid

    # ------------------------------------------------------------------ entry points

    @transaction
    def stake(self, holder: Name, amount: Amount) -> None:
        """Add ``amount`` to ``holder``'s stake from the next period on (ACC-STAKE-01).

        Raises ``INVALID_INPUT``, ``INVALID_AMOUNT`` or ``WIDTH_EXCEEDED``.
        """
        self.check_stake(holder, amount)
        self.apply_stake(holder, amount)

    @transaction
    def unstake(self, holder: Name, amount: Amount) -> None:
        """Remove ``amount`` at once: first from pending stake, then from active stake.

        Raises ``INVALID_INPUT``, ``INVALID_AMOUNT``, ``UNKNOWN_HOLDER`` or
        ``INSUFFICIENT_STAKE``.
        """
        self.check_unstake(holder, amount)
        self.apply_unstake(holder, amount)

    @transaction
    def distribute(self, amount: Quantity) -> None:
        """Share ``amount`` among the active stake of this period (ACC-CONSERVE-01).

        With no active stake the whole amount goes to ``undistributed``. Raises
        ``INVALID_INPUT``, ``INVALID_AMOUNT`` or ``WIDTH_EXCEEDED``.
        """
        self.check_distribute(amount)
        self.apply_distribute(amount)

    @transaction
    def close_period(self) -> None:
        """End the period: pending stake becomes active; record the next period's checkpoint."""
        self.apply_close_periods(1)

    @transaction
    def claim(self, holder: Name) -> int:
        """Pay out ``holder``'s whole units, keeping the scaled fraction owed.

        Raises ``INVALID_INPUT`` or ``UNKNOWN_HOLDER``.
        """
        self.check_claim(holder)
        return self.apply_claim(holder)

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
            - sum(self.owed(h) for h in self.positions)
        )

    @query
    def state(self) -> dict[str, Any]:
        """The normative observable state: the period, the totals, and every holder that ever
        staked with its active and pending stake and its claimable whole units, settled to now
        (``spec/schemas/state/reward-accumulator.schema.json``)."""
        holders = {}
        for holder in sorted(self.positions):
            active, pending = self.held(holder)
            holders[holder] = {"active": active, "pending": pending, "claimable": self.owed(holder)}
        claimable = sum(h["claimable"] for h in holders.values())
        return {
            "period": self.period,
            "totalActive": self.total_active,
            "totalPending": self.total_pending,
            "offered": self.offered,
            "claimed": self.claimed,
            "undistributed": self.undistributed,
            "roundingDust": self.offered - self.claimed - self.undistributed - claimable,
            "holders": holders,
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


@checker("WIDTH-02", RewardAccumulator)
def _check_widths(accumulator: RewardAccumulator) -> list[str]:
    """Stake and reward totals fit in 64 bits (the scaled sums are wider by design)."""
    problems = []
    if accumulator.total_active + accumulator.total_pending > U64_MAX:
        problems.append("total stake does not fit in 64 bits")
    if not 0 <= accumulator.offered <= U64_MAX:
        problems.append("rewards offered do not fit in 64 bits")
    return problems


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
