"""A real plan in the forms users bring (web page, stripped lines, one pasted paragraph) reads as its text."""

from __future__ import annotations

import html

from conftest import corpus_file

from plandiff.parse.pipeline import parse_plan
from plandiff.sources.html_reader import html_to_text


def _lines(name: str) -> list[str]:
    text = corpus_file(name).read_text(encoding="utf-8")
    return [line.strip().strip("\u3000") for line in text.splitlines() if line.strip().strip("\u3000")]


def _site_page(title_tag: str, headline: str, paragraphs: list[str]) -> str:
    """A government site's page: menu, breadcrumb, a headline above the prose container, footer."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>'
        '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul>'
        '<div class="crumb">当前位置:<a href="/">首页</a> &gt; 政府文件</div>'
        f'<div class="article">{headline}<div class="info">发布时间:2023-03-06 来源:市政府办公室</div>'
        f'<div class="content">{body}</div></div>'
        '<div class="footer">版权所有 © 2023 市人民政府 鲁ICP备05001234号</div></body></html>'
    )


def test_the_headline_above_the_prose_names_the_plan_not_the_site_title():
    lines = _lines("national-gwr-2022.txt")
    page = _site_page("政府工作报告_人民政府门户网站", f"<h1>{lines[0]}</h1>", lines[1:])
    plan, plain = parse_plan(html_to_text(page), "page"), parse_plan("\n".join(lines), "text")
    assert plan.metadata.title == plain.metadata.title == "政府工作报告"


def test_a_title_tag_that_also_names_the_site_gives_only_the_plan_title():
    lines = _lines("national-gwr-2022.txt")
    page = _site_page("政府工作报告_人民政府门户网站", "", lines[1:])
    assert html_to_text(page).split("\n")[0] == "政府工作报告"
    assert parse_plan(html_to_text(page), "page").metadata.title == "政府工作报告"


def test_a_subtitle_line_is_not_joined_to_the_speaker_below_it():
    """Lines without trailing spaces (a DOCX, a web page): the ——date…会议上 line stays one sentence."""
    lines = _lines("hailar-gwr-2017.txt")
    preamble = [s.text for s in parse_plan("\n".join(lines), "docx").sections[0].sentences]
    assert preamble[:2] == ["—2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上", "海拉尔区人民政府代区长 杨国宏"]
