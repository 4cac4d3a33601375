"""The records of IOTA validator staking: staked objects, validators, and what an epoch change
did."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from contracts.iota.staking_pool import StakingPool
from contracts.units import Epoch, Nanos


class ValidatorStatus(Enum):
    """Where a validator is in its life: a candidate (its pool preactive), pending (it asked to
    join; it becomes active at the next epoch change), active, or inactive (it left)."""

    CANDIDATE = "candidate"
    PENDING = "pending"
    ACTIVE = "active"
    INACTIVE = "inactive"


@dataclass(frozen=True)
class StakedIota:
    """A staked object: its owner, its validator's pool, its principal and activation epoch."""

    staked_id: int
    owner: str
    validator: str
    principal: Nanos
    activation_epoch: Epoch


@dataclass
class IotaValidator:
    address: str
    pool: StakingPool
    commission_bp: int
    next_commission_bp: int
    status: ValidatorStatus = ValidatorStatus.ACTIVE
    voting_power: int = 0
    #: Asked to leave at the next epoch change.
    leaving: bool = False
    #: Consecutive epoch changes below the low-stake threshold (0: not at risk).
    low_stake_epochs: int = 0

    @property
    def active(self) -> bool:
        return self.status is ValidatorStatus.ACTIVE


@dataclass(frozen=True)
class Allotment:
    """One committee member's share of the pot at an epoch change."""

    validator: str
    allotted: Nanos
    commission: Nanos
    #: The commission rate applied, in basis points (IIP-8: at least the voting power), and the
    #: rate the validator had set and the voting power it held in the epoch.
    rate_bp: int
    commission_bp: int
    voting_power: int


@dataclass(frozen=True)
class EpochRecord:
    """What one epoch change did (for IOTA-POT-01, IOTA-SLASH-01 and IOTA-COMMISSION-02)."""

    epoch: Epoch
    pot: Nanos
    subsidy: Nanos
    tips: Nanos
    minted: Nanos
    burned_fees: Nanos
    paid: dict[str, Nanos]
    burned_leftover: Nanos
    slashed: frozenset[str]
    allotments: tuple[Allotment, ...] = ()
    joined: tuple[str, ...] = ()
    departed: tuple[str, ...] = ()
    #: True when the epoch change failed and the network advanced in safe mode.
    safe_mode: bool = False


@dataclass(frozen=True)
class EpochPlan:
    """Everything a successful epoch change will write, computed before any of it is."""

    subsidy: Nanos
    tips: Nanos
    minted: Nanos
    burned_fees: Nanos
    burned_excess: Nanos
    pot: Nanos
    slashed: frozenset[str]
    allotments: tuple[Allotment, ...]
    leftover: Nanos
    #: Candidates that become active, in the order they join the active set.
    joined: tuple[str, ...]
    #: Validators that leave: asked to (removals), or fell below the low-stake rules.
    removed: tuple[str, ...]
    departed: tuple[str, ...]
    #: The active set's order after the epoch change, and each one's low-stake counter.
    active: tuple[str, ...]
    low_stake_epochs: dict[str, int] = field(default_factory=dict)
    committee: tuple[str, ...] = ()
    voting_power: dict[str, int] = field(default_factory=dict)
