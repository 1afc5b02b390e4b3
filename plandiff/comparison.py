"""The result of comparing two plans: frozen dataclasses that renderers read and never recompute."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Plan, Section, Sentence

Diff = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class SentenceChange:
    """One sentence's fate: same, changed, added, removed or moved (to or from another section)."""

    status: str
    old: Sentence | None
    new: Sentence | None
    diff: Diff = ()
    score: float = 0.0
    routine: bool = False  # only the year rolled over with the plan year
    elsewhere: str | None = None  # for moved: the section id on the other side
    arrived: bool = False  # for moved: True in the row it moved to, False in the row it left
    old_marks: tuple[tuple[int, int], ...] = ()  # target spans, as offsets into old.text
    new_marks: tuple[tuple[int, int], ...] = ()  # target spans, as offsets into new.text


@dataclass(frozen=True)
class SectionChange:
    """One aligned row: a matched, split or merged pair, or an added or removed section."""

    status: str
    old: Section | None
    new: Section | None
    score: float
    heading_score: float
    body_score: float
    moved: bool
    sentences: tuple[SentenceChange, ...]
    heading_diff: Diff = ()

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
        return self.status != "matched" or self.heading_changed or any(s.status != "same" for s in self.sentences)


@dataclass(frozen=True)
class Summary:
    """Counts for the headline of every view."""

    old_sections: int
    new_sections: int
    sections: dict[str, int] = field(default_factory=dict)  # matched, added, removed, split, merged, moved
    sentences: dict[str, int] = field(default_factory=dict)  # same, changed, added, removed, moved, routine


@dataclass(frozen=True)
class Comparison:
    """Two plans and how they differ, section by section and sentence by sentence."""

    old: Plan
    new: Plan
    sections: tuple[SectionChange, ...]
    summary: Summary
    targets: tuple = ()

    @property
    def differs(self) -> bool:
        return any(section.changed for section in self.sections) or any(t.status != "same" for t in self.targets)

    def __rich__(self):
        from .render.terminal import comparison_view

        return comparison_view(self)
