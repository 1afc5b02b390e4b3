"""The report where officials read it: a desktop, a phone at 390 px, and A4 paper (headless Chromium)."""

from __future__ import annotations


import pytest
from conftest import corpus_file

import plandiff
from plandiff.parse.pipeline import parse_plan
from plandiff.render.html import SourcePlaces, render_report

MAX_PRINTED_PAGES = 25  # the national 2022 → 2023 report, changed content only


@pytest.fixture(scope="module")
def national_page(tmp_path_factory):
    old = parse_plan(corpus_file("national-gwr-2022.txt").read_text(encoding="utf-8"), "national-2022")
    new = parse_plan(corpus_file("national-gwr-2023.txt").read_text(encoding="utf-8"), "national-2023")
    path = tmp_path_factory.mktemp("report") / "national.html"
    path.write_text(render_report(plandiff.compare(old, new)), encoding="utf-8")
    return path


def test_sentences_cite_their_paragraph_in_the_source():
    plan = parse_plan("标题\n\n第一段。第一段还有一句。\n第二段。\n", "p")
    places = SourcePlaces(plan)
    sentences = [s for section in plan.sections for s in section.sentences]
    assert [places(s) for s in sentences if s.text.startswith("第")][-1] == "¶3"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [1400, 390])
def test_nothing_overflows_and_verdicts_are_visible(browser, national_page, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(national_page.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    cut = page.evaluate("""() => [...document.querySelectorAll('table.targets .verdict')].filter(e => {
        const box = e.getBoundingClientRect(); return box.width === 0 || box.right > window.innerWidth; }).length""")
    assert cut == 0 and page.locator("table.targets .verdict").count() > 0
    columns = page.evaluate("getComputedStyle(document.querySelector('nav.toc ol')).columnCount")
    assert columns == ("1" if width < 720 else "2")
    assert "›" in page.locator("nav.toc").inner_text()  # the TOC shows each section's path
    decoration = "(selector) => getComputedStyle(document.querySelector(selector)).textDecorationLine"
    assert page.evaluate(decoration, "tr.removed del") == "none"  # a removed sentence is coloured, not struck
    assert page.evaluate(decoration, "tr.changed del") == "line-through"  # words removed inside a changed one
    page.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_the_subtitle_names_the_sides_as_the_layout_shows_them_and_labels_stay_whole(browser, national_page, width):
    """A phone stacks the two plans, so "left"/"right" was wrong there; "Document no." wrapped as Docu/ment."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(national_page.as_uri())
    subtitle = page.locator("header p.meta").inner_text()
    if width < 720:
        assert "left" not in subtitle and "right" not in subtitle and "first" in subtitle
        assert page.evaluate("getComputedStyle(document.querySelector('.pair-head')).gridTemplateColumns").count(" ") == 0
    else:
        assert "old one on the left, the new one on the right" in subtitle and "first" not in subtitle
    lines = page.evaluate("""() => [...document.querySelectorAll('table.plans th[scope=row]')].map(th => {
        const range = document.createRange(); range.selectNodeContents(th);
        return [th.textContent, new Set([...range.getClientRects()].map(r => Math.round(r.top))).size]; })""")
    assert ["Document no.", 1] in lines and all(count == 1 for _, count in lines), lines
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_the_national_pair_prints_on_few_full_pages(browser, national_page, tmp_path):
    page = browser.new_page()
    page.goto(national_page.as_uri())
    pdf_path = tmp_path / "national.pdf"
    page.pdf(path=str(pdf_path), format="A4", print_background=True)
    page.close()
    fills = page_fills(pdf_path)
    assert len(fills) <= MAX_PRINTED_PAGES
    for number, fill in enumerate(fills[:-1], start=1):
        assert fill > 0.75, f"page {number} of {len(fills)} is only {fill:.0%} full"


def page_fills(pdf_path) -> list[float]:
    """How far down each page its text reaches (0 to 1), leaving out the footer line."""
    import pypdfium2 as pdfium

    fills = []
    document = pdfium.PdfDocument(str(pdf_path))
    for page in document:
        height = page.get_height()
        text = page.get_textpage()
        bottoms = [text.get_rect(i)[1] for i in range(text.count_rects())]
        body = [bottom for bottom in bottoms if bottom > height * 0.08]  # PDF y grows upwards; the footer is low
        fills.append(1 - min(body) / height if body else 0.0)
    return fills
