"""Every source is a link: the seeds and event files are published with the site, quotes are
shown as cited (an excerpt marked as one), artefacts link to their public repository."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from spec import cards, differences, invariants, parameters
from spec.cited_files import published_files
from spec.sources import (
    SEED_DOCUMENTS,
    SEEDS_DIR,
    Artefact,
    ChosenBySpec,
    FixtureField,
    SeedQuote,
    Source,
    readme_section,
)
from tests.conftest import SEEDS_DIR as SHARED_SEEDS


def _sources() -> list[Source]:
    found: list[Source] = [p.source for p in parameters.PARAMETERS]
    found += [i.citation for i in invariants.INVARIANTS]
    for difference in differences.DIFFERENCES:
        found += [e for e in difference.evidence if not isinstance(e, str)]
        if difference.seed is not None:
            found.append(difference.seed)
    return found


def test_the_packaged_seeds_are_the_shared_seeds() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent beside the checkout")
    for name in SEED_DOCUMENTS:
        assert (SEEDS_DIR / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


@pytest.mark.parametrize("source", _sources(), ids=lambda s: s.kind)
def test_every_source_links_to_a_published_file_or_a_public_address(source: Source) -> None:
    published = published_files()
    link = source.link()
    if isinstance(source, ChosenBySpec):
        assert link is None
        return
    assert link is not None
    if isinstance(source, Artefact):
        assert link.startswith("https://")
        assert link.endswith(source.path) or "/" not in source.repository
        return
    path, _, fragment = link.partition("#")
    if isinstance(source, FixtureField) and source.path == "README.md":
        assert path == "sources/participation-events/"
        assert "sources/participation-events/README.md" in published
        return
    assert path in published, path
    if isinstance(source, SeedQuote):
        # The text fragment is the quote itself: a browser scrolls to it and marks it.
        assert fragment.startswith(":~:text=")
        assert unquote(fragment.removeprefix(":~:text=")) == " ".join(source.quote.split())


def test_published_files_copy_their_sources() -> None:
    for site_path, source in published_files().items():
        assert source.is_file(), site_path
        assert site_path.startswith("sources/")
        assert site_path.endswith(source.name)


@pytest.mark.parametrize(
    ("quote", "cut"),
    [
        # Read off the seed by hand: a whole sentence, a phrase inside one, a sentence's start.
        ("The yearly inflation of the Assembly supply is set to 8%.", (False, False)),
        ("total initial Assembly supply of 100 billion tokens", (True, False)),
        ("The ASMB distribution during the second staking period will happen on a", (False, True)),
        ("get other participants to vote on it", (True, True)),
    ],
)
def test_a_quote_knows_where_it_is_cut(quote: str, cut: tuple[bool, bool]) -> None:
    document = next(
        name for name in SEED_DOCUMENTS if quote in (SEEDS_DIR / name).read_text("utf-8")
    )
    assert SeedQuote(document, quote).cut() == cut


def test_a_quote_cut_mid_sentence_is_shown_as_an_excerpt_and_unchanged() -> None:
    cut = differences.BY_ID["DIFF-POST-DAILY"].seed
    assert cut is not None
    shown = cards.quote_html(cut)
    assert shown == (
        '<span class="spec-quote">“The ASMB distribution during the second staking period will '
        "happen on a …”</span> (excerpt)"
    )
    whole = SeedQuote(
        "000_6fe19e2704b03593.txt", "The yearly inflation of the Assembly supply is set to 8%."
    )
    assert cards.quote_html(whole) == f'<span class="spec-quote">“{whole.quote}”</span>'


def test_readme_facts_link_to_their_section() -> None:
    assert readme_section("No 8 % cap was enforced") == (
        "where-the-deployed-system-parted-from-the-seed-documents"
    )
    assert readme_section("ASMB rewards are in micro-ASMB (6 decimals)") == (
        "facts-established-from-the-deployed-node-software-and-public-documents"
    )


def test_source_lines_are_links() -> None:
    seed = SeedQuote("000_6fe19e2704b03593.txt", "every 10 seconds")
    line = cards.source_html(seed)
    assert line.startswith('<a href="../sources/seeds/000_6fe19e2704b03593.txt#:~:text=')
    assert ">Staking in the IOTA Ecosystem</a>" in line
    artefact = Artefact("iotaledger/iota", "crates/a.rs", "X = 1_000")
    assert cards.source_html(artefact) == (
        '<a href="https://github.com/iotaledger/iota/blob/HEAD/crates/a.rs">'
        "iotaledger/iota crates/a.rs</a>: <code>X = 1_000</code>"
    )
    event = FixtureField("events/staking/assembly_02.json", "/payload/numerator")
    assert cards.source_html(event) == (
        'deployed event file <a href="../sources/participation-events/events/staking/'
        'assembly_02.json"><code>events/staking/assembly_02.json</code></a> at '
        "<code>/payload/numerator</code>"
    )


def test_the_published_tree_has_no_path_of_this_machine() -> None:
    for site_path in published_files():
        assert not Path(site_path).is_absolute()
