"""DOCX → text, with python-docx: paragraphs in order, then table rows."""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError


def docx_text(data: bytes, name: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable DOCX file ({error}); re-save it from Word or WPS") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
