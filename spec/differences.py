"""Where the deployed network parted from the seed documents, with the evidence for each.

Each :class:`Difference` has a stable id, what the seeds say (a verbatim quote), what the network
did (with the artefact or derivation that shows it), and how this specification treats it: the
``seed`` and ``deployed`` profiles model both sides wherever both are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spec.sources import SEED_STAKING, FixtureField, SeedQuote, Source


@dataclass(frozen=True)
class Difference:
    id: str
    topic: str
    seed: SeedQuote | None
    deployed: str
    evidence: tuple[Source | str, ...]
    treatment: str


DIFFERENCES: Final[tuple[Difference, ...]] = (
    Difference(
        "DIFF-PRE-CAP",
        "The 8 % pre-launch maximum",
        SeedQuote(
            SEED_STAKING,
            "a maximum of 8% of the Assembly supply can be distributed to IOTA token stakers",
        ),
        "No cap was enforced: round 1 paid rate × stake × milestones.",
        (FixtureField("README.md", "", "No 8 % cap was enforced"),),
        "The deployed profile pays uncapped; the seed profile scales every address by C/T when "
        "the total T exceeds the cap C (PRE-CAP-02) and accounts for the rest (PRE-CAP-03).",
    ),
    Difference(
        "DIFF-PRE-FULL-STAKE",
        "What the whole supply staked would earn",
        SeedQuote(
            SEED_STAKING,
            "maximum 8 billion if 100% of the IOTA supply has been staked for Assembly",
        ),
        "The seed's own rate gives more: the whole supply staked for the 777,600 milestones "
        "earns PRE-FULL-STAKE-ASMB, about 8.645 B ASMB, so the maximum binds above the staked "
        "fraction PRE-CAP-BINDING-FRACTION.",
        ("PRE-FULL-STAKE-ASMB", "PRE-CAP-BINDING-FRACTION", "PRE-CAP-01"),
        "Both figures are derived; the seed profile's cap makes the seed's sentence true.",
    ),
    Difference(
        "DIFF-POST-DAILY",
        "The 639-day daily pro-rata distribution",
        SeedQuote(
            SEED_STAKING,
            "The ASMB distribution during the second staking period will happen on a",
        ),
        "Never built: rounds 2–6 were further 90-day per-milestone events at 2, 1, 1, 1 and 1 "
        "µASMB per Mi per milestone.",
        (
            FixtureField(
                "README.md", "", "The 639-day daily pro-rata distribution was never built"
            ),
            FixtureField("events/staking/assembly_02.json", "/payload/numerator"),
        ),
        "The seed profile's post-launch contract implements the seed's design; the deployed "
        "rounds are modelled as staking events.",
    ),
    Difference(
        "DIFF-SMR-SHARE",
        "Share of the initial SMR supply given to stakers",
        SeedQuote(
            SEED_STAKING,
            "100% of the initial supply will be distributed to IOTA token holders",
        ),
        "80 %: after the Shimmer funding vote the Community Treasury DAO and the Tangle "
        "Ecosystem Association received 10 % each (TIP-32).",
        (
            FixtureField(
                "README.md", "", "Stakers received 80 %, not 100 %, of the initial SMR supply."
            ),
            FixtureField("results/vote/shimmer_funding.json", "/checksum"),
        ),
        "The genesis contract computes both (SMR-GENESIS-02); the funding vote's outcome is "
        "recomputed from its results (BALLOT-COUNT-03).",
    ),
    Difference(
        "DIFF-SMR-UNIT",
        "The unit of the Shimmer rate",
        SeedQuote(SEED_STAKING, "1 Shimmer per 1 MIOTA per milestone"),
        "1 glow (10^-6 SMR) per Mi per milestone: the event's symbol says SMR, its amounts are "
        "glow.",
        (
            FixtureField(
                "README.md", "", "The Shimmer event's symbol says `SMR` but its amounts are"
            ),
            "PRE-SMR-LITERAL-FACTOR",
        ),
        "The literal reading would mint 10^6 times more (PRE-SMR-FULL-STAKE-LITERAL); the spec "
        "adopts the glow reading for both profiles.",
    ),
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

BY_ID: Final[dict[str, Difference]] = {d.id: d for d in DIFFERENCES}
