"""Refusals in the vectors: the hand-written scenarios with refused variants of their calls.

The bad-input sweep (:mod:`contracts.conformance.suite.sweep`) tries every invalid variant of
every call, but only against the reference, at run time: what it finds is not in the published
vectors, so an implementer reading them would never see a ``PROTECTED_ACCOUNT`` or the code of
a past day. In the published form of a hand-written scenario, each call is preceded by the
variants of it whose (operation, code) no earlier case of its contract shows -- one variant per
code, and one call per operation in which two arguments are wrong at once, whose code shows the
order of the checks. Every inserted call is refused, so the scenario's own calls run as they
did. Which variant shows which code is found by running the reference once, when the vectors are
generated; the expectations are then recorded like those of any case.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import ObjectDriver, created, reference
from contracts.conformance.scenarios import SCENARIOS, Scenario, Step
from contracts.conformance.suite.sweep import variants

#: The scenarios refusals are inserted into: every hand-written one.
BASES = tuple(s for s in SCENARIOS if s.steps and "random" not in s.tags)


def _codes_shown(cases: Iterable[Scenario], driver: ObjectDriver) -> set[tuple[str, str, str]]:
    """(contract, operation, code) of every refused call of ``cases``, run on the reference."""
    shown = set()
    for scenario in cases:
        instance = created(driver.try_create(scenario.contract, canonical(scenario.create)), "")
        for step in scenario.steps:
            outcome = driver.call(instance, step.operation, canonical(step.args))
            if "error" in outcome:
                shown.add((scenario.contract, step.operation, outcome["error"]["code"]))
        driver.drop(instance)
    return shown


def _refusals(
    scenario: Scenario, shown: set[tuple[str, str, str]], driver: ObjectDriver
) -> Scenario:
    api = CONTRACTS[scenario.contract]
    instance = created(driver.try_create(scenario.contract, canonical(scenario.create)), "")
    steps: list[Step] = []
    ordered: set[str] = set()
    for step in scenario.steps:
        operation = api.operations[step.operation]
        args = canonical(step.args)
        if operation.mutates or operation.params:
            for variant in variants(operation, args):
                wrong = [name for name in args if variant.get(name) != args[name]]
                scratch = driver.clone(instance)
                outcome = driver.call(scratch, step.operation, variant)
                driver.drop(scratch)
                if "error" not in outcome:
                    continue
                key = (scenario.contract, step.operation, outcome["error"]["code"])
                if len(wrong) > 1 and step.operation not in ordered:
                    ordered.add(step.operation)
                elif len(wrong) > 1 or key in shown:
                    continue
                shown.add(key)
                steps.append(Step(step.operation, variant))
        driver.call(instance, step.operation, args)
        steps.append(step)
    driver.drop(instance)
    if len(steps) == len(scenario.steps):
        return scenario
    return Scenario(
        scenario.contract,
        scenario.name,
        f"{scenario.description} Refused variants of its calls are interleaved.",
        scenario.create,
        tuple(steps),
        (*scenario.tags, "refusals"),
    )


@cache
def with_refusals() -> tuple[Scenario, ...]:
    """The scenarios as the vectors publish them: each hand-written one with the refusals that
    show codes no earlier case of its contract shows (the random ones count as shown first)."""
    driver = ObjectDriver(reference())
    shown = _codes_shown([s for s in SCENARIOS if s not in BASES], driver)
    return tuple(_refusals(s, shown, driver) if s in BASES else s for s in SCENARIOS)
