"""Scenarios of IOTA validator staking at the thresholds of protocol version 31.

The minimum stake (1 IOTA) and the joining stake (2,000,000 IOTA), exactly and one nano either
side; the low-stake threshold (1,500,000 IOTA), under which a validator is at risk and leaves
after the grace period of 7 epochs, and the very-low threshold (1,000,000 IOTA), under which it
leaves at the next epoch change; the largest validator set (150); supplies at the scale of
mainnet and at 2⁶⁴ − 1.
"""

from __future__ import annotations

from contracts.conformance.scenarios.base import JSON, SYSTEM, Scenario, s

IOTA = 10**9
MILLION = 1_000_000 * IOTA
LOW = 1_500_000 * IOTA
VERY_LOW = 1_000_000 * IOTA
JOINING = 2_000_000 * IOTA


def _create(balances: JSON, validators: list[list[JSON]], protocol: str = "mainnet-v31") -> JSON:
    return {"balances": balances, "validators": validators, "protocol": protocol}


def _advance(count: int) -> list[JSON]:
    return [s("advanceEpoch", caller=SYSTEM) for _ in range(count)]


def _stake_rules() -> Scenario:
    validators = [[f"val-{k}", 10 * MILLION, 0] for k in range(4)]
    return Scenario(
        "iota-staking",
        "stake-rules",
        "A stake of exactly 1 IOTA and one nano less; splits that leave exactly 1 IOTA on a "
        "side and one nano less; splitting, joining and withdrawing a stake one does not own "
        "or that does not exist; gas with a tip above its fee, above the balance, and exactly "
        "the balance; reports and their withdrawal by an account outside the committee.",
        _create({"ann": 10 * IOTA, "bob": 3 * IOTA, "payer": 5 * IOTA}, validators),
        (
            s("requestAddStake", staker="ann", validator="val-0", amount=IOTA, epoch=0),
            s("requestAddStake", staker="ann", validator="val-0", amount=IOTA - 1, epoch=0),
            s("requestAddStake", staker="ann", validator="val-1", amount=3 * IOTA, epoch=0),
            s("requestAddStake", staker="ann", validator="val-2", amount=IOTA + 1, epoch=0),
            s("requestSetCommissionRate", validator="val-0", rateBp=1_999, epoch=0),
            s("requestAddStake", staker="bob", validator="val-1", amount=3 * IOTA + 1, epoch=0),
            s("requestAddStake", staker="bob", validator="val-1", amount=3 * IOTA, epoch=0),
            s("splitStakedIota", staker="ann", stakedId=6, amount=2 * IOTA + 1, epoch=0),
            s("splitStakedIota", staker="ann", stakedId=6, amount=IOTA - 1, epoch=0),
            s("splitStakedIota", staker="ann", stakedId=6, amount=3 * IOTA, epoch=0),
            s("splitStakedIota", staker="ann", stakedId=6, amount=2 * IOTA, epoch=0),
            s("splitStakedIota", staker="bob", stakedId=6, amount=IOTA, epoch=0),
            s("splitStakedIota", staker="ann", stakedId=99, amount=IOTA, epoch=0),
            s("joinStakedIota", staker="bob", stakedId=6, otherId=7, epoch=0),
            s("joinStakedIota", staker="ann", stakedId=6, otherId=99, epoch=0),
            s("joinStakedIota", staker="ann", stakedId=6, otherId=5, epoch=0),
            s("joinStakedIota", staker="ann", stakedId=6, otherId=7, epoch=0),
            s("requestWithdrawStake", staker="ann", stakedId=99, epoch=0),
            s("requestWithdrawStake", staker="bob", stakedId=6, epoch=0),
            s("payGas", payer="payer", computationFee=IOTA, tip=IOTA + 1, epoch=0),
            s("payGas", payer="payer", computationFee=5 * IOTA + 1, tip=0, epoch=0),
            s("payGas", payer="payer", computationFee=5 * IOTA, tip=5 * IOTA, epoch=0),
            s("payGas", payer="payer", computationFee=0, tip=0, epoch=0),
            s("reportValidator", reporter="ann", reportee="val-1", epoch=0),
            s("undoReportValidator", reporter="ann", reportee="val-1", epoch=0),
            s("reportValidator", reporter="val-0", reportee="val-1", epoch=0),
            s("undoReportValidator", reporter="val-0", reportee="val-1", epoch=0),
            *_advance(1),
            s("requestWithdrawStake", staker="ann", stakedId=6, epoch=1),
            s("requestWithdrawStake", staker="bob", stakedId=8, epoch=1),
            s("supply"),
        ),
        ("thresholds", "stakes"),
    )


def _low_stake() -> Scenario:
    small = [
        "above-low",
        "at-low",
        "below-low",
        "recovers",
        "above-very-low",
        "at-very-low",
        "below-very-low",
    ]
    validators = [[f"val-{k}", 10 * MILLION, 0] for k in range(10)] + [
        ["above-low", LOW + 1, 0],
        ["at-low", LOW, 0],
        ["below-low", LOW - 1, 0],
        ["recovers", LOW - IOTA, 0],
        ["above-very-low", VERY_LOW + 1, 0],
        ["at-very-low", VERY_LOW, 0],
        ["below-very-low", VERY_LOW - 1, 0],
    ]
    reports = [
        s("reportValidator", reporter=f"val-{k}", reportee=reportee, epoch=0)
        for reportee in small
        for k in range(8)
    ]
    return Scenario(
        "iota-staking",
        "low-stake-grace",
        "Validators of one nano more than 1,500,000 IOTA and exactly it (never at risk), one "
        "nano less (at risk: it leaves at the epoch change after 7 epochs at risk), one nano "
        "more than 1,000,000 and exactly it (the same) and one nano less (it leaves at the "
        "first epoch change); one at risk is topped up to "
        "exactly the threshold, and its count returns to 0. Validators of 80 % of the voting "
        "power report the small ones, so the tallying rule takes their rewards and their "
        "stakes stay exact.",
        _create({"fan": 2 * MILLION}, validators),
        (
            *reports,
            *_advance(1),
            s("requestAddStake", staker="fan", validator="recovers", amount=IOTA, epoch=1),
            *_advance(6),
            s("slashedValidators"),
            *_advance(2),
            s("supply"),
        ),
        ("low-stake", "thresholds"),
    )


def _joining() -> Scenario:
    validators = [[f"v{k:03}", 3 * MILLION, 0] for k in range(150)]
    candidates = {"cand-a": JOINING - 1, "cand-b": JOINING, "cand-c": JOINING + 1}
    return Scenario(
        "iota-staking",
        "joining-and-set-limit",
        "A set of 150 validators (the maximum), of which the committee takes 100: candidates "
        "with one nano less than the joining stake, exactly it and one nano more; a request "
        "is refused while the set would pass 150 (active, less those leaving, plus those "
        "joining) and accepted once a validator asks to leave; a validator that is not a "
        "candidate; a stake in the pool of a validator waiting to join cannot be withdrawn.",
        _create({**candidates, "fan": 2 * IOTA}, validators),
        (
            *(
                s("requestAddValidatorCandidate", validator=c, commissionBp=500, epoch=0)
                for c in candidates
            ),
            *(
                s("requestAddStake", staker=c, validator=c, amount=amount, epoch=0)
                for c, amount in candidates.items()
            ),
            s("requestAddValidator", validator="cand-b", epoch=0),
            s("requestAddValidator", validator="nobody", epoch=0),
            s("requestAddValidator", validator="v000", epoch=0),
            s("requestRemoveValidator", validator="v149", epoch=0),
            s("requestAddValidator", validator="cand-a", epoch=0),
            s("requestAddValidator", validator="cand-b", epoch=0),
            s("requestWithdrawStake", staker="cand-b", stakedId=152, epoch=0),
            s("requestAddValidator", validator="cand-c", epoch=0),
            s("requestAddStake", staker="fan", validator="cand-a", amount=IOTA, epoch=0),
            *_advance(1),
            s("requestRemoveValidator", validator="v148", epoch=1),
            s("requestRemoveValidator", validator="v147", epoch=1),
            s("requestAddValidator", validator="cand-c", epoch=1),
            s("requestAddValidator", validator="cand-a", epoch=1),
            *_advance(2),
            s("supply"),
        ),
        ("validator-set", "thresholds", "candidates"),
    )


def _magnitudes() -> Scenario:
    # 4.6 × 10¹⁸ nanos in all, about the supply of mainnet; stakes of 2⁵³ ± 1 among them.
    validators = [
        ["big-0", 1_800_000_000 * IOTA, 500],
        ["big-1", 1_800_000_000 * IOTA, 1_000],
        ["big-2", 2**53 + 1, 200],
        ["big-3", 2**53 - 1, 0],
    ]
    return Scenario(
        "iota-staking",
        "mainnet-magnitudes",
        "4.6 B IOTA in all: validators of 1.8 B IOTA (1.8 × 10¹⁸ nanos) and of 2⁵³ ± 1 "
        "nanos; stakes and withdrawals of 10¹⁸ nanos; a month of epochs at mainnet's subsidy.",
        _create({"whale": 10**18}, validators),
        (
            s("requestAddStake", staker="whale", validator="big-2", amount=10**18, epoch=0),
            *_advance(30),
            s("requestWithdrawStake", staker="whale", stakedId=5, epoch=30),
            *_advance(1),
            s("supply"),
        ),
        ("magnitudes",),
    )


def _u64() -> Scenario:
    top = 2**64 - 1
    share = (top - 2 * MILLION) // 4
    validators = [[f"val-{k}", share, 0] for k in range(4)]
    return Scenario(
        "iota-staking",
        "u64-supply",
        "Four validators holding nearly 2⁶⁴ − 1 nanos between them: the epoch's subsidy of "
        "767,000 IOTA would take the supply past 2⁶⁴ − 1, so the epoch change is "
        "WIDTH_EXCEEDED and changes nothing; a stake of the last nanos there are.",
        _create({"ann": top - 4 * share}, validators),
        (
            s("supply"),
            s("requestAddStake", staker="ann", validator="val-0", amount=top - 4 * share, epoch=0),
            s("advanceEpoch", caller=SYSTEM),
            s("requestWithdrawStake", staker="ann", stakedId=5, epoch=0),
            s("advanceEpoch", caller=SYSTEM),
            s("supply"),
        ),
        ("widths", "u64"),
    )


def _tallying_quorum() -> list[Scenario]:
    """Reports backed by exactly the quorum of 6,667 voting power and one unit either side."""
    equal = [[f"val-{k}", 10 * MILLION, 0] for k in range(3)]
    unequal = [
        ["val-0", 3_334 * MILLION, 0],
        ["val-1", 3_334 * MILLION, 0],
        ["val-2", 3_332 * MILLION, 0],
    ]
    return [
        Scenario(
            "iota-staking",
            "tallying-quorum-exact",
            "Three equal validators hold 3,333, 3,333 and 3,334 voting power: reports by the "
            "first two (6,666, one short of the quorum) leave the third paid; reports by the "
            "last two (6,667, exactly the quorum) cut the first's reward.",
            _create({}, equal, "devnet-v31"),
            (
                s("reportValidator", reporter="val-0", reportee="val-2", epoch=0),
                s("reportValidator", reporter="val-1", reportee="val-2", epoch=0),
                s("reportValidator", reporter="val-1", reportee="val-0", epoch=0),
                s("reportValidator", reporter="val-2", reportee="val-0", epoch=0),
                s("slashedValidators"),
                *_advance(1),
                s("supply"),
            ),
            ("tallying-rule", "thresholds"),
        ),
        Scenario(
            "iota-staking",
            "tallying-quorum-above",
            "Voting power of 3,334, 3,334 and 3,332: reports by the first two (6,668, one above "
            "the quorum) cut the third's reward.",
            _create({}, unequal, "devnet-v31"),
            (
                s("reportValidator", reporter="val-0", reportee="val-2", epoch=0),
                s("reportValidator", reporter="val-1", reportee="val-2", epoch=0),
                s("slashedValidators"),
                *_advance(1),
                s("supply"),
            ),
            ("tallying-rule", "thresholds"),
        ),
    ]


def iota_rule_scenarios() -> list[Scenario]:
    return [_stake_rules(), _low_stake(), _joining(), _magnitudes(), _u64(), *_tallying_quorum()]
