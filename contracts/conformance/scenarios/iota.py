"""Scenarios of IOTA validator staking at a named protocol version."""

from __future__ import annotations

from contracts.conformance.scenarios.base import (
    JSON,
    SYSTEM,
    Scenario,
    s,
)

_IOTA = 10**9


def _iota_create() -> JSON:
    return {
        "balances": {"alice": 50_000_000 * _IOTA, "bob": 5 * _IOTA, "payer": 10**6 * _IOTA},
        "validators": [[f"val-{k}", 10_000_000 * _IOTA, 0] for k in range(4)],
        "protocol": "mainnet-v31",
    }


def iota_scenarios() -> list[Scenario]:
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
            s("advanceEpoch", caller=SYSTEM),
            s("advanceEpoch", caller=SYSTEM),
            s("undoReportValidator", reporter="val-0", reportee="val-3", epoch=2),
            s("undoReportValidator", reporter="val-0", reportee="val-3", epoch=2),
            s(
                "payGas",
                payer="payer",
                computationFee=900_000 * _IOTA,
                tip=100_000 * _IOTA,
                epoch=2,
            ),
            s("advanceEpoch", caller=SYSTEM),
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
            s("advanceEpoch", caller=SYSTEM),
            s("requestWithdrawStake", staker="bob", stakedId=5, epoch=1),
            s("advanceEpoch", caller=SYSTEM),
            s("advanceEpoch", caller=SYSTEM),
            s("requestWithdrawStake", staker="alice", stakedId=5, epoch=3),
            s("requestRemoveValidator", validator="val-2", epoch=3),
            s("advanceEpoch", caller=SYSTEM),
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
            s("requestRemoveValidator", validator="val-4", epoch=0),
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
            s("advanceEpoch", caller=SYSTEM),
            s("requestRemoveValidator", validator="val-3", epoch=1),
            s("requestRemoveValidator", validator="val-2", epoch=1),
            s("advanceEpoch", caller=SYSTEM),
            s("requestWithdrawStake", staker="dave", stakedId=9, epoch=2),
            s("advanceEpoch", caller=SYSTEM),
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
            s("advanceEpoch", caller=SYSTEM),
            s("payGas", payer="payer", computationFee=_IOTA, tip=0, epoch=1),
            s("advanceEpoch", caller=SYSTEM),
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
                s("advanceEpoch", caller=SYSTEM),
                s("advanceEpoch", caller=SYSTEM),
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
        (s("advanceEpoch", caller=SYSTEM), s("supply")),
        ("tie-order",),
    )
    return [departures, safe, *iip8, ties]
