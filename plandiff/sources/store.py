"""The revision store: plan revisions in a git repository. The one module that imports git.

Layout: series/<series>/<slug><ext> holds the latest revision's original bytes and
series/<series>/<slug>.meta.json its metadata; each revision is a commit with Plandiff-* trailers,
tagged <slug>/r<N> and <slug>/<label>.
"""

from __future__ import annotations

import hashlib
import json
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import git
from filelock import FileLock
from git import Actor, Repo

from ..errors import StoreError
from ..model import Revision
from .library import series_of

SERIES_DIR = "series"
_AUTHOR = Actor("plandiff", "plandiff@localhost")
_TRAILER = re.compile(r"^Plandiff-([A-Za-z0-9]+): ?(.*)$", re.MULTILINE)
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$")
_LIBRARY_ENTRIES = {"plans", ".plandiff.lock"}  # what a plandiff home may hold before it becomes a store


class Store:
    """A plandiff revision store rooted at a directory (created as a git repository on first use)."""

    def __init__(self, root: Path):
        self.root = Path(root).expanduser()

    # -- opening ---------------------------------------------------------------------------------
    def exists(self) -> bool:
        return (self.root / ".git").is_dir()

    @contextmanager
    def _repo(self, create: bool = False):
        """The repository, closed afterwards so no git processes linger."""
        if not self.exists():
            if not create:
                raise StoreError(f"{self.root} holds no revisions yet; record one with `plandiff track FILE --as SLUG`")
            self._init()
        try:
            repo = Repo(self.root)
        except (git.exc.InvalidGitRepositoryError, git.exc.NoSuchPathError) as error:
            raise StoreError(f"{self.root} is not a usable git repository ({error}); point --repo at a plandiff store") from error
        try:
            yield repo
        except (git.exc.GitCommandError, ValueError, git.exc.BadName) as error:
            raise StoreError(f"the store at {self.root} could not be read ({_first_line(error)}); "
                             "check it with `git fsck`") from error
        finally:
            repo.close()

    def _init(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"{self.root} is a file, not a folder; give --repo a folder")
        if self.root.is_dir() and any(p.name not in _LIBRARY_ENTRIES for p in self.root.iterdir()):
            raise StoreError(f"{self.root} is not a git repository and is not empty; "
                             "give --repo an empty folder or an existing plandiff store")
        self.root.mkdir(parents=True, exist_ok=True)
        with Repo.init(self.root):
            (self.root / ".git" / "info").mkdir(parents=True, exist_ok=True)
            with open(self.root / ".git" / "info" / "exclude", "a", encoding="utf-8") as exclude:
                exclude.write("plans/\n.plandiff.lock\n")

    @contextmanager
    def _lock(self):
        """One writer at a time: concurrent `track` calls queue instead of corrupting the index."""
        self.root.mkdir(parents=True, exist_ok=True)
        with FileLock(self.root / ".plandiff.lock"):
            yield

    # -- writing ---------------------------------------------------------------------------------
    def track(self, data: bytes, filename: str, slug: str, label: str = "", message: str = "",
              source: str = "", facts: dict | None = None) -> tuple[Revision, bool]:
        """Record data as the next revision of slug; (revision, False) when it is already the latest."""
        if label and not _LABEL.match(label):
            raise StoreError(f"label {label!r} must be letters, digits, dots, dashes or underscores (draft, final, r2)")
        if label and re.fullmatch(r"r\d+", label):
            raise StoreError(f"label {label!r} looks like a revision number; choose another (draft, final…)")
        series = series_of(slug)
        folder = Path(SERIES_DIR) / series
        suffix = Path(filename).suffix.lower() or ".txt"
        with self._lock(), self._repo(create=True) as repo:
            self._refuse_dirty(repo)
            previous = self._latest_meta(slug)
            digest = hashlib.sha256(data).hexdigest()
            if previous and previous["sha256"] == digest:
                return self._revision_from_meta(repo, previous), False
            number = previous["revision"] + 1 if previous else 1
            target = folder / f"{slug}{suffix}"
            removed = []
            if previous and previous["path"] != str(target):
                removed.append(previous["path"])  # the new revision comes in another format
            meta = {
                "slug": slug, "series": series, "revision": number, "label": label, "source": source,
                "path": str(target), "original_name": Path(filename).name, "size": len(data), "sha256": digest,
                "tracked_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), **(facts or {}),
            }
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            (self.root / target).write_bytes(data)
            meta_path = folder / f"{slug}.meta.json"
            (self.root / meta_path).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            if removed:
                repo.index.remove(removed, working_tree=True)
            repo.index.add([str(target), str(meta_path)])
            commit = repo.index.commit(_commit_message(meta, message), author=_AUTHOR, committer=_AUTHOR)
            repo.create_tag(f"{slug}/r{number}", ref=commit, force=True)
            if label:
                repo.create_tag(f"{slug}/{label}", ref=commit, force=True)  # a label names its latest revision
            return self._revision_from_meta(repo, meta, commit), True

    def _refuse_dirty(self, repo: Repo) -> None:
        if not repo.head.is_valid():
            return
        untracked = [f for f in repo.untracked_files if f.startswith(SERIES_DIR + "/")]
        if repo.is_dirty(path=SERIES_DIR) or untracked:
            raise StoreError(f"the store at {self.root} has uncommitted changes in {SERIES_DIR}/; "
                             "commit or discard them with git first (plandiff never overwrites them)")

    # -- reading ---------------------------------------------------------------------------------
    def _latest_meta(self, slug: str) -> dict | None:
        path = self.root / SERIES_DIR / series_of(slug) / f"{slug}.meta.json"
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise StoreError(f"{path} is damaged ({error}); restore it with `git checkout -- {path.name}`") from error

    def has(self, slug: str) -> bool:
        return self.exists() and self._latest_meta(slug) is not None

    def latest_file(self, slug: str) -> Path | None:
        """The working-tree file of an edition's latest revision, without asking git."""
        meta = self._latest_meta(slug) if self.exists() else None
        return self.root / meta["path"] if meta else None

    def slugs(self, series: str | None = None) -> list[str]:
        """Tracked editions, optionally of one series."""
        base = self.root / SERIES_DIR
        if not base.is_dir():
            return []
        folders = [base / series] if series else sorted(p for p in base.iterdir() if p.is_dir())
        return sorted(p.name[: -len(".meta.json")] for folder in folders if folder.is_dir()
                      for p in folder.glob("*.meta.json"))

    def revisions(self, slug: str) -> list[Revision]:
        """Every revision of an edition, newest first."""
        meta_path = f"{SERIES_DIR}/{series_of(slug)}/{slug}.meta.json"
        with self._repo() as repo:
            if not repo.head.is_valid():
                return []
            found = []
            for commit in repo.iter_commits(paths=meta_path):
                trailers = dict(_TRAILER.findall(commit.message))
                if trailers.get("Slug") != slug:
                    continue
                meta = json.loads((commit.tree / meta_path).data_stream.read().decode("utf-8"))
                found.append(self._revision_from_meta(repo, meta, commit))
            return found

    def read(self, slug: str, spec: str | None = None) -> tuple[bytes, Revision]:
        """The original bytes of a revision: latest, r<N>, a label, or any git revision."""
        revisions = self.revisions(slug)
        if not revisions:
            raise StoreError(f"{slug} has no tracked revisions; see `plandiff log`")
        chosen = self._choose(revisions, slug, spec)
        return self.bytes_of(chosen), chosen

    def bytes_of(self, revision: Revision) -> bytes:
        """The original bytes of a revision already in hand (no second walk of the history)."""
        with self._repo() as repo:
            return (repo.commit(revision.commit).tree / revision.path).data_stream.read()

    def _choose(self, revisions: list[Revision], slug: str, spec: str | None) -> Revision:
        if not spec:
            return revisions[0]
        number = re.fullmatch(r"r(\d+)", spec)
        if number:
            for revision in revisions:
                if revision.number == int(number.group(1)):
                    return revision
            raise StoreError(f"{slug} has no revision {spec}; it has r1–r{revisions[0].number}")
        for revision in revisions:
            if revision.label == spec:
                return revision
        with self._repo() as repo:
            try:
                sha = repo.commit(spec).hexsha
            except (git.exc.BadName, ValueError, git.exc.GitCommandError):
                labels = sorted({r.label for r in revisions if r.label})
                raise StoreError(f"{slug}@{spec}: no such revision, label or git revision "
                                 f"(labels: {', '.join(labels) or 'none'}; see `plandiff log {slug}`)") from None
            ancestors = {c.hexsha for c in repo.iter_commits(sha)}
        for revision in revisions:
            if revision.commit in ancestors:
                return revision  # the edition as it stood at that git revision
        raise StoreError(f"{slug} did not exist yet at git revision {spec}")

    def _revision_from_meta(self, repo: Repo, meta: dict, commit=None) -> Revision:
        if commit is None:
            commit = next(repo.iter_commits(paths=f"{SERIES_DIR}/{meta['series']}/{meta['slug']}.meta.json", max_count=1))
        body_lines = commit.message.splitlines()[1:]
        note = "\n".join(line for line in body_lines if not line.startswith(("Plandiff-", "Source: "))).strip()
        return Revision(
            slug=meta["slug"], series=meta["series"], number=meta["revision"], label=meta.get("label", ""),
            source=meta.get("source", ""), commit=commit.hexsha,
            date=commit.committed_datetime.astimezone(timezone.utc).isoformat(timespec="seconds"),
            size=meta["size"], path=meta["path"], sha256=meta["sha256"],
            message=note,
        )


def _commit_message(meta: dict, message: str) -> str:
    label = f" ({meta['label']})" if meta["label"] else ""
    lines = [f"track {meta['slug']} r{meta['revision']}{label}", ""]
    if message:
        lines += [message.strip(), ""]
    if meta["source"]:
        lines += [f"Source: {meta['source']}", ""]
    lines += [
        f"Plandiff-Slug: {meta['slug']}", f"Plandiff-Series: {meta['series']}",
        f"Plandiff-Revision: {meta['revision']}", f"Plandiff-Label: {meta['label']}",
        f"Plandiff-Source: {meta['source']}", f"Plandiff-Sha256: {meta['sha256']}",
    ]
    return "\n".join(lines) + "\n"


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
