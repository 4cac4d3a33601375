"""A validator's staking pool, as ``staking_pool.move`` keeps it (IOTA-POOL-01).

The pool keeps IOTA and pool tokens and records an *exchange rate* (IOTA, pool tokens) for every
epoch it processes. Converting floors, in u128, and is the identity when either side of the rate
is zero:

    tokens(rate, iota)  = floor(rate.pool_tokens · iota / rate.iota)
    iota(rate, tokens)  = floor(rate.iota · tokens / rate.pool_tokens)

A pool is *preactive* while its validator is a candidate: stake joins it at once, one token per
nano, and earns nothing. Once active, stake requested in epoch E is *pending* and joins the pool
at the boundary E → E + 1, so it is active from E + 1 (IOTA-STAKE-01). Rewards deposited at a
boundary raise the pool's IOTA but not its tokens: the rate appreciates, for the tokens that
existed during the epoch only, because the pending stake joins after the rewards, at the new
rate. When its validator leaves, the pool is *inactive*: its rate is frozen at the deactivation
epoch, and a withdrawal settles at once without recording a rate.

A withdrawal before activation returns the principal; after it, the principal plus
``max(iota(rate_now, tokens(rate_activation, principal)) − principal, 0)``, capped by the
rewards the pool holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contracts.units import Epoch, Nanos


@dataclass(frozen=True)
class ExchangeRate:
    iota_amount: Nanos
    pool_token_amount: int

    def tokens_for(self, iota: Nanos) -> int:
        if self.iota_amount == 0 or self.pool_token_amount == 0:
            return iota
        return self.pool_token_amount * iota // self.iota_amount

    def iota_for(self, tokens: int) -> Nanos:
        if self.iota_amount == 0 or self.pool_token_amount == 0:
            return tokens
        return self.iota_amount * tokens // self.pool_token_amount


INITIAL_RATE = ExchangeRate(0, 0)


@dataclass
class StakingPool:
    #: None while preactive (a candidate's pool).
    activation_epoch: Epoch | None = None
    deactivation_epoch: Epoch | None = None
    iota_balance: Nanos = 0
    pool_token_balance: int = 0
    rewards_pool: Nanos = 0
    pending_stake: Nanos = 0
    pending_total_iota_withdraw: Nanos = 0
    pending_pool_token_withdraw: int = 0
    exchange_rates: dict[Epoch, ExchangeRate] = field(default_factory=dict)

    @property
    def preactive(self) -> bool:
        return self.activation_epoch is None

    @property
    def inactive(self) -> bool:
        return self.deactivation_epoch is not None

    def activate(self, epoch: Epoch) -> None:
        """The candidate's pool becomes active at ``epoch``, at the initial (identity) rate."""
        self.activation_epoch = epoch
        self.exchange_rates[epoch] = INITIAL_RATE

    def rate_at(self, epoch: Epoch) -> ExchangeRate:
        """The exchange rate in force at ``epoch``: the latest recorded at or before it, and
        never after the deactivation epoch; the initial rate before activation."""
        if self.activation_epoch is None or epoch < self.activation_epoch:
            return INITIAL_RATE
        if self.deactivation_epoch is not None:
            epoch = min(epoch, self.deactivation_epoch)
        while epoch not in self.exchange_rates:
            epoch -= 1
        return self.exchange_rates[epoch]

    def add_stake(self, amount: Nanos) -> None:
        """Stake joins a preactive pool at once; an active pool's waits for the boundary."""
        self.pending_stake += amount
        if self.preactive:
            self._join_pending_stake()

    def deposit_rewards(self, amount: Nanos) -> None:
        self.iota_balance += amount
        self.rewards_pool += amount

    def settle_withdrawals(self) -> None:
        """Take the pending withdrawals out of the pool (no rate is recorded)."""
        self.iota_balance -= self.pending_total_iota_withdraw
        self.pool_token_balance -= self.pending_pool_token_withdraw
        self.pending_total_iota_withdraw = 0
        self.pending_pool_token_withdraw = 0

    def _join_pending_stake(self) -> None:
        rate = ExchangeRate(self.iota_balance, self.pool_token_balance)
        self.iota_balance += self.pending_stake
        self.pool_token_balance = rate.tokens_for(self.iota_balance)
        self.pending_stake = 0

    def process_pending(self, new_epoch: Epoch) -> None:
        """At the boundary into ``new_epoch``: settle withdrawals, join stake, record the rate."""
        self.settle_withdrawals()
        self._join_pending_stake()
        self.exchange_rates[new_epoch] = ExchangeRate(self.iota_balance, self.pool_token_balance)

    def balance_after_boundary(self, reward: Nanos) -> Nanos:
        """The pool's IOTA once ``reward`` is deposited and the boundary processes it (pure)."""
        return self.iota_balance + reward - self.pending_total_iota_withdraw + self.pending_stake

    def withdraw_amount(
        self, principal: Nanos, activation: Epoch, epoch: Epoch
    ) -> tuple[Nanos, int]:
        """(reward, tokens) of withdrawing an active stake of ``principal`` at ``epoch``."""
        tokens = self.rate_at(activation).tokens_for(principal)
        total = self.rate_at(epoch).iota_for(tokens)
        reward = min(max(total - principal, 0), self.rewards_pool)
        return reward, tokens

    def state(self) -> dict[str, Any]:
        """The pool's part of the system's normative state."""
        return {
            "activationEpoch": self.activation_epoch,
            "deactivationEpoch": self.deactivation_epoch,
            "iotaBalance": self.iota_balance,
            "poolTokenBalance": self.pool_token_balance,
            "rewardsPool": self.rewards_pool,
            "pendingStake": self.pending_stake,
            "pendingIotaWithdraw": self.pending_total_iota_withdraw,
            "pendingTokenWithdraw": self.pending_pool_token_withdraw,
            "rates": {
                str(e): [r.iota_amount, r.pool_token_amount]
                for e, r in sorted(self.exchange_rates.items())
            },
        }
