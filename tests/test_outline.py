"""Each seed's outline meets the floor the foundation issue sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_plan

import plandiff



def levels(plan, level):
    return [s for s in plan.sections if s.level == level]


def test_qingdao_2018_has_preamble_ten_sections_and_32_items_running_on():
    plan = seed_plan("qingdao-2018")
    preamble = plan.sections[0]
    assert preamble.level == 0
    assert preamble.sentences[0].text.startswith("2018年全市科技创新工作的总体要求是")
    assert any(s.text.startswith("主要工作目标:") for s in preamble.sentences)
    assert [s.marker for s in levels(plan, 1)] == [f"{n}、" for n in "一二三四五六七八九十"]
    items = levels(plan, 2)
    assert [s.marker for s in items] == [f"{n}." for n in range(1, 33)]
    assert items[0].heading == "“一业一策”推进高技术产业发展"
    assert plan.section(items[5].parent).heading == "实施科技型企业培育“百千万”工程"


def test_wuhan_2014_goals_under_second_section_and_eight_subsections_under_third():
    plan = seed_plan("wuhan-2014")
    top = levels(plan, 1)
    assert [s.heading for s in top] == ["总体工作思路", "主要工作目标", "重点工作"]
    goals = plan.children(top[1].id)
    assert len(goals) == 6
    assert goals[4].heading.startswith("新增科技企业孵化器面积")  # "5新增…" lacks its 、 in the source
    subsections = plan.children(top[2].id)
    assert [s.marker for s in subsections] == [f"({n})" for n in "一二三四五六七八"]
    assert subsections[2].heading == "着力促进科技成果转化,支撑经济社会发展"
    items = plan.children(subsections[0].id)
    assert [s.marker for s in items] == ["一是", "二是", "三是"]
    assert items[0].heading == "支持以企业为主体的创新体系建设"


def test_qingdao_shinan_2021_unnumbered_headings():
    plan = seed_plan("qingdao-shinan-2021")
    top = levels(plan, 1)
    assert [s.heading for s in top] == ["2020年工作总结", "2021年工作目标、思路和具体举措"]
    first, second = (plan.children(s.id) for s in top)
    assert len(first) == 5 and len(second) == 4
    assert first[0].heading == "战略思维抓创新,全面构建科技创新服务新体系"
    assert second[0].heading == "加快建立健全科技创新服务新体系"  # run-in: the rest is its body
    assert second[0].sentences[0].text.startswith("一是")
    assert all(s.marker == "" for s in first + second)


def test_changzhou_2018_goals_and_measures():
    plan = seed_plan("changzhou-2018")
    goals, measures = levels(plan, 1)
    assert (goals.heading, measures.heading) == ("主要目标", "重点措施")
    assert len(plan.children(goals.id)) == 8
    sections = plan.children(measures.id)
    assert [s.marker for s in sections] == ["(一)", "(二)", "(三)"]
    assert [len(plan.children(s.id)) for s in sections] == [4, 4, 4]
    assert plan.children(sections[2].id)[0].heading == "建设知识产权强市"


def test_binzhou_2023_outline_from_one_paragraph():
    plan = seed_plan("binzhou-2023")
    top = levels(plan, 1)
    assert len(top) == 6
    assert sum(len(plan.children(s.id)) for s in top) == 23
    assert top[0].heading == "强化顶层设计,努力构建新时代科技强市建设新局面"
    assert plan.children(top[4].id)[3].heading == "创新科技金融模式"
    headings = " ".join(s.heading for s in plan.sections)
    assert "市、区" not in headings and "百分点" not in headings


def test_numbered_items_run_into_their_heading_in_one_paragraph():
    """Pasted as one paragraph, qingdao-2018's 1.–32. follow a heading word (产业1.“一业一策”), not a stop."""
    text = (Path(plandiff.__file__).parent / "seeds" / "qingdao-2018.txt").read_text(encoding="utf-8")
    pasted = plandiff.parse_plan("".join(line.strip() for line in text.splitlines()), "pasted")
    lined = seed_plan("qingdao-2018")
    assert [(s.level, s.marker) for s in pasted.sections] == [(s.level, s.marker) for s in lined.sections]
    assert pasted.sections[2].heading == "多措并举发展高技术产业"


@pytest.mark.parametrize("slug", ["qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023"])
def test_every_sentence_is_traceable_to_the_source(slug):
    plan = seed_plan(slug)
    for section in plan.sections:
        for sentence in section.sentences:
            assert plan.text[sentence.start:sentence.end] == sentence.text


def test_sentences_split_on_stops_and_keep_closing_quotes():
    from plandiff.parse.text import sentence_spans

    text = "他说:“要加快发展。”然后;再做!好吗?最后"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["他说:“要加快发展。”", "然后;", "再做!", "好吗?", "最后"]


def test_width_folding_keeps_offsets():
    from plandiff.parse.text import fold_width

    assert fold_width("（一）２．８８％　") == "(一)2.88% "
    assert len(fold_width("（一）")) == 3


@pytest.mark.parametrize(("text", "items"), [
    ("二、主要工作目标1、高新技术产业增加值增长10%;2、研发投入强度达到2.9%。三、重点工作推动发展。", 2),
    ("二、主要工作目标第1、2批企业认定完成。1、2月份完成申报。三、重点工作推动发展。", 0),
])
def test_dun_numbered_items_inside_a_paragraph(text, items):
    """1、 after a heading word opens an item; 第1、2批 and 1、2月份 are ordinals in a sentence."""
    plan = plandiff.parse_plan("一、回顾\n去年完成任务。" + text, "p")
    assert sum(1 for s in plan.sections if s.kind == "arabic_dun") == items
