"""The I/O edge for plans: name → bytes → cached Plan."""

from __future__ import annotations

from pathlib import Path

from .cache import key_of, memoize
from .library import resolve
from .model import Plan
from .reading import file_bytes


def load(name: str | Path) -> Plan:
    """Load a plan by slug or file path."""
    slug, path = resolve(str(name))
    return load_bytes(file_bytes(path), slug=slug, source=str(path))


def load_bytes(data: bytes, slug: str, source: str = "") -> Plan:
    """Parse a plan from raw bytes, through the cache."""

    def compute() -> Plan:
        # Parsing pulls in jieba and cn2an; on a cache hit none of it is imported.
        from .parse import parse_plan
        from .reading import read_bytes

        document = read_bytes(data, name=source or slug)
        return parse_plan(document.text, slug=slug, source=source)

    return memoize("plan", key_of("plan", data, slug, source), compute)
