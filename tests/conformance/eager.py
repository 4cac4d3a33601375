"""An implementation that settles every holder eagerly, and implements only two contracts.

The reference settles each position lazily, when its holder is next touched; this variant
settles every position of the accumulator at every distribution and at every period's end, so
its internal records differ at almost every step. It answers ``UNSUPPORTED_CONTRACT`` for every
contract but the post-launch distribution and SMR staking. The normative state does not depend
on when positions are settled: it runs the whole suite with no failure
(``tests/conformance/test_selection.py``).
"""

from __future__ import annotations

from typing import Any

from contracts.accumulator import RewardAccumulator
from contracts.conformance.api import create_reference
from contracts.errors import ContractError
from contracts.postlaunch import PostLaunchDistribution
from contracts.smr_staking import SmrStaking

SUPPORTED = frozenset({"postlaunch", "smr-staking"})


class UnsupportedContract(ContractError):
    """The protocol-level answer of an implementation that does not implement a contract."""

    code = "UNSUPPORTED_CONTRACT"


class EagerRewardAccumulator(RewardAccumulator):
    """The accumulator, with every position settled after every distribution and period."""

    def _settle_everyone(self) -> None:
        for position in self.positions.values():
            self._settle(position)

    def apply_distribute(self, amount: int) -> None:
        super().apply_distribute(amount)
        self._settle_everyone()

    def apply_close_periods(self, count: int = 1) -> None:
        super().apply_close_periods(count)
        self._settle_everyone()


class EagerImplementation:
    def create(self, contract: str, args: dict[str, Any]) -> Any:
        if contract not in SUPPORTED:
            raise UnsupportedContract(f"this implementation does not implement {contract}")
        instance = create_reference(contract, args)
        assert isinstance(instance, PostLaunchDistribution | SmrStaking)
        eager = EagerRewardAccumulator()
        eager.__dict__.update(instance.rewards.__dict__)
        instance.rewards = eager
        return instance


def implementation() -> EagerImplementation:
    return EagerImplementation()
