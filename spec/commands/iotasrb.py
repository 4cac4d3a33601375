"""``asmb-spec iotasrb``: the IOTA Staking Rewards Benchmark, exactly and as a decimal."""

from __future__ import annotations

import argparse
from fractions import Fraction
from typing import Any

from spec import iota_protocol, iotasrb
from spec.commands.common import EXIT_OK, UsageError, dump_json, exact_argument, write_out
from spec.exact import format_decimal, json_number


def _rates(args: argparse.Namespace) -> int:
    try:
        rates = iotasrb.compute_rates(
            staked=args.staked,
            epoch_seconds=args.epoch_seconds,
            rewards_per_epoch=args.rewards_per_epoch,
            performance=args.performance,
            commission=args.commission,
            inflation=args.inflation,
            total_supply=args.total_supply,
            stake_share=args.stake_share,
            voting_power_share=args.voting_power,
            dynamic_min_commission=iota_protocol.PROFILES[args.protocol].dynamic_min_commission,
        )
    except iotasrb.RateError as error:
        raise UsageError(str(error)) from None
    rows: list[tuple[str, str, Fraction | None]] = [
        ("IOTASRB", "sy / el × re / st", rates.benchmark),
        ("IOTASRB(v)", "IOTASRB × p × (1 − cr)", rates.validator),
        ("inflation", "annual provisions / total supply", rates.inflation),
        ("IOTASRB^R", "(1 + IOTASRB) / (1 + i) − 1", rates.real),
        ("IOTASRB^R (literal)", "IOTASRB / (1 + i), the seed's printed form", rates.real_literal),
        ("IOTASRB(v)^R", "(1 + IOTASRB(v)) / (1 + i) − 1", rates.real_validator),
        (
            f"realised ({args.protocol})",
            "IOTASRB × vp share / stake share × p × (1 − effective cr)",
            rates.mainnet,
        ),
    ]
    present = [(name, formula, value) for name, formula, value in rows if value is not None]
    if args.format == "json":
        document: dict[str, Any] = {
            name: {
                "formula": formula,
                "exact": json_number(value),
                "decimal": format_decimal(value, 12),
            }
            for name, formula, value in present
            if value is not None
        }
        write_out(dump_json(document))
        return EXIT_OK
    for name, formula, value in present:
        assert value is not None
        write_out(
            f"{name:<20} {format_decimal(value, 12):>18}  = {json_number(value)}  ({formula})\n"
        )
    return EXIT_OK


def register(commands: Any) -> None:
    parser = commands.add_parser("iotasrb", help="the IOTA Staking Rewards Benchmark, exactly")
    parser.add_argument("--staked", type=exact_argument, required=True, metavar="IOTA")
    parser.add_argument(
        "--epoch-seconds", type=exact_argument, default=Fraction(iotasrb.EPOCH_SECONDS), metavar="S"
    )
    parser.add_argument(
        "--rewards-per-epoch",
        type=exact_argument,
        default=iotasrb.REWARDS_PER_EPOCH_IOTA,
        metavar="IOTA",
    )
    parser.add_argument("--performance", type=exact_argument, default=Fraction(1), metavar="P")
    parser.add_argument("--commission", type=exact_argument, default=Fraction(0), metavar="C")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--inflation", type=exact_argument, metavar="I")
    group.add_argument("--total-supply", type=exact_argument, metavar="IOTA")
    parser.add_argument(
        "--stake-share",
        type=exact_argument,
        metavar="S",
        help="the validator's share of the committee's stake (with --voting-power: the rate its "
        "delegators realise on mainnet)",
    )
    parser.add_argument(
        "--voting-power",
        type=exact_argument,
        metavar="VP",
        help="the validator's share of the voting power, e.g. 2500/10000",
    )
    parser.add_argument(
        "--protocol", choices=sorted(iota_protocol.PROFILES), default=iota_protocol.DEFAULT
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=_rates)
