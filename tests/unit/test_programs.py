"""The layout by program: every record sits in its program's module, and every layer has it.

The registries gather the programs' records; this checks what a newcomer relies on: one module
per program under ``spec/programs/``, named as its contracts, page and tests, each path real.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from spec import derivations, differences, invariants, parameters, programs

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("program", programs.PROGRAMS, ids=programs.name)
def test_every_layer_of_a_program_exists(program: ModuleType) -> None:
    layers = programs.LAYERS[programs.name(program)]
    for path in (*layers.contracts, layers.page, *layers.tests):
        target = REPO / path
        assert target.is_file() or (target / "__init__.py").is_file(), path


def test_every_program_has_its_layers_and_a_test_named_after_it() -> None:
    names = {programs.name(program) for program in programs.PROGRAMS}
    assert names == set(programs.LAYERS)
    for name, layers in programs.LAYERS.items():
        if layers.contracts:
            stem = name.split("_")[0]
            assert any(Path(t).name.startswith(f"test_{stem}") for t in layers.tests), name


def test_every_contract_module_belongs_to_a_program_or_the_shared_core() -> None:
    """A contract module no program claims is either shared machinery or a missing entry."""
    shared = {
        "__init__.py",
        "accounts.py",
        "domains.py",
        "errors.py",
        "interfaces.py",
        "invariants.py",
        "params.py",
        "projection.py",
        "transaction.py",
        "units.py",
    }
    claimed = {path for layers in programs.LAYERS.values() for path in layers.contracts}
    for module in sorted((REPO / "contracts").glob("*.py")):
        relative = f"contracts/{module.name}"
        assert module.name in shared or relative in claimed, relative


def test_the_registries_gather_every_program_once_in_order() -> None:
    def gathered(kind: str) -> list[str]:
        return [r.id for p in programs.PROGRAMS for r in getattr(p, kind)]

    assert [p.id for p in parameters.PARAMETERS] == gathered("PARAMETERS")
    assert [d.id for d in derivations.DERIVATIONS] == gathered("DERIVATIONS")
    assert [i.id for i in invariants.INVARIANTS] == gathered("INVARIANTS")
    assert [d.id for d in differences.DIFFERENCES] == gathered("DIFFERENCES")
    for registry in (parameters.BY_ID, derivations.BY_ID, invariants.BY_ID, differences.BY_ID):
        assert len(registry) == len(set(registry))
    assert set(invariants.LATEX) <= set(invariants.BY_ID)


def test_a_formula_naming_no_parameter_is_refused_when_the_registry_loads() -> None:
    """A misspelt id in a formula would be a free symbol; the registry's check refuses it."""
    from spec.records import P, named_parameters

    assert named_parameters() <= set(parameters.BY_ID)
    P("NO_SUCH_PARAMETER")
    try:
        assert "NO_SUCH_PARAMETER" in named_parameters() - set(parameters.BY_ID)
        with pytest.raises(parameters.UnknownParameter, match="NO_SUCH_PARAMETER"):
            parameters._check_registry()
    finally:
        from spec import records

        records._NAMED.discard("NO_SUCH_PARAMETER")
