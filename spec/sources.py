"""Where every value of the specification comes from.

A parameter cites exactly one source:

* :class:`SeedQuote` -- a short phrase quoted verbatim from one of the seed documents;
* :class:`FixtureField` -- a field of a real artefact of the deployed network (the participation
  event files and results copied into ``spec/data/participation-events``);
* :class:`Artefact` -- a fact about deployed software or a public standard, with the repository
  and path that show it;
* :class:`ChosenBySpec` -- a value the seeds leave open, chosen by this specification, naming the
  public system whose default the choice follows.

Tests check every seed quote verbatim against the seed files and every fixture field against the
fixture files.

Every source has a :meth:`link`: the published site carries the seeds and the fixture files it
cites (under :data:`SITE_DIR`, see :mod:`spec.cited_files`), so a seed quote links to its seed's
text with the quote highlighted and a fixture field to its file; an artefact links to its public
repository. A link is written from the site's root; a page one level down prefixes ``../``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final
from urllib.parse import quote as _percent

#: The seed documents, by file name, with the title a reader knows them by.
SEED_DOCUMENTS: Final[dict[str, str]] = {
    "000_6fe19e2704b03593.txt": "Staking in the IOTA Ecosystem",
    "001_d636d0fed23d36dd.txt": "Announcing Assembly and the ASMB Token",
    "002_f683509f5d3ea9f4.txt": "IOTA Staking Rewards Benchmark (IOTASRB) Methodology",
}

SEED_STAKING: Final = "000_6fe19e2704b03593.txt"
SEED_ASSEMBLY: Final = "001_d636d0fed23d36dd.txt"
SEED_IOTASRB: Final = "002_f683509f5d3ea9f4.txt"

#: The packaged copy of the real participation-event files (see its README for provenance).
DATA_DIR: Final = Path(__file__).resolve().parent / "data"
PARTICIPATION_EVENTS_DIR: Final = DATA_DIR / "participation-events"
FIXTURES_README: Final = "participation-events/README.md"
#: The packaged copy of the three seed documents, byte for byte those of ``../shared/seeds``.
SEEDS_DIR: Final = DATA_DIR / "seeds"

#: Where the site publishes the cited sources, from its root: ``sources/seeds/<document>`` and
#: ``sources/participation-events/<path>``.
SITE_DIR: Final = "sources"


@cache
def seed_text(document: str) -> str:
    """The text of a seed document (the packaged copy)."""
    return (SEEDS_DIR / document).read_text(encoding="utf-8")


def text_fragment(text: str) -> str:
    """A URL text fragment (``#:~:text=…``) that makes a browser scroll to and mark ``text``."""
    words = " ".join(text.replace("`", "").replace("**", "").split())
    return ":~:text=" + _percent(words, safe="").replace("-", "%2D")


def _sentence_start(before: str) -> bool:
    before = before.rstrip(' \t*`"“(')
    return before == "" or before[-1] in ".!?:\n-•"


def _sentence_end(quote: str, after: str) -> bool:
    return quote[-1] in ".!?" or after.lstrip(' \t*`"”)')[:1] in {"", ".", "!", "?", "\n"}


@dataclass(frozen=True)
class SeedQuote:
    """A phrase quoted verbatim from a seed document."""

    document: str
    quote: str

    def cite(self) -> str:
        return f'{self.document}: "{self.quote}"'

    @property
    def kind(self) -> str:
        return "seed"

    @property
    def title(self) -> str:
        """The title a reader knows the seed document by."""
        return SEED_DOCUMENTS[self.document]

    def link(self) -> str:
        """The seed's published text, scrolled to the quote."""
        return f"{SITE_DIR}/seeds/{self.document}#{text_fragment(self.quote)}"

    def cut(self) -> tuple[bool, bool]:
        """Whether the quote begins and whether it ends inside a sentence of its seed: a quote
        cut either way is shown as an excerpt (the quote itself is never changed)."""
        text = seed_text(self.document)
        start = text.find(self.quote)
        if start == -1:
            raise ValueError(f"not in {self.document}: {self.quote!r}")
        end = start + len(self.quote)
        return (not _sentence_start(text[:start]), not _sentence_end(self.quote, text[end:]))


@dataclass(frozen=True)
class FixtureField:
    """A field of a deployed-network artefact, addressed by a JSON pointer (RFC 6901).

    ``path`` is relative to ``participation-events/``; ``pointer`` is empty for facts stated in the
    fixtures' README, in which case ``quote`` holds the phrase that states it.
    """

    path: str
    pointer: str = ""
    quote: str = ""

    def cite(self) -> str:
        where = f"{self.path}#{self.pointer}" if self.pointer else self.path
        return f'fixtures/{where}: "{self.quote}"' if self.quote else f"fixtures/{where}"

    @property
    def kind(self) -> str:
        return "fixture"

    def link(self) -> str:
        """The published file; for the README, its page at the section that states the fact."""
        if self.path != "README.md":
            return f"{SITE_DIR}/participation-events/{self.path}"
        return f"{SITE_DIR}/participation-events/#{readme_section(self.quote)}"


@dataclass(frozen=True)
class Artefact:
    """A fact established from public software or a public standard."""

    repository: str
    path: str
    fact: str

    def cite(self) -> str:
        return f"{self.repository}/{self.path}: {self.fact}"

    @property
    def kind(self) -> str:
        return "artefact"

    def link(self) -> str | None:
        """The artefact's public address: the file in its repository, or the standard's page."""
        if "/" in self.repository:
            return f"https://github.com/{self.repository}/blob/HEAD/{self.path}"
        return PUBLIC_DOCUMENTS.get(self.repository)


@dataclass(frozen=True)
class ChosenBySpec:
    """A value the seeds leave open, chosen by this specification after a named public system."""

    follows: str
    reason: str

    def cite(self) -> str:
        return f"chosen by this spec, following {self.follows}: {self.reason}"

    @property
    def kind(self) -> str:
        return "chosen"

    def link(self) -> str | None:
        """A choice of this specification links to nothing: it is stated on the page."""
        return None


#: Public standards cited as artefacts that are not software repositories, with their address.
PUBLIC_DOCUMENTS: Final[dict[str, str]] = {
    "BIPM": "https://www.bipm.org/en/publications/si-brochure",
}

_HEADING: Final = re.compile(r"^#{2,6} +(.+?) *$", re.MULTILINE)


def readme_section(quote: str) -> str:
    """The anchor of the fixtures' README section that contains ``quote`` ('' for the top).

    Anchors are the site's (Python-Markdown's ``toc`` slugs: lower case, hyphens for spaces).
    """
    text = (PARTICIPATION_EVENTS_DIR / "README.md").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    position = flat.find(" ".join(quote.split()))
    section = ""
    for heading in _HEADING.finditer(text):
        if flat.find(" ".join(heading.group(0).split())) < position:
            section = re.sub(r"[^\w\s-]", "", heading.group(1)).strip().lower()
            section = re.sub(r"[-\s]+", "-", section)
    return section


Source = SeedQuote | FixtureField | Artefact | ChosenBySpec
