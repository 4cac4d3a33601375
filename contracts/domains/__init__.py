"""Typed domains: the values each argument of a public entry point accepts.

Every argument of every public method is annotated with a domain (``holder: Sender``,
``amount: Amount``, ``epoch: EpochIndex`` …). The entry-point decorators of
:mod:`contracts.transaction` check every argument against its domain **before anything else**,
in two passes:

1. **types**, argument by argument: an ``int`` is an ``int`` and never a ``bool``, a flag is a
   real ``bool``, a name is a ``str``, an option is a member of its enumeration -- a wrong type
   is ``INVALID_INPUT`` (for slashing evidence, ``INVALID_EVIDENCE``);
2. **ranges**, argument by argument: an amount in 1..2^64 − 1 (``INVALID_AMOUNT``), a day,
   epoch or milestone a u32 (``INVALID_DAY``, ``INVALID_MILESTONE``), a commission in basis
   points (``COMMISSION_OUT_OF_BOUNDS``), a sender that is an external account
   (``PROTECTED_ACCOUNT``), a protocol operation's caller that is the system
   (``UNAUTHORIZED``).

Only then do a method's own rules run (the current epoch, a known validator, a sufficient
balance …), in the order its docstring gives. The domains are data, so the docs list them and the
conformance suite draws its bad values from them.

:mod:`.base` defines :class:`Domain` and the name tests, :mod:`.scalars` the domains of one
value, :mod:`.structured` those of structured values, and :mod:`.catalogue` the named domains
the entry points annotate their arguments with.
"""

from __future__ import annotations

from contracts.domains.base import (
    Domain,
    is_external_name,
    is_name,
)
from contracts.domains.catalogue import (
    Amount,
    Balances,
    Bool,
    Caller,
    CommissionBp,
    CommitteeSize,
    DayIndex,
    EpochIndex,
    Exact,
    LedgerGenesis,
    MilestoneIndex,
    Name,
    OptionalMilestone,
    ProposalId,
    Quantity,
    Recipient,
    Seed,
    Sender,
    StakeId,
    Tier,
)
from contracts.domains.scalars import (
    ExactNumber,
    ExternalAccount,
    Flag,
    InstanceOf,
    MemberOf,
    NameDomain,
    OptionalUInt,
    SystemCaller,
    UInt,
    is_exact_number,
)
from contracts.domains.structured import (
    BalanceMap,
    ByteString,
    ByteValues,
    Changes,
    Hex,
)

__all__ = [
    "Amount",
    "BalanceMap",
    "Balances",
    "Bool",
    "ByteString",
    "ByteValues",
    "Caller",
    "Changes",
    "CommissionBp",
    "CommitteeSize",
    "DayIndex",
    "Domain",
    "EpochIndex",
    "Exact",
    "ExactNumber",
    "ExternalAccount",
    "Flag",
    "Hex",
    "InstanceOf",
    "LedgerGenesis",
    "MemberOf",
    "MilestoneIndex",
    "Name",
    "NameDomain",
    "OptionalMilestone",
    "OptionalUInt",
    "ProposalId",
    "Quantity",
    "Recipient",
    "Seed",
    "Sender",
    "StakeId",
    "SystemCaller",
    "Tier",
    "UInt",
    "is_exact_number",
    "is_external_name",
    "is_name",
]
