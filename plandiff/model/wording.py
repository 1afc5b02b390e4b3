"""English agreement for counts, so every view says "1 sentence was" and "2 sentences were"."""

from __future__ import annotations


def agree(count: float, singular: str, plural: str | None = None) -> str:
    """The form that agrees with count: sentence/sentences, was/were, rolls/roll (plural defaults to +s)."""
    return singular if count == 1 else (plural or singular + "s")


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """The count and its noun in agreement: 1 sentence, 0 sentences, 12 sentences."""
    return f"{count} {agree(count, singular, plural)}"
