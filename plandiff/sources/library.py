"""Where plans live: the bundled seeds and the user's library, named by slug."""

from __future__ import annotations

import difflib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import LibraryError, UnknownPlanError
from ..model import Metadata
from .reading import path_exists

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"  # package data
PLAN_SUFFIXES = (".txt", ".html", ".htm", ".mhtml", ".mht", ".docx", ".pdf")
MAX_SLUG = 80  # characters; a slug names files and git tags, which the file system limits
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Entry:
    """A plan file known by slug, and whether it is bundled or the user's own."""

    slug: str
    path: Path
    origin: str  # "seed" or "library"


def home() -> Path:
    """The user library: $PLANDIFF_HOME, else the platform's user data directory."""
    configured = os.environ.get("PLANDIFF_HOME")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path("plandiff")


def plans_dir() -> Path:
    return home() / "plans"


def entries() -> list[Entry]:
    """Every known plan; a user plan shadows a seed of the same slug."""
    found: dict[str, Entry] = {}
    for origin, folder in (("seed", SEEDS_DIR), ("library", plans_dir())):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in PLAN_SUFFIXES and path.is_file():
                    found[path.stem] = Entry(path.stem, path, origin)
    return sorted(found.values(), key=lambda entry: entry.slug)


def resolve(name: str) -> tuple[str, Path]:
    """Turn a slug or a file path into (slug, path); unknown slugs suggest the nearest ones."""
    path = Path(name).expanduser()
    if path_exists(path) or os.sep in name or path.suffix.lower() in PLAN_SUFFIXES:
        return path.stem, path
    known = {entry.slug: entry for entry in entries()}
    if name in known:
        return name, known[name].path
    nearest = difflib.get_close_matches(name, list(known), n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(nearest)}?" if nearest else "; run `plandiff list` to see known plans"
    raise UnknownPlanError(f"unknown plan {name!r}{hint}")


def is_valid_slug(slug: str) -> bool:
    # fullmatch: `$` would let a trailing newline through; the length keeps file names and tags legal.
    return len(slug) <= MAX_SLUG and bool(_SLUG.fullmatch(slug))


def add(source: Path, slug: str, overwrite: bool = False) -> Path:
    """Copy a plan file into the user library under slug, byte for byte."""
    if not is_valid_slug(slug):
        raise LibraryError(f"{slug!r} is not a valid slug; use up to 80 lowercase letters, digits and hyphens (qingdao-2018)")
    folder = plans_dir()
    existing = [p for p in folder.glob(f"{slug}.*") if p.suffix.lower() in PLAN_SUFFIXES] if folder.is_dir() else []
    if existing and not overwrite:
        raise LibraryError(f"{slug} is already in the library ({existing[0]}); pass --force to replace it")
    folder.mkdir(parents=True, exist_ok=True)
    suffix = source.suffix.lower() if source.suffix.lower() in PLAN_SUFFIXES else ".txt"
    target = folder / f"{slug}{suffix}"
    temporary = target.with_name(f".{target.name}.tmp")
    shutil.copyfile(source, temporary)
    for old in existing:
        old.unlink()
    temporary.replace(target)  # atomic: an interrupted add never leaves half a plan
    return target


def series_of(slug: str) -> str:
    """qingdao-2018 → qingdao; a slug without a year is its own series."""
    match = re.match(r"^(.*?)-(?:19|20)\d{2}$", slug)
    return match.group(1) if match else slug


def suggest_slug(metadata: Metadata) -> str:
    """A slug for every level from place names in pinyin and the plan year.

    全国 2023 → national-2023; 浙江 2026 → zhejiang-2026; 青岛 2018 → qingdao-2018; 青岛, 市南 2021 →
    qingdao-shinan-2021. Empty when the plan names no place.
    """
    from pypinyin import lazy_pinyin

    if metadata.level == "national":
        parts = ["national"]
    else:
        places = [metadata.province] if metadata.province else [metadata.city, metadata.district]
        parts = [re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(place)).lower()) for place in places if place]
    parts = [part for part in parts if part]
    if parts and metadata.year:
        parts.append(str(metadata.year))
    return "-".join(parts)
