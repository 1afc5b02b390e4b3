"""Web chrome is removed and the metadata it carries is read."""

from __future__ import annotations

import pytest
from conftest import seed_plan

import plandiff

CHROME = {
    "qingdao-2018": ["搜索", "信网手机版", "来源:", "责任编辑", "[编辑", "Copyright", "精彩美图", "版权稿件"],
    "wuhan-2014": ["今天是", "发布时间", "浏览"],
    "qingdao-shinan-2021": ["logo", "文章地址", "•", "范文"],
    "changzhou-2018": ["您当前的位置", "首页", "索 引 号", "公开方式", "生成日期", "扫一扫"],
    "binzhou-2023": ["发布部门", "政策文号", "有效性", "各县(市、区)", "现印发给你们", "政策解读"],
}

METADATA = {
    "qingdao-2018": dict(title="青岛市科技局2018年工作要点", issuer="青岛市科技局", place="青岛", year=2018, date="2018-02-11"),
    "wuhan-2014": dict(title="市科技局2014年工作要点", issuer="武汉市科技局", place="武汉", year=2014, date="2014-12-05"),
    "qingdao-shinan-2021": dict(city="青岛", district="市南", year=2021, date="2021-06-04"),
    "changzhou-2018": dict(title="常州市科学技术局2018年工作计划", issuer="常州市科学技术局", place="常州", year=2018),
    "binzhou-2023": dict(
        title="2023年全市科技工作要点", issuer="滨州市科学技术局", place="滨州", year=2023, date="2023-02-25",
        doc_number="滨科字〔2023〕1号",
    ),
}


def plan_text(plan) -> str:
    return "\n".join(s.heading + "".join(x.text for x in s.sentences) for s in plan.sections)


@pytest.mark.parametrize("slug", sorted(CHROME))
def test_chrome_is_gone(slug):
    text = plan_text(seed_plan(slug))
    for chrome in CHROME[slug]:
        assert chrome not in text, chrome


@pytest.mark.parametrize("slug", sorted(METADATA))
def test_metadata(slug):
    meta = seed_plan(slug).metadata
    for field, expected in METADATA[slug].items():
        assert getattr(meta, field) == expected, field


def test_binzhou_body_starts_after_the_cover_notice():
    plan = seed_plan("binzhou-2023")
    assert plan.sections[0].sentences[0].text.startswith("2023年是全面贯彻落实党的二十大精神的开局之年")


def test_page_break_artifacts_are_mended():
    from conftest import corpus_file

    plan = plandiff.load(corpus_file("national-gwr-2021.txt"))
    assert plan.metadata.title == "政府工作报告"  # the title was cut in two by a page break
    assert plan.metadata.year == 2021


def test_a_break_after_an_opening_mark_or_before_a_closing_one_is_mended():
    """No Chinese line ends on 《 or starts on 》 or a comma: such a break (a PDF's page) is inside a sentence."""
    from conftest import corpus_file

    plan = plandiff.load(corpus_file("national-gwr-2021.txt"))
    whole = [s.text.replace(" ", "") for section in plan.sections for s in section.sentences if "纲要(草案)" in s.text]
    assert whole[0] == ("根据《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》,"
                        "国务院编制了《国民经济和社会发展第十四个五年规划和2035年远景目标纲要(草案)》。")


def test_a_subscript_on_its_own_line_stays_in_its_sentence():
    """Web pages put PM<sub>2.5</sub> on three lines when copied; the sentence must stay whole."""
    text = "一、回顾\n细颗粒物（PM\n2.5\n）平均浓度下降9.1%。二氧化碳（CO\n2\n）排放下降。\n二、任务\n推动发展。\n"
    plan = plandiff.parse_plan(text, "p")
    sentences = [s.text.replace(" ", "") for s in plan.sections[1].sentences]
    assert sentences == ["细颗粒物(PM2.5)平均浓度下降9.1%。", "二氧化碳(CO2)排放下降。"]


PASTED_FOOTERS = {
    "qingdao-2018": ["[编辑", "版权稿件", "精彩美图", "Copyright"],
    "changzhou-2018": ["扫一扫"],
    "qingdao-shinan-2021": ["文章地址"],
}


@pytest.mark.parametrize("joiner", ["", " "], ids=["line-breaks-lost", "line-breaks-as-spaces"])
@pytest.mark.parametrize("slug", sorted(PASTED_FOOTERS))
def test_a_pasted_page_loses_its_footer_too(slug, joiner):
    """Pasted as one paragraph, the footer runs on after the last sentence; it goes as its lines would."""
    from conftest import SEEDS

    text = (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")
    pasted = joiner.join(line.strip() for line in text.splitlines() if line.strip())
    plan = plandiff.parse_plan(pasted, slug)
    kept = plan_text(plan)
    for chrome in PASTED_FOOTERS[slug]:
        assert chrome not in kept, chrome
    assert plan_text(seed_plan(slug))[-20:] == kept[-20:]  # the last sentence itself is kept whole


@pytest.mark.parametrize("slug", sorted(METADATA))
def test_a_page_pasted_with_blanks_for_line_breaks_keeps_its_title_and_fields(slug):
    """The head's blanks are the lost line breaks: chrome before the title and fields after it go."""
    from conftest import SEEDS

    text = (SEEDS / f"{slug}.txt").read_text(encoding="utf-8")
    pasted = " ".join(line.strip() for line in text.splitlines() if line.strip())
    plan, plain = plandiff.parse_plan(pasted, slug), seed_plan(slug)
    assert plan.metadata == plain.metadata
    # The text opens where the plain page's does (a lone heading line may read as prose in a paste).
    opening = [[s.text for section in p.sections for s in section.sentences][:2] for p in (plan, plain)]
    assert opening[1][0] in opening[0]
    for chrome in CHROME[slug][:2]:
        assert chrome not in plan_text(plan), chrome


def test_a_pasted_work_report_without_chrome_is_cut_as_before():
    """A head with no title line among its blanks (a report opening on its subtitle) stays one paragraph."""
    from conftest import corpus_file

    text = open(corpus_file("hailar-gwr-2017.txt"), encoding="utf-8").read()
    pasted = " ".join(line.strip() for line in text.splitlines() if line.strip())
    plan, plain = plandiff.parse_plan(pasted, "hailar"), plandiff.parse_plan(text, "hailar")
    assert plan.metadata == plain.metadata
    assert [s.text for s in plan.sections[0].sentences] == [s.text for s in plain.sections[0].sentences]


@pytest.mark.parametrize("slug", ["changzhou-2018", "qingdao-2018", "binzhou-2023"])
def test_a_page_pasted_with_site_chrome_around_it_reads_as_its_lines_do(slug):
    """A whole page copied as one paragraph: a site's nav bar and breadcrumb before the page's own head,
    and a footer (责任编辑, 版权所有, ICP备) after the plan's last sentence, which its own lines may not hold."""
    from conftest import SEEDS

    lines = [line.strip() for line in (SEEDS / f"{slug}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    head = ["首页 | 政务公开 | 政务服务 | 互动交流", "您当前的位置:首页 > 政务公开 > 计划规划"]
    foot = ["责任编辑:王晓明", "主办单位:某市科学技术局 版权所有:某市科学技术局", "鲁ICP备05008432号-1"]
    plan, plain = plandiff.parse_plan(" ".join(head + lines + foot), slug), seed_plan(slug)
    assert plan.metadata == plain.metadata
    assert plan_text(plan)[-20:] == plan_text(plain)[-20:]
    for chrome in ("首页", "政务公开", "王晓明", "ICP备"):
        assert chrome not in plan_text(plan), chrome
