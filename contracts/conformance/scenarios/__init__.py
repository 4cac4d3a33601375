"""Scenarios the conformance test vectors are generated from.

A scenario is a contract, its constructor arguments and a list of steps (operation, arguments).
Hand-written scenarios pin the edge cases each contract's rules name -- window edges, minimum
rules, zero-stake periods, slashing while unbonding, proposal boundaries, the tallying quorum --
and seeded random scenarios (``random.Random`` with a fixed seed, so the vectors are the same on
every run) mix valid and invalid calls at length. Expected outcomes are not written here: the
vector generator runs each scenario on the reference and records what it returns.
"""

from __future__ import annotations

from contracts.conformance.scenarios.accumulator import accumulator_scenarios
from contracts.conformance.scenarios.assembly import assembly_scenarios
from contracts.conformance.scenarios.assembly_governance import governance_rule_scenarios
from contracts.conformance.scenarios.assembly_rules import assembly_rule_scenarios
from contracts.conformance.scenarios.base import JSON, SYSTEM, Scenario, Step, addr, oid, s
from contracts.conformance.scenarios.constructors import constructor_scenarios
from contracts.conformance.scenarios.iota import iota_scenarios
from contracts.conformance.scenarios.iota_rules import iota_rule_scenarios
from contracts.conformance.scenarios.participation_ballot import ballot_scenarios
from contracts.conformance.scenarios.participation_staking import staking_scenarios
from contracts.conformance.scenarios.postlaunch import postlaunch_scenarios
from contracts.conformance.scenarios.smr import smr_scenarios

__all__ = [
    "CONSTRUCTOR_SCENARIOS",
    "JSON",
    "SCENARIOS",
    "SYSTEM",
    "Scenario",
    "Step",
    "addr",
    "oid",
    "s",
]

SCENARIOS: tuple[Scenario, ...] = tuple(
    staking_scenarios()
    + ballot_scenarios()
    + accumulator_scenarios()
    + postlaunch_scenarios()
    + smr_scenarios()
    + assembly_scenarios()
    + governance_rule_scenarios()
    + assembly_rule_scenarios()
    + iota_scenarios()
    + iota_rule_scenarios()
)

#: Constructor arguments each contract refuses: cases without steps (not in SCENARIOS, whose
#: constructors all succeed, so that every test can build their instances).
CONSTRUCTOR_SCENARIOS: tuple[Scenario, ...] = tuple(constructor_scenarios())
