"""Every contract's table, by name, in the order the vectors and the implementers page use."""

from __future__ import annotations

from contracts.conformance.api.assembly import ASSEMBLY
from contracts.conformance.api.iota import IOTA
from contracts.conformance.api.model import ContractApi
from contracts.conformance.api.participation import BALLOT, STAKING
from contracts.conformance.api.rewards import ACCUMULATOR, POSTLAUNCH, SMR

CONTRACTS: dict[str, ContractApi] = {
    api.name: api for api in (STAKING, BALLOT, ACCUMULATOR, POSTLAUNCH, SMR, ASSEMBLY, IOTA)
}
