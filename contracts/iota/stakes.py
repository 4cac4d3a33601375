"""Staked IOTA: stake requests, withdrawals, and the splitting and joining of staked objects
(IOTA-STAKE-01)."""

from __future__ import annotations

from contracts.domains import Amount, EpochIndex, Name, Quantity, Sender, StakeId
from contracts.errors import IncompatibleStakes, InvalidAmount, StakeBelowMinimum, UnknownValidator
from contracts.iota.genesis import MIN_STAKE
from contracts.iota.records import StakedIota, ValidatorStatus
from contracts.iota.state import SystemState
from contracts.transaction import transaction
from contracts.units import Nanos


class Stakes(SystemState):
    """Stakers' requests: add, withdraw, split and join stakes."""

    @transaction
    def request_add_stake(
        self, staker: Sender, validator: Name, amount: Quantity, epoch: EpochIndex
    ) -> int:
        """Stake ``amount`` nanos with an active validator (active from the next epoch,
        IOTA-STAKE-01) or a candidate (its pool takes it at once). Returns the new stake's id.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_VALIDATOR``, ``STAKE_BELOW_MINIMUM`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        target = self._validator(validator, ValidatorStatus.ACTIVE, ValidatorStatus.CANDIDATE)
        if amount < MIN_STAKE:
            raise StakeBelowMinimum(f"stake {amount} is below the minimum {MIN_STAKE} nanos")
        self._charge(staker, amount)
        self._debit(staker, amount)
        target.pool.add_stake(amount)
        return self.new_stake(staker, validator, amount, epoch + 1)

    @transaction
    def request_withdraw_stake(
        self, staker: Sender, staked_id: StakeId, epoch: EpochIndex
    ) -> Nanos:
        """Withdraw a stake: its principal, plus its rewards once it has been active. From an
        inactive pool (its validator left) or a candidate's, the withdrawal settles at once.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_STAKE``,
        ``UNAUTHORIZED`` (someone else's stake) or ``UNKNOWN_VALIDATOR`` (a validator waiting to
        join: its pool moves no stake until it is active).
        """
        self._at(epoch)
        stake = self._owned(staker, staked_id)
        validator = self.validators[stake.validator]
        if validator.status is ValidatorStatus.PENDING:
            raise UnknownValidator(f"{stake.validator!r} is joining: its pool waits")
        pool = validator.pool
        if stake.activation_epoch > epoch and not pool.preactive:
            amount = stake.principal
            if not pool.inactive:
                pool.pending_stake -= stake.principal
        else:
            reward, tokens = pool.withdraw_amount(stake.principal, stake.activation_epoch, epoch)
            pool.rewards_pool -= reward
            amount = stake.principal + reward
            pool.pending_total_iota_withdraw += amount
            pool.pending_pool_token_withdraw += tokens
            if pool.preactive or pool.inactive:
                pool.settle_withdrawals()  # no rate is recorded
        del self.stakes[staked_id]
        self._pay(staker, amount)
        return amount

    @transaction
    def split_staked_iota(
        self, staker: Sender, staked_id: StakeId, amount: Amount, epoch: EpochIndex
    ) -> int:
        """Split ``amount`` nanos off a stake into a new one of the same pool and activation
        epoch; each part keeps at least ``IOTA_MIN_STAKE``. Returns the new stake's id.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_STAKE``, ``UNAUTHORIZED`` or ``STAKE_BELOW_MINIMUM``.
        """
        self._at(epoch)
        stake = self._owned(staker, staked_id)
        if amount > stake.principal:
            raise InvalidAmount(f"stake {staked_id} holds {stake.principal} < {amount}")
        if amount < MIN_STAKE or stake.principal - amount < MIN_STAKE:
            raise StakeBelowMinimum(f"both parts of a split keep at least {MIN_STAKE} nanos")
        self.stakes[staked_id] = StakedIota(
            staked_id, staker, stake.validator, stake.principal - amount, stake.activation_epoch
        )
        return self.new_stake(staker, stake.validator, amount, stake.activation_epoch)

    @transaction
    def join_staked_iota(
        self, staker: Sender, staked_id: StakeId, other_id: StakeId, epoch: EpochIndex
    ) -> None:
        """Join ``other_id`` into ``staked_id``: both of one pool and one activation epoch.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_STAKE``,
        ``UNAUTHORIZED`` or ``INCOMPATIBLE_STAKES``.
        """
        self._at(epoch)
        stake = self._owned(staker, staked_id)
        other = self._owned(staker, other_id)
        if staked_id == other_id or (stake.validator, stake.activation_epoch) != (
            other.validator,
            other.activation_epoch,
        ):
            raise IncompatibleStakes(f"stakes {staked_id} and {other_id} cannot be joined")
        self.stakes[staked_id] = StakedIota(
            staked_id,
            staker,
            stake.validator,
            stake.principal + other.principal,
            stake.activation_epoch,
        )
        del self.stakes[other_id]
