"""Scenarios the conformance test vectors are generated from.

A scenario is a contract, its constructor arguments and a list of steps (operation, arguments).
Hand-written scenarios pin the edge cases each contract's rules name -- window edges, minimum
rules, zero-stake periods, slashing while unbonding, proposal boundaries, the tallying quorum --
and seeded random scenarios (``random.Random`` with a fixed seed, so the vectors are the same on
every run) mix valid and invalid calls at length. Expected outcomes are not written here: the
vector generator runs each scenario on the reference and records what it returns.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

from spec.sources import PARTICIPATION_EVENTS_DIR

JSON = Any
#: The caller of protocol operations.
_SYSTEM = "system"


@dataclass(frozen=True)
class Step:
    operation: str
    args: dict[str, JSON]


@dataclass(frozen=True)
class Scenario:
    contract: str
    name: str
    description: str
    create: dict[str, JSON]
    steps: tuple[Step, ...] = field(default_factory=tuple)
    tags: tuple[str, ...] = ()


def s(operation: str, **args: JSON) -> Step:
    return Step(operation, args)


def _event(relative: str, **changes: JSON) -> JSON:
    path = PARTICIPATION_EVENTS_DIR / "events" / relative
    document = json.loads(path.read_text(encoding="utf-8"))
    document.update(changes)
    return document


def _small_staking_event(minimum: int = 0, numerator: int = 1, denominator: int = 1) -> JSON:
    return {
        "name": "Conformance staking",
        "milestoneIndexCommence": 6,
        "milestoneIndexStart": 10,
        "milestoneIndexEnd": 15,
        "payload": {
            "type": 1,
            "text": "Conformance",
            "symbol": "CONF",
            "numerator": numerator,
            "denominator": denominator,
            "requiredMinimumRewards": minimum,
            "additionalInfo": "",
        },
        "additionalInfo": "",
    }


def oid(n: int) -> str:
    return f"{n:064x}0000"


def addr(n: int) -> str:
    return f"{n:064x}"


# ----------------------------------------------------------------------------- participation


def _staking_scenarios() -> list[Scenario]:
    edges = Scenario(
        "participation-staking",
        "window-edges",
        "Bookings at commence+1 and at the end, outside the window, spends at the edges, "
        "results before, at and after the counting window.",
        {"event": _small_staking_event()},
        (
            s("book", outputId=oid(1), address=addr(1), amount=1_000_000, milestone=7),
            s("book", outputId=oid(2), address=addr(2), amount=2_500_000, milestone=15),
            s("book", outputId=oid(3), address=addr(3), amount=1_000_000, milestone=6),
            s("book", outputId=oid(3), address=addr(3), amount=1_000_000, milestone=16),
            s("book", outputId=oid(4), address=addr(1), amount=1_000_000, milestone=10),
            s("spend", outputId=oid(4), milestone=10),
            s("spend", outputId=oid(4), milestone=11),
            s("spend", outputId=oid(4), milestone=12),
            s("results", at=10),
            s("results", at=11),
            s("results", at=15),
            s("results", at=99),
            s("results", at=None),
            s("rewardOf", outputId=oid(2), at=None),
            s("rewardOf", outputId=oid(9), at=None),
            s("rewardsByAddress", at=13),
        ),
        ("window-edges",),
    )
    minimum = Scenario(
        "participation-staking",
        "minimum-rule",
        "An address exactly at the required minimum is listed; one below it is not.",
        {"event": _small_staking_event(minimum=3_000_000)},
        (
            s("book", outputId=oid(1), address=addr(1), amount=1_000_000, milestone=13),
            s("book", outputId=oid(2), address=addr(2), amount=1_000_000, milestone=14),
            s("book", outputId=oid(3), address=addr(2), amount=999_999, milestone=15),
            s("results", at=None),
            s("results", at=14),
        ),
        ("minimum-rules",),
    )
    floors = Scenario(
        "participation-staking",
        "round-1-floors",
        "Assembly round 1: the per-output floor of 4 µASMB per Mi per milestone.",
        {"event": _event("staking/assembly_01.json")},
        (
            s("book", outputId=oid(1), address=addr(1), amount=999_999, milestone=2_102_114),
            s("book", outputId=oid(2), address=addr(1), amount=250_000, milestone=2_102_200),
            s("book", outputId=oid(3), address=addr(2), amount=10**12, milestone=2_041_635),
            s("spend", outputId=oid(2), milestone=2_500_000),
            s("book", outputId=oid(5), address=addr(3), amount=2**64, milestone=2_102_200),
            s("book", outputId=oid(5), address=addr(3), amount=0, milestone=2_102_200),
            s("book", outputId="zz" * 34, address=addr(3), amount=10, milestone=2_102_200),
            s("book", outputId=oid(1), address=addr(3), amount=10, milestone=2_102_200),
            s("results", at=None),
            s("results", at=2_102_114),
        ),
        ("floors",),
    )
    supply = 2_779_530_283_277_761
    seed_cap = Scenario(
        "participation-staking",
        "seed-cap",
        "Round 1 with nearly the whole IOTA supply staked: the seed profile scales every address "
        "down to the 8 % maximum; the deployed results stay uncapped.",
        {"event": _event("staking/assembly_01.json")},
        (
            s("book", outputId=oid(1), address=addr(1), amount=supply // 2, milestone=2_102_114),
            s("book", outputId=oid(2), address=addr(2), amount=supply // 3, milestone=2_102_114),
            s("book", outputId=oid(3), address=addr(3), amount=supply // 7, milestone=2_300_000),
            s("book", outputId=oid(4), address=addr(4), amount=1_000_000, milestone=2_102_114),
            s("results", at=None),
            s("seedResults", at=None),
            s("seedResults", at=2_500_000),
        ),
        ("seed-cap",),
    )
    return [edges, minimum, floors, seed_cap, _random_staking(1), _random_staking(2)]


def _random_staking(seed: int) -> Scenario:
    rng = random.Random(f"participation-staking-{seed}")
    steps = []
    booked: list[int] = []
    for n in range(120):
        roll = rng.random()
        if roll < 0.5 or not booked:
            output = rng.randrange(40)
            steps.append(
                s(
                    "book",
                    outputId=oid(output),
                    address=addr(rng.randrange(6)),
                    amount=rng.choice([1, 999, 1_000_000, rng.randrange(1, 10**9)]),
                    milestone=rng.randrange(5, 18),
                )
            )
            booked.append(output)
        elif roll < 0.8:
            steps.append(
                s("spend", outputId=oid(rng.choice(booked)), milestone=rng.randrange(5, 20))
            )
        else:
            steps.append(s("results", at=rng.choice([None, rng.randrange(0, 20)])))
        if n % 40 == 39:
            steps.append(s("rewardsByAddress", at=None))
    return Scenario(
        "participation-staking",
        f"random-{seed}",
        "Seeded random bookings, spends and queries, valid and invalid.",
        {"event": _small_staking_event(minimum=2_000_000, numerator=3, denominator=7)},
        tuple(steps),
        ("random",),
    )


def _ballot_scenarios() -> list[Scenario]:
    event = _event(
        "vote/shimmer_funding.json",
        milestoneIndexCommence=5,
        milestoneIndexStart=7,
        milestoneIndexEnd=12,
    )
    return [
        Scenario(
            "participation-ballot",
            "weights-skipped-invalid",
            "floor(amount / 1000) per output; answer 0 is skipped, unknown bytes invalid; "
            "the node's own 5 Mi from milestone 8 case.",
            {"event": event},
            (
                s(
                    "book",
                    outputId=oid(1),
                    address=addr(1),
                    amount=5_000_000,
                    milestone=8,
                    answers=[1],
                ),
                s("book", outputId=oid(2), address=addr(2), amount=2_999, milestone=6, answers=[0]),
                s(
                    "book",
                    outputId=oid(3),
                    address=addr(3),
                    amount=4_500,
                    milestone=12,
                    answers=[42],
                ),
                s("book", outputId=oid(4), address=addr(3), amount=4_500, milestone=9, answers=[]),
                s(
                    "book",
                    outputId=oid(4),
                    address=addr(3),
                    amount=4_500,
                    milestone=9,
                    answers=[2, 1],
                ),
                s("status", at=7),
                s("status", at=8),
                s("spend", outputId=oid(1), milestone=10),
                s("status", at=None),
                s("status", at=50),
            ),
            ("ballots",),
        )
    ]


# ----------------------------------------------------------------------------- rewards


def _accumulator_scenarios() -> list[Scenario]:
    rng = random.Random("reward-accumulator")
    steps: list[Step] = [
        s("distribute", amount=1_000),
        s("stake", holder="a", amount=5),
        s("distribute", amount=500),
        s("closePeriod"),
        s("distribute", amount=70),
        s("claimable", holder="a"),
        s("claim", holder="nobody"),
        s("unstake", holder="a", amount=6),
    ]
    for _ in range(150):
        holder = rng.choice("abcd")
        roll = rng.random()
        if roll < 0.3:
            steps.append(s("stake", holder=holder, amount=rng.choice([1, 3, 10**6, 10**15])))
        elif roll < 0.45:
            steps.append(s("unstake", holder=holder, amount=rng.choice([1, 2, 10**5])))
        elif roll < 0.7:
            steps.append(s("distribute", amount=rng.choice([0, 1, 7, 10**12, 3 * 10**13])))
        elif roll < 0.85:
            steps.append(s("closePeriod"))
        else:
            steps.append(s("claim", holder=holder))
    steps.append(s("stakeOf", holder="a"))
    return [
        Scenario(
            "reward-accumulator",
            "zero-stake-and-random",
            "Rewards offered with no active stake, pending stake, and a seeded random run.",
            {},
            tuple(steps),
            ("zero-stake", "random"),
        )
    ]


def _postlaunch_scenarios() -> list[Scenario]:
    six_billion = 6 * 10**15
    example = Scenario(
        "postlaunch",
        "seed-example",
        "D1 = 6 B: 21,909,233 whole ASMB a day; day 1 has no eligible stake; day 639 is paid "
        "when day 640 begins.",
        {"phaseOneTotal": six_billion},
        (
            s("stake", holder="h", amount=10**6, day=1),
            s("advanceTo", caller=_SYSTEM, day=2),
            s("claimable", holder="h"),
            s("stake", holder="g", amount=3 * 10**6, day=2),
            s("unstake", holder="h", amount=1, day=3),
            s("advanceTo", caller=_SYSTEM, day=639),
            s("stake", holder="g", amount=1, day=640),
            s("claim", holder="h", day=639),
            s("advanceTo", caller=_SYSTEM, day=640),
            s("claim", holder="h", day=640),
            s("claim", holder="g", day=700),
            s("accounting"),
            s("notYetOffered"),
            s("advanceTo", caller=_SYSTEM, day=2**32 - 1),
            s("claim", holder="g", day=2**32 - 1),
            s("unstake", holder="g", amount=3 * 10**6 + 1, day=2**32 - 1),
            s("advanceTo", caller=_SYSTEM, day=2**32),
        ),
        ("seed-example", "zero-stake", "far-future"),
    )
    rules = Scenario(
        "postlaunch",
        "day-rules-and-bad-input",
        "Stake added mid-day earns from the next day; days before the current one are refused.",
        {"phaseOneTotal": 8 * 10**15},
        (
            s("stake", holder="a", amount=100, day=1),
            s("stake", holder="b", amount=100, day=2),
            s("advanceTo", caller=_SYSTEM, day=3),
            s("claimable", holder="a"),
            s("claimable", holder="b"),
            s("stake", holder="a", amount=5, day=2),
            s("stake", holder="", amount=5, day=3),
            s("stake", holder="a", amount=0, day=3),
            s("stake", holder="a", amount=-3, day=3),
            s("unstake", holder="a", amount=101, day=3),
            s("unstake", holder="zz", amount=1, day=3),
            s("claim", holder="zz", day=3),
            s("advanceTo", caller=_SYSTEM, day=0),
            s("advanceTo", caller="a", day=4),
            s("advanceTo", caller="authority:inflation", day=4),
            s("stake", holder="module:rewards", amount=5, day=3),
            s("stake", holder="system", amount=5, day=3),
            s("stake", holder="a b", amount=5, day=3),
            s("stake", holder="a", amount=2**64, day=3),
            s("stake", holder="a", amount=2**64 - 1, day=3),
            s("stake", holder="b", amount=2**64 - 1, day=3),
            s("claim", holder="genesis:community", day=3),
        ),
        ("day-rules", "protected-accounts", "widths"),
    )
    rng = random.Random("postlaunch")
    steps: list[Step] = []
    day = 1
    for _ in range(150):
        roll = rng.random()
        holder = rng.choice(["h1", "h2", "h3", "h4"])
        if roll < 0.15:
            day += rng.choice([0, 1, 3, 40])
            steps.append(s("advanceTo", caller=_SYSTEM, day=day))
        elif roll < 0.5:
            steps.append(s("stake", holder=holder, amount=rng.choice([1, 10**6, 10**12]), day=day))
        elif roll < 0.7:
            steps.append(s("unstake", holder=holder, amount=rng.choice([1, 10**6]), day=day))
        else:
            steps.append(s("claim", holder=holder, day=day))
    steps.append(s("accounting"))
    randomised = Scenario(
        "postlaunch",
        "random",
        "A seeded random run over the 639 days and after.",
        {"phaseOneTotal": 7 * 10**15 + 12_345},
        tuple(steps),
        ("random",),
    )
    return [example, rules, randomised]


def _smr_scenarios() -> list[Scenario]:
    rng = random.Random("smr-staking")
    steps: list[Step] = [
        s("advanceTo", caller=_SYSTEM, epoch=3),
        s("supply"),
        s("stake", holder="ann", amount=10**12, epoch=3),
        s("stake", holder="ann", amount=10**13, epoch=3),
        s("advanceTo", caller=_SYSTEM, epoch=365),
        s("claim", holder="ann", epoch=365),
        s("rewardsPool"),
    ]
    epoch = 365
    for _ in range(100):
        roll = rng.random()
        holder = rng.choice(["ann", "bob", "cem"])
        if roll < 0.2:
            epoch += rng.choice([0, 1, 30, 365])
            steps.append(s("advanceTo", caller=_SYSTEM, epoch=epoch))
        elif roll < 0.55:
            steps.append(
                s("stake", holder=holder, amount=rng.choice([1, 10**9, 10**11]), epoch=epoch)
            )
        elif roll < 0.75:
            steps.append(s("unstake", holder=holder, amount=rng.choice([1, 10**9]), epoch=epoch))
        else:
            steps.append(s("claim", holder=holder, epoch=epoch))
    steps += [
        s("supply"),
        s("staked"),
        s("advanceTo", caller="ann", epoch=epoch + 1),
        s("advanceTo", caller=_SYSTEM, epoch=epoch + 3_651),
        s("claim", holder="ann", epoch=2**32 - 1),
        s("stake", holder="module:bonded", amount=1, epoch=epoch),
        s("advanceTo", caller=_SYSTEM, epoch=epoch + 3_650),
        s("supply"),
    ]
    return [
        Scenario(
            "smr-staking",
            "year-and-random",
            "Epochs with nobody staking burn their mint; a staked year mints 8 %.",
            {"genesis": {"ann": 10**12, "bob": 5 * 10**11, "cem": 7}},
            tuple(steps),
            ("zero-stake", "random", "far-future", "protected-accounts"),
        )
    ]


# ----------------------------------------------------------------------------- root chain

_ASMB = 10**6
_BOND = 1_000_000 * _ASMB
_SLASHER = _SYSTEM


def _assembly_balances() -> JSON:
    holders = {
        "op-a": 5 * _BOND,
        "op-b": 5 * _BOND,
        "dana": 10 * _BOND,
        "eve": 3 * _BOND,
        "payer": _BOND,
    }
    community = 70 * 10**9 * _ASMB - sum(holders.values())
    return {
        "genesis:iota-stakers": 20 * 10**9 * _ASMB,
        "genesis:community": community,
        "genesis:unassigned": 10 * 10**9 * _ASMB,
        **holders,
    }


def _seed(n: int) -> str:
    return f"{n:016x}"


def _assembly_scenarios() -> list[Scenario]:
    setup = (
        s(
            "registerValidator",
            operator="op-a",
            validatorId="va",
            bond=_BOND,
            commissionBp=1_000,
            operational=True,
            epoch=0,
        ),
        s(
            "registerValidator",
            operator="op-b",
            validatorId="vb",
            bond=2 * _BOND,
            commissionBp=500,
            operational=True,
            epoch=0,
        ),
        s("delegate", holder="dana", validatorId="va", amount=3 * _BOND, epoch=0),
        s(
            "registerChain",
            owner="payer",
            chainId="high",
            tier=9,
            committeeSize=1,
            feePolicy="fees",
            epoch=0,
        ),
        s(
            "registerChain",
            owner="payer",
            chainId="free",
            tier=1,
            committeeSize=1,
            feePolicy="zero-fees",
            epoch=0,
        ),
        s("advanceEpoch", caller=_SYSTEM, seed=_seed(1)),
    )
    rewards = Scenario(
        "assembly",
        "rewards-commission-committees",
        "Epoch rewards, commission from the next epoch, fees to the committee, zero-fee chains.",
        {"balances": _assembly_balances()},
        setup
        + (
            s("payFees", payer="payer", chainId="high", amount=10**9, epoch=1),
            s("payFees", payer="payer", chainId="free", amount=10**9, epoch=1),
            s("setCommission", operator="op-a", validatorId="va", rateBp=2_000, epoch=1),
            s("setCommission", operator="op-a", validatorId="va", rateBp=2_001, epoch=1),
            s("setCommission", operator="dana", validatorId="va", rateBp=0, epoch=1),
            s("advanceEpoch", caller=_SYSTEM, seed=_seed(2)),
            s("claimRewards", holder="dana", validatorId="va", epoch=2),
            s("advanceEpoch", caller=_SYSTEM, seed=_seed(3)),
            s("claimRewards", holder="dana", validatorId="va", epoch=3),
            s("claimRewards", holder="op-b", validatorId="vb", epoch=3),
            s("eligibleWeights"),
            s("totalBonded"),
            s("bondedValue", holder="dana"),
            s("exitValidator", operator="op-b", validatorId="vb", epoch=3),
            s("withdrawExited", holder="op-b", validatorId="vb", epoch=3),
            s("undelegate", holder="dana", validatorId="va", amount=_BOND, epoch=3),
            *(s("advanceEpoch", caller=_SYSTEM, seed=_seed(n)) for n in range(4, 25)),
            s("withdrawExited", holder="op-b", validatorId="vb", epoch=24),
            s("withdrawUnbonded", holder="dana", epoch=24),
            s("claimRewards", holder="op-b", validatorId="vb", epoch=24),
        ),
        ("rewards",),
    )
    slashing = Scenario(
        "assembly",
        "slashing-while-unbonding",
        "Unbonding entries created at or after the offence are slashed; earlier ones are not; "
        "the supply falls by exactly the slashed amount; only the slashing authority slashes.",
        {"balances": _assembly_balances()},
        setup
        + (
            s("undelegate", holder="dana", validatorId="va", amount=_BOND, epoch=1),
            s("advanceEpoch", caller=_SYSTEM, seed=_seed(2)),
            s("undelegate", holder="dana", validatorId="va", amount=_BOND // 2, epoch=2),
            s("supply"),
            s(
                "slash",
                caller="dana",
                evidence={
                    "evidenceId": "e1",
                    "validatorId": "va",
                    "offenceEpoch": 2,
                    "severity": "major",
                },
                epoch=2,
            ),
            s("slash", caller=_SLASHER, evidence=None, epoch=2),
            s(
                "slash",
                caller=_SLASHER,
                evidence={
                    "evidenceId": "e1",
                    "validatorId": "va",
                    "offenceEpoch": 2,
                    "severity": "major",
                },
                epoch=2,
            ),
            s(
                "slash",
                caller=_SLASHER,
                evidence={
                    "evidenceId": "e1",
                    "validatorId": "vb",
                    "offenceEpoch": 2,
                    "severity": "minor",
                },
                epoch=2,
            ),
            s("supply"),
            s("delegate", holder="eve", validatorId="va", amount=_BOND, epoch=2),
            s(
                "slash",
                caller=_SLASHER,
                evidence={
                    "evidenceId": "e2",
                    "validatorId": "vb",
                    "offenceEpoch": 2,
                    "severity": "critical",
                },
                epoch=2,
            ),
            s("withdrawExited", holder="op-b", validatorId="vb", epoch=2),
            s(
                "slash",
                caller="authority:slashing",
                evidence={
                    "evidenceId": "e3",
                    "validatorId": "va",
                    "offenceEpoch": 2,
                    "severity": "minor",
                },
                epoch=2,
            ),
            s("transfer", sender="module:bonded", recipient="dana", amount=1),
            s("transfer", sender="dana", recipient="module:rewards", amount=1),
            s("transfer", sender="genesis:community", recipient="dana", amount=1),
            s("transfer", sender="authority:inflation", recipient="dana", amount=1),
            s("delegate", holder="module:unbonding", validatorId="va", amount=_BOND, epoch=2),
            s("withdrawUnbonded", holder="module:gov-deposits", epoch=2),
            s("advanceEpoch", caller="dana", seed=_seed(3)),
            s("advanceEpoch", caller="authority:inflation", seed=_seed(3)),
            s("balance", account="dana"),
            s("balance", account="module:bonded"),
            s("supply"),
        ),
        ("slashing-while-unbonding", "protected-accounts"),
    )
    governance = Scenario(
        "assembly",
        "proposal-boundaries",
        "Voting in the last epoch of the period, after it, executing before activation, the "
        "change applied at its activation epoch, a yes vote short of the quorum, and nothing "
        "else can change a parameter.",
        {"balances": _assembly_balances()},
        setup
        + (
            s(
                "submitProposal",
                proposer="eve",
                changes={"ASMB_INFLATION_RATE": "6/100"},
                deposit=10_000 * _ASMB,
                epoch=1,
            ),
            s(
                "submitProposal",
                proposer="eve",
                changes={"ASMB_INITIAL_SUPPLY": 1},
                deposit=10_000 * _ASMB,
                epoch=1,
            ),
            s(
                "submitProposal",
                proposer="eve",
                changes={"ASMB_INFLATION_RATE": "9/100"},
                deposit=10_000 * _ASMB,
                epoch=1,
            ),
            s("submitProposal", proposer="eve", changes={"GOV_QUORUM": "1/2"}, deposit=1, epoch=1),
            s(
                "submitProposal",
                proposer="module:gov-deposits",
                changes={"ASMB_INFLATION_RATE": "6/100"},
                deposit=10_000 * _ASMB,
                epoch=1,
            ),
            s("vote", voter="dana", proposalId=1, option="yes", epoch=1),
            s("vote", voter="dana", proposalId=1, option="no", epoch=1),
            s("delegate", holder="eve", validatorId="vb", amount=100_000 * _ASMB, epoch=1),
            s(
                "submitProposal",
                proposer="eve",
                changes={"GOV_VOTING_EPOCHS": 7},
                deposit=10_000 * _ASMB,
                epoch=1,
            ),
            s("vote", voter="eve", proposalId=2, option="yes", epoch=1),
            s("vote", voter="payer", proposalId=1, option="yes", epoch=1),
            *(s("advanceEpoch", caller=_SYSTEM, seed=_seed(n)) for n in range(2, 15)),
            s("vote", voter="op-b", proposalId=1, option="abstain", epoch=14),
            s("advanceEpoch", caller=_SYSTEM, seed=_seed(15)),
            s("vote", voter="op-a", proposalId=1, option="yes", epoch=15),
            s("execute", caller="anyone", proposalId=1, epoch=15),
            s("advanceEpoch", caller=_SYSTEM, seed=_seed(16)),
            s("execute", caller="anyone", proposalId=1, epoch=16),
            s("advanceEpoch", caller=_SYSTEM, seed=_seed(17)),
        ),
        ("proposal-boundaries",),
    )
    return [rewards, slashing, governance, _random_assembly()]


def _random_assembly() -> Scenario:
    rng = random.Random("assembly")
    steps: list[Step] = []
    epoch = 0
    holders = ["op-a", "op-b", "dana", "eve"]
    validators = ["va", "vb"]
    for index in range(160):
        roll = rng.random()
        holder = rng.choice(holders)
        vid = rng.choice(validators)
        if index < 2:
            operator = "op-a" if index == 0 else "op-b"
            steps.append(
                s(
                    "registerValidator",
                    operator=operator,
                    validatorId=validators[index],
                    bond=_BOND,
                    commissionBp=rng.choice([0, 700, 2_000]),
                    operational=True,
                    epoch=0,
                )
            )
        elif roll < 0.2:
            epoch += 1
            steps.append(s("advanceEpoch", caller=_SYSTEM, seed=_seed(epoch)))
        elif roll < 0.45:
            steps.append(
                s(
                    "delegate",
                    holder=holder,
                    validatorId=vid,
                    amount=rng.choice([1, _BOND // 7, _BOND]),
                    epoch=epoch,
                )
            )
        elif roll < 0.55:
            steps.append(
                s(
                    "undelegate",
                    holder=holder,
                    validatorId=vid,
                    amount=rng.choice([1, _BOND // 3]),
                    epoch=epoch,
                )
            )
        elif roll < 0.7:
            steps.append(s("claimRewards", holder=holder, validatorId=vid, epoch=epoch))
        elif roll < 0.75:
            steps.append(s("withdrawUnbonded", holder=holder, epoch=epoch))
        elif roll < 0.8:
            steps.append(
                s(
                    "setOperational",
                    operator="op-a",
                    validatorId="va",
                    operational=rng.random() < 0.7,
                    epoch=epoch,
                )
            )
        elif roll < 0.85:
            steps.append(
                s(
                    "transfer",
                    sender=holder,
                    recipient=rng.choice(holders),
                    amount=rng.choice([1, _BOND]),
                )
            )
        elif roll < 0.9:
            steps.append(
                s(
                    "slash",
                    caller=_SLASHER,
                    evidence={
                        "evidenceId": f"r{index}",
                        "validatorId": vid,
                        "offenceEpoch": max(0, epoch - rng.randrange(3)),
                        "severity": rng.choice(["minor", "major"]),
                    },
                    epoch=epoch,
                )
            )
        else:
            steps.append(
                s(
                    "setCommission",
                    operator="op-b",
                    validatorId="vb",
                    rateBp=rng.choice([0, 1_500, 2_500]),
                    epoch=epoch,
                )
            )
    steps.append(s("supply"))
    return Scenario(
        "assembly",
        "random",
        "A seeded random run: bonds, delegation, unbonding, claims, slashes, transfers.",
        {"balances": _assembly_balances()},
        tuple(steps),
        ("random",),
    )


# ----------------------------------------------------------------------------- IOTA

_IOTA = 10**9


def _iota_create() -> JSON:
    return {
        "balances": {"alice": 50_000_000 * _IOTA, "bob": 5 * _IOTA, "payer": 10**6 * _IOTA},
        "validators": [[f"val-{k}", 10_000_000 * _IOTA, 0] for k in range(4)],
        "protocol": "mainnet-v31",
    }


def _iota_scenarios() -> list[Scenario]:
    tallying = Scenario(
        "iota-staking",
        "tallying-rule-and-pot",
        "Reports by 7,500 of 10,000 voting power cut a validator's reward, which is burned; "
        "reports persist; 5,000 is not a quorum; base fees above the subsidy are burned.",
        _iota_create(),
        (
            s("reportValidator", reporter="val-0", reportee="val-3", epoch=0),
            s("reportValidator", reporter="val-1", reportee="val-3", epoch=0),
            s("reportValidator", reporter="val-2", reportee="val-3", epoch=0),
            s("reportValidator", reporter="val-3", reportee="val-3", epoch=0),
            s("reportValidator", reporter="alice", reportee="val-3", epoch=0),
            s("slashedValidators"),
            s("advanceEpoch", caller=_SYSTEM),
            s("advanceEpoch", caller=_SYSTEM),
            s("undoReportValidator", reporter="val-0", reportee="val-3", epoch=2),
            s("undoReportValidator", reporter="val-0", reportee="val-3", epoch=2),
            s(
                "payGas",
                payer="payer",
                computationFee=900_000 * _IOTA,
                tip=100_000 * _IOTA,
                epoch=2,
            ),
            s("advanceEpoch", caller=_SYSTEM),
            s("supply"),
        ),
        ("tallying-rule",),
    )
    stakes = Scenario(
        "iota-staking",
        "activation-and-withdrawal",
        "Stake requested in epoch E is active from E + 1; withdrawn before that it returns the "
        "principal; someone else's stake cannot be withdrawn; commission changes next epoch.",
        _iota_create(),
        (
            s(
                "requestAddStake",
                staker="alice",
                validator="val-0",
                amount=10_000_000 * _IOTA,
                epoch=0,
            ),
            s("requestAddStake", staker="alice", validator="val-1", amount=3 * _IOTA, epoch=0),
            s("requestWithdrawStake", staker="alice", stakedId=6, epoch=0),
            s("requestAddStake", staker="alice", validator="val-0", amount=_IOTA - 1, epoch=0),
            s("requestAddStake", staker="bob", validator="val-0", amount=6 * _IOTA, epoch=0),
            s("requestAddStake", staker="alice", validator="val-9", amount=_IOTA, epoch=0),
            s("requestSetCommissionRate", validator="val-0", rateBp=2_000, epoch=0),
            s("requestSetCommissionRate", validator="val-0", rateBp=2_001, epoch=0),
            s("advanceEpoch", caller=_SYSTEM),
            s("requestWithdrawStake", staker="bob", stakedId=5, epoch=1),
            s("advanceEpoch", caller=_SYSTEM),
            s("advanceEpoch", caller=_SYSTEM),
            s("requestWithdrawStake", staker="alice", stakedId=5, epoch=3),
            s("requestRemoveValidator", validator="val-2", epoch=3),
            s("advanceEpoch", caller=_SYSTEM),
            s("requestWithdrawStake", staker="val-2", stakedId=3, epoch=4),
            s("requestAddStake", staker="system", validator="val-0", amount=_IOTA, epoch=4),
            s("requestSetCommissionRate", validator="val-9", rateBp=100, epoch=4),
            s("requestRemoveValidator", validator="alice", epoch=4),
            s("advanceEpoch", caller="val-0"),
            s("supply"),
        ),
        ("activation", "protected-accounts"),
    )
    return [tallying, stakes, *_iota_set_scenarios()]


def _iota_set_scenarios() -> list[Scenario]:
    million = 1_000_000 * _IOTA
    departures = Scenario(
        "iota-staking",
        "candidates-departures-minimum",
        "A candidate's pool takes stake at once; it joins with the 2,000,000 IOTA joining stake "
        "and sits from the epoch after; a validator below the very-low threshold leaves at once; "
        "a removal that would take a set of four below four is refused; stakes split and join; "
        "an inactive pool pays at the rate frozen when it left.",
        {
            "balances": {"carol": 5 * million, "dave": 3 * million},
            "validators": [[f"val-{k}", 10 * million, 0] for k in range(5)]
            + [["val-low", 800_000 * _IOTA, 0]],
            "protocol": "mainnet-v31",
        },
        (
            s("requestAddValidatorCandidate", validator="carol", commissionBp=1_000, epoch=0),
            s("requestAddValidatorCandidate", validator="carol", commissionBp=1_000, epoch=0),
            s("requestAddValidatorCandidate", validator="dave", commissionBp=2_001, epoch=0),
            s(
                "requestAddStake",
                staker="carol",
                validator="carol",
                amount=1_900_000 * _IOTA,
                epoch=0,
            ),
            s("requestAddValidator", validator="carol", epoch=0),
            s("requestAddStake", staker="dave", validator="carol", amount=100_000 * _IOTA, epoch=0),
            s("requestAddValidator", validator="carol", epoch=0),
            s("requestAddStake", staker="dave", validator="carol", amount=_IOTA, epoch=0),
            s("requestAddStake", staker="dave", validator="val-4", amount=million, epoch=0),
            s("splitStakedIota", staker="dave", stakedId=8, amount=40_000 * _IOTA, epoch=0),
            s("splitStakedIota", staker="dave", stakedId=8, amount=60_000 * _IOTA, epoch=0),
            s("joinStakedIota", staker="dave", stakedId=8, otherId=10, epoch=0),
            s("joinStakedIota", staker="dave", stakedId=8, otherId=9, epoch=0),
            s("requestRemoveValidator", validator="val-4", epoch=0),
            s("requestRemoveValidator", validator="val-4", epoch=0),
            s("advanceEpoch", caller=_SYSTEM),
            s("requestRemoveValidator", validator="val-3", epoch=1),
            s("requestRemoveValidator", validator="val-2", epoch=1),
            s("advanceEpoch", caller=_SYSTEM),
            s("requestWithdrawStake", staker="dave", stakedId=9, epoch=2),
            s("advanceEpoch", caller=_SYSTEM),
            s("requestWithdrawStake", staker="carol", stakedId=7, epoch=3),
            s("supply"),
        ),
        ("validator-set", "low-stake", "candidates"),
    )
    safe = Scenario(
        "iota-staking",
        "safe-mode",
        "Every validator withdraws its own stake: the set would be empty, so each epoch change "
        "fails and the network advances in safe mode, paying and minting nothing and carrying "
        "the gas.",
        {
            "balances": {"payer": 1_000 * _IOTA},
            "validators": [[f"val-{k}", 10_000_000 * _IOTA, 0] for k in range(4)],
            "protocol": "mainnet-v31",
        },
        (
            *(
                s("requestWithdrawStake", staker=f"val-{k}", stakedId=k + 1, epoch=0)
                for k in range(4)
            ),
            s("payGas", payer="payer", computationFee=5 * _IOTA, tip=2 * _IOTA, epoch=0),
            s("advanceEpoch", caller=_SYSTEM),
            s("payGas", payer="payer", computationFee=_IOTA, tip=0, epoch=1),
            s("advanceEpoch", caller=_SYSTEM),
            s("supply"),
        ),
        ("safe-mode",),
    )
    iip8 = [
        Scenario(
            "iota-staking",
            f"commission-{protocol}",
            "Four validators of 40, 30, 20 and 10 M IOTA at 5, 10, 0 and 20 %: each holds 2,500 "
            + (
                "voting power, so IIP-8 takes 25 % from each."
                if protocol == "mainnet-v31"
                else "voting power and, before IIP-8, pays the commission it set."
            ),
            {
                "balances": {"alice": 10 * _IOTA},
                "validators": [
                    [f"val-{k}", stake * 1_000_000 * _IOTA, rate]
                    for k, (stake, rate) in enumerate(
                        ((40, 500), (30, 1_000), (20, 0), (10, 2_000))
                    )
                ],
                "protocol": protocol,
            },
            (
                s("advanceEpoch", caller=_SYSTEM),
                s("advanceEpoch", caller=_SYSTEM),
                s("supply"),
            ),
            ("iip8",),
        )
        for protocol in ("mainnet-v31", "mainnet-v19")
    ]
    ties = Scenario(
        "iota-staking",
        "tie-order",
        "Three equal stakes in the set's order b, a, c: the leftover unit of voting power goes "
        "to the last of the set's order.",
        {
            "balances": {},
            "validators": [[a, 10_000_000 * _IOTA, 0] for a in ("val-b", "val-a", "val-c")],
            "protocol": "devnet-v31",
        },
        (s("advanceEpoch", caller=_SYSTEM), s("supply")),
        ("tie-order",),
    )
    return [departures, safe, *iip8, ties]


SCENARIOS: tuple[Scenario, ...] = tuple(
    _staking_scenarios()
    + _ballot_scenarios()
    + _accumulator_scenarios()
    + _postlaunch_scenarios()
    + _smr_scenarios()
    + _assembly_scenarios()
    + _iota_scenarios()
)
