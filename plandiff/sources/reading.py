"""Turn a file's bytes into text: plain text in any common Chinese encoding, HTML, DOCX and PDF."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 20 * 1024 * 1024  # plans are tens of kilobytes; anything this large is not one
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class Document:
    """Decoded text of one input file and how it was read."""

    text: str
    kind: str  # "text", "html", "docx" or "pdf"
    encoding: str = ""
    pages: tuple[int, ...] = ()  # for a PDF, the offset in text where each page begins
    styled: tuple[tuple[int, int], ...] = ()  # for a DOCX, (offset, level) of lines styled Heading 1–3
    warnings: tuple[str, ...] = ()  # what the reader changed or could not read (tracked changes…)


def file_bytes(path: Path) -> bytes:
    """A file's bytes, with every failure turned into an InputError that says what to do."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path, or run `plandiff list` for known plans")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; name a plan file inside it")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size // 1024 // 1024} MB is too large for a plan (limit 20 MB)")
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror}); check its permissions") from error


def read_bytes(data: bytes, name: str = "<input>") -> Document:
    """Decode a document's bytes, choosing the reader from the content itself."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large for a plan (limit 20 MB)")
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a plan with text in it")
    if data.startswith(b"%PDF"):
        from .pdf_reader import pdf_text  # only PDF input pays for PDFium

        pdf = pdf_text(data, name)
        document = Document(pdf.text, "pdf", pages=pdf.pages)
    elif data.startswith(b"PK\x03\x04"):
        from .docx_reader import docx_text  # only DOCX input pays for python-docx

        docx = docx_text(data, name)
        document = Document(docx.text, "docx", warnings=docx.warnings, styled=docx.styled)
    else:
        text, encoding = decode_text(data, name)
        if _looks_like_html(text):
            from .html_reader import html_to_text  # BeautifulSoup only for web pages

            document = Document(html_to_text(text), "html", encoding)
        else:
            document = Document(text, "text", encoding)
    text = document.text.replace("\r\n", "\n").replace("\r", "\n")
    if not any("\u4e00" <= char <= "\u9fff" for char in text):
        raise InputError(f"{name}: no Chinese text could be extracted; is this a plan (a scanned PDF needs OCR first)?")
    return replace(document, text=text)


def decode_text(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode text bytes: a BOM decides first, then strict UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or _is_binary(str(best)):
        raise InputError(
            f"{name}: not text in a known encoding (tried UTF-8, UTF-16, GB18030 and others); "
            "save it as UTF-8 and try again"
        )
    encoding = best.encoding.replace("_", "-")
    # GBK and GB2312 are subsets of GB18030: decode with the superset so rare characters survive.
    if encoding in {"gbk", "gb2312", "cp936"}:
        encoding = "gb18030"
    return data.decode(encoding), encoding


def _is_binary(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    return controls > max(8, len(text) // 100)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
