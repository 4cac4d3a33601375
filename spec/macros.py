"""The macros that the site's Markdown calls to inline computed figures in prose.

``mkdocs-macros-plugin`` loads this module (``module_name: spec/macros`` in ``mkdocs.yml``) and
calls :func:`define_env`. A page whose front matter says ``render_macros: true`` is a Jinja
template: its sentences are plain Markdown and its figures are calls such as
``{{ asmb("POST-DAILY-PAYOUT") }}``, ``{{ percent("ASMB_INFLATION_RATE") }}`` or
``{{ link("POST-PAYOUT-01") }}``, evaluated from the registries when the site is built. Each
macro is a function of :mod:`spec.render`, so prose and tables show a figure the same way;
:func:`exact` gives the exact value itself, for the ``{% if %}`` of a sentence that holds only
for some values of the parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from spec import __version__, iota_protocol, render
from spec import derivations as dv
from spec import differences as df
from spec import invariants as inv
from spec import parameters as pm
from spec.exact import to_fraction

if TYPE_CHECKING:
    from contracts.iota.records import EpochRecord

__all__ = [
    "MACROS",
    "WorkedEpoch",
    "amount",
    "as_percent",
    "cite",
    "define_env",
    "exact",
    "iota_epoch",
    "link",
    "names",
    "number",
    "page_of",
]


class MacroEnvironment(Protocol):
    """What :func:`define_env` uses of the plugin's environment."""

    @property
    def variables(self) -> MutableMapping[str, Any]: ...

    def macro(self, v: Callable[..., Any], name: str = "") -> Callable[..., Any]: ...


def page_of(identifier: str) -> str:
    """The page whose anchor an id is: parameters, derivations, invariants or differences."""
    for page, registry in (
        ("parameters", pm.BY_ID),
        ("derivations", dv.BY_ID),
        ("invariants", inv.BY_ID),
        ("seed-vs-deployed", df.BY_ID),
    ):
        if identifier in registry:
            return page
    raise KeyError(f"{identifier} is no parameter, derivation, invariant or difference")


def link(identifier: str) -> str:
    """An id as a link to its anchor: ``[`POST-PAYOUT-01`](invariants.md#POST-PAYOUT-01)``.

    The target is written as the page's source file, so MkDocs resolves it from any page and a
    page that does not exist fails the strict build.
    """
    return f"[`{identifier}`]({page_of(identifier)}.md#{identifier})"


def cite(identifier: str, shown: str = "") -> str:
    """A figure linked to the anchor of its id: where the site computes it, one click away.

    ``shown`` is the figure as the sentence needs it (``grouped(...)``, ``percent(...)``); by
    default :func:`render.value_of`, the reader's form of the record's unit with the exact value
    in its tooltip.
    """
    return f"[{shown or render.value_of(identifier)}]({page_of(identifier)}.md#{identifier})"


def exact(identifier: str) -> Fraction:
    """The exact value of a rational parameter or derivation, for comparisons in a template."""
    value = pm.value(identifier) if identifier in pm.BY_ID else dv.evaluate(identifier)
    return to_fraction(value)


def amount(value: int | Fraction, unit: str) -> str:
    """A value computed in a template or a block, in ``unit``, as a reader reads it.

    ``unit`` is a record's unit (``"µASMB"``, ``"glow"``, ``"nanos"``, ``"1"`` for a share,
    ``""`` for a plain number): ``amount(3_110_400, "µASMB")`` is ``3.11 ASMB`` with the exact
    value in its tooltip, as :func:`render.show_value` writes every figure of the site.
    """
    return render.show_value(value, unit)


def number(value: int | Fraction) -> str:
    """A plain number computed in a template: ``7,500``."""
    return amount(value, "")


def as_percent(value: int | Fraction) -> str:
    """A share computed in a template, as a percentage: ``25 %``."""
    return amount(value, "1")


def names(items: Iterable[str]) -> str:
    """Names as code, joined for a sentence: ```val-0`, `val-1` and `val-2```."""
    quoted = [f"`{item}`" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


class WorkedEpoch(NamedTuple):
    """The IOTA staking page's worked epoch, run on the contracts (``contracts.iota``).

    Four validators at genesis; ``dana`` stakes with one of them in epoch 0; in epoch 1 three
    validators report the fourth; dana withdraws in epoch 2. The page's prose and its tables read
    the same run. (A named tuple: the plugin loads this file outside ``sys.modules``, where a
    dataclass cannot be built.)
    """

    #: Genesis stake (in millions of IOTA) and commission rate (basis points) of each validator.
    stakes: dict[str, int]
    rates: dict[str, int]
    delegator: str
    delegated: int
    delegated_to: str
    reporters: tuple[str, ...]
    reported: str
    #: Stake and voting power of each validator in epoch 1, the epoch the record is of.
    before: dict[str, int]
    power: dict[str, int]
    record: EpochRecord
    withdrawn: int

    @property
    def reporting_power(self) -> int:
        return sum(self.power[a] for a in self.reporters)

    @property
    def total_stake(self) -> int:
        return sum(self.before.values())

    @property
    def slashed_amount(self) -> int:
        """The reported validator's share of the pot, which the tallying rule burns."""
        total_power = int(pm.value("IOTA_TOTAL_VOTING_POWER"))
        return self.power[self.reported] * self.record.pot // total_power

    @property
    def rewards(self) -> int:
        return self.withdrawn - self.delegated


@cache
def iota_epoch() -> WorkedEpoch:
    """Run the worked epoch (once per build)."""
    from contracts.accounts import SYSTEM
    from contracts.iota.system import IotaStaking

    nanos = 10 ** int(pm.value("IOTA_DECIMALS"))
    stakes = {"val-0": 800, "val-1": 600, "val-2": 400, "val-3": 200}
    rates = {"val-0": 500, "val-1": 1_000, "val-2": 0, "val-3": 2_000}
    delegated, delegated_to = 1_000_000 * nanos, "val-1"
    reporters, reported = ("val-0", "val-1", "val-2"), "val-3"
    validators = [(a, m * 1_000_000 * nanos, rates[a]) for a, m in stakes.items()]
    system = IotaStaking.genesis({"dana": delegated}, validators)
    staked = system.request_add_stake("dana", delegated_to, delegated, 0)
    system.advance_epoch(SYSTEM)  # dana's stake is active from epoch 1
    for reporter in reporters:
        system.report_validator(reporter, reported, 1)
    before = {a: v.pool.iota_balance for a, v in system.validators.items()}
    power = {a: v.voting_power for a, v in system.validators.items()}
    record = system.advance_epoch(SYSTEM)
    withdrawn = system.request_withdraw_stake("dana", staked, 2)
    return WorkedEpoch(
        stakes,
        rates,
        "dana",
        delegated,
        delegated_to,
        reporters,
        reported,
        before,
        power,
        record,
        withdrawn,
    )


MACROS: dict[str, Callable[..., Any]] = {
    "value": render.value_of,
    "asmb": render.asmb,
    "iota": render.iota,
    "percent": render.percent,
    "amount": amount,
    "grouped": render.grouped,
    "link": link,
    "cite": cite,
    "exact": exact,
    "number": number,
    "as_percent": as_percent,
    "names": names,
    "iota_epoch": iota_epoch,
}


def define_env(env: MacroEnvironment) -> None:
    """Register the macros and the variables (the plugin's hook).

    ``version`` is the spec version; ``iota_profile`` the IOTA protocol profile the contracts
    run by default (:mod:`spec.iota_protocol`); ``earliest_activation`` the first epoch a
    proposal submitted after genesis can take effect.
    """
    from contracts.projection import earliest_activation

    for name, function in MACROS.items():
        env.macro(function, name)
    env.variables["version"] = __version__
    env.variables["iota_profile"] = iota_protocol.PROFILES[iota_protocol.DEFAULT]
    env.variables["earliest_activation"] = earliest_activation()
