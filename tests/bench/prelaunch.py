"""Pre-launch staking: 100,000 participating outputs over a full 777,600-milestone round.

Each output is booked at a random milestone of the round (or before it starts), three in ten are
spent later, and the round's results -- every address's reward, the node's checksum -- are
computed at its end. Rewards are closed-form (PRE-REWARD-01), so an output costs the same
whatever the round's length and however many outputs there are.

Curve: 1,000, 10,000 and 100,000 outputs (these sizes are cheap, so the small scale keeps them).
Baseline: the milestone-by-milestone walk of ``tests/oracles/participation.py`` on a few outputs
held across the whole round; its rewards must equal the contract's.
"""

from __future__ import annotations

import random
from functools import partial
from typing import Any

from contracts.participation.event import ParticipationEvent, parse_event
from contracts.participation.staking import StakingEvent, StakingResults
from tests.bench.floors import PreLaunchFloor
from tests.bench.harness import (
    FLAT,
    JSON,
    REPEAT_SMALLEST,
    SAMPLES_PER_RUN,
    SPEEDUP,
    Scale,
    Stream,
    clock,
    collect,
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
from tests.oracles.participation import NaiveOutput, naive_rewards

MILESTONES = 777_600  # 90 days of 10-second milestones, as the deployed rounds ran
NUMERATOR, DENOMINATOR = 4, 10**6

ROUND: dict[str, Any] = {
    "name": "Benchmark round",
    "milestoneIndexCommence": 1_000,
    "milestoneIndexStart": 2_000,
    "milestoneIndexEnd": 2_000 + MILESTONES,
    "payload": {
        "type": 1,
        "text": "",
        "symbol": "microASMB",
        "numerator": NUMERATOR,
        "denominator": DENOMINATOR,
        "requiredMinimumRewards": 10**6,
        "additionalInfo": "",
    },
    "additionalInfo": "",
}

Output = tuple[str, str, int, int, int | None]  # id, address, amount, booked, spent


def make_outputs(event: ParticipationEvent, outputs: int, seed: int) -> list[Output]:
    rng = random.Random(seed)
    plan: list[Output] = []
    for n in range(outputs):
        booked = rng.randint(event.commence + 1, event.end)
        spent = rng.randint(booked + 1, event.end + 100) if rng.random() < 0.3 else None
        address = f"{rng.randrange(outputs // 2 + 1):064x}"
        plan.append((f"{n:064x}0000", address, rng.randint(10**6, 10**12), booked, spent))
    return plan


def track(
    tracker: StakingEvent | PreLaunchFloor, plan: list[Output], start: int, stop: int
) -> None:
    book, spend = tracker.book, tracker.spend
    for output_id, address, amount, booked, spent in plan[start:stop]:
        book(output_id, address, amount, booked)
        if spent is not None:
            spend(output_id, spent)


def outputs_run(event: ParticipationEvent, size: int, chunk: int, seed: int) -> Stream:
    """Book (and spend) the outputs a chunk at a time, then compute the round's results."""
    plan = make_outputs(event, size, seed)
    tracker = StakingEvent(event)
    for start in range(0, size, chunk):
        batch = len(plan[start : start + chunk])
        yield "outputs", timed(batch, partial(track, tracker, plan, start, start + chunk))
    results: list[StakingResults] = []
    yield "results", timed(len(plan), lambda: results.append(tracker.results()))
    assert results[0].total_rewards == sum(results[0].rewards.values())


def outputs_curve(event: ParticipationEvent, sizes: list[int]) -> tuple[JSON, float]:
    """The curve, and the seconds the largest round took, results included."""
    chunk = sizes[0] // SAMPLES_PER_RUN
    runs = []
    for size in sizes:
        repeats = REPEAT_SMALLEST if size == sizes[0] else 1
        runs.append([collect(outputs_run(event, size, chunk, 3 + r)) for r in range(repeats)])
    found = curve(
        "pre-launch: outputs",
        "output",
        "outputs",
        sizes,
        [[s for run in per_size for s in run["outputs"]] for per_size in runs],
        [{"resultsSeconds": round(per_size[0]["results"][0].seconds, 4)} for per_size in runs],
    )
    report("prelaunch", found)
    largest = found["rows"][-1]
    return found, largest["seconds"] + largest["resultsSeconds"]


def make_floor(event: ParticipationEvent) -> PreLaunchFloor:
    staking = event.staking
    assert staking is not None
    return PreLaunchFloor(
        event.event_id(),
        staking.symbol,
        event.start,
        event.end,
        staking.numerator,
        staking.denominator,
        staking.required_minimum_rewards,
    )


def results_into(found: list[Any], tracker: StakingEvent | PreLaunchFloor) -> None:
    found.append(tracker.results())


def floor_run(event: ParticipationEvent, size: int, chunk: int, rounds: int) -> Stream:
    """The contract and its floor on the same outputs, a chunk each in turn, then the results
    of each (a sample of their own); the results must be equal, checksum included."""
    for seed in range(rounds):
        plan = make_outputs(event, size, 31 + seed)
        tracker, floor = StakingEvent(event), make_floor(event)
        for start in range(0, size, chunk):
            batch = len(plan[start : start + chunk])
            yield "contract", timed(batch, partial(track, tracker, plan, start, start + chunk))
            yield "floor", timed(batch, partial(track, floor, plan, start, start + chunk))
        found: list[Any] = []
        yield "contract results", timed(size, partial(results_into, found, tracker))
        yield "floor results", timed(size, partial(results_into, found, floor))
        ours, theirs = found
        assert (ours.total_rewards, ours.checksum, ours.rewards) == theirs, "floor disagrees"


def floor_comparison(event: ParticipationEvent, size: int, chunk: int) -> list[JSON]:
    samples = collect(floor_run(event, size, chunk, 3))
    checked = f"3 rounds of {size:,} outputs: totals, rewards and checksums equal to the floor's"
    found = [
        versus("pre-launch: outputs", "output", samples, checked),
        versus(
            "pre-launch: results",
            "output",
            {"contract": samples["contract results"], "floor": samples["floor results"]},
            checked,
        ),
    ]
    for each in found:
        report_floor("prelaunch", each)
    return found


def baseline(event: ParticipationEvent, outputs: int) -> JSON:
    """Closed form against the milestone walk, on outputs held across the whole round."""
    rng = random.Random(5)
    plan = []
    for n in range(outputs):
        spent = event.start + rng.randrange(MILESTONES) if n % 2 else None
        plan.append((f"{n:064x}0000", f"{n:064x}", rng.randint(10**6, 10**12), spent))

    def contract() -> dict[str, int]:
        tracker = StakingEvent(event)
        for output_id, address, amount, spent in plan:
            tracker.book(output_id, address, amount, event.commence + 1)
            if spent is not None:
                tracker.spend(output_id, spent)
        return tracker.rewards_by_address()

    loops = 200
    with quiet():
        began = clock()
        for _ in range(loops):
            fast = contract()
        contract_seconds = (clock() - began) / loops
        began = clock()
        slow = naive_rewards(
            [NaiveOutput(a, amount, event.commence + 1, s) for _, a, amount, s in plan],
            event.start,
            event.end,
            NUMERATOR,
            DENOMINATOR,
            event.end,
        )
        naive_seconds = clock() - began
    assert fast == slow, "the closed form disagrees with the milestone walk"
    return {
        "against": "tests/oracles/participation.py naive_rewards (every milestone, every output)",
        "outputs": outputs,
        "milestones": MILESTONES,
        "contractSeconds": round(contract_seconds, 6),
        "naiveSeconds": round(naive_seconds, 4),
        "speedup": round(naive_seconds / contract_seconds, 1),
        "checked": f"all {outputs} outputs' rewards equal to the milestone walk's",
    }


def tracked(event: ParticipationEvent, outputs: int) -> StakingEvent:
    tracker = StakingEvent(event)
    track(tracker, make_outputs(event, outputs, seed=3), 0, outputs)
    return tracker


def run(scale: Scale) -> JSON:
    event = parse_event(ROUND)
    sizes = scale.pick([1_000, 10_000, 100_000], [1_000, 10_000, 100_000], [10, 100, 1_000])
    outputs, total = outputs_curve(event, sizes)
    floors = floor_comparison(event, sizes[1], sizes[0] // SAMPLES_PER_RUN)
    base = baseline(event, scale.pick(4, 2, 1))
    memory = memory_per_unit("output", sizes, lambda n: tracked(event, n))
    return {
        "title": "Pre-launch staking",
        "workload": f"{sizes[-1]:,} outputs over a full {MILESTONES:,}-milestone round",
        "curves": [outputs],
        "floors": floors,
        "baseline": base,
        "memory": memory,
        "targets": [
            *flat_targets([outputs]),
            target(
                "pre-launch: seconds for the largest round, results included",
                round(total, 3),
                2,
                scaled=True,
            ),
            *(floor_target(found) for found in floors),
            target(
                "pre-launch: speed-up over the milestone walk",
                base["speedup"],
                SPEEDUP,
                at_least=True,
                scaled=True,
            ),
            target("pre-launch: state bytes per output constant", memory["ratio"], FLAT),
        ],
    }
