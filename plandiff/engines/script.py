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


def _has_han(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


def to_simplified(text: str) -> str:
    """Text with traditional characters folded to simplified, the same length as the input."""
    if not _has_han(text):
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
