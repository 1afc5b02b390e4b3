"""The plan model: small frozen dataclasses produced by parsing and consumed by everything else."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence with its character span in the plan's decoded source text."""

    text: str
    start: int
    end: int


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

    @property
    def is_item(self) -> bool:
        """一是/二是 items are the lowest level: paragraphs of their parent more than sections."""
        return self.kind == "shi"

    @property
    def title(self) -> str:
        """Marker and heading as the document prints them."""
        return f"{self.marker}{self.heading}"


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself; any field may be unknown."""

    title: str = ""
    issuer: str = ""
    place: str = ""
    city: str = ""
    district: str = ""
    year: int | None = None
    date: str = ""
    doc_number: str = ""


@dataclass(frozen=True)
class Plan:
    """A parsed plan: metadata, the outline in document order, and the decoded source it came from."""

    slug: str
    source: str
    metadata: Metadata
    sections: tuple[Section, ...]
    text: str = field(repr=False, default="")

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
