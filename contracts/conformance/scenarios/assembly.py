"""Scenarios of the Assembly root chain: validators, delegation, slashing, committees and
governance."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.base import (
    JSON,
    SYSTEM,
    Scenario,
    Step,
    s,
)

_ASMB = 10**6
_BOND = 1_000_000 * _ASMB
_SLASHER = SYSTEM


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


def assembly_scenarios() -> list[Scenario]:
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
        s("advanceEpoch", caller=SYSTEM, seed=_seed(1)),
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
            s("advanceEpoch", caller=SYSTEM, seed=_seed(2)),
            s("claimRewards", holder="dana", validatorId="va", epoch=2),
            s("advanceEpoch", caller=SYSTEM, seed=_seed(3)),
            s("claimRewards", holder="dana", validatorId="va", epoch=3),
            s("claimRewards", holder="op-b", validatorId="vb", epoch=3),
            s("eligibleWeights"),
            s("totalBonded"),
            s("bondedValue", holder="dana"),
            s("exitValidator", operator="op-b", validatorId="vb", epoch=3),
            s("withdrawExited", holder="op-b", validatorId="vb", epoch=3),
            s("undelegate", holder="dana", validatorId="va", amount=_BOND, epoch=3),
            *(s("advanceEpoch", caller=SYSTEM, seed=_seed(n)) for n in range(4, 25)),
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
            s("advanceEpoch", caller=SYSTEM, seed=_seed(2)),
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
            *(s("advanceEpoch", caller=SYSTEM, seed=_seed(n)) for n in range(2, 15)),
            s("vote", voter="op-b", proposalId=1, option="abstain", epoch=14),
            s("advanceEpoch", caller=SYSTEM, seed=_seed(15)),
            s("vote", voter="op-a", proposalId=1, option="yes", epoch=15),
            s("advanceEpoch", caller=SYSTEM, seed=_seed(16)),
            s("advanceEpoch", caller=SYSTEM, seed=_seed(17)),
        ),
        ("proposal-boundaries",),
    )
    return [rewards, slashing, governance, _random_assembly()]


def _random_assembly() -> Scenario:
    """A seeded random run that stays live: calls are drawn from what the run has done so far
    (delegations it made, proposals it opened, entries that matured), so most succeed, while
    about one in six is wrong on purpose (a foreign operator, an unknown validator, too much)."""
    rng = random.Random("assembly-live")
    operators = {"va": "op-a", "vb": "op-b", "vc": "op-c", "vd": "op-d"}
    holders = ["dana", "eve", "payer", *operators.values()]
    steps: list[Step] = [
        s(
            "registerValidator",
            operator=operator,
            validatorId=vid,
            bond=_BOND + n * _BOND // 3,
            commissionBp=(0, 700, 1_500, 2_000)[n],
            operational=True,
            epoch=0,
        )
        for n, (vid, operator) in enumerate(operators.items())
    ]
    steps.append(
        s(
            "registerChain",
            owner="payer",
            chainId="rollup",
            tier=4,
            committeeSize=2,
            feePolicy="fees",
            epoch=0,
        )
    )
    epoch = 0
    delegated: set[tuple[str, str]] = {(op, vid) for vid, op in operators.items()}
    unbonding: list[tuple[str, int]] = []
    proposals = 0
    live = ["va", "vb", "vc", "vd"]
    for index in range(200):
        roll = rng.random()
        wrong = rng.random() < 0.15
        vid = rng.choice(live) if not wrong else rng.choice([*live, "vz"])
        if roll < 0.16:
            epoch += 1
            steps.append(s("advanceEpoch", caller=SYSTEM, seed=_seed(epoch)))
        elif roll < 0.34:
            holder = rng.choice(holders[:2])
            amount = rng.choice([1, _BOND // 20, _BOND // 7]) if not wrong else 50 * _BOND
            steps.append(s("delegate", holder=holder, validatorId=vid, amount=amount, epoch=epoch))
            delegated.add((holder, vid))
        elif roll < 0.44:
            holder, target = rng.choice(sorted(delegated))
            amount = rng.choice([1, _BOND // 100]) if not wrong else 60 * _BOND
            steps.append(
                s("undelegate", holder=holder, validatorId=target, amount=amount, epoch=epoch)
            )
            unbonding.append((holder, epoch))
        elif roll < 0.56:
            holder, target = rng.choice(sorted(delegated))
            steps.append(s("claimRewards", holder=holder, validatorId=target, epoch=epoch))
        elif roll < 0.61:
            matured = [h for h, e in unbonding if e + 21 <= epoch]
            holder = rng.choice(matured) if matured and not wrong else rng.choice(holders)
            steps.append(s("withdrawUnbonded", holder=holder, epoch=epoch))
        elif roll < 0.66:
            operator = operators.get(vid, "op-a") if not wrong else "dana"
            steps.append(
                s(
                    "setOperational",
                    operator=operator,
                    validatorId=vid,
                    operational=rng.random() < 0.8,
                    epoch=epoch,
                )
            )
        elif roll < 0.71:
            rate = rng.choice([0, 500, 1_500]) if not wrong else 2_500
            steps.append(
                s(
                    "setCommission",
                    operator=operators.get(vid, "op-a"),
                    validatorId=vid,
                    rateBp=rate,
                    epoch=epoch,
                )
            )
        elif roll < 0.79:
            amount = rng.choice([1, 10**6, 10**8]) if not wrong else 10 * _BOND
            steps.append(s("payFees", payer="payer", chainId="rollup", amount=amount, epoch=epoch))
        elif roll < 0.84:
            sender, recipient = rng.sample(holders[:3], 2)
            amount = rng.choice([1, 10**6]) if not wrong else 100 * _BOND
            steps.append(s("transfer", sender=sender, recipient=recipient, amount=amount))
        elif roll < 0.87:
            proposals += 1
            steps.append(
                s(
                    "submitProposal",
                    proposer="eve",
                    changes={"ASMB_INFLATION_RATE": rng.choice(["7/100", "6/100"])},
                    deposit=10_000 * _ASMB,
                    epoch=epoch,
                )
            )
        elif roll < 0.95 and proposals:
            voter = rng.choice(["dana", "eve", *operators.values()])
            steps.append(
                s(
                    "vote",
                    voter=voter,
                    proposalId=rng.randrange(1, proposals + 1),
                    option=rng.choice(["yes", "yes", "no", "abstain", "no-with-veto"]),
                    epoch=epoch,
                )
            )
        elif roll < 0.97 and "vd" in live:
            steps.append(
                s(
                    "slash",
                    caller=SYSTEM,
                    evidence={
                        "evidenceId": f"r{index}",
                        "validatorId": "vd",
                        "offenceEpoch": max(0, epoch - rng.randrange(3)),
                        "severity": "minor",
                    },
                    epoch=epoch,
                )
            )
            live.remove("vd")
        else:
            steps.append(s("bondedValue", holder=rng.choice(holders)))
    steps += [s("supply"), s("totalBonded"), s("eligibleWeights")]
    balances = {
        **_assembly_balances(),
        "op-c": 5 * _BOND,
        "op-d": 5 * _BOND,
    }
    balances["genesis:community"] -= 10 * _BOND
    return Scenario(
        "assembly",
        "random",
        "A seeded random run that stays live: four validators, delegation, unbonding and "
        "withdrawal, claims, fees, transfers, proposals and votes, one slash; about one call "
        "in six wrong on purpose.",
        {"balances": balances},
        tuple(steps),
        ("random",),
    )
