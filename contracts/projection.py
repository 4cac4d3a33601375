"""Projections of the Assembly network over years, run on the contracts themselves.

A governance what-if does not stop at formulas: it runs the root chain and governance contracts
epoch by epoch for the horizon, with a proposal passing and taking effect at a given epoch, under
a documented default staking behaviour (:class:`StakingAssumptions`). The supply does not depend
on that behaviour (inflation is minted whoever stakes); the staking yield does, and the report
says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Final

from contracts.accounts import COMMUNITY, IOTA_STAKERS, SYSTEM, UNASSIGNED
from contracts.assembly import AssemblyNetwork
from contracts.committees import FeePolicy
from contracts.governance import Option, ProposalStatus
from contracts.ledger import genesis_allocation
from contracts.units import BASIS_POINTS
from spec import assumptions as catalog
from spec import parameters

EPOCHS_PER_YEAR: Final = parameters.integer("ASMB_EPOCHS_PER_YEAR")
#: The fee-charging chain of ASSUME-CHAIN-FEES, and the account its users pay from (its owner).
CHAIN: Final = "chain-0"
CHAIN_USERS: Final = "chain-users"


#: Every assumption at its default (spec/assumptions.py).
DEFAULTS: Final = catalog.defaults()
_DEFAULT_FEES: Final = int(DEFAULTS["ASSUME-CHAIN-FEES"])
_DEFAULT_VALIDATORS: Final = int(DEFAULTS["ASSUME-VALIDATORS"])


@dataclass(frozen=True)
class StakingAssumptions:
    """How holders and chains behave in a projection: the values of the assumptions of
    :mod:`spec.assumptions` (every yield of a projection depends on them; the supply does not)."""

    #: ASSUME-BONDED-SHARE: share of the initial supply bonded at genesis, own bonds included.
    bonded_share: Fraction = DEFAULTS["ASSUME-BONDED-SHARE"]
    #: ASSUME-COMMISSION: every validator's commission.
    commission: Fraction = DEFAULTS["ASSUME-COMMISSION"]
    #: ASSUME-CHAIN-FEES: µASMB of fees chains pay every epoch.
    chain_fees: int = _DEFAULT_FEES
    #: ASSUME-VALIDATORS: how many validators, each with one delegator.
    validators: int = _DEFAULT_VALIDATORS
    #: ASSUME-OWN-BOND-SHARE: the operators' own bonds together, as a share of the bonded stake.
    own_bond_share: Fraction = DEFAULTS["ASSUME-OWN-BOND-SHARE"]

    @classmethod
    def from_values(cls, values: Mapping[str, Fraction]) -> StakingAssumptions:
        """The assumptions with ``values`` (assumption id -> value) replacing the defaults."""
        given = {**catalog.defaults(), **values}
        return cls(
            bonded_share=given["ASSUME-BONDED-SHARE"],
            commission=given["ASSUME-COMMISSION"],
            chain_fees=int(given["ASSUME-CHAIN-FEES"]),
            validators=int(given["ASSUME-VALIDATORS"]),
            own_bond_share=given["ASSUME-OWN-BOND-SHARE"],
        )

    def values(self) -> dict[str, Fraction]:
        """Assumption id -> value."""
        return {
            "ASSUME-BONDED-SHARE": self.bonded_share,
            "ASSUME-COMMISSION": self.commission,
            "ASSUME-CHAIN-FEES": Fraction(self.chain_fees),
            "ASSUME-VALIDATORS": Fraction(self.validators),
            "ASSUME-OWN-BOND-SHARE": self.own_bond_share,
        }

    @property
    def commission_bp(self) -> int:
        return int(self.commission * BASIS_POINTS)

    def bonds(self) -> tuple[int, int]:
        """Each operator's own bond and each delegator's bond, in µASMB."""
        bonded = int(parameters.integer("ASMB_INITIAL_SUPPLY") * self.bonded_share)
        own = int(bonded * self.own_bond_share) // self.validators
        return own, (bonded - self.validators * own) // self.validators

    def problems(self, years: int) -> list[str]:
        """Why a projection of ``years`` cannot run under these values (empty when it can)."""
        found = [
            problem
            for assumption_id, value in self.values().items()
            if (problem := catalog.get(assumption_id).problem(value)) is not None
        ]
        if found:
            return found
        own, delegated = self.bonds()
        minimum = parameters.integer("ASMB_MIN_VALIDATOR_BOND")
        if own < minimum:
            found.append(
                f"each operator would bond {own} µASMB, below ASMB_MIN_VALIDATOR_BOND ({minimum}): "
                "raise ASSUME-BONDED-SHARE or ASSUME-OWN-BOND-SHARE, or lower ASSUME-VALIDATORS"
            )
        if delegated <= 0:
            found.append("the delegators would bond nothing: lower ASSUME-OWN-BOND-SHARE")
        low, high = parameters.ratio("ASMB_MIN_COMMISSION"), parameters.ratio("ASMB_MAX_COMMISSION")
        if not low <= self.commission <= high:
            found.append(
                f"ASSUME-COMMISSION = {self.commission}: outside the commissions validators may "
                f"set, ASMB_MIN_COMMISSION to ASMB_MAX_COMMISSION ({low} to {high})"
            )
        fees = self.chain_fees * years * EPOCHS_PER_YEAR
        needed = self.validators * (own + delegated) + parameters.integer("GOV_MIN_DEPOSIT")
        reserves = sum(genesis_allocation()[reserve] for reserve in FUNDING)
        if needed + fees > reserves:
            found.append(
                f"the holders' stake, the proposal's deposit and {years} years of chain fees "
                f"({needed + fees} µASMB) exceed the genesis reserves that fund them "
                f"({reserves} µASMB): lower ASSUME-BONDED-SHARE or ASSUME-CHAIN-FEES"
            )
        return found

    def describe(self) -> list[str]:
        own, _ = self.bonds()
        lines = [
            f"{self.validators} validators, each with a commission of {self.commission_bp} bp, "
            "always operational, never slashed",
            f"{self.bonded_share * 100} % of the initial supply bonded at genesis: each validator "
            f"bonds {Fraction(own, parameters.integer('ASMB_INITIAL_SUPPLY')) * 100} % of the "
            "supply itself, one delegator per validator bonds the rest evenly, funded from the "
            "community allocation (then, beyond it, from the IOTA stakers' and the unassigned "
            "reserves)",
            "at the end of every year every delegator and operator claims its rewards and bonds "
            "them again, and operators bond their commission",
        ]
        if self.chain_fees:
            lines.append(
                f"one chain charges fees, {self.chain_fees} µASMB every epoch from epoch 1, its "
                "committee every validator; its users are funded from the genesis reserves"
            )
        else:
            lines.append("no chain fees (every chain runs with zero fees)")
        lines.append(
            "the proposal is submitted with the minimum deposit so that it activates at the "
            "requested epoch, and every bonded holder votes yes"
        )
        return lines


@dataclass(frozen=True)
class YearRow:
    year: int
    supply: int
    minted: int
    bonded: int
    delegator_rewards: int
    delegator_bonded_at_start: int
    #: Rewards and commission every staker (delegators and operators) claimed in the year.
    staker_rewards: int = 0
    staker_bonded_at_start: int = 0
    #: The community pool's balance at the end of the year.
    community: int = 0

    @property
    def staking_yield(self) -> Fraction:
        """The delegators' yield, after commission."""
        if self.delegator_bonded_at_start == 0:
            return Fraction(0)
        return Fraction(self.delegator_rewards, self.delegator_bonded_at_start)

    @property
    def staker_yield(self) -> Fraction:
        """Every staker's yield: rewards and commission over all bonded stake."""
        if self.staker_bonded_at_start == 0:
            return Fraction(0)
        return Fraction(self.staker_rewards, self.staker_bonded_at_start)


@dataclass(frozen=True)
class Projection:
    rows: tuple[YearRow, ...]
    proposal_status: str | None
    applied: dict[str, Fraction] = field(default_factory=dict)


#: The genesis reserves that fund a projection's stakers, in this order (its chain users' fees
#: in the reverse order: the unassigned reserve first, so that fees leave the community pool alone
#: while they can).
FUNDING: Final = (COMMUNITY, IOTA_STAKERS, UNASSIGNED)


def _fund(balances: dict[str, int], amount: int, order: tuple[str, ...]) -> None:
    """Take ``amount`` from the reserves in ``order``, each emptied before the next."""
    for reserve in order:
        taken = min(amount, balances[reserve])
        balances[reserve] -= taken
        amount -= taken
    if amount:
        raise ValueError(f"the genesis reserves are {amount} µASMB short of the holders' funds")


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
    n = assumptions.validators
    own, delegated = assumptions.bonds()
    deposit = parameters.integer("GOV_MIN_DEPOSIT")
    balances = genesis_allocation()
    holders = {f"op-{k}": own for k in range(n)} | {f"del-{k}": delegated for k in range(n)}
    holders["proposer"] = deposit
    _fund(balances, sum(holders.values()), FUNDING)
    fees = assumptions.chain_fees
    if fees:
        holders[CHAIN_USERS] = fees * years * EPOCHS_PER_YEAR
        _fund(balances, holders[CHAIN_USERS], FUNDING[::-1])
    network = AssemblyNetwork({**balances, **holders})
    for k in range(n):
        network.chain.register_validator(
            f"op-{k}", f"v-{k}", own, assumptions.commission_bp, True, 0
        )
        network.chain.delegate(f"del-{k}", f"v-{k}", delegated, 0)
    if fees:
        network.chain.register_chain(CHAIN_USERS, CHAIN, 1, n, FeePolicy.FEES, 0)
    voting = network.params.integer("GOV_VOTING_EPOCHS")
    delay = network.params.integer("GOV_ACTIVATION_DELAY_EPOCHS")
    submit_at = from_epoch - delay - voting + 1 if changes else None
    proposal_id: int | None = None
    rows: list[YearRow] = []
    stakers = [f"del-{k}" for k in range(n)] + [f"op-{k}" for k in range(n)]
    bonded_start = n * delegated
    staked_start = n * (own + delegated)
    minted_start = network.ledger.minted
    rewards = staker_rewards = 0
    for epoch in range(years * EPOCHS_PER_YEAR):
        if submit_at is not None and epoch == submit_at:
            proposal_id = network.governance.submit("proposer", changes, deposit, epoch)
            for k in range(n):
                network.governance.vote(f"op-{k}", proposal_id, Option.YES, epoch)
                network.governance.vote(f"del-{k}", proposal_id, Option.YES, epoch)
        if fees and epoch > 0:
            network.chain.pay_fees(CHAIN_USERS, CHAIN, fees, epoch)
        if epoch % EPOCHS_PER_YEAR == EPOCHS_PER_YEAR - 1:
            for k in range(n):
                paid = network.chain.claim_rewards(f"del-{k}", f"v-{k}", epoch)
                rewards += paid
                staker_rewards += paid
                if paid:
                    network.chain.delegate(f"del-{k}", f"v-{k}", paid, epoch)
                network.chain.claim_rewards(f"op-{k}", f"v-{k}", epoch)
                liquid = network.ledger.balance(f"op-{k}")  # rewards and commission
                staker_rewards += liquid
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
                    staker_rewards,
                    staked_start,
                    network.ledger.balance(COMMUNITY),
                )
            )
            minted_start = network.ledger.minted
            rewards = staker_rewards = 0
            bonded_start = sum(network.chain.bonded_value(f"del-{k}") for k in range(n))
            staked_start = sum(network.chain.bonded_value(holder) for holder in stakers)
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
