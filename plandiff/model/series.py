"""Many editions of one plan: revisions, target history, blame and vocabulary."""

from __future__ import annotations

from dataclasses import dataclass

from .comparison import SentenceStatus
from .plans import Plan, Sentence
from .targets import Target


@dataclass(frozen=True)
class Revision:
    """One recorded version of an edition's text."""

    slug: str
    series: str
    number: int
    label: str
    source: str
    commit: str
    date: str
    size: int  # bytes
    path: str
    sha256: str
    message: str = ""


@dataclass(frozen=True)
class LogEntry:
    """One revision with its change counts against the revision before it."""

    revision: Revision
    sentences_changed: int | None  # None for an edition's first revision
    targets_changed: int | None


@dataclass(frozen=True)
class HistoryCell:
    """One edition's value for one indicator, and the verdict against the edition before."""

    target: Target | None
    verdict: str  # a Verdict, or "" for the first edition or an absent indicator
    delta: float | None = None
    returned: bool = False  # the indicator vanished in an earlier edition and came back in this one


@dataclass(frozen=True)
class HistoryRow:
    indicator: str
    key: str
    kind: str
    unit: str
    cells: tuple[HistoryCell, ...]
    aliases: tuple[str, ...] = ()  # every wording of the indicator over the editions, first seen first
    horizon: bool = False  # a multi-year (five-year) goal rather than an annual one


@dataclass(frozen=True)
class History:
    """A series' editions in year order and each indicator's value edition by edition."""

    series: str
    editions: tuple[Plan, ...]
    rows: tuple[HistoryRow, ...]


@dataclass(frozen=True)
class Series:
    """One issuer's recurring plan: its editions in year order (one revision each)."""

    name: str
    editions: tuple[Plan, ...]

    @property
    def years(self) -> tuple[int | None, ...]:
        return tuple(plan.metadata.year for plan in self.editions)


# --------------------------------------------------------------------------------------------- blame


@dataclass(frozen=True)
class Wording:
    """One edition's wording of a sentence, and how it came from the edition before."""

    edition: str  # the edition's slug
    year: int | None
    text: str
    status: SentenceStatus  # ADDED where the chain starts; SAME, CHANGED or MOVED after that
    edited: bool = False  # the words differ from the edition before (a moved sentence may be edited too)


@dataclass(frozen=True)
class BlameLine:
    """One sentence of the blamed edition: where its wording chain starts and where it changed."""

    section_id: str
    sentence: Sentence
    chain: tuple[Wording, ...]  # oldest first; the last is this edition's wording
    age: int  # years since the first wording (editions, when a year is unknown); 0 = new in this edition
    at_least: bool  # the chain starts in the series' first edition: the sentence may be older still

    @property
    def origin(self) -> Wording:
        return self.chain[0]

    @property
    def changed_in(self) -> tuple[str, ...]:
        """The editions (slugs) whose wording differs from the edition before."""
        return tuple(wording.edition for wording in self.chain[1:] if wording.edited)


@dataclass(frozen=True)
class AgeBucket:
    """How much of an edition is this many years old."""

    age: int  # years; 0 = new in this edition
    origin: str  # the edition (slug) the wording dates from
    sentences: int
    characters: int
    at_least: bool = False  # dates from the series' first edition: possibly older


@dataclass(frozen=True)
class Blame:
    """Every sentence of an edition with its origin, over the editions up to it (oldest first)."""

    edition: Plan
    editions: tuple[Plan, ...]
    lines: tuple[BlameLine, ...]
    ages: tuple[AgeBucket, ...]  # youngest first


# --------------------------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class TermCount:
    """A term with its occurrences in one edition and its salience against the series."""

    term: str
    count: int  # occurrences in the edition it is new in (for a vanished term: in the edition before)
    salience: float  # TF-IDF against the series, weighted by general-corpus rarity; only for ranking


@dataclass(frozen=True)
class TermShift:
    """The terms one edition brought in and the ones it dropped, most salient first."""

    edition: str  # slug
    year: int | None
    new: tuple[TermCount, ...]  # absent from every earlier edition
    vanished: tuple[TermCount, ...]  # in the edition before, absent from this one
    new_total: int = 0  # how many new terms there were before the list was cut to the most salient
    vanished_total: int = 0


@dataclass(frozen=True)
class Terms:
    """A series' vocabulary shift, edition by edition (the first edition has no shift)."""

    series: str
    editions: tuple[Plan, ...]
    shifts: tuple[TermShift, ...]


@dataclass(frozen=True)
class TermFrequency:
    """One term's occurrences edition by edition."""

    term: str
    editions: tuple[Plan, ...]
    counts: tuple[int, ...]
    per_10k: tuple[float, ...]  # occurrences per 10,000 characters of plan text


@dataclass(frozen=True)
class SeriesReport:
    """Everything the series page shows: editions, target history, vocabulary shift, age profile."""

    series: Series
    history: History
    terms: Terms
    blame: Blame  # of the latest edition
