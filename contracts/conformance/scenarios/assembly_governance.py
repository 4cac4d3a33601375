"""Scenarios of the Assembly root chain's governance at the thresholds its rules name, one rule
each.

The yes share of exactly one half of the non-abstaining votes and one unit either side; a
turnout of exactly the quorum, reached through abstentions, and one unit either side; a veto
share of exactly the veto threshold and one unit either side. Three proposals per rule are
submitted in consecutive epochs, so their tallies fall in consecutive epochs; between two
tallies, one unit of bonded stake moves between two voters, which moves the tally by one unit
while the total bonded stays the same (the quorum) or the votes cast do (the veto). Then every
refusal of submitProposal and vote.
"""

from __future__ import annotations

from contracts.conformance.scenarios.assembly_steps import (
    ASMB,
    BOND,
    DEPOSIT,
    RESERVES,
    advance,
    propose,
    register,
)
from contracts.conformance.scenarios.base import JSON, Scenario, Step, s


def _validators() -> list[Step]:
    return [register(operator, vid, BOND) for operator, vid in (("op-a", "va"), ("op-b", "vb"))]


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
    balances = {**RESERVES, "op-a": BOND, "op-b": BOND, "proposer": 4 * DEPOSIT}
    balances.update({voter: power + 10 * ASMB for voter, power in powers.items()})
    steps = _validators()
    steps += [
        s("delegate", holder=voter, validatorId="va", amount=power, epoch=0)
        for voter, power in powers.items()
    ]
    steps += advance(0, 1)
    for number, change in enumerate(changes, start=1):
        steps.append(propose("proposer", change, number))
        steps += [
            s("vote", voter=voter, proposalId=number, option=option, epoch=number)
            for voter, option in votes
        ]
        steps += advance(number, number + 1)
    steps += advance(4, 14)
    for epoch, (source, target, amount) in zip((15, 16), moves, strict=True):
        steps.append(s("totalBonded"))
        steps += advance(epoch - 1, epoch)
        steps.append(s("undelegate", holder=source, validatorId="va", amount=amount, epoch=epoch))
        steps.append(s("delegate", holder=target, validatorId="va", amount=amount, epoch=epoch))
    steps.append(s("totalBonded"))
    steps += advance(16, 19)
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
            {"GOV_MIN_DEPOSIT": 20_000 * ASMB},
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
    balances = {**RESERVES, "op-a": BOND, "op-b": BOND, "eve": DEPOSIT + 5, "dana": 3 * BOND}
    steps = _validators() + [
        s("delegate", holder="dana", validatorId="va", amount=BOND, epoch=0),
        propose("eve", {"GOV_QUORUM": "1/2"}, 0, deposit=DEPOSIT - 1),
        propose("eve", {"GOV_QUORUM": "1/2"}, 0, deposit=DEPOSIT + 6),
        propose("eve", {"GOV_QUORUM": "1/2"}, 0),
        propose("dana", {"ASMB_DECIMALS": 7}, 0),
        propose("dana", {"GOV_QUORUM": "2"}, 0),
        s("vote", voter="dana", proposalId=2, option="yes", epoch=0),
        propose("dana", {"GOV_VOTING_EPOCHS": 13}, 0, deposit=DEPOSIT + 1),
        s("vote", voter="eve", proposalId=1, option="yes", epoch=0),
        s("vote", voter="dana", proposalId=1, option="no", epoch=0),
        s("vote", voter="dana", proposalId=1, option="yes", epoch=0),
        *advance(0, 12),
        s("vote", voter="op-a", proposalId=1, option="abstain", epoch=12),
        *advance(12, 13),
        s("vote", voter="op-b", proposalId=1, option="yes", epoch=13),
        *advance(13, 14),
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


def governance_rule_scenarios() -> list[Scenario]:
    return [_yes_share(), _quorum(), _veto(), _proposal_refusals()]
