"""A holder's view of the pre-launch staking events: worked examples and the calculator's tables.

Every figure is a result of the contracts, never a formula of this module: an example books an
output on :class:`contracts.participation.staking.StakingEvent` for one of the seven deployed
events (the event files in ``spec/data/participation-events``) and reads its results; the seed
design beside round 1 is :meth:`contracts.prelaunch.PrelaunchStaking.seed_results`.

**The calculator's tables.** An output of ``a`` i earns ``floor(a · n / d)`` per counted
milestone (PRE-REWARD-01). In every deployed event ``d`` divides ``10^6 · n``: a whole Mi earns a
whole number of base units per milestone, so for ``a = H · 10^6 + L`` (``H`` whole Mi,
``L < 10^6`` i) the reward of one output is the reward of ``H`` Mi plus the reward of ``L`` i,
and the reward of ``H`` Mi is the sum of the rewards of its decimal digits (``d_k · 10^k`` Mi).
So :func:`event_table` publishes, per event and holding period, the contract's results for every
``d · 10^k`` Mi and for the sub-Mi amounts where the result changes, and the smallest amount the
results list (the required minimum, PRE-REWARD-02); the page's script adds the published entries
of an amount's digits and compares the amount with the published smallest one. It computes no
rule. :func:`check_decomposition` refuses an event for which the sum would not be exact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any, Final

from contracts.participation.event import ParticipationEvent, parse_event
from contracts.participation.staking import StakingEvent
from contracts.prelaunch import PrelaunchStaking
from spec import parameters as pm
from spec.exact import format_decimal, format_grouped
from spec.sources import PARTICIPATION_EVENTS_DIR

#: i per Mi, and the nominal milestones of a day (86,400 s at one milestone every 10 s).
MI: Final = pm.integer("IOTA_I_PER_MI")
MILESTONES_PER_DAY: Final = pm.integer("SECONDS_PER_DAY") // pm.integer("MILESTONE_INTERVAL")
#: The example stake of the page: 1,000 Mi (MIOTA).
EXAMPLE_MI: Final = 1_000
#: Holding periods the calculator offers, in nominal days; 90 is a whole round.
HOLDING_DAYS: Final = (90, 60, 30, 7, 1)
#: Decimal places of an amount in Mi (1 i = 10^-6 Mi) and the most digits of a whole-Mi amount.
MI_DECIMALS: Final = 6
WHOLE_MI_DIGITS: Final = len(str(pm.integer("IOTA_TOTAL_SUPPLY") // MI))

_ADDRESS: Final = "ab" * 32


def _output_id(n: int) -> str:
    return f"{n:068x}"


def _address(n: int) -> str:
    return f"{n:064x}"


@dataclass(frozen=True)
class Round:
    """One deployed staking event, as a holder knows it."""

    key: str
    label: str
    prefix: str
    token: str
    base_unit: str
    event: ParticipationEvent

    @property
    def milestones(self) -> int:
        return self.event.end - self.event.start

    def rules(self) -> tuple[str, ...]:
        """The ids a result of this event follows."""
        return (
            "PRE-REWARD-01",
            "PRE-REWARD-02",
            f"{self.prefix}_RATE",
            f"{self.prefix}_START",
            f"{self.prefix}_END",
            f"{self.prefix}_MIN_REWARDS",
        )


_FILES: Final = (
    ("assembly_01.json", "round-1", "Assembly round 1", "ASSEMBLY_R1"),
    ("assembly_02.json", "round-2", "Assembly round 2", "ASSEMBLY_R2"),
    ("assembly_03.json", "round-3", "Assembly round 3", "ASSEMBLY_R3"),
    ("assembly_04.json", "round-4", "Assembly round 4", "ASSEMBLY_R4"),
    ("assembly_05.json", "round-5", "Assembly round 5", "ASSEMBLY_R5"),
    ("assembly_06.json", "round-6", "Assembly round 6", "ASSEMBLY_R6"),
    ("shimmer.json", "shimmer", "Shimmer staking", "SHIMMER_GENESIS"),
)


@cache
def rounds() -> tuple[Round, ...]:
    """The seven deployed staking events, read from their event files."""
    folder = PARTICIPATION_EVENTS_DIR / "events" / "staking"
    found = []
    for name, key, label, prefix in _FILES:
        event = parse_event(json.loads((folder / name).read_text(encoding="utf-8")))
        shimmer = prefix.startswith("SHIMMER")
        found.append(
            Round(
                key,
                label,
                prefix,
                "SMR" if shimmer else "ASMB",
                "glow" if shimmer else "µASMB",
                event,
            )
        )
    return tuple(found)


def get_round(key: str) -> Round:
    return next(r for r in rounds() if r.key == key)


# ----------------------------------------------------------------------------- one holder


@dataclass(frozen=True)
class Reward:
    """What one output earned over the event, and what the results pay (0 below the minimum)."""

    earned: int
    paid: int


def _held_until(round_: Round, days: int | None) -> int | None:
    """The milestone that spends an output staked before the start and held ``days`` days."""
    if days is None or days * MILESTONES_PER_DAY >= round_.milestones:
        return None
    return round_.event.start + 1 + days * MILESTONES_PER_DAY


def reward(round_: Round, amount_i: int, days: int | None = None) -> Reward:
    """One output of ``amount_i`` i, booked before the start, held ``days`` days (all: None)."""
    tracker = StakingEvent(round_.event)
    tracker.book(_output_id(1), _ADDRESS, amount_i, round_.event.commence + 1)
    spent = _held_until(round_, days)
    if spent is not None:
        tracker.spend(_output_id(1), spent)
    earned = tracker.rewards_by_address()[_ADDRESS]
    return Reward(earned, tracker.results().rewards.get(_ADDRESS, 0))


def _earned_each(round_: Round, amounts: list[int], days: int | None) -> list[int]:
    """The contract's unfiltered reward of one output of each amount, in one tracker."""
    tracker = StakingEvent(round_.event)
    spent = _held_until(round_, days)
    for n, amount in enumerate(amounts, start=1):
        tracker.book(_output_id(n), _address(n), amount, round_.event.commence + 1)
        if spent is not None:
            tracker.spend(_output_id(n), spent)
    sums = tracker.rewards_by_address()
    return [sums[_address(n)] for n in range(1, len(amounts) + 1)]


def smallest_paid(round_: Round, days: int | None = None) -> int:
    """The smallest stake, in i, whose reward the results list (bisection on the contract)."""
    low, high = 1, pm.integer("IOTA_TOTAL_SUPPLY")
    if reward(round_, high, days).paid == 0:
        raise ValueError(f"{round_.label}: not even the whole supply reaches the minimum")
    while low < high:
        middle = (low + high) // 2
        if reward(round_, middle, days).paid:
            high = middle
        else:
            low = middle + 1
    return low


def seed_design_reward(amount_i: int, others_i: int) -> int:
    """Round 1 under the seed's 8 % maximum (PRE-CAP-02), with ``others_i`` i staked beside."""
    round_ = get_round("round-1")
    tracker = PrelaunchStaking(round_.event)
    tracker.book(_output_id(1), _ADDRESS, amount_i, round_.event.commence + 1)
    tracker.book(_output_id(2), _address(2), others_i, round_.event.commence + 1)
    return tracker.seed_results().results.rewards.get(_ADDRESS, 0)


# ----------------------------------------------------------------------------- the calculator


def check_decomposition(round_: Round) -> None:
    """Refuse an event whose whole-Mi rewards are not whole base units per milestone."""
    staking = round_.event.staking
    assert staking is not None
    if (MI * staking.numerator) % staking.denominator:
        raise ValueError(f"{round_.label}: a whole Mi earns a fraction per milestone")


def _fraction_steps(round_: Round, days: int | None) -> list[tuple[int, int]]:
    """The sub-Mi amounts (below 1 Mi) at which the contract's result changes, with the result.

    Each step is found by bisection on the contract's results, which grow with the amount.
    """
    steps = [(0, 0)]
    last = _earned_each(round_, [MI - 1], days)[0]
    while steps[-1][1] < last:
        low, high = steps[-1][0] + 1, MI - 1
        while low < high:
            middle = (low + high) // 2
            if _earned_each(round_, [middle], days)[0] > steps[-1][1]:
                high = middle
            else:
                low = middle + 1
        steps.append((low, _earned_each(round_, [low], days)[0]))
    return steps


def holding_label(round_: Round, days: int) -> str:
    if days * MILESTONES_PER_DAY >= round_.milestones:
        return f"the whole round ({format_grouped(round_.milestones)} milestones)"
    return f"{days} days ({format_grouped(days * MILESTONES_PER_DAY)} milestones)"


@cache
def event_table(key: str) -> dict[str, Any]:
    """The calculator's published results of one event (see the module docstring)."""
    round_ = get_round(key)
    check_decomposition(round_)
    supply = pm.integer("IOTA_TOTAL_SUPPLY")
    periods = []
    for days in HOLDING_DAYS:
        held = None if days * MILESTONES_PER_DAY >= round_.milestones else days
        grid = [d * 10**k * MI for k in range(WHOLE_MI_DIGITS) for d in range(1, 10)]
        # A digit whose amount is more than the supply cannot be staked: its entry is null.
        possible = [a for a in grid if a <= supply]
        earned = dict(zip(possible, _earned_each(round_, possible, held), strict=True))
        periods.append(
            {
                "label": holding_label(round_, days),
                "digits": [
                    [_text(earned.get(a)) for a in grid[9 * k : 9 * k + 9]]
                    for k in range(WHOLE_MI_DIGITS)
                ],
                "fraction": [[str(a), str(r)] for a, r in _fraction_steps(round_, held)],
                "smallestPaid": str(smallest_paid(round_, held)),
            }
        )
    return {
        "key": round_.key,
        "label": f"{round_.label} (as deployed)",
        "kind": "event",
        "input": {"symbol": "Mi", "decimals": MI_DECIMALS},
        "output": {"symbol": round_.token, "base": round_.base_unit, "decimals": 6},
        "rules": [rule_href(i) for i in round_.rules()],
        "options": periods,
    }


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def rule_href(identifier: str) -> dict[str, str]:
    """An id with the address of its anchor on the built site, from any page."""
    from spec import derivations, differences, invariants

    for page, registry in (
        ("parameters", pm.BY_ID),
        ("derivations", derivations.BY_ID),
        ("invariants", invariants.BY_ID),
        ("seed-vs-deployed", differences.BY_ID),
    ):
        if identifier in registry:
            return {"id": identifier, "href": f"../{page}/#{identifier}"}
    raise KeyError(f"{identifier} is not an id of the specification")


def rule_links(identifiers: tuple[str, ...] | list[str]) -> str:
    """Ids as Markdown links to their anchors."""
    return ", ".join(f"[`{h['id']}`]({h['href']})" for h in map(rule_href, identifiers))


def tokens(amount: int | Fraction, decimals: int, symbol: str) -> str:
    """An amount in base units as whole tokens, grouped, exact: ``3,110.4 ASMB``.

    ``spec.render`` formats figures by id; the examples here are values computed by the
    contracts, so this module formats them.
    """
    whole, _, part = format_decimal(Fraction(amount) / 10**decimals, decimals).partition(".")
    return f"{format_grouped(int(whole))}{'.' + part if part else ''} {symbol}"


def mi(amount_i: int) -> str:
    """An amount in i as Mi: ``1,000 Mi``."""
    return tokens(amount_i, MI_DECIMALS, "Mi")
