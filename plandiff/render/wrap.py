"""Line breaking for Chinese text in the terminal: 避头尾 (kinsoku), numbers and Latin words kept whole.

rich folds text without spaces at exactly the column width, so a line may start with 。 or split
32.0亿元 in two. Wrapped breaks the lines itself, by display cells, and moves a break back when the
next line would start with closing punctuation or the break would cut a number.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

# Characters that may not start a line (closing punctuation), and that may not end one (opening).
NO_LINE_START = set("。，、；：？！）」』”’》〉】〕…—%‰·.,;:?!)]}") | {"\u3001"}
NO_LINE_END = set("（「『“‘《〈【〔([{")
_NUMBER = set("0123456789.%‰")
MAX_NUMBER = 16  # a longer run of digits is not a number worth keeping whole
MAX_WORD = 24  # characters back to look for the space before a Latin word that a break would split


def break_offsets(text: str, width: int) -> list[int]:
    """Offsets where lines break so that each fits width cells, honouring 避头尾 and whole numbers."""
    if 2 * len(text) <= width and "\n" not in text:
        return []  # no character is wider than two cells: it all fits (piped output is 100,000 cells wide)
    return _measured_breaks(text, width)


def _measured_breaks(text: str, width: int) -> list[int]:
    offsets: list[int] = []
    line_start, used = 0, 0
    index = 0
    while index < len(text):
        if text[index] == "\n":
            offsets.append(index + 1)
            line_start, used, index = index + 1, 0, index + 1
            continue
        cells = cell_len(text[index])
        if used + cells > width and index > line_start:
            cut = _better_cut(text, line_start, index)
            offsets.append(cut)
            line_start, used = cut, cell_len(text[cut:index])
        used += cells
        index += 1
    return offsets


def _better_cut(text: str, line_start: int, cut: int) -> int:
    """Move a break back past closing punctuation, opening punctuation, and out of a number or a Latin word."""
    original = cut
    for _ in range(3):  # at most a few characters: a line may not shrink to nothing
        if cut - 1 > line_start and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
            cut -= 1
            continue
        break
    if text[cut] in _NUMBER and text[cut - 1] in _NUMBER:
        start = cut
        while start > line_start and text[start - 1] in _NUMBER and cut - start < MAX_NUMBER:
            start -= 1
        if start > line_start and text[start - 1] not in _NUMBER:
            cut = start
    if _in_word(text, cut):  # an English word of the digest or a label (sections, R&D): break at its space
        space = text.rfind(" ", max(line_start, cut - MAX_WORD), cut)
        if space > line_start:
            cut = space + 1
    return cut if cut > line_start else original


def _in_word(text: str, cut: int) -> bool:
    return text[cut - 1].isascii() and text[cut - 1].isalpha() and text[cut].isascii() and text[cut].isalpha()


def wrapped_lines(text: Text, width: int) -> list[Text]:
    """text broken into lines of at most width cells, trailing blanks trimmed; blank lines dropped but a lone one."""
    lines = text.divide(break_offsets(text.plain, width))
    for line in lines:
        line.rstrip()
    return [line for line in lines if line.plain or len(lines) == 1]


class Wrapped:
    """A rich Text that wraps by the rules of Chinese typesetting instead of rich's own folding."""

    def __init__(self, text: Text):
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Every line already fits, so rich's own folding leaves them as they are.
        yield Text("\n").join(wrapped_lines(self.text, max(1, options.max_width)))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(4, longest), longest)


class SignedLines:
    """Rows of a short sign (+, -, ~, •) and a text that wraps like Wrapped, its lines hanging under the first."""

    # What a two-column Table.grid draws, without the grid's cost: a table measures every cell's width,
    # character by character, several times (0.3 s of the 0.4 s a national report diff took to render).

    def __init__(self, rows: list[tuple[Text, Text]]):
        self.rows = rows

    def _sign_width(self) -> int:
        return max((sign.cell_len for sign, _ in self.rows), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        sign_width = self._sign_width()
        hanging = Segment(" " * (sign_width + 1))
        width = max(1, options.max_width - sign_width - 1)
        for sign, text in self.rows:
            for number, line in enumerate(wrapped_lines(text, width) or [Text("")]):  # the sign always shows
                if number == 0:
                    yield from _styled(sign, console)
                    yield Segment(" " * (sign_width - sign.cell_len + 1))
                else:
                    yield hanging
                yield from _styled(line, console)
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(line) for _, text in self.rows for line in text.plain.split("\n")), default=0)
        return Measurement(self._sign_width() + 1 + min(4, longest), self._sign_width() + 1 + longest)


def _styled(text: Text, console: Console):
    """text's segments in its own style: Text.render applies a text's style only through its spans."""
    if text.style and not text.spans:
        return Segment.apply_style(text.render(console), console.get_style(text.style))
    return text.render(console)
