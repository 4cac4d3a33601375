"""Slashing with validated evidence: the burn of bonded and unbonding stake (ROOT-SLASH-01)."""

from __future__ import annotations

from contracts.accounts import BONDED_POOL, SLASHING_AUTHORITY, UNBONDING_POOL
from contracts.domains import Caller, EpochIndex
from contracts.errors import InvalidEvidence
from contracts.root_chain.base import ChainState
from contracts.root_chain.records import SlashEvidence, Status, UnbondingEntry
from contracts.transaction import transaction
from contracts.units import MicroAsmb


class Slashing(ChainState):
    """Slashes, with evidence the Main Assembly has validated."""

    @transaction
    def slash(self, caller: Caller, evidence: SlashEvidence, epoch: EpochIndex) -> MicroAsmb:
        """Slash and burn the severity's fraction of a validator's bonded and unbonding stake.

        The system submits evidence the Main Assembly has validated. Raises ``INVALID_INPUT``,
        ``UNAUTHORIZED`` (a caller other than the system), ``INVALID_EVIDENCE`` (missing,
        malformed, reused, from the future or older than the unbonding period, or before the
        validator existed), ``INVALID_DAY`` or ``UNKNOWN_VALIDATOR``. Returns the amount burned.
        """
        problem = evidence.problem()
        if problem is not None:
            raise InvalidEvidence(f"slashing evidence: {problem}")
        self._at(epoch)
        if evidence.evidence_id in self.used_evidence:
            raise InvalidEvidence(f"evidence {evidence.evidence_id!r} was already used")
        validator = self._validator(evidence.validator_id)
        oldest = max(epoch - self.params.integer("ASMB_UNBONDING_EPOCHS"), 0)
        earliest = max(oldest, validator.registered_epoch)
        if not earliest <= evidence.offence_epoch <= epoch:
            raise InvalidEvidence(
                f"offence epoch {evidence.offence_epoch} is outside {earliest}..{epoch}"
            )
        fraction = self.params.get(evidence.severity.value)
        from_pool = int(validator.tokens * fraction)
        entries = []
        from_unbonding = 0
        for entry in self.unbonding:
            if (
                entry.validator_id == validator.validator_id
                and entry.created_epoch >= evidence.offence_epoch
            ):
                cut = int(entry.amount * fraction)
                from_unbonding += cut
                entry = UnbondingEntry(
                    entry.owner,
                    entry.validator_id,
                    entry.amount - cut,
                    entry.created_epoch,
                    entry.matures_epoch,
                )
            entries.append(entry)
        moves = self.ledger.moves()
        moves.burn(SLASHING_AUTHORITY, BONDED_POOL, from_pool)
        moves.burn(SLASHING_AUTHORITY, UNBONDING_POOL, from_unbonding)
        # Effects.
        self.used_evidence.add(evidence.evidence_id)
        self.slash_log.append((evidence.evidence_id, from_pool, from_unbonding))
        self.unbonding = entries
        validator.tokens -= from_pool
        moves.commit()
        if fraction == 1:
            validator.status = Status.TOMBSTONED
            validator.exit_epoch = epoch
        elif validator.status is Status.ACTIVE:
            # "Misbehavior ... leads to stake slashing and the rotation of the validator."
            validator.status = Status.EXITING
            validator.exit_epoch = epoch + self.params.integer("ASMB_UNBONDING_EPOCHS")
        self.slashed += from_pool + from_unbonding
        return from_pool + from_unbonding
