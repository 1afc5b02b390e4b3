"""A content-addressed on-disk cache, so a warm run skips parsing and jieba's 1 s dictionary load."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from . import __version__

T = TypeVar("T")


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
    package = Path(__file__).resolve().parent
    stats = [(str(p.relative_to(package)), p.stat().st_size, p.stat().st_mtime_ns) for p in package.rglob("*.py")]
    return (__version__ + repr(sorted(stats))).encode()


def key_of(*parts: bytes | str) -> str:
    """A hex digest over the parts and the code stamp, so an upgrade or edit never reads stale results."""
    digest = hashlib.sha256(_code_stamp())
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def memoize(kind: str, key: str, compute: Callable[[], T]) -> T:
    """The cached value for key, computing and storing it on a miss; a broken cache is just a miss."""
    folder = cache_dir()
    if folder is None:
        return compute()
    path = folder / kind / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # atomic, so concurrent runs never read half a file
    except OSError:
        pass  # a read-only or full cache directory must not break the command
    return value
