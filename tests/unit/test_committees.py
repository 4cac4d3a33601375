"""Committee draws: deterministic, higher tiers first, and monotone in stake (proved exactly).

The monotonicity proof enumerates every outcome of the uniform draws on small validator sets:
each seat's uniform integer r ranges over [0, W) with probability 1/W, and the contract's own
``draw_committees`` (with its ``select_index`` rule) is run for every combination. The exact
probability, as a Fraction, that a validator is seated -- on any committee, and on the top-tier
chain's -- must not decrease when its stake grows by one unit, for every stake in the range.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import pytest

from contracts.committees import Chain, FeePolicy, draw_committees, seeded_uniform, uniform

HIGH = Chain("high", "owner", 9, 2, FeePolicy.FEES)
LOW = Chain("low", "owner", 1, 1, FeePolicy.ZERO_FEES)


def outcomes(
    chains: list[Chain], weights: dict[str, int]
) -> Iterator[tuple[Fraction, dict[str, list[str]]]]:
    """Every committee outcome with its exact probability, by enumerating the uniform draws."""

    def explore(
        script: list[int], probability: Fraction
    ) -> Iterator[tuple[Fraction, dict[str, list[str]]]]:
        calls: list[int] = []
        needs_more = False

        def scripted(chain_id: str, seat: int, bound: int) -> int:
            nonlocal needs_more
            calls.append(bound)
            if len(calls) <= len(script):
                return script[len(calls) - 1]
            needs_more = True
            return 0

        result = draw_committees(chains, weights, scripted)
        if not needs_more:
            yield probability, result
            return
        bound = calls[len(script)]
        for r in range(bound):
            yield from explore([*script, r], probability / bound)

    yield from explore([], Fraction(1))


def seated_probabilities(
    chains: list[Chain], weights: dict[str, int], who: str
) -> tuple[Fraction, Fraction]:
    anywhere = top = Fraction(0)
    total = Fraction(0)
    for probability, committees in outcomes(chains, weights):
        total += probability
        if any(who in members for members in committees.values()):
            anywhere += probability
        if who in committees.get(chains[0].chain_id, []):
            top += probability
    assert total == 1
    return anywhere, top


@pytest.mark.invariant("COMMITTEE-02")
@pytest.mark.parametrize("others", [(1, 1), (2, 5), (3, 1, 4), (5, 2, 2, 1)])
def test_inclusion_is_monotone_in_stake_exactly(others: tuple[int, ...]) -> None:
    chains = [HIGH, LOW]
    previous_any = previous_top = Fraction(-1)
    for stake in range(1, 9):
        weights = {f"v{n}": w for n, w in enumerate(others)} | {"me": stake}
        anywhere, top = seated_probabilities(chains, weights, "me")
        assert anywhere >= previous_any
        assert top >= previous_top
        previous_any, previous_top = anywhere, top
    # And strictly: a validator with more stake than everybody else is the likeliest on "high".
    heavy = {f"v{n}": w for n, w in enumerate(others)} | {"me": 50}
    assert seated_probabilities(chains, heavy, "me")[1] > Fraction(1, 2)


@pytest.mark.invariant("COMMITTEE-01")
def test_higher_tier_draws_first_and_nobody_sits_twice() -> None:
    weights = {"a": 10, "b": 10, "c": 10}
    for probability, committees in outcomes([LOW, HIGH], weights):
        assert probability > 0
        assert len(committees["high"]) == 2  # high draws first even when listed second
        assert len(committees["low"]) == 1
        seated = committees["high"] + committees["low"]
        assert sorted(seated) == ["a", "b", "c"]


def test_zero_stake_validators_are_never_drawn() -> None:
    for _, committees in outcomes([HIGH], {"a": 0, "b": 3, "c": 1}):
        assert "a" not in committees["high"]


def test_seeded_draw_is_deterministic_and_seed_dependent() -> None:
    chains = [HIGH, LOW]
    weights = {f"v{n}": n + 1 for n in range(12)}
    first = draw_committees(chains, weights, seeded_uniform(b"seed-a", 7))
    assert first == draw_committees(chains, weights, seeded_uniform(b"seed-a", 7))
    different = {
        tuple(draw_committees(chains, weights, seeded_uniform(bytes([n]), 7))["high"])
        for n in range(20)
    }
    assert len(different) > 5


def test_uniform_is_within_bound_and_roughly_uniform() -> None:
    counts = [0] * 3
    for seat in range(3_000):
        counts[uniform(b"s", 1, "c", seat, 3)] += 1
    assert all(900 < c < 1_100 for c in counts)
    with pytest.raises(ValueError, match="positive"):
        uniform(b"s", 1, "c", 0, 0)


def test_enumeration_covers_every_draw() -> None:
    weights = {"a": 1, "b": 2}
    results = list(outcomes([HIGH], weights))
    assert sum(p for p, _ in results) == 1
    assert {tuple(c["high"]) for _, c in results} == {("a", "b"), ("b", "a")}
    # P(b first) = 2/3 exactly.
    assert sum(p for p, c in results if c["high"][0] == "b") == Fraction(2, 3)
