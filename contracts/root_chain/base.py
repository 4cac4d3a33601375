"""The root chain's state, and the checks and helpers its rule families share."""

from __future__ import annotations

from collections import defaultdict

from contracts.accounts import BONDED_POOL
from contracts.committees import Chain
from contracts.errors import (
    CommissionOutOfBounds,
    InvalidAmount,
    InvalidDay,
    Unauthorized,
    UnknownValidator,
    WidthExceeded,
)
from contracts.inflation import YearlyProvision
from contracts.ledger import Ledger, LedgerMoves
from contracts.params import ParameterStore
from contracts.root_chain.records import EPOCHS_PER_YEAR, Status, UnbondingEntry, Validator
from contracts.units import U64_MAX, Epoch, MicroAsmb


class ChainState:
    """What the root chain holds; every rule family (a mixin of :class:`RootChain`) extends it."""

    def __init__(self, ledger: Ledger, params: ParameterStore) -> None:
        self.ledger = ledger
        self.params = params
        self.epoch: Epoch = 0
        self.validators: dict[str, Validator] = {}
        self.operators: dict[str, str] = {}
        self.unbonding: list[UnbondingEntry] = []
        self.chains: dict[str, Chain] = {}
        self.committees: dict[str, list[str]] = {}
        self.fees: dict[str, MicroAsmb] = defaultdict(int)
        self.used_evidence: set[str] = set()
        #: (evidence id, burned from the pool, burned from unbonding entries) per slash.
        self.slash_log: list[tuple[str, MicroAsmb, MicroAsmb]] = []
        self.provision = YearlyProvision(EPOCHS_PER_YEAR)
        self.delegated_to: dict[str, set[str]] = defaultdict(set)
        #: Totals for the invariant checkers and reports.
        self.minted_rewards: MicroAsmb = 0
        self.slashed: MicroAsmb = 0
        self.commission_paid: MicroAsmb = 0
        self.fees_paid: MicroAsmb = 0
        self.rewards_to_community: MicroAsmb = 0
        self.to_community: MicroAsmb = 0

    # ------------------------------------------------------------------ checks

    def _at(self, epoch: Epoch) -> None:
        if epoch != self.epoch:
            raise InvalidDay(f"epoch {epoch} is not the current epoch {self.epoch}", epoch=epoch)

    def _validator(self, validator_id: str) -> Validator:
        validator = self.validators.get(validator_id)
        if validator is None:
            raise UnknownValidator(f"no validator {validator_id!r}", validator=validator_id)
        return validator

    def _operated(self, caller: str, validator_id: str) -> Validator:
        validator = self._validator(validator_id)
        if validator.operator != caller:
            raise Unauthorized(f"{caller!r} does not operate {validator_id!r}", caller=caller)
        return validator

    def _commission(self, rate_bp: int) -> None:
        low = self.params.basis_points("ASMB_MIN_COMMISSION")
        high = self.params.basis_points("ASMB_MAX_COMMISSION")
        if not low <= rate_bp <= high:
            raise CommissionOutOfBounds(
                f"commission {rate_bp} bp is outside {low}..{high} bp", rate=rate_bp
            )

    def _check_bond(self, validator: Validator, holder: str, amount: MicroAsmb) -> LedgerMoves:
        """The checks of bonding ``amount``: ``holder`` can pay, it buys a share, the pool's
        shares stay within 64 bits. Returns the staged ledger move.

        A pool that accepts stake was never slashed (a slash rotates its validator out), so a
        share is worth one µASMB and neither of the first two checks can fail; they keep the
        promise of 64-bit widths should that rule change, and no operation documents them.
        """
        moves = self.ledger.moves().transfer(holder, BONDED_POOL, amount)
        shares = validator.shares_for(amount)
        if shares == 0:
            raise InvalidAmount(f"{amount} buys no share of {validator.validator_id!r}'s pool")
        if validator.shares + shares > U64_MAX:
            raise WidthExceeded(f"{validator.validator_id!r}'s shares would pass 2^64 − 1")
        return moves

    def _apply_bond(
        self, validator: Validator, holder: str, amount: MicroAsmb, moves: LedgerMoves
    ) -> None:
        shares = validator.shares_for(amount)
        moves.commit()
        validator.tokens += amount
        validator.shares += shares
        validator.rewards.apply_stake(holder, shares)
        self.delegated_to[holder].add(validator.validator_id)

    # ------------------------------------------------------------------ shared queries

    def compute_eligible_weights(self) -> dict[str, MicroAsmb]:
        weights = {}
        for vid, validator in self.validators.items():
            if validator.status is Status.ACTIVE and validator.operational:
                weight = validator.active_weight()
                if weight > 0:
                    weights[vid] = weight
        return weights

    @staticmethod
    def operator_bond(validator: Validator) -> MicroAsmb:
        """What the operator's own shares of its pool are worth."""
        if validator.operator not in validator.rewards.positions:
            return 0
        return validator.value_of(validator.shares_of(validator.operator))
