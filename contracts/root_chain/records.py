"""The root chain's records: validators and their pools, unbonding entries, slashing evidence
and what ending an epoch will do."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Final

from contracts.accumulator import RewardAccumulator
from contracts.committees import FeePolicy
from contracts.domains import InstanceOf, MemberOf, is_name
from contracts.errors import InvalidEvidence
from contracts.units import U32_MAX, Epoch, MicroAsmb
from spec import parameters

EPOCHS_PER_YEAR: Final = parameters.integer("ASMB_EPOCHS_PER_YEAR")


class Status(Enum):
    ACTIVE = "active"
    EXITING = "exiting"
    TOMBSTONED = "tombstoned"


class Severity(Enum):
    """Offence severities and the parameters that give their slash fractions."""

    MINOR = "SLASH_FRACTION_MINOR"
    MAJOR = "SLASH_FRACTION_MAJOR"
    CRITICAL = "SLASH_FRACTION_CRITICAL"


@dataclass(frozen=True)
class Evidence:
    """A proof of misbehaviour, as the Main Assembly validates it."""

    evidence_id: str
    validator_id: str
    offence_epoch: Epoch
    severity: Severity

    def problem(self) -> str | None:
        """What is malformed in this evidence, or None (its fields' domains)."""
        if not is_name(self.evidence_id) or not is_name(self.validator_id):
            return "its evidence and validator ids must be names"
        if type(self.offence_epoch) is not int or not 0 <= self.offence_epoch <= U32_MAX:
            return f"offence epoch {self.offence_epoch!r} is not a uint32"
        if not isinstance(self.severity, Severity):
            return f"unknown severity {self.severity!r}"
        return None


SlashEvidence = Annotated[Evidence, InstanceOf(Evidence, InvalidEvidence)]
Policy = Annotated[FeePolicy, MemberOf(FeePolicy)]


@dataclass
class Validator:
    validator_id: str
    operator: str
    operational: bool
    commission_bp: int
    registered_epoch: Epoch
    status: Status = Status.ACTIVE
    next_commission_bp: int | None = None
    exit_epoch: Epoch | None = None
    tokens: MicroAsmb = 0
    shares: int = 0
    rewards: RewardAccumulator = field(default_factory=RewardAccumulator)

    def value_of(self, shares: int) -> MicroAsmb:
        """Tokens that ``shares`` of this pool are worth (floor)."""
        return shares * self.tokens // self.shares if self.shares else 0

    def shares_for(self, amount: MicroAsmb) -> int:
        """Shares that bonding ``amount`` tokens buys (floor; 1:1 for an empty pool)."""
        if self.shares == 0:
            return amount
        return amount * self.shares // self.tokens

    def active_weight(self) -> MicroAsmb:
        """Tokens of the shares bonded for the whole current epoch."""
        return self.value_of(self.rewards.total_active)

    def shares_of(self, holder: str) -> int:
        """``holder``'s shares of the pool, active and pending."""
        return sum(self.rewards.held(holder))


@dataclass(frozen=True)
class UnbondingEntry:
    owner: str
    validator_id: str
    amount: MicroAsmb
    created_epoch: Epoch
    matures_epoch: Epoch


@dataclass(frozen=True)
class EpochEnd:
    """What ending an epoch will do, computed (and checked) before anything is written."""

    supply: MicroAsmb
    rate_bp: int
    mint: MicroAsmb
    #: (validator id, commission to the operator, what the pool's holders share), in id order.
    payouts: tuple[tuple[str, MicroAsmb, MicroAsmb], ...]
    paid: MicroAsmb
    remainder: MicroAsmb
