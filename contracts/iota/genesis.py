"""The arguments of an IOTA network's genesis: its validators and its protocol profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Final

from contracts.accounts import is_external
from contracts.domains import Domain, is_name
from contracts.errors import (
    CommissionOutOfBounds,
    ContractError,
    InvalidAmount,
    InvalidInput,
    ProtectedAccount,
    StakeBelowMinimum,
    WidthExceeded,
)
from contracts.units import U64_MAX, Nanos
from spec import iota_protocol, parameters

MIN_STAKE: Final = parameters.integer("IOTA_MIN_STAKE")
MAX_COMMISSION_BP: Final = int(parameters.ratio("IOTA_MAX_COMMISSION") * 10_000)
MAX_VALIDATORS: Final = parameters.integer("IOTA_MAX_VALIDATOR_COUNT")


@dataclass(frozen=True)
class ProfileName(Domain):
    """The name of a protocol profile of :mod:`spec.iota_protocol`."""

    describe = "a protocol profile: " + ", ".join(iota_protocol.PROFILES)

    def accepts(self, value: Any) -> bool:
        return type(value) is str and value in iota_protocol.PROFILES

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if type(value) is str:
            return None
        return InvalidInput(f"{name}: {value!r} is not a protocol profile name")

    def range_error(self, name: str, value: Any) -> ContractError | None:
        if value in iota_protocol.PROFILES:
            return None
        return InvalidInput(f"{name}: {value!r} is not one of {sorted(iota_protocol.PROFILES)}")


@dataclass(frozen=True)
class GenesisValidators(Domain):
    """Genesis validators: 1 or more ``(address, stake, commission bp)``, addresses external and
    distinct, stakes u64 of at least ``IOTA_MIN_STAKE``, commissions at most 2,000 bp."""

    describe = "a list of [address, stake, commission bp]"

    def accepts(self, value: Any) -> bool:
        return self.type_error("", value) is None and self.range_error("", value) is None

    def type_error(self, name: str, value: Any) -> ContractError | None:
        if type(value) not in (list, tuple) or not 1 <= len(value) <= MAX_VALIDATORS:
            return InvalidInput(f"{name}: expected 1 to {MAX_VALIDATORS} validators")
        for entry in value:
            if type(entry) not in (list, tuple) or len(entry) != 3:
                return InvalidInput(f"{name}: {entry!r} is not [address, stake, commission]")
            address, stake, commission = entry
            if not is_name(address) or type(stake) is not int or type(commission) is not int:
                return InvalidInput(f"{name}: {entry!r} is not [address, stake, commission]")
        return None

    def range_error(self, name: str, value: Any) -> ContractError | None:
        seen: set[str] = set()
        for address, stake, commission in value:
            if not is_external(address):
                return ProtectedAccount(f"{name}: validator {address!r} is a protected account")
            if address in seen:
                return InvalidInput(f"{name}: validator {address!r} is repeated")
            if not 0 < stake <= U64_MAX:
                return InvalidAmount(f"{name}: validator {address!r} stakes {stake}")
            if stake < MIN_STAKE:
                return StakeBelowMinimum(f"{name}: validator {address!r} stakes {stake}")
            if not 0 <= commission <= MAX_COMMISSION_BP:
                return CommissionOutOfBounds(f"{name}: genesis commission {commission!r}")
            seen.add(address)
        if sum(stake for _, stake, _ in value) > U64_MAX:
            return WidthExceeded(f"{name}: the validators' stake exceeds 2^64 − 1")
        return None


Validators = Annotated[Sequence[tuple[str, Nanos, int]], GenesisValidators()]
Profile = Annotated[str, ProfileName()]
