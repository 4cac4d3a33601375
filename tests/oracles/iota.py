"""A naive oracle for IOTA stake values: every epoch it revalues every stake, one by one.

The framework values a stake only when it is withdrawn, from two exchange rates; this oracle
instead walks every stake at every epoch and recomputes its value from its pool's rates, as a
dashboard that tracked each staker's balance would.
"""

from __future__ import annotations

from contracts.iota.staking_pool import StakingPool


def revalue_all(stakes: list[tuple[StakingPool, int, int]], epoch: int) -> int:
    """Σ of every stake's current value: (pool, principal, activation epoch) triples."""
    total = 0
    for pool, principal, activation in stakes:
        if activation > epoch:
            total += principal
            continue
        tokens = pool.rate_at(activation).tokens_for(principal)
        total += max(principal, pool.rate_at(epoch).iota_for(tokens))  # never below principal
    return total
