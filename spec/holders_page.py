"""The "What you get" page: its worked examples and its calculator, rendered from the contracts.

Every function returns Markdown or HTML for one ``markdown-exec`` block of ``docs/holders.md``;
the figures are results of :mod:`spec.holders` and :mod:`spec.holders_programs`, and the
calculator's data is their published tables, inlined in the page as JSON for
``docs/javascripts/calculator.js``.
"""

from __future__ import annotations

import html
import json
from fractions import Fraction
from typing import Any

from spec import holders as h
from spec import holders_programs as hp
from spec import iotasrb
from spec.exact import format_decimal, format_grouped

#: The example amount, in whole tokens, grouped for readers.
EXAMPLE = format_grouped(hp.EXAMPLE)
#: Amounts with more decimals than this are shown rounded, the exact value in a tooltip.
SHOWN_DECIMALS = 2


def amount(value: int, decimals: int, symbol: str, base: str) -> str:
    """An amount for readers: whole tokens, exact when short, else rounded with the exact value
    (and the base units) in a tooltip: ``≈ 7,491.48 ASMB``."""
    exact = h.tokens(value, decimals, symbol)
    title = f"{exact} = {format_grouped(value)} {base}"
    whole = Fraction(value, 10**decimals)
    if (whole * 10**SHOWN_DECIMALS).denominator == 1:
        return f'<span title="{html.escape(title)}">{exact}</span>'
    rounded = format_decimal(whole, SHOWN_DECIMALS)
    integral, _, part = rounded.partition(".")
    shown = f"≈ {format_grouped(int(integral))}{'.' + part if part else ''} {symbol}"
    return f'<span title="{html.escape(title)}">{shown}</span>'


def _asmb(value: int) -> str:
    return amount(value, 6, "ASMB", "µASMB")


def _round_amount(round_: h.Round, value: int) -> str:
    return amount(value, 6, round_.token, round_.base_unit)


def _example_i() -> int:
    return h.EXAMPLE_MI * h.MI


def _program_amount(key: str, value: int) -> str:
    program = hp.get_program(key)
    return amount(value, program.reward_decimals, program.reward_symbol, program.reward_base)


def glance() -> str:
    """The worked examples in one list, one line per program."""
    stake = h.mi(_example_i())
    r1, shimmer = h.get_round("round-1"), h.get_round("shimmer")
    assembly = [r for r in h.rounds() if r.token == "ASMB"]
    all_rounds = sum(h.reward(r, _example_i()).paid for r in assembly)
    post, smr, asmb, iota = (hp.get_program(k) for k in hp_keys())
    lines = [
        f"- **Pre-launch, round 1**: {stake} staked for the whole round → "
        f"**{_round_amount(r1, h.reward(r1, _example_i()).paid)}** "
        f"({h.rule_links(r1.rules()[:2])})",
        f"- **Shimmer staking**, over the same milestones: {stake} → "
        f"**{_round_amount(shimmer, h.reward(shimmer, _example_i()).paid)}** "
        f"({h.rule_links(['PRE-REWARD-01', 'SHIMMER_GENESIS_RATE'])})",
        f"- **All six Assembly rounds**: {stake} staked through each → **{_asmb(all_rounds)}** "
        f"({h.rule_links(['PRE-REWARD-01'])})",
        f"- **Post-launch** (the seed's design, never deployed): {stake} from day 1 to the last "
        f"day → **{_program_amount(post.key, hp.example_result(post.key))}** if "
        f"{post.scenarios[post.headline].label} ({h.rule_links(post.rules[:2])})",
        f"- **SMR staking**: {EXAMPLE} SMR for a year → "
        f"**{_program_amount(smr.key, hp.example_result(smr.key))}** with "
        f"{smr.scenarios[smr.headline].label} ({h.rule_links(smr.rules[:1])})",
        f"- **ASMB delegation**: {EXAMPLE} ASMB for a year → "
        f"**{_program_amount(asmb.key, hp.example_result(asmb.key))}** at "
        f"{asmb.scenarios[asmb.headline].label} ({h.rule_links(asmb.rules[:3])})",
        f"- **IOTA staking** today: {EXAMPLE} IOTA for a year → "
        f"**{_program_amount(iota.key, hp.example_result(iota.key))}** with "
        f"{iota.scenarios[iota.headline].label} ({h.rule_links(iota.rules[:3])})",
    ]
    return "\n".join(lines) + "\n"


def hp_keys() -> tuple[str, str, str, str]:
    return ("postlaunch", "smr-staking", "asmb-delegation", "iota-staking")


# ----------------------------------------------------------------------------- pre-launch


def prelaunch_table() -> str:
    """Per deployed event: its rate, the example for the whole round, and the smallest stake
    its results pay."""
    rows = [
        f"| event and rate per Mi per milestone | {EXAMPLE} Mi, whole round "
        "| smallest stake paid |",
        "|---|--:|--:|",
    ]
    for r in h.rounds():
        staking = r.event.staking
        assert staking is not None
        rate = f"{format_grouped(staking.rewards_per_milestone(h.MI))} {r.base_unit}"
        whole = h.reward(r, _example_i()).paid
        rows.append(
            f"| [{r.label}](../parameters/#{r.prefix}_RATE)<br>{rate} | "
            f"{_round_amount(r, whole)} | {h.mi(h.smallest_paid(r))} |"
        )
    return "\n".join(rows) + "\n"


def round_windows() -> str:
    """The counted milestones of every event, as a folded list."""
    lines = []
    for r in h.rounds():
        e = r.event
        lines.append(
            f"- {r.label}: after {format_grouped(e.start)} to {format_grouped(e.end)} "
            f"({format_grouped(r.milestones)} milestones; participation accepted after "
            f"{format_grouped(e.commence)}) — [`{r.prefix}_START`](../parameters/#{r.prefix}_START)"
        )
    return "\n".join(lines) + "\n"


def seed_design() -> str:
    """Round 1 beside the seed's design: the same while the cap does not bind, scaled when it
    does."""
    r1 = h.get_round("round-1")
    deployed = h.reward(r1, _example_i()).paid
    implied = hp.implied_stake()
    supply = hp.IOTA_SUPPLY
    same = h.seed_design_reward(_example_i(), implied)
    capped = h.seed_design_reward(_example_i(), supply - _example_i())
    share = hp.percent_of(Fraction(implied, supply))
    lines = [
        f"- Beside the stake implied by Shimmer's genesis ({share} of the IOTA supply), the seed "
        f"design pays for {h.mi(_example_i())} **{_asmb(same)}**, as round 1 paid "
        f"{_asmb(deployed)}: the 8 % maximum does not bind "
        f"({h.rule_links(['PRE-CAP-01', 'PRE-CAP-BINDING-FRACTION'])}).",
        f"- With the whole supply staked the maximum binds and every reward is scaled down: "
        f"{h.mi(_example_i())} → **{_asmb(capped)}** ({h.rule_links(['PRE-CAP-02'])}).",
    ]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- other programs


def postlaunch_tables() -> str:
    """The daily pool, then a stake's share of it: by amount, then by the others' stake."""
    program = hp.get_program("postlaunch")
    implied = hp.implied_stake()
    runs = [hp.postlaunch(a * h.MI, implied) for a in hp.GRID_AMOUNTS]
    out = [
        f"Each day pays **{_asmb(runs[0].daily_pool)}**; the stake is held through "
        f"{runs[0].days_paid} of the days. If {program.scenarios[program.headline].label}:\n",
        "| your stake | one day | all days |",
        "|--:|--:|--:|",
    ]
    out += [
        f"| {format_grouped(a)} Mi | {_asmb(run.first_day)} | {_asmb(run.total)} |"
        for a, run in zip(hp.GRID_AMOUNTS, runs, strict=True)
    ]
    out += ["", f"{EXAMPLE} Mi as the others' stake changes:\n", "| others stake | all days |"]
    out.append("|---|--:|")
    table = hp.grid(program.key)
    index = hp.GRID_AMOUNTS.index(hp.EXAMPLE)
    for scenario, option in zip(program.scenarios, table["options"], strict=True):
        out.append(f"| {scenario.short} | {_asmb(int(option['results'][index]))} |")
    return "\n".join(out) + "\n"


def scenario_table(key: str, heading: str) -> str:
    """The example amount in every scenario of a program, with the yearly rate it makes."""
    program = hp.get_program(key)
    table = hp.grid(key)
    index = hp.GRID_AMOUNTS.index(hp.EXAMPLE)
    rows = [f"| {heading} | {EXAMPLE} {program.stake_symbol} for a year | rate |", "|---|--:|--:|"]
    for scenario, option in zip(program.scenarios, table["options"], strict=True):
        result = int(option["results"][index])
        rate = Fraction(result, hp.EXAMPLE * program.stake_unit)
        rows.append(
            f"| {scenario.short} | {_program_amount(key, result)} | {hp.percent_of(rate)} |"
        )
    return "\n".join(rows) + "\n"


def delegation_exit() -> str:
    """Leaving a validator, and what a major slash takes."""
    exit_ = hp.exit_and_slash(hp.EXAMPLE * hp.ASMB_UNIT, Fraction(1, 2))
    lost = hp.EXAMPLE * hp.ASMB_UNIT - exit_.slashed_stake
    return (
        f"- Undelegated in epoch {exit_.requested}, the {EXAMPLE} ASMB earn nothing more and come "
        f"back in epoch {exit_.released}: **{_asmb(exit_.returned)}** "
        f"({h.rule_links(['ROOT-UNBOND-01', 'ASMB_UNBONDING_EPOCHS'])}).\n"
        f"- If the validator is slashed for a major offence, the stake is worth "
        f"**{_asmb(exit_.slashed_stake)}**: {_asmb(lost)} are burned "
        f"({h.rule_links(['ROOT-SLASH-01', 'SLASH_FRACTION_MAJOR'])}).\n"
    )


def iota_table() -> str:
    """The example for a year as the network's stake changes, beside the benchmark IOTASRB(v)."""
    key = "iota-staking"
    program = hp.get_program(key)
    table = hp.grid(key)
    index = hp.GRID_AMOUNTS.index(hp.EXAMPLE)
    commission = Fraction(hp.IOTA_COMMISSION_BP, 10_000)
    rows = [
        f"| staked on the network | {EXAMPLE} IOTA for a year | rate<br>(IOTASRB(v)) |",
        "|---|--:|--:|",
    ]
    for staked, scenario, option in zip(
        hp.IOTA_STAKED, program.scenarios, table["options"], strict=True
    ):
        result = int(option["results"][index])
        rate = Fraction(result, hp.EXAMPLE * program.stake_unit)
        published = iotasrb.validator_rate(
            iotasrb.benchmark(Fraction(staked)), Fraction(1), commission
        )
        rows.append(
            f"| {scenario.short} | {_program_amount(key, result)} | {hp.percent_of(rate)}<br>"
            f"({hp.percent_of(published)}) |"
        )
    c = hp.iota_commission(hp.IOTA_STAKED[program.headline])
    rows.append(
        f"\nThe stake is with one of {hp.IOTA_VALIDATORS} validators of equal stake, all at "
        f"{hp.percent_of(commission)} commission, each holding {format_grouped(c.voting_power)} "
        f"of the {format_grouped(hp.IOTA_TOTAL_POWER)} voting power. Since IIP-8 a "
        f"validator's commission is at least its voting power in basis points; this one set "
        f"{hp.percent_of(Fraction(c.set_bp, 10_000))} and is paid at "
        f"{hp.percent_of(Fraction(c.paid_bp, 10_000))} ({h.rule_links(['IOTA-COMMISSION-02'])})."
    )
    return "\n".join(rows) + "\n"


# ----------------------------------------------------------------------------- the calculator


def calculator_data() -> dict[str, Any]:
    """Every published table: the seven events, then the four programs' grids."""
    return {
        "supply": str(hp.IOTA_SUPPLY),
        "programs": [h.event_table(r.key) for r in h.rounds()] + [hp.grid(k) for k in hp_keys()],
    }


def calculator() -> str:
    """The calculator's form and its data (``docs/javascripts/calculator.js`` wires it)."""
    data = json.dumps(calculator_data(), ensure_ascii=False, separators=(",", ":"))
    # A JSON script element ends at "</": escape the slash so no string can close it.
    data = data.replace("</", "<\\/")
    return f"""<div class="holder-calculator" id="holder-calculator">
<p><label for="calc-program">Program</label>
<select id="calc-program"></select></p>
<p id="calc-amount-row"><label for="calc-amount">Amount staked</label>
<input id="calc-amount" inputmode="decimal" value="{h.EXAMPLE_MI}" size="18" autocomplete="off">
<span id="calc-unit">Mi</span></p>
<p id="calc-choice-row" hidden><label for="calc-choice">Amount staked</label>
<select id="calc-choice"></select> <span id="calc-choice-unit"></span></p>
<p><label for="calc-option" id="calc-option-label">Held for</label>
<select id="calc-option"></select></p>
<output id="calc-result" for="calc-program calc-amount calc-option" aria-live="polite">
</output>
<p id="calc-rules" class="holder-calculator-rules"></p>
<script type="application/json" id="calc-data">{data}</script>
</div>
<noscript>The calculator needs JavaScript; the tables below hold the same results.</noscript>
<style>
.holder-calculator {{ border: 1px solid var(--md-default-fg-color--lightest);
  border-radius: .2rem; padding: .2rem 1rem; margin: 1em 0; }}
.holder-calculator label {{ display: inline-block; min-width: 9em; font-weight: 700; }}
.holder-calculator select, .holder-calculator input {{ font: inherit; max-width: 100%;
  padding: .1rem .3rem; border: 1px solid var(--md-default-fg-color--lighter);
  border-radius: .1rem; background: var(--md-default-bg-color);
  color: var(--md-default-fg-color); }}
.holder-calculator output {{ display: block; font-size: 1.25em; margin: .6em 0; }}
.holder-calculator output small {{ display: block; font-size: .7em;
  color: var(--md-default-fg-color--light); overflow-wrap: anywhere; }}
</style>
"""
