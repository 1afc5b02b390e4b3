"""Character-level normalisation and sentence splitting, one character in for one character out."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..engines.script import to_simplified

# Full-width ASCII variants (U+FF01–U+FF5E) fold to ASCII and the ideographic space to a space.
# The mapping is one character to one character, so offsets in folded text are offsets in the source.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20
_WIDTH_TABLE[0x00A0] = 0x20  # no-break space, common in pasted web text
_WIDTH_TABLE[0xFEFF] = 0x20  # a stray BOM inside the text
_WIDTH_TABLE[0x2028] = 0x0A
_WIDTH_TABLE[0x2029] = 0x0A

# Simplified radicals (CJK Radicals Supplement) that PDF fonts put in the text layer in place of the
# unified character; Unicode gives them no decomposition, so the equivalents are listed here.
_RADICALS = dict(zip(
    "⺰⻅⻆⻈⻉⻋⻌⻐⻓⻔⻘⻙⻚⻛⻜⻠⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻄",
    "纟见角讠贝车辶钅长门青韦页风飞饣马鱼鸟卤麦黄黾齐齿龙西",
))
_COMPATIBILITY_BLOCKS = ((0x2E80, 0x2F00), (0x2F00, 0x2FE0), (0xF900, 0xFB00), (0x2F800, 0x2FA20))

SENTENCE_END = "。!?;"
CLOSERS = "”’」』)》】]\"'"
_SPACE = re.compile(r"\s+")


def fold_width(text: str) -> str:
    """Fold full-width letters, digits and punctuation to half width; keep the length unchanged."""
    return text.translate(_WIDTH_TABLE)


@cache
def _compatibility_table() -> dict[int, str]:
    """Kangxi radicals, simplified radicals and compatibility ideographs → the unified character."""
    table = {}
    for first, last in _COMPATIBILITY_BLOCKS:
        for code in range(first, last):
            unified = _RADICALS.get(chr(code)) or unicodedata.normalize("NFKC", chr(code))
            if len(unified) == 1 and unified != chr(code) and "\u3400" <= unified <= "\U0002ffff":
                table[code] = unified
    return table


def fold_compatibility(text: str) -> str:
    """Fold the look-alike characters PDF text layers hold (⼯ ⽣ ⻓) to 工 生 长; one for one."""
    return text.translate(_compatibility_table())


def compatibility_share(text: str) -> float:
    """The share of Han characters that are compatibility look-alikes before folding."""
    table = _compatibility_table()
    han = sum(1 for char in text if "\u3400" <= char <= "\u9fff" or ord(char) in table)
    return sum(1 for char in text if ord(char) in table) / han if han else 0.0


def fold(text: str) -> str:
    """Everything matching folds, one character for one: width, look-alikes, traditional → simplified."""
    return to_simplified(fold_compatibility(fold_width(text)))


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
