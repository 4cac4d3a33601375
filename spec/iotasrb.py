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


def compute_rates(
    staked: Fraction,
    epoch_seconds: Fraction = Fraction(EPOCH_SECONDS),
    rewards_per_epoch: Fraction = REWARDS_PER_EPOCH_IOTA,
    performance: Fraction = Fraction(1),
    commission: Fraction = Fraction(0),
    inflation: Fraction | None = None,
    total_supply: Fraction | None = None,
) -> Rates:
    """IOTASRB, IOTASRB(v) and, when ``i`` or the total supply is given, the real rates."""
    rate = benchmark(staked, epoch_seconds, rewards_per_epoch)
    validator = validator_rate(rate, performance, commission)
    if inflation is None and total_supply is not None:
        inflation = inflation_from_supply(total_supply, epoch_seconds, rewards_per_epoch)
    if inflation is None:
        return Rates(rate, validator)
    return Rates(
        rate,
        validator,
        inflation,
        real_rate(rate, inflation),
        real_rate_literal(rate, inflation),
        real_rate(validator, inflation),
    )
