"""A parsed plan: sentences, the outline, metadata and the role of each part."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class SectionRole(StrEnum):
    """What a top-level part of a plan does; its subsections share it."""

    REVIEW = "review"  # 工作回顾: what was done
    REQUIREMENTS = "requirements"  # 总体要求, 主要目标: principles and targets
    TASKS = "tasks"  # 重点工作: what will be done
    OTHER = "other"  # no role the heading or body makes clear


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
    shown_title: str = ""  # the title in the document's own characters (traditional stays traditional)

    def __post_init__(self):
        if not self.shown_title:
            object.__setattr__(self, "shown_title", self.title)

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
