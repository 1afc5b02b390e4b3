"""Metadata: a plan's place, read from how it names itself, for cities jieba does not know as places."""

from __future__ import annotations

import pytest

from plandiff import parse_plan

BODY = "\n一、过去一年工作回顾\n全市生产总值增长5%。\n二、今年重点工作\n推动科技创新。\n"


@pytest.mark.parametrize(("opening", "city"), [
    # Smaller cities that jieba's dictionary does not tag as places.
    ("铁岭市2023年政府工作报告\n——2023年1月5日在铁岭市第十七届人民代表大会第二次会议上\n各位代表：\n", "铁岭"),
    ("政府工作报告\n——2023年1月5日在第十七届焦作市人民代表大会第二次会议上\n各位代表：\n现在，我代表市人民政府作报告。\n",
     "焦作"),
    ("政府工作报告\n各位代表：\n现在，我代表营口市人民政府，向大会报告工作。\n", "营口"),
    ("2023年周口市政府工作报告\n各位代表：\n", "周口"),
    ("山东省滨州市科学技术局关于印发2023年全市科技工作要点的通知\n各区县科技局：\n", "滨州"),
    ("呼伦贝尔市海拉尔区人民政府工作报告\n各位代表：\n", "呼伦贝尔"),
])
def test_a_city_that_names_itself_is_its_place(opening, city):
    meta = parse_plan(opening + BODY, "c").metadata
    assert meta.city == city and meta.level in ("city", "district")


def test_a_city_word_in_a_title_is_not_a_city():
    """智慧城市 ends in 市 but is not followed by an organ, a congress or a year: no place is invented."""
    meta = parse_plan("智慧城市建设2023年工作要点\n" + BODY, "c").metadata
    assert meta.city == "" and meta.place == ""


def test_a_word_ending_in_city_before_a_year_is_not_a_city():
    meta = parse_plan("智慧城市2023年工作要点\n" + BODY, "c").metadata
    assert meta.city == ""


@pytest.mark.parametrize(("opening", "district"), [
    ("政府工作报告\n——2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上\n", "海拉尔"),
    ("青岛市市南区科技局2021年工作计划\n", "市南"),
    ("现在，我代表黄岛区人民政府，向大会报告工作。\n", "黄岛"),
])
def test_a_district_that_names_itself_is_its_place(opening, district):
    assert parse_plan(opening + BODY, "d").metadata.district == district


@pytest.mark.parametrize("opening", ["各区县科技局：\n现将计划印发给你们。\n", "高新区2023年工作要点\n"])
def test_addressees_and_area_types_are_no_district(opening):
    assert parse_plan(opening + BODY, "d").metadata.district == ""
