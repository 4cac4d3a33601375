"""Refusal cases: hand-written scenarios with the refusals of their calls put into the vectors.

The bad-input sweep (:mod:`contracts.conformance.suite.sweep`) tries every invalid variant of
every call, but only against the reference, at run time: what it finds is not in the published
vectors, so an implementer reading them never sees a ``PROTECTED_ACCOUNT`` or the code of a
past day. A refusal case is a scenario of :data:`~contracts.conformance.scenarios.SCENARIOS`
with, before each of its calls, the variants of that call whose (operation, code) the vectors of
its contract have not shown yet -- one variant per code, and one call in which two arguments are
wrong at once, whose code shows the order of the checks. Every inserted call is refused, so the
scenario's own calls run as they did. Which variant shows which code is found by running the
reference once, when the vectors are generated; the expectations are then recorded like those
of any case.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from contracts.conformance.api import CONTRACTS
from contracts.conformance.codec import canonical
from contracts.conformance.drivers import ObjectDriver, created, reference
from contracts.conformance.scenarios import SCENARIOS, Scenario, Step
from contracts.conformance.suite.sweep import variants

#: What a refusal case is made from: every hand-written scenario whose constructor succeeds.
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
    return Scenario(
        scenario.contract,
        f"{scenario.name}-refusals",
        f"The calls of {scenario.name}, each preceded by the invalid variants of it that show "
        "a code of the operation the other cases do not (and one with two arguments wrong, "
        "whose code is the first argument's). Every variant is refused and changes nothing.",
        scenario.create,
        tuple(steps),
        ("refusals",),
    )


@cache
def refusal_scenarios(others: tuple[Scenario, ...] = SCENARIOS) -> tuple[Scenario, ...]:
    """One refusal case per base scenario that has something left to show."""
    driver = ObjectDriver(reference())
    shown = _codes_shown(others, driver)
    cases = []
    for base in BASES:
        case = _refusals(base, shown, driver)
        if len(case.steps) > len(base.steps):
            cases.append(case)
    return tuple(cases)
