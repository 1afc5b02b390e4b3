"""Turn a file's bytes into text: plain text in any common Chinese encoding, HTML, DOCX and PDF."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError, PlandiffError, escaped, os_reason

MAX_BYTES = 20 * 1024 * 1024  # plans are tens of kilobytes; anything this large is not one
# Decoded text beyond this is refused: the largest real plans hold about 50,000 characters, and the
# README's time budget ("Limits") is stated for this many.
MAX_CHARS = 2_000_000
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
    """A regular file's bytes, at most MAX_BYTES of them; every failure is an InputError that says what to do.

    Devices, FIFOs and sockets are refused before reading (/dev/zero never ends), and the file is read
    through one bounded read, so a file that grows while we read it cannot exhaust memory either.
    """
    name = escaped(str(path))
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; it is refused just below.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path, or run `plandiff list` for known plans") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory; name a plan file inside it") from None
    except OSError as error:
        raise InputError(f"{name}: cannot open ({os_reason(error)}); check the path and its permissions") from None
    except ValueError:  # a NUL byte in the name
        raise InputError(f"{name}: not a valid file name (it holds a null byte)") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory; name a plan file inside it")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file (a device, pipe or socket); save the plan to a file first")
        if info.st_size > MAX_BYTES:
            raise InputError(f"{name}: {info.st_size // 1024 // 1024} MB is too large for a plan (limit 20 MB)")
        os.set_blocking(handle, True)
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(handle, min(1 << 20, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_BYTES:
            raise InputError(f"{name}: grew past the 20 MB limit while being read; is this a plan?")
        return b"".join(chunks)
    except OSError as error:
        raise InputError(f"{name}: cannot read ({os_reason(error)}); check its permissions") from None
    finally:
        os.close(handle)


def path_exists(text: str | Path) -> bool:
    """Whether text names an existing file or folder; names the OS rejects (too long, NUL) simply don't."""
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return False


def read_bytes(data: bytes, name: str = "<input>") -> Document:
    """Decode a document's bytes, choosing the reader from the content itself."""
    name = escaped(name)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: too large for a plan (limit 20 MB)")
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a plan with text in it")
    try:
        document = _read_document(data, name)
    except PlandiffError:
        raise
    except RecursionError:
        raise InputError(f"{name}: nested too deeply to read (a damaged or hostile file)") from None
    # Third-party readers raise their own types on damaged files (lxml's XMLSyntaxError inside a valid
    # DOCX zip, zlib errors, pdfminer's many types): all mean "this file is unreadable".
    except Exception as error:  # noqa: BLE001
        raise InputError(f"{name}: the file is damaged and cannot be read ({escaped(_first_line(error))}); "
                         "re-save or re-export it") from None
    # Imported here, not at the top: a cached plan never reads bytes, and start-up stays ~6 ms shorter.
    from .forms import claimed_form_error, name_mismatch

    document = replace(document, warnings=document.warnings + name_mismatch(name, document.kind))
    if len(document.text) > MAX_CHARS:
        raise InputError(f"{name}: {len(document.text):,} characters of text is too long for a plan "
                         f"(limit {MAX_CHARS:,}); split it into its parts")
    text = document.text.replace("\r\n", "\n").replace("\r", "\n")
    if not any("\u4e00" <= char <= "\u9fff" for char in text):
        if document.kind == "text":
            claimed = claimed_form_error(name, "no Chinese text in it either")
            if claimed is not None:
                raise claimed
        raise InputError(f"{name}: no Chinese text could be extracted; is this a plan (a scanned PDF needs OCR first)?")
    return replace(document, text=text)


def _read_document(data: bytes, name: str) -> Document:
    from .forms import DOCX, MHTML, PDF, claimed_form_error, form_of, refuse_non_plan_text

    form = form_of(data, name)  # refuses .doc, spreadsheets, images and archives with their own advice
    if form == PDF:
        from .pdf_reader import pdf_text  # only PDF input pays for PDFium

        pdf = pdf_text(data, name)
        return Document(pdf.text, "pdf", pages=pdf.pages)
    if form == DOCX:
        from .docx_reader import docx_text  # only DOCX input pays for python-docx

        docx = docx_text(data, name)
        return Document(docx.text, "docx", warnings=docx.warnings, styled=docx.styled)
    if form == MHTML:
        from .html_reader import html_to_text, saved_page

        page, charset = saved_page(data)
        text, encoding = _decode_declared(page, charset, name)
        if not _looks_like_html(text):
            raise InputError(f"{name}: a saved web page (MHTML) with no HTML page in it; save the page as HTML")
        return Document(html_to_text(text), "html", encoding)
    try:
        text, encoding = decode_text(data, name)
    except InputError as error:
        # Bytes named .pdf that are neither a PDF nor text: the name says what the user expected.
        raise (claimed_form_error(name, "not text in a known encoding either") or error) from None
    refuse_non_plan_text(text, name)
    if _looks_like_html(text):
        from .html_reader import html_to_text  # BeautifulSoup only for web pages

        return Document(html_to_text(text), "html", encoding)
    return Document(text, "text", encoding)


def _decode_declared(data: bytes, charset: str, name: str) -> tuple[str, str]:
    """Bytes in the charset their container declares, or detected when it declares none or a wrong one."""
    encoding = "gb18030" if charset.lower() in {"gbk", "gb2312", "cp936"} else charset
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError, ValueError):
        return decode_text(data, name)


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__


def decode_text(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode text bytes: a BOM decides first, then strict UTF-8, then charset detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as error:
                # A BOM promises an encoding; bytes that break the promise are damage, not a guess to retry.
                raise InputError(f"{name}: starts with a {encoding.replace('-sig', '').upper()} byte-order mark "
                                 f"but byte {error.start} does not decode ({error.reason}); "
                                 "re-save the file as UTF-8") from None
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
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{name}: not text in a known encoding (guessed {encoding}, which fails to decode it); "
                         "save it as UTF-8 and try again") from None


def _is_binary(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\n\r\t\f")
    return controls > max(8, len(text) // 100)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
