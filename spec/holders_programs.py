"""A holder's view of the programs after the pre-launch window: each result a run of a contract.

* **Post-launch** (the seed design, :class:`contracts.postlaunch.PostLaunchDistribution`): a stake
  staked on day 1 beside the other stakers' stake, claimed after day 639.
* **SMR staking** (:class:`contracts.smr_staking.SmrStaking`): SMR staked for a year of epochs
  from Shimmer's genesis supply, beside the others' stake.
* **ASMB delegation** (:class:`contracts.assembly.AssemblyNetwork`): ASMB delegated to a
  validator of a given commission for a year of epochs, beside the rest of the bonded stake.
* **IOTA staking** (:class:`contracts.iota.system.IotaStaking`, ``mainnet-v31``): IOTA staked with
  a validator among equal validators for a year of epochs.

What a holder gets depends on what everybody else stakes, which the specification does not know:
each scenario names that assumption, and the page prints it beside the figure. A scenario's
results over a set of amounts are the calculator's table for that program (:func:`grid`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache, partial
from typing import Any, Final

from contracts.accounts import COMMUNITY, IOTA_STAKERS, SYSTEM, UNASSIGNED
from contracts.assembly import AssemblyNetwork
from contracts.iota.system import IotaStaking
from contracts.postlaunch import DAYS, PostLaunchDistribution
from contracts.root_chain import Evidence, Severity
from contracts.smr_staking import MAX_EPOCHS_PER_CALL, SmrStaking
from spec import derivations as dv
from spec import parameters as pm
from spec.exact import format_decimal, format_grouped
from spec.holders import EXAMPLE_MI, MI, rule_href, tokens

YOU: Final = "you"
OTHERS: Final = "others"
#: The amounts, in whole tokens, the calculator publishes for every scenario.
GRID_AMOUNTS: Final = (100, 1_000, 10_000, 100_000, 1_000_000)
#: The example amount, in whole tokens: the page's 1,000 Mi.
EXAMPLE: Final = EXAMPLE_MI

ASMB_UNIT: Final = 10 ** pm.integer("ASMB_DECIMALS")
SMR_UNIT: Final = 10 ** pm.integer("SMR_DECIMALS")
NANOS: Final = 10 ** pm.integer("IOTA_DECIMALS")
ASMB_SUPPLY: Final = pm.integer("ASMB_INITIAL_SUPPLY")
IOTA_SUPPLY: Final = pm.integer("IOTA_TOTAL_SUPPLY")
SMR_GENESIS: Final = int(dv.evaluate("SMR-GENESIS-TOTAL"))
MIN_BOND: Final = pm.integer("ASMB_MIN_VALIDATOR_BOND")
UNBONDING: Final = pm.integer("ASMB_UNBONDING_EPOCHS")
#: A year of epochs, on the Assembly root chain, Shimmer and today's IOTA network.
YEAR: Final = pm.integer("ASMB_EPOCHS_PER_YEAR")
SMR_YEAR: Final = pm.integer("SMR_EPOCHS_PER_YEAR")
IOTA_YEAR: Final = pm.integer("IOTASRB_DAYS_PER_YEAR")


def percent_of(value: Fraction, places: int = 2) -> str:
    """A ratio as a percentage for readers: ``16 %``, ``67.13 %`` (rounded half-even)."""
    return f"{format_decimal(value * 100, places)} %"


# ----------------------------------------------------------------------------- post-launch


def implied_stake() -> int:
    """The IOTA staked on average in the pre-launch window, in i, implied by Shimmer's genesis
    (PRE-SMR-IMPLIED-STAKED-SHARE of the supply, floored)."""
    share = Fraction(str(dv.evaluate("PRE-SMR-IMPLIED-STAKED-SHARE")))
    return int(share * IOTA_SUPPLY)


@dataclass(frozen=True)
class PostLaunch:
    """A stake's share of the daily pool: the second day's share, and all 638 days claimed."""

    daily_pool: int
    first_day: int
    total: int
    days_paid: int


def postlaunch(amount_i: int, others_i: int, d1: int | None = None) -> PostLaunch:
    """Stake ``amount_i`` i on day 1 beside ``others_i`` i; claim after the last day."""
    phase_one = pm.integer("POSTLAUNCH_EXAMPLE_D1") if d1 is None else d1
    contract = PostLaunchDistribution(phase_one)
    contract.stake(YOU, amount_i, 1)
    contract.stake(OTHERS, others_i, 1)
    contract.advance_to(SYSTEM, 3)  # day 2, the first day the stake is held through, is paid
    first = contract.claimable(YOU)
    total = contract.claim(YOU, DAYS + 1)
    return PostLaunch(contract.daily, first, total, DAYS - 1)


# ----------------------------------------------------------------------------- SMR staking


def smr_staking(amount_glow: int, staked_share: Fraction, epochs: int = SMR_YEAR) -> int:
    """Stake ``amount_glow`` at epoch 0 with ``staked_share`` of the genesis supply staked in
    all; the glow claimed after ``epochs`` epochs of rewards (stake earns from the next epoch)."""
    staked = int(staked_share * SMR_GENESIS)
    contract = SmrStaking({YOU: amount_glow, OTHERS: SMR_GENESIS - amount_glow})
    contract.stake(YOU, amount_glow, 0)
    contract.stake(OTHERS, staked - amount_glow, 0)
    for epoch in range(0, epochs + 1, MAX_EPOCHS_PER_CALL):
        contract.advance_to(SYSTEM, min(epoch + MAX_EPOCHS_PER_CALL, epochs + 1))
    return contract.claim(YOU, epochs + 1)


# ----------------------------------------------------------------------------- ASMB delegation

#: The commissions of the delegation scenarios, in basis points: none, 5 %, the maximum.
COMMISSIONS_BP: Final = (0, 500, int(pm.ratio("ASMB_MAX_COMMISSION") * 10_000))


def _network(bonded_share: Fraction, amount: int, commission_bp: int) -> AssemblyNetwork:
    """The genesis split; ``op-you`` runs ``val-you`` at ``commission_bp`` with the minimum
    bond, ``you`` delegates ``amount`` to it, and ``val-rest`` bonds the rest of
    ``bonded_share`` of the initial supply. The holders are funded out of the community's
    reserve, then the IOTA stakers' (to whom that ASMB goes)."""
    rest = int(bonded_share * ASMB_SUPPLY) - MIN_BOND - amount
    funded = {"op-you": MIN_BOND, "op-rest": rest, YOU: amount}
    stakers = int(pm.ratio("IOTA_STAKERS_SHARE") * ASMB_SUPPLY)
    community = int(pm.ratio("COMMUNITY_SHARE") * ASMB_SUPPLY)
    from_community = min(community, sum(funded.values()))
    balances = {
        IOTA_STAKERS: stakers - (sum(funded.values()) - from_community),
        COMMUNITY: community - from_community,
        UNASSIGNED: ASMB_SUPPLY - stakers - community,
        **funded,
    }
    network = AssemblyNetwork(balances)
    network.chain.register_validator("op-you", "val-you", MIN_BOND, commission_bp, True, 0)
    network.chain.register_validator("op-rest", "val-rest", rest, commission_bp, True, 0)
    network.chain.delegate(YOU, "val-you", amount, 0)
    return network


def _epoch_seed(epoch: int) -> bytes:
    return epoch.to_bytes(8, "big") + b"holders"


def delegation(amount: int, commission_bp: int, bonded_share: Fraction, epochs: int = YEAR) -> int:
    """µASMB of rewards ``amount`` µASMB delegated at epoch 0 claims after ``epochs`` epochs of
    rewards (it earns from epoch 1)."""
    network = _network(bonded_share, amount, commission_bp)
    for _ in range(epochs + 1):
        network.advance_epoch(SYSTEM, _epoch_seed(network.epoch))
    return network.chain.claim_rewards(YOU, "val-you", network.epoch)


@dataclass(frozen=True)
class Exit:
    """Leaving a validator: when the stake comes back, and what a major slash takes."""

    requested: int
    released: int
    returned: int
    slashed_stake: int


def exit_and_slash(amount: int, bonded_share: Fraction) -> Exit:
    """Undelegate ``amount`` at epoch 1 and withdraw it when released; separately, the stake
    left after a major offence of the validator is slashed (ROOT-UNBOND-01, ROOT-SLASH-01)."""
    network = _network(bonded_share, amount, 0)
    network.advance_epoch(SYSTEM, _epoch_seed(0))
    network.chain.undelegate(YOU, "val-you", amount, 1)
    while network.epoch < 1 + UNBONDING:
        network.advance_epoch(SYSTEM, _epoch_seed(network.epoch))
    returned = network.chain.withdraw_unbonded(YOU, network.epoch)
    slashed = _network(bonded_share, amount, 0)
    slashed.advance_epoch(SYSTEM, _epoch_seed(0))
    slashed.chain.slash(SYSTEM, Evidence("offence-1", "val-you", 1, Severity.MAJOR), 1)
    validator = slashed.chain.validators["val-you"]
    return Exit(1, network.epoch, returned, validator.value_of(validator.shares_of(YOU)))


# ----------------------------------------------------------------------------- IOTA staking

IOTA_VALIDATORS: Final = 25
IOTA_TOTAL_POWER: Final = pm.integer("IOTA_TOTAL_VOTING_POWER")
IOTA_COMMISSION_BP: Final = 500
#: The network-wide stakes, in whole IOTA, of the IOTA scenarios.
IOTA_STAKED: Final = (1_000_000_000, 2_000_000_000, 3_000_000_000)


def iota_staking(
    amount_nanos: int,
    staked_iota: int,
    commission_bp: int = IOTA_COMMISSION_BP,
    epochs: int = IOTA_YEAR,
) -> int:
    """Nanos of rewards for ``amount_nanos`` staked at epoch 0 with one of 25 equal validators
    holding ``staked_iota`` whole IOTA, all at ``commission_bp``; withdrawn after ``epochs``
    epochs of rewards (the stake is active from epoch 1)."""
    each = staked_iota * NANOS // IOTA_VALIDATORS
    validators = [(f"val-{n:02d}", each, commission_bp) for n in range(IOTA_VALIDATORS)]
    system = IotaStaking.genesis({YOU: amount_nanos}, validators)
    stake = system.request_add_stake(YOU, "val-00", amount_nanos, 0)
    for _ in range(epochs + 1):
        system.advance_epoch(SYSTEM)
    return system.request_withdraw_stake(YOU, stake, system.epoch) - amount_nanos


# ----------------------------------------------------------------------------- the tables


@dataclass(frozen=True)
class Scenario:
    """One assumption about everybody else, and the contract run that answers it."""

    label: str
    run: Callable[[int], int]
    #: The label in a table's first column, where the table says the rest.
    short: str


@dataclass(frozen=True)
class Program:
    key: str
    label: str
    stake_symbol: str
    stake_unit: int
    reward_symbol: str
    reward_base: str
    reward_decimals: int
    rules: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
    #: The scenario of the page's worked example.
    headline: int


def _postlaunch_scenario(share: Fraction | None) -> Scenario:
    others = implied_stake() if share is None else int(share * IOTA_SUPPLY)
    what = "as in the pre-launch window" if share is None else ""
    label = f"others stake {percent_of(Fraction(others, IOTA_SUPPLY))} of the IOTA supply"
    return Scenario(
        label + (f" ({what})" if what else ""),
        partial(_postlaunch_total, others),
        percent_of(Fraction(others, IOTA_SUPPLY)) + (f" ({what})" if what else ""),
    )


def _postlaunch_total(others_i: int, amount_i: int) -> int:
    return postlaunch(amount_i, others_i).total


@cache
def programs() -> tuple[Program, ...]:
    """The four programs the calculator publishes grids for, each with its scenarios."""
    half, quarter, three_quarters = Fraction(1, 2), Fraction(1, 4), Fraction(3, 4)
    bonded = "of the ASMB supply bonded"
    return (
        Program(
            "postlaunch",
            f"Post-launch staking, {DAYS} days (seed design)",
            "Mi",
            MI,
            "ASMB",
            "µASMB",
            6,
            ("POST-PAYOUT-01", "POST-DAY-01", "POSTLAUNCH_EXAMPLE_D1", "POST-BOUND-01"),
            tuple(_postlaunch_scenario(s) for s in (None, half, quarter, Fraction(1, 10))),
            0,
        ),
        Program(
            "smr-staking",
            "SMR staking, one year",
            "SMR",
            SMR_UNIT,
            "SMR",
            "glow",
            6,
            ("SMR-INFLATION-01", "SMR_INFLATION_RATE", "SMR_EPOCHS_PER_YEAR", "SMR-GENESIS-TOTAL"),
            tuple(
                Scenario(
                    f"{percent_of(s)} of the genesis supply staked",
                    partial(smr_staking, staked_share=s),
                    percent_of(s),
                )
                for s in (quarter, half, three_quarters)
            ),
            1,
        ),
        Program(
            "asmb-delegation",
            "ASMB delegated to a validator, one year",
            "ASMB",
            ASMB_UNIT,
            "ASMB",
            "µASMB",
            6,
            ("ROOT-REWARD-01", "ROOT-REWARD-02", "ROOT-COMMISSION-01", "ASMB_INFLATION_RATE"),
            tuple(
                Scenario(
                    f"commission {percent_of(Fraction(bp, 10_000))}, {percent_of(s)} {bonded}",
                    partial(delegation, commission_bp=bp, bonded_share=s),
                    f"{percent_of(Fraction(bp, 10_000))}, {percent_of(s)} bonded",
                )
                for s in (quarter, half, three_quarters)
                for bp in COMMISSIONS_BP
            ),
            4,
        ),
        Program(
            "iota-staking",
            "IOTA staked with a validator, one year",
            "IOTA",
            NANOS,
            "IOTA",
            "nanos",
            9,
            ("IOTA-POOL-01", "IOTA-STAKE-01", "IOTA-COMMISSION-02", "IOTA_REWARDS_PER_EPOCH"),
            tuple(
                Scenario(
                    f"{format_grouped(staked // 10**9)} B IOTA staked on the network, commission "
                    f"{percent_of(Fraction(IOTA_COMMISSION_BP, 10_000))}",
                    partial(iota_staking, staked_iota=staked),
                    f"{format_grouped(staked // 10**9)} B IOTA",
                )
                for staked in IOTA_STAKED
            ),
            1,
        ),
    )


def get_program(key: str) -> Program:
    return next(p for p in programs() if p.key == key)


@cache
def grid(key: str) -> dict[str, Any]:
    """One program's published results: every scenario at every amount of the grid (computed
    once; in a docs build, the IOTA grid on a process of its own, :mod:`spec.precompute`)."""
    from spec import precompute

    return precompute.value(compute_grid, key)


def compute_grid(key: str) -> dict[str, Any]:
    """:func:`grid`, computed here."""
    program = get_program(key)
    return {
        "key": program.key,
        "label": program.label,
        "kind": "grid",
        "input": {"symbol": program.stake_symbol},
        "output": {
            "symbol": program.reward_symbol,
            "base": program.reward_base,
            "decimals": program.reward_decimals,
        },
        "amounts": [f"{a:,}" for a in GRID_AMOUNTS],
        "headline": program.headline,
        "example": GRID_AMOUNTS.index(EXAMPLE),
        "rules": [rule_href(i) for i in program.rules],
        "options": [
            {
                "label": scenario.label,
                "results": [str(scenario.run(a * program.stake_unit)) for a in GRID_AMOUNTS],
            }
            for scenario in program.scenarios
        ],
    }


def example_result(key: str, scenario: int | None = None) -> int:
    """The example amount's result (base units) in a scenario, the headline one by default."""
    program = get_program(key)
    index = program.headline if scenario is None else scenario
    return int(grid(key)["options"][index]["results"][GRID_AMOUNTS.index(EXAMPLE)])


def example(key: str, scenario: int | None = None) -> str:
    """:func:`example_result` for readers: ``152.02 ASMB``."""
    program = get_program(key)
    return tokens(example_result(key, scenario), program.reward_decimals, program.reward_symbol)


@dataclass(frozen=True)
class Commission:
    """The validator's voting power and commission, set and paid, in an epoch (IIP-8)."""

    voting_power: int
    set_bp: int
    paid_bp: int


def iota_commission(staked_iota: int, commission_bp: int = IOTA_COMMISSION_BP) -> Commission:
    """What the epoch change pays ``val-00`` at: its voting power and effective commission."""
    each = staked_iota * NANOS // IOTA_VALIDATORS
    validators = [(f"val-{n:02d}", each, commission_bp) for n in range(IOTA_VALIDATORS)]
    system = IotaStaking.genesis({}, validators)
    power = system.validators["val-00"].voting_power
    record = system.advance_epoch(SYSTEM)
    share = next(s for s in record.allotments if s.validator == "val-00")
    return Commission(power, share.commission_bp, share.rate_bp)
