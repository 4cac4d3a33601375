"""Every constant of the specification, as a cited record with an exact value.

A :class:`Parameter` has a stable id (an upper-case constant name, which is also its anchor on the
published site), an exact value (SymPy ``Integer`` or ``Rational``, never a float), a unit, one
source (see :mod:`spec.sources`), the profiles it belongs to, and -- when governance may change it
-- the inclusive bounds a proposal must respect.

Token amounts are in base units, as the contracts count them: ASMB in micro-ASMB (µASMB), IOTA of
the Chrysalis era in ``i`` (1 Mi = 10^6 i), IOTA of today's network in nanos (10^-9 IOTA), SMR in
glow (10^-6 SMR). Ids are public API: they are never renamed, only retired.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import Final

import sympy

from spec.exact import to_fraction
from spec.sources import (
    SEED_ASSEMBLY,
    SEED_IOTASRB,
    SEED_STAKING,
    Artefact,
    ChosenBySpec,
    FixtureField,
    SeedQuote,
    Source,
)


class Profile(Enum):
    """Which design a value belongs to: the seed documents' plan, or what the network ran."""

    SEED = "seed"
    DEPLOYED = "deployed"


BOTH: Final = frozenset({Profile.SEED, Profile.DEPLOYED})
SEED: Final = frozenset({Profile.SEED})
DEPLOYED: Final = frozenset({Profile.DEPLOYED})


#: Governable ratios are set in whole basis points; integral parameters in whole units.
RATIO_RESOLUTION: Final = Fraction(1, 10_000)


@dataclass(frozen=True)
class Bounds:
    """Inclusive bounds within which governance may set a parameter."""

    minimum: Fraction
    maximum: Fraction

    def contains(self, value: Fraction) -> bool:
        return self.minimum <= value <= self.maximum


@dataclass(frozen=True)
class Parameter:
    """One constant of the specification."""

    id: str
    value: sympy.Rational
    unit: str
    description: str
    source: Source
    profiles: frozenset[Profile]
    governance: Bounds | None = None
    integral: bool = False

    @property
    def governable(self) -> bool:
        """True when the governance contract may change this parameter (within its bounds)."""
        return self.governance is not None

    @property
    def symbol(self) -> sympy.Symbol:
        """The SymPy symbol that stands for this parameter in derivations."""
        return sympy.Symbol(self.id, positive=True)


# Units, spelled once.
MICRO_ASMB: Final = "µASMB"
IOTA_I: Final = "i"
GLOW: Final = "glow"
NANOS: Final = "nanos"
RATIO: Final = "1"

MICRO: Final = 10**6
ASMB: Final = MICRO  # µASMB per ASMB
SMR: Final = MICRO  # glow per SMR
MI: Final = MICRO  # i per Mi
NANOS_PER_IOTA: Final = 10**9


def _r(numerator: int, denominator: int = 1) -> sympy.Rational:
    return sympy.Rational(numerator, denominator)


def _b(minimum: Fraction | int, maximum: Fraction | int) -> Bounds:
    return Bounds(Fraction(minimum), Fraction(maximum))


def _seed(document: str, quote: str) -> SeedQuote:
    return SeedQuote(document, quote)


def _readme(quote: str) -> FixtureField:
    return FixtureField("README.md", "", quote)


# ---------------------------------------------------------------------------------------------
# ASMB supply and allocation
# ---------------------------------------------------------------------------------------------

_SUPPLY: tuple[Parameter, ...] = (
    Parameter(
        "ASMB_DECIMALS",
        _r(6),
        "decimals",
        "ASMB is counted in micro-ASMB: 1 ASMB = 10^6 µASMB.",
        _readme("ASMB rewards are in micro-ASMB (6 decimals)"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "ASMB_INITIAL_SUPPLY",
        _r(100 * 10**9 * ASMB),
        MICRO_ASMB,
        "Initial (genesis) supply of ASMB: 100 billion ASMB.",
        _seed(SEED_STAKING, "total initial Assembly supply of 100 billion tokens"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_STAKERS_SHARE",
        _r(20, 100),
        RATIO,
        "Share of the initial ASMB supply given to IOTA stakers, pre- and post-launch together.",
        _seed(SEED_STAKING, "20% (20 billion tokens)"),
        BOTH,
    ),
    Parameter(
        "PRELAUNCH_MAX_SHARE",
        _r(8, 100),
        RATIO,
        "Maximum share of the initial ASMB supply distributed in the 90-day pre-launch window.",
        _seed(
            SEED_STAKING,
            "a maximum of 8% of the Assembly supply can be distributed to IOTA token stakers",
        ),
        SEED,
    ),
    Parameter(
        "POSTLAUNCH_PLANNED",
        _r(12 * 10**9 * ASMB),
        MICRO_ASMB,
        "ASMB planned for the post-launch distribution when the pre-launch maximum is reached; "
        "the distribution runs on the Assembly network, so its governance may change the amount "
        "(ASMB-SPLIT-01 then says whether the 20 % promise still holds).",
        _seed(SEED_STAKING, "the already planned 12 billion ASMB tokens to IOTA stakers"),
        SEED,
        governance=_b(0, 20 * 10**9 * ASMB),
        integral=True,
    ),
    Parameter(
        "COMMUNITY_SHARE",
        _r(70, 100),
        RATIO,
        "Share of the ASMB supply reserved for developer incentives, community DAOs and grants.",
        _seed(
            SEED_ASSEMBLY,
            "70% of the entire token supply of Assembly will be reserved for developer "
            "incentives, community-governed DAOs and grants",
        ),
        BOTH,
    ),
    Parameter(
        "ASMB_INFLATION_RATE",
        _r(8, 100),
        "1/year",
        "Yearly ASMB inflation, minted to stakers; governance may lower it.",
        _seed(SEED_STAKING, "The yearly inflation of the Assembly supply is set to 8%."),
        BOTH,
        governance=_b(0, Fraction(8, 100)),
    ),
)

# ---------------------------------------------------------------------------------------------
# Pre-launch staking (IOTA -> ASMB, IOTA -> SMR), 2021-12-28 + 90 days
# ---------------------------------------------------------------------------------------------

_PRELAUNCH: tuple[Parameter, ...] = (
    Parameter(
        "IOTA_TOTAL_SUPPLY",
        _r(2_779_530_283_277_761),
        IOTA_I,
        "Total IOTA supply of the Chrysalis network, in i.",
        _readme("2,779,530,283,277,761 i"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_I_PER_MI",
        _r(MI),
        "i/Mi",
        "One Mi (MIOTA) is 10^6 i.",
        _readme("1 Mi = 10^6 i"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "MILESTONE_INTERVAL",
        _r(10),
        "s",
        "Nominal interval between milestones of the IOTA Tangle.",
        _seed(
            SEED_STAKING,
            "every 10 seconds (the interval of milestones issued in the IOTA tangle)",
        ),
        SEED,
        integral=True,
    ),
    Parameter(
        "SECONDS_PER_DAY",
        _r(86_400),
        "s",
        "Seconds in a day.",
        Artefact("BIPM", "SI Brochure, table 8", "1 d = 24 h = 86 400 s"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "PRELAUNCH_DAYS",
        _r(90),
        "days",
        "Length of the pre-launch staking window.",
        _seed(SEED_STAKING, "generated Assembly and Shimmer tokens for 90 days"),
        SEED,
        integral=True,
    ),
    Parameter(
        "PRELAUNCH_START_TIME",
        _r(1_640_700_000),
        "s since 1970-01-01 UTC",
        "Start of pre-launch staking: 2021-12-28 15:00 CET = 14:00 UTC.",
        _seed(SEED_STAKING, "Starting from 28 December 2021, at  3 p.m. CET"),
        SEED,
        integral=True,
    ),
    Parameter(
        "PRELAUNCH_ASMB_RATE",
        _r(4, MI),
        "µASMB/(i·milestone)",
        "ASMB accrued per staked i per milestone: 0.000004 ASMB per Mi = 4 µASMB per 10^6 i.",
        _seed(SEED_STAKING, "0,000004 ASMB tokens per 1 MIOTA per milestone"),
        BOTH,
    ),
    Parameter(
        "PRELAUNCH_SMR_RATE",
        _r(1, MI),
        "glow/(i·milestone)",
        "SMR accrued per staked i per milestone as deployed: 1 glow per Mi.",
        _readme('"1 Shimmer per 1 MIOTA per milestone" in the seed is 1 glow'),
        DEPLOYED,
    ),
    Parameter(
        "PRELAUNCH_SMR_RATE_LITERAL",
        _r(1),
        "glow/(i·milestone)",
        "The seed's words read literally: 1 SMR (10^6 glow) per Mi, i.e. 1 glow per i.",
        _seed(SEED_STAKING, "1 Shimmer per 1 MIOTA per milestone"),
        SEED,
    ),
    Parameter(
        "SMR_STAKERS_SHARE_SEED",
        _r(1),
        RATIO,
        "Share of the initial SMR supply the seed gives to IOTA stakers.",
        _seed(
            SEED_STAKING,
            "100% of the initial supply will be distributed to IOTA token holders",
        ),
        SEED,
    ),
)

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
                _r(commence),
                "milestone",
                f"{label}: first milestone of the pre-staking (commence) window.",
                FixtureField(path, "/milestoneIndexCommence"),
                DEPLOYED,
                integral=True,
            ),
            Parameter(
                f"{prefix}_START",
                _r(start),
                "milestone",
                f"{label}: the event starts after this milestone.",
                FixtureField(path, "/milestoneIndexStart"),
                DEPLOYED,
                integral=True,
            ),
            Parameter(
                f"{prefix}_END",
                _r(end),
                "milestone",
                f"{label}: last milestone of the event.",
                FixtureField(path, "/milestoneIndexEnd"),
                DEPLOYED,
                integral=True,
            ),
            Parameter(
                f"{prefix}_RATE",
                _r(numerator, denominator),
                f"{token}/(i·milestone)",
                f"{label}: reward per staked i per milestone (numerator/denominator).",
                FixtureField(path, "/payload/numerator,/payload/denominator"),
                DEPLOYED,
            ),
            Parameter(
                f"{prefix}_MIN_REWARDS",
                _r(minimum),
                token,
                f"{label}: an address with fewer rewards over the event receives none.",
                FixtureField(path, "/payload/requiredMinimumRewards"),
                DEPLOYED,
                integral=True,
            ),
        ]
    return tuple(records)


# ---------------------------------------------------------------------------------------------
# Post-launch ASMB distribution (21 months / 639 days)
# ---------------------------------------------------------------------------------------------

_POSTLAUNCH: tuple[Parameter, ...] = (
    Parameter(
        "POSTLAUNCH_MONTHS",
        _r(21),
        "months",
        "Length of the post-launch distribution in months.",
        _seed(SEED_STAKING, "IOTA staking for ASMB will be possible for 21 more months"),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_DAYS",
        _r(639),
        "days",
        "Length of the post-launch distribution in days: one payout per day.",
        _seed(SEED_STAKING, "21.909.233 ASMB tokens to the IOTA stakers over 639 days"),
        SEED,
        integral=True,
    ),
    Parameter(
        "STAKING_TOTAL_MONTHS",
        _r(24),
        "months",
        "Pre-launch and post-launch staking together.",
        _seed(SEED_STAKING, "until a total of 24 months of staking has passed"),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_EXAMPLE_D1",
        _r(6 * 10**9 * ASMB),
        MICRO_ASMB,
        "The seed's worked example: ASMB distributed in the first 90 days.",
        _seed(
            SEED_STAKING,
            "If only 6 billion ASMB tokens had been distributed in the first 90 days",
        ),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_EXAMPLE_REMAINING",
        _r(14 * 10**9 * ASMB),
        MICRO_ASMB,
        "The seed's worked example: ASMB still available for the 21 months.",
        _seed(SEED_STAKING, "14 billion ASMB tokens would still be available"),
        SEED,
        integral=True,
    ),
    Parameter(
        "POSTLAUNCH_EXAMPLE_DAILY",
        _r(21_909_233),
        "ASMB/day",
        "The seed's worked example: the daily payout, in whole ASMB.",
        _seed(SEED_STAKING, "21.909.233 ASMB tokens to the IOTA stakers over 639 days"),
        SEED,
        integral=True,
    ),
)

_ACCUMULATOR: tuple[Parameter, ...] = (
    Parameter(
        "ACCUMULATOR_SCALE",
        _r(10**18),
        "1",
        "Fixed-point scale of the reward-per-unit-of-stake accumulator.",
        ChosenBySpec(
            "Cosmos SDK x/distribution (F1)",
            "reward-per-stake ratios kept at 18 decimal places, as LegacyDec keeps them",
        ),
        BOTH,
        integral=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# Shimmer: genesis (TIP-32) and SMR staking
# ---------------------------------------------------------------------------------------------

_SHIMMER: tuple[Parameter, ...] = (
    Parameter(
        "SMR_DECIMALS",
        _r(6),
        "decimals",
        "SMR is counted in glow: 1 SMR = 10^6 glow.",
        _readme("its amounts are glow, 10^-6 SMR"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "SMR_INFLATION_RATE",
        _r(8, 100),
        "1/year",
        "Yearly SMR inflation, minted to SMR stakers.",
        _seed(SEED_STAKING, "The Shimmer network has yearly inflation of 8% planned."),
        SEED,
    ),
    Parameter(
        "SMR_EPOCHS_PER_YEAR",
        _r(365),
        "epochs",
        "Epochs of SMR staking in an inflation year (daily epochs, a 365-day year).",
        ChosenBySpec("IOTASRB", "365-day year without leap days; daily epochs as IOTA's"),
        SEED,
        integral=True,
    ),
    Parameter(
        "SMR_MAX_EPOCHS_PER_CALL",
        _r(3_650),
        "epochs",
        "Most epochs one SMR staking call may end: each epoch's mint is its own rule "
        "(compounding), so a call that moves the clock further is refused (INVALID_DAY).",
        ChosenBySpec(
            "the bounded work of a block (Ethereum's gas limit)",
            "ten years of daily epochs per call; later epochs are reached by later calls",
        ),
        SEED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_SUPPLY",
        _r(1_813_620_509_061_365),
        GLOW,
        "Total Shimmer genesis supply (TIP-32).",
        _readme("80 % of a total of 1,813,620,509,061,365 glow"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_STAKERS",
        _r(1_450_896_407_249_092),
        GLOW,
        "Shimmer genesis: glow received by IOTA stakers (TIP-32).",
        _readme("Stakers received 1,450,896,407,249,092 glow"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_DAO",
        _r(181_362_050_906_137),
        GLOW,
        "Shimmer genesis: glow of the Community Treasury DAO (TIP-32).",
        _readme("181,362,050,906,137"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_GENESIS_TEA",
        _r(181_362_050_906_136),
        GLOW,
        "Shimmer genesis: glow of the Tangle Ecosystem Association (TIP-32).",
        _readme("181,362,050,906,136"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "SHIMMER_STAKERS_SHARE",
        _r(80, 100),
        RATIO,
        "Share of the Shimmer genesis supply given to stakers as deployed.",
        _readme("80 %"),
        DEPLOYED,
    ),
    Parameter(
        "SHIMMER_DAO_SHARE",
        _r(10, 100),
        RATIO,
        "Share of the Shimmer genesis supply given to the Community Treasury DAO.",
        _readme("received 10 % each"),
        DEPLOYED,
    ),
    Parameter(
        "SHIMMER_TEA_SHARE",
        _r(10, 100),
        RATIO,
        "Share of the Shimmer genesis supply given to the Tangle Ecosystem Association.",
        _readme("received 10 % each"),
        DEPLOYED,
    ),
)

# ---------------------------------------------------------------------------------------------
# IOTA Staking Rewards Benchmark (seed 002) and today's IOTA network
# ---------------------------------------------------------------------------------------------

_IOTA: tuple[Parameter, ...] = (
    Parameter(
        "IOTA_DECIMALS",
        _r(9),
        "decimals",
        "IOTA of today's network is counted in nanos: 1 IOTA = 10^9 nanos.",
        Artefact(
            "iotaledger/iota",
            "crates/iota-types/src/gas_coin.rs",
            "NANOS_PER_IOTA: u64 = 1_000_000_000",
        ),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTASRB_DAYS_PER_YEAR",
        _r(365),
        "days",
        "Days in the IOTASRB year: leap years are not accommodated.",
        _seed(SEED_IOTASRB, "IOTASRB employs a 365-day convention"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_EPOCH_SECONDS",
        _r(86_400),
        "s",
        "Length of an epoch of today's IOTA network (24 hours).",
        Artefact(
            "iotaledger/iota",
            "crates/iota-config/src/genesis.rs",
            "default_epoch_duration_ms: 24 * 60 * 60 * 1000 (24 hrs)",
        ),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_REWARDS_PER_EPOCH",
        _r(767_000 * NANOS_PER_IOTA),
        NANOS,
        "Validator target reward per epoch: 767,000 IOTA.",
        _seed(SEED_IOTASRB, "The number of rewarded tokens per epoch (767000 IOTA)."),
        BOTH,
        integral=True,
    ),
    Parameter(
        "IOTA_REPORT_QUORUM",
        _r(2, 3),
        RATIO,
        "Share of voting power whose reports slash a validator's epoch rewards.",
        _seed(SEED_IOTASRB, "If the 2/3rd majority of voting power in an epoch votes in favor"),
        BOTH,
    ),
)

_IOTA_SYSTEM = "crates/iota-framework/packages/iota-system/sources"
_IOTA_REPO = "iotaledger/iota"
_IOTA_CONFIG = "crates/iota-protocol-config/src/lib.rs"
_IOTA_GOVERNANCE = "crates/iota-types/src/governance.rs"

_IOTA_FRAMEWORK: tuple[Parameter, ...] = (
    Parameter(
        "IOTA_TOTAL_VOTING_POWER",
        _r(10_000),
        "voting power",
        "Total voting power of the IOTA committee.",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/voting_power.move", "TOTAL_VOTING_POWER = 10_000"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_QUORUM_THRESHOLD",
        _r(6_667),
        "voting power",
        "Voting power of a quorum (reports by a quorum slash a validator's epoch rewards).",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/voting_power.move", "QUORUM_THRESHOLD = 6_667"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MAX_VOTING_POWER",
        _r(1_000),
        "voting power",
        "Floor of the per-validator cap: the cap is max(1,000, ceil(10,000 / n)).",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/voting_power.move", "MAX_VOTING_POWER = 1_000"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MAX_COMMISSION",
        _r(2_000, 10_000),
        RATIO,
        "Highest commission rate a validator may set (2,000 basis points).",
        Artefact(_IOTA_REPO, f"{_IOTA_SYSTEM}/validator.move", "MAX_COMMISSION_RATE = 2_000"),
        DEPLOYED,
    ),
    Parameter(
        "IOTA_MIN_STAKE",
        _r(NANOS_PER_IOTA),
        NANOS,
        "Smallest stake a staker may request: 1 IOTA.",
        Artefact(
            _IOTA_REPO,
            f"{_IOTA_SYSTEM}/validator_set.move",
            "MIN_STAKING_THRESHOLD = 1_000_000_000",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_REWARD_SLASHING_RATE",
        _r(10_000, 10_000),
        RATIO,
        "Share of a slashed validator's epoch reward that is cut (all of it), then burned.",
        Artefact(
            _IOTA_REPO,
            "crates/iota-protocol-config/src/lib.rs",
            "reward_slashing_rate = 10000 (basis points)",
        ),
        DEPLOYED,
    ),
    Parameter(
        "IOTA_MAX_COMMITTEE",
        _r(100),
        "validators",
        "Largest committee: the top validators by stake (protocol version 17 on).",
        Artefact(
            _IOTA_REPO,
            _IOTA_CONFIG,
            "max_committee_members_count = 100 (from protocol version 17)",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_PROTOCOL_VERSION",
        _r(31),
        "version",
        "The IOTA protocol version this specification models (mainnet): its framework's rules "
        "and its protocol config.",
        Artefact(_IOTA_REPO, _IOTA_CONFIG, "MAX_PROTOCOL_VERSION: u64 = 31"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_IIP8_PROTOCOL_VERSION",
        _r(20),
        "version",
        "The protocol version from which IIP-8's dynamic minimum commission applies, on all "
        "networks: a validator's commission is at least its voting power in basis points.",
        Artefact(_IOTA_REPO, _IOTA_CONFIG, "PROTOCOL_VERSION_IIP8: u64 = 20"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_LOW_STAKE_THRESHOLD",
        _r(1_500_000 * NANOS_PER_IOTA),
        NANOS,
        "Below this stake a validator is at risk: after more than the grace period of epoch "
        "changes in a row below it, it leaves the set (genesis default: 1,500,000 IOTA).",
        Artefact(
            _IOTA_REPO, _IOTA_GOVERNANCE, "VALIDATOR_LOW_STAKE_THRESHOLD_NANOS = 1_500_000 IOTA"
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_VERY_LOW_STAKE_THRESHOLD",
        _r(1_000_000 * NANOS_PER_IOTA),
        NANOS,
        "Below this stake at an epoch change a validator leaves the set at once (genesis "
        "default: 1,000,000 IOTA).",
        Artefact(
            _IOTA_REPO,
            _IOTA_GOVERNANCE,
            "VALIDATOR_VERY_LOW_STAKE_THRESHOLD_NANOS = 1_000_000 IOTA",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_LOW_STAKE_GRACE_PERIOD",
        _r(7),
        "epochs",
        "Epoch changes a validator may stay below the low-stake threshold (and at or above the "
        "very-low one) before it leaves: it leaves at the eighth in a row.",
        Artefact(_IOTA_REPO, _IOTA_GOVERNANCE, "VALIDATOR_LOW_STAKE_GRACE_PERIOD = 7"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MIN_VALIDATOR_COUNT",
        _r(4),
        "validators",
        "A validator may not ask to leave when that would take a set of at least this many "
        "below it.",
        Artefact(
            _IOTA_REPO,
            f"{_IOTA_SYSTEM}/iota_system_state_inner.move",
            "create_system_parameters: min_validator_count: 4",
        ),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MAX_VALIDATOR_COUNT",
        _r(150),
        "validators",
        "Most validators the set may hold next epoch: a candidate cannot ask to join beyond it "
        "(genesis default).",
        Artefact(_IOTA_REPO, _IOTA_GOVERNANCE, "MAX_VALIDATOR_COUNT: u64 = 150"),
        DEPLOYED,
        integral=True,
    ),
    Parameter(
        "IOTA_MIN_VALIDATOR_JOINING_STAKE",
        _r(2_000_000 * NANOS_PER_IOTA),
        NANOS,
        "Stake a candidate needs to join the validator set (genesis default: 2,000,000 IOTA).",
        Artefact(
            _IOTA_REPO,
            "crates/iota-types/src/governance.rs",
            "MIN_VALIDATOR_JOINING_STAKE_NANOS = 2_000_000 IOTA",
        ),
        DEPLOYED,
        integral=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# Assembly root chain and governance: values the seeds leave open, chosen by this spec
# ---------------------------------------------------------------------------------------------

_COSMOS_STAKING = "Cosmos SDK x/staking"
_COSMOS_SLASHING = "Cosmos SDK x/slashing"
_COSMOS_GOV = "Cosmos SDK x/gov"
_IOTA_MOVE = "IOTA Move framework (iota-system)"

_ROOT_CHAIN: tuple[Parameter, ...] = (
    Parameter(
        "ASMB_EPOCH_SECONDS",
        _r(86_400),
        "s",
        "Length of an Assembly root-chain epoch.",
        ChosenBySpec(_IOTA_MOVE, "24-hour epochs, as today's IOTA network runs them"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "ASMB_EPOCHS_PER_YEAR",
        _r(365),
        "epochs",
        "Epochs in an inflation year (a 365-day year, as the IOTASRB convention).",
        ChosenBySpec("IOTASRB", "365-day year without leap days, so a year is 365 epochs"),
        BOTH,
        integral=True,
    ),
    Parameter(
        "ASMB_MIN_VALIDATOR_BOND",
        _r(1_000_000 * ASMB),
        MICRO_ASMB,
        "Smallest self-bond with which a validator registers ('a small amount of staked ASMB').",
        ChosenBySpec(
            _IOTA_MOVE,
            "a joining stake threshold, set at 10^-5 of the initial supply (1,000,000 ASMB)",
        ),
        BOTH,
        governance=_b(1 * ASMB, 1_000_000_000 * ASMB),
        integral=True,
    ),
    Parameter(
        "ASMB_UNBONDING_EPOCHS",
        _r(21),
        "epochs",
        "Epochs between an unbonding request and the release of the stake.",
        ChosenBySpec(_COSMOS_STAKING, "unbonding_time of 21 days (1,814,400 s)"),
        BOTH,
        governance=_b(1, 60),
        integral=True,
    ),
    Parameter(
        "ASMB_MAX_COMMISSION",
        _r(20, 100),
        RATIO,
        "Highest commission (profit share kept by a validator) a validator may set.",
        ChosenBySpec(_IOTA_MOVE, "MAX_COMMISSION_RATE of 2,000 basis points"),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "ASMB_MIN_COMMISSION",
        _r(0),
        RATIO,
        "Lowest commission a validator may set.",
        ChosenBySpec(_COSMOS_STAKING, "min_commission_rate of 0"),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "SLASH_FRACTION_MINOR",
        _r(1, 100),
        RATIO,
        "Fraction of bonded and delegated stake burned for a minor offence (liveness).",
        ChosenBySpec(_COSMOS_SLASHING, "slash_fraction_downtime of 0.01"),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "SLASH_FRACTION_MAJOR",
        _r(5, 100),
        RATIO,
        "Fraction of bonded and delegated stake burned for a major offence (equivocation).",
        ChosenBySpec(_COSMOS_SLASHING, "slash_fraction_double_sign of 0.05"),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "SLASH_FRACTION_CRITICAL",
        _r(1),
        RATIO,
        "Fraction burned for a critical offence (a proven invalid state commit): all of it.",
        ChosenBySpec(
            "the seeds",
            "a deposited stake 'can be partially or fully slashed if the validator acts "
            "maliciously'",
        ),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "GOV_MIN_DEPOSIT",
        _r(10_000 * ASMB),
        MICRO_ASMB,
        "Deposit a proposal needs to enter its voting period.",
        ChosenBySpec(_COSMOS_GOV, "a min_deposit that any holder can meet: 10^-7 of the supply"),
        BOTH,
        governance=_b(1 * ASMB, 1_000_000_000 * ASMB),
        integral=True,
    ),
    Parameter(
        "GOV_VOTING_EPOCHS",
        _r(14),
        "epochs",
        "Length of a proposal's voting period.",
        ChosenBySpec(_COSMOS_GOV, "the Cosmos Hub's voting_period of 1,209,600 s (14 days)"),
        BOTH,
        governance=_b(1, 90),
        integral=True,
    ),
    Parameter(
        "GOV_QUORUM",
        _r(334, 1000),
        RATIO,
        "Share of bonded stake that must vote for a tally to count.",
        ChosenBySpec(_COSMOS_GOV, "quorum of 0.334"),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "GOV_THRESHOLD",
        _r(1, 2),
        RATIO,
        "Share of non-abstaining votes that must be yes for a proposal to pass.",
        ChosenBySpec(_COSMOS_GOV, "threshold of 0.5"),
        BOTH,
        governance=_b(Fraction(1, 2), 1),
    ),
    Parameter(
        "GOV_VETO_THRESHOLD",
        _r(334, 1000),
        RATIO,
        "Share of all votes voting no-with-veto that rejects a proposal and burns its deposit.",
        ChosenBySpec(_COSMOS_GOV, "veto_threshold of 0.334"),
        BOTH,
        governance=_b(0, 1),
    ),
    Parameter(
        "GOV_ACTIVATION_DELAY_EPOCHS",
        _r(2),
        "epochs",
        "Epochs between the end of a passed proposal's vote and the epoch its change applies.",
        ChosenBySpec(
            _COSMOS_GOV,
            "like a software-upgrade proposal scheduled at a later height: one full epoch of "
            "notice between the tally and the change",
        ),
        BOTH,
        governance=_b(1, 365),
        integral=True,
    ),
)

PARAMETERS: Final[tuple[Parameter, ...]] = (
    _SUPPLY
    + _PRELAUNCH
    + _event_parameters()
    + _POSTLAUNCH
    + _ACCUMULATOR
    + _SHIMMER
    + _IOTA
    + _IOTA_FRAMEWORK
    + _ROOT_CHAIN
)

BY_ID: Final[dict[str, Parameter]] = {parameter.id: parameter for parameter in PARAMETERS}


class UnknownParameter(KeyError):
    """No parameter has this id."""


def get(parameter_id: str) -> Parameter:
    """The parameter with this id."""
    try:
        return BY_ID[parameter_id]
    except KeyError:
        raise UnknownParameter(parameter_id) from None


def value(parameter_id: str) -> sympy.Rational:
    """The exact value of a parameter."""
    return get(parameter_id).value


def integer(parameter_id: str) -> int:
    """The value of an integral parameter as a plain ``int`` (what contracts use)."""
    parameter = get(parameter_id)
    if not parameter.integral:
        raise TypeError(f"{parameter_id} is not an integral parameter")
    return int(parameter.value)


def ratio(parameter_id: str) -> Fraction:
    """The value of a parameter as an exact :class:`fractions.Fraction`."""
    return to_fraction(get(parameter_id).value)


def symbol(parameter_id: str) -> sympy.Symbol:
    """The SymPy symbol of a parameter."""
    return get(parameter_id).symbol


Environment = Mapping[str, sympy.Rational]


def default_environment() -> dict[str, sympy.Rational]:
    """Every parameter id mapped to its value as published."""
    return {parameter.id: parameter.value for parameter in PARAMETERS}


def check_governable(parameter_id: str, value: Fraction) -> str | None:
    """Why governance may not set ``parameter_id`` to ``value``, or None when it may.

    The parameter must exist and be governable, and the value must lie within its bounds and be
    a whole number of its resolution (basis points for ratios, units for integral parameters).
    """
    parameter = BY_ID.get(parameter_id)
    if parameter is None:
        return f"{parameter_id} is not a parameter of this specification"
    if parameter.governance is None:
        return f"{parameter_id} is not governable (source: {parameter.source.kind})"
    bounds = parameter.governance
    if not bounds.contains(value):
        return f"{parameter_id} = {value} is outside its bounds {bounds.minimum}..{bounds.maximum}"
    step = Fraction(1) if parameter.integral else RATIO_RESOLUTION
    if (value / step).denominator != 1:
        return f"{parameter_id} = {value} is not a whole multiple of {step}"
    return None


def substitutions(environment: Environment, ids: Iterable[str]) -> dict[sympy.Symbol, object]:
    """The SymPy substitution that gives each named parameter its value in ``environment``."""
    return {symbol(parameter_id): environment[parameter_id] for parameter_id in ids}
