"""SMR token staking: 8 % yearly inflation minted to SMR stakers.

The seed: "The Shimmer network has yearly inflation of 8% planned. These newly minted Shimmer
tokens will be distributed to Shimmer stakers". The specification's rules (SMR-*):

* **Inflation.** Each epoch (365 a year, ``SMR_EPOCHS_PER_YEAR``) mints the adopted
  yearly-provision convention's share (:mod:`contracts.inflation`): the year's provision is
  ⌊Sᵧ · 8 %⌋, Sᵧ the supply at the year's first epoch, paid evenly as differences of
  cumulative floors (SMR-INFLATION-01).
* **Sharing.** The epoch's mint is shared pro rata among the stake active during the epoch,
  through the one :class:`~contracts.accumulator.RewardAccumulator`; stake added in an epoch earns
  from the next; stake withdrawn earns nothing for the epoch it leaves.
* **No stakers.** An epoch with no active stake mints its share and burns it: inflation exists
  only as staking rewards.
* **Time.** Each epoch's mint depends on the supply, so epochs end one by one; one call ends at
  most ``SMR_MAX_EPOCHS_PER_CALL`` epochs (a bounded amount of work), and a call whose epochs
  would take the supply past 2⁶⁴ − 1 is refused before anything changes. (The cumulative
  ``minted`` and ``burned`` counters are totals of the record, not stored quantities: with no
  stakers they grow while the supply stays put.)
* **Conservation** (SMR-SUPPLY-01). minted − burned = supply − genesis supply, and the supply is
  exactly the liquid balances + the staked SMR + the rewards pool (minted rewards not yet claimed,
  including the accumulator's rounding dust).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Final

from contracts.accumulator import RewardAccumulator
from contracts.domains import Amount, Balances, Caller, EpochIndex, Sender
from contracts.errors import InsufficientBalance, InvalidDay, WidthExceeded
from contracts.inflation import YearlyProvision, to_basis_points
from contracts.invariants import checker
from contracts.transaction import constructor, query, transaction
from contracts.units import BASIS_POINTS, U64_MAX, Epoch, Glow
from spec import parameters

EPOCHS_PER_YEAR: Final = parameters.integer("SMR_EPOCHS_PER_YEAR")
RATE_BP: Final = to_basis_points(parameters.ratio("SMR_INFLATION_RATE"))
MAX_EPOCHS_PER_CALL: Final = parameters.integer("SMR_MAX_EPOCHS_PER_CALL")


class SmrStaking:
    """SMR balances, SMR staking and the inflation minted to stakers."""

    @constructor
    def __init__(self, genesis: Balances) -> None:
        """Genesis balances of external accounts (u64 each, a u64 total). Raises
        ``INVALID_INPUT``, ``INVALID_AMOUNT``, ``PROTECTED_ACCOUNT`` or ``WIDTH_EXCEEDED``."""
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

    @query
    def staked(self) -> Glow:
        return self.rewards.total_active + self.rewards.total_pending

    @query
    def rewards_pool(self) -> Glow:
        """Minted rewards not yet claimed (owed to stakers, or rounding dust)."""
        return self.rewards.offered - self.rewards.claimed

    @query
    def supply(self) -> Glow:
        return self._supply()

    def _supply(self) -> Glow:
        """Genesis + minted − burned, in O(1) (SMR-SUPPLY-01 checks it against the parts)."""
        return self.genesis_supply + self.minted - self.burned

    def supply_in_places(self) -> Glow:
        """Liquid balances + staked SMR + the rewards pool (O(holders): for the checkers)."""
        rewards = self.rewards
        return (
            sum(self.balances.values())
            + rewards.total_active
            + rewards.total_pending
            + rewards.offered
            - rewards.claimed
        )

    # ------------------------------------------------------------------ time

    def _check_epoch(self, epoch: Epoch) -> None:
        """The epoch is not in the past, and at most ``SMR_MAX_EPOCHS_PER_CALL`` ahead; moving
        the clock there keeps the supply and its counters within 64 bits (``INVALID_DAY``,
        ``WIDTH_EXCEEDED``)."""
        if epoch < self.epoch:
            raise InvalidDay(f"epoch {epoch} is before the current epoch {self.epoch}")
        if epoch - self.epoch > MAX_EPOCHS_PER_CALL:
            raise InvalidDay(
                f"epoch {epoch} is more than {MAX_EPOCHS_PER_CALL} epochs after the current "
                f"epoch {self.epoch}: one call ends at most {MAX_EPOCHS_PER_CALL} epochs"
            )
        if epoch == self.epoch:
            return
        if self._supply_after(epoch - self.epoch) > U64_MAX:
            raise WidthExceeded(
                f"ending the epochs up to {epoch} would take the SMR supply past 2^64 − 1"
            )

    def _supply_after(self, epochs: int) -> Glow:
        """The supply after ending ``epochs`` epochs (pure; O(epochs)). An epoch's mint adds to
        the supply when stake earns in it; with none it is minted and burned."""
        provision = replace(self.provision)
        supply = self._supply()
        earning = self.rewards.total_active > 0
        for _ in range(epochs):
            mint = provision.mint_for_epoch(supply, RATE_BP)
            if earning:
                supply += mint
            earning = self.rewards.total_active + self.rewards.total_pending > 0
        return supply

    def _end_epoch(self) -> None:
        supply = self._supply()
        if self.provision.epoch_in_year == 0:
            self.years.append((self.epoch // EPOCHS_PER_YEAR, supply, 0))
        mint = self.provision.mint_for_epoch(supply, RATE_BP)
        year, base, so_far = self.years[-1]
        self.years[-1] = (year, base, so_far + mint)
        self.minted += mint
        if self.rewards.total_active == 0:
            self.burned += mint
        else:
            self.rewards.apply_distribute(mint)
        self.rewards.apply_close_periods(1)
        self.epoch += 1

    def _advance(self, epoch: Epoch) -> None:
        while self.epoch < epoch:
            self._end_epoch()

    @transaction
    def advance_to(self, caller: Caller, epoch: EpochIndex) -> None:
        """End every epoch before ``epoch``; the system's call.

        Raises ``INVALID_INPUT``, ``UNAUTHORIZED`` (a caller other than the system),
        ``INVALID_DAY`` (a past epoch, or more than ``SMR_MAX_EPOCHS_PER_CALL`` ahead) or
        ``WIDTH_EXCEEDED``.
        """
        self._check_epoch(epoch)
        self._advance(epoch)

    # ------------------------------------------------------------------ transactions

    @transaction
    def stake(self, holder: Sender, amount: Amount, epoch: EpochIndex) -> None:
        """Stake ``amount`` glow of ``holder``'s balance; it earns from the next epoch.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``WIDTH_EXCEEDED`` or ``INSUFFICIENT_BALANCE``.
        """
        self._check_epoch(epoch)
        held = self.balances.get(holder, 0)
        if held < amount:
            raise InsufficientBalance(f"{holder!r} stakes {amount} glow but holds {held}")
        self.rewards.check_stake(holder, amount)
        self._advance(epoch)
        self.balances[holder] = held - amount
        if not self.balances[holder]:
            del self.balances[holder]
        self.rewards.apply_stake(holder, amount)

    @transaction
    def unstake(self, holder: Sender, amount: Amount, epoch: EpochIndex) -> None:
        """Return ``amount`` glow of stake to ``holder``'s balance at once.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``WIDTH_EXCEEDED``, ``UNKNOWN_HOLDER`` or ``INSUFFICIENT_STAKE``.
        """
        self._check_epoch(epoch)
        self.rewards.check_unstake(holder, amount)
        self._advance(epoch)
        self.rewards.apply_unstake(holder, amount)
        self.balances[holder] = self.balances.get(holder, 0) + amount

    @transaction
    def claim(self, holder: Sender, epoch: EpochIndex) -> Glow:
        """Move ``holder``'s earned whole glow from the rewards pool to its balance.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``WIDTH_EXCEEDED`` or
        ``UNKNOWN_HOLDER``.
        """
        self._check_epoch(epoch)
        self.rewards.check_claim(holder)
        self._advance(epoch)
        paid = self.rewards.apply_claim(holder)
        if paid:
            self.balances[holder] = self.balances.get(holder, 0) + paid
        return paid

    @query
    def state(self) -> dict[str, Any]:
        """The normative observable state (``spec/schemas/state/smr-staking.schema.json``)."""
        return {
            "epoch": self.epoch,
            "genesisSupply": self.genesis_supply,
            "supply": self._supply(),
            "minted": self.minted,
            "burned": self.burned,
            "balances": dict(sorted(self.balances.items())),
            "provision": {
                "epochInYear": self.provision.epoch_in_year,
                "yearBase": self.provision.year_base,
            },
            "rewards": self.rewards.state(),
        }


@checker("SMR-SUPPLY-01", SmrStaking)
def _check_supply(contract: SmrStaking) -> list[str]:
    in_places = contract.supply_in_places()
    if contract.minted - contract.burned != in_places - contract.genesis_supply:
        return [
            f"minted {contract.minted} − burned {contract.burned} ≠ supply "
            f"{in_places} − genesis {contract.genesis_supply}"
        ]
    return []


@checker("WIDTH-02", SmrStaking)
def _check_widths(contract: SmrStaking) -> list[str]:
    problems = [
        f"supply {value} does not fit in 64 bits"
        for value in (contract.supply_in_places(),)
        if not 0 <= value <= U64_MAX
    ]
    problems += [
        f"{holder}: balance {amount} does not fit in 64 bits"
        for holder, amount in contract.balances.items()
        if not 0 < amount <= U64_MAX
    ]
    return problems


@checker("SMR-INFLATION-01", SmrStaking)
def _check_yearly_provision(contract: SmrStaking) -> list[str]:
    problems = []
    for index, (year, base, minted) in enumerate(contract.years):
        complete = index < len(contract.years) - 1 or contract.provision.epoch_in_year == 0
        if complete and minted != base * RATE_BP // BASIS_POINTS:
            problems.append(f"year {year}: minted {minted} ≠ floor({base} · 8 %)")
    return problems
