"""Word-level diffs: the one module that imports diff_match_patch.

Each jieba token is encoded as one character, as diff_linesToChars does for lines, so the diff works
on whole words and numbers-with-units rather than on characters.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from .words import tokenize

Diff = tuple[tuple[int, str], ...]

_FIRST_CODE = 0xF0000  # planes 15 and 16 (Private Use): 131,072 token codes
# Beyond this many tokens a side, the O(N·D) diff could take seconds for one pair, so the pair is
# diffed coarsely: the shared head and tail kept, the middle as one deletion and one insertion. Sentences
# are capped at 600 characters by the parser, so only headings or direct API calls ever get here.
MAX_TOKENS = 2000


def _engine() -> diff_match_patch:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no deadline: the same inputs always give the same diff
    return engine


def _encode(tokens: list[str], table: dict[str, str], alphabet: list[str]) -> str:
    chars = []
    for token in tokens:
        if token not in table:
            # Private Use Area code points never occur in plan text, so they cannot collide.
            table[token] = chr(_FIRST_CODE + len(alphabet))  # len(alphabet) < 2 * MAX_TOKENS: in range
            alphabet.append(token)
        chars.append(table[token])
    return "".join(chars)


def word_diff(old: str, new: str) -> Diff:
    """Diff two sentences token by token: ((op, text), …) with op -1 deleted, 0 kept, 1 inserted."""
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    if len(old_tokens) > MAX_TOKENS or len(new_tokens) > MAX_TOKENS:
        return _coarse_diff(old_tokens, new_tokens)
    table: dict[str, str] = {}
    alphabet: list[str] = []
    engine = _engine()
    diffs = engine.diff_main(_encode(old_tokens, table, alphabet), _encode(new_tokens, table, alphabet), False)
    engine.diff_cleanupSemantic(diffs)
    merged: list[tuple[int, str]] = []
    for op, chars in diffs:
        text = "".join(alphabet[ord(char) - _FIRST_CODE] for char in chars)
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return tuple(merged)


def _coarse_diff(old: list[str], new: list[str]) -> Diff:
    """A linear-time diff of long token lists: common head and tail kept, the middle replaced."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    parts = ((0, old[:head]), (-1, old[head:len(old) - tail]), (1, new[head:len(new) - tail]),
             (0, old[len(old) - tail:]))
    return tuple((op, "".join(tokens)) for op, tokens in parts if tokens)


def text_diff(old: str, new: str) -> Diff:
    """A character diff of two whole texts, for benchmarks against the raw library."""
    engine = _engine()
    return tuple(engine.diff_main(old, new, False))
