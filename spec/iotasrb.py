"""The IOTA Staking Rewards Benchmark (seed ``002``), as exact rationals.

The seed's formulas, with its garbled forms read as intended (the report records both readings):

* ``IOTASRB = sy / el × re / st`` -- seconds in a 365-day year over the epoch length, times the
  rewards per epoch (767,000 IOTA), over the staked tokens;
* ``IOTASRB(v) = IOTASRB × p × (1 − cr)`` -- the seed prints ``(1*p)``, read as ``p``;
* the real rate ``(1 + IOTASRB) / (1 + i) − 1`` -- the seed prints ``1+IOTASRB /(1+i)-1``, which by
  operator precedence is ``IOTASRB / (1 + i)``; the intended form is Fisher's;
* the inflation ``i`` from annual provisions and the total supply: ``sy / el × re / supply``.

:func:`realised_interval` gives what a staker really earns in a year of epochs on the framework's
pools (rewards compound into the pool, commission is staked for the validator): with the pools
growing alike, the simple annual return lies in ``[(1 + IOTASRB)^(1 − cr) − 1,
exp(IOTASRB(v)) − 1]``, an interval that contains IOTASRB(v) (IOTASRB-03).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from spec import parameters

SECONDS_PER_DAY = parameters.integer("SECONDS_PER_DAY")
DAYS_PER_YEAR = parameters.integer("IOTASRB_DAYS_PER_YEAR")
EPOCH_SECONDS = parameters.integer("IOTA_EPOCH_SECONDS")
REWARDS_PER_EPOCH_IOTA = Fraction(
    parameters.integer("IOTA_REWARDS_PER_EPOCH"), 10 ** parameters.integer("IOTA_DECIMALS")
)


class RateError(ValueError):
    """An input outside the formulas' domain (negative, zero stake, p or cr outside [0, 1])."""


def annual_rewards(
    epoch_seconds: Fraction = Fraction(EPOCH_SECONDS),
    rewards_per_epoch: Fraction = REWARDS_PER_EPOCH_IOTA,
) -> Fraction:
    """sy / el × re: IOTA rewarded in a 365-day year."""
    if epoch_seconds <= 0:
        raise RateError(f"epoch length {epoch_seconds} must be positive")
    if rewards_per_epoch < 0:
        raise RateError(f"rewards per epoch {rewards_per_epoch} must not be negative")
    return Fraction(DAYS_PER_YEAR * SECONDS_PER_DAY) / epoch_seconds * rewards_per_epoch


def benchmark(
    staked: Fraction,
    epoch_seconds: Fraction = Fraction(EPOCH_SECONDS),
    rewards_per_epoch: Fraction = REWARDS_PER_EPOCH_IOTA,
) -> Fraction:
    """IOTASRB = sy / el × re / st, with ``st`` and ``re`` in IOTA."""
    if staked <= 0:
        raise RateError(f"staked tokens {staked} must be positive")
    return annual_rewards(epoch_seconds, rewards_per_epoch) / staked


def validator_rate(rate: Fraction, performance: Fraction, commission: Fraction) -> Fraction:
    """IOTASRB(v) = IOTASRB × p × (1 − cr)."""
    for name, value in (("performance", performance), ("commission", commission)):
        if not 0 <= value <= 1:
            raise RateError(f"{name} {value} is outside [0, 1]")
    return rate * performance * (1 - commission)


def mainnet_rate(
    rate: Fraction,
    stake_share: Fraction,
    voting_power_share: Fraction,
    commission: Fraction,
    *,
    reported: bool = False,
    dynamic_min_commission: bool = True,
) -> Fraction:
    """What a delegator of one validator earns in a year of epochs on mainnet's rules, simple
    (not compounded): the benchmark scaled by the validator's share of voting power over its
    share of the stake (rewards follow capped voting power, not stake), all or nothing by the
    tallying rule (a reported validator earns nothing), less the *effective* commission --
    under IIP-8 the larger of the rate set and the voting power share.

    The seed's IOTASRB(v) = IOTASRB × p × (1 − cr) is this rate when voting power is
    proportional to stake, p is 1 or 0, and cr is the effective commission.
    """
    for name, value in (
        ("stake share", stake_share),
        ("voting power share", voting_power_share),
        ("commission", commission),
    ):
        if not 0 <= value <= 1:
            raise RateError(f"{name} {value} is outside [0, 1]")
    if stake_share == 0:
        raise RateError("a validator without stake pays no delegator")
    effective = max(commission, voting_power_share) if dynamic_min_commission else commission
    performance = 0 if reported else 1
    return rate * voting_power_share / stake_share * performance * (1 - effective)


def real_rate(rate: Fraction, inflation: Fraction) -> Fraction:
    """(1 + rate) / (1 + i) − 1, the intended reading of the seed's real rate."""
    if inflation <= -1:
        raise RateError(f"inflation {inflation} must be above −1")
    return (1 + rate) / (1 + inflation) - 1


def real_rate_literal(rate: Fraction, inflation: Fraction) -> Fraction:
    """The seed's printed ``1+IOTASRB /(1+i)-1`` with operator precedence: rate / (1 + i)."""
    if inflation <= -1:
        raise RateError(f"inflation {inflation} must be above −1")
    return 1 + rate / (1 + inflation) - 1


def inflation_from_supply(
    total_supply: Fraction,
    epoch_seconds: Fraction = Fraction(EPOCH_SECONDS),
    rewards_per_epoch: Fraction = REWARDS_PER_EPOCH_IOTA,
) -> Fraction:
    """i = annual provisions / total supply."""
    if total_supply <= 0:
        raise RateError(f"total supply {total_supply} must be positive")
    return annual_rewards(epoch_seconds, rewards_per_epoch) / total_supply


def realised_interval(rate: Fraction, commission: Fraction) -> tuple[Any, Any]:
    """Exact bounds (SymPy) of the simple annual return realised on the framework's pools."""
    i = sympy.Rational(rate.numerator, rate.denominator)
    c = sympy.Rational(commission.numerator, commission.denominator)
    return (1 + i) ** (1 - c) - 1, sympy.exp(i * (1 - c)) - 1


@dataclass(frozen=True)
class Rates:
    """Every rate of the benchmark for one set of inputs."""

    benchmark: Fraction
    validator: Fraction
    inflation: Fraction | None = None
    real: Fraction | None = None
    real_literal: Fraction | None = None
    real_validator: Fraction | None = None
    mainnet: Fraction | None = None


def compute_rates(
    staked: Fraction,
    epoch_seconds: Fraction = Fraction(EPOCH_SECONDS),
    rewards_per_epoch: Fraction = REWARDS_PER_EPOCH_IOTA,
    performance: Fraction = Fraction(1),
    commission: Fraction = Fraction(0),
    inflation: Fraction | None = None,
    total_supply: Fraction | None = None,
    stake_share: Fraction | None = None,
    voting_power_share: Fraction | None = None,
    dynamic_min_commission: bool = True,
) -> Rates:
    """IOTASRB, IOTASRB(v) and, when ``i`` or the total supply is given, the real rates; when a
    validator's stake and voting-power shares are given, what its delegators earn on mainnet
    (:func:`mainnet_rate`, performance 0 meaning a reported validator)."""
    rate = benchmark(staked, epoch_seconds, rewards_per_epoch)
    validator = validator_rate(rate, performance, commission)
    mainnet = None
    if stake_share is not None or voting_power_share is not None:
        if stake_share is None or voting_power_share is None:
            raise RateError(
                "the mainnet rate needs both the stake share and the voting power share"
            )
        if performance not in (0, 1):
            raise RateError("on mainnet a validator's performance is all or nothing (0 or 1)")
        mainnet = mainnet_rate(
            rate,
            stake_share,
            voting_power_share,
            commission,
            reported=performance == 0,
            dynamic_min_commission=dynamic_min_commission,
        )
    if inflation is None and total_supply is not None:
        inflation = inflation_from_supply(total_supply, epoch_seconds, rewards_per_epoch)
    if inflation is None:
        return Rates(rate, validator, mainnet=mainnet)
    return Rates(
        rate,
        validator,
        inflation,
        real_rate(rate, inflation),
        real_rate_literal(rate, inflation),
        real_rate(validator, inflation),
        mainnet,
    )
