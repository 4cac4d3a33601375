"""Post-launch distribution: a million holders, all 639 days, five million stake changes and claims.

Every holder stakes in the first three weeks (the population); then the calls -- 40 % stakes,
20 % unstakes, 40 % claims by holders drawn at random -- are spread evenly over days 22 to 639,
so every run crosses every day, whatever its size. An *event* is one of these calls or the close
of a day (a day's payout into the accumulator), both O(1).

Curves:

* **events** -- 50,000, 500,000 and 5,000,000 events on the full population: the cost of an
  event does not grow with the number of events before it (no walk over past days or holders);
* **holders** -- 500,000 events on 10,000, 100,000 and 1,000,000 holders: the work per event
  (Python calls) does not grow with the population, and the time grows no more than a plain
  dictionary's lookup does as the population outgrows the processor's caches.

Baseline: ``NaiveDailyShares``, which loops over every holder every day, on the same calls at
10,000 holders; every holder's payout is checked against it.
"""

from __future__ import annotations

import random
import statistics
from array import array
from dataclasses import dataclass
from functools import partial

from contracts.accounts import SYSTEM
from contracts.invariants import assert_invariants
from contracts.postlaunch import PostLaunchDistribution
from spec import derivations
from tests.bench.floors import PostLaunchFloor
from tests.bench.harness import (
    FLAT,
    JSON,
    REPEAT_SMALLEST,
    SAMPLES_PER_RUN,
    SPEEDUP,
    Scale,
    Stream,
    alternate,
    clock,
    collect,
    count_calls,
    curve,
    flat_targets,
    floor_target,
    memory_per_unit,
    quiet,
    report,
    report_floor,
    target,
    timed,
    versus,
)
from tests.oracles.rewards import NaiveDailyShares

D1 = 6 * 10**15  # the seed's example: 6 billion ASMB distributed before launch
FIRST_CHANGE_DAY = 22
LAST_DAY = 639
STAKE, UNSTAKE = 4, 6  # kinds below 4 stake, below 6 unstake, the rest claim


@dataclass(frozen=True)
class Plan:
    """``events`` calls, as compact arrays: what, by whom, how much, on which day."""

    kinds: bytes
    who: array[int]
    amounts: array[int]
    days: array[int]

    def __len__(self) -> int:
        return len(self.kinds)


def make_plan(events: int, holders: int, seed: int) -> Plan:
    rng = random.Random(seed)
    span = LAST_DAY - FIRST_CHANGE_DAY + 1
    return Plan(
        bytes(b % 10 for b in rng.randbytes(events)),
        array("I", [rng.randrange(holders) for _ in range(events)]),
        array("I", [rng.getrandbits(20) + 1 for _ in range(events)]),
        array("H", [FIRST_CHANGE_DAY + n * span // events for n in range(events)]),
    )


def holder_names(holders: int) -> list[str]:
    return [f"h{n}" for n in range(holders)]


def populate(names: list[str]) -> PostLaunchDistribution:
    """Every holder stakes at least 1 IOTA in the first 21 days; the contract is then at day 22,
    where the calls begin, whatever the number of holders."""
    contract = PostLaunchDistribution(D1)
    holders = len(names)
    for n, name in enumerate(names):
        contract.stake(name, 10**6 + (n * 7_919 % 10**7) * 10**3, 1 + n * 21 // holders)
    contract.advance_to(SYSTEM, FIRST_CHANGE_DAY)
    return contract


def apply(
    contract: PostLaunchDistribution | PostLaunchFloor,
    names: list[str],
    plan: Plan,
    start: int,
    stop: int,
) -> None:
    stake, unstake, claim = contract.stake, contract.unstake, contract.claim
    kinds, who, amounts, days = plan.kinds, plan.who, plan.amounts, plan.days
    for n in range(start, stop):
        kind = kinds[n]
        if kind < STAKE:
            stake(names[who[n]], amounts[n], days[n])
        elif kind < UNSTAKE:
            unstake(names[who[n]], 1, days[n])
        else:
            claim(names[who[n]], days[n])


def chunks(
    tag: str, contract: PostLaunchDistribution, names: list[str], plan: Plan, chunk: int, first: int
) -> Stream:
    """The plan from ``first`` on, a sample per chunk: its calls and the days it closes."""
    for start in range(first, len(plan), chunk):
        stop = min(start + chunk, len(plan))
        closed = plan.days[stop - 1] - contract.day
        yield tag, timed(stop - start + closed, partial(apply, contract, names, plan, start, stop))


def events_run(names: list[str], size: int, chunk: int, seed: int, check: bool) -> Stream:
    contract = populate(names)
    plan = make_plan(size, len(names), seed)
    yield from chunks("events", contract, names, plan, chunk, 0)
    contract.advance_to(SYSTEM, LAST_DAY + 1)
    if check:
        assert_invariants(contract)  # the run ends in a consistent state


def events_curve(holders: int, sizes: list[int]) -> JSON:
    names = holder_names(holders)
    chunk = sizes[0] // SAMPLES_PER_RUN
    samples = []
    for size in sizes:
        repeats = REPEAT_SMALLEST if size == sizes[0] else 1
        samples.append(
            [
                sample
                for repeat in range(repeats)
                for sample in collect(events_run(names, size, chunk, 1 + repeat, repeat == 0))[
                    "events"
                ]
            ]
        )
    found = curve("post-launch: events", "event", "events", sizes, samples)
    report("postlaunch", found)
    return found


class _Slot:
    """The control: a holder record of two fields in a plain dictionary."""

    __slots__ = ("amount", "day")

    def __init__(self) -> None:
        self.amount = 0
        self.day = 0


def control(names: list[str], plan: Plan, start: int, stop: int, table: dict[str, _Slot]) -> None:
    who, amounts, days = plan.who, plan.amounts, plan.days
    for n in range(start, stop):
        slot = table[names[who[n]]]
        slot.amount += amounts[n]
        slot.day = days[n]


def holders_run(holders: int, events: int, chunk: int, calls: list[float]) -> Stream:
    """Count the calls of the first events, then time the rest, each chunk followed by the same
    calls as one lookup and two writes in a plain dictionary of the holders (the control)."""
    names = holder_names(holders)
    contract = populate(names)
    table = {name: _Slot() for name in names}
    plan = make_plan(events, holders, seed=7)
    counted = min(2_000, events // 10)
    calls.append(count_calls(partial(apply, contract, names, plan, 0, counted)) / counted)
    for start in range(counted, len(plan), chunk):
        stop = min(start + chunk, len(plan))
        closed = plan.days[stop - 1] - contract.day
        yield (
            "contract",
            timed(stop - start + closed, partial(apply, contract, names, plan, start, stop)),
        )
        yield "control", timed(stop - start, partial(control, names, plan, start, stop, table))


def holders_curve(populations: list[int], events: int, chunk: int) -> JSON:
    calls: list[float] = []
    runs = alternate([holders_run(h, events, chunk, calls) for h in populations])
    controls = curve("control", "event", "holders", populations, [run["control"] for run in runs])
    found = curve(
        "post-launch: holders",
        "event",
        "holders",
        populations,
        [run["contract"] for run in runs],
        [
            {"callsPerEvent": round(c, 3), "controlMicroseconds": r["normalizedMicroseconds"]}
            for c, r in zip(calls, controls["rows"], strict=True)
        ],
    )
    found["callsRatio"] = round(max(calls) / min(calls), 3)
    found["controlRatio"] = controls["flatRatio"]
    report("postlaunch", found)
    return found


def floor_run(holders: int, events: int, chunk: int, outcome: list[str]) -> Stream:
    """The contract and its floor on the same holders and calls, a chunk each in turn; then
    every holder's claimable reward and the totals claimed must be equal."""
    names = holder_names(holders)
    contract = populate(names)
    floor = PostLaunchFloor(contract.daily)
    for n, name in enumerate(names):
        floor.stake(name, 10**6 + (n * 7_919 % 10**7) * 10**3, 1 + n * 21 // holders)
    floor.advance(FIRST_CHANGE_DAY)
    plan = make_plan(events, holders, seed=23)
    for start in range(0, len(plan), chunk):
        stop = min(start + chunk, len(plan))
        closed = plan.days[stop - 1] - contract.day
        for tag, target_ in (("contract", contract), ("floor", floor)):
            yield (
                tag,
                timed(stop - start + closed, partial(apply, target_, names, plan, start, stop)),
            )
    contract.advance_to(SYSTEM, LAST_DAY + 1)
    floor.advance(LAST_DAY + 1)
    assert contract.rewards.claimed == floor.claimed, (contract.rewards.claimed, floor.claimed)
    assert contract.rewards.undistributed == floor.undistributed
    for name in names:
        assert contract.rewards.owed(name) == floor.owed(name), name
    outcome.append(
        f"claims and every one of the {holders:,} holders' claimable rewards equal to the floor's"
    )


def floor_comparison(holders: int, events: int, chunk: int) -> JSON:
    outcome: list[str] = []
    samples = collect(floor_run(holders, events, chunk, outcome))
    found = versus("post-launch: events", "event", samples, outcome[0])
    report_floor("postlaunch", found)
    return found


def baseline(holders: int, per_holder: int, segments: int = 5) -> JSON:
    """The accumulator and the naive daily loop on the same calls; every payout checked.

    The calls are those of the main workload at ``holders`` holders: every holder stakes in the
    first three weeks, ``per_holder`` calls per holder follow over the days (five in the main
    workload; none for holders who stake once and wait), and every holder claims at the end.
    The naive run is long, so it is cut into ``segments`` pieces and a whole run of the contract
    is timed after each: the contract's median run and the naive total then span the same
    stretch of the machine's time, whatever its speed does meanwhile.
    """
    names = holder_names(holders)
    plan = make_plan(per_holder * holders, holders, seed=99)
    bound = int(derivations.evaluate("POST-ACCUMULATOR-BOUND"))
    first = [
        (STAKE - 1, name, 10**6 + (n * 7_919 % 10**7) * 10**3, 1 + n * 21 // holders)
        for n, name in enumerate(names)
    ]
    middle = [
        (plan.kinds[n], names[plan.who[n]], plan.amounts[n], plan.days[n]) for n in range(len(plan))
    ]
    last = [(UNSTAKE, name, 0, LAST_DAY + 1) for name in names]
    calls = first + middle + last
    cuts = [len(first) + len(middle) * k // segments for k in range(1, segments)] + [len(calls)]

    def perform(
        target: PostLaunchDistribution | NaiveDailyShares,
        paid: dict[str, int],
        start: int,
        stop: int,
    ) -> None:
        stake, unstake, claim = target.stake, target.unstake, target.claim
        for kind, name, amount, day in calls[start:stop]:
            if kind < STAKE:
                stake(name, amount, day)
            elif kind < UNSTAKE:
                unstake(name, 1, day)
            else:
                paid[name] += claim(name, day)

    naive = NaiveDailyShares(PostLaunchDistribution(D1).daily, 1, LAST_DAY)
    exact = dict.fromkeys(names, 0)
    contract_seconds: list[float] = []
    naive_seconds = 0.0
    fast: dict[str, int] = {}
    done = 0
    with quiet():
        for cut in cuts:
            began = clock()
            perform(naive, exact, done, cut)
            naive_seconds += clock() - began
            done = cut
            fast = dict.fromkeys(names, 0)
            contract = PostLaunchDistribution(D1)
            began = clock()
            perform(contract, fast, 0, len(calls))
            contract_seconds.append(clock() - began)
    for name in names:
        entitled = naive.entitled(name)
        assert entitled - bound <= fast[name] <= entitled, (name, fast[name], entitled)
    typical = statistics.median(contract_seconds)
    return {
        "against": "tests/oracles/rewards.py NaiveDailyShares (every holder, every day)",
        "holders": holders,
        "callsPerHolder": len(calls) / holders,
        "events": len(calls),
        "contractSeconds": round(typical, 4),
        "naiveSeconds": round(naive_seconds, 4),
        "speedup": round(naive_seconds / typical, 1),
        "checked": f"all {holders:,} payouts within the accumulator's bound of the exact shares",
    }


def run(scale: Scale) -> JSON:
    holders = scale.pick(1_000_000, 10_000, 200)
    sizes = scale.pick([50_000, 500_000, 5_000_000], [5_000, 50_000, 500_000], [20, 200, 2_000])
    events = events_curve(holders, sizes)
    by_holders = holders_curve(
        [holders // 100, holders // 10, holders], sizes[1], sizes[0] // SAMPLES_PER_RUN
    )
    floor = floor_comparison(holders // 10, sizes[1], sizes[0] // SAMPLES_PER_RUN)
    base = baseline(scale.pick(10_000, 1_000, 20), 5)
    base["stakeAndWait"] = baseline(scale.pick(10_000, 1_000, 20), 0)
    memory = memory_per_unit(
        "holder",
        scale.pick([1_000, 10_000, 100_000], [100, 1_000, 10_000], [10, 20, 40]),
        lambda n: populate(holder_names(n)),
    )
    largest = events["rows"][-1]["meanMicroseconds"]
    targets = [
        *flat_targets([events]),
        target(
            "post-launch: Python calls per event flat across holders",
            by_holders["callsRatio"],
            FLAT,
        ),
        target(
            "post-launch: time per event grows with holders no more than a dict lookup's",
            by_holders["flatRatio"],
            max(FLAT, by_holders["controlRatio"]),
        ),
        target("post-launch: µs per event at the largest size", largest, 5, scaled=True),
        floor_target(floor),
        target(
            f"post-launch: speed-up over the naive daily loop at {base['holders']:,} holders "
            f"(the workload's {base['callsPerHolder']:g} calls per holder)",
            base["speedup"],
            SPEEDUP,
            at_least=True,
            scaled=True,
        ),
        target(
            f"post-launch: speed-up over the naive daily loop at {base['holders']:,} holders "
            f"(holders who stake once and wait: {base['stakeAndWait']['callsPerHolder']:g} "
            "calls each)",
            base["stakeAndWait"]["speedup"],
            SPEEDUP,
            at_least=True,
            scaled=True,
        ),
        target("post-launch: state bytes per holder constant", memory["ratio"], FLAT),
    ]
    return {
        "title": "Post-launch distribution",
        "workload": (
            f"{holders:,} holders over all 639 days; {sizes[-1]:,} stake changes and claims "
            "at the largest size"
        ),
        "curves": [events, by_holders],
        "floors": [floor],
        "baseline": base,
        "memory": memory,
        "targets": targets,
    }
