"""IOTA staking: 150 validators, 100,000 stakes, 365 epochs, then every stake withdrawn.

The stakes are requested evenly over the epochs with random validators; every epoch pays the
committee, books its commission as new stake and settles each pool's pending stake and
withdrawals (O(validators)). At the end every stake is withdrawn, valued from two exchange rates
(IOTA-POOL-01) however long it was held.

Curves, at 1,000, 10,000 and 100,000 stakes: the cost of a stake request, of an epoch, and of a
withdrawal. Baseline: a dashboard that revalues every stake every epoch
(``tests/oracles/iota.py``), at 10,000 stakes; its final valuation must equal what the
withdrawals paid.
"""

from __future__ import annotations

import random
import statistics
from functools import partial

from contracts.accounts import SYSTEM
from contracts.iota.system import IotaStaking
from tests.bench.harness import (
    FLAT,
    JSON,
    SAMPLES_PER_RUN,
    Sample,
    Scale,
    Stream,
    clock,
    collect,
    count_calls,
    curve,
    flat_targets,
    memory_per_unit,
    quiet,
    report,
    target,
    timed,
)
from tests.oracles.iota import revalue_all

NANOS = 10**9
STAKER = "stakers"


def genesis(stakes: int, validators: int, seed: int = 17) -> IotaStaking:
    rng = random.Random(seed)
    return IotaStaking.genesis(
        {STAKER: stakes * 10 * NANOS},
        [
            (f"val-{k}", rng.randint(2, 20) * 10**6 * NANOS, rng.choice([0, 500, 1_000]))
            for k in range(validators)
        ],
    )


def requests(stakes: int, validators: int, seed: int = 19) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    return [(f"val-{rng.randrange(validators)}", rng.randint(1, 10) * NANOS) for _ in range(stakes)]


def staked(stakes: int, validators: int, epochs: int) -> IotaStaking:
    """A network after ``epochs`` epochs with ``stakes`` stakes requested along the way."""
    system = genesis(stakes, validators)
    plan = requests(stakes, validators)
    per_epoch = -(-stakes // epochs)
    for epoch in range(epochs):
        for validator, amount in plan[epoch * per_epoch : (epoch + 1) * per_epoch]:
            system.request_add_stake(STAKER, validator, amount, system.epoch)
        system.advance_epoch(SYSTEM)
    return system


def withdraw(system: IotaStaking, stakes: list[tuple[str, int]]) -> int:
    """Withdraw (owner, id) stakes at the current epoch; what they paid."""
    withdraw_stake = system.request_withdraw_stake
    epoch = system.epoch
    return sum(withdraw_stake(owner, sid, epoch) for owner, sid in stakes)


def schedule(stakes: int, batch: int, epochs: int) -> dict[int, list[range]]:
    """Requests in batches of ``batch``, the batches spread evenly over the epochs."""
    batches = -(-stakes // batch)
    by_epoch: dict[int, list[range]] = {}
    for i in range(batches):
        by_epoch.setdefault(i * epochs // batches, []).append(
            range(i * batch, min((i + 1) * batch, stakes))
        )
    return by_epoch


def request(system: IotaStaking, plan: list[tuple[str, int]], batch: range, epoch: int) -> None:
    add = system.request_add_stake
    for n in batch:
        validator, amount = plan[n]
        add(STAKER, validator, amount, epoch)


def lifecycle(stakes: int, validators: int, epochs: int, batch: int, calls: list[int]) -> Stream:
    """Requests in batches spread over the epochs, every epoch, then every stake withdrawn.

    Requests and withdrawals are timed in batches of the same size at every size, so that a
    sample's fixed costs weigh alike. The withdrawals take every stake -- the requested ones and
    the validators' commission stakes -- in the order they were made: the same path for each,
    and the same walk through memory at every size. The middle epoch's Python calls are counted
    (into ``calls``) instead of timed.
    """
    system = genesis(stakes, validators)
    plan = requests(stakes, validators)
    by_epoch = schedule(stakes, batch, epochs)
    for epoch in range(epochs):
        for requested in by_epoch.get(epoch, []):
            yield (
                "requests",
                timed(len(requested), partial(request, system, plan, requested, epoch)),
            )
        if epoch == epochs // 2:
            calls.append(count_calls(partial(system.advance_epoch, SYSTEM)))
        else:
            yield "epochs", timed(1, partial(system.advance_epoch, SYSTEM))
    everything = [(stake.owner, sid) for sid, stake in system.stakes.items()]
    for start in range(0, len(everything), batch):
        chunk = everything[start : start + batch]
        yield "withdrawals", timed(len(chunk), partial(withdraw, system, chunk))


ROUNDS = 3  # the three sizes run in turn this many times; a size's samples are pooled


def curves(sizes: list[int], validators: int, epochs: int) -> list[JSON]:
    """Each size's lifecycle in ``ROUNDS`` rounds of ×1, ×10, ×100: every size's samples then
    come from three stretches of the machine's time (the lifecycles are short: seconds)."""
    batch = max(1, sizes[0] // (2 * SAMPLES_PER_RUN))
    calls: list[int] = []
    runs: list[dict[str, list[Sample]]] = [{} for _ in sizes]
    for _ in range(ROUNDS):
        for k, size in enumerate(sizes):
            for tag, samples in collect(lifecycle(size, validators, epochs, batch, calls)).items():
                runs[k].setdefault(tag, []).extend(samples)
    calls = calls[: len(sizes)]
    found = []
    for tag, name, unit in (
        ("requests", "IOTA: stake requests", "request"),
        ("epochs", "IOTA: epochs", "epoch"),
        ("withdrawals", "IOTA: withdrawals", "withdrawal"),
    ):
        found.append(curve(name, unit, "stakes", sizes, [run[tag] for run in runs]))
        report("iota", found[-1])
    found[1]["callsPerEpoch"] = calls
    found[1]["callsRatio"] = round(max(calls) / min(calls), 4)
    return found


def baseline(stakes: int, validators: int, epochs: int) -> JSON:
    """The network's epochs against revaluing every stake every epoch; totals checked."""
    system = genesis(stakes, validators)
    plan = requests(stakes, validators)
    per_epoch = -(-stakes // epochs)
    contract: list[float] = []
    naive: list[float] = []
    with quiet():
        for epoch in range(epochs):
            for validator, amount in plan[epoch * per_epoch : (epoch + 1) * per_epoch]:
                system.request_add_stake(STAKER, validator, amount, epoch)
            began = clock()
            system.advance_epoch(SYSTEM)
            contract.append(clock() - began)
            began = clock()
            triples = [
                (system.validators[s.validator].pool, s.principal, s.activation_epoch)
                for s in system.stakes.values()
            ]
            valued = revalue_all(triples, system.epoch)
            naive.append(clock() - began)
    everything = [(stake.owner, sid) for sid, stake in system.stakes.items()]
    paid = withdraw(system, everything)
    assert paid == valued, f"withdrawals paid {paid}, the revaluation says {valued}"
    fast, slow = statistics.median(contract), statistics.median(naive)
    return {
        "against": "tests/oracles/iota.py revalue_all (every stake, every epoch)",
        "stakes": stakes,
        "validators": validators,
        "epochs": epochs,
        "contractSecondsPerEpoch": round(fast, 6),
        "naiveSecondsPerEpoch": round(slow, 6),
        "speedup": round(slow / fast, 1),
        "checked": f"the withdrawals of all {len(triples):,} stakes paid the revalued total",
    }


def run(scale: Scale) -> JSON:
    sizes = scale.pick([1_000, 10_000, 100_000], [1_000, 10_000, 100_000], [10, 20, 40])
    validators = scale.pick(150, 150, 5)
    epochs = scale.pick(365, 40, 10)
    found = curves(sizes, validators, epochs)
    base = baseline(scale.pick(10_000, 1_000, 20), validators, epochs)
    memory = memory_per_unit("stake", sizes, lambda n: staked(n, validators, 10))
    return {
        "title": "IOTA staking",
        "workload": (
            f"{validators} validators, {sizes[-1]:,} stakes at the largest size, "
            f"{epochs} epochs, then every stake withdrawn"
        ),
        "curves": found,
        "baseline": base,
        "memory": memory,
        "targets": [
            *flat_targets(found),
            target("IOTA: Python calls per epoch flat", found[1]["callsRatio"], FLAT),
            target("IOTA: state bytes per stake constant", memory["ratio"], FLAT),
        ],
    }
