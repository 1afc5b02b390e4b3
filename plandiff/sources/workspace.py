"""Where plans live, as one object: slugs, the bundled seeds, the user library, the store and the cache.

Everything that reads a file or remembers a result goes through a Workspace; the core it calls
(parse_plan, compare, extract_targets) stays pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model
from ..errors import LibraryError, PlandiffError
from ..model import Comparison, Plan, Target
from . import library
from .cache import Cache, cache_dir, key_of, use_word_lexicon
from .reading import file_bytes, path_exists

if TYPE_CHECKING:  # only series commands need these at run time: model/__init__.py loads them on first use
    from ..model import Blame, History, LogEntry, Revision, SeriesReport, Terms


@dataclass(frozen=True)
class KnownPlan:
    """A plan the workspace can name: its slug, file and origin (seed, library or tracked)."""

    slug: str
    path: Path
    origin: str


@dataclass
class Workspace:
    """The I/O edge: loads plans by slug, revision or path, and caches parsed plans and comparisons."""

    home: Path  # the user library, and the default revision store
    repo: Path | None = None  # the revision store, when it is not home
    cache: Cache = field(default_factory=lambda: Cache(None))

    @classmethod
    def from_environment(cls, repo: Path | None = None) -> Workspace:
        """$PLANDIFF_HOME (or the user data folder) and $PLANDIFF_CACHE (or the user cache folder)."""
        folder = cache_dir()
        use_word_lexicon(folder)
        return cls(library.home(), repo, Cache(folder))

    # -- the store ---------------------------------------------------------------------------------
    @property
    def store_root(self) -> Path:
        return Path(self.repo).expanduser() if self.repo else self.home

    def store(self):
        from .store import (
            Store,  # git is imported only by commands that touch the store
        )

        return Store(self.store_root)

    def _store_if_any(self):
        # No store: skip importing git entirely.
        return self.store() if (self.store_root / ".git").is_dir() else None

    # -- loading -----------------------------------------------------------------------------------
    def load(self, name: str | Path) -> Plan:
        """A plan by slug, slug@revision (r2, draft, a git revision) or file path.

        A tracked edition shadows a seed or library plan of the same slug: it is the newer text.
        """
        text = str(name)
        is_file = path_exists(text)
        if "@" in text and not is_file:
            slug, spec = text.split("@", 1)
            data, revision = self.store().read(slug, spec)
            return self.parse(data, f"{slug}@r{revision.number}", f"{revision.path}@{revision.commit[:10]}")
        if not is_file:
            store = self._store_if_any()
            tracked = store.latest_file(text) if store else None
            if tracked is not None:
                return self.parse(file_bytes(tracked), text, str(tracked))
        slug, path = library.resolve(text)
        return self.parse(file_bytes(path), slug, str(path))

    def parse(self, data: bytes, slug: str, source: str = "") -> Plan:
        """A plan from raw bytes, through the cache."""

        def compute() -> Plan:
            # Parsing pulls in jieba and cn2an; on a cache hit none of it is imported.
            from ..parse.pipeline import parse_plan
            from .reading import read_bytes

            document = read_bytes(data, name=source or slug)
            plan = parse_plan(document.text, slug=slug, source=source, pages=document.pages, styled=document.styled)
            return replace(plan, warnings=document.warnings + plan.warnings)

        return self.cache.memoize(Plan, key_of("plan", data, slug, source), compute)

    # -- computing ---------------------------------------------------------------------------------
    def compare(self, old: Plan, new: Plan) -> Comparison:
        """compare(old, new), cached by both plans' content."""

        def compute() -> Comparison:
            from ..diff.pipeline import compare

            return compare(old, new)

        # The folded text alone would let a traditional copy reuse its simplified twin's entry.
        key = key_of("comparison", old.slug, old.source, old.text, _shown(old), new.slug, new.source, new.text,
                     _shown(new))
        return self.cache.memoize(Comparison, key, compute)

    def targets(self, plan: Plan) -> tuple[Target, ...]:
        from ..targets.extract import extract_targets

        return extract_targets(plan)

    # -- the library -------------------------------------------------------------------------------
    def known(self) -> list[KnownPlan]:
        """Every plan a bare slug can name: seeds, the library, then tracked editions over both."""
        found = {entry.slug: KnownPlan(entry.slug, entry.path, entry.origin) for entry in library.entries()}
        store = self._store_if_any()
        if store is not None:
            for slug in store.slugs():
                found[slug] = KnownPlan(slug, store.latest_file(slug), "tracked")
        return sorted(found.values(), key=lambda plan: plan.slug)

    def add(self, file: Path, slug: str | None = None, force: bool = False) -> tuple[str, Path]:
        """File a plan in the library under slug, or under one derived from its place and year."""
        chosen = slug or self.slug_for(file)  # parsed first: an unreadable file never enters the library
        return chosen, library.add(file, chosen, overwrite=force)

    def slug_for(self, file: Path) -> str:
        """The slug a plan file would be filed under: its place in pinyin and its year (national-2023)."""
        chosen = library.suggest_slug(self.load(file).metadata)
        if not chosen:
            raise LibraryError(f"{file}: no place found in the plan to name it by; give one with --as SLUG")
        return chosen

    # -- revisions ---------------------------------------------------------------------------------
    def track(self, file: Path, slug: str, label: str = "", message: str = "", source: str = ""):
        """Record a file as the next revision of slug: (revision, created)."""
        if not library.is_valid_slug(slug):
            raise LibraryError(f"{slug!r} is not a valid slug; use up to 80 lowercase letters, digits and hyphens")
        data = file_bytes(file)
        plan = self.parse(data, slug, str(file))  # only readable plans enter the store
        facts = {"title": plan.metadata.title, "place": plan.metadata.place, "year": plan.metadata.year}
        return self.store().track(data, file.name, slug, label, message, source, facts)

    def seed_files(self) -> list[tuple[Path, str]]:
        """The bundled sample plans as (file, slug); an install without them is broken, not empty."""
        seeds = sorted(library.SEEDS_DIR.glob("*.txt"))
        if not seeds:
            raise PlandiffError(f"no bundled seeds in {library.SEEDS_DIR}; reinstall plandiff")
        return [(path, path.stem) for path in seeds]

    def editions(self, name: str | None) -> list[str]:
        """Tracked slugs for an edition, a series, or everything."""
        store = self.store()
        if not store.exists():
            raise LibraryError(f"no revisions in {store.root} yet; record one with `plandiff track FILE --as SLUG`")
        if name and store.has(name):
            return [name]
        slugs = store.slugs(name) if name else store.slugs()
        if not slugs:
            known = ", ".join(sorted({library.series_of(s) for s in store.slugs()})) or "none"
            raise LibraryError(f"nothing tracked under {name!r}; tracked series: {known}")
        return slugs

    def revision_plans(self, slug: str) -> list[tuple[Revision, Plan]]:
        """Every revision of an edition with its parsed plan, newest first."""
        store = self.store()
        return [(r, self.parse(store.bytes_of(r), f"{slug}@r{r.number}")) for r in store.revisions(slug)]

    def log(self, name: str | None = None) -> list[LogEntry]:
        """Revisions newest first, with change counts against the revision before."""
        from ..series.history import log_entries

        entries = []
        self.store().verify()  # corrupt objects are an error in log too, not a partial listing
        for slug in self.editions(name):
            pairs = self.revision_plans(slug)
            entries.extend(log_entries([r for r, _ in pairs], [p for _, p in pairs], self.compare))
        return sorted(entries, key=lambda entry: entry.revision.date, reverse=True)

    # -- series ------------------------------------------------------------------------------------
    def series(self, names: list[str] | tuple[str, ...] = (), from_dir: Path | None = None) -> model.Series:
        """A series from names and files, editions in plan-year order, one revision each.

        A name is a series (`national`: every tracked or library edition of it, latest revision each),
        an edition (`national-2023`, `national-2023@draft`, which replaces that edition's latest) or a
        file; `from_dir` adds every plan file in a folder.
        """
        chosen: dict[str, Plan] = {}
        if from_dir is not None:
            if not Path(from_dir).is_dir():
                raise LibraryError(f"{from_dir}: not a folder; --from takes a folder of plan files")
            files = sorted(p for p in Path(from_dir).iterdir()
                           if p.is_file() and p.suffix.lower() in library.PLAN_SUFFIXES)
            if not files:
                raise LibraryError(f"{from_dir}: no plan files ({', '.join(library.PLAN_SUFFIXES)}) in it")
            chosen.update((path.stem, self.load(path)) for path in files)
        for name in names:
            for slug in self._series_slugs(name):
                plan = self.load(slug)
                chosen[plan.slug.split("@")[0]] = plan
        if not chosen:
            raise LibraryError("no editions: name a series (national), editions or files, or give --from DIR")
        editions = tuple(sorted(chosen.values(), key=lambda plan: (plan.metadata.year or 0, plan.slug)))
        first = names[0] if names else Path(from_dir).name
        label = first if len(names) <= 1 and not self._is_edition(first) else library.series_of(
            editions[-1].slug.split("@")[0])
        return model.Series(label, editions)

    def _is_edition(self, name: str) -> bool:
        return "@" in name or Path(name).exists() or name in {known.slug for known in self.known()}

    def _series_slugs(self, name: str) -> list[str]:
        """The editions a name stands for: itself when it is an edition or file, else its series' editions."""
        if self._is_edition(name):
            return [name]
        members = sorted(known.slug for known in self.known() if library.series_of(known.slug) == name)
        if not members:
            series = sorted({library.series_of(known.slug) for known in self.known()})
            raise LibraryError(f"no series or plan named {name!r}; known series: {', '.join(series) or 'none'} "
                               "(or give --from DIR)")
        return members

    def blame_series(self, names: list[str], from_dir: Path | None = None) -> model.Series:
        """The editions up to the one blamed: the last named (or the latest), and its series before it."""
        if len(names) == 1 and self._is_edition(names[0]):
            edition = self.load(names[0])
            base = edition.slug.split("@")[0]
            if from_dir is not None:
                earlier = self.series((), from_dir).editions
            else:
                earlier = self.series([library.series_of(base)]).editions if library.series_of(base) != base else ()
            year = edition.metadata.year
            before = tuple(p for p in earlier if p.slug.split("@")[0] != base and p.source != edition.source
                           and (year is None or (p.metadata.year or 0) < year))
            return model.Series(library.series_of(base), before + (edition,))
        return self.series(names, from_dir)

    def blame(self, names: list[str], from_dir: Path | None = None) -> Blame:
        """Blame an edition against the editions of its series before it (comparisons cached)."""
        from ..series.blame import blame

        return blame(self.blame_series(names, from_dir).editions, self.compare)

    def terms(self, names: list[str], from_dir: Path | None = None, top: int | None = None) -> Terms:
        """The terms each edition of a series brings in and drops."""
        from ..series.terms import term_shifts

        series = self.series(names, from_dir)
        return term_shifts(series.name, series.editions, top)

    def term_frequency(self, term: str, names: list[str], from_dir: Path | None = None) -> TermFrequency:
        from ..series.terms import term_frequency

        return term_frequency(term, self.series(names, from_dir).editions)

    def history(self, series: str | list[str], from_dir: Path | None = None) -> History:
        """A series' editions (latest revision each) and its targets edition by edition."""
        from ..series.history import build_history

        found = self.series([series] if isinstance(series, str) else series, from_dir)
        return build_history(found.name, list(found.editions))

    def series_report(self, names: list[str], from_dir: Path | None = None) -> SeriesReport:
        """The whole story of a series for its HTML page."""
        from ..series.assembly import series_report

        return series_report(self.series(names, from_dir), self.compare)


def _shown(plan: Plan) -> str:
    """The plan's sentences and headings in the document's own characters."""
    return "".join(s.shown_marker + s.shown_heading + "".join(x.shown for x in s.sentences) for s in plan.sections)
