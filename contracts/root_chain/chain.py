"""The root chain, assembled from its rule families, with its queries and its state."""

from __future__ import annotations

from typing import Any

from contracts.domains import Name
from contracts.root_chain.chains import Chains
from contracts.root_chain.delegation import Delegation
from contracts.root_chain.records import Status
from contracts.root_chain.rewards import Rewards
from contracts.root_chain.slashing import Slashing
from contracts.transaction import query
from contracts.units import MicroAsmb


class RootChain(Delegation, Rewards, Slashing, Chains):
    """Validators, delegations, committees, epoch rewards and slashing."""

    @query
    def bonded_value(self, holder: Name) -> MicroAsmb:
        """Tokens ``holder``'s shares in active pools are worth (its voting power)."""
        return self.voting_power(holder)

    def voting_power(self, holder: str) -> MicroAsmb:
        """Tokens ``holder``'s shares in active pools are worth (unchecked, for governance)."""
        total = 0
        for vid in self.delegated_to.get(holder, ()):
            validator = self.validators[vid]
            if validator.status is Status.ACTIVE and holder in validator.rewards.positions:
                total += validator.value_of(validator.shares_of(holder))
        return total

    @query
    def total_bonded(self) -> MicroAsmb:
        return self.compute_total_bonded()

    def compute_total_bonded(self) -> MicroAsmb:
        return sum(v.tokens for v in self.validators.values() if v.status is Status.ACTIVE)

    def state(self) -> dict[str, Any]:
        """The root chain's part of the network's normative state."""
        return {
            "epoch": self.epoch,
            "provision": {
                "epochInYear": self.provision.epoch_in_year,
                "yearBase": self.provision.year_base,
                "cumulative": self.provision.cumulative,
            },
            "validators": {
                vid: {
                    "operator": v.operator,
                    "operational": v.operational,
                    "status": v.status.value,
                    "registeredEpoch": v.registered_epoch,
                    "commissionBp": v.commission_bp,
                    "nextCommissionBp": v.next_commission_bp,
                    "exitEpoch": v.exit_epoch,
                    "tokens": v.tokens,
                    "shares": v.shares,
                    "rewards": v.rewards.state(),
                }
                for vid, v in sorted(self.validators.items())
            },
            "unbonding": [
                [e.owner, e.validator_id, e.amount, e.created_epoch, e.matures_epoch]
                for e in self.unbonding
            ],
            "chains": {cid: c.to_json() for cid, c in sorted(self.chains.items())},
            "committees": {cid: list(m) for cid, m in sorted(self.committees.items())},
            "fees": {cid: f for cid, f in sorted(self.fees.items()) if f},
            "usedEvidence": sorted(self.used_evidence),
        }
