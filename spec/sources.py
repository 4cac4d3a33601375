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
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

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


Source = SeedQuote | FixtureField | Artefact | ChosenBySpec
