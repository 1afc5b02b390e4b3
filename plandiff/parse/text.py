"""Character-level normalisation and sentence splitting, one character in for one character out."""

from __future__ import annotations

import re

# Full-width ASCII variants (U+FF01–U+FF5E) fold to ASCII and the ideographic space to a space.
# The mapping is one character to one character, so offsets in folded text are offsets in the source.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20
_WIDTH_TABLE[0x00A0] = 0x20  # no-break space, common in pasted web text
_WIDTH_TABLE[0xFEFF] = 0x20  # a stray BOM inside the text
_WIDTH_TABLE[0x2028] = 0x0A
_WIDTH_TABLE[0x2029] = 0x0A

SENTENCE_END = "。!?;"
CLOSERS = "”’」』)》】]\"'"
_SPACE = re.compile(r"\s+")


def fold_width(text: str) -> str:
    """Fold full-width letters, digits and punctuation to half width; keep the length unchanged."""
    return text.translate(_WIDTH_TABLE)


def squeeze(text: str) -> str:
    """Drop all whitespace: Chinese text needs none, and PDFs and web pages scatter it."""
    return _SPACE.sub("", text)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], split on 。!?; and line ends, closers kept.

    Leading and trailing whitespace is trimmed from each span; empty sentences are dropped.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    i = start
    while i < end:
        char = text[i]
        if char in SENTENCE_END or char == "\n":
            j = i + 1
            if char != "\n":
                while j < end and text[j] in CLOSERS:
                    j += 1
            spans.append((cursor, j))
            cursor = i = j
            continue
        i += 1
    spans.append((cursor, end))
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not all(c in SENTENCE_END + CLOSERS for c in text[a:b]):
            trimmed.append((a, b))
    return trimmed


def first_sentence_end(text: str, start: int, end: int) -> int:
    """End offset of the first sentence in text[start:end], or `end` when it has no terminator."""
    spans = sentence_spans(text, start, end)
    return spans[0][1] if spans else end
