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
from contracts.iota.epoch import GRACE_PERIOD, LOW_STAKE, VALIDATOR_SUBSIDY, VERY_LOW_STAKE
from contracts.iota.system import IotaStaking
from tests.bench.floors import IotaFloor, Pool
from tests.bench.harness import (
    FLAT,
    JSON,
    SAMPLES_PER_RUN,
    SPEEDUP,
    Sample,
    Scale,
    Stream,
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


GROUP = 10  # batches of requests in a row, between two epoch changes


def schedule(stakes: int, batch: int, epochs: int) -> dict[int, list[range]]:
    """Requests in batches of ``batch``, in groups of :data:`GROUP` batches in a row, the groups
    spread evenly over the epochs.

    An epoch change walks every validator and pool and leaves the processor's caches cold for
    the next request; grouping the batches makes the first batch after an epoch change the same
    share of the samples -- one in ten -- at every size, where spreading single batches would
    make it every sample at ×1 and a few at ×100 (a curve that falls with the size).
    """
    batches = -(-stakes // batch)
    groups = -(-batches // GROUP)
    by_epoch: dict[int, list[range]] = {}
    for i in range(batches):
        by_epoch.setdefault(i // GROUP * epochs // groups, []).append(
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


def floor_of(system: IotaStaking) -> IotaFloor:
    """The floor, from the system's state at genesis (every pool active, no stakes yet)."""
    pools = {}
    for address, v in system.validators.items():
        assert v.active and not v.leaving
        pool = Pool()
        pool.iota, pool.tokens, pool.rewards = (
            v.pool.iota_balance,
            v.pool.pool_token_balance,
            v.pool.rewards_pool,
        )
        pool.pending_stake = v.pool.pending_stake
        pool.rates = {
            e: (r.iota_amount, r.pool_token_amount) for e, r in v.pool.exchange_rates.items()
        }
        pool.commission, pool.next_commission = v.commission_bp, v.next_commission_bp
        pool.power, pool.low = v.voting_power, v.low_stake_epochs
        pools[address] = pool
    assert not system.pending_active and system.computation_charge == 0
    profile = system.profile
    assert not profile.adjust_rewards_by_score
    rules = {
        "subsidy": VALIDATOR_SUBSIDY,
        "dynamic": profile.dynamic_min_commission,
        "max_committee": profile.max_committee,
        "low": LOW_STAKE,
        "very_low": VERY_LOW_STAKE,
        "grace": GRACE_PERIOD,
    }
    floor = IotaFloor(
        pools,
        list(system.active),
        list(system.committee),
        dict(system.balances),
        system.epoch,
        system.next_stake_id,
        rules,
    )
    floor.stakes = {
        sid: (s.owner, s.validator, s.principal, s.activation_epoch)
        for sid, s in system.stakes.items()
    }
    return floor


def same_as_floor(system: IotaStaking, floor: IotaFloor) -> None:
    assert system.balances == floor.balances
    assert system.committee == floor.committee and system.active == floor.active
    assert {
        sid: (s.owner, s.validator, s.principal, s.activation_epoch)
        for sid, s in system.stakes.items()
    } == floor.stakes
    for address, v in system.validators.items():
        pool = floor.pools[address]
        assert (v.pool.iota_balance, v.pool.pool_token_balance, v.pool.rewards_pool) == (
            pool.iota,
            pool.tokens,
            pool.rewards,
        ), address
        assert v.voting_power == pool.power, address
        assert {
            e: (r.iota_amount, r.pool_token_amount) for e, r in v.pool.exchange_rates.items()
        } == pool.rates


def floor_lifecycle(
    stakes: int, validators: int, epochs: int, batch: int, outcome: list[str]
) -> Stream:
    """The lifecycle of :func:`lifecycle` on the system and on its floor, a sample each in
    turn; then every pool, stake, rate and balance must be equal."""
    system = genesis(stakes, validators)
    floor = floor_of(system)
    plan = requests(stakes, validators)
    by_epoch = schedule(stakes, batch, epochs)

    def floor_requests(batch_: range) -> None:
        add = floor.request
        for n in batch_:
            validator, amount = plan[n]
            add(STAKER, validator, amount)

    def floor_withdraw(chunk: list[tuple[str, int]]) -> None:
        take = floor.withdraw
        for owner, sid in chunk:
            take(owner, sid)

    for epoch in range(epochs):
        for requested in by_epoch.get(epoch, []):
            yield (
                "requests contract",
                timed(len(requested), partial(request, system, plan, requested, epoch)),
            )
            yield "requests floor", timed(len(requested), partial(floor_requests, requested))
        yield "epochs contract", timed(1, partial(system.advance_epoch, SYSTEM))
        yield "epochs floor", timed(1, floor.advance_epoch)
    same_as_floor(system, floor)
    everything = [(stake.owner, sid) for sid, stake in system.stakes.items()]
    for start in range(0, len(everything), batch):
        chunk = everything[start : start + batch]
        yield "withdrawals contract", timed(len(chunk), partial(withdraw, system, chunk))
        yield "withdrawals floor", timed(len(chunk), partial(floor_withdraw, chunk))
    same_as_floor(system, floor)
    outcome.append(
        f"{stakes:,} stakes over {epochs} epochs, then withdrawn: every pool, rate, stake and "
        "balance equal to the floor's"
    )


def floor_comparison(stakes: int, validators: int, epochs: int, batch: int) -> list[JSON]:
    outcome: list[str] = []
    samples = collect(floor_lifecycle(stakes, validators, epochs, batch, outcome))
    found = []
    for tag, name, unit in (
        ("requests", "IOTA: stake requests", "request"),
        ("epochs", "IOTA: epochs", "epoch"),
        ("withdrawals", "IOTA: withdrawals", "withdrawal"),
    ):
        pair = {"contract": samples[f"{tag} contract"], "floor": samples[f"{tag} floor"]}
        found.append(versus(name, unit, pair, outcome[0]))
        report_floor("iota", found[-1])
    return found


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


def baseline(stakes: int, validators: int, epochs: int, *, spread: bool = True) -> JSON:
    """The network's epochs against revaluing every stake every epoch; totals checked.

    The stakes are requested evenly over the epochs (``spread``), or all before the first
    (the population's density from the first timed epoch on).
    """
    system = genesis(stakes, validators)
    plan = requests(stakes, validators)
    per_epoch = -(-stakes // epochs) if spread else stakes
    contract: list[float] = []
    naive: list[float] = []
    held: list[int] = []
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
            held.append(len(triples))
    everything = [(stake.owner, sid) for sid, stake in system.stakes.items()]
    paid = withdraw(system, everything)
    assert paid == valued, f"withdrawals paid {paid}, the revaluation says {valued}"
    fast, slow = statistics.median(contract), statistics.median(naive)
    return {
        "against": "tests/oracles/iota.py revalue_all (every stake, every epoch)",
        "stakes": stakes,
        "validators": validators,
        "epochs": epochs,
        "medianStakesHeld": statistics.median(held),
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
    batch = max(1, sizes[0] // (2 * SAMPLES_PER_RUN))
    floors = floor_comparison(sizes[1], validators, epochs, batch)
    # The revaluation's cost is per stake, the epoch's per validator: at the workload's density
    # (its largest size's stakes on its validators, all requested before the first timed epoch)
    # over fewer epochs, and sparse (a tenth of the stakes, spread over every epoch).
    base = baseline(sizes[-1], validators, scale.pick(20, 10, 5), spread=False)
    base["sparse"] = baseline(scale.pick(10_000, 1_000, 20), validators, epochs)
    memory = memory_per_unit("stake", sizes, lambda n: staked(n, validators, 10))
    return {
        "title": "IOTA staking",
        "workload": (
            f"{validators} validators, {sizes[-1]:,} stakes at the largest size, "
            f"{epochs} epochs, then every stake withdrawn"
        ),
        "curves": found,
        "floors": floors,
        "baseline": base,
        "memory": memory,
        "targets": [
            *flat_targets(found),
            target("IOTA: Python calls per epoch flat", found[1]["callsRatio"], FLAT),
            *(floor_target(found) for found in floors),
            target(
                f"IOTA: speed-up over revaluing every stake at the workload's {sizes[-1]:,} "
                f"stakes on {validators} validators",
                base["speedup"],
                SPEEDUP,
                at_least=True,
                scaled=True,
            ),
            target("IOTA: state bytes per stake constant", memory["ratio"], FLAT),
        ],
    }
