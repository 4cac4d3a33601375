"""The API of the Chrysalis node's participation events: staking and ballots."""

from __future__ import annotations

from contracts.conformance.api.model import contract, op, query

_HEX = "MALFORMED_HEX"
_TRACK = f"{_HEX} INVALID_AMOUNT INVALID_MILESTONE OUTSIDE_WINDOW DUPLICATE_OUTPUT INVALID_INPUT"
_SPEND = op(
    "spend",
    "spend",
    "outputId:hex milestone:time",
    f"{_HEX} UNKNOWN_OUTPUT ALREADY_SPENT INVALID_MILESTONE",
    "Record that a tracked output was spent at a milestone.",
)

STAKING = contract(
    "participation-staking",
    "A staking event of the Chrysalis node's participation plugin.",
    "event:json",
    [
        op(
            "book",
            "book",
            "outputId:hex address:hex amount:amount milestone:time",
            _TRACK,
            "Track an output that participates in the event, booked at a milestone.",
        ),
        _SPEND,
        query(
            "rewardOf",
            "reward_of",
            "outputId:hex at:opt_time",
            f"{_HEX} UNKNOWN_OUTPUT INVALID_MILESTONE",
            "One output's reward at a milestone (null: the event's end).",
        ),
        query(
            "rewardsByAddress",
            "rewards_by_address",
            "at:opt_time",
            "INVALID_MILESTONE",
            "Every address's reward at a milestone, before the minimum rule.",
        ),
        query(
            "results",
            "results",
            "at:opt_time",
            "INVALID_MILESTONE REWARD_OVERFLOW",
            "The node's results at a milestone: addresses at or above the minimum, "
            "the total and its checksum.",
        ),
        query(
            "seedResults",
            "seed_results",
            "at:opt_time",
            "INVALID_MILESTONE REWARD_OVERFLOW",
            "The results with the seed's 8 % maximum applied to every address.",
        ),
    ],
    {
        "compute_rewards_by_address": "rewardsByAddress at a resolved milestone",
        "compute_results": "results at a resolved milestone",
    },
    create_errors="INVALID_EVENT EVENT_CAN_OVERFLOW NOT_A_STAKING_EVENT",
    create_meaning={
        "event": "The event's JSON as the node's API serves it, with a staking payload."
    },
    starts="No milestone: every operation names its own.",
)

BALLOT = contract(
    "participation-ballot",
    "A ballot (on-ledger vote) of the Chrysalis node's participation plugin.",
    "event:json",
    [
        op(
            "book",
            "book",
            "outputId:hex address:hex amount:amount milestone:time answers:bytes_list",
            _TRACK,
            "Track an output that votes, with one answer byte per question.",
        ),
        _SPEND,
        query(
            "status",
            "status",
            "at:opt_time",
            "INVALID_MILESTONE REWARD_OVERFLOW",
            "The tallies of every answer at a milestone, with the node's checksum.",
        ),
    ],
    {
        "compute_status": "status at a resolved milestone",
        "tallies": "the tallies of status, exact, without the uint64 limit",
    },
    create_errors="INVALID_EVENT EVENT_CAN_OVERFLOW NOT_A_BALLOT_EVENT",
    create_meaning={
        "event": "The event's JSON as the node's API serves it, with a ballot payload."
    },
    starts="No milestone: every operation names its own.",
)
