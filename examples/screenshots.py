"""Write the README's screenshots: the report on a desktop and a phone, its first printed page, and the
Word redline as LibreOffice shows it.

Run:  .venv/bin/python examples/screenshots.py   (needs chromium and LibreOffice; see tests/run.sh)
It compares the national reports 2022 → 2023 from ../shared/corpus when they are there, else two seeds.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from playwright.sync_api import sync_playwright

import plandiff
from plandiff.render.docx import redline_docx
from plandiff.render.html import render_report

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


def comparison():
    old, new = CORPUS / "national-gwr-2022.txt", CORPUS / "national-gwr-2023.txt"
    if old.exists() and new.exists():
        return plandiff.compare(plandiff.load(str(old)), plandiff.load(str(new)))
    return plandiff.compare(plandiff.load("changzhou-2018"), plandiff.load("binzhou-2023"))


def pdf_page_png(pdf_path: Path, page_number: int, target: Path) -> int:
    """Render one PDF page to PNG; returns the PDF's page count."""
    document = pdfium.PdfDocument(str(pdf_path))
    document[page_number].render(scale=1.25).to_pil().save(target)
    return len(document)


def _first_heading(result) -> str:
    """A few characters of the new plan's first heading: where the redline's body begins."""
    first = next(section for section in result.new.sections if section.level > 0)
    return first.shown_heading[:6]


def _page_with(pdf_path: Path, needle: str) -> int:
    document = pdfium.PdfDocument(str(pdf_path))
    for number, page in enumerate(document):
        text = "".join(page.get_textpage().get_text_range().split())
        if needle in text and "Keychanges" not in text and "dropped" not in text:  # past the first page's tables
            return number
    return 0


def main() -> None:
    chromium = shutil.which("chromium")
    soffice = shutil.which("soffice")
    if not chromium or not soffice:
        sys.exit("needs chromium and LibreOffice (soffice); tests/run.sh installs both")
    result = comparison()
    work = Path(tempfile.mkdtemp(prefix="plandiff-shots-"))
    report = work / "report.html"
    report.write_text(render_report(result), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        for name, width, height in (("desktop", 1400, 1000), ("phone", 390, 1600)):
            page = browser.new_page(viewport={"width": width, "height": height},
                                    device_scale_factor=1 if width > 1000 else 2)
            page.goto(report.as_uri())
            if name == "phone":
                page.locator("#targets").scroll_into_view_if_needed()
            page.screenshot(path=str(HERE / f"{name}.png"))
            print(f"wrote {HERE / f'{name}.png'}")
        page = browser.new_page()
        page.goto(report.as_uri())
        page.pdf(path=str(work / "report.pdf"), format="A4", print_background=True)
        browser.close()
    pages = pdf_page_png(work / "report.pdf", 0, HERE / "print.png")
    print(f"wrote {HERE / 'print.png'} (the report prints on {pages} A4 pages)")

    docx = work / "redline.docx"
    docx.write_bytes(redline_docx(result))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx)], check=True, capture_output=True, timeout=300)
    pdf_page_png(work / "redline.pdf", _page_with(work / "redline.pdf", _first_heading(result)), HERE / "docx.png")
    print(f"wrote {HERE / 'docx.png'}")


if __name__ == "__main__":
    main()
