"""Word-level diffs: the one module that imports diff_match_patch.

Each jieba token is encoded as one character, as diff_linesToChars does for lines, so the diff works
on whole words and numbers-with-units rather than on characters.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from .words import tokenize

Diff = tuple[tuple[int, str], ...]


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no deadline: the same inputs always give the same diff
    return engine


def _encode(tokens: list[str], table: dict[str, str], alphabet: list[str]) -> str:
    chars = []
    for token in tokens:
        if token not in table:
            # Private Use Area code points never occur in plan text, so they cannot collide.
            table[token] = chr(0xF0000 + len(alphabet))
            alphabet.append(token)
        chars.append(table[token])
    return "".join(chars)


def word_diff(old: str, new: str) -> Diff:
    """Diff two sentences token by token: ((op, text), …) with op -1 deleted, 0 kept, 1 inserted."""
    table: dict[str, str] = {}
    alphabet: list[str] = []
    engine = _engine()
    diffs = engine.diff_main(
        _encode(tokenize(old), table, alphabet), _encode(tokenize(new), table, alphabet), False
    )
    engine.diff_cleanupSemantic(diffs)
    merged: list[tuple[int, str]] = []
    for op, chars in diffs:
        text = "".join(alphabet[ord(char) - 0xF0000] for char in chars)
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return tuple(merged)


def text_diff(old: str, new: str) -> Diff:
    """A character diff of two whole texts, for benchmarks against the raw library."""
    engine = _engine()
    return tuple(engine.diff_main(old, new, False))
