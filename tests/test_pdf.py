"""PDF input: a real plan printed by headless Chromium (default header and footer) reads as its text."""

from __future__ import annotations

import html
import shutil
import subprocess

import pytest
from conftest import corpus_file
from typer.testing import CliRunner

from plandiff.cli.main import app
from plandiff.diff.pipeline import compare
from plandiff.errors import InputError
from plandiff.parse.pipeline import parse_plan
from plandiff.parse.text import fold
from plandiff.sources.reading import read_bytes

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def print_to_pdf(text: str, folder, name: str, style: str = "") -> bytes:
    """The plan as a web page, printed to PDF by Chromium with its default date/title/URL/page furniture."""
    lines = [line for line in text.split("\n") if line.strip()]
    page = folder / f"{name}.html"
    page.write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(lines[0].strip())}</title>'
        f'<style>{style}</style></head>'
        + "<body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>",
        encoding="utf-8",
    )
    pdf = folder / f"{name}.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    return pdf.read_bytes()


@pytest.fixture(scope="session")
def national_pdf(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    text = corpus_file("national-gwr-2022.txt").read_text(encoding="utf-8")
    return text, print_to_pdf(text, tmp_path_factory.mktemp("pdf"), "national-gwr-2022")


def outline(plan):
    return [(s.level, s.marker, s.heading) for s in plan.sections]


@pytest.mark.slow
def test_a_printed_pdf_reads_as_the_plain_text(national_pdf):
    text, data = national_pdf
    document = read_bytes(data, "national.pdf")
    assert "AM" not in document.text and "file://" not in document.text  # print stamp and URL are gone
    assert len(document.pages) > 5
    from_pdf, from_text = parse_plan(document.text, "pdf", pages=document.pages), parse_plan(text, "text")
    assert from_pdf.metadata.title == from_text.metadata.title == "政府工作报告"
    assert outline(from_pdf) == outline(from_text)
    counts = compare(from_text, from_pdf).summary.sentences
    total = sum(len(s.sentences) for s in from_text.sections)
    assert counts.changed + counts.added + counts.removed <= total // 100
    pages = [s.page for section in from_pdf.sections for s in section.sentences]
    assert pages[0] == 1 and pages[-1] == len(document.pages) and pages == sorted(pages)


@pytest.mark.slow
def test_the_cli_compares_a_pdf_with_its_text_quietly(national_pdf, tmp_path):
    text, data = national_pdf
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(data)
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.pdf")])
    assert "warning" not in result.stderr.lower()
    assert "0 changed · 0 added · 0 removed" in result.stdout
    assert result.exit_code == 0, result.output


def test_a_pdf_without_text_is_a_one_line_error():
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    import io

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 300, fill=1)  # an image-only page, as a scan is
    page.showPage()
    page.save()
    with pytest.raises(InputError, match="no text layer"):
        read_bytes(buffer.getvalue(), "scan.pdf")


def test_compatibility_characters_fold_and_warn():
    text = "政府⼯作报告\n⼀、⽣产\n国内⽣产总值增长8%。" + "就业稳定。" * 5
    plan = parse_plan(text)
    assert plan.sections[1].marker == "一、" and plan.sections[1].shown_marker == "⼀、"
    assert fold("国内⽣产总值") == "国内生产总值"
    assert any("look-alike" in warning for warning in plan.warnings)


def test_a_long_plan_without_headings_warns():
    plan = parse_plan("这是一句话。" * 60)
    assert any("no headings" in warning for warning in plan.warnings)


def test_the_cli_prints_parse_warnings_on_stderr_and_still_compares(tmp_path):
    body = "".join(f"第{n}项工作要抓紧推进。" for n in range(60))
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.replace("第5项", "第五项"), encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2 and all("no headings" in line for line in warnings)


def test_a_preamble_holding_most_sentences_warns():
    plan = parse_plan("这是一句话。" * 50 + "\n一、总体要求\n稳定增长。\n二、重点任务\n扩大就业。\n")
    assert any("preamble holds" in warning for warning in plan.warnings)


@pytest.mark.slow
def test_a_sentence_ending_at_the_margin_does_not_end_its_paragraph(tmp_path):
    """The printed seed has a line that ends 。 at the right margin mid-paragraph, before 三是…; the wider gap
    between paragraphs says the paragraph goes on, so 三是 stays inline as in the text (not a heading)."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    from conftest import SEEDS

    text = (SEEDS / "qingdao-shinan-2021.txt").read_text(encoding="utf-8")
    document = read_bytes(print_to_pdf(text, tmp_path, "shinan"), "shinan.pdf")
    assert "积极打造5G全覆盖应用园区。三是加快推进软件" in document.text
    from_pdf, from_text = parse_plan(document.text, "pdf", pages=document.pages), parse_plan(text, "text")
    assert outline(from_pdf) == outline(from_text)


@pytest.mark.slow
def test_a_pdf_with_indented_paragraphs_and_no_gaps_reads_as_the_text(tmp_path):
    """Set as most official PDFs are (first-line indent, no space between paragraphs), where PDFium runs the
    title and its subtitle into one text line: the print's return to the margin cuts them apart again."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    text = corpus_file("national-gwr-2022.txt").read_text(encoding="utf-8")
    data = print_to_pdf(text, tmp_path, "indented", "p{margin:0;text-indent:2em;line-height:1.5}")
    document = read_bytes(data, "indented.pdf")
    from_pdf, from_text = parse_plan(document.text, "pdf", pages=document.pages), parse_plan(text, "text")
    assert from_pdf.metadata == from_text.metadata
    assert outline(from_pdf) == outline(from_text)
    assert not compare(from_text, from_pdf).differs
