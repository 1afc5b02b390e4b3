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


@dataclass(frozen=True)
class PdfText:
    text: str
    pages: tuple[int, ...]  # offset in text where each page begins


def pdf_text(data: bytes, name: str) -> PdfText:
    """The PDF's body text with page starts; a PDF without a text layer is an error that says so."""
    pages = _page_lines(data, name)
    if sum(len(line.strip()) for page in pages for line in page) < _MIN_TEXT:
        raise InputError(
            f"{name}: this PDF has no text layer (a scanned image?); run OCR on it first, or give the text"
        )
    return _join(_drop_furniture(pages))


def _page_lines(data: bytes, name: str) -> list[list[str]]:
    import pypdfium2 as pdfium  # only PDF input pays for PDFium

    try:
        document = pdfium.PdfDocument(data)
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n").split("\n"))
            textpage.close()
            page.close()
        document.close()
    # PDFium reports damage as one error type, but a broken stream can surface as others.
    except Exception as error:  # noqa: BLE001
        raise _unreadable(error, name) from error
    return pages


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


def _drop_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, print stamps and lines repeated at the top or bottom of many pages."""
    edges = Counter()
    for lines in pages:
        kept = [line for line in lines if line.strip()]
        edges.update({_shape(line) for line in kept[:3] + kept[-3:]})
    repeated = {shape for shape, count in edges.items() if len(pages) >= 3 and count >= max(3, len(pages) // 2)}
    cleaned = []
    for lines in pages:
        kept = [line for line in lines if line.strip()]
        edge = set(range(min(3, len(kept)))) | set(range(max(0, len(kept) - 3), len(kept)))
        cleaned.append([
            line.rstrip() for index, line in enumerate(kept)
            if not (index in edge and (_shape(line) in repeated or _PAGE_NUMBER.match(line) or _PRINT_STAMP.match(line)))
        ])
    return cleaned


def _full_width(pages: list[list[str]]) -> int:
    """The length of a full line of body text: lines this long ran into the right margin."""
    lengths = sorted(len(line.strip()) for lines in pages for line in lines if len(line.strip()) >= 10)
    if not lengths:
        return 10**6
    return int(lengths[int(len(lengths) * 0.9)] * 0.85)


def _join(pages: list[list[str]]) -> PdfText:
    """Join lines the layout broke; a short line, or one ending a sentence, ends its paragraph."""
    full = _full_width(pages)
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    continues = False  # the last line ran into the margin without ending a sentence
    for lines in pages:
        starts.append(length + (0 if continues or not parts else 1))
        for line in lines:
            text = line.strip()
            if parts:
                separator = "" if continues else "\n"
                if continues and parts[-1][-1:].isascii() and parts[-1][-1:].isalnum() and text[:1].isascii():
                    separator = " "  # two Latin words broken at the margin keep their space
                parts.append(separator)
                length += len(separator)
            parts.append(text)
            length += len(text)
            continues = len(text) >= full and not _ends_sentence(text)
    return PdfText("".join(parts), tuple(starts))


def _ends_sentence(line: str) -> bool:
    """。 or 。” ends a sentence; a bare closing quote (做好“六保”) does not."""
    stripped = line.rstrip(_CLOSERS) if line[-1:] in _CLOSERS and line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END else line
    return stripped[-1:] in _SENTENCE_END
