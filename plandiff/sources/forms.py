"""What a file is, told from its content: the one place that decides between PDF, DOCX and text, and that
turns away the forms plandiff cannot read (legacy .doc, spreadsheets, images, archives, its own output)
with a line that names the form and what to do instead.

The content decides, not the name: a PDF saved as .txt is read as a PDF. The name only shapes the message
when the content is none of the forms plandiff reads (random bytes named .pdf are "not a readable PDF").
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import PurePath

from ..errors import InputError

PDF, DOCX, MHTML, TEXT = "pdf", "docx", "mhtml", "text"
_PDF_MAGIC = b"%PDF-"
_PDF_HEADER_WINDOW = 1024  # readers accept a PDF header anywhere in the first kilobyte
# A page saved by a browser as one file: a MIME message (headers in any order) whose body is multipart/related.
_MIME_VERSION = re.compile(rb"^MIME-Version:", re.IGNORECASE | re.MULTILINE)
_MULTIPART_RELATED = re.compile(rb"^Content-Type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_AGAIN = "give the plan as a text file, a web page, a .docx or a PDF"
_BINARY_FORMS = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"II*\x00", "an image (TIFF)"),
    (b"MM\x00*", "an image (TIFF)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "a program (ELF)"),
)
# What a suffix promises, for the message when the content keeps none of those promises.
_CLAIMS = {
    ".pdf": ("PDF", "no PDF header", "re-export it from the original"),
    ".docx": ("DOCX", "not a zip archive", "re-save it from Word or WPS"),
    ".doc": ("Word file", "no Word header", "re-save it from Word or WPS as .docx"),
    ".wps": ("WPS file", "no WPS header", "re-save it from WPS as .docx"),
}
# The lines that mark plandiff's own terminal output of compare, show and targets (saved with `> file`).
_OWN_TEXT = (
    ("compare", re.compile(r"^Sections +\d+ matched · \d+ added · \d+ removed", re.MULTILINE)),
    ("show", re.compile(r"\Aslug {2,}\S+\ntitle {2,}")),
    ("targets", re.compile(r"\A *indicator +comparator +value +kind ")),
)
_TABLE_ROWS = 5  # a table needs this many rows of equal width before it is taken for a table
_TABLE_COLUMNS = 3


def form_of(data: bytes, name: str) -> str:
    """PDF, DOCX or MHTML for the packed forms plandiff reads, TEXT for anything else; other known forms are
    refused."""
    if _PDF_MAGIC in data[:_PDF_HEADER_WINDOW]:
        return PDF
    head = data[:_PDF_HEADER_WINDOW]
    if _MIME_VERSION.search(head) and _MULTIPART_RELATED.search(head):
        return MHTML
    if data.startswith(_ZIP_MAGICS):
        return _zip_form(data, name)
    if data.startswith(_OLE2_MAGIC):
        raise InputError(f"{name}: {_ole2_form(data)}")
    if data[:64].lstrip()[:5] == b"{\\rtf":
        raise InputError(f"{name}: an RTF document, which plandiff does not read; save it as .docx or as text")
    for magic, form in _BINARY_FORMS:
        if data.startswith(magic):
            advice = "run OCR on it first, or " if form.startswith("an image") else "unpack it, or "
            raise InputError(f"{name}: {form}, not a plan; {advice}{_AGAIN}")
    return TEXT


def claimed_form_error(name: str, trouble: str) -> InputError | None:
    """The error for a file whose name promises a PDF or Word file that its content is not, or None."""
    claim = _CLAIMS.get(PurePath(name).suffix.lower())
    if claim is None:
        return None
    form, reason, fix = claim
    return InputError(f"{name}: not a readable {form} ({reason}, and {trouble}); {fix}, or give the plan as text")


def name_mismatch(name: str, kind: str) -> tuple[str, ...]:
    """A warning when a file named as a PDF or Word file held text or a web page (often a failed download)."""
    claim = _CLAIMS.get(PurePath(name).suffix.lower())
    if claim is None or kind not in (TEXT, "html"):
        return ()
    # A web page under a document's name is most often the error page of a download that failed.
    held = "a web page, not a {} (a failed download?); read as the page" if kind == "html" else \
        "plain text, not a {}; read as text"
    return (f"named {PurePath(name).suffix} but it holds " + held.format(claim[0]),)


def refuse_non_plan_text(text: str, name: str) -> None:
    """Refuse decoded text that is data, not prose: JSON, a CSV table, or a report plandiff wrote."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith(("{", "[")):
        schema = _json_schema(text)
        if schema is not None:
            if schema.startswith("plandiff/"):
                raise InputError(f"{name}: plandiff's own JSON output ({schema}), not a plan; "
                                 "compare the plan files it was made from")
            raise InputError(f"{name}: a JSON file, not a plan; {_AGAIN}")
    if re.search(r"<meta\s+name=[\"']generator[\"']\s+content=[\"']plandiff\b", head, re.IGNORECASE):
        raise InputError(f"{name}: a report plandiff wrote, not a plan; compare the plan files it was made from")
    for command, mark in _OWN_TEXT:
        if mark.search(head):
            raise InputError(f"{name}: plandiff's own output (of `plandiff {command}`), not a plan; "
                             "give the plan files it was made from")
    width = _table_width(text)
    if width:
        raise InputError(f"{name}: a table (CSV, {width} columns in every row), not a plan; {_AGAIN}")


def _json_schema(text: str) -> str | None:
    """The value's "schema" field ("" when it has none), or None when the text is not JSON."""
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("schema"), str):
        return value["schema"]
    return ""


def _table_width(text: str) -> int:
    """The column count when the text's first rows all split into the same number of fields, else 0.

    Prose with ASCII commas (some sites print 。, ， as ., ,) varies from line to line; a title line has none.
    """
    sample = text[:65536].lstrip("\ufeff")
    for delimiter in (",", "\t"):
        rows = []
        for row in csv.reader(io.StringIO(sample), delimiter=delimiter):
            if any(cell.strip() for cell in row):
                rows.append(row)
            if len(rows) > 50:
                break
        rows = rows[:-1] if len(rows) > 50 else rows  # the last row may be cut off by the sample
        widths = {len(row) for row in rows}
        if len(rows) >= _TABLE_ROWS and len(widths) == 1 and widths.pop() >= _TABLE_COLUMNS:
            header = rows[0]
            if all(len(cell) <= 40 and "。" not in cell for cell in header):
                return len(header)
    return 0


def _zip_form(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            core = archive.read("docProps/core.xml") if "docProps/core.xml" in names else b""
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, RuntimeError):
        raise InputError(f"{name}: a damaged zip archive (cut short, or not fully downloaded?); if it is a DOCX, "
                         "re-save it from Word or WPS, or give the plan as text") from None
    if "word/document.xml" in names:
        if re.search(rb"<dc:creator>\s*plandiff\s*</dc:creator>", core):
            raise InputError(f"{name}: a redline plandiff wrote, not a plan; compare the plan files it was made from")
        return DOCX
    if any(member.startswith("xl/") for member in names):
        form = "an Excel spreadsheet (XLSX)"
    elif any(member.startswith("ppt/") for member in names):
        form = "a PowerPoint presentation (PPTX)"
    elif mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        raise InputError(f"{name}: an OpenDocument text (.odt), which plandiff does not read; save it as .docx")
    elif mimetype.startswith(b"application/vnd.oasis.opendocument"):
        form = "an OpenDocument spreadsheet or presentation"
    else:
        raise InputError(f"{name}: a zip archive with no Word document in it (no word/document.xml), so not a "
                         "DOCX; if the plan is inside, unzip it and give that file")
    raise InputError(f"{name}: {form}, not a plan; {_AGAIN}")


def _ole2_form(data: bytes) -> str:
    """Legacy Office files share one container (OLE2); the names of its streams tell them apart."""
    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if has("EncryptionInfo"):
        return ("a password-protected Office file; open it in Word or WPS, remove the password and save it as "
                ".docx, or give the plan as text")
    if has("WordDocument"):
        return ("a legacy Word document (.doc, or WPS's .wps), which plandiff does not read; open it in Word or WPS "
                "and save it as .docx")
    if has("Workbook") or has("Book"):
        return f"a legacy Excel .xls spreadsheet, not a plan; {_AGAIN}"
    if has("PowerPoint Document"):
        return f"a legacy PowerPoint .ppt presentation, not a plan; {_AGAIN}"
    return "a legacy Office file (OLE2), which plandiff does not read; save it as .docx or as text"
