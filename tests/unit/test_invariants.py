"""The invariant catalog: every symbolic invariant is proved, and the provers can fail."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
import sympy

from spec import invariants as inv
from spec import parameters as pm
from spec.invariants import Verdict

ID_PATTERN = re.compile(r"[A-Z]+(?:-[A-Z0-9]+)*-\d{2}")


def test_ids_are_stable_form_and_unique() -> None:
    ids = [i.id for i in inv.INVARIANTS]
    assert len(ids) == len(set(ids))
    for invariant_id in ids:
        assert ID_PATTERN.fullmatch(invariant_id), invariant_id


def test_every_entry_is_established_somehow() -> None:
    for invariant in inv.INVARIANTS:
        assert invariant.kinds, invariant.id
        assert invariant.statement.endswith("."), invariant.id


@pytest.mark.invariant("*symbolic")
@pytest.mark.parametrize("invariant", [i for i in inv.INVARIANTS if i.symbolic], ids=lambda i: i.id)
def test_symbolic_invariant_is_proved(invariant: inv.Invariant) -> None:
    proof = invariant.check()
    assert proof.verdict is Verdict.PROVED, proof.detail
    assert "float" not in proof.method and "sampl" not in proof.method


def test_state_invariant_cannot_be_proved_symbolically() -> None:
    state_only = [i for i in inv.INVARIANTS if not i.symbolic]
    for invariant in state_only:
        with pytest.raises(TypeError):
            invariant.check()


def _env(**changes: Fraction | int) -> dict[str, sympy.Rational]:
    env = pm.default_environment()
    for key, value in changes.items():
        env[key] = sympy.Rational(value)
    return env


@pytest.mark.parametrize(
    ("invariant_id", "changes"),
    [
        # 20 % + 90 % leaves a negative remainder.
        ("ASMB-SUPPLY-01", {"COMMUNITY_SHARE": Fraction(90, 100)}),
        # 8 % + 14 B is more than 20 %.
        ("ASMB-SPLIT-01", {"POSTLAUNCH_PLANNED": 14 * 10**15}),
        # A 640-day schedule no longer pays the seed's 21,909,233 ASMB a day.
        ("POST-PAYOUT-02", {"POSTLAUNCH_DAYS": 640}),
        ("POST-DAYS-01", {"POSTLAUNCH_DAYS": 640}),
        # A round one milestone short is not the 90-day window.
        ("PRE-WINDOW-01", {"ASSEMBLY_R3_END": 4_717_922}),
        # A rate so low that the whole supply cannot reach the cap: f* > 1.
        ("PRE-CAP-01", {"PRELAUNCH_ASMB_RATE": Fraction(3, 10**6)}),
        # A DAO share that does not reproduce TIP-32.
        ("SMR-GENESIS-01", {"SHIMMER_DAO_SHARE": Fraction(11, 100)}),
    ],
)
def test_prover_refutes_a_broken_parameter_set(
    invariant_id: str, changes: dict[str, Fraction | int]
) -> None:
    proof = inv.get(invariant_id).check(_env(**changes))
    assert proof.verdict is Verdict.REFUTED, proof.detail


def test_prove_all_covers_every_symbolic_entry() -> None:
    proofs = inv.prove_all()
    assert set(proofs) == {i.id for i in inv.INVARIANTS if i.symbolic}
    assert all(p.holds for p in proofs.values())
