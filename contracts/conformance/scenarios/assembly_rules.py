"""Scenarios of the Assembly root chain at the thresholds its rules name, one rule each.

Governance: the yes share of exactly one half of the non-abstaining votes and one unit either
side; a turnout of exactly the quorum, reached through abstentions, and one unit either side; a
veto share of exactly the veto threshold and one unit either side. Three proposals per rule are
submitted in consecutive epochs, so their tallies fall in consecutive epochs; between two
tallies, one unit of bonded stake moves between two voters, which moves the tally by one unit
while the total bonded stays the same (the quorum) or the votes cast do (the veto).

Validators: the minimum bond, the maximum commission, the unbonding period (a withdrawal one
epoch before maturity, at it, and after it), the evidence age limit (an offence exactly as old
as the unbonding period allows, one epoch older, one younger, and one before the validator
existed), every refusal of the validator and chain operations, and the supply at 2⁶⁴ − 1.
"""

from __future__ import annotations

from contracts.conformance.scenarios.base import JSON, SYSTEM, Scenario, Step, s

_ASMB = 10**6
#: The minimum validator bond (ASMB_MIN_VALIDATOR_BOND): 1,000,000 ASMB.
BOND = 1_000_000 * _ASMB
DEPOSIT = 10_000 * _ASMB
_RESERVES = {"genesis:community": 10**9 * _ASMB}


def seed(n: int) -> str:
    return f"{n:016x}"


def _advance(first: int, last: int) -> list[Step]:
    """advanceEpoch from epoch ``first`` until the chain is at epoch ``last``."""
    return [s("advanceEpoch", caller=SYSTEM, seed=seed(n)) for n in range(first + 1, last + 1)]


def _validators() -> list[Step]:
    return [
        s(
            "registerValidator",
            operator=operator,
            validatorId=vid,
            bond=BOND,
            commissionBp=1_000,
            operational=True,
            epoch=0,
        )
        for operator, vid in (("op-a", "va"), ("op-b", "vb"))
    ]


def _governance(
    name: str,
    description: str,
    powers: dict[str, int],
    changes: tuple[JSON, JSON, JSON],
    votes: list[tuple[str, str]],
    moves: tuple[tuple[str, str, int], tuple[str, str, int]],
    tags: tuple[str, ...],
) -> Scenario:
    """Voters delegate ``powers`` to ``va``; proposals 1, 2 and 3 are submitted in epochs 1, 2
    and 3 and each voter votes its option on all three; between the tallies (the ends of epochs
    14, 15 and 16) ``moves`` each take ``amount`` from one voter's stake to another's."""
    balances = {**_RESERVES, "op-a": BOND, "op-b": BOND, "proposer": 4 * DEPOSIT}
    balances.update({voter: power + 10 * _ASMB for voter, power in powers.items()})
    steps = _validators()
    steps += [
        s("delegate", holder=voter, validatorId="va", amount=power, epoch=0)
        for voter, power in powers.items()
    ]
    steps += _advance(0, 1)
    for number, change in enumerate(changes, start=1):
        steps.append(
            s("submitProposal", proposer="proposer", changes=change, deposit=DEPOSIT, epoch=number)
        )
        steps += [
            s("vote", voter=voter, proposalId=number, option=option, epoch=number)
            for voter, option in votes
        ]
        steps += _advance(number, number + 1)
    steps += _advance(4, 14)
    for epoch, (source, target, amount) in zip((15, 16), moves, strict=True):
        steps.append(s("totalBonded"))
        steps += _advance(epoch - 1, epoch)
        steps.append(s("undelegate", holder=source, validatorId="va", amount=amount, epoch=epoch))
        steps.append(s("delegate", holder=target, validatorId="va", amount=amount, epoch=epoch))
    steps.append(s("totalBonded"))
    steps += _advance(16, 19)
    return Scenario("assembly", name, description, {"balances": balances}, tuple(steps), tags)


def _yes_share() -> Scenario:
    half = 3 * BOND
    return _governance(
        "governance-yes-share",
        "Yes and no of 3,000,000 ASMB each (exactly one half: rejected), then yes one µASMB "
        "more than no (passed, enforced as its activation epoch begins), then one less "
        "(rejected); an abstention of 4,000,000 ASMB carries each past the quorum.",
        {"yes": half, "no": half, "abstains": 4 * BOND},
        (
            {"ASMB_UNBONDING_EPOCHS": 20},
            {"ASMB_INFLATION_RATE": "6/100"},
            {"ASMB_UNBONDING_EPOCHS": 22},
        ),
        [("yes", "yes"), ("no", "no"), ("abstains", "abstain")],
        (("abstains", "yes", 1), ("yes", "abstains", 2)),
        ("governance", "thresholds"),
    )


def _quorum() -> Scenario:
    # Bonded B = 500 k with B − 2 minimum bonds − 1 − (Q − 1) left idle: the quorum
    # Q = 167 k is reached exactly by one µASMB of yes and Q − 1 of abstention.
    k = 6_006_006_007
    quorum = 167 * k
    idle = 500 * k - 2 * BOND - 1 - (quorum - 1)
    return _governance(
        "governance-quorum",
        "The quorum, 33.4 % of 3,003,003.0035 ASMB bonded, reached exactly by one µASMB of yes "
        "and the rest in abstentions (passed), then by one µASMB more (passed), then missed "
        "by one (rejected).",
        {"tiny": 1, "abstains": quorum - 1, "idle": idle},
        (
            {"SLASH_FRACTION_MINOR": "2/100"},
            {"GOV_MIN_DEPOSIT": 20_000 * _ASMB},
            {"SLASH_FRACTION_MINOR": "3/100"},
        ),
        [("tiny", "yes"), ("abstains", "abstain")],
        (("idle", "abstains", 1), ("abstains", "idle", 2)),
        ("governance", "thresholds"),
    )


def _veto() -> Scenario:
    m = 4_000_000_000
    return _governance(
        "governance-veto",
        "Votes of 2,000,000 ASMB: a veto of exactly 33.4 % of them (rejected, the deposit "
        "returned), then one µASMB more (vetoed, the deposit burned), then one less "
        "(rejected).",
        {"vetoes": 167 * m, "no": 333 * m},
        (
            {"GOV_VOTING_EPOCHS": 10},
            {"GOV_VOTING_EPOCHS": 11},
            {"GOV_VOTING_EPOCHS": 12},
        ),
        [("vetoes", "no-with-veto"), ("no", "no")],
        (("no", "vetoes", 1), ("vetoes", "no", 2)),
        ("governance", "thresholds", "veto"),
    )


def _proposal_refusals() -> Scenario:
    balances = {**_RESERVES, "op-a": BOND, "op-b": BOND, "eve": DEPOSIT + 5, "dana": 3 * BOND}
    steps = _validators() + [
        s("delegate", holder="dana", validatorId="va", amount=BOND, epoch=0),
        s(
            "submitProposal",
            proposer="eve",
            changes={"GOV_QUORUM": "1/2"},
            deposit=DEPOSIT - 1,
            epoch=0,
        ),
        s(
            "submitProposal",
            proposer="eve",
            changes={"GOV_QUORUM": "1/2"},
            deposit=DEPOSIT + 6,
            epoch=0,
        ),
        s(
            "submitProposal",
            proposer="eve",
            changes={"GOV_QUORUM": "1/2"},
            deposit=DEPOSIT,
            epoch=0,
        ),
        s(
            "submitProposal",
            proposer="dana",
            changes={"ASMB_DECIMALS": 7},
            deposit=DEPOSIT,
            epoch=0,
        ),
        s("submitProposal", proposer="dana", changes={"GOV_QUORUM": "2"}, deposit=DEPOSIT, epoch=0),
        s("vote", voter="dana", proposalId=2, option="yes", epoch=0),
        s(
            "submitProposal",
            proposer="dana",
            changes={"GOV_VOTING_EPOCHS": 13},
            deposit=DEPOSIT + 1,
            epoch=0,
        ),
        s("vote", voter="eve", proposalId=1, option="yes", epoch=0),
        s("vote", voter="dana", proposalId=1, option="no", epoch=0),
        s("vote", voter="dana", proposalId=1, option="yes", epoch=0),
        *_advance(0, 12),
        s("vote", voter="op-a", proposalId=1, option="abstain", epoch=12),
        *_advance(12, 13),
        s("vote", voter="op-b", proposalId=1, option="yes", epoch=13),
        *_advance(13, 14),
        s("vote", voter="op-b", proposalId=1, option="yes", epoch=14),
        s("totalBonded"),
        s("bondedValue", holder="dana"),
        s("bondedValue", holder="eve"),
    ]
    return Scenario(
        "assembly",
        "proposal-refusals",
        "A deposit one µASMB below the minimum, one above the balance, and exactly the "
        "minimum; a parameter that is not governable and a value out of bounds; votes on an "
        "unknown proposal, without bonded stake, twice, in the last voting epoch and after it.",
        {"balances": balances},
        tuple(steps),
        ("governance",),
    )


def _validator_rules() -> Scenario:
    balances = {
        **_RESERVES,
        "op-a": 3 * BOND,
        "op-b": 3 * BOND,
        "op-c": 2 * BOND,
        "op-d": 4 * BOND,
        "op-e": BOND - 1,
        "op-f": BOND + 1,
        "dana": 5 * BOND,
        "payer": 10 * _ASMB,
    }

    def register(operator: str, vid: str, bond: int, commission: int = 1_000) -> Step:
        return s(
            "registerValidator",
            operator=operator,
            validatorId=vid,
            bond=bond,
            commissionBp=commission,
            operational=True,
            epoch=0,
        )

    steps = [
        register("op-a", "va", BOND - 1),
        register("op-a", "va", BOND),
        register("op-b", "va", BOND),
        register("op-b", "vb", 2 * BOND, 2_001),
        register("op-b", "vb", 2 * BOND, 2_000),
        register("op-c", "vc", 2 * BOND + 1),
        register("op-c", "vc", 2 * BOND - 1, 0),
        register("op-d", "vd", 3 * BOND + 1, 1),
        register("op-e", "ve", BOND - 1),
        register("op-a", "vf", BOND + 1, 1_999),
        register("op-f", "vf", BOND + 1, 1_999),
        s("delegate", holder="dana", validatorId="nobody", amount=1, epoch=0),
        s("delegate", holder="dana", validatorId="va", amount=5 * BOND + 1, epoch=0),
        s("delegate", holder="dana", validatorId="va", amount=2 * BOND, epoch=0),
        s("delegate", holder="dana", validatorId="vd", amount=1, epoch=0),
        s("setCommission", operator="dana", validatorId="va", rateBp=0, epoch=0),
        s("setCommission", operator="op-a", validatorId="nobody", rateBp=0, epoch=0),
        s("setCommission", operator="op-a", validatorId="va", rateBp=2_000, epoch=0),
        s("setOperational", operator="op-b", validatorId="va", operational=False, epoch=0),
        s("setOperational", operator="op-a", validatorId="nobody", operational=False, epoch=0),
        s("setOperational", operator="op-d", validatorId="vd", operational=False, epoch=0),
        s(
            "registerChain",
            owner="payer",
            chainId="c1",
            tier=3,
            committeeSize=3,
            feePolicy="fees",
            epoch=0,
        ),
        s(
            "registerChain",
            owner="dana",
            chainId="c1",
            tier=1,
            committeeSize=1,
            feePolicy="fees",
            epoch=0,
        ),
        s(
            "registerChain",
            owner="dana",
            chainId="c2",
            tier=255,
            committeeSize=9,
            feePolicy="zero-fees",
            epoch=0,
        ),
        s("payFees", payer="payer", chainId="nowhere", amount=1, epoch=0),
        s("payFees", payer="payer", chainId="c1", amount=10 * _ASMB + 1, epoch=0),
        s("payFees", payer="payer", chainId="c1", amount=10 * _ASMB, epoch=0),
        s("payFees", payer="dana", chainId="c2", amount=1, epoch=0),
        s("transfer", sender="payer", recipient="dana", amount=1),
        s("transfer", sender="op-e", recipient="dana", amount=BOND),
        s("transfer", sender="op-e", recipient="payer", amount=BOND - 1),
        s("eligibleWeights"),
        *_advance(0, 1),
        s("undelegate", holder="op-a", validatorId="va", amount=1, epoch=1),
        s("undelegate", holder="op-c", validatorId="vc", amount=BOND, epoch=1),
        s("undelegate", holder="dana", validatorId="vb", amount=1, epoch=1),
        s("undelegate", holder="dana", validatorId="va", amount=2 * BOND + 1, epoch=1),
        s("undelegate", holder="dana", validatorId="va", amount=BOND, epoch=1),
        s("undelegate", holder="dana", validatorId="nobody", amount=1, epoch=1),
        s("claimRewards", holder="dana", validatorId="nobody", epoch=1),
        s("claimRewards", holder="payer", validatorId="va", epoch=1),
        s("claimRewards", holder="dana", validatorId="va", epoch=1),
        s("exitValidator", operator="dana", validatorId="vd", epoch=1),
        s("exitValidator", operator="op-d", validatorId="nobody", epoch=1),
        s("exitValidator", operator="op-d", validatorId="vd", epoch=1),
        s("exitValidator", operator="op-d", validatorId="vd", epoch=1),
        s("delegate", holder="dana", validatorId="vd", amount=1, epoch=1),
        s("withdrawExited", holder="op-d", validatorId="vd", epoch=1),
        s("withdrawExited", holder="payer", validatorId="vd", epoch=1),
        s("withdrawExited", holder="op-d", validatorId="nobody", epoch=1),
        s("withdrawExited", holder="op-a", validatorId="va", epoch=1),
        *_advance(1, 2),
        s("undelegate", holder="dana", validatorId="va", amount=BOND // 2, epoch=2),
        *_advance(2, 21),
        s("withdrawUnbonded", holder="dana", epoch=21),
        *_advance(21, 22),
        s("withdrawUnbonded", holder="dana", epoch=22),
        s("withdrawUnbonded", holder="dana", epoch=22),
        *_advance(22, 24),
        s("withdrawUnbonded", holder="dana", epoch=24),
        s("withdrawExited", holder="op-d", validatorId="vd", epoch=24),
        s("withdrawExited", holder="dana", validatorId="vd", epoch=24),
        s("withdrawExited", holder="dana", validatorId="vd", epoch=24),
        s("withdrawExited", holder="payer", validatorId="vd", epoch=24),
        s("withdrawUnbonded", holder="payer", epoch=24),
        s("bondedValue", holder="dana"),
        s("eligibleWeights"),
        s("totalBonded"),
    ]
    return Scenario(
        "assembly",
        "validator-rules",
        "Four validators of unequal bonds: a bond one µASMB below the minimum and exactly it, "
        "a commission one basis point above the maximum and exactly it, a duplicate id and a "
        "second validator of one operator, a bond above the balance; delegation, commission, "
        "operation and exit by the wrong account or to an unknown or exiting validator; an "
        "operator unbonding below the minimum; unbonding withdrawn one epoch before "
        "maturity, at it and after it; chains, fees and transfers refused for each of their "
        "rules.",
        {"balances": balances},
        tuple(steps),
        ("validators", "thresholds"),
    )


def _evidence_age() -> Scenario:
    balances = {**_RESERVES, **{f"op-{v}": 2 * BOND for v in "abcde"}, "dana": 4 * BOND}

    def evidence(eid: str, vid: str, offence: int, severity: str = "minor") -> JSON:
        return {
            "evidenceId": eid,
            "validatorId": vid,
            "offenceEpoch": offence,
            "severity": severity,
        }

    steps = [
        s(
            "registerValidator",
            operator=f"op-{v}",
            validatorId=f"v{v}",
            bond=BOND,
            commissionBp=500,
            operational=True,
            epoch=0,
        )
        for v in "abcd"
    ]
    steps += [
        s("delegate", holder="dana", validatorId="va", amount=BOND, epoch=0),
        *_advance(0, 10),
        s(
            "registerValidator",
            operator="op-e",
            validatorId="ve",
            bond=BOND,
            commissionBp=500,
            operational=True,
            epoch=10,
        ),
        s("undelegate", holder="dana", validatorId="va", amount=BOND // 4, epoch=10),
        *_advance(10, 25),
        s("undelegate", holder="dana", validatorId="va", amount=BOND // 4, epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("old", "vb", 3), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("limit", "vb", 4), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("limit", "vc", 5), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("young", "vc", 5), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("future", "vd", 26), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("now", "vd", 25, "major"), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("before", "ve", 9), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("birth", "ve", 10, "critical"), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("ghost", "nobody", 20), epoch=25),
        s("slash", caller=SYSTEM, evidence=evidence("late", "va", 10), epoch=24),
        s("slash", caller=SYSTEM, evidence=evidence("unbonding", "va", 10, "major"), epoch=25),
        s("supply"),
        s("totalBonded"),
        s("delegate", holder="dana", validatorId="ve", amount=1, epoch=25),
        *_advance(25, 26),
        s("withdrawUnbonded", holder="dana", epoch=26),
        s("eligibleWeights"),
    ]
    return Scenario(
        "assembly",
        "evidence-age",
        "At epoch 25, with an unbonding period of 21 epochs: offences of epochs 3 (one too "
        "old), 4 (exactly the oldest), 5, 25 and 26 (the future); an offence one epoch before "
        "a validator registered and at it; reused evidence; an unknown validator; each "
        "severity; an unbonding entry created after the offence is slashed, an earlier one not.",
        {"balances": balances},
        tuple(steps),
        ("slashing", "thresholds"),
    )


def _specification_genesis() -> Scenario:
    return Scenario(
        "assembly",
        "specification-genesis",
        "The specification's genesis (balances null): 100 B ASMB in the three reserves; "
        "inflation on a base of 10¹⁷ µASMB with nothing bonded; reserves cannot be spent.",
        {"balances": None},
        (
            s("supply"),
            s("balance", account="genesis:community"),
            s("transfer", sender="genesis:community", recipient="dana", amount=1),
            s("totalBonded"),
            *_advance(0, 3),
            s("supply"),
            s("eligibleWeights"),
        ),
        ("magnitudes", "genesis"),
    )


def _u64_supply() -> Scenario:
    top = 2**64 - 1
    whale = top - 10**15 - 4 * BOND
    return Scenario(
        "assembly",
        "u64-supply",
        "A supply 10¹⁵ µASMB short of 2⁶⁴ − 1: the first epoch's inflation would pass it, so "
        "every advanceEpoch is WIDTH_EXCEEDED and changes nothing; one holder bonds "
        "1.84 × 10¹⁹ µASMB.",
        {"balances": {"op-a": 2 * BOND, "op-b": 2 * BOND, "whale": whale}},
        (
            s("supply"),
            s(
                "registerValidator",
                operator="op-a",
                validatorId="va",
                bond=BOND,
                commissionBp=0,
                operational=True,
                epoch=0,
            ),
            s(
                "registerValidator",
                operator="op-b",
                validatorId="vb",
                bond=BOND,
                commissionBp=0,
                operational=True,
                epoch=0,
            ),
            s("delegate", holder="whale", validatorId="vb", amount=2**53 - 1, epoch=0),
            s("delegate", holder="whale", validatorId="vb", amount=2**53 + 1, epoch=0),
            s("delegate", holder="whale", validatorId="vb", amount=whale - 2**54, epoch=0),
            s("advanceEpoch", caller=SYSTEM, seed=seed(1)),
            s("supply"),
            s("bondedValue", holder="whale"),
            s("totalBonded"),
        ),
        ("widths", "u64"),
    )


def assembly_rule_scenarios() -> list[Scenario]:
    return [
        _yes_share(),
        _quorum(),
        _veto(),
        _proposal_refusals(),
        _validator_rules(),
        _evidence_age(),
        _specification_genesis(),
        _u64_supply(),
    ]
