"""Files of the wrong kind: the content decides the form, and every form plandiff does not read is one line
that names it and says what to do (exit 2), never the advice to re-save a PDF as UTF-8.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import CORPUS, SEEDS
from conftest import run_cli as run
from test_errors import assert_clean_error

import plandiff
from plandiff.sources.reading import read_bytes

WUHAN = SEEDS / "wuhan-2014.txt"
LINES = [line for line in WUHAN.read_text(encoding="utf-8").splitlines() if line.strip()][:30]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def pdf_bytes(**encryption) -> bytes:
    """A real PDF of the Wuhan plan's first lines with a text layer, optionally encrypted by reportlab."""
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(**encryption) if encryption else None
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    pdf.setFont("STSong-Light", 10)
    for index, line in enumerate(LINES):
        pdf.drawString(30, 800 - 18 * index, line[:50])
    pdf.save()
    return buffer.getvalue()


def docx_bytes() -> bytes:
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write(folder: Path, name: str, data: bytes) -> str:
    (folder / name).write_bytes(data)
    return str(folder / name)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """plandiff's own outputs of one comparison: JSON, HTML report, DOCX redline, XLSX and CSV targets."""
    folder = tmp_path_factory.mktemp("outputs")
    result = run("compare", "qingdao-2018", "wuhan-2014", "-f", "json", "-o", folder / "out.json",
                 "--html", folder / "out.html", "--docx", folder / "out.docx", "--xlsx", folder / "out.xlsx")
    assert result.exit_code == 1, result.stderr
    assert run("targets", "qingdao-2018", "-f", "csv", "-o", folder / "targets.csv").exit_code == 0
    assert run("targets", "qingdao-2018", "--html", folder / "targets.html").exit_code == 0
    for command in (["qingdao-2018", "wuhan-2014", "--no-pager"], ["show", "wuhan-2014"], ["targets", "wuhan-2014"]):
        (folder / f"{command[0]}.txt").write_text(run(*command).stdout, encoding="utf-8")  # as `> file` saves it
    return folder


# Bytes named as a form they are not, and damaged or locked files of the right form.
@pytest.mark.parametrize("name, data, words", [
    ("random.pdf", bytes(range(256)) * 20, ["not a readable PDF", "no PDF header", "re-export"]),
    ("random.docx", bytes(range(256)) * 20, ["not a readable DOCX", "not a zip archive", "re-save"]),
    ("english.pdf", b"Quarterly notes, nothing else.\n" * 20, ["not a readable PDF", "no Chinese text"]),
    ("zero.pdf", b"", ["empty"]),
    ("image.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), ["an image (PNG)", "OCR"]),
    ("plan.txt.gz", gzip.compress(WUHAN.read_bytes()), ["gzip archive", "unpack"]),
    ("plan.rtf", b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\'d5\\'fe\\'b8\\'ae}", ["RTF", ".docx"]),
])
def test_a_file_that_is_not_what_its_name_says(tmp_path, name, data, words):
    assert_clean_error(run("show", write(tmp_path, name, data)), name, *words)


def test_a_cut_short_pdf_and_docx_say_damaged(tmp_path):
    pdf, word = pdf_bytes(), docx_bytes()
    assert_clean_error(run("show", write(tmp_path, "cut.pdf", pdf[: len(pdf) // 2])), "damaged PDF", "re-export")
    assert_clean_error(run("show", write(tmp_path, "cut.docx", word[: len(word) // 2])), "damaged zip", "DOCX")


def test_a_password_protected_pdf_says_so(tmp_path):
    locked = write(tmp_path, "locked.pdf", pdf_bytes(userPassword="secret"))
    assert_clean_error(run("show", locked), "password-protected PDF")
    # Only an owner password (printing forbidden, no password to open): PDFium reads it, and so do we.
    restricted = write(tmp_path, "restricted.pdf", pdf_bytes(userPassword="", ownerPassword="owner", canPrint=0))
    assert read_bytes(Path(restricted).read_bytes(), "restricted.pdf").text.startswith(LINES[0])


def test_the_content_decides_the_form_not_the_name(tmp_path):
    as_text = read_bytes(pdf_bytes(), "plan.txt")
    assert as_text.kind == "pdf" and as_text.text.startswith(LINES[0])
    assert read_bytes(docx_bytes(), "plan.doc").kind == "docx"
    renamed = read_bytes(WUHAN.read_bytes(), "plan.docx")
    assert renamed.kind == "text" and renamed.text == WUHAN.read_text(encoding="utf-8")
    assert renamed.warnings == ("named .docx but it holds plain text, not a DOCX; read as text",)
    assert read_bytes(pdf_bytes(), "plan.txt").warnings == ()  # a .txt name promises nothing to warn about


def test_a_web_page_named_pdf_is_read_and_said(tmp_path):
    # A document link that served a web page instead (an error or login page) leaves HTML under a .pdf name.
    path = write(tmp_path, "download.pdf", page_html(LINES).encode())
    result = run("show", path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == ("plandiff: warning: {}: named .pdf but it holds a web page, not a PDF "
                                     "(a failed download?); read as the page").format(path)


def test_plandiffs_own_outputs_are_not_plans(outputs):
    assert_clean_error(run("show", outputs / "out.json"), "plandiff's own JSON output", "plandiff/comparison@1")
    assert_clean_error(run("qingdao-2018", outputs / "out.html"), "a report plandiff wrote")
    assert_clean_error(run("show", outputs / "out.docx"), "a redline plandiff wrote")
    assert_clean_error(run("targets", outputs / "out.xlsx"), "spreadsheet (XLSX)")
    assert_clean_error(run("add", outputs / "targets.csv"), "a table (CSV, 13 columns")
    assert_clean_error(run("show", outputs / "targets.html"), "a report plandiff wrote")
    for command in ("compare", "show", "targets"):
        saved = outputs / f"{'qingdao-2018' if command == 'compare' else command}.txt"
        assert_clean_error(run("show", saved), f"plandiff's own output (of `plandiff {command}`)")


def test_every_page_plandiff_writes_carries_the_mark_that_refuses_it():
    templates = Path(plandiff.__file__).parent / "render" / "templates"
    pages = [path for path in templates.glob("*.j2") if "<html" in path.read_text(encoding="utf-8")]
    assert len(pages) >= 3
    for page in pages:
        assert '<meta name="generator" content="plandiff {{ version }}">' in page.read_text(encoding="utf-8"), page


def test_any_json_is_not_a_plan(tmp_path):
    data = json.dumps({"title": "政府工作报告", "sections": ["一、总体要求"]}, ensure_ascii=False).encode()
    assert_clean_error(run("show", write(tmp_path, "plan.txt", data)), "a JSON file, not a plan")


def test_prose_with_ascii_commas_or_tabs_is_not_taken_for_a_table():
    # Some sites print ， as , and tables pasted from Word bring tabs: a plan stays a plan.
    plans = [SEEDS / f"{slug}.txt" for slug in ("qingdao-2018", "binzhou-2023", "changzhou-2018")]
    plans += [path for path in sorted(CORPUS.glob("*.txt"))]
    for path in plans:
        text = path.read_text(encoding="utf-8")
        for variant in (text.replace("，", ",").replace("；", ";").replace("、", ","), text.replace("，", "\t")):
            assert read_bytes(variant.encode(), path.name).kind == "text"


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("form, words", [("doc", ["legacy Word document (.doc", "save it as .docx"]),
                                         ("odt", ["OpenDocument text", ".docx"]),
                                         ("rtf", ["RTF", ".docx"])])
def test_office_forms_plandiff_does_not_read(tmp_path, form, words):
    source = Path(write(tmp_path, "plan.docx", docx_bytes()))
    subprocess.run([SOFFICE, "--headless", "--convert-to", form, "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    assert_clean_error(run("show", tmp_path / f"plan.{form}"), *words)


def page_html(lines: list[str]) -> str:
    """The plan as a government site prints it: a menu, then the article."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(lines[0])}_武汉市科技局</title>'
            f'</head><body><div class="nav"><a href="/">首页</a> <a href="/gk">政务公开</a></div>'
            f'<div id="content">{body}</div></body></html>')


def test_a_page_saved_as_one_file_in_gbk_reads_as_the_page(tmp_path):
    # IE and Word save pages as .mht: a MIME message whose text/html part is quoted-printable, often GB2312.
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related", type="text/html")
    archive.attach(MIMEText(page_html(LINES).replace("utf-8", "gb2312"), "html", "gb2312"))
    path = write(tmp_path, "saved.mht", archive.as_bytes())
    assert read_bytes(Path(path).read_bytes(), "saved.mht").kind == "html"
    from_page, from_text = plandiff.load(path), plandiff.load(write(tmp_path, "plain.txt", "\n".join(LINES).encode()))
    assert [s.title for s in from_page.sections] == [s.title for s in from_text.sections]
    assert "首页" not in from_page.text


def test_a_page_chromium_saved_as_mhtml_reads_as_the_page(tmp_path, browser):
    page = browser.new_page()
    (tmp_path / "page.html").write_text(page_html(LINES), encoding="utf-8")
    page.goto((tmp_path / "page.html").as_uri())
    snapshot = page.context.new_cdp_session(page).send("Page.captureSnapshot", {"format": "mhtml"})["data"]
    page.close()
    path = write(tmp_path, "page.mhtml", snapshot.encode("utf-8"))
    from_text = plandiff.load(write(tmp_path, "plain.txt", "\n".join(LINES).encode()))
    assert [s.title for s in plandiff.load(path).sections] == [s.title for s in from_text.sections]

