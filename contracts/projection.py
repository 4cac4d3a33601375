"""Projections of the Assembly network over years, run on the contracts themselves.

A governance what-if does not stop at formulas: it runs the root chain and governance contracts
epoch by epoch for the horizon, with a proposal passing and taking effect at a given epoch, under
a documented default staking behaviour (:class:`StakingAssumptions`). The supply does not depend
on that behaviour (inflation is minted whoever stakes); the staking yield does, and the report
says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Final

from contracts.accounts import COMMUNITY, SYSTEM
from contracts.assembly import AssemblyNetwork
from contracts.governance import Option, ProposalStatus
from contracts.ledger import genesis_allocation
from spec import parameters

EPOCHS_PER_YEAR: Final = parameters.integer("ASMB_EPOCHS_PER_YEAR")


@dataclass(frozen=True)
class StakingAssumptions:
    """The default staking behaviour of a projection (every figure of it depends on these)."""

    validators: int = 10
    commission_bp: int = 500
    #: Share of the initial supply bonded at genesis (validators' own bonds included).
    bonded_share: Fraction = Fraction(1, 2)
    #: Each validator's own bond, as a share of the initial supply.
    self_bond_share: Fraction = Fraction(1, 100)

    def describe(self) -> list[str]:
        return [
            f"{self.validators} validators, each with a commission of {self.commission_bp} bp, "
            "always operational, never slashed",
            f"{self.bonded_share * 100} % of the initial supply bonded at genesis: each validator "
            f"bonds {self.self_bond_share * 100} % itself, one delegator per validator bonds the "
            "rest evenly, all funded from the community allocation",
            "at the end of every year every delegator and operator claims its rewards and bonds "
            "them again, and operators bond their commission",
            "no chain fees (every chain runs with zero fees)",
            "the proposal is submitted with the minimum deposit so that it activates at the "
            "requested epoch, and every bonded holder votes yes",
        ]


@dataclass(frozen=True)
class YearRow:
    year: int
    supply: int
    minted: int
    bonded: int
    delegator_rewards: int
    delegator_bonded_at_start: int

    @property
    def staking_yield(self) -> Fraction:
        if self.delegator_bonded_at_start == 0:
            return Fraction(0)
        return Fraction(self.delegator_rewards, self.delegator_bonded_at_start)


@dataclass(frozen=True)
class Projection:
    rows: tuple[YearRow, ...]
    proposal_status: str | None
    applied: dict[str, Fraction] = field(default_factory=dict)


def _seed(epoch: int) -> bytes:
    return hashlib.sha256(b"asmb-projection" + epoch.to_bytes(8, "big")).digest()


def earliest_activation() -> int:
    """The first epoch a proposal submitted after genesis can take effect."""
    voting = parameters.integer("GOV_VOTING_EPOCHS")
    delay = parameters.integer("GOV_ACTIVATION_DELAY_EPOCHS")
    return 1 + voting - 1 + delay


def project(
    changes: dict[str, Fraction],
    from_epoch: int,
    years: int,
    assumptions: StakingAssumptions = StakingAssumptions(),
) -> Projection:
    """Run the network for ``years``; ``changes`` pass governance, applying at ``from_epoch``."""
    supply = parameters.integer("ASMB_INITIAL_SUPPLY")
    n = assumptions.validators
    own = int(supply * assumptions.self_bond_share)
    delegated = (int(supply * assumptions.bonded_share) - n * own) // n
    deposit = parameters.integer("GOV_MIN_DEPOSIT")
    balances = genesis_allocation()
    holders = {f"op-{k}": own for k in range(n)} | {f"del-{k}": delegated for k in range(n)}
    holders["proposer"] = deposit
    balances[COMMUNITY] -= sum(holders.values())
    network = AssemblyNetwork({**balances, **holders})
    for k in range(n):
        network.chain.register_validator(
            f"op-{k}", f"v-{k}", own, assumptions.commission_bp, True, 0
        )
        network.chain.delegate(f"del-{k}", f"v-{k}", delegated, 0)
    voting = network.params.integer("GOV_VOTING_EPOCHS")
    delay = network.params.integer("GOV_ACTIVATION_DELAY_EPOCHS")
    submit_at = from_epoch - delay - voting + 1 if changes else None
    proposal_id: int | None = None
    rows: list[YearRow] = []
    bonded_start = n * delegated
    minted_start = network.ledger.minted
    rewards = 0
    for epoch in range(years * EPOCHS_PER_YEAR):
        if submit_at is not None and epoch == submit_at:
            proposal_id = network.governance.submit("proposer", changes, deposit, epoch)
            for k in range(n):
                network.governance.vote(f"op-{k}", proposal_id, Option.YES, epoch)
                network.governance.vote(f"del-{k}", proposal_id, Option.YES, epoch)
        if epoch % EPOCHS_PER_YEAR == EPOCHS_PER_YEAR - 1:
            for k in range(n):
                paid = network.chain.claim_rewards(f"del-{k}", f"v-{k}", epoch)
                rewards += paid
                if paid:
                    network.chain.delegate(f"del-{k}", f"v-{k}", paid, epoch)
                network.chain.claim_rewards(f"op-{k}", f"v-{k}", epoch)
                liquid = network.ledger.balance(f"op-{k}")  # rewards and commission
                if liquid:
                    network.chain.delegate(f"op-{k}", f"v-{k}", liquid, epoch)
        network.advance_epoch(SYSTEM, _seed(epoch + 1))
        if (epoch + 1) % EPOCHS_PER_YEAR == 0:
            rows.append(
                YearRow(
                    (epoch + 1) // EPOCHS_PER_YEAR,
                    network.ledger.supply(),
                    network.ledger.minted - minted_start,
                    network.chain.total_bonded(),
                    rewards,
                    bonded_start,
                )
            )
            minted_start = network.ledger.minted
            rewards = 0
            bonded_start = sum(network.chain.bonded_value(f"del-{k}") for k in range(n))
    status = None
    if proposal_id is not None:
        status = network.governance.proposals[proposal_id].status.value
    applied = {
        pid: network.params.get(pid)
        for pid in changes
        if proposal_id is not None
        and network.governance.proposals[proposal_id].status is ProposalStatus.EXECUTED
    }
    return Projection(tuple(rows), status, applied)
