"""Pre-launch staking (IOTA → ASMB, IOTA → SMR) in its two profiles.

*Deployed*: the node software's staking events (Assembly rounds 1–6, Shimmer genesis staking), as
:mod:`contracts.participation.staking` computes them -- no cap.

*Seed*: the seed's design, which adds a maximum: "a maximum of 8% of the Assembly supply can be
distributed to IOTA token stakers" in the 90-day window. The seed's rate alone does not keep it
(PRE-CAP-01: once more than the share PRE-CAP-BINDING-FRACTION of the IOTA supply is staked the
whole window, the rate passes it), so the seed profile enforces it by this rule, chosen by the
specification (PRE-CAP-02):

    when the listed addresses' total T exceeds the cap C, every listed address's reward r
    becomes ⌊r · C / T⌋;

the required minimum is applied to the uncapped sums, as the node applies it. The distributed
total D₁ = Σ ⌊r · C / T⌋ ≤ C, and everything not distributed -- the part of C not earned,
and the floor dust (fewer µASMB than there are listed addresses) -- is *undistributed*:
C − D₁, which flows into the post-launch distribution because that distribution is allocated
20 B − D₁ (PRE-CAP-03, ASMB-SPLIT-02).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Any, Final

from contracts.domains import OptionalMilestone
from contracts.invariants import checker
from contracts.participation.event import ParticipationEvent
from contracts.participation.staking import StakingEvent, StakingResults, results_checksum
from contracts.participation.tracking import resolve_milestone
from contracts.transaction import query
from spec import parameters

ASMB_SYMBOL: Final = "microASMB"

#: The seed's pre-launch maximum, in µASMB: 8 % of the initial supply.
PRELAUNCH_CAP: Final = int(
    parameters.ratio("PRELAUNCH_MAX_SHARE") * parameters.integer("ASMB_INITIAL_SUPPLY")
)
#: The IOTA stakers' whole share, pre- and post-launch: 20 % of the initial supply.
IOTA_STAKERS_ALLOCATION: Final = int(
    parameters.ratio("IOTA_STAKERS_SHARE") * parameters.integer("ASMB_INITIAL_SUPPLY")
)


class Profile(Enum):
    DEPLOYED = "deployed"
    SEED = "seed"


@dataclass(frozen=True)
class CapAccount:
    """How the seed profile's cap treated one event's results (PRE-CAP-03)."""

    cap: int
    uncapped_total: int
    distributed: int
    undistributed: int
    scale: Fraction

    def to_json(self) -> dict[str, Any]:
        scale = (
            self.scale.numerator
            if self.scale.denominator == 1
            else f"{self.scale.numerator}/{self.scale.denominator}"
        )
        return {
            "cap": self.cap,
            "uncappedTotal": self.uncapped_total,
            "distributed": self.distributed,
            "undistributedToPostLaunch": self.undistributed,
            "scale": scale,
        }


@dataclass(frozen=True)
class SeedProfileResults:
    """An event's results under the seed profile, and the account of what the cap cut."""

    results: StakingResults
    account: CapAccount

    def to_json(self) -> dict[str, Any]:
        document = self.results.to_json()
        document["seedProfile"] = self.account.to_json()
        return document


def apply_seed_cap(
    event: ParticipationEvent, results: StakingResults, cap: int = PRELAUNCH_CAP
) -> SeedProfileResults:
    """The seed profile's results: every listed reward scaled by C/T when T > C, floored.

    Returns the capped results (same shape, recomputed total and checksum) with the account of
    what was cut. Results of non-ASMB events are returned unchanged (the seed caps ASMB only).
    """
    total = results.total_rewards
    if results.symbol != ASMB_SYMBOL or total <= cap:
        scale = Fraction(1)
        capped = dict(results.rewards)
    else:
        scale = Fraction(cap, total)
        capped = {address: amount * cap // total for address, amount in results.rewards.items()}
    distributed = sum(capped.values())
    checksum = results_checksum(event.event_id(), results.milestone_index, results.symbol, capped)
    account = CapAccount(
        cap=cap,
        uncapped_total=total,
        distributed=distributed,
        undistributed=cap - distributed if results.symbol == ASMB_SYMBOL else 0,
        scale=scale,
    )
    new = StakingResults(results.symbol, results.milestone_index, distributed, checksum, capped)
    return SeedProfileResults(new, account)


def postlaunch_allocation(phase_one_total: int) -> int:
    """What the post-launch distribution is allocated after phase 1 paid ``phase_one_total``."""
    return IOTA_STAKERS_ALLOCATION - phase_one_total


@checker("PRE-CAP-02", SeedProfileResults)
def _check_cap_respected(seed: SeedProfileResults) -> list[str]:
    problems = []
    if seed.account.distributed > seed.account.cap and seed.results.symbol == ASMB_SYMBOL:
        problems.append(f"distributed {seed.account.distributed} exceeds the cap")
    if seed.account.distributed != sum(seed.results.rewards.values()):
        problems.append("distributed is not the sum of the capped rewards")
    return problems


@checker("PRE-CAP-03", SeedProfileResults)
def _check_cap_accounted(seed: SeedProfileResults) -> list[str]:
    if seed.results.symbol != ASMB_SYMBOL:
        return []
    account = seed.account
    problems = []
    if account.distributed + account.undistributed != account.cap:
        problems.append("distributed + undistributed is not the cap")
    planned = parameters.integer("POSTLAUNCH_PLANNED")
    if postlaunch_allocation(account.distributed) != planned + account.undistributed:
        problems.append("post-launch allocation is not 12 B plus the undistributed part")
    return problems


class PrelaunchStaking(StakingEvent):
    """A staking event in both profiles: :meth:`results` as deployed, :meth:`seed_results` as
    the seed's 8 % maximum caps them (PRE-CAP-02)."""

    @query
    def seed_results(self, at: OptionalMilestone = None) -> SeedProfileResults:
        """The results at ``at`` under the seed profile's 8 % maximum (PRE-CAP-02)."""
        return apply_seed_cap(self.event, self.compute_results(resolve_milestone(self.event, at)))
