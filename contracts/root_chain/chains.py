"""Smart-contract chains on the root chain: registration, fees, and the start of an epoch --
rotations and the committee draw of :mod:`contracts.committees` (COMMITTEE-01)."""

from __future__ import annotations

from contracts.accounts import REWARDS_POOL
from contracts.committees import Chain, FeePolicy, draw_committees, seeded_uniform
from contracts.domains import Amount, Caller, CommitteeSize, EpochIndex, Name, Seed, Sender, Tier
from contracts.errors import DuplicateChain, FeesNotAccepted, UnknownChain
from contracts.root_chain.base import ChainState
from contracts.root_chain.records import Policy, Status
from contracts.transaction import transaction


class Chains(ChainState):
    """Chains, their fees, and the committees drawn for them at the start of each epoch."""

    @transaction
    def register_chain(
        self,
        owner: Sender,
        chain_id: Name,
        tier: Tier,
        committee_size: CommitteeSize,
        fee_policy: Policy,
        epoch: EpochIndex,
    ) -> None:
        """Register a smart-contract chain; it gets a committee from the next epoch's draw.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY`` or
        ``DUPLICATE_CHAIN``.
        """
        self._at(epoch)
        if chain_id in self.chains:
            raise DuplicateChain(f"chain {chain_id!r} is already registered")
        self.chains[chain_id] = Chain(chain_id, owner, tier, committee_size, fee_policy)

    @transaction
    def pay_fees(self, payer: Sender, chain_id: Name, amount: Amount, epoch: EpochIndex) -> None:
        """Pay a chain's execution fees; its committee shares them at the end of the epoch.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_AMOUNT``, ``INVALID_DAY``,
        ``UNKNOWN_CHAIN``, ``FEES_NOT_ACCEPTED`` or ``INSUFFICIENT_BALANCE``.
        """
        self._at(epoch)
        chain = self.chains.get(chain_id)
        if chain is None:
            raise UnknownChain(f"no chain {chain_id!r}")
        if chain.fee_policy is FeePolicy.ZERO_FEES:
            raise FeesNotAccepted(f"chain {chain_id!r} runs with zero fees")
        moves = self.ledger.moves().transfer(payer, REWARDS_POOL, amount)
        moves.commit()
        self.fees[chain_id] += amount
        self.fees_paid += amount

    def apply_begin_epoch(self, seed: bytes) -> None:
        """Rotate out validators below the minimum bond, then draw committees (COMMITTEE-01).

        An active validator whose operator bond is below the minimum in force (governance may
        have raised it) is made to exit, as IOTA's validator set removes low-stake validators at
        the epoch change.
        """
        minimum = self.params.integer("ASMB_MIN_VALIDATOR_BOND")
        for validator in self.validators.values():
            if validator.status is Status.ACTIVE and self.operator_bond(validator) < minimum:
                validator.status = Status.EXITING
                validator.exit_epoch = self.epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")
        self.committees = draw_committees(
            list(self.chains.values()),
            self.compute_eligible_weights(),
            seeded_uniform(seed, self.epoch),
        )

    @transaction
    def begin_epoch(self, caller: Caller, seed: Seed) -> None:
        """Begin the epoch: rotations and the committee draw. The system's call.

        Raises ``INVALID_INPUT`` or ``UNAUTHORIZED``.
        """
        self.apply_begin_epoch(seed)
