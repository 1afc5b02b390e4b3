"""The on-disk cache of parsed plans and comparisons: the only cache plandiff has.

Entries are keyed by content (a digest of the inputs and of plandiff's own code) and stored as JSON
through diskcache, never as pickles, so a shared cache folder can hold data but not code. The cache
has a size bound with least-recently-stored eviction; an entry it can't read is a miss.

Beside it lives the word lexicon: jieba's prefix dictionary in SQLite, so a run loads only the entries
its texts can use (see engines/lexicon.py). It is library data, not a result, so with PLANDIFF_NO_CACHE it
is kept in the temporary folder, where jieba keeps its own cache, under a name that carries the user id.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import stat
import tempfile
import typing
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from .. import __version__, model
from ..engines import lexicon, words

T = TypeVar("T")
SIZE_LIMIT = 512 * 1024 * 1024  # bytes; diskcache evicts the oldest entries beyond it
_TYPE = "__type__"


def cache_dir() -> Path | None:
    """$PLANDIFF_CACHE, else the platform's user cache directory; None when PLANDIFF_NO_CACHE is set."""
    if os.environ.get("PLANDIFF_NO_CACHE"):
        return None
    configured = os.environ.get("PLANDIFF_CACHE")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("plandiff")


@lru_cache(maxsize=1)
def _code_stamp() -> bytes:
    """The version plus each source file's size and mtime: any code change invalidates old entries."""
    package = Path(__file__).resolve().parent.parent
    stats = [(str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns) for p in package.rglob("*.py")]
    return (__version__ + repr(sorted(stats))).encode()


def key_of(*parts: bytes | str) -> str:
    """A hex digest over the parts and the code stamp, so an upgrade or edit never reads stale results."""
    digest = hashlib.sha256(_code_stamp())
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Cache:
    """A bounded content-addressed store of model values; every failure is a miss, never an error."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._disk = None

    def _open(self):
        if self._disk is None and self.folder is not None:
            import diskcache

            try:
                self._disk = diskcache.Cache(str(self.folder), size_limit=SIZE_LIMIT, disk=diskcache.JSONDisk)
            except (OSError, sqlite3.Error):
                self.folder = None  # unusable (read-only, a file, damaged): run without a cache
        return self._disk

    def memoize(self, kind: type[T], key: str, compute: Callable[[], T]) -> T:
        """The cached value of this model type for key, computing and storing it on a miss."""
        disk = self._open()
        if disk is None:
            return compute()
        try:
            found = disk.get(key)
            if found is not None:
                value = decode(found)
                if isinstance(value, kind):
                    return value
        except (OSError, sqlite3.Error, ValueError, TypeError, KeyError, AttributeError):
            pass  # damaged or foreign entry: recompute it
        value = compute()
        try:
            disk.set(key, encode(value))
        except (OSError, sqlite3.Error, ValueError, TypeError):
            pass  # a full or read-only cache must not break the command
        return value

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None


def encode(value: Any) -> Any:
    """A model value as JSON data: dataclasses become objects tagged with their type name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {field.name: encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
        data[_TYPE] = type(value).__name__
        return data
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    return value


def decode(data: Any) -> Any:
    """The inverse of encode; only types defined in plandiff.model can come back."""
    if isinstance(data, list):
        return tuple(decode(item) for item in data)
    if not isinstance(data, dict):
        return data
    cls = getattr(model, data[_TYPE])
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"{data[_TYPE]} is not a model type")
    hints = _hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            value = decode(data[field.name])
            hint = hints.get(field.name)
            if isinstance(hint, type) and issubclass(hint, Enum):
                value = hint(value)
            values[field.name] = value
    return cls(**values)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


LEXICON_FORMAT = "2"  # bump when the lexicon's tables change
_BATCH = 500  # prefixes per query, under SQLite's oldest limit of 999 parameters


class WordLexicon:
    """jieba's prefix dictionary in an SQLite file, a row for each first one or two characters of its keys."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.total = int(self._db.execute("SELECT value FROM meta WHERE name = 'total'").fetchone()[0])

    def blocks(self, prefixes):
        """(prefix, keys, frequencies, tags) of each of prefixes that starts a key (see engines/lexicon.py's Lexicon)."""
        ordered = list(prefixes)
        try:  # one query, the prefixes as one JSON array: a third faster than batches of parameters
            return self._db.execute("SELECT prefix, keys, frequencies, tags FROM json_each(?) JOIN blocks "
                                    "ON prefix = value", (json.dumps(ordered, ensure_ascii=False),)).fetchall()
        except sqlite3.OperationalError:  # an SQLite built without JSON functions
            return [row for first in range(0, len(ordered), _BATCH) for row in self._in_batch(ordered[first:first + _BATCH])]

    def _in_batch(self, batch: list[str]):
        query = f"SELECT prefix, keys, frequencies, tags FROM blocks WHERE prefix IN ({','.join('?' * len(batch))})"
        return self._db.execute(query, batch)


def use_word_lexicon(folder: Path | None) -> None:
    """Have engines/words.py load jieba's dictionary from the lexicon in folder (or the temp folder), on first use."""
    if folder is None:
        words.use_lexicon(lambda: open_word_lexicon(Path(tempfile.gettempdir()), shared=True))
    else:
        words.use_lexicon(lambda: open_word_lexicon(folder))


def open_word_lexicon(folder: Path, shared: bool = False) -> WordLexicon | None:
    """The lexicon for the installed jieba, built first if it is missing; None if it can't be read or written.

    Building loads jieba's whole dictionary, so on None the caller already has it: nothing is lost. In a
    shared folder (the temporary one) the file name carries the user id, so users never collide.
    """
    path = folder / lexicon_name(shared)
    try:
        if _owned(path):
            return WordLexicon(path)
    except FileNotFoundError:
        pass  # not built yet
    except (OSError, sqlite3.Error, TypeError, ValueError):
        pass  # damaged: build it again
    else:
        return None  # someone else's file, or a link: never read it, and it can't be replaced either
    try:
        _build_lexicon(path)
    except (OSError, sqlite3.Error):
        pass  # a read-only folder: this run uses jieba's own dictionary
    return None


def lexicon_name(shared: bool = False) -> str:
    """The lexicon's file name: one per jieba install (its dict.txt's path, size and time) and lexicon format."""
    identity = lexicon.dictionary_identity()
    name = hashlib.sha256(f"{LEXICON_FORMAT} {identity}".encode()).hexdigest()[:16]
    user = f"u{os.getuid()}-" if shared and hasattr(os, "getuid") else ""
    return f"plandiff-words-{user}{name}.sqlite3"


def _owned(path: Path) -> bool:
    """Whether path is a regular file (not a link) of this user; raises FileNotFoundError when it is missing."""
    found = path.lstat()
    return stat.S_ISREG(found.st_mode) and (not hasattr(os, "getuid") or found.st_uid == os.getuid())


def _build_lexicon(path: Path) -> None:
    # The temporary file first: a folder that can't be written costs nothing more than jieba's own load.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        total, blocks = lexicon.full_dictionary()
        db = sqlite3.connect(temporary)
        with db:
            db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
            # A row per prefix, its keys packed in one string: a plan needs 44,000 keys under 14,000 prefixes.
            db.execute("CREATE TABLE blocks (prefix TEXT PRIMARY KEY, keys TEXT, frequencies TEXT, tags TEXT) "
                       "WITHOUT ROWID")
            db.execute("INSERT INTO meta VALUES ('total', ?)", (str(total),))
            db.executemany("INSERT INTO blocks VALUES (?, ?, ?, ?)", blocks)
        db.close()
        temporary.replace(path)  # whole or not at all: a reader never sees half a lexicon
        temporary = None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
