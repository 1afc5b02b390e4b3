"""DOCX input: Word's automatic numbering, heading styles, tables and tracked changes, on a real plan."""

from __future__ import annotations

import io
import re

import docx
import pytest
from conftest import corpus_file
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from plandiff.diff.pipeline import compare
from plandiff.parse.pipeline import parse_plan
from plandiff.sources.reading import read_bytes

TOP = re.compile(r"^([一二三四五六七八九十]+)、")
SECOND = re.compile(r"^（([一二三四五六七八九十]+)）")
NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    "</w:abstractNum>"
)


def _lines(name: str) -> list[str]:
    return [line.strip() for line in corpus_file(name).read_text(encoding="utf-8").split("\n") if line.strip()]


def _numbered(paragraph, level: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
    ))


def auto_numbered_docx(lines: list[str]) -> bytes:
    """The plan with its 一、 and （一） markers taken out of the text and given to Word's numbering."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in lines:
        top, second = TOP.match(line), SECOND.match(line)
        if top:
            _numbered(document.add_paragraph(line[top.end():]), 0)
        elif second:
            _numbered(document.add_paragraph(line[second.end():]), 1)
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def styled_docx(lines: list[str]) -> bytes:
    """Typed markers, with Heading 1 and Heading 2 styles on the headings and a table of targets."""
    document = docx.Document()
    for line in lines:
        style = "Heading 1" if TOP.match(line) else "Heading 2" if SECOND.match(line) else None
        document.add_paragraph(line, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def outline(plan):
    return [(s.level, s.marker, s.heading, len(s.sentences)) for s in plan.sections]


def same_plan(lines: list[str], data: bytes) -> None:
    document = read_bytes(data, "plan.docx")
    from_docx, from_text = parse_plan(document.text, "docx"), parse_plan("\n".join(lines), "text")
    assert outline(from_docx) == outline(from_text)
    counts = compare(from_text, from_docx).summary.sentences
    assert (counts.changed, counts.added, counts.removed) == (0, 0, 0)


@pytest.mark.slow
def test_automatic_numbering_gives_the_outline_of_the_text():
    lines = _lines("national-gwr-2022.txt")
    data = auto_numbered_docx(lines)
    assert "一、" not in docx.Document(io.BytesIO(data)).paragraphs[10].text  # the markers are not typed
    same_plan(lines, data)


@pytest.mark.slow
def test_typed_markers_with_heading_styles_give_the_outline_of_the_text():
    lines = _lines("national-gwr-2022.txt")
    same_plan(lines, styled_docx(lines))


def test_numbering_formats_levels_and_restarts():
    lines = ["一、总体要求", "（一）稳定增长。", "（二）扩大就业。", "二、重点任务", "（一）推进创新。"]
    text = read_bytes(auto_numbered_docx(lines), "x.docx").text
    assert text.split("\n") == lines


def test_tables_are_kept_in_document_order():
    document = docx.Document()
    document.add_paragraph("一、主要目标")
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {(0, 0): "指标", (0, 1): "目标", (1, 0): "研发投入强度", (1, 1): "2.8%"}.items():
        table.cell(row, col).text = value
    document.add_paragraph("二、重点任务")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes(buffer.getvalue(), "t.docx").text
    assert text.split("\n") == ["一、主要目标", "指标 目标", "研发投入强度 2.8%", "二、重点任务"]


def test_tracked_changes_are_read_as_accepted_and_said():
    document = docx.Document()
    paragraph = document.add_paragraph("新增就业")
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>1100</w:delText></w:r></w:del>'
    ))
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>1200</w:t></w:r></w:ins>'
    ))
    paragraph.add_run("万人。")
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_bytes(buffer.getvalue(), "tracked.docx")
    assert result.text == "新增就业1200万人。"
    assert any("tracked changes" in warning for warning in result.warnings)
    assert qn("w:ins")  # the namespace helper is the one python-docx writes with


def test_heading_styles_make_unnumbered_lines_headings():
    document = docx.Document()
    document.add_paragraph("2023年工作要点")
    for heading, body in (("稳定增长", "全年增长5%。要做好三件事。"), ("扩大就业", "新增就业1200万人。"),
                          ("改善民生", "提高养老金。")):
        document.add_paragraph(heading, style="Heading 1")
        document.add_paragraph(body)
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_bytes(buffer.getvalue(), "styled.docx")
    plan = parse_plan(result.text, pages=result.pages, styled=result.styled)
    assert [s.heading for s in plan.sections[1:]] == ["稳定增长", "扩大就业", "改善民生"]
    assert parse_plan(result.text).sections[1:] == ()  # without the styles these lines are body text


def test_a_lone_styled_title_does_not_wrap_the_outline():
    document = docx.Document()
    document.add_paragraph("政府工作报告", style="Heading 1")
    for line in ("一、总体要求", "全年增长5%。", "二、重点任务", "扩大就业。"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_bytes(buffer.getvalue(), "title.docx")
    plan = parse_plan(result.text, styled=result.styled)
    assert [(s.level, s.marker) for s in plan.sections[1:]] == [(1, "一、"), (1, "二、")]
