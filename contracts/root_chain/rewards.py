"""Epoch rewards: the inflation and fees split among eligible validators, commission, and the
pools' holders' claims (ROOT-REWARD-01, ROOT-REWARD-02)."""

from __future__ import annotations

from collections import defaultdict

from contracts.accounts import COMMUNITY, INFLATION_AUTHORITY, REWARDS_POOL
from contracts.domains import Caller, EpochIndex, Name, Sender
from contracts.errors import UnknownHolder
from contracts.ledger import LedgerMoves
from contracts.root_chain.base import ChainState
from contracts.root_chain.records import EpochEnd
from contracts.transaction import query, transaction
from contracts.units import BASIS_POINTS, MicroAsmb


class Rewards(ChainState):
    """The end of an epoch: the mint and its split, and claims of what the pools earned."""

    @transaction
    def claim_rewards(self, holder: Sender, validator_id: Name, epoch: EpochIndex) -> MicroAsmb:
        """Pay ``holder`` its whole µASMB of rewards from one validator's pool.

        Raises ``INVALID_INPUT``, ``PROTECTED_ACCOUNT``, ``INVALID_DAY``, ``UNKNOWN_VALIDATOR``
        or ``UNKNOWN_HOLDER``.
        """
        self._at(epoch)
        validator = self._validator(validator_id)
        if holder not in validator.rewards.positions:
            raise UnknownHolder(f"{holder!r} has no stake with {validator_id!r}")
        moves = self.ledger.moves().transfer(REWARDS_POOL, holder, validator.rewards.owed(holder))
        paid = validator.rewards.apply_claim(holder)
        moves.commit()
        return paid

    @query
    def eligible_weights(self) -> dict[str, MicroAsmb]:
        """Stake of every validator eligible for rewards and committees this epoch."""
        return self.compute_eligible_weights()

    def _split(self, amount: MicroAsmb, weights: dict[str, MicroAsmb]) -> dict[str, MicroAsmb]:
        total = sum(weights.values())
        if total == 0:
            return {}
        return {vid: amount * weight // total for vid, weight in weights.items()}

    def check_end_epoch(self, moves: LedgerMoves) -> EpochEnd:
        """What ending the epoch will do: the mint, each validator's reward and commission, the
        community's remainder -- its ledger moves staged on ``moves``. Writes nothing; raises
        ``WIDTH_EXCEEDED`` when the mint would take the supply past 2⁶⁴ − 1."""
        weights = self.compute_eligible_weights()
        rate_bp = self.params.basis_points("ASMB_INFLATION_RATE")
        supply = self.ledger.supply()
        mint = self.provision.next_mint(supply, rate_bp)
        moves.mint(INFLATION_AUTHORITY, REWARDS_POOL, mint)
        rewards = self._split(mint, weights)
        for chain_id, fees in sorted(self.fees.items()):
            members = {v: weights[v] for v in self.committees.get(chain_id, []) if v in weights}
            for vid, share in self._split(fees, members).items():
                rewards[vid] = rewards.get(vid, 0) + share
        payouts = []
        paid = 0
        for vid, reward in sorted(rewards.items()):
            validator = self.validators[vid]
            commission = reward * validator.commission_bp // BASIS_POINTS
            moves.transfer(REWARDS_POOL, validator.operator, commission)
            validator.rewards.check_distribute(reward - commission)
            payouts.append((vid, commission, reward - commission))
            paid += reward
        remainder = mint + sum(self.fees.values()) - paid
        moves.transfer(REWARDS_POOL, COMMUNITY, remainder)
        return EpochEnd(supply, rate_bp, mint, tuple(payouts), paid, remainder)

    def apply_end_epoch(self, end: EpochEnd) -> None:
        """Write what :meth:`check_end_epoch` computed (the caller commits its ledger moves).

        Then apply pending commission changes and let this epoch's new stake start earning.
        Costs O(validators + chains + seats), whatever the number of delegators.
        """
        self.provision.mint_for_epoch(end.supply, end.rate_bp)
        self.minted_rewards += end.mint
        for vid, commission, shared in end.payouts:
            self.commission_paid += commission
            self.validators[vid].rewards.apply_distribute(shared)
        self.rewards_to_community += end.remainder
        self.to_community += end.remainder
        self.fees = defaultdict(int)
        for validator in self.validators.values():
            if validator.next_commission_bp is not None:
                validator.commission_bp = validator.next_commission_bp
                validator.next_commission_bp = None
            validator.rewards.apply_close_periods(1)
        self.epoch += 1

    @transaction
    def end_epoch(self, caller: Caller) -> None:
        """Mint the epoch's inflation and pay it and the fees to validators and delegators.

        The system's call. Raises ``INVALID_INPUT``, ``UNAUTHORIZED`` or ``WIDTH_EXCEEDED``.
        """
        moves = self.ledger.moves()
        end = self.check_end_epoch(moves)
        self.apply_end_epoch(end)
        moves.commit()
