"""Voting power of the IOTA committee, as ``voting_power.move`` computes it (IOTA-VP-01).

Total voting power is 10,000. Each member's power is its share of the committee's stake, floored,
capped at ``threshold = min(10,000, max(1,000, ceil(10,000 / n)))``. The power left over is then
handed out in one pass over the members in descending stake order (equal stakes: the member that
comes later in committee order first): each gets ``min(ceil(remaining / members left), room under
the cap)``. Afterwards every member has power > 0, the powers add up to 10,000, and more stake
never means less power -- otherwise the epoch change aborts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from contracts.errors import ContractError
from spec import parameters

TOTAL_VOTING_POWER: Final = parameters.integer("IOTA_TOTAL_VOTING_POWER")
QUORUM_THRESHOLD: Final = parameters.integer("IOTA_QUORUM_THRESHOLD")
MAX_VOTING_POWER: Final = parameters.integer("IOTA_MAX_VOTING_POWER")


class VotingPowerInvariant(ContractError):
    """The committee's voting power breaks the framework's invariants (the epoch change aborts)."""

    code = "VOTING_POWER_INVARIANT"


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def cap_for(members: int) -> int:
    """The per-member cap: min(10,000, max(1,000, ceil(10,000 / n)))."""
    return min(TOTAL_VOTING_POWER, max(MAX_VOTING_POWER, _ceil_div(TOTAL_VOTING_POWER, members)))


def compute_voting_power(committee: Sequence[tuple[str, int]]) -> dict[str, int]:
    """Voting power of each member of ``committee`` (id, stake), in committee order."""
    if not committee:
        raise VotingPowerInvariant("an empty committee has no voting power")
    threshold = cap_for(len(committee))
    total_stake = sum(stake for _, stake in committee)
    if total_stake == 0:
        raise VotingPowerInvariant("the committee has no stake")
    # [id, power, stake], descending stake; equal stakes the later member first -- the order of
    # inserting each member before the first of no greater stake, by one sort (O(n log n))
    ranked = sorted(range(len(committee)), key=lambda k: (-committee[k][1], -k))
    ordered: list[list[int | str]] = []
    for k in ranked:
        member, stake = committee[k]
        ordered.append([member, min(stake * TOTAL_VOTING_POWER // total_stake, threshold), stake])
    remaining = TOTAL_VOTING_POWER - sum(int(entry[1]) for entry in ordered)
    for index, entry in enumerate(ordered):
        if remaining == 0:
            break
        planned = _ceil_div(remaining, len(ordered) - index)
        target = min(threshold, int(entry[1]) + planned)
        actual = min(remaining, target - int(entry[1]))
        entry[1] = int(entry[1]) + actual
        remaining -= actual
    if remaining:
        raise VotingPowerInvariant(f"{remaining} voting power could not be assigned")
    powers = {str(entry[0]): int(entry[1]) for entry in ordered}
    check_voting_power(committee, powers)
    return powers


def check_voting_power(committee: Sequence[tuple[str, int]], powers: dict[str, int]) -> None:
    """The framework's ``check_invariants``: positive, total 10,000, monotone in stake."""
    if any(power <= 0 for power in powers.values()):
        raise VotingPowerInvariant("a committee member has no voting power")
    if sum(powers.values()) != TOTAL_VOTING_POWER:
        raise VotingPowerInvariant("voting power does not add up to 10,000")
    if _monotone(committee, powers):
        return
    for a, stake_a in committee:  # the first offending pair, for the message
        for b, stake_b in committee:
            if stake_a > stake_b and powers[a] < powers[b]:
                raise VotingPowerInvariant(f"{a} has more stake but less power than {b}")


def _monotone(committee: Sequence[tuple[str, int]], powers: dict[str, int]) -> bool:
    """No member has more stake but less power than another, in O(n log n): from the largest
    stake down, no member's power exceeds the least power of the members of greater stake."""
    least_above: int | None = None  # the least power among stakes greater than this group's
    group_stake: int | None = None
    group_least = 0
    for member, stake in sorted(committee, key=lambda m: m[1], reverse=True):
        power = powers[member]
        if stake != group_stake:
            if group_stake is not None:
                least_above = group_least if least_above is None else min(least_above, group_least)
            group_stake, group_least = stake, power
        elif power < group_least:
            group_least = power
        if least_above is not None and power > least_above:
            return False
    return True
