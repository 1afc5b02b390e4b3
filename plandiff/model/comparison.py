"""The result of comparing two plans, computed once and read by every renderer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .plans import Plan, Section, Sentence
from .targets import TargetChange


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
    topic: str = ""  # the heading word both texts bear out, for a pair made on it below the threshold


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
        from ..render.terminal import comparison_view

        return comparison_view(self)


def _series_of(slug: str) -> str:
    """qingdao-2018@r2 → qingdao: the slug without its year and revision."""
    return re.sub(r"[-_]?(19|20)\d{2}$", "", slug.split("@")[0])
