"""Chinese numerals: the one module that imports cn2an."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def chinese_to_number(text: str) -> float | None:
    """The value of a Chinese numeral such as 十二 or 两千五百, or None when it is not one."""
    import cn2an  # imported on first use: it costs 0.1 s, and cached runs never need it

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, OverflowError):
        return None  # OverflowError: a numeral run too long for a float (found by bench/fuzz.py)


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
