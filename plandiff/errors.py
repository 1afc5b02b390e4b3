"""Typed errors: each becomes one clean CLI message with exit code 2."""

from __future__ import annotations

import errno

# C0 and C1 control characters, DEL, and the bidi overrides that reorder what a terminal shows.
_UNSAFE = {code for code in range(0x20) if code not in (0x09, 0x0A)} | {0x7F} | set(range(0x80, 0xA0))
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


class PlandiffError(Exception):
    """Base class for every error plandiff reports to users."""


class InputError(PlandiffError):
    """A document could not be read: missing, empty, binary, undecodable or too large."""


class UnknownPlanError(PlandiffError):
    """A slug that names no known plan."""


class LibraryError(PlandiffError):
    """The user's plan library refused an operation (for example an existing slug)."""


class StoreError(PlandiffError):
    """The revision store is unusable: not a repository, dirty or corrupt."""


class OutputError(PlandiffError):
    """An output file could not be written, or would overwrite one of the inputs."""


class UsageError(PlandiffError):
    """The command line itself is wrong: an unknown option, a bad value, a missing argument."""


def escaped(text: str) -> str:
    r"""Text safe for one terminal line: newlines, controls, bidi overrides and lone surrogates as \x escapes."""
    out = []
    for char in str(text):
        code = ord(char)
        if code in _UNSAFE or code == 0x0A or code in _BIDI or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def os_reason(error: OSError) -> str:
    """A short reason for an OS error in plain words (the file name is reported separately)."""
    reasons = {
        errno.ENAMETOOLONG: "the name is too long for the file system",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "it is a directory",
        errno.ENOTDIR: "a part of the path is not a directory",
        errno.EROFS: "the file system is read-only",
        errno.ENOSPC: "no space left on the device",
        errno.ELOOP: "too many symbolic links",
        errno.ENOENT: "no such file or directory",
    }
    return reasons.get(error.errno, error.strerror or type(error).__name__)
