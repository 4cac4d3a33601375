"""The named domains: the annotations every entry point's arguments use (``holder: Sender``)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Annotated

from contracts.accounts import AccountKind
from contracts.domains.scalars import (
    ExactNumber,
    ExternalAccount,
    Flag,
    NameDomain,
    OptionalUInt,
    SystemCaller,
    UInt,
)
from contracts.domains.structured import BalanceMap, ByteString
from contracts.errors import (
    CommissionOutOfBounds,
    InvalidAmount,
    InvalidDay,
    InvalidInput,
    InvalidMilestone,
    UnknownProposal,
    UnknownStake,
)
from contracts.units import BASIS_POINTS, U32_MAX, U64_MAX

#: A transaction's sender, and every account it pays or acts for: an external account.
Sender = Annotated[str, ExternalAccount()]
Recipient = Annotated[str, ExternalAccount()]
#: An id (validator, chain, evidence, parameter) or an account of any kind, as a lookup key.
Name = Annotated[str, NameDomain()]
#: The caller of a protocol operation: the system.
Caller = Annotated[str, SystemCaller()]
#: A positive amount of base units, and a non-negative one.
Amount = Annotated[int, UInt(1, U64_MAX, InvalidAmount, "an amount")]
Quantity = Annotated[int, UInt(0, U64_MAX, InvalidAmount, "an amount")]
#: Times: a u32 day, epoch or milestone index.
DayIndex = Annotated[int, UInt(0, U32_MAX, InvalidDay, "a day")]
EpochIndex = Annotated[int, UInt(0, U32_MAX, InvalidDay, "an epoch")]
MilestoneIndex = Annotated[int, UInt(0, U32_MAX, InvalidMilestone, "a milestone")]
OptionalMilestone = Annotated[
    int | None, OptionalUInt(0, U32_MAX, InvalidMilestone, "a milestone or null")
]
#: A commission in basis points.
CommissionBp = Annotated[int, UInt(0, BASIS_POINTS, CommissionOutOfBounds, "basis points")]
#: A real boolean.
Bool = Annotated[bool, Flag()]
#: Ids that count up from 1.
ProposalId = Annotated[int, UInt(0, U64_MAX, UnknownProposal, "a proposal id")]
StakeId = Annotated[int, UInt(0, U64_MAX, UnknownStake, "a stake id")]
#: An epoch seed.
Seed = Annotated[bytes, ByteString(1, 64)]
#: A chain's value tier and committee size.
Tier = Annotated[int, UInt(0, U32_MAX, InvalidInput, "a tier")]
CommitteeSize = Annotated[int, UInt(1, 1_000, InvalidInput, "a committee size")]
#: Genesis balances of the Assembly ledger (external and reserve accounts; None: the spec's
#: allocation) and of the SMR and IOTA networks (external accounts only).
LedgerGenesis = Annotated[
    Mapping[str, int] | None,
    BalanceMap(frozenset({AccountKind.EXTERNAL, AccountKind.RESERVE}), optional=True),
]
Balances = Annotated[Mapping[str, int], BalanceMap(frozenset({AccountKind.EXTERNAL}))]
#: An exact parameter value.
Exact = Annotated[Fraction | int, ExactNumber()]
