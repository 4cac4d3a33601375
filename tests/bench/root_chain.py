"""Root chain: 1,000 validators, 1,000,000 delegations, 365 epochs with random slashes.

Every epoch mints the inflation, pays it to the validators by stake, takes their commission and
credits each pool's reward accumulator, then rotates the set and draws the committees: work in
the validators, chains and seats, none in the delegators (ROOT-REWARD-01). A twentieth of the
epochs slash a random active validator (minor severity) before the epoch ends.

Curve: the cost of an epoch at 10,000, 100,000 and 1,000,000 delegations (the work does not
touch them, so it must not grow), and the Python calls per epoch, which must not move at all.
Baseline: ``NaiveRootChain``, which credits every delegator's exact share every epoch, in lock
step with the network at 10,000 delegations; every delegator's rewards are checked against it.
"""

from __future__ import annotations

import random
import statistics
from functools import partial

from contracts.accounts import COMMUNITY, REWARDS_POOL, SYSTEM
from contracts.assembly import AssemblyNetwork
from contracts.ledger import genesis_allocation
from contracts.root_chain import Evidence, Severity, Status
from contracts.root_chain.records import EPOCHS_PER_YEAR as EPOCHS
from tests.bench.floors import RootChainFloor
from tests.bench.harness import (
    FLAT,
    JSON,
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
from tests.oracles.root_chain import NaiveRootChain

BOND = 1_000_000 * 10**6  # each operator's own stake, µASMB
DELEGATION = 10**9  # 1,000 ASMB per delegation
DELEGATIONS_PER_DELEGATOR = 4


def build(validators: int, delegations: int, seed: int = 11) -> AssemblyNetwork:
    """Genesis, every validator registered, every delegation made, at epoch 0."""
    rng = random.Random(seed)
    delegators = -(-delegations // DELEGATIONS_PER_DELEGATOR)
    holders = {f"op-{v}": BOND for v in range(validators)}
    holders |= {f"d-{n}": DELEGATIONS_PER_DELEGATOR * DELEGATION for n in range(delegators)}
    balances = genesis_allocation()
    balances[COMMUNITY] -= sum(holders.values())
    network = AssemblyNetwork({**balances, **holders})
    commissions = [rng.choice([0, 500, 1_000]) for _ in range(validators)]
    for v in range(validators):
        network.chain.register_validator(f"op-{v}", f"v-{v}", BOND, commissions[v], True, 0)
    targets = [rng.randrange(validators) for _ in range(delegations)]
    for n in range(delegations):
        network.chain.delegate(f"d-{n % delegators}", f"v-{targets[n]}", DELEGATION, 0)
    return network


def advance(network: AssemblyNetwork, slash: int | None = None) -> None:
    epoch = network.epoch
    if slash is not None:
        vid = f"v-{slash}"
        if network.chain.validators[vid].status is Status.ACTIVE:
            evidence = Evidence(f"evidence-{epoch}", vid, epoch, Severity.MINOR)
            network.chain.slash(SYSTEM, evidence, epoch)
    network.advance_epoch(SYSTEM, epoch.to_bytes(8, "big") + b"bench")


def advance_quietly(network: AssemblyNetwork, epochs: int) -> None:
    """Epochs without slashes: the same work at every size, for counting calls."""
    for _ in range(epochs):
        advance(network)


def epochs_run(
    validators: int, delegations: int, epochs: int, slashes: dict[int, int], extra: JSON
) -> Stream:
    began = clock()
    network = build(validators, delegations)
    extra["setupMicrosecondsPerDelegation"] = round((clock() - began) / delegations * 1e6, 3)
    for offset in range(epochs):
        yield "epochs", timed(1, partial(advance, network, slashes.get(offset)))
    extra["callsPerEpoch"] = round(count_calls(partial(advance_quietly, network, 3)) / 3, 1)


def epochs_curve(validators: int, sizes: list[int], epochs: int) -> JSON:
    plan = random.Random(13)
    slashes = {plan.randrange(1, epochs): plan.randrange(validators) for _ in range(epochs // 20)}
    extras: list[JSON] = [{} for _ in sizes]
    runs = alternate(
        [
            epochs_run(validators, size, epochs, slashes, extra)
            for size, extra in zip(sizes, extras, strict=True)
        ]
    )
    samples = [run["epochs"] for run in runs]
    found = curve("root chain: epochs", "epoch", "delegations", sizes, samples, extras)
    calls_per_epoch = [extra["callsPerEpoch"] for extra in extras]
    found["callsRatio"] = round(max(calls_per_epoch) / min(calls_per_epoch), 4)
    report("rootchain", found)
    return found


def floor_of(network: AssemblyNetwork) -> RootChainFloor:
    """The floor, from the network's state: each validator's pool and accumulator, the
    balances the epoch moves, the supply and the provision."""
    chain = network.chain
    rows = []
    for vid, v in chain.validators.items():
        acc = v.rewards
        assert v.operational and v.next_commission_bp is None
        rows.append(
            [
                vid,
                v.operator,
                v.commission_bp,
                v.tokens,
                v.shares,
                v.shares_of(v.operator),
                acc.total_active,
                acc.total_pending,
                acc.reward_per_unit,
                acc.period,
                dict(acc.checkpoints),
                acc.offered,
                acc.undistributed,
                acc.rounding_scaled,
                v.status is Status.ACTIVE,
            ]
        )
    provision = chain.provision
    return RootChainFloor(
        rows,
        dict(network.ledger.balances),
        network.ledger.supply(),
        (provision.epoch_in_year, provision.year_base, provision.cumulative, EPOCHS),
        chain.params.basis_points("ASMB_INFLATION_RATE"),
        chain.params.integer("ASMB_MIN_VALIDATOR_BOND"),
        REWARDS_POOL,
        COMMUNITY,
    )


def same_as_floor(network: AssemblyNetwork, floor: RootChainFloor) -> None:
    chain = network.chain
    assert network.ledger.supply() == floor.supply
    for row in floor.validators:
        v = chain.validators[row[0]]
        acc = v.rewards
        assert (v.status is Status.ACTIVE) == row[14], row[0]
        assert [acc.total_active, acc.total_pending, acc.reward_per_unit, acc.period] == row[6:10]
        assert [acc.offered, acc.undistributed, acc.rounding_scaled] == row[11:14], row[0]
        assert acc.checkpoints == row[10], row[0]
    for account, balance in network.ledger.balances.items():
        assert balance == floor.balances.get(account, 0), account


def floor_run(validators: int, delegations: int, epochs: int, outcome: list[str]) -> Stream:
    """Epochs of the network and of its floor in turns (no slashes: the floor has none); then
    every pool's accumulator, the supply and every balance must be equal."""
    network = build(validators, delegations)
    floor = floor_of(network)
    for _ in range(epochs):
        yield "contract", timed(1, partial(advance, network))
        yield "floor", timed(1, floor.end_epoch)
    same_as_floor(network, floor)
    outcome.append(
        f"after {epochs} epochs every pool's accumulator, the supply and every balance "
        "equal to the floor's"
    )


def floor_comparison(validators: int, delegations: int, epochs: int) -> JSON:
    outcome: list[str] = []
    samples = collect(floor_run(validators, delegations, epochs, outcome))
    found = versus("root chain: epochs", "epoch", samples, outcome[0])
    report_floor("rootchain", found)
    return found


def baseline(validators: int, delegations: int, epochs: int) -> JSON:
    """Epochs of the network and of the naive oracle in lock step; every reward checked."""
    network = build(validators, delegations)
    oracle = NaiveRootChain()
    rng = random.Random(11)
    commissions = [rng.choice([0, 500, 1_000]) for _ in range(validators)]
    targets = [rng.randrange(validators) for _ in range(delegations)]
    delegators = -(-delegations // DELEGATIONS_PER_DELEGATOR)
    for v in range(validators):
        oracle.register(f"op-{v}", f"v-{v}", BOND, commissions[v])
    for n in range(delegations):
        oracle.delegate(f"d-{n % delegators}", f"v-{targets[n]}", DELEGATION)
    contract: list[float] = []
    naive: list[float] = []
    with quiet():
        for _ in range(epochs):
            minted = network.ledger.minted
            began = clock()
            advance(network)
            contract.append(clock() - began)
            began = clock()
            oracle.end_epoch(network.ledger.minted - minted)
            naive.append(clock() - began)
    checked = 0
    for (holder, vid), exact in oracle.exact.items():
        paid = network.chain.validators[vid].rewards.claimable(holder)
        assert int(exact) - 2 <= paid <= int(exact), (holder, vid, paid, exact)
        checked += 1
    fast, slow = statistics.median(contract), statistics.median(naive)
    return {
        "against": "tests/oracles/root_chain.py NaiveRootChain (every delegator, every epoch)",
        "validators": validators,
        "delegations": delegations,
        "epochs": epochs,
        "contractSecondsPerEpoch": round(fast, 6),
        "naiveSecondsPerEpoch": round(slow, 6),
        "speedup": round(slow / fast, 1),
        "checked": f"{checked:,} delegator and operator positions within 2 µASMB of exact",
    }


def run(scale: Scale) -> JSON:
    validators = scale.pick(1_000, 100, 10)
    sizes = scale.pick([10_000, 100_000, 1_000_000], [100, 1_000, 10_000], [20, 40, 80])
    epochs = scale.pick(365, 40, 20)
    epochs_ = epochs_curve(validators, sizes, epochs)
    floor = floor_comparison(validators, sizes[0], scale.pick(60, 20, 4))
    # The naive loop's cost is per delegation, the network's per validator: the speed-up is set
    # by the delegations per validator, so the workload's density (its largest size's) is run
    # on a tenth of its validators; and a sparse network of 10 delegations per validator beside.
    base = baseline(validators // 10, sizes[-1] // 10, scale.pick(5, 3, 2))
    base["sparse"] = baseline(validators, scale.pick(10_000, 1_000, 20), scale.pick(30, 5, 2))
    memory = memory_per_unit(
        "delegation",
        scale.pick([1_000, 10_000, 100_000], [100, 1_000, 10_000], [10, 20, 40]),
        lambda n: build(validators, n),
    )
    return {
        "title": "Root chain",
        "workload": (
            f"{validators:,} validators, {sizes[-1]:,} delegations at the largest size, "
            f"{epochs} epochs with {epochs // 20} random slashes"
        ),
        "curves": [epochs_],
        "floors": [floor],
        "baseline": base,
        "memory": memory,
        "targets": [
            *flat_targets([epochs_]),
            target("root chain: Python calls per epoch flat", epochs_["callsRatio"], FLAT),
            floor_target(floor),
            target(
                f"root chain: speed-up over the naive loop at the workload's "
                f"{base['delegations'] // base['validators']:,} delegations per validator",
                base["speedup"],
                SPEEDUP,
                at_least=True,
                scaled=True,
            ),
            target("root chain: state bytes per delegation constant", memory["ratio"], FLAT),
        ],
    }
