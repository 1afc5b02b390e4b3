"""The revision store: plan revisions in a git repository. The one module that imports git.

Layout: series/<series>/<slug><ext> holds the latest revision's original bytes and
series/<series>/<slug>.meta.json its metadata; each revision is a commit with Plandiff-* trailers,
tagged <slug>/r<N> and <slug>/<label>.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import git
from filelock import FileLock
from git import Actor, Repo
from gitdb.base import IStream

from ..errors import StoreError, escaped, os_reason
from ..model import Revision
from .library import series_of

SERIES_DIR = "series"
_AUTHOR = Actor("plandiff", "plandiff@localhost")
_TRAILER = re.compile(r"^Plandiff-([A-Za-z0-9]+): ?(.*)$", re.MULTILINE)
_LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$")
_LIBRARY_ENTRIES = {"plans", ".plandiff.lock"}  # what a plandiff home may hold before it becomes a store
_REQUIRED_META = {"slug": str, "series": str, "revision": int, "path": str, "size": int, "sha256": str}
_WRITING = "plandiff-writing"  # in .git: present while a track is between its first and last git write
_TEMP_INDEX = "plandiff-index"  # in .git: the index a revision is built in, never the user's
_TEMP_SUFFIX = ".plandiff-tmp"  # a working file being replaced (written, then renamed over)


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
        except (git.exc.InvalidGitRepositoryError, git.exc.NoSuchPathError, OSError, ValueError) as error:
            raise StoreError(f"{self.root} is not a usable git repository ({error}); point --repo at a plandiff store") from error
        try:
            yield repo
        except StoreError:
            raise
        except OSError as error:
            raise StoreError(f"the store at {self.root} cannot be written ({os_reason(error)}"
                             f"{': ' + escaped(str(error.filename)) if error.filename else ''})") from error
        except (git.exc.GitError, ValueError, KeyError) as error:
            raise StoreError(f"the store at {self.root} is damaged or locked ({escaped(_first_line(error))}); "
                             "check it with `git -C <store> fsck`, or remove a stale .lock left by a crashed git") \
                from error
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
        lock = self.root / ".plandiff.lock"
        try:
            if self.root.exists() and not self.root.is_dir():
                raise StoreError(f"{escaped(str(self.root))} is a file, not a folder; give --repo a folder")
            self.root.mkdir(parents=True, exist_ok=True)
            if lock.exists() and not lock.is_file():
                raise StoreError(f"{escaped(str(lock))} is not a file; remove it (plandiff makes it again)")
            # An flock: the kernel releases it when its holder dies, so a killed track leaves no stale lock.
            held = FileLock(lock)
            held.acquire()
        except OSError as error:
            raise StoreError(f"cannot lock the store at {escaped(str(self.root))} ({os_reason(error)}); "
                             "check that it is a folder you can write to") from error
        try:
            yield
        finally:
            held.release()

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
            self._recover(repo)
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
            meta_path = folder / f"{slug}.meta.json"
            meta_bytes = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            files = {str(target): data, str(meta_path): meta_bytes}
            marker = Path(repo.git_dir) / _WRITING
            marker.write_text(str(os.getpid()), encoding="utf-8")
            commit = self._commit(repo, files, removed, _commit_message(meta, message))
            repo.create_tag(f"{slug}/r{number}", ref=commit, force=True)
            if label:
                repo.create_tag(f"{slug}/{label}", ref=commit, force=True)  # a label names its latest revision
            self._update_work_tree(repo, files, removed)
            marker.unlink()
            return self._revision_from_meta(repo, meta, repo.commit(commit)), True

    def _commit(self, repo: Repo, files: dict[str, bytes], removed: list[str], message: str) -> str:
        """Commit files from blobs through a private index, then move HEAD in one atomic step.

        Nothing in the working tree or the user's index changes here, so a kill before the ref update
        leaves the store at the previous revision and a kill after it at the new one.
        """
        index = Path(repo.git_dir) / _TEMP_INDEX
        env = {"GIT_INDEX_FILE": str(index)}
        parent = repo.head.commit.hexsha if repo.head.is_valid() else None
        try:
            index.unlink(missing_ok=True)
            if parent:
                repo.git.read_tree(parent, env=env)
            for path in removed:
                repo.git.update_index("--force-remove", path, env=env)
            for path, data in files.items():
                blob = repo.odb.store(IStream("blob", len(data), io.BytesIO(data))).hexsha.decode()
                repo.git.update_index("--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
            tree = repo.git.write_tree(env=env)
        finally:
            index.unlink(missing_ok=True)
        who = {"GIT_AUTHOR_NAME": _AUTHOR.name, "GIT_AUTHOR_EMAIL": _AUTHOR.email,
               "GIT_COMMITTER_NAME": _AUTHOR.name, "GIT_COMMITTER_EMAIL": _AUTHOR.email}
        note = Path(repo.git_dir) / "plandiff-message"
        note.write_text(message, encoding="utf-8")
        try:
            commit = repo.git.commit_tree(tree, *(["-p", parent] if parent else []), "-F", str(note), env=who)
        finally:
            note.unlink(missing_ok=True)
        # update-ref with the old value: it refuses if HEAD moved under us, and is atomic.
        repo.git.update_ref("HEAD", commit, parent or "0" * 40, "-m", "plandiff track")
        return commit

    def _update_work_tree(self, repo: Repo, files: dict[str, bytes], removed: list[str]) -> None:
        """Bring the working files and the user's index up to the new HEAD: each file written then renamed."""
        for path, data in files.items():
            final = self.root / path
            final.parent.mkdir(parents=True, exist_ok=True)
            temporary = final.with_name(final.name + _TEMP_SUFFIX)
            temporary.write_bytes(data)
            temporary.replace(final)
        for path in removed:
            (self.root / path).unlink(missing_ok=True)
        repo.git.reset("-q", "HEAD", "--", *files, *removed)

    def _recover(self, repo: Repo) -> None:
        """Finish what a killed track left: its git locks, its temporary files, its stale working files.

        Only what plandiff itself writes is touched: a working file is brought to HEAD only when its
        content is the previous revision's (the kill came between the commit and the file update).
        """
        git_dir = Path(repo.git_dir)
        marker = git_dir / _WRITING
        if marker.exists():
            since = marker.stat().st_mtime - 1
            # We hold the store lock, so the writer that left the marker is dead: its locks are stale.
            for lock in [git_dir / "index.lock", git_dir / "HEAD.lock", *git_dir.glob("refs/**/*.lock"),
                         *git_dir.glob("packed-refs.lock")]:
                if lock.is_file() and lock.stat().st_mtime >= since:
                    lock.unlink()
        (git_dir / _TEMP_INDEX).unlink(missing_ok=True)
        series = self.root / SERIES_DIR
        for temporary in series.rglob("*" + _TEMP_SUFFIX) if series.is_dir() else []:
            temporary.unlink()
        if not repo.head.is_valid():
            marker.unlink(missing_ok=True)
            return
        stale = self._stale_paths(repo)
        for path, in_head in stale.items():
            if in_head:
                (self.root / path).write_bytes((repo.head.commit.tree / path).data_stream.read())
            else:
                (self.root / path).unlink()
        if stale:
            repo.git.reset("-q", "HEAD", "--", *stale)
        marker.unlink(missing_ok=True)

    def _stale_paths(self, repo: Repo) -> dict[str, bool]:
        """Changed working files that hold the previous revision's content: path → whether HEAD has it."""
        head, parent = repo.head.commit, (repo.head.commit.parents or [None])[0]
        changed = repo.git.status("--porcelain", "-z", "--untracked-files=all", "--", SERIES_DIR)
        stale = {}
        for entry in filter(None, changed.split("\0")):
            path = entry[3:]
            work = self.root / path
            if not work.is_file():
                continue  # a deleted file: plandiff never deletes a current revision's file
            digest = repo.git.hash_object(str(work))
            in_head = _blob_at(head, path)
            if in_head == digest:
                stale[path] = True  # only the index is behind
            elif parent is not None and _blob_at(parent, path) == digest:
                stale[path] = in_head is not None
        return stale

    def _refuse_dirty(self, repo: Repo) -> None:
        if not repo.head.is_valid():
            return
        untracked = [f for f in repo.untracked_files if f.startswith(SERIES_DIR + "/")]
        if repo.is_dirty(path=SERIES_DIR) or untracked:
            raise StoreError(f"the store at {self.root} has uncommitted changes in {SERIES_DIR}/; "
                             "commit or discard them with git first (plandiff never overwrites them)")

    def verify(self) -> None:
        """A cheap integrity check (git fsck, without dangling objects): damage is an error, never a quiet 0."""
        with self._repo() as repo:
            repo.git.fsck("--no-dangling", "--no-progress")

    # -- reading ---------------------------------------------------------------------------------
    def _latest_meta(self, slug: str) -> dict | None:
        path = self.root / SERIES_DIR / series_of(slug) / f"{slug}.meta.json"
        if not path.exists():
            return None
        try:
            return _checked_meta(json.loads(path.read_text(encoding="utf-8")), path)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise StoreError(f"{escaped(str(path))} is damaged ({escaped(_first_line(error))}); "
                             f"restore it with `git checkout -- {path.name}`") from error

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
                trailers = dict(_TRAILER.findall(_trailer_block(commit.message)))
                if trailers.get("Slug") != slug:
                    continue
                meta = _checked_meta(json.loads((commit.tree / meta_path).data_stream.read().decode("utf-8")),
                                     f"{meta_path} at {commit.hexsha[:10]}")
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
            last = revisions[0].number
            raise StoreError(f"{slug} has no revision {spec}; it has {f'r1–r{last}' if last > 1 else 'only r1'}")
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
        body = commit.message.rstrip("\n").split("\n", 1)[1] if "\n" in commit.message.rstrip("\n") else ""
        note_part = body.rsplit("\n\n", 1)[0] if "\n\n" in body else ""
        note = "\n".join(line[1:] if line.startswith(" ") and _TRAILER.match(line[1:]) else line
                         for line in note_part.splitlines() if not line.startswith("Source: ")).strip()
        return Revision(
            slug=meta["slug"], series=meta["series"], number=meta["revision"], label=meta.get("label", ""),
            source=meta.get("source", ""), commit=commit.hexsha,
            date=commit.committed_datetime.astimezone(timezone.utc).isoformat(timespec="seconds"),
            size=meta["size"], path=meta["path"], sha256=meta["sha256"],
            message=note,
        )


def _commit_message(meta: dict, message: str) -> str:
    """The subject, the user's note, then the trailers. User text is escaped to one line per value, and
    note lines that look like trailers are indented, so no user text can ever become a trailer."""
    label = f" ({meta['label']})" if meta["label"] else ""
    source = escaped(meta["source"])
    lines = [f"track {meta['slug']} r{meta['revision']}{label}", ""]
    if message.strip():
        note = [" " + line if _TRAILER.match(line) or line.startswith("Source: ") else line
                for line in message.strip().replace("\r", "\n").splitlines()]
        lines += [*note, ""]
    if source:
        lines += [f"Source: {source}", ""]
    lines += [
        f"Plandiff-Slug: {meta['slug']}", f"Plandiff-Series: {meta['series']}",
        f"Plandiff-Revision: {meta['revision']}", f"Plandiff-Label: {escaped(meta['label'])}",
        f"Plandiff-Source: {source}", f"Plandiff-Sha256: {meta['sha256']}",
    ]
    return "\n".join(lines) + "\n"


def _trailer_block(message: str) -> str:
    """The last paragraph of a commit message: the only place trailers are read from."""
    return message.rstrip("\n").rsplit("\n\n", 1)[-1]


def _checked_meta(meta, where) -> dict:
    """A .meta.json's data, or a StoreError when it is not an object with every field of its type."""
    if not isinstance(meta, dict):
        raise StoreError(f"{escaped(str(where))} is damaged (not a JSON object); restore it with git")
    for name, kind in _REQUIRED_META.items():
        value = meta.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise StoreError(f"{escaped(str(where))} is damaged ({name!r} is missing or not a {kind.__name__}); "
                             "restore it with git")
    return meta


def _blob_at(commit, path: str) -> str | None:
    try:
        return (commit.tree / path).hexsha
    except KeyError:
        return None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
