"""The participation model: the seven staking events as the nodes ran them.

Each event's milestones, rate and minimum (from the event files), how an output's rewards are
counted milestone by milestone, how published results are checked, and how ballots are counted.
Contracts: ``contracts/participation/``; page: ``docs/prelaunch.md``.
"""

from __future__ import annotations

from typing import Any, Final

import sympy

from spec.proofs import exact
from spec.records import (
    DEPLOYED,
    GLOW,
    MI,
    MICRO_ASMB,
    U64_MAX,
    Derivation,
    Difference,
    Environment,
    Invariant,
    Parameter,
    rational,
)
from spec.sources import SEED_STAKING, Artefact, FixtureField, SeedQuote

# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

# The seven staking events as the nodes ran them (spec/data/participation-events/events/staking).
_EVENTS: tuple[tuple[str, str, int, int, int, int, int, int], ...] = (
    # prefix, file, commence, start, end, numerator, denominator, required minimum rewards
    ("ASSEMBLY_R1", "assembly_01.json", 2_041_634, 2_102_114, 2_879_714, 4, MI, 1_000_000),
    ("ASSEMBLY_R2", "assembly_02.json", 3_067_769, 3_093_689, 3_871_289, 2, MI, 1_000_000),
    ("ASSEMBLY_R3", "assembly_03.json", 3_914_403, 3_940_323, 4_717_923, 1, MI, 1_000_000),
    ("ASSEMBLY_R4", "assembly_04.json", 4_787_367, 4_813_287, 5_590_887, 1, MI, 1_000_000),
    ("ASSEMBLY_R5", "assembly_05.json", 5_616_722, 5_642_642, 6_420_242, 1, MI, 1_000_000),
    ("ASSEMBLY_R6", "assembly_06.json", 6_454_348, 6_480_268, 7_257_868, 1, MI, 1_000_000),
    ("SHIMMER_GENESIS", "shimmer.json", 2_041_634, 2_102_114, 2_879_714, 1, MI, 10_000_000),
)


def _event_parameters() -> tuple[Parameter, ...]:
    records: list[Parameter] = []
    for prefix, name, commence, start, end, numerator, denominator, minimum in _EVENTS:
        path = f"events/staking/{name}"
        token = GLOW if prefix.startswith("SHIMMER") else MICRO_ASMB
        label = prefix.replace("_", " ").title().replace("Assembly R", "Assembly round ")
        records += [
            Parameter(
                f"{prefix}_COMMENCE",
                rational(commence),
                "milestone",
                f"{label}: first milestone of the pre-staking (commence) window.",
                FixtureField(path, "/milestoneIndexCommence"),
                DEPLOYED,
                integral=True,
            ),
            Parameter(
                f"{prefix}_START",
                rational(start),
                "milestone",
                f"{label}: the event starts after this milestone.",
                FixtureField(path, "/milestoneIndexStart"),
                DEPLOYED,
                integral=True,
            ),
            Parameter(
                f"{prefix}_END",
                rational(end),
                "milestone",
                f"{label}: last milestone of the event.",
                FixtureField(path, "/milestoneIndexEnd"),
                DEPLOYED,
                integral=True,
            ),
            Parameter(
                f"{prefix}_RATE",
                rational(numerator, denominator),
                f"{token}/(i·milestone)",
                f"{label}: reward per staked i per milestone (numerator/denominator).",
                FixtureField(path, "/payload/numerator,/payload/denominator"),
                DEPLOYED,
            ),
            Parameter(
                f"{prefix}_MIN_REWARDS",
                rational(minimum),
                token,
                f"{label}: an address with fewer rewards over the event receives none.",
                FixtureField(path, "/payload/requiredMinimumRewards"),
                DEPLOYED,
                integral=True,
            ),
        ]
    return tuple(records)


PARAMETERS: Final[tuple[Parameter, ...]] = _event_parameters()

# ---------------------------------------------------------------------------------------------
# Derivations
# ---------------------------------------------------------------------------------------------

DERIVATIONS: Final[tuple[Derivation, ...]] = ()

# ---------------------------------------------------------------------------------------------
# Invariants
# ---------------------------------------------------------------------------------------------


def _deployed_overflow_guard(environment: Environment) -> list[tuple[str, Any]]:
    supply = environment["IOTA_TOTAL_SUPPLY"]
    pairs: list[tuple[str, Any]] = []
    prefixes = [f"ASSEMBLY_R{n}" for n in range(1, 7)] + ["SHIMMER_GENESIS"]
    for prefix in prefixes:
        rate = environment[f"{prefix}_RATE"]
        length = environment[f"{prefix}_END"] - environment[f"{prefix}_START"]
        pairs.append(
            (
                f"{prefix}: ⌊S·rate⌋·(end − start) ≤ 2^64 − 1",
                sympy.Le(sympy.floor(supply * rate) * length, U64_MAX),
            )
        )
    return pairs


INVARIANTS: Final[tuple[Invariant, ...]] = (
    Invariant(
        "PRE-EVENT-01",
        "prelaunch",
        "An event is accepted only as the node accepts it: commence < start < end, a staking "
        "numerator and denominator both non-zero and a symbol of 3 to 10 bytes, ballots of 1 to 10 "
        "questions of 2 to 10 unique answers none of them 0 or 255, strings within the node's "
        "limits; anything else is rejected with INVALID_EVENT.",
        FixtureField("README.md", "", "BLAKE2b-256 of the event's binary serialization"),
        "commence < start < end ∧ numerator ≠ 0 ∧ denominator ≠ 0 ∧ 3 ≤ |symbol| ≤ 10",
        state=True,
    ),
    Invariant(
        "PRE-EVENT-02",
        "prelaunch",
        "The node's overflow guard holds for every accepted staking event: the whole IOTA supply "
        "staked for the whole event earns floor(S · numerator / denominator) · (end − start) ≤ "
        "2^64 − 1, and every deployed event passes it.",
        FixtureField(
            "README.md",
            "",
            "The node refused events whose per-milestone reward on the whole supply",
        ),
        "numerator ≤ ⌊(2^64−1)/S⌋ ∧ ⌊S·num/den⌋ · (end − start) ≤ 2^64 − 1",
        exact(_deployed_overflow_guard),
        state=True,
    ),
    Invariant(
        "PRE-EVENT-03",
        "prelaunch",
        "An event's id is the BLAKE2b-256 digest of its binary serialization, and the ids of the "
        "seven deployed staking events and the two votes are the ones the node software and wallet "
        "published.",
        FixtureField("README.md", "", "BLAKE2b-256 of the event's binary serialization"),
        "id = BLAKE2b-256(serialize(event))",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-01",
        "prelaunch",
        "An output's reward is floor(amount · numerator / denominator) per counted milestone, the "
        "counted milestones being max(start + 1, booked) ≤ m ≤ min(at, end, spent − 1): the "
        "closed form equals a milestone-by-milestone walk.",
        FixtureField("README.md", "", "Per output, per milestone, floored."),
        "reward = ⌊a·n/d⌋ · |[max(s+1, b), min(at, e, x−1)]|",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-02",
        "prelaunch",
        "Results list exactly the addresses whose summed rewards reach the required minimum, and "
        "their total is the sum of the listed rewards.",
        FixtureField("README.md", "", "an address whose sum over the event is below"),
        "listed = {addr : Σ rewards ≥ min},  total = Σ listed",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-03",
        "prelaunch",
        "Rewards never decrease with time, and an output's reward never decreases with its amount.",
        SeedQuote(SEED_STAKING, "This happens at a fixed rate for every IOTA token staked."),
        "m ≤ m' ⇒ r(m) ≤ r(m'),  a ≤ a' ⇒ r(a) ≤ r(a')",
        state=True,
    ),
    Invariant(
        "PRE-REWARD-04",
        "prelaunch",
        "Flooring per output per milestone never pays an address more than flooring its exact "
        "total once: Σ ⌊a_o·n/d⌋·c_o ≤ ⌊Σ a_o·n/d·c_o⌋.",
        FixtureField("README.md", "", "The floor is taken per output"),
        "Σ_o ⌊a_o r⌋ c_o ≤ ⌊Σ_o a_o r c_o⌋",
        state=True,
    ),
    Invariant(
        "PRE-RESULTS-01",
        "prelaunch",
        "A results checksum is SHA-256 over the event id, the milestone index (u32 LE), the "
        "symbol, and each listed address in ascending order as 64 hex characters with its amount "
        "(u64 LE); the published round-6 result verifies bit-exactly.",
        FixtureField("README.md", "", "SHA-256 over: the 32-byte event id"),
        "checksum = SHA-256(id ‖ u32(m) ‖ symbol ‖ (hex(addr) ‖ u64(amount))*)",
        state=True,
    ),
    Invariant(
        "BALLOT-COUNT-01",
        "governance",
        "A ballot weighs each output floor(amount / 1000) per answer; an answer's accumulated "
        "weight is its current weight summed over the counted milestones start < m ≤ end, equal to "
        "a milestone-by-milestone walk.",
        FixtureField("events/vote/governance_01.json", "/payload/type"),
        "accumulated = Σ_o ⌊a_o/1000⌋ · counted(o)",
        state=True,
    ),
    Invariant(
        "BALLOT-COUNT-02",
        "governance",
        "A ballot's status checksum is SHA-256 over the event id, the milestone index, and per "
        "question its index and each answer's value, current and accumulated; the published "
        "results of both deployed votes verify.",
        FixtureField("results/vote/shimmer_funding.json", "/checksum"),
        "checksum = SHA-256(id ‖ u32(m) ‖ (u8(q) ‖ (u8(v) ‖ u64(cur) ‖ u64(acc))*)*)",
        state=True,
    ),
    Invariant(
        "BALLOT-COUNT-03",
        "governance",
        "A ballot's winning answer is the defined answer with the highest accumulated weight once "
        "the event has ended: 'Build' won the treasury vote and 'Yes' the Shimmer funding vote.",
        FixtureField("events/vote/shimmer_funding.json", "/payload/questions"),
        "winner = argmax_{answer} accumulated(answer)",
        state=True,
    ),
)

#: LaTeX forms of the formulas, rendered on the site.
LATEX: Final[dict[str, str]] = {
    "PRE-REWARD-01": r"\mathrm{reward} = \left\lfloor a \cdot n / d \right\rfloor \cdot "
    r"\bigl|[\max(s+1, b),\ \min(\mathit{at}, e, x-1)]\bigr|",
}

#: Short symbols of this program's parameters in the site's formulas (LaTeX), defined on the
#: Derivations page; a test checks that they are unique and that every formula has them.
NOTATION: Final[dict[str, str]] = {
    "ASSEMBLY_R1_START": r"m_{1}^{\mathrm{start}}",
    "ASSEMBLY_R1_END": r"m_{1}^{\mathrm{end}}",
    "ASSEMBLY_R1_RATE": r"\rho_{1}",
}

# ---------------------------------------------------------------------------------------------
# Seed versus deployed
# ---------------------------------------------------------------------------------------------

DIFFERENCES: Final[tuple[Difference, ...]] = (
    Difference(
        "DIFF-MILESTONE-CLOCK",
        "Time of the staking rounds",
        SeedQuote(
            SEED_STAKING,
            "every 10 seconds (the interval of milestones issued in the IOTA tangle)",
        ),
        "Rounds were scheduled by milestone index; the 10-second interval is nominal.",
        (FixtureField("README.md", "", "Rounds are scheduled by milestone index"),),
        "Contracts count milestones, never seconds; 90 days is 777,600 milestones only at the "
        "nominal interval (PRE-WINDOW-01).",
    ),
    Difference(
        "DIFF-PRE-COMMENCE",
        "The pre-staking (commence) window",
        None,
        "Each deployed event opened for participation before counting started: 60,480 "
        "milestones before round 1 and Shimmer, 25,920 before rounds 2–6; those milestones earn "
        "nothing.",
        (FixtureField("events/staking/assembly_01.json", "/milestoneIndexCommence"),),
        "The staking contract accepts bookings in commence < m ≤ end and counts start < m ≤ end.",
    ),
    Difference(
        "DIFF-PRE-MINIMUM",
        "A minimum reward per address",
        None,
        "Addresses below 1 ASMB (Assembly rounds) or 10 SMR (Shimmer) over an event received "
        "nothing.",
        (FixtureField("events/staking/assembly_01.json", "/payload/requiredMinimumRewards"),),
        "Both profiles apply the event's minimum to the uncapped per-address sums (PRE-REWARD-02).",
    ),
    Difference(
        "DIFF-U64-WRAP",
        "Totals past 2⁶⁴ − 1",
        None,
        "The node adds rewards and staked amounts in uint64 without an overflow check (the status "
        "totals, each address's sum and the results total), so past 2⁶⁴ − 1 they wrap; its "
        "overflow guard makes that reachable only if more than the IOTA supply were staked.",
        (
            Artefact(
                "iotaledger/hornet",
                "pkg/model/participation/participation_manager.go",
                "applyNewConfirmedMilestoneIndexForEvents: total.rewarded += "
                "currentRewardsPerMilestone (branch chrysalis)",
            ),
            Artefact(
                "iotaledger/hornet",
                "plugins/participation/participation.go",
                "getRewards: rewardsByAddress[addr] += rewards; response.TotalRewards += amount",
            ),
        ),
        "Sums are exact integers; a total that would pass 2⁶⁴ − 1 is refused with "
        "REWARD_OVERFLOW (rewards and status), never wrapped (PRE-REWARD-02); so is a ballot's "
        "tally past 2⁶⁴ − 1, reachable only with more than the supply booked at once.",
    ),
    Difference(
        "ERRATUM-VOTE-TALLY",
        "The published treasury-vote result",
        None,
        "The published file gives Build's accumulated weight as 30,820,033,631,800,548; its own "
        "checksum matches only 30,820,033,631,800,549, and …548 is the nearest 64-bit float to "
        "…549: a JSON tool rounded it.",
        (FixtureField("results/vote/governance_01.json", "/checksum"),),
        "The fixture is kept unchanged; tests verify that it fails with the published value and "
        "verifies with the corrected one (BALLOT-COUNT-02).",
    ),
)
