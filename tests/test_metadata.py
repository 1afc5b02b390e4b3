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


@pytest.mark.parametrize(("opening", "city"), [
    # A page whose title leaves the city out: the body's 保定市 / 铁岭市 says whose plan it is.
    ("市科技局2023年工作要点\n发布时间：2023-02-01\n一、总体思路\n深入实施《保定市科技创新条例》，建设保定市创新型城市。"
     "支持保定特色产业。\n", "保定"),
    ("科技局2023年工作计划\n一、工作总结\n铁岭市全社会研发投入增长。\n二、工作计划\n推进铁岭市国家创新型城市建设。\n", "铁岭"),
])
def test_a_city_the_body_writes_with_shi_is_the_place(opening, city):
    assert parse_plan(opening + BODY, "c").metadata.city == city


@pytest.mark.parametrize("phrase", ["拓展国内市场", "建设智慧城市", "撤县设市，建设县级市", "推进超大城市治理"])
def test_words_before_shi_that_name_no_city(phrase):
    text = "2023年工作要点\n一、重点工作\n" + f"{phrase}。" * 3 + "\n"
    assert parse_plan(text, "c").metadata.city == ""


def test_jilin_city_is_a_city_not_the_province():
    meta = parse_plan("政府工作报告\n——2023年1月6日在吉林市第十七届人民代表大会第二次会议上\n各位代表：\n" + BODY, "j").metadata
    assert (meta.city, meta.province) == ("吉林", "")


def test_a_city_report_naming_an_area_often_has_no_district():
    """棚户区 three times in a report that speaks as a city (全市, 市政府) is a kind of area, not a district."""
    body = "\n一、工作回顾\n全市完成棚户区改造1万套。市政府推进棚户区改造。全市棚户区改造任务超额完成。\n"
    meta = parse_plan("铁岭市2023年政府工作报告\n" + body, "t").metadata
    assert (meta.city, meta.district) == ("铁岭", "")


def test_a_district_report_naming_an_area_often_has_no_district_but_names_its_own():
    """A district's report (全区, 区委) that says 棚户区 three times: a kind of area, never governed."""
    body = "\n一、工作回顾\n全区完成棚户区改造1万套。区委区政府推进棚户区改造。全区棚户区改造任务超额完成。\n"
    assert parse_plan("2023年政府工作报告\n" + body, "d").metadata.district == ""
    own = body + "市南区委、市南区人民政府带领全区。青岛市市南区全区。推进市南区发展。\n"
    assert parse_plan("2023年政府工作报告\n" + own, "d").metadata.district == "市南"


def test_a_work_report_that_starts_at_its_subtitle_is_titled_as_one():
    """No title line, but the opening reports to the congress: the plan is a government work report."""
    text = ("——2017年2月11日在海拉尔区第十四届人民代表大会第六次会议上\n海拉尔区人民政府代区长\n各位代表：\n"
            "现在，我代表海拉尔区人民政府向大会作工作报告，请予审议。\n一、2016年工作回顾\n过去的一年，全区经济平稳增长。\n")
    metadata = parse_plan(text).metadata
    assert metadata.title == "政府工作报告" and metadata.year == 2017


def test_a_plan_that_does_not_report_to_a_congress_gets_no_invented_title():
    text = "一、总体要求\n全面贯彻落实全市科技工作会议精神，加快建设创新型城市。\n二、重点任务\n推进高新技术企业培育。\n"
    assert parse_plan(text).metadata.title == ""


@pytest.mark.parametrize("name", ["national-gwr-2021.txt", "hailar-gwr-2017.txt"])
def test_a_report_republished_later_keeps_the_year_its_subtitle_dates(name):
    """A site's 发布时间 can be years after the speech (a site move); the report's own subtitle wins."""
    from conftest import corpus_file

    text = open(corpus_file(name), encoding="utf-8").read()
    plain = parse_plan(text, "r").metadata
    page = parse_plan("首页 > 政务公开 > 规划计划\n来源:人民政府网 发布时间:2024-03-06 10:12\n" + text, "r").metadata
    assert page.year == plain.year == int(name[-8:-4])


def test_a_speech_the_plan_quotes_does_not_date_it():
    opening = "全市科技工作要点\n发布时间:2019-01-10\n习近平总书记2018年5月28日在两院院士大会上指出,要加快科技创新。\n"
    assert parse_plan(opening + BODY, "c").metadata.year == 2019
