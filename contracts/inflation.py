"""Yearly inflation as the specification adopts it: a yearly provision paid evenly per epoch.

At the first epoch of each year the provision base is fixed to the supply at that moment, S_y.
Epoch k of the year (0-based, N epochs a year) mints the difference of cumulative floors

    mint_k = floor(T_{k+1}) − floor(T_k),    T_k = Σ_{j<k} S_y · r_j / N,

where r_j is the rate in force at epoch j. With a constant rate the year mints exactly
floor(S_y · r) (ASMB-INFLATION-01): the effective yearly inflation is the rate itself, and no
epoch's rounding is lost or paid twice. A rate changed by governance applies from the epoch it
takes effect, for the rest of the year, against the same base S_y.

Rates are integer basis points, so T_k is kept exactly as the integer ``Σ S_y · bp_j`` over the
denominator ``N · 10,000``; the widest product S_y · bp · N needs 128 bits at the 10-year supply
(WIDTH-ASMB-INFLATION).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from contracts.errors import InvalidInput
from contracts.units import BASIS_POINTS


def to_basis_points(rate: Fraction) -> int:
    """A rate as whole basis points; a rate finer than 1 bp or negative is ``InvalidInput``."""
    scaled = rate * BASIS_POINTS
    if scaled.denominator != 1 or scaled < 0:
        raise InvalidInput(f"rate {rate} is not a non-negative whole number of basis points")
    return scaled.numerator


@dataclass
class YearlyProvision:
    """The state of the yearly-provision schedule (one per inflating token)."""

    epochs_per_year: int
    epoch_in_year: int = 0
    year_base: int = 0
    cumulative: int = 0  # Σ S_y · bp_j over the year's elapsed epochs

    def next_mint(self, supply: int, rate_bp: int) -> int:
        """The mint of the next epoch, given the current supply and the rate in force (pure)."""
        base = supply if self.epoch_in_year == 0 else self.year_base
        cumulative = 0 if self.epoch_in_year == 0 else self.cumulative
        denominator = self.epochs_per_year * BASIS_POINTS
        return (cumulative + base * rate_bp) // denominator - cumulative // denominator

    def mint_for_epoch(self, supply: int, rate_bp: int) -> int:
        """Record the next epoch's mint (the one :meth:`next_mint` gives) and return it."""
        if self.epoch_in_year == 0:
            self.year_base = supply
            self.cumulative = 0
        denominator = self.epochs_per_year * BASIS_POINTS
        before = self.cumulative // denominator
        self.cumulative += self.year_base * rate_bp
        mint = self.cumulative // denominator - before
        self.epoch_in_year = (self.epoch_in_year + 1) % self.epochs_per_year
        return mint
