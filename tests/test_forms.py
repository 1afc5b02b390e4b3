"""A real plan in the forms users bring (web page, stripped lines, one pasted paragraph) reads as its text."""

from __future__ import annotations

import html

import pytest
from conftest import SEEDS, corpus_file

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


def _outline(plan, first: int = 1):
    return [(s.level, s.marker, s.heading, len(s.sentences)) for s in plan.sections[first:]]


def test_a_report_pasted_as_one_paragraph_keeps_its_title_and_top_headings():
    """With every newline gone, 一、2021年工作回顾过去一年是… still splits at the sentence opener."""
    lines = _lines("national-gwr-2022.txt")
    pasted, plain = parse_plan("".join(lines), "paste"), parse_plan("\n".join(lines), "text")
    assert pasted.metadata.title == plain.metadata.title == "政府工作报告"
    top = [(s.marker, s.heading) for s in pasted.sections if s.level == 1]
    assert top == [(s.marker, s.heading) for s in plain.sections if s.level == 1]
    assert top[0] == ("一、", "2021年工作回顾")


def test_a_paste_that_kept_its_indents_has_the_outline_of_the_text():
    """Newlines removed but the ideographic-space indents kept: each indent opens a paragraph again."""
    text = corpus_file("hailar-gwr-2017.txt").read_text(encoding="utf-8")
    pasted = parse_plan(text.replace("\r", "").replace("\n", ""), "paste")
    assert _outline(pasted) == _outline(parse_plan(text, "text"))


def test_a_heading_run_on_into_its_first_item_ends_where_the_item_starts():
    text = (corpus_file("national-gwr-2021.txt").read_text(encoding="utf-8"))
    pasted = parse_plan("".join(text.split()), "paste")
    headings = [s.heading for s in pasted.sections if s.level == 1]
    assert headings[:2] == ["2020年工作回顾", "“十三五”时期发展成就和“十四五”时期主要目标任务"]


def test_a_run_in_heading_with_a_time_word_inside_stays_whole():
    """今年 inside a short run-in heading is the heading's own word, not the start of its body."""
    plan = parse_plan("一、总体要求\n一是完成今年目标任务。要抓好落实。\n二是确保2025年如期完成。要加强统筹。\n", "t")
    assert [s.heading for s in plan.sections[2:]] == ["完成今年目标任务", "确保2025年如期完成"]


def test_a_short_tail_cut_by_a_page_break_rejoins_its_sentence():
    """The source's 推动 / 区域全面经济伙伴关系协定 / （RCEP）生效实施 is one sentence, as a PDF of it reads."""
    plan = parse_plan(corpus_file("national-gwr-2023.txt").read_text(encoding="utf-8"), "text")
    sentences = [s.text.replace(" ", "") for section in plan.sections for s in section.sentences]
    assert "推动区域全面经济伙伴关系协定(RCEP)生效实施,建成全球最大自由贸易区。" in sentences
    assert "推动" not in sentences
    earlier = parse_plan(corpus_file("national-gwr-2021.txt").read_text(encoding="utf-8"), "text")
    sentences = [s.text.replace(" ", "") for section in earlier.sections for s in section.sentences]
    assert "完善资本市场基础制度。" in sentences


def test_a_pasted_report_head_keeps_its_subtitle_and_salutation_apart():
    """——date…会议上, the speaker and 各位代表: are separate lines in the text; a paste runs them together."""
    lines = _lines("national-gwr-2023.txt")
    preamble = [s.text for s in parse_plan("".join(lines), "paste").sections[0].sentences]
    assert preamble[0] == "——2023年3月5日在第十四届全国人民代表大会第一次会议上"
    assert "各位代表:" in preamble
    assert preamble[-1].startswith("现在,我代表国务院")


def test_ascii_spaces_that_align_a_table_row_do_not_break_it():
    plan = parse_plan("一、主要指标\n地区生产总值  亿元  5000。\n", "t")
    assert [s.text for s in plan.sections[1].sentences] == ["地区生产总值  亿元  5000。"]


def test_a_pasted_goal_list_keeps_its_indicators_free_of_list_numbers():
    """wuhan-2014's goals 4、…;5新增…;6、新增… run together in a paste: 5 and 6 are ordinals, not owners."""
    from conftest import SEEDS

    from plandiff.targets.extract import extract_targets

    text = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    pasted = {(t.indicator, t.value) for t in extract_targets(parse_plan(text.replace("\n", ""), "paste"))}
    plain = {(t.indicator, t.value) for t in extract_targets(parse_plan(text, "text"))}
    assert ("科技企业孵化器面积", 1_200_000) in pasted and ("省级以上科技创新平台", 5) in pasted
    assert pasted == plain


def test_a_lead_in_before_a_numbered_list_is_a_heading_in_a_paste():
    """changzhou-2018 pasted: 。主要目标:1.… and 。重点措施:(一)… head their lists as the lone lines did."""
    from conftest import SEEDS

    text = (SEEDS / "changzhou-2018.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line == "常州市科学技术局2018年工作计划" and i > 3)
    body = lines[start:start + 40]
    plain, pasted = parse_plan("\n".join(body), "text"), parse_plan("".join(body), "paste")
    assert [(s.level, s.heading) for s in pasted.sections if s.kind == "plain"] == [(1, "主要目标"), (1, "重点措施")]
    # The goals list and the lead-ins match; (一)'s heading runs on into its body (no opener to cut at).
    assert [(s.level, s.marker, s.heading) for s in pasted.sections[1:11]] == \
        [(s.level, s.marker, s.heading) for s in plain.sections[1:11]]
    assert len(pasted.sections) == len(plain.sections)


def _pasted_and_plain(name: str):
    path = corpus_file(f"{name}.txt") if name.startswith(("national", "hailar")) else SEEDS / f"{name}.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return parse_plan("".join(lines), "paste"), parse_plan("\n".join(lines), "text")


@pytest.mark.parametrize(
    "name", ["national-gwr-2021", "national-gwr-2022", "national-gwr-2023", "changzhou-2018", "hailar-gwr-2017"]
)
def test_a_pasted_report_keeps_every_section_of_its_text(name):
    """一是… items that began lines come back as headings; a 1. item's own 一是… stays its prose (changzhou);
    a heading line without a full stop ends where its body's first verb opens (changzhou's and hailar's (一))."""
    pasted, plain = _pasted_and_plain(name)
    assert [(s.id, s.marker) for s in pasted.sections] == [(s.id, s.marker) for s in plain.sections]
    assert [s.heading for s in pasted.sections] == [s.heading for s in plain.sections]


def test_a_pasted_plan_keeps_the_items_under_its_run_on_headings():
    """wuhan-2014's (六)着力推进国家战略工程,发挥示范引领作用一是…: the item begins where the heading ran on."""
    pasted, plain = _pasted_and_plain("wuhan-2014")
    items = [(s.id, s.heading) for s in plain.sections if s.marker.endswith("是")]
    assert len(items) == 24 and items == [(s.id, s.heading) for s in pasted.sections if s.marker.endswith("是")]


def test_a_pasted_plan_finds_its_first_part_run_on_from_the_title():
    """…2021年工作计划一、2020年工作总结…: no full stop before the first 一、, yet it opens the outline."""
    pasted, _ = _pasted_and_plain("qingdao-shinan-2021")
    assert [s.marker for s in pasted.sections if s.level == 1] == ["一、", "二、"]
