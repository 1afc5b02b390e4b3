"""Encodings, HTML, DOCX and PDF inputs all give the same plan as the UTF-8 seed."""

from __future__ import annotations

import html

import pytest
from conftest import SEEDS

import plandiff
from plandiff.sources.reading import read_bytes

SEED = SEEDS / "wuhan-2014.txt"


def outline(plan):
    return [(s.level, s.marker, s.heading, len(s.sentences)) for s in plan.sections]


@pytest.fixture(scope="module")
def reference():
    return plandiff.load(SEED)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_encodings_are_detected(tmp_path, reference, encoding):
    path = tmp_path / "wuhan-2014.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode(encoding))
    plan = plandiff.load(path)
    assert outline(plan) == outline(reference)
    assert plan.metadata == reference.metadata


def test_gbk_bytes_decode_as_gb18030():
    text = "关于印发《2023年全市科技工作要点》的通知\n研发投入强度达到3.55%。" * 3
    assert read_bytes(text.encode("gbk")).text == text


def test_html_page_keeps_article_and_drops_chrome(tmp_path, reference):
    paragraphs = SEED.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in paragraphs if line.strip())
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>市科技局2014年工作要点</title>
    <script>var nav = "一、首页";</script><style>p {{ margin: 0 }}</style></head><body>
    <nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/gk">政务公开</a></nav>
    <div class="menu"><ul><li><a href="/a">机构概况</a></li><li><a href="/b">政策法规</a></li></ul></div>
    <div id="content"><div class="article">{body}</div></div>
    <footer>版权所有 © 2014 武汉市科技局 鄂ICP备0000号</footer></body></html>"""
    path = tmp_path / "wuhan.html"
    path.write_text(page, encoding="utf-8")
    plan = plandiff.load(path)
    assert outline(plan) == outline(reference)
    text = " ".join(s.heading for s in plan.sections)
    assert "首页" not in text and "版权" not in text and "机构概况" not in text


def test_docx(tmp_path, reference):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "wuhan.docx"
    document.save(path)
    assert outline(plandiff.load(path)) == outline(reference)


def test_pdf_text_layer(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 12)
    lines = ["市科技局2014年工作要点", "一、总体工作思路", "加快推进国家创新中心建设。",
             "二、主要工作目标", "1、技术合同成交额达到320亿元;", "2、新增省级以上科技创新平台5个。"]
    for i, line in enumerate(lines):
        pdf.drawString(60, 780 - 20 * i, line)
    pdf.save()
    plan = plandiff.load(path)
    assert plan.metadata.title == "市科技局2014年工作要点"
    assert [s.heading for s in plan.sections if s.level == 1] == ["总体工作思路", "主要工作目标"]
    assert len([s for s in plan.sections if s.level == 2]) == 2
