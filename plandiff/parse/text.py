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
# Control characters would drive a terminal (ESC starts escape sequences, some set the window title):
# show them as their control pictures (ESC → ␛), one character for one, so offsets still hold. C1
# controls and lone surrogates (reachable only through the Python API) have no picture: U+FFFD.
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n\r\f"}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: 0xFFFD for code in (*range(0x80, 0xA0), *range(0xD800, 0xE000))})
_WIDTH_TABLE.update(_VISIBLE)

# A "sentence" longer than this is cut into pieces (at a comma when one is near, else at the limit), so
# that no input, such as a megabyte of one character with no 。, makes the word segmenter or the diff
# super-linear. Real plan sentences stay under 350 characters.
MAX_SENTENCE = 600
_SOFT_BREAKS = ",，、;；:："

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
# A sentence ends at a line break, or at 。!?; with any closing quotes and brackets after it.
_SENTENCE_BREAK = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*|\n")


def fold_width(text: str) -> str:
    """Fold full-width letters, digits and punctuation to half width, controls to pictures; same length."""
    return text.translate(_WIDTH_TABLE)


def visible(text: str) -> str:
    """Control characters as their pictures (␛ for ESC) and lone surrogates as U+FFFD; same length."""
    return text.translate(_VISIBLE)


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
    # Counted by deleting characters (str.translate, re.sub), not by a loop over them: a plan has 20,000.
    look_alikes = len(text) - len(text.translate(_look_alike_deletions()))
    if not look_alikes:
        return 0.0  # most plans: and the Han pattern then need not be compiled (5 ms: a 27,000-character class)
    han = len(text) - len(_han().sub("", text)) + look_alikes  # no look-alike is in U+3400–U+9FFF
    return look_alikes / han


@cache
def _han() -> re.Pattern:
    return re.compile("[\u3400-\u9fff]")


@cache
def _look_alike_deletions() -> dict[int, None]:
    return dict.fromkeys(_compatibility_table())


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
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and not all(c in SENTENCE_END + CLOSERS for c in text[a:b]):
            trimmed.extend(_cap_length(text, a, b))
    return trimmed


def _cap_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long span into pieces of at most MAX_SENTENCE characters, covering every character."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        soft = max(text.rfind(mark, start + MAX_SENTENCE // 2, cut) for mark in _SOFT_BREAKS)
        cut = soft + 1 if soft >= 0 else cut
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def first_sentence_end(text: str, start: int, end: int) -> int:
    """End offset of the first sentence in text[start:end], or `end` when it has no terminator.

    The same as sentence_spans(text, start, end)[0][1], but it stops at the first sentence: a pasted
    paragraph asks this for each 一是 inside it, and splitting the whole rest each time was quadratic.
    """
    cursor = start
    for match in _SENTENCE_BREAK.finditer(text, start, end):
        first = _first_piece_end(text, cursor, match.end())
        if first is not None:
            return first
        cursor = match.end()
    first = _first_piece_end(text, cursor, end)
    return end if first is None else first


def _first_piece_end(text: str, start: int, end: int) -> int | None:
    """Where the first piece of the span text[start:end] ends, as sentence_spans cuts it; None if it is empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and not all(c in SENTENCE_END + CLOSERS for c in text[start:end]):
        return _cap_length(text, start, end)[0][1]
    return None
