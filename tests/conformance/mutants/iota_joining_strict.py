"""Threshold off by one: a candidate must hold more than the joining stake, not exactly it."""

from __future__ import annotations

from contracts.errors import JoiningStakeNotReached
from contracts.iota.system import IotaStaking
from spec import parameters
from tests.conformance.mutants import MutantImplementation, swap_class

JOINING = parameters.integer("IOTA_MIN_VALIDATOR_JOINING_STAKE")


class StrictJoining(IotaStaking):
    def request_add_validator(self, validator: str, epoch: int) -> None:
        candidate = self.validators.get(validator)
        if candidate is not None and isinstance(epoch, int) and epoch == self.epoch:
            pool = candidate.pool
            if pool.iota_balance + pool.pending_stake == JOINING:
                raise JoiningStakeNotReached(f"{validator!r} holds only the joining stake")
        super().request_add_validator(validator, epoch)


def implementation() -> MutantImplementation:
    return MutantImplementation("iota-staking", lambda c: swap_class(c, StrictJoining))
