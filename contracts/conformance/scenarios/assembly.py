"""Scenarios of the Assembly root chain: validators, delegation, slashing, committees and
governance."""

from __future__ import annotations

import random

from contracts.conformance.scenarios.assembly_steps import (
    ASMB,
    BOND,
    advance,
    end_epoch,
    evidence,
    propose,
    register,
    register_chain,
    seed,
)
from contracts.conformance.scenarios.base import JSON, SYSTEM, Scenario, Step, s

_SLASHER = SYSTEM


def _assembly_balances() -> JSON:
    holders = {
        "op-a": 5 * BOND,
        "op-b": 5 * BOND,
        "dana": 10 * BOND,
        "eve": 3 * BOND,
        "payer": BOND,
    }
    community = 70 * 10**9 * ASMB - sum(holders.values())
    return {
        "genesis:iota-stakers": 20 * 10**9 * ASMB,
        "genesis:community": community,
        "genesis:unassigned": 10 * 10**9 * ASMB,
        **holders,
    }


def assembly_scenarios() -> list[Scenario]:
    setup = (
        register("op-a", "va", BOND),
        register("op-b", "vb", 2 * BOND, 500),
        s("delegate", holder="dana", validatorId="va", amount=3 * BOND, epoch=0),
        register_chain("payer", "high", 9, 1),
        register_chain("payer", "free", 1, 1, "zero-fees"),
        end_epoch(1),
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
            end_epoch(2),
            s("claimRewards", holder="dana", validatorId="va", epoch=2),
            end_epoch(3),
            s("claimRewards", holder="dana", validatorId="va", epoch=3),
            s("claimRewards", holder="op-b", validatorId="vb", epoch=3),
            s("eligibleWeights"),
            s("totalBonded"),
            s("bondedValue", holder="dana"),
            s("exitValidator", operator="op-b", validatorId="vb", epoch=3),
            s("withdrawExited", holder="op-b", validatorId="vb", epoch=3),
            s("undelegate", holder="dana", validatorId="va", amount=BOND, epoch=3),
            *advance(3, 24),
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
            s("undelegate", holder="dana", validatorId="va", amount=BOND, epoch=1),
            end_epoch(2),
            s("undelegate", holder="dana", validatorId="va", amount=BOND // 2, epoch=2),
            s("supply"),
            s("slash", caller="dana", evidence=evidence("e1", "va", 2, "major"), epoch=2),
            s("slash", caller=_SLASHER, evidence=None, epoch=2),
            s("slash", caller=_SLASHER, evidence=evidence("e1", "va", 2, "major"), epoch=2),
            s("slash", caller=_SLASHER, evidence=evidence("e1", "vb", 2), epoch=2),
            s("supply"),
            s("delegate", holder="eve", validatorId="va", amount=BOND, epoch=2),
            s("slash", caller=_SLASHER, evidence=evidence("e2", "vb", 2, "critical"), epoch=2),
            s("withdrawExited", holder="op-b", validatorId="vb", epoch=2),
            s("slash", caller="authority:slashing", evidence=evidence("e3", "va", 2), epoch=2),
            s("transfer", sender="module:bonded", recipient="dana", amount=1),
            s("transfer", sender="dana", recipient="module:rewards", amount=1),
            s("transfer", sender="genesis:community", recipient="dana", amount=1),
            s("transfer", sender="authority:inflation", recipient="dana", amount=1),
            s("delegate", holder="module:unbonding", validatorId="va", amount=BOND, epoch=2),
            s("withdrawUnbonded", holder="module:gov-deposits", epoch=2),
            s("advanceEpoch", caller="dana", seed=seed(3)),
            s("advanceEpoch", caller="authority:inflation", seed=seed(3)),
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
            propose("eve", {"ASMB_INFLATION_RATE": "6/100"}, 1),
            propose("eve", {"ASMB_INITIAL_SUPPLY": 1}, 1),
            propose("eve", {"ASMB_INFLATION_RATE": "9/100"}, 1),
            propose("eve", {"GOV_QUORUM": "1/2"}, 1, deposit=1),
            propose("module:gov-deposits", {"ASMB_INFLATION_RATE": "6/100"}, 1),
            s("vote", voter="dana", proposalId=1, option="yes", epoch=1),
            s("vote", voter="dana", proposalId=1, option="no", epoch=1),
            s("delegate", holder="eve", validatorId="vb", amount=100_000 * ASMB, epoch=1),
            propose("eve", {"GOV_VOTING_EPOCHS": 7}, 1),
            s("vote", voter="eve", proposalId=2, option="yes", epoch=1),
            s("vote", voter="payer", proposalId=1, option="yes", epoch=1),
            *advance(1, 14),
            s("vote", voter="op-b", proposalId=1, option="abstain", epoch=14),
            end_epoch(15),
            s("vote", voter="op-a", proposalId=1, option="yes", epoch=15),
            end_epoch(16),
            end_epoch(17),
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
        register(operator, vid, BOND + n * BOND // 3, (0, 700, 1_500, 2_000)[n])
        for n, (vid, operator) in enumerate(operators.items())
    ]
    steps.append(register_chain("payer", "rollup", 4, 2))
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
            steps.append(end_epoch(epoch))
        elif roll < 0.34:
            holder = rng.choice(holders[:2])
            amount = rng.choice([1, BOND // 20, BOND // 7]) if not wrong else 50 * BOND
            steps.append(s("delegate", holder=holder, validatorId=vid, amount=amount, epoch=epoch))
            delegated.add((holder, vid))
        elif roll < 0.44:
            holder, target = rng.choice(sorted(delegated))
            amount = rng.choice([1, BOND // 100]) if not wrong else 60 * BOND
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
            amount = rng.choice([1, 10**6, 10**8]) if not wrong else 10 * BOND
            steps.append(s("payFees", payer="payer", chainId="rollup", amount=amount, epoch=epoch))
        elif roll < 0.84:
            sender, recipient = rng.sample(holders[:3], 2)
            amount = rng.choice([1, 10**6]) if not wrong else 100 * BOND
            steps.append(s("transfer", sender=sender, recipient=recipient, amount=amount))
        elif roll < 0.87:
            proposals += 1
            steps.append(
                propose("eve", {"ASMB_INFLATION_RATE": rng.choice(["7/100", "6/100"])}, epoch)
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
                    evidence=evidence(f"r{index}", "vd", max(0, epoch - rng.randrange(3))),
                    epoch=epoch,
                )
            )
            live.remove("vd")
        else:
            steps.append(s("bondedValue", holder=rng.choice(holders)))
    steps += [s("supply"), s("totalBonded"), s("eligibleWeights")]
    balances = {
        **_assembly_balances(),
        "op-c": 5 * BOND,
        "op-d": 5 * BOND,
    }
    balances["genesis:community"] -= 10 * BOND
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
