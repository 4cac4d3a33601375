"""Constructor cases: arguments every contract's constructor refuses, one case per refusal.

A case whose constructor is refused has no steps and no state: it records the arguments and the
code (``createExpect``). Between them, these cases show every code a constructor documents
(:data:`contracts.conformance.api.CONTRACTS`, ``create_errors``); the scenarios of
:mod:`contracts.conformance.scenarios` vary the accepted arguments.
"""

from __future__ import annotations

from contracts.conformance.scenarios.base import JSON, Scenario, event, small_staking_event
from contracts.conformance.scenarios.participation_ballot import ballot

IOTA = 10**9
TOP = 2**64 - 1


def _case(contract: str, name: str, description: str, create: JSON) -> Scenario:
    return Scenario(contract, f"create-{name}", description, create, (), ("constructor",))


def _late_start() -> JSON:
    staking = small_staking_event()
    staking["milestoneIndexStart"] = staking["milestoneIndexCommence"]
    return staking


def _overflowing() -> JSON:
    return small_staking_event(numerator=6_637)


def _reserved_answer() -> JSON:
    return ballot([[0, 1]])


def _validators(count: int = 4, stake: int | str = 10**6 * IOTA, commission: int = 0) -> list[JSON]:
    return [[f"val-{k}", stake, commission] for k in range(count)]


def constructor_scenarios() -> list[Scenario]:
    iota = {"balances": {}, "validators": _validators(), "protocol": "mainnet-v31"}
    return [
        _case(
            "participation-staking",
            "start-at-commence",
            "Start equal to commence: the node requires commence < start < end.",
            {"event": _late_start()},
        ),
        _case(
            "participation-staking",
            "overflowing-numerator",
            "Numerator 6,637, one above the largest whose rewards over the whole supply fit "
            "in u64 (the node's overflow guard).",
            {"event": _overflowing()},
        ),
        _case(
            "participation-staking",
            "ballot-event",
            "A ballot where a staking event is expected.",
            {"event": event("vote/governance_01.json")},
        ),
        _case(
            "participation-staking",
            "unknown-argument",
            "A constructor argument the contract does not take.",
            {"event": small_staking_event(), "supply": 1},
        ),
        _case(
            "participation-ballot",
            "reserved-answer",
            "An answer of value 0, which the node reserves for a skipped question.",
            {"event": _reserved_answer()},
        ),
        _case(
            "participation-ballot",
            "overflowing-end",
            "A ballot ending at milestone 2³² − 1: the accumulated weight of the whole supply "
            "could pass u64.",
            {"event": ballot([[1, 2]], end=2**32 - 1)},
        ),
        _case(
            "participation-ballot",
            "staking-event",
            "A staking event where a ballot is expected.",
            {"event": small_staking_event()},
        ),
        _case(
            "participation-ballot",
            "missing-event",
            "No event at all.",
            {},
        ),
        _case(
            "reward-accumulator",
            "unknown-argument",
            "The accumulator's constructor takes no argument.",
            {"scale": 10**18},
        ),
        _case(
            "postlaunch",
            "above-the-maximum",
            "D1 one µASMB above 8 B ASMB, the seed's 8 % maximum of phase one.",
            {"phaseOneTotal": 8 * 10**15 + 1},
        ),
        _case(
            "postlaunch",
            "u64-max",
            "D1 = 2⁶⁴ − 1: a u64, far above the maximum.",
            {"phaseOneTotal": str(TOP)},
        ),
        _case("postlaunch", "negative", "A negative D1.", {"phaseOneTotal": -1}),
        _case(
            "postlaunch",
            "beyond-u64",
            "D1 = 2⁶⁴: not a u64.",
            {"phaseOneTotal": str(TOP + 1)},
        ),
        _case(
            "postlaunch",
            "small-integer-as-string",
            'D1 as the string "6000000000000000": an integer up to 2⁵³ travels as a number.',
            {"phaseOneTotal": "6000000000000000"},
        ),
        _case("smr-staking", "negative-balance", "A negative balance.", {"genesis": {"ann": -1}}),
        _case(
            "smr-staking",
            "module-account",
            "A genesis balance on a module account.",
            {"genesis": {"module:rewards": 5}},
        ),
        _case(
            "smr-staking",
            "supply-beyond-u64",
            "Balances of 2⁶⁴ − 1 and 1: the supply would pass u64.",
            {"genesis": {"ann": str(TOP), "bob": 1}},
        ),
        _case("smr-staking", "null-genesis", "A genesis of null.", {"genesis": None}),
        _case(
            "smr-staking",
            "empty-name",
            "A balance on the empty name.",
            {"genesis": {"": 5}},
        ),
        _case(
            "assembly",
            "negative-balance",
            "A negative balance.",
            {"balances": {"ann": -5}},
        ),
        _case(
            "assembly",
            "module-account",
            "A genesis balance on the bonded pool.",
            {"balances": {"module:bonded": 5}},
        ),
        _case(
            "assembly",
            "supply-beyond-u64",
            "Balances of 2⁶⁴ − 1 and 1.",
            {"balances": {"ann": str(TOP), "bob": 1}},
        ),
        _case("assembly", "list", "Balances as a list.", {"balances": [["ann", 5]]}),
        _case(
            "iota-staking",
            "no-validators",
            "An empty validator set.",
            {**iota, "validators": []},
        ),
        _case(
            "iota-staking",
            "too-many-validators",
            "151 validators, one more than the set holds.",
            {**iota, "validators": _validators(151)},
        ),
        _case(
            "iota-staking",
            "commission-above-maximum",
            "A genesis commission of 2,001 basis points.",
            {**iota, "validators": _validators(commission=2_001)},
        ),
        _case(
            "iota-staking",
            "stake-below-minimum",
            "A genesis validator staking one nano less than 1 IOTA.",
            {**iota, "validators": [*_validators(3), ["val-3", IOTA - 1, 0]]},
        ),
        _case(
            "iota-staking",
            "zero-stake",
            "A genesis validator staking nothing.",
            {**iota, "validators": [*_validators(3), ["val-3", 0, 0]]},
        ),
        _case(
            "iota-staking",
            "protected-validator",
            "A module account as a genesis validator.",
            {**iota, "validators": [*_validators(3), ["module:rewards", 10**6 * IOTA, 0]]},
        ),
        _case(
            "iota-staking",
            "repeated-validator",
            "The same address twice.",
            {**iota, "validators": [*_validators(3), ["val-0", 10**6 * IOTA, 0]]},
        ),
        _case(
            "iota-staking",
            "stake-beyond-u64",
            "Validators whose stakes add up past 2⁶⁴ − 1.",
            {**iota, "validators": _validators(2, str(TOP // 2 + 1))},
        ),
        _case(
            "iota-staking",
            "negative-balance",
            "A negative balance.",
            {**iota, "balances": {"ann": -1}},
        ),
        _case(
            "iota-staking",
            "unknown-protocol",
            "A protocol profile that is not defined.",
            {**iota, "protocol": "mainnet-v99"},
        ),
        _case(
            "iota-staking",
            "voting-power-invariant",
            "Ten validators of 1.8 B IOTA and one of 1 IOTA: no assignment of voting power "
            "gives every member of the committee some (the framework's check_invariants).",
            {**iota, "validators": [*_validators(10, 18 * 10**17), ["small", IOTA, 0]]},
        ),
    ]
