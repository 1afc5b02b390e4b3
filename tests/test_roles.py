"""Roles of top-level parts: review, requirements, tasks, from heading words, years and body tense."""

from __future__ import annotations

import plandiff
from plandiff.model import SectionRole
from plandiff.parse.roles import section_role
from conftest import corpus_file

REVIEW, REQUIREMENTS, TASKS, OTHER = (SectionRole.REVIEW, SectionRole.REQUIREMENTS, SectionRole.TASKS,
                                      SectionRole.OTHER)


def test_heading_words_give_the_role():
    assert section_role("2020年工作回顾", [], 2021) == REVIEW
    assert section_role("过去一年和五年工作回顾", [], 2023) == REVIEW
    assert section_role("2022年经济社会发展总体要求和政策取向", [], 2022) == REQUIREMENTS
    assert section_role("2022年政府工作任务", [], 2022) == TASKS
    assert section_role("对今年政府工作的建议", [], 2023) == TASKS
    assert section_role("多措并举发展高技术产业", ["加快发展高技术产业。"], 2018) == OTHER


def test_a_run_in_heading_keeps_the_role_of_its_title():
    """Pasted as one paragraph, a heading runs on into its first sentence; 今年 there is not a heading word."""
    run_in = "2022年经济社会发展总体要求和政策取向今年将召开中国共产党第二十次全国代表大会,是十分重要的一年"
    assert section_role(run_in, [], 2022) == REQUIREMENTS
    assert section_role("今年工作安排", [], 2022) == TASKS
    assert section_role("去年工作情况", [], 2022) == REVIEW


def test_a_bare_year_says_past_or_ahead():
    assert section_role("2016年", [], 2017) == REVIEW
    assert section_role("2017年", [], 2017) == TASKS


def test_body_tense_breaks_a_tie_between_two_heading_roles():
    past = ["全年国内生产总值增长8.1%。"] * 9 + ["今年要继续努力。"]
    ahead = ["今年要稳定增长。", "将加快建设。", "力争突破。"]
    assert section_role("发展成就和主要目标", past, 2021) == REVIEW
    assert section_role("发展成就和主要目标", ahead, 2021) == REQUIREMENTS


def test_children_inherit_their_part_role():
    plan = plandiff.load(str(corpus_file("national-gwr-2023.txt")))
    assert plan.section("1").role == REVIEW and plan.section("1.3").role == REVIEW
    assert plan.section("2").role == TASKS and plan.section("2.3").role == TASKS
