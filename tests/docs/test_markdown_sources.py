"""The program pages' sources are Markdown: prose is written as prose, figures are macros.

A page's sentences live in ``docs/*.md`` as Markdown, with computed figures inlined through the
macros of :mod:`spec.macros` (``mkdocs-macros-plugin``); ``python exec`` blocks only print
tables, charts and lists. These tests read the sources as a writer would, run every computed
block of the pages to see what it prints, and check the macros' figures against the seeds'.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Iterator, MutableMapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import jinja2
import jinja2.nodes
import pytest

from spec import derivations, differences, invariants, parameters
from spec import macros as mc
from tests.docs.conftest import REPO

DOCS = REPO / "docs"

#: The pages whose prose this part of the site keeps as Markdown with macros.
PAGES = (
    "index.md",
    "supply.md",
    "prelaunch.md",
    "postlaunch.md",
    "smr-staking.md",
    "root-chain.md",
    "governance.md",
    "iota-staking.md",
    "benchmarks.md",
)

#: Blocks allowed to print sentences, and why: the benchmarks' results report is written by
#: ``tests/bench/report.py`` from a results file (provenance, verdicts, baselines), not by a page.
REPORTS = {("benchmarks.md", "print(page())")}

FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n", re.S)
REGISTRIES = (parameters.BY_ID, derivations.BY_ID, invariants.BY_ID, differences.BY_ID)


def source(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


def exec_blocks(page: str) -> Iterator[tuple[str, str]]:
    """Each ``python exec`` block of a page: its info string and its code."""
    for match in FENCE.finditer(source(page)):
        if match["info"].startswith("python") and 'exec="on"' in match["info"]:
            yield match["info"], match["body"]


def prose(page: str) -> str:
    """The page without its front matter and fenced blocks: what a writer edits as text."""
    text = FRONT_MATTER.sub("", source(page))
    return FENCE.sub("", text)


def outside_math(text: str) -> str:
    """Prose with its macros, its TeX (``$…$``, ``$$…$$``) and its inline code removed."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    return re.sub(r"`[^`\n]+`", " ", text)


class FakeEnvironment:
    """The part of the plugin's environment that ``define_env`` uses."""

    def __init__(self) -> None:
        self.variables: MutableMapping[str, Any] = {}
        self.macros: dict[str, Callable[..., Any]] = {}

    def macro(self, v: Callable[..., Any], name: str = "") -> Callable[..., Any]:
        self.macros[name or v.__name__] = v
        return v


def template_environment() -> tuple[jinja2.Environment, dict[str, Any]]:
    """A Jinja environment with the site's macros and variables, as the plugin sets it up."""
    env = FakeEnvironment()
    mc.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    return jinja, {**env.macros, **env.variables}


def render(text: str) -> str:
    jinja, context = template_environment()
    return jinja.from_string(text).render(**context)


def run(code: str) -> str:
    """What a block prints, run as markdown-exec runs it (its own namespace, from the root)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.chdir(REPO):
        exec(compile(code, "<docs block>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


# --- the sources read as Markdown -------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_a_page_with_macros_asks_for_them(page: str) -> None:
    """The plugin renders only pages that opt in (``render_by_default: false``)."""
    uses = "{{" in prose(page) or "{%" in prose(page)
    meta = FRONT_MATTER.match(source(page))
    assert uses, f"{page}: no figure inlined as a macro"
    assert meta is not None and "render_macros: true" in meta["meta"], page


def test_the_plugin_renders_only_pages_that_opt_in() -> None:
    """Braces on other pages (JSON examples, TeX) are not taken for Jinja."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    plugin = config[config.index("  - macros:") :].split("\n  - ", 1)[0]
    assert "module_name: spec/macros" in plugin
    assert "render_by_default: false" in plugin
    assert "on_error_fail: true" in plugin
    assert "on_undefined: strict" in plugin


@pytest.mark.parametrize("page", PAGES)
def test_every_exec_block_prints_a_table_a_chart_or_a_list(page: str) -> None:
    blocks = list(exec_blocks(page))
    for info, code in blocks:
        if (page, code.strip().splitlines()[-1]) in REPORTS:
            continue
        printed = run(code).strip()
        if 'html="1"' in info:
            assert printed == "" or printed.startswith("<svg"), f"{page}: {printed[:80]}"
            continue
        assert printed, f"{page}: a block prints nothing:\n{code}"
        if printed.startswith("<"):
            continue  # the catalogs' cards (``spec.render``), one HTML block per id
        for line in printed.splitlines():
            assert (
                line.startswith("|")
                or re.match(r"(- |\d+\. |  )", line) is not None
                or line.strip() == ""
            ), f"{page}: a block prints a sentence, not a table or a list: {line!r}"


@pytest.mark.parametrize("page", PAGES)
def test_no_sentence_is_written_inside_python(page: str) -> None:
    """No string literal of a block is a sentence (a capital, words, a full stop)."""
    sentence = re.compile(r"""["'][A-Z][a-z]+(?: [^"'|]+){4,}[.:]\s*(?:\\n)*["']""")
    for _, code in exec_blocks(page):
        found = sentence.search(code)
        assert found is None, f"{page}: {found[0] if found else ''}"


@pytest.mark.parametrize("page", PAGES)
def test_prose_has_no_python_or_sympy_syntax(page: str) -> None:
    text = outside_math(prose(page))
    for pattern, what in (
        (r"\*\*\s*\(?\d", "a power written **"),
        (r"\d\s*\*\s*\d", "a product written *"),
        (r"\b[A-Za-z]_[A-Za-z0-9]\b", "a subscript written _ outside math"),
        (r"\^\{", "a TeX superscript outside math"),
        (r"\bprint\(|\bf\"", "Python"),
        (r"\b\d+/\d{4,}\b", "a raw rational"),
        (r"\d{15,}", "a 15-digit number"),
    ):
        found = re.search(pattern, text)
        assert found is None, f"{page}: {what}: {found[0] if found else ''}"


def _template_names(text: str) -> set[str]:
    """The macros and variables a template reads (not those it sets itself)."""
    jinja, _ = template_environment()
    tree = jinja.parse(text)
    assigned = {n.name for n in tree.find_all(jinja2.nodes.Name) if n.ctx in {"store", "param"}}
    loaded = {n.name for n in tree.find_all(jinja2.nodes.Name) if n.ctx == "load"}
    return loaded - assigned - {"loop"}  # ``loop``: Jinja's own, inside a for


@pytest.mark.parametrize("page", PAGES)
def test_templates_call_only_the_site_macros_with_known_ids(page: str) -> None:
    text = prose(page)
    _, context = template_environment()
    assert _template_names(text) <= set(context), page
    for identifier in re.findall(r"\{\{[^}]*?\(\s*\"([^\"]+)\"", text):
        assert any(identifier in r for r in REGISTRIES), f"{page}: unknown id {identifier}"


@pytest.mark.parametrize("page", PAGES)
def test_every_id_in_prose_is_a_link(page: str) -> None:
    """An id in a sentence is ``{{ link("ID") }}``; the other macros take ids as arguments.

    A one-word id that is also the name of a thing (``IOTASRB``, the benchmark) is exempt.
    """
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", prose(page), flags=re.S)
    for registry in REGISTRIES:
        for identifier in registry:
            if re.fullmatch(r"[A-Z0-9]+", identifier):
                continue
            found = re.search(rf"(?<![\w#-]){re.escape(identifier)}(?![\w-])", text)
            assert found is None, f"{page}: {identifier} is not a link"


# --- the macros' figures ------------------------------------------------------------------------


def test_link_points_at_the_anchor_of_the_id_on_its_page() -> None:
    assert mc.link("POST-PAYOUT-01") == "[`POST-PAYOUT-01`](invariants.md#POST-PAYOUT-01)"
    assert mc.link("POSTLAUNCH_DAYS") == "[`POSTLAUNCH_DAYS`](parameters.md#POSTLAUNCH_DAYS)"
    assert mc.link("POST-DAILY-PAYOUT").endswith("(derivations.md#POST-DAILY-PAYOUT)")
    assert mc.link("DIFF-POST-DAILY").endswith("(seed-vs-deployed.md#DIFF-POST-DAILY)")
    with pytest.raises(KeyError):
        mc.link("POST-PAYOUT-99")


def test_a_cited_figure_links_to_where_it_is_computed() -> None:
    # Seed 001: a maximum of 8 % of the 100 B ASMB supply in the pre-launch window: 8 B ASMB.
    cited = mc.cite("PRE-CAP-AMOUNT")
    assert cited.endswith("](derivations.md#PRE-CAP-AMOUNT)")
    assert shown(cited) == "8 B ASMB"
    assert mc.cite("POSTLAUNCH_DAYS", "639") == "[639](parameters.md#POSTLAUNCH_DAYS)"


def exact_of(html: str) -> str:
    """The exact value in a figure's tooltip (``title="exact: …"``), or its text when exact."""
    found = re.search(r'title="exact: ([^"]*)"', html)
    return found[1] if found else re.sub(r"<[^>]+>", "", html)


def shown(text: str) -> str:
    """What a reader sees of rendered Markdown, without its HTML tags and link targets."""
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\[([^\]]*)\]\([^)\s]*\)", r"\1", text)


def test_the_macros_give_the_seeds_figures() -> None:
    # Seed 000: "0,000004 ASMB tokens per 1 MIOTA per milestone", a milestone every 10 seconds
    # for 90 days (777,600 milestones); "21.909.233 ASMB tokens ... over 639 days".
    milestones = 90 * 24 * 60 * 60 // 10
    text = render(
        '{{ grouped("PRE-WINDOW-MILESTONES") }} | {{ grouped("POSTLAUNCH_DAYS") }} | '
        '{{ grouped("POST-DAILY-PAYOUT-ASMB") }}'
    )
    assert text == f"{milestones:,} | 639 | 21,909,233"
    rate = render('{{ value("PRELAUNCH_ASMB_RATE") }}')
    assert shown(rate) == "0.000004 ASMB per MIOTA per milestone"
    # One MIOTA over the window: 0.000004 × 777,600 = 3.1104 ASMB, 3,110,400 µASMB.
    per_miota = render(
        '{% set r = exact("PRELAUNCH_ASMB_RATE") * exact("IOTA_I_PER_MI") %}'
        '{{ amount(r * exact("PRE-WINDOW-MILESTONES"), "µASMB") }}'
    )
    assert exact_of(per_miota) == f"{4 * milestones:,} µASMB"
    assert shown(per_miota) == "3.11 ASMB"


def test_smr_amounts_are_whole_smr() -> None:
    # fixtures/README.md: stakers received 1,450,896,407,249,092 glow, 80 % of the genesis
    # supply; 1 SMR is 10^6 glow.
    genesis = 1_450_896_407_249_092 * 5 // 4
    assert genesis * 4 == 1_450_896_407_249_092 * 5
    figure = render('{{ value("SMR-GENESIS-TOTAL") }}')
    assert exact_of(figure) == f"{genesis:,} glow"
    assert shown(figure) == f"{genesis / 10**15:.2f} B SMR"


def test_a_share_computed_in_a_template_is_a_percentage() -> None:
    # IIP-8: 2,500 of the 10,000 voting power is a commission floor of 25 %.
    text = render('{{ as_percent(2500 / exact("IOTA_TOTAL_VOTING_POWER")) }} {{ number(7500) }}')
    assert shown(text) == "25 % 7,500"


def test_names_are_code_joined_for_a_sentence() -> None:
    assert mc.names(["a"]) == "`a`"
    assert mc.names(["a", "b", "c"]) == "`a`, `b` and `c`"


def test_the_cap_sentence_follows_the_computation(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "The maximum binds once more than …" holds only while the full stake exceeds the cap."""
    page = prose("prelaunch.md")
    section = page[page.index("## The seed profile") :]
    # The whole Chrysalis supply, 2,779,530,283,277,761 i, at 1/250,000 µASMB per i per
    # milestone over 777,600 milestones, against the 8 B ASMB cap.
    full = Fraction(2_779_530_283_277_761 * 777_600, 250_000)
    share = Fraction(8 * 10**15) / full
    binds = " ".join(shown(render(section)).split())
    assert f"the maximum binds once more than {float(share) * 100:.2f} %" in binds
    assert "never binds" not in binds

    # A cap twice the full stake's reward: the page must no longer say that it binds.
    real = mc.exact
    monkeypatch.setitem(
        mc.MACROS, "exact", lambda i: full * 2 if i == "PRE-CAP-AMOUNT" else real(i)
    )
    never = " ".join(shown(render(section)).split())
    assert "so the maximum never binds" in never
    assert "binds once more than" not in never


def test_the_worked_epoch_reads_the_contracts_run() -> None:
    """The prose of the IOTA worked epoch and its tables come from one run."""
    epoch = mc.iota_epoch()
    assert epoch.reported in epoch.record.slashed
    assert epoch.reporting_power >= parameters.integer("IOTA_QUORUM_THRESHOLD")
    assert epoch.rewards > 0
    page = prose("iota-staking.md")
    text = " ".join(render(page[page.index("## A worked epoch") :]).split())
    assert f"is slashed by the tallying rule: its {mc.amount(epoch.slashed_amount, 'nanos')}" in (
        text
    )


def test_pages_build_with_their_figures(site: Path) -> None:
    """The built pages carry the figures, not the macros that compute them."""
    postlaunch = (site / "postlaunch" / "index.html").read_text(encoding="utf-8")
    assert "gives 21,909,233 whole ASMB a day; the seed says 21,909,233" in postlaunch
    assert 'href="../invariants/#POST-PAYOUT-02"' in postlaunch
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'title="exact: 3,110,400 µASMB"' in home
    assert 'href="holders/"' in home
    for page in PAGES:
        name = page.removesuffix(".md")
        html = site / ("index.html" if name == "index" else f"{name}/index.html")
        built = html.read_text(encoding="utf-8")
        assert "{{" not in built and "{%" not in built, page
