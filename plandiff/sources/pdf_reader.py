"""PDF → text, with pdfplumber: the text layer page by page."""

from __future__ import annotations

import io

from ..errors import InputError


def pdf_text(data: bytes, name: str) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    # pdfminer raises many unrelated exception types on damaged files; all mean "unreadable".
    except Exception as error:  # noqa: BLE001
        raise InputError(f"{name}: not a readable PDF ({error}); export it again as PDF with text") from error
    return "\n".join(pages)
