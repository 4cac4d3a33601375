"""The state of the IOTA system (``iota_system_state_inner.move``, ``validator_set.move``), and
the checks and helpers its rule families share."""

from __future__ import annotations

from dataclasses import dataclass, field

from contracts.errors import (
    InsufficientBalance,
    InvalidDay,
    Unauthorized,
    UnknownStake,
    UnknownValidator,
)
from contracts.iota.records import EpochRecord, IotaValidator, StakedIota, ValidatorStatus
from contracts.units import Epoch, Nanos
from spec import iota_protocol
from spec.iota_protocol import ProtocolProfile


@dataclass
class SystemState:
    """What the IOTA system holds; every rule family (a mixin of :class:`IotaStaking`) extends
    it."""

    balances: dict[str, Nanos]
    protocol: str = iota_protocol.DEFAULT
    epoch: Epoch = 0
    validators: dict[str, IotaValidator] = field(default_factory=dict)
    #: The active set in Move's order (genesis order, then each joiner appended).
    active: list[str] = field(default_factory=list)
    #: Candidates that asked to join, in the order they asked.
    pending_active: list[str] = field(default_factory=list)
    stakes: dict[int, StakedIota] = field(default_factory=dict)
    reports: dict[str, set[str]] = field(default_factory=dict)
    #: The committee in Move's order (the order voting power is computed in).
    committee: list[str] = field(default_factory=list)
    computation_charge: Nanos = 0
    computation_charge_burned: Nanos = 0
    minted: Nanos = 0
    burned: Nanos = 0
    genesis_supply: Nanos = 0
    records: list[EpochRecord] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    next_stake_id: int = 1
    safe_mode: bool = False

    @property
    def profile(self) -> ProtocolProfile:
        return iota_protocol.PROFILES[self.protocol]

    # ------------------------------------------------------------------ checks and helpers

    def _at(self, epoch: Epoch) -> None:
        if epoch != self.epoch:
            raise InvalidDay(f"epoch {epoch} is not the current epoch {self.epoch}")

    def _validator(self, address: str, *statuses: ValidatorStatus) -> IotaValidator:
        validator = self.validators.get(address)
        if validator is None or validator.status not in (statuses or (ValidatorStatus.ACTIVE,)):
            wanted = " or ".join(s.value for s in statuses or (ValidatorStatus.ACTIVE,))
            raise UnknownValidator(f"no {wanted} validator {address!r}")
        return validator

    def new_stake(self, owner: str, validator: str, principal: Nanos, activation: Epoch) -> int:
        staked_id = self.next_stake_id
        self.next_stake_id += 1
        self.stakes[staked_id] = StakedIota(staked_id, owner, validator, principal, activation)
        return staked_id

    def _owned(self, staker: str, staked_id: int) -> StakedIota:
        stake = self.stakes.get(staked_id)
        if stake is None:
            raise UnknownStake(f"no stake {staked_id!r}")
        if stake.owner != staker:
            raise Unauthorized(f"stake {staked_id} belongs to {stake.owner!r}", caller=staker)
        return stake

    def _pay(self, owner: str, amount: Nanos) -> None:
        if amount:
            self.balances[owner] = self.balances.get(owner, 0) + amount

    def _charge(self, owner: str, amount: Nanos) -> None:
        held = self.balances.get(owner, 0)
        if held < amount:
            raise InsufficientBalance(f"{owner!r} holds {held} < {amount}")

    def _debit(self, owner: str, amount: Nanos) -> None:
        held = self.balances[owner] - amount
        if held:
            self.balances[owner] = held
        else:
            del self.balances[owner]
