"""The site's charts, drawn from ``spec`` when the site is built (SVG, byte-reproducible).

Every value plotted comes from the parameters and derivations; floats appear only here, as
coordinates for the drawing, never in a figure the site states. Each function returns inline SVG
markup; the same inputs give the same bytes (fixed hash salt, no date, text kept as text).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from spec import derivations as dv
from spec import iotasrb
from spec import parameters as pm

ASMB = 10**6
BILLION = 10**9


def figure(
    draw: Callable[[Any], None],
    title: str,
    *,
    width: float = 7.0,
    height: float = 3.6,
    panels: tuple[int, int] | None = None,
) -> str:
    """Inline SVG of one chart: ``draw`` fills the axes (with ``panels``, a grid of rows ×
    columns of them, sharing the x axis, and the title above them all); the house style and
    byte-reproducible output are applied here (shared by every chart of the site, the what-if
    and benchmark pages included)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(
        {
            "svg.hashsalt": "asmb-spec",
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        if panels is None:
            figure, axes = plt.subplots(figsize=(width, height))
            draw(axes)
            axes.set_title(title, loc="left", fontsize=10)
        else:
            figure, grid = plt.subplots(*panels, figsize=(width, height), sharex=True)
            draw(grid)
            figure.suptitle(title, x=0.01, ha="left", fontsize=10)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(figure)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _yearly_supply(initial: int, rate: Fraction, years: int) -> list[int]:
    supply = [initial]
    for _ in range(years):
        supply.append(supply[-1] + int(supply[-1] * rate))
    return supply


def asmb_supply(years: int = 10, rates: Sequence[Fraction] | None = None) -> str:
    """ASMB supply over ``years`` under the adopted convention (and alternative rates)."""
    initial = pm.integer("ASMB_INITIAL_SUPPLY")
    rates = list(rates) if rates is not None else [pm.ratio("ASMB_INFLATION_RATE")]

    def draw(axes: Any) -> None:
        for rate in rates:
            supply = _yearly_supply(initial, rate, years)
            axes.plot(
                range(years + 1),
                [s / ASMB / BILLION for s in supply],
                marker="o",
                markersize=3,
                label=f"{float(rate) * 100:g} % a year",
            )
        axes.set_xlabel("years after genesis")
        axes.set_ylabel("supply (billion ASMB)")
        axes.legend(frameon=False)

    return figure(draw, "ASMB supply under the yearly-provision convention")


def prelaunch_issued_vs_staked() -> str:
    """ASMB issued in the pre-launch window against the staked fraction, with the 8 B maximum."""
    full = dv.evaluate("PRE-FULL-STAKE-ASMB")
    cap = dv.evaluate("PRE-CAP-AMOUNT")
    binding = dv.evaluate("PRE-CAP-BINDING-FRACTION")
    fractions = [i / 100 for i in range(101)]

    def draw(axes: Any) -> None:
        uncapped = [float(full) * f / ASMB / BILLION for f in fractions]
        capped = [min(u, float(cap) / ASMB / BILLION) for u in uncapped]
        axes.plot(fractions, uncapped, label="deployed (no maximum)")
        share = float(pm.ratio("PRELAUNCH_MAX_SHARE")) * 100
        axes.plot(fractions, capped, linestyle="--", label=f"seed profile ({share:g} % maximum)")
        axes.axhline(float(cap) / ASMB / BILLION, color="grey", linewidth=0.8)
        axes.axvline(float(binding), color="grey", linewidth=0.8, linestyle=":")
        axes.annotate(f"f* ≈ {float(binding):.4f}", (float(binding), 1.0), fontsize=8)
        axes.set_xlabel("fraction of the IOTA supply staked for the whole window")
        axes.set_ylabel("ASMB issued (billion)")
        axes.legend(frameon=False, loc="upper left")

    return figure(draw, "Pre-launch ASMB against the staked fraction")


def postlaunch_daily_vs_d1() -> str:
    """The daily post-launch payout (whole ASMB) as a function of the phase-1 total D1."""
    daily = dv.get("POST-DAILY-PAYOUT-ASMB").symbolic()
    cap = int(dv.evaluate("PRE-CAP-AMOUNT"))
    points = [cap * k // 40 for k in range(41)]

    def draw(axes: Any) -> None:
        values = [int(daily.subs(dv.D1, d)) for d in points]
        axes.plot([d / ASMB / BILLION for d in points], [v / 10**6 for v in values])
        example = int(pm.value("POSTLAUNCH_EXAMPLE_D1"))
        axes.scatter(
            [example / ASMB / BILLION], [int(daily.subs(dv.D1, example)) / 10**6], zorder=3
        )
        axes.annotate(
            "seed's example: 21.909233 M ASMB a day", (example / ASMB / BILLION, 21.9), fontsize=8
        )
        axes.set_xlabel("D₁: ASMB distributed before launch (billion)")
        axes.set_ylabel("daily payout (million ASMB)")

    return figure(draw, "Post-launch daily payout over 639 days")


def iotasrb_vs_staked() -> str:
    """IOTASRB against the total staked IOTA."""
    staked = [Fraction(b * BILLION, 4) for b in range(4, 81)]

    def draw(axes: Any) -> None:
        axes.plot(
            [float(s) / BILLION for s in staked],
            [float(iotasrb.benchmark(s)) * 100 for s in staked],
            label="IOTASRB",
        )
        axes.plot(
            [float(s) / BILLION for s in staked],
            [
                float(iotasrb.validator_rate(iotasrb.benchmark(s), Fraction(1), Fraction(1, 10)))
                * 100
                for s in staked
            ],
            linestyle="--",
            label="IOTASRB(v), 10 % commission",
        )
        axes.set_xlabel("total staked (billion IOTA)")
        axes.set_ylabel("yearly rate (%)")
        axes.legend(frameon=False)

    return figure(draw, "IOTASRB = sy / el × re / st")


def shimmer_genesis() -> str:
    """Shimmer's genesis supply split: stakers, Community Treasury DAO, TEA."""
    parts = [
        (
            "IOTA stakers",
            dv.evaluate("SMR-GENESIS-TOTAL")
            - dv.evaluate("SMR-GENESIS-DAO")
            - dv.evaluate("SMR-GENESIS-TEA"),
        ),
        ("Community Treasury DAO", dv.evaluate("SMR-GENESIS-DAO")),
        ("Tangle Ecosystem Association", dv.evaluate("SMR-GENESIS-TEA")),
    ]

    def draw(axes: Any) -> None:
        labels = [name for name, _ in parts]
        values = [float(value) / 10**6 / BILLION for _, value in parts]
        bars = axes.barh(labels, values)
        for bar, (_, value) in zip(bars, parts, strict=True):
            axes.annotate(
                f"{int(value):,} glow",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                fontsize=8,
                va="center",
            )
        axes.set_xlabel("billion SMR")
        axes.invert_yaxis()

    return figure(draw, "Shimmer genesis (TIP-32): 80 / 10 / 10", height=2.6)
