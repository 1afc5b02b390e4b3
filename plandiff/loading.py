"""The I/O edge for plans: name → bytes → cached Plan."""

from __future__ import annotations

from pathlib import Path

from .cache import key_of, memoize
from .library import home, resolve
from .model import Plan
from .reading import file_bytes


def load(name: str | Path, store_root: Path | None = None) -> Plan:
    """Load a plan by slug, slug@revision (r2, draft, final, a git revision) or file path.

    A bare slug that the revision store tracks means its latest revision.
    """
    text = str(name)
    is_file = Path(text).exists()
    if "@" in text and not is_file:
        slug, spec = text.split("@", 1)
        from .store import Store

        data, revision = Store(store_root or home()).read(slug, spec)
        return load_bytes(data, slug=f"{slug}@r{revision.number}", source=f"{revision.path}@{revision.commit[:10]}")
    if not is_file:
        tracked = _tracked_file(text, store_root)
        if tracked is not None:
            return load_bytes(file_bytes(tracked), slug=text, source=str(tracked))
    slug, path = resolve(text)
    return load_bytes(file_bytes(path), slug=slug, source=str(path))


def _tracked_file(slug: str, store_root: Path | None) -> Path | None:
    root = store_root or home()
    if not (root / ".git").is_dir():
        return None  # no store: skip importing git entirely
    from .store import Store

    return Store(root).latest_file(slug)


def load_bytes(data: bytes, slug: str, source: str = "") -> Plan:
    """Parse a plan from raw bytes, through the cache."""

    def compute() -> Plan:
        # Parsing pulls in jieba and cn2an; on a cache hit none of it is imported.
        from .parse import parse_plan
        from .reading import read_bytes

        document = read_bytes(data, name=source or slug)
        return parse_plan(document.text, slug=slug, source=source)

    return memoize("plan", key_of("plan", data, slug, source), compute)
