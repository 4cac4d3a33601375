"""Checkers of the root chain's state invariants (:mod:`contracts.invariants`)."""

from __future__ import annotations

from contracts.accounts import BONDED_POOL, REWARDS_POOL, SLASHING_AUTHORITY, UNBONDING_POOL
from contracts.invariants import checker
from contracts.root_chain.chain import RootChain
from contracts.root_chain.records import Status
from contracts.units import BASIS_POINTS, U64_MAX


@checker("ROOT-BOND-01", RootChain)
def _check_module_accounts(chain: RootChain) -> list[str]:
    """The module accounts hold exactly what the contract's records say."""
    problems = []
    bonded = sum(v.tokens for v in chain.validators.values())
    if chain.ledger.balance(BONDED_POOL) != bonded:
        problems.append(f"bonded pool {chain.ledger.balance(BONDED_POOL)} ≠ Σ pools {bonded}")
    unbonding = sum(e.amount for e in chain.unbonding)
    if chain.ledger.balance(UNBONDING_POOL) != unbonding:
        problems.append(f"unbonding pool ≠ Σ entries {unbonding}")
    owed = sum(v.rewards.offered - v.rewards.claimed for v in chain.validators.values())
    expected = owed + sum(chain.fees.values())
    if chain.ledger.balance(REWARDS_POOL) != expected:
        problems.append(f"rewards pool {chain.ledger.balance(REWARDS_POOL)} ≠ owed {expected}")
    for vid, v in chain.validators.items():
        if v.rewards.total_active + v.rewards.total_pending != v.shares:
            problems.append(f"{vid}: accumulator shares ≠ pool shares")
        if v.shares == 0 and v.tokens:
            problems.append(f"{vid}: tokens without shares")
    return problems


@checker("WIDTH-02", RootChain)
def _check_widths(chain: RootChain) -> list[str]:
    """Pools, shares, unbonding entries and fees fit in 64 bits."""
    problems = [
        f"{vid}: tokens {v.tokens} or shares {v.shares} do not fit in 64 bits"
        for vid, v in chain.validators.items()
        if not 0 <= v.tokens <= U64_MAX or not 0 <= v.shares <= U64_MAX
    ]
    problems += [
        f"unbonding entry {e} does not fit in 64 bits"
        for e in chain.unbonding
        if not 0 <= e.amount <= U64_MAX
    ]
    problems += [
        f"{cid}: fees {f} do not fit in 64 bits"
        for cid, f in chain.fees.items()
        if not 0 <= f <= U64_MAX
    ]
    return problems


@checker("ROOT-REWARD-01", RootChain)
def _check_reward_flow(chain: RootChain) -> list[str]:
    """Everything minted or paid as fees went to a validator pool, a commission or the community."""
    into = chain.minted_rewards + chain.fees_paid
    out = (
        sum(v.rewards.offered for v in chain.validators.values())
        + chain.commission_paid
        + chain.rewards_to_community
        + sum(chain.fees.values())
    )
    return [] if into == out else [f"rewards in {into} ≠ rewards out {out}"]


@checker("ROOT-SLASH-01", RootChain)
def _check_slashes_burned(chain: RootChain) -> list[str]:
    """Every slashed µASMB was burned by the slashing authority, once per evidence."""
    logged = sum(pool + unbonding for _, pool, unbonding in chain.slash_log)
    problems = []
    if logged != chain.slashed:
        problems.append(f"slash log {logged} ≠ slashed total {chain.slashed}")
    if chain.ledger.burned_by.get(SLASHING_AUTHORITY, 0) != chain.slashed:
        problems.append("the slashing authority burned a different amount than was slashed")
    if len({e for e, _, _ in chain.slash_log}) != len(chain.slash_log):
        problems.append("an evidence was used twice")
    return problems


@checker("ROOT-UNBOND-01", RootChain)
def _check_unbonding(chain: RootChain) -> list[str]:
    problems = []
    for entry in chain.unbonding:
        if entry.matures_epoch <= entry.created_epoch or entry.amount < 0:
            problems.append(f"unbonding entry {entry} is malformed")
        if entry.validator_id not in chain.validators:
            problems.append(f"unbonding entry of an unknown validator {entry.validator_id}")
    for vid, v in chain.validators.items():
        if v.status is not Status.ACTIVE and v.exit_epoch is None:
            problems.append(f"{vid}: not active but no exit epoch")
        if v.status is not Status.ACTIVE and vid in chain.compute_eligible_weights():
            problems.append(f"{vid}: exiting or tombstoned but still eligible for rewards")
    return problems


@checker("ROOT-BOND-02", RootChain)
def _check_minimum_bond(chain: RootChain) -> list[str]:
    """Every active validator's operator bond is at least the minimum bond."""
    minimum = chain.params.integer("ASMB_MIN_VALIDATOR_BOND")
    return [
        f"{vid}: operator bond {chain.operator_bond(v)} below the minimum {minimum}"
        for vid, v in chain.validators.items()
        if v.status is Status.ACTIVE and chain.operator_bond(v) < minimum
    ]


@checker("ROOT-COMMISSION-01", RootChain)
def _check_commission(chain: RootChain) -> list[str]:
    low = chain.params.basis_points("ASMB_MIN_COMMISSION")
    high = chain.params.basis_points("ASMB_MAX_COMMISSION")
    problems = []
    for vid, v in chain.validators.items():
        for rate in (v.commission_bp, v.next_commission_bp):
            if rate is not None and not 0 <= rate <= BASIS_POINTS:
                problems.append(f"{vid}: commission {rate} bp is not a rate")
        if v.next_commission_bp is not None and not low <= v.next_commission_bp <= high:
            problems.append(f"{vid}: next commission outside the bounds")
    return problems


@checker("COMMITTEE-01", RootChain)
def _check_committees(chain: RootChain) -> list[str]:
    problems = []
    seated: set[str] = set()
    for chain_id, members in chain.committees.items():
        if chain_id not in chain.chains:
            problems.append(f"committee for an unknown chain {chain_id}")
            continue
        if len(members) > chain.chains[chain_id].committee_size:
            problems.append(f"{chain_id}: more members than seats")
        if seated & set(members) or len(set(members)) != len(members):
            problems.append(f"{chain_id}: a validator sits twice")
        seated |= set(members)
    return problems
