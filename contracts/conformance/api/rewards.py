"""The API of the pro-rata reward streams: the accumulator, the post-launch distribution and
SMR staking."""

from __future__ import annotations

from contracts.conformance.api.model import contract, op, query

_CLAIMABLE = "A holder's rewards claim would pay now."

ACCUMULATOR = contract(
    "reward-accumulator",
    "The reward-per-unit-of-stake accumulator shared by every pro-rata stream.",
    "",
    [
        op(
            "stake",
            "stake",
            "holder:account amount:amount",
            "INVALID_AMOUNT WIDTH_EXCEEDED",
            "Add stake for a holder; it earns from the next period.",
        ),
        op(
            "unstake",
            "unstake",
            "holder:ref amount:amount",
            "INVALID_AMOUNT UNKNOWN_HOLDER INSUFFICIENT_STAKE",
            "Remove stake (pending first, then active).",
        ),
        op(
            "distribute",
            "distribute",
            "amount:count",
            "INVALID_AMOUNT WIDTH_EXCEEDED",
            "Offer rewards to the current period's active stake.",
        ),
        op(
            "closePeriod",
            "close_period",
            "",
            "",
            "End the current period: pending stake becomes active.",
        ),
        op("claim", "claim", "holder:ref", "UNKNOWN_HOLDER", "Pay a holder its claimable rewards."),
        query("claimable", "claimable", "holder:account", "", _CLAIMABLE),
        query("stakeOf", "stake_of", "holder:account", "", "A holder's [active, pending] stake."),
    ],
    {
        "owed_scaled_total": "an O(holders) total for invariant checks",
        "rounding_dust": "an O(holders) total for invariant checks",
        "held": "stakeOf, for the owning contract",
        "owed": "claimable, for the owning contract",
        **{
            f"{phase}_{name}": f"the {phase} phase of {name}, for the owning contract"
            for phase, names in (
                ("check", ("stake", "unstake", "claim", "distribute")),
                ("apply", ("stake", "unstake", "claim", "distribute", "close_periods")),
            )
            for name in names
        },
    },
    create_errors="",
    create_meaning={},
    starts="Period 0, nothing staked or offered.",
)

POSTLAUNCH = contract(
    "postlaunch",
    "The seed's post-launch ASMB distribution over 639 days.",
    "phaseOneTotal:count",
    [
        op(
            "stake",
            "stake",
            "holder:sender amount:amount day:time",
            "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY WIDTH_EXCEEDED",
            "Stake ASMB in the distribution on a day; it earns from the next day.",
        ),
        op(
            "unstake",
            "unstake",
            "holder:sender amount:amount day:time",
            "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY UNKNOWN_HOLDER INSUFFICIENT_STAKE",
            "Withdraw stake on a day.",
        ),
        op(
            "claim",
            "claim",
            "holder:sender day:time",
            "PROTECTED_ACCOUNT INVALID_DAY UNKNOWN_HOLDER",
            "Pay a holder the rewards settled up to the day.",
        ),
        op(
            "advanceTo",
            "advance_to",
            "caller:caller day:time",
            "UNAUTHORIZED INVALID_DAY",
            "End every day before the given one, paying each of days 1 … 639.",
        ),
        query("claimable", "claimable", "holder:account", "", _CLAIMABLE),
        query(
            "accounting",
            "accounting",
            "",
            "",
            "Allocation, claimed, claimable, undistributed and dust, which add up.",
        ),
        query("notYetOffered", "not_yet_offered", "", "", "The rewards of the days still to come."),
    ],
    {},
    create_errors="INVALID_AMOUNT ALLOCATION_EXCEEDED",
    create_meaning={"phaseOneTotal": "D1 in µASMB, 0 … 8 × 10¹⁵ (8 B ASMB, the seed's maximum)."},
    starts="Day 0; staking opens on day 1.",
)

SMR = contract(
    "smr-staking",
    "SMR staking: 8 % yearly inflation minted to SMR stakers.",
    "genesis:json",
    [
        op(
            "stake",
            "stake",
            "holder:sender amount:amount epoch:time",
            "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY WIDTH_EXCEEDED INSUFFICIENT_BALANCE",
            "Stake SMR from a balance at an epoch; it earns from the next epoch.",
        ),
        op(
            "unstake",
            "unstake",
            "holder:sender amount:amount epoch:time",
            "PROTECTED_ACCOUNT INVALID_AMOUNT INVALID_DAY WIDTH_EXCEEDED UNKNOWN_HOLDER "
            "INSUFFICIENT_STAKE",
            "Return stake to the balance.",
        ),
        op(
            "claim",
            "claim",
            "holder:sender epoch:time",
            "PROTECTED_ACCOUNT INVALID_DAY WIDTH_EXCEEDED UNKNOWN_HOLDER",
            "Pay a holder its rewards to its balance.",
        ),
        op(
            "advanceTo",
            "advance_to",
            "caller:caller epoch:time",
            "UNAUTHORIZED INVALID_DAY WIDTH_EXCEEDED",
            "End every epoch before the given one, minting each epoch's share of 8 %.",
        ),
        query("supply", "supply", "", "", "Genesis + minted − burned."),
        query("staked", "staked", "", "", "The total stake."),
        query("rewardsPool", "rewards_pool", "", "", "Rewards minted and not yet claimed."),
    ],
    {"supply_in_places": "the supply summed over its places, for invariant checks"},
    create_errors="INVALID_AMOUNT PROTECTED_ACCOUNT WIDTH_EXCEEDED",
    create_meaning={"genesis": "Account → glow (an object; an account of 0 is dropped)."},
    starts="Epoch 0.",
)
