"""text → Plan: the pure parsing pipeline (fold width, split the page, read metadata, parse the outline)."""

from __future__ import annotations

from .chrome import split_page
from .metadata import read_metadata
from .model import Plan
from .outline import parse_outline
from .text import fold_width


def parse_plan(text: str, slug: str = "", source: str = "") -> Plan:
    """Parse decoded document text into a Plan. Pure: no I/O."""
    folded = fold_width(text)
    page = split_page(folded)
    body_text = "\n".join(folded[a:b] for a, b in page.body)
    metadata = read_metadata(folded, page, body_text)
    sections = parse_outline(folded, page.body)
    return Plan(slug=slug, source=source, metadata=metadata, sections=sections, text=folded)
