"""Typed errors: each becomes one clean CLI message with exit code 2."""


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
