"""PDF → text with PDFium (pypdfium2): the text layer page by page, without the page furniture.

Running headers and footers (lines that repeat across pages once digits are ignored), page numbers
(3/69, - 3 -, 第3页) and browser print stamps are dropped; lines the layout broke inside a sentence are
joined again, with nothing put between CJK characters. The offset where each page begins is kept, so
each sentence can cite its page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import InputError

_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]?\s*\d{1,4}\s*[-—–]?|\d{1,4}\s*/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$")
_PRINT_STAMP = re.compile(r"^\s*(?:\d{1,4}[/-]\d{1,2}[/-]\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?|(?:file|https?)://\S+)")
_SENTENCE_END = "。！？；：!?;:"
_CLOSERS = "”」』）)"
# PDFium's load error codes (FPDF_ERR_FORMAT, _PASSWORD, _SECURITY in fpdfview.h).
_ERR_FORMAT, _ERR_PASSWORD, _ERR_SECURITY = 3, 4, 5
_MIN_TEXT = 20  # non-space characters in the whole file below which it has no real text layer


Line = tuple[str, "bool | None"]  # a line's text, and whether the layout opens a paragraph there
_PARAGRAPH_GAP = 1.4  # line pitches: a gap this much wider than the usual one stands between paragraphs
_LAID_OUT = 0.02  # share of lines the layout marks as opening a paragraph, above which the marks are trusted


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: tuple[int, ...]  # offset in text where each page begins


def pdf_text(data: bytes, name: str) -> PdfText:
    """The PDF's body text with page starts; a PDF without a text layer is an error that says so."""
    pages = _page_lines(data, name)
    if sum(len(line.strip()) for page in pages for line, _ in page) < _MIN_TEXT:
        raise InputError(
            f"{name}: this PDF has no text layer (a scanned image?); run OCR on it first, or give the text"
        )
    return _join(_drop_furniture(pages))


def _page_lines(data: bytes, name: str) -> list[list[Line]]:
    import pypdfium2 as pdfium  # only PDF input pays for PDFium

    try:
        document = pdfium.PdfDocument(data)
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(_lines_with_openings(textpage))
            textpage.close()
            page.close()
        document.close()
    # PDFium reports damage as one error type, but a broken stream can surface as others.
    except Exception as error:  # noqa: BLE001
        raise _unreadable(error, name) from error
    return pages


def _lines_with_openings(textpage) -> list[Line]:
    """A page's lines, each marked True where the layout opens a paragraph (a wider gap above it, or an
    indent), False where it plainly continues one, None where the page gives no sign (its first line)."""
    text = textpage.get_text_range()
    raw = [(match.start(), match.group()) for match in re.finditer(r"[^\r\n]+", text)]
    if textpage.count_chars() != len(text):  # generated characters out of step: no positions to trust
        return [(line, None) for _, line in raw]
    raw = [piece for start, line in raw for piece in _printed_lines(textpage, start, line)]
    placed = []  # (line, left, top, height) of each line's first visible character, and its last's top
    for start, line in raw:
        first = start + len(line) - len(line.lstrip())
        if not line.strip():
            placed.append((line, None, None, None, None))
            continue
        # Heights are read off Han characters: punctuation and dashes have boxes of their own sizes.
        han = [start + i for i, char in enumerate(line) if "\u4e00" <= char <= "\u9fff"] or [first, start + len(line.rstrip()) - 1]
        left = textpage.get_charbox(first)[0]
        _, bottom, _, top = textpage.get_charbox(han[0])
        placed.append((line, left, top, top - bottom, textpage.get_charbox(han[-1])[3]))
    # PDFium may run two printed lines into one text line, so a gap is measured from the line's last
    # character down to the next line's first.
    steps = sorted(a[4] - b[2] for a, b in zip(placed, placed[1:]) if a[4] is not None and b[2] is not None
                   and a[4] > b[2])
    heights = sorted(h for *_, h, _ in placed if h)
    # The margin is the leftmost place three lines start at: on a page of one-line paragraphs most lines
    # start indented, and a print stamp or two may stand further left.
    lefts = Counter(round(left / 3) * 3 for _, left, *_ in placed if left is not None)
    shared = sorted(left for left, count in lefts.items() if count >= 3)
    if not steps or not heights:
        return [(line, None) for line, *_ in placed]
    # The lower quartile: on a page of one-line paragraphs (a list of goals) most steps are paragraph gaps.
    pitch, height = steps[len(steps) // 4], heights[len(heights) // 2]
    margin = shared[0] if shared else lefts.most_common(1)[0][0]
    lines, previous_last = [], None
    for line, left, top, _, last_top in placed:
        if top is None:
            lines.append((line, None))
            continue
        indented = left - margin > 0.9 * height + 3  # + the rounding of the margin
        gap = previous_last is not None and previous_last - top > _PARAGRAPH_GAP * pitch
        lines.append((line, True if indented or gap else (None if previous_last is None else False)))
        previous_last = last_top
    return lines


def _unreadable(error: Exception, name: str) -> InputError:
    """The one line for a PDF that PDFium will not open, by PDFium's own error code."""
    code = getattr(error, "err_code", None)
    if code in (_ERR_PASSWORD, _ERR_SECURITY):
        return InputError(f"{name}: a password-protected PDF; open it with its password and print or export it "
                          "to a new PDF, or give the plan as text")
    if code == _ERR_FORMAT:
        return InputError(f"{name}: a damaged PDF (PDFium cannot parse it; cut short, or not fully downloaded?); "
                          "re-export it from the original, or give the plan as text")
    reason = str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__
    return InputError(f"{name}: not a readable PDF ({reason}); re-export it from the original, or give the plan as text")


def _shape(line: str) -> str:
    """A line with its digits blurred: page 3's header and page 4's are the same line."""
    return re.sub(r"\d+", "#", line.strip())


def _printed_lines(textpage, start: int, line: str) -> list[tuple[int, str]]:
    """One PDFium text line cut where the print went back to the left margin on a lower line: PDFium runs
    a title and its subtitle, or two lines of a paragraph, into one when their heights overlap."""
    pieces, piece_start, previous = [], start, None
    for index in range(start, start + len(line)):
        if line[index - start].isspace():
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        if previous and left < previous[0] - 2 * (top - bottom) and top < previous[1]:
            pieces.append((piece_start, line[piece_start - start:index - start].rstrip()))
            piece_start = index
        previous = (left, bottom)
    pieces.append((piece_start, line[piece_start - start:]))
    return [(offset, piece) for offset, piece in pieces if piece.strip()]


def _drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers, print stamps and lines repeated at the top or bottom of many pages."""
    edges = Counter()
    for lines in pages:
        kept = [line for line, _ in lines if line.strip()]
        edges.update({_shape(line) for line in kept[:3] + kept[-3:]})
    repeated = {shape for shape, count in edges.items() if len(pages) >= 3 and count >= max(3, len(pages) // 2)}
    cleaned = []
    for lines in pages:
        kept = [(line, opens) for line, opens in lines if line.strip()]
        edge = set(range(min(3, len(kept)))) | set(range(max(0, len(kept) - 3), len(kept)))
        cleaned.append([
            (line.rstrip(), opens) for index, (line, opens) in enumerate(kept)
            if not (index in edge and (_shape(line) in repeated or _PAGE_NUMBER.match(line) or _PRINT_STAMP.match(line)))
        ])
    return cleaned


def _full_width(pages: list[list[Line]]) -> int:
    """The length of a full line of body text: lines this long ran into the right margin."""
    lengths = sorted(len(line.strip()) for lines in pages for line, _ in lines if len(line.strip()) >= 10)
    if not lengths:
        return 10**6
    return int(lengths[int(len(lengths) * 0.9)] * 0.85)


def _join(pages: list[list[Line]]) -> PdfText:
    """Join lines the layout broke; a short line ends its paragraph, and so does a line ending a sentence
    unless the layout shows where paragraphs open (a wider gap or an indent), when that decides."""
    full = _full_width(pages)
    marks = [opens for lines in pages for _, opens in lines]
    laid_out = bool(marks) and sum(opens is True for opens in marks) >= _LAID_OUT * len(marks)
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    continues = False  # the last line ran into the margin without ending a sentence (or its paragraph)
    ended_sentence = False
    for lines in pages:
        starts.append(length + (0 if continues or not parts else 1))
        for line, opens in lines:
            text = line.strip()
            if parts:
                if continues and laid_out and opens is not None:
                    continues = not opens
                elif continues and ended_sentence:
                    continues = False  # the page gives no sign: a sentence's end ends the paragraph
                separator = "" if continues else "\n"
                if continues and parts[-1][-1:].isascii() and parts[-1][-1:].isalnum() and text[:1].isascii():
                    separator = " "  # two Latin words broken at the margin keep their space
                parts.append(separator)
                length += len(separator)
            parts.append(text)
            length += len(text)
            ended_sentence = _ends_sentence(text)
            continues = len(text) >= full and (laid_out or not ended_sentence)
    return PdfText("".join(parts), tuple(starts))


def _ends_sentence(line: str) -> bool:
    """。 or 。” ends a sentence; a bare closing quote (做好“六保”) does not."""
    stripped = line.rstrip(_CLOSERS) if line[-1:] in _CLOSERS and line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END else line
    return stripped[-1:] in _SENTENCE_END
