"""pdfplumber against pypdfium2 on the same PDF: seconds and what the text layer holds.

Usage: .venv/bin/python bench/bench_pdf.py FILE.pdf (pdfplumber is not a dependency: pip install it to run this).
"""
import io, sys, time, logging
logging.disable(logging.WARNING)
path = sys.argv[1]
data = open(path, "rb").read()
t0 = time.perf_counter()
import pdfplumber
with pdfplumber.open(io.BytesIO(data)) as pdf:
    plumber = [p.extract_text() or "" for p in pdf.pages]
t1 = time.perf_counter()
import pypdfium2 as pdfium
doc = pdfium.PdfDocument(data)
pdfium_pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
t2 = time.perf_counter()
def stats(pages):
    text = "\n".join(pages)
    compat = sum(1 for c in text if 0x2E80 <= ord(c) < 0x2FE0 or 0xF900 <= ord(c) < 0xFB00)
    return len(pages), len(text), compat, text.count(" "), text.count("\n")
print(f"pdfplumber {t1-t0:.2f}s pages/chars/compat/spaces/newlines {stats(plumber)}")
print(f"pypdfium2  {t2-t1:.2f}s pages/chars/compat/spaces/newlines {stats(pdfium_pages)}")
print(repr(plumber[0][:300])); print(repr(pdfium_pages[0][:300])); print(repr(pdfium_pages[1][-200:]))
