"""The programs of the specification, one module each, in the order a reader meets them.

Each program module holds everything the specification says about one program, in reading
order: its ``PARAMETERS``, the ``DERIVATIONS`` a reader would quote, its ``INVARIANTS`` (with the
``LATEX`` forms the site typesets) and its ``DIFFERENCES`` between the seeds and the deployed
network, and the ``NOTATION`` its formulas are written in for readers (parameter id -> symbol).
The same name carries through every layer: ``spec/programs/postlaunch.py``,
``contracts/postlaunch.py``, ``docs/postlaunch.md`` and ``tests/unit/test_postlaunch.py``.

The registries :mod:`spec.parameters`, :mod:`spec.derivations`, :mod:`spec.invariants` and
:mod:`spec.differences` gather the records of :data:`PROGRAMS`, in this order, and look them up
by id. Adding a program is one new module here and one line in :data:`PROGRAMS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Final

from spec.programs import (
    accumulator,
    governance,
    iota_staking,
    iota_system,
    participation,
    postlaunch,
    prelaunch,
    root_chain,
    smr_staking,
    supply,
    widths,
)

#: Every program, in reading order; the catalogs list their records in this order.
PROGRAMS: Final[tuple[ModuleType, ...]] = (
    supply,
    prelaunch,
    participation,
    postlaunch,
    accumulator,
    smr_staking,
    iota_staking,
    iota_system,
    root_chain,
    governance,
    widths,
)


def name(program: ModuleType) -> str:
    """A program's name: its module's, as in ``contracts/`` and ``docs/``."""
    return program.__name__.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Layers:
    """Where one program lives in every layer, as paths from the repository's root."""

    contracts: tuple[str, ...]
    page: str
    tests: tuple[str, ...]


#: Each program's contracts, site page and tests; a test checks that every path exists.
LAYERS: Final[dict[str, Layers]] = {
    "supply": Layers(
        ("contracts/ledger.py", "contracts/inflation.py"),
        "docs/supply.md",
        ("tests/unit/test_supply_ledger.py", "tests/unit/test_supply_inflation.py"),
    ),
    "prelaunch": Layers(
        ("contracts/prelaunch.py",),
        "docs/prelaunch.md",
        ("tests/property/test_prelaunch_properties.py",),
    ),
    "participation": Layers(
        ("contracts/participation",),
        "docs/prelaunch.md",
        (
            "tests/unit/test_participation_event.py",
            "tests/unit/test_participation_staking.py",
            "tests/unit/test_participation_outputs.py",
            "tests/unit/test_participation_results.py",
            "tests/unit/test_participation_ballot.py",
            "tests/unit/test_participation_transactions.py",
            "tests/unit/test_participation_node_mode.py",
            "tests/unit/test_participation_status.py",
            "tests/stateful/test_participation_machines.py",
        ),
    ),
    "postlaunch": Layers(
        ("contracts/postlaunch.py",),
        "docs/postlaunch.md",
        ("tests/unit/test_postlaunch.py", "tests/stateful/test_reward_machines.py"),
    ),
    "accumulator": Layers(
        ("contracts/accumulator.py",),
        "docs/postlaunch.md",
        ("tests/unit/test_accumulator.py", "tests/stateful/test_reward_machines.py"),
    ),
    "smr_staking": Layers(
        ("contracts/shimmer_genesis.py", "contracts/smr_staking.py"),
        "docs/smr-staking.md",
        ("tests/unit/test_shimmer_genesis.py", "tests/unit/test_smr_staking.py"),
    ),
    "iota_staking": Layers(
        (),
        "docs/iota-staking.md",
        ("tests/unit/test_derivations.py", "tests/unit/test_iota_system.py"),
    ),
    "iota_system": Layers(
        ("contracts/iota",),
        "docs/iota-staking.md",
        (
            "tests/unit/test_iota_system.py",
            "tests/unit/test_iota_system_validator_set.py",
            "tests/stateful/test_iota_machine.py",
        ),
    ),
    "root_chain": Layers(
        ("contracts/root_chain", "contracts/committees.py", "contracts/assembly.py"),
        "docs/root-chain.md",
        (
            "tests/unit/test_root_chain.py",
            "tests/unit/test_committees.py",
            "tests/stateful/test_network_machine.py",
        ),
    ),
    "governance": Layers(
        ("contracts/governance.py",),
        "docs/governance.md",
        ("tests/unit/test_governance.py", "tests/stateful/test_network_machine.py"),
    ),
    "widths": Layers(
        (),
        "docs/implementers.md",
        ("tests/unit/test_derivations.py", "tests/unit/test_supply_ledger.py"),
    ),
}
