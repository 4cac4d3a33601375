"""SMR token staking: 8 % yearly inflation minted to SMR stakers.

The seed: "The Shimmer network has yearly inflation of 8% planned. These newly minted Shimmer
tokens will be distributed to Shimmer stakers". The specification's rules (SMR-*):

* **Inflation.** Each epoch (365 a year, ``SMR_EPOCHS_PER_YEAR``) mints the adopted
  yearly-provision convention's share (:mod:`contracts.inflation`): the year's provision is
  floor(S_y · 8 %), S_y the supply at the year's first epoch, paid evenly as differences of
  cumulative floors (SMR-INFLATION-01).
* **Sharing.** The epoch's mint is shared pro rata among the stake active during the epoch,
  through the one :class:`~contracts.accumulator.RewardAccumulator`; stake added in an epoch earns
  from the next; stake withdrawn earns nothing for the epoch it leaves.
* **No stakers.** An epoch with no active stake mints its share and burns it: inflation exists
  only as staking rewards.
* **Conservation** (SMR-SUPPLY-01). minted − burned = supply − genesis supply, and the supply is
  exactly the liquid balances + the staked SMR + the rewards pool (minted rewards not yet claimed,
  including the accumulator's rounding dust).
"""

from __future__ import annotations

from typing import Any, Final

from contracts.accumulator import RewardAccumulator
from contracts.errors import (
    InsufficientBalance,
    InsufficientStake,
    InvalidAmount,
    InvalidDay,
    InvalidInput,
    UnknownHolder,
)
from contracts.inflation import YearlyProvision, to_basis_points
from contracts.invariants import checker
from contracts.units import BASIS_POINTS, U32_MAX, U64_MAX, Epoch, Glow, is_uint
from spec import parameters

EPOCHS_PER_YEAR: Final = parameters.integer("SMR_EPOCHS_PER_YEAR")
RATE_BP: Final = to_basis_points(parameters.ratio("SMR_INFLATION_RATE"))


class SmrStaking:
    """SMR balances, SMR staking and the inflation minted to stakers."""

    def __init__(self, genesis: dict[str, Glow]) -> None:
        for holder, amount in genesis.items():
            if not isinstance(holder, str) or not holder:
                raise InvalidInput(f"genesis holder {holder!r} is not a non-empty string")
            if not is_uint(amount, U64_MAX):
                raise InvalidAmount(f"genesis balance of {holder!r} is not a uint64")
        self.balances: dict[str, Glow] = {h: a for h, a in genesis.items() if a}
        self.genesis_supply: Glow = sum(genesis.values())
        self.epoch: Epoch = 0
        self.minted = 0
        self.burned = 0
        self.rewards = RewardAccumulator()
        self.provision = YearlyProvision(EPOCHS_PER_YEAR)
        #: (year, provision base, minted that year) for every year begun.
        self.years: list[tuple[int, int, int]] = []

    # ------------------------------------------------------------------ supply

    def staked(self) -> Glow:
        return self.rewards.total_active + self.rewards.total_pending

    def rewards_pool(self) -> Glow:
        """Minted rewards not yet claimed (owed to stakers, or rounding dust)."""
        return self.rewards.offered - self.rewards.claimed

    def supply(self) -> Glow:
        return sum(self.balances.values()) + self.staked() + self.rewards_pool()

    # ------------------------------------------------------------------ time

    def _check_epoch(self, epoch: Epoch) -> None:
        if not is_uint(epoch, U32_MAX):
            raise InvalidDay(f"epoch {epoch!r} is not a uint32", epoch=epoch)
        if epoch < self.epoch:
            raise InvalidDay(f"epoch {epoch} is before the current epoch {self.epoch}")

    def _end_epoch(self) -> None:
        supply = self.supply()
        if self.provision.epoch_in_year == 0:
            self.years.append((self.epoch // EPOCHS_PER_YEAR, supply, 0))
        mint = self.provision.mint_for_epoch(supply, RATE_BP)
        year, base, so_far = self.years[-1]
        self.years[-1] = (year, base, so_far + mint)
        self.minted += mint
        if self.rewards.total_active == 0:
            self.burned += mint
        else:
            self.rewards.distribute(mint)
        self.rewards.close_period()
        self.epoch += 1

    def advance_to(self, epoch: Epoch) -> None:
        """End every epoch before ``epoch`` (anyone may call)."""
        self._check_epoch(epoch)
        while self.epoch < epoch:
            self._end_epoch()

    # ------------------------------------------------------------------ transactions

    def stake(self, holder: str, amount: Glow, epoch: Epoch) -> None:
        """Stake ``amount`` glow of ``holder``'s balance; it earns from the next epoch."""
        self._check_epoch(epoch)
        if not is_uint(amount, U64_MAX) or amount == 0:
            raise InvalidAmount(f"stake {amount!r} is not in 1..2^64-1")
        if self.balances.get(holder, 0) < amount:
            raise InsufficientBalance(
                f"{holder!r} stakes {amount} glow but holds {self.balances.get(holder, 0)}"
            )
        self.advance_to(epoch)
        self.balances[holder] -= amount
        self.rewards.stake(holder, amount)

    def unstake(self, holder: str, amount: Glow, epoch: Epoch) -> None:
        """Return ``amount`` glow of stake to ``holder``'s balance at once."""
        self._check_epoch(epoch)
        if not is_uint(amount, U64_MAX) or amount == 0:
            raise InvalidAmount(f"unstake {amount!r} is not in 1..2^64-1")
        if holder not in self.rewards.positions:
            raise UnknownHolder(f"{holder!r} has never staked")
        active, pending = self.rewards.stake_of(holder)
        if amount > active + pending:
            raise InsufficientStake(f"{holder!r} unstakes {amount} but holds {active + pending}")
        self.advance_to(epoch)
        self.rewards.unstake(holder, amount)
        self.balances[holder] = self.balances.get(holder, 0) + amount

    def claim(self, holder: str, epoch: Epoch) -> Glow:
        """Move ``holder``'s earned whole glow from the rewards pool to its balance."""
        self._check_epoch(epoch)
        if holder not in self.rewards.positions:
            raise UnknownHolder(f"{holder!r} has never staked")
        self.advance_to(epoch)
        paid = self.rewards.claim(holder)
        self.balances[holder] = self.balances.get(holder, 0) + paid
        return paid

    def snapshot(self) -> dict[str, Any]:
        return {
            "epoch": self.epoch,
            "genesisSupply": self.genesis_supply,
            "minted": self.minted,
            "burned": self.burned,
            "balances": dict(sorted(self.balances.items())),
            "rewards": self.rewards.snapshot(),
        }


@checker("SMR-SUPPLY-01", SmrStaking)
def _check_supply(contract: SmrStaking) -> list[str]:
    if contract.minted - contract.burned != contract.supply() - contract.genesis_supply:
        return [
            f"minted {contract.minted} − burned {contract.burned} ≠ supply "
            f"{contract.supply()} − genesis {contract.genesis_supply}"
        ]
    return []


@checker("SMR-INFLATION-01", SmrStaking)
def _check_yearly_provision(contract: SmrStaking) -> list[str]:
    problems = []
    for index, (year, base, minted) in enumerate(contract.years):
        complete = index < len(contract.years) - 1 or contract.provision.epoch_in_year == 0
        if complete and minted != base * RATE_BP // BASIS_POINTS:
            problems.append(f"year {year}: minted {minted} ≠ floor({base} · 8 %)")
    return problems
