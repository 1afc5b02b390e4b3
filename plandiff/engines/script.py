"""Traditional → simplified characters, for matching only: the one module that imports OpenCC.

The fold keeps one character for one character, so offsets in folded text are offsets in the source.
OpenCC converts by phrase; where a phrase conversion would change a line's length, that line is
converted character by character instead.
"""

from __future__ import annotations

from functools import cache


@cache
def _converter():
    import opencc  # imported on first use: plain simplified text never pays for it

    return opencc.OpenCC("t2s")


@cache
def _char(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


# GB2312 is the simplified character set: a text whose Han characters all encode in it is taken as simplified
# and left as written (sparing OpenCC's 25 ms of loading), unless it holds one of these GB2312 characters that
# OpenCC reads as traditional forms on their own (於→于, 後→后, 乾→干); tests/test_script.py derives the list
# from OpenCC. OpenCC's phrase table would also rewrite a few all-GB2312 phrases: old variants (沈默→沉默,
# 批覆→批复, 藉口→借口) that plans do not use, and 打坏→打坯, which damages simplified text.
GB2312_TRADITIONAL = frozenset("乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽")


def _may_be_traditional(text: str) -> bool:
    han = {char for char in set(text) if "\u3400" <= char <= "\u9fff"}
    if not han or han & GB2312_TRADITIONAL:
        return bool(han)
    try:
        "".join(han).encode("gb2312")
    except UnicodeEncodeError:
        return True
    return False


def to_simplified(text: str) -> str:
    """Text with traditional characters folded to simplified, the same length as the input."""
    if not _may_be_traditional(text):
        return text
    lines = text.split("\n")
    converted = _converter().convert(text).split("\n")
    if len(converted) != len(lines):
        converted = [_converter().convert(line) for line in lines]
    out = []
    for line, simple in zip(lines, converted):
        if len(simple) != len(line):
            simple = "".join(_char(char) for char in line)
        out.append(simple)
    return "\n".join(out)
