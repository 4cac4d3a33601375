"""The calls the Assembly root chain's scenarios are written in: amounts, epochs, validators,
chains, evidence and proposals."""

from __future__ import annotations

from contracts.conformance.scenarios.base import JSON, SYSTEM, Step, s

ASMB = 10**6
#: The minimum validator bond (ASMB_MIN_VALIDATOR_BOND): 1,000,000 ASMB.
BOND = 1_000_000 * ASMB
#: The minimum proposal deposit (GOV_MIN_DEPOSIT): 10,000 ASMB.
DEPOSIT = 10_000 * ASMB
#: The community's reserve of the rule scenarios: 1 B ASMB.
RESERVES = {"genesis:community": 10**9 * ASMB}


def seed(n: int) -> str:
    return f"{n:016x}"


def end_epoch(n: int) -> Step:
    """The system's advanceEpoch with the seed of epoch ``n``."""
    return s("advanceEpoch", caller=SYSTEM, seed=seed(n))


def advance(first: int, last: int) -> list[Step]:
    """advanceEpoch from epoch ``first`` until the chain is at epoch ``last``."""
    return [end_epoch(n) for n in range(first + 1, last + 1)]


def register(operator: str, vid: str, bond: int, commission: int = 1_000, epoch: int = 0) -> Step:
    """An operational validator ``vid`` of ``operator`` with its bond and commission (bp)."""
    return s(
        "registerValidator",
        operator=operator,
        validatorId=vid,
        bond=bond,
        commissionBp=commission,
        operational=True,
        epoch=epoch,
    )


def register_chain(owner: str, chain: str, tier: int, size: int, policy: str = "fees") -> Step:
    """A chain registered at epoch 0 with its tier, committee size and fee policy."""
    return s(
        "registerChain",
        owner=owner,
        chainId=chain,
        tier=tier,
        committeeSize=size,
        feePolicy=policy,
        epoch=0,
    )


def evidence(eid: str, vid: str, offence: int, severity: str = "minor") -> JSON:
    return {"evidenceId": eid, "validatorId": vid, "offenceEpoch": offence, "severity": severity}


def propose(proposer: str, changes: JSON, epoch: int, deposit: int = DEPOSIT) -> Step:
    return s("submitProposal", proposer=proposer, changes=changes, deposit=deposit, epoch=epoch)
