"""Every data type plandiff passes between layers: frozen values, statuses as StrEnum members.

Parsing makes a Plan; targets makes Targets; compare makes a Comparison; the store makes Revisions;
series makes a History. Renderers only read these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

# --------------------------------------------------------------------------------------------- statuses


class SentenceStatus(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"


class SectionStatus(StrEnum):
    MATCHED = "matched"
    ADDED = "added"
    REMOVED = "removed"
    SPLIT = "split"
    MERGED = "merged"


class SectionRole(StrEnum):
    """What a top-level part of a plan does; its subsections share it."""

    REVIEW = "review"  # 工作回顾: what was done
    REQUIREMENTS = "requirements"  # 总体要求, 主要目标: principles and targets
    TASKS = "tasks"  # 重点工作: what will be done
    OTHER = "other"  # no role the heading or body makes clear


class Verdict(StrEnum):
    """What happened to one indicator between two plans."""

    RAISED = "raised"
    LOWERED = "lowered"
    SAME = "same"
    REWORDED = "reworded"
    NEW = "new"
    DROPPED = "dropped"
    REVERSED = "reversed"  # a decline became growth, or growth a decline


class TargetKind(StrEnum):
    LEVEL = "level"
    INCREMENT = "increment"  # 新增…
    GROWTH = "growth"  # 增长…%
    POINTS = "points"  # 提高…个百分点
    SHARE = "share"  # 占…比重 / 占比 / …率 stated as a level
    DECLINE = "decline"  # 下降/降低/减少…: the value is the size of the fall
    FROM_TO = "from-to"  # 从16%降至13%: the value is the new level, baseline the old one


class Tense(StrEnum):
    PLANNED = "planned"
    ACHIEVED = "achieved"
    FORECAST = "forecast"  # 预计…: an expectation, not a commitment


class Firmness(StrEnum):
    FIRM = "firm"  # 确保
    ASPIRATIONAL = "aspirational"  # 力争, 争取
    UNSTATED = ""


# --------------------------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class Sentence:
    """One sentence with its character span in the plan's decoded source text.

    `text` is folded for matching (half-width, unified, simplified); `shown` is the same span in the
    document's own characters, one for one, and is what every view prints.
    """

    text: str
    start: int
    end: int
    page: int | None = None  # 1-based page of a PDF; None for other inputs
    shown: str = ""

    def __post_init__(self):
        if not self.shown:
            object.__setattr__(self, "shown", self.text)


@dataclass(frozen=True)
class Section:
    """One outline node. Level 0 is the preamble; `parent` is the id of the enclosing section."""

    id: str
    level: int
    marker: str
    heading: str
    sentences: tuple[Sentence, ...]
    parent: str | None = None
    start: int = 0
    kind: str = ""  # marker family: han_dun, paren_han, arabic_dot, plain, shi…; "" for the preamble
    role: SectionRole = SectionRole.OTHER  # its top-level part's role: review, requirements or tasks
    shown_marker: str = ""  # marker and heading in the document's own characters (（一） not (一))
    shown_heading: str = ""

    def __post_init__(self):
        if not self.shown_marker:
            object.__setattr__(self, "shown_marker", self.marker)
        if not self.shown_heading:
            object.__setattr__(self, "shown_heading", self.heading)

    @property
    def is_item(self) -> bool:
        """一是/二是 items are the lowest level: paragraphs of their parent more than sections."""
        return self.kind == "shi"

    @property
    def title(self) -> str:
        """Marker and heading as the document prints them."""
        return f"{self.shown_marker}{self.shown_heading}"


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself; any field may be unknown."""

    title: str = ""
    issuer: str = ""
    place: str = ""  # 全国 for a national plan, else province, city and district run together
    city: str = ""
    district: str = ""
    year: int | None = None
    date: str = ""
    doc_number: str = ""
    province: str = ""  # only for a province-level plan (浙江, 内蒙古); last, as callers build Metadata by position

    @property
    def level(self) -> str:
        """national, province, city, district, or "" when no place is known."""
        if self.place == NATIONAL_PLACE:
            return "national"
        if self.province:
            return "province"
        return "district" if self.district else "city" if self.city else ""

    @property
    def caption(self) -> str:
        """Who, where and when in one short line: 国务院政府工作报告 2023, 青岛市科技局 2018."""
        who = self.issuer or self.place
        what = self.title if self.title and (not who or who not in self.title) else ""
        if what and re.search(r"(19|20)\d{2}", what):
            what = ""  # the title already names a year: the issuer and the year say it shorter
        return " ".join(part for part in (who + what, str(self.year or "")) if part)


NATIONAL_PLACE = "全国"


@dataclass(frozen=True)
class Plan:
    """A parsed plan: metadata, the outline in document order, and the decoded source it came from."""

    slug: str
    source: str
    metadata: Metadata
    sections: tuple[Section, ...]
    text: str = field(repr=False, default="")  # folded for matching; offsets are the source's
    warnings: tuple[str, ...] = ()  # why the parse may look wrong (no headings, a huge preamble…)

    @property
    def title(self) -> str:
        return self.metadata.title

    def section(self, section_id: str) -> Section:
        """The section with this id."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def children(self, section_id: str) -> list[Section]:
        """Direct children of a section, in document order."""
        return [s for s in self.sections if s.parent == section_id]

    def path(self, section_id: str) -> tuple[Section, ...]:
        """The section and its ancestors, outermost first."""
        chain, current = [], self.section(section_id)
        while True:
            chain.append(current)
            if current.parent is None:
                return tuple(reversed(chain))
            current = self.section(current.parent)

    def label(self, section_id: str) -> str:
        """The section's place in the outline as the document numbers it: 三、 › （六）."""
        markers = [s.shown_marker.strip() or s.shown_heading[:12] for s in self.path(section_id) if s.level > 0]
        return " › ".join(markers) or "preamble"


# --------------------------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    """One quantitative commitment (or reported achievement) and where it stands."""

    id: str
    indicator: str
    key: str  # canonical indicator: an alias-table name or the cleaned indicator itself
    comparator: str  # "=", ">=", ">", "<=", "~", "range"
    value: float  # in the base unit: 140亿元 is 1.4e10 元
    upper: float | None  # a range's upper end, in the base unit
    unit: str  # the base unit: 元, 家, %, 百分点…
    kind: TargetKind
    firmness: Firmness
    tense: Tense
    section_id: str
    sentence: str
    start: int  # offsets into the plan text
    end: int
    text: str
    decimals: int = 0  # as written: 2.90% keeps its zero
    horizon: int | None = None  # the year the target is for: the plan year, or 2025 for a 十四五 goal
    baseline: float | None = None  # for from-to: the level it starts from, in the base unit
    subject: str = ""  # who or what the indicator belongs to, when the sentence names it (城镇, 农村)


@dataclass(frozen=True)
class TargetChange:
    """One indicator's fate: new, dropped, raised, lowered, same or reworded."""

    status: Verdict
    indicator: str
    old: Target | None
    new: Target | None
    delta: float | None = None  # new − old in the indicator's base unit (points for %)
    firmness_change: str | None = None  # softened (确保 → 力争) or firmed


# --------------------------------------------------------------------------------------------- comparisons

# One symbol per comparator in every view: terminal, HTML, DOCX, CSV and the digest.
COMPARATOR_SYMBOL = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈", "range": ""}


class DigestTopic(StrEnum):
    OVERVIEW = "overview"
    TARGETS = "targets"
    SECTIONS = "sections"
    REWRITTEN = "rewritten"
    TERMS = "terms"


@dataclass(frozen=True)
class DigestLine:
    """One plain sentence of the digest: a key change an analyst can paste into a memo."""

    topic: DigestTopic
    text: str


Diff = tuple[tuple[int, str], ...]  # diff-match-patch ops: -1 deleted, 0 kept, 1 inserted


@dataclass(frozen=True)
class Piece:
    """A run of shown sentence text: op -1 deleted, 0 kept, 1 inserted; target marks a target span."""

    op: int
    text: str
    target: bool = False


@dataclass(frozen=True)
class SentenceChange:
    """One sentence's fate: same, changed, added, removed or moved (to or from another section)."""

    status: SentenceStatus
    old: Sentence | None
    new: Sentence | None
    pieces: tuple[Piece, ...] = ()  # the inline redline, cut where target spans begin and end
    score: float = 0.0
    routine: bool = False  # only the year rolled over with the plan year
    elsewhere: str | None = None  # for moved: the section id on the other side
    arrived: bool = False  # for moved: True in the row it moved to, False in the row it left

    @property
    def diff(self) -> Diff:
        """The word edits, with pieces of one op merged again."""
        merged: list[tuple[int, str]] = []
        for piece in self.pieces:
            if merged and merged[-1][0] == piece.op:
                merged[-1] = (piece.op, merged[-1][1] + piece.text)
            else:
                merged.append((piece.op, piece.text))
        return tuple(merged)

    def side(self, side: str) -> tuple[Piece, ...]:
        """The pieces one side shows: "old" (kept and deleted) or "new" (kept and inserted)."""
        return tuple(p for p in self.pieces if (p.op <= 0 if side == "old" else p.op >= 0))

    def marks(self, side: str) -> tuple[tuple[int, int], ...]:
        """Target spans as offsets into the old or new sentence text."""
        spans, position = [], 0
        for piece in self.side(side):
            if piece.target:
                if spans and spans[-1][1] == position:
                    spans[-1] = (spans[-1][0], position + len(piece.text))
                else:
                    spans.append((position, position + len(piece.text)))
            position += len(piece.text)
        return tuple(spans)


@dataclass(frozen=True)
class PairScore:
    """Why two sections were paired: the parts of the score (they add up to total) and the runner-up."""

    heading: float  # weighted heading similarity
    body: float  # weighted similarity of the whole subtree's words
    size: float  # the damping of pairs of very different size (≤ 0)
    role: float  # 0 for the same role, < 0 for another role
    tree: float  # > 0 when the parents are paired, < 0 when the child moved to another parent
    order: float  # a small bonus for similar places in the document
    total: float
    alternative_old: str = ""  # the best pair the assignment turned down, and its total
    alternative_new: str = ""
    alternative_total: float = 0.0


@dataclass(frozen=True)
class SectionChange:
    """One aligned row: a matched, split or merged pair, or an added or removed section."""

    status: SectionStatus
    old: Section | None
    new: Section | None
    score: float
    heading_score: float
    body_score: float
    moved: bool
    sentences: tuple[SentenceChange, ...]
    heading_diff: Diff = ()
    why: PairScore | None = None  # the score parts of a matched pair, for --explain

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.marker != self.new.marker and not self.heading_changed)

    @property
    def heading_changed(self) -> bool:
        return bool(self.old and self.new and self.old.heading != self.new.heading)

    def count(self, status: str) -> int:
        return sum(1 for sentence in self.sentences if sentence.status == status)

    @property
    def changed(self) -> bool:
        """Anything to report: status, heading, marker, place, a sentence, or the order of the sentences."""
        if self.status != "matched" or self.heading_changed or self.moved or self.renumbered:
            return True
        if any(s.status != "same" for s in self.sentences):
            return True
        kept = [s.old.start for s in self.sentences if s.old is not None]
        return kept != sorted(kept)  # the same sentences in another order still differ


@dataclass(frozen=True)
class SectionCounts:
    matched: int = 0
    added: int = 0
    removed: int = 0
    split: int = 0
    merged: int = 0
    moved: int = 0

    def __getitem__(self, status: str) -> int:
        return getattr(self, status)


@dataclass(frozen=True)
class SentenceCounts:
    same: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    moved: int = 0
    routine: int = 0  # changed sentences whose only edit is the year rollover

    def __getitem__(self, status: str) -> int:
        return getattr(self, status)

    def get(self, status: str, default: int = 0) -> int:
        return getattr(self, status, default)


@dataclass(frozen=True)
class Summary:
    """Counts for the headline of every view."""

    old_sections: int
    new_sections: int
    sections: SectionCounts = SectionCounts()
    sentences: SentenceCounts = SentenceCounts()


@dataclass(frozen=True)
class Comparison:
    """Two plans and how they differ, section by section and sentence by sentence."""

    old: Plan
    new: Plan
    sections: tuple[SectionChange, ...]
    summary: Summary
    targets: tuple[TargetChange, ...] = ()
    digest: tuple[DigestLine, ...] = ()  # 5–10 lines of key changes, computed once by compare()

    @property
    def title(self) -> str:
        """国务院政府工作报告 2022 → 2023 for one series; 青岛市科技局 2018 ↔ 武汉市科技局 2014 across two."""
        old, new = self.old.metadata.caption or self.old.slug, self.new.metadata.caption or self.new.slug
        old_year, new_year = self.old.metadata.year, self.new.metadata.year
        if old_year and new_year and old_year != new_year and old.removesuffix(str(old_year)) == \
                new.removesuffix(str(new_year)) and old.endswith(str(old_year)):
            return f"{old} → {new_year}"
        same_place = bool(self.old.metadata.place) and self.old.metadata.place == self.new.metadata.place
        return f"{old} {'→' if same_place else '↔'} {new}"

    @property
    def differs(self) -> bool:
        return any(section.changed for section in self.sections) or any(
            t.status != "same" or t.firmness_change for t in self.targets)

    @property
    def between_places(self) -> bool:
        """Two places (or issuers) rather than two editions of one series: a value is higher, not raised."""
        old, new = self.old.metadata, self.new.metadata
        old_place, new_place = old.district or old.city or old.place, new.district or new.city or new.place
        if old_place and new_place:
            return old_place != new_place
        return _series_of(self.old.slug) != _series_of(self.new.slug)

    def __rich__(self):
        # The one upward reference: results print themselves in a notebook, as rich renderables do.
        from .render.terminal import comparison_view

        return comparison_view(self)


def _series_of(slug: str) -> str:
    """qingdao-2018@r2 → qingdao: the slug without its year and revision."""
    return re.sub(r"[-_]?(19|20)\d{2}$", "", slug.split("@")[0])


# --------------------------------------------------------------------------------------------- history


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
