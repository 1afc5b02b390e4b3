"""Chinese numerals: the one module that imports cn2an."""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
# The numerals outlines, fractions and most targets use: 七, 十四, 二十, 两百, 三万. cn2an gives the same value
# for every string these match (tests/test_words.py checks all of them against cn2an).
_SIMPLE = re.compile("([一二两三四五六七八九])?十([一二三四五六七八九])?|([零〇一二两三四五六七八九])"
                     "|([一二两三四五六七八九])([百千万亿])")
_BARE_UNITS = re.compile("[百千万亿]{1,4}")  # 万, 千亿, 亿万: cn2an refuses a unit with no digit


@lru_cache(maxsize=4096)
def chinese_to_number(text: str) -> float | None:
    """The value of a Chinese numeral such as 十二 or 两千五百, or None when it is not one."""
    simple = _simple_number(text)
    if simple is not None:
        return simple
    if _BARE_UNITS.fullmatch(text):
        return None
    # cn2an is imported only for other numerals: its import compiles regular expressions for 0.3 s.
    import cn2an

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, OverflowError):
        return None  # OverflowError: a numeral run too long for a float (found by bench/fuzz.py)


def _simple_number(text: str) -> float | None:
    """The value of a short numeral _SIMPLE matches, without cn2an; None for anything else."""
    match = _SIMPLE.fullmatch(text)
    if match is None:
        return None
    tens, ones, digit, multiple, unit = match.groups()
    if digit is not None:
        return float(_DIGITS[digit])
    if unit is not None:
        return float(_DIGITS[multiple] * _UNITS[unit])
    return float(10 * (_DIGITS[tens] if tens else 1) + (_DIGITS[ones] if ones else 0))


def chinese_fraction(text: str) -> float | None:
    """A share written in words, as a percentage: 一半 → 50, 三分之一 → 33.33, 两成 → 20."""
    if text == "一半":
        return 50.0
    if text.endswith("成"):
        tenths = chinese_to_number(text[:-1])
        return tenths * 10 if tenths is not None else None
    denominator, _, numerator = text.partition("分之")
    parts = chinese_to_number(denominator), chinese_to_number(numerator)
    return round(100 * parts[1] / parts[0], 2) if None not in parts and parts[0] else None


def ordinal(text: str) -> int | None:
    """An outline ordinal written in Arabic or Chinese digits (3, 十二), or None."""
    if len(text) == 1 and "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if text.isascii() and text.isdigit():
        return int(text)
    value = chinese_to_number(text)
    return int(value) if value is not None and value == int(value) and value > 0 else None
