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


# GB2312 is the simplified character set: a text whose Han characters all encode in it has nothing OpenCC would
# fold (and its 25 ms of loading is spared), unless it holds one of these GB2312 characters that OpenCC reads
# as traditional forms on their own (於→于, 後→后, 乾→干); tests/test_script.py derives the list from OpenCC.
GB2312_TRADITIONAL = frozenset("乾菸薹拚捱摺吒後徵夥榘於袷麴醣麽")
# OpenCC converts by phrase, and these phrases written wholly in GB2312 it rewrites too (批覆→批复, 沈默→沉默,
# even 打坏→打坯): a text holding one goes through OpenCC as well, so the shortcut never changes a result.
# tests/test_script.py derives the list from OpenCC's own dictionaries.
GB2312_REWRITTEN_PHRASES = frozenset("""
    一坏 以免藉口 凌藉 函覆 反反覆覆 反覆 反覆思量 反覆性 回覆 土坏 坏土 坏子 坏布 墨沈沈
    意志消沈 打坏 批覆 找藉口 折戟沈沙 折戟沈河 拉坏 拜覆 捏坏 明覆 昏沈 暗沈沈 毛坏 沈下
    沈冤 沈厚 沈吟 沈寂 沈思 沈思往事 沈浮 沈浸 沈湎 沈湎酒色 沈溺 沈甸甸 沈痛 沈痼 沈睡
    沈睡不醒 沈砂池 沈筒 沈船 沈落 沈迷 沈迷不醒 沈醉 沈重 沈降 沈陷 沈香 沈默 沈默寡言
    浮沈 海哩 深沈 深沈不露 滑藉 狐藉虎威 申覆 破釜沈舟 示覆 答覆 素藉 耳沈 英哩 茵藉 藉代
    藉以 藉助 藉卉 藉口 藉喻 藉寇兵 藉手 藉故 藉方 藉槁 藉此 藉甚 藉由 藉着 藉端 藉端生事
    覆信 覆呈 覆命 覆墓 覆按 覆文 覆校 重覆 陶坏 黑沈沈
""".split())


def _ideographs(text: str) -> set[str]:
    """The distinct characters OpenCC's t2s tables may hold: CJK, compatibility and supplementary ideographs."""
    return {char for char in set(text)
            if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"}


def _may_be_traditional(text: str) -> bool:
    ideographs = _ideographs(text)
    if not ideographs or not ideographs.isdisjoint(GB2312_TRADITIONAL):
        return bool(ideographs)
    try:
        "".join(ideographs).encode("gb2312")
    except UnicodeEncodeError:
        return True
    # A phrase can only occur where every one of its characters does: most are never searched for.
    return any(phrase in text for phrase in GB2312_REWRITTEN_PHRASES if ideographs.issuperset(phrase))


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
