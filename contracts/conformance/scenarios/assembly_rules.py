"""Scenarios of the Assembly root chain's validators at the thresholds its rules name, one rule
each.

The minimum bond, the maximum commission, the unbonding period (a withdrawal one epoch before
maturity, at it, and after it), the evidence age limit (an offence exactly as old as the
unbonding period allows, one epoch older, one younger, and one before the validator existed),
every refusal of the validator and chain operations, the specification's genesis, and the
supply at 2⁶⁴ − 1. The governance rules are in :mod:`.assembly_governance`.
"""

from __future__ import annotations

from contracts.conformance.scenarios.assembly_steps import (
    ASMB,
    BOND,
    RESERVES,
    advance,
    end_epoch,
    evidence,
    register,
    register_chain,
)
from contracts.conformance.scenarios.base import SYSTEM, Scenario, s


def _validator_rules() -> Scenario:
    balances = {
        **RESERVES,
        "op-a": 3 * BOND,
        "op-b": 3 * BOND,
        "op-c": 2 * BOND,
        "op-d": 4 * BOND,
        "op-e": BOND - 1,
        "op-f": BOND + 1,
        "dana": 5 * BOND,
        "payer": 10 * ASMB,
    }

    steps = [
        register("op-a", "va", BOND - 1),
        register("op-a", "va", BOND),
        register("op-b", "va", BOND),
        register("op-b", "vb", 2 * BOND, 2_001),
        register("op-b", "vb", 2 * BOND, 2_000),
        register("op-c", "vc", 2 * BOND + 1),
        register("op-c", "vc", 2 * BOND - 1, 0),
        register("op-d", "vd", 3 * BOND + 1, 1),
        register("op-e", "ve", BOND - 1),
        register("op-a", "vf", BOND + 1, 1_999),
        register("op-f", "vf", BOND + 1, 1_999),
        s("delegate", holder="dana", validatorId="nobody", amount=1, epoch=0),
        s("delegate", holder="dana", validatorId="va", amount=5 * BOND + 1, epoch=0),
        s("delegate", holder="dana", validatorId="va", amount=2 * BOND, epoch=0),
        s("delegate", holder="dana", validatorId="vd", amount=1, epoch=0),
        s("setCommission", operator="dana", validatorId="va", rateBp=0, epoch=0),
        s("setCommission", operator="op-a", validatorId="nobody", rateBp=0, epoch=0),
        s("setCommission", operator="op-a", validatorId="va", rateBp=2_000, epoch=0),
        s("setOperational", operator="op-b", validatorId="va", operational=False, epoch=0),
        s("setOperational", operator="op-a", validatorId="nobody", operational=False, epoch=0),
        s("setOperational", operator="op-d", validatorId="vd", operational=False, epoch=0),
        register_chain("payer", "c1", 3, 3),
        register_chain("dana", "c1", 1, 1),
        register_chain("dana", "c2", 255, 9, "zero-fees"),
        s("payFees", payer="payer", chainId="nowhere", amount=1, epoch=0),
        s("payFees", payer="payer", chainId="c1", amount=10 * ASMB + 1, epoch=0),
        s("payFees", payer="payer", chainId="c1", amount=10 * ASMB, epoch=0),
        s("payFees", payer="dana", chainId="c2", amount=1, epoch=0),
        s("transfer", sender="payer", recipient="dana", amount=1),
        s("transfer", sender="op-e", recipient="dana", amount=BOND),
        s("transfer", sender="op-e", recipient="payer", amount=BOND - 1),
        s("eligibleWeights"),
        *advance(0, 1),
        s("undelegate", holder="op-a", validatorId="va", amount=1, epoch=1),
        s("undelegate", holder="op-c", validatorId="vc", amount=BOND, epoch=1),
        s("undelegate", holder="dana", validatorId="vb", amount=1, epoch=1),
        s("undelegate", holder="dana", validatorId="va", amount=2 * BOND + 1, epoch=1),
        s("undelegate", holder="dana", validatorId="va", amount=BOND, epoch=1),
        s("undelegate", holder="dana", validatorId="nobody", amount=1, epoch=1),
        s("claimRewards", holder="dana", validatorId="nobody", epoch=1),
        s("claimRewards", holder="payer", validatorId="va", epoch=1),
        s("claimRewards", holder="dana", validatorId="va", epoch=1),
        s("exitValidator", operator="dana", validatorId="vd", epoch=1),
        s("exitValidator", operator="op-d", validatorId="nobody", epoch=1),
        s("exitValidator", operator="op-d", validatorId="vd", epoch=1),
        s("exitValidator", operator="op-d", validatorId="vd", epoch=1),
        s("delegate", holder="dana", validatorId="vd", amount=1, epoch=1),
        s("withdrawExited", holder="op-d", validatorId="vd", epoch=1),
        s("withdrawExited", holder="payer", validatorId="vd", epoch=1),
        s("withdrawExited", holder="op-d", validatorId="nobody", epoch=1),
        s("withdrawExited", holder="op-a", validatorId="va", epoch=1),
        *advance(1, 2),
        s("undelegate", holder="dana", validatorId="va", amount=BOND // 2, epoch=2),
        *advance(2, 21),
        s("withdrawUnbonded", holder="dana", epoch=21),
        *advance(21, 22),
        s("withdrawUnbonded", holder="dana", epoch=22),
        s("withdrawUnbonded", holder="dana", epoch=22),
        *advance(22, 24),
        s("withdrawUnbonded", holder="dana", epoch=24),
        s("withdrawExited", holder="op-d", validatorId="vd", epoch=24),
        s("withdrawExited", holder="dana", validatorId="vd", epoch=24),
        s("withdrawExited", holder="dana", validatorId="vd", epoch=24),
        s("withdrawExited", holder="payer", validatorId="vd", epoch=24),
        s("withdrawUnbonded", holder="payer", epoch=24),
        s("bondedValue", holder="dana"),
        s("eligibleWeights"),
        s("totalBonded"),
    ]
    return Scenario(
        "assembly",
        "validator-rules",
        "Four validators of unequal bonds: a bond one µASMB below the minimum and exactly it, "
        "a commission one basis point above the maximum and exactly it, a duplicate id and a "
        "second validator of one operator, a bond above the balance; delegation, commission, "
        "operation and exit by the wrong account or to an unknown or exiting validator; an "
        "operator unbonding below the minimum; unbonding withdrawn one epoch before "
        "maturity, at it and after it; chains, fees and transfers refused for each of their "
        "rules.",
        {"balances": balances},
        tuple(steps),
        ("validators", "thresholds"),
    )


def _evidence_age() -> Scenario:
    balances = {**RESERVES, **{f"op-{v}": 2 * BOND for v in "abcde"}, "dana": 4 * BOND}

    steps = [register(f"op-{v}", f"v{v}", BOND, 500) for v in "abcd"]
    steps += [
        s("delegate", holder="dana", validatorId="va", amount=BOND, epoch=0),
        *advance(0, 10),
        register("op-e", "ve", BOND, 500, 10),
        s("undelegate", holder="dana", validatorId="va", amount=BOND // 4, epoch=10),
        *advance(10, 25),
        s("undelegate", holder="dana", validatorId="va", amount=BOND // 4, epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("old", "vb", 3), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("limit", "vb", 4), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("limit", "vc", 5), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("young", "vc", 5), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("future", "vd", 26), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("now", "vd", 25, "major"), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("before", "ve", 9), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("birth", "ve", 10, "critical"), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("ghost", "nobody", 20), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("late", "va", 10), epoch=24),
        s("slash", caller=SYSTEM, evidence=evidence("unbonding", "va", 10, "major"), epoch=25),
        s("supply"),
        s("totalBonded"),
        s("delegate", holder="dana", validatorId="ve", amount=1, epoch=25),
        *advance(25, 26),
        s("withdrawUnbonded", holder="dana", epoch=26),
        s("eligibleWeights"),
    ]
    return Scenario(
        "assembly",
        "evidence-age",
        "At epoch 25, with an unbonding period of 21 epochs: offences of epochs 3 (one too "
        "old), 4 (exactly the oldest), 5, 25 and 26 (the future); an offence one epoch before "
        "a validator registered and at it; reused evidence; an unknown validator; each "
        "severity; an unbonding entry created after the offence is slashed, an earlier one not.",
        {"balances": balances},
        tuple(steps),
        ("slashing", "thresholds"),
    )


def _specification_genesis() -> Scenario:
    return Scenario(
        "assembly",
        "specification-genesis",
        "The specification's genesis (balances null): 100 B ASMB in the three reserves; "
        "inflation on a base of 10¹⁷ µASMB with nothing bonded; reserves cannot be spent.",
        {"balances": None},
        (
            s("supply"),
            s("balance", account="genesis:community"),
            s("transfer", sender="genesis:community", recipient="dana", amount=1),
            s("totalBonded"),
            *advance(0, 3),
            s("supply"),
            s("eligibleWeights"),
        ),
        ("magnitudes", "genesis"),
    )


def _u64_supply() -> Scenario:
    top = 2**64 - 1
    whale = top - 10**15 - 4 * BOND
    return Scenario(
        "assembly",
        "u64-supply",
        "A supply 10¹⁵ µASMB short of 2⁶⁴ − 1: the first epoch's inflation would pass it, so "
        "every advanceEpoch is WIDTH_EXCEEDED and changes nothing; one holder bonds "
        "1.84 × 10¹⁹ µASMB.",
        {"balances": {"op-a": 2 * BOND, "op-b": 2 * BOND, "whale": whale}},
        (
            s("supply"),
            register("op-a", "va", BOND, 0),
            register("op-b", "vb", BOND, 0),
            s("delegate", holder="whale", validatorId="vb", amount=2**53 - 1, epoch=0),
            s("delegate", holder="whale", validatorId="vb", amount=2**53 + 1, epoch=0),
            s("delegate", holder="whale", validatorId="vb", amount=whale - 2**54, epoch=0),
            end_epoch(1),
            s("supply"),
            s("bondedValue", holder="whale"),
            s("totalBonded"),
        ),
        ("widths", "u64"),
    )


def assembly_rule_scenarios() -> list[Scenario]:
    return [_validator_rules(), _evidence_age(), _specification_genesis(), _u64_supply()]
