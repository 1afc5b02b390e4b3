"""Target extraction floors, unit normalisation, false-hit guards and verdicts, on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS, seed_plan

import plandiff
from plandiff.diff.pipeline import compare
from plandiff.parse.pipeline import parse_plan
from plandiff.targets.extract import extract_targets
from plandiff.targets.match import match_targets

GOLDEN = Path(__file__).parent / "golden"
COLUMNS = ("section_id", "indicator", "comparator", "value", "upper", "unit", "kind", "firmness", "tense")


def targets_of(slug):
    return extract_targets(seed_plan(slug))


def summary(targets):
    return [(t.indicator, t.comparator, t.value, t.unit, t.kind) for t in targets]


def as_rows(targets) -> str:
    return "".join("\t".join(str(getattr(t, c)) for c in COLUMNS) + "\n" for t in targets)


def test_qingdao_2018_goals():
    goals = [t for t in targets_of("qingdao-2018") if t.section_id == "0"]
    assert summary(goals) == [
        ("研发经费占生产总值比重", "=", 2.88, "%", "level"),
        ("万人有效发明专利拥有量", "=", 25.0, "件", "level"),
        ("高新技术企业数量", ">", 25.0, "%", "growth"),
        ("高新技术企业数量", ">=", 2500.0, "家", "level"),
        ("技术合同交易额", ">", 16.0, "%", "growth"),
        ("技术合同交易额", ">=", 1.4e10, "元", "level"),
    ]
    assert goals[0].key == "rd-intensity" and goals[0].firmness == "aspirational"
    assert goals[1].firmness == ""  # 力争 inside the first clause binds that clause only


def test_qingdao_2018_body_targets():
    texts = {t.text for t in targets_of("qingdao-2018")}
    assert "全市科技型小微企业数量达到11000家以上" in texts
    assert "全年开展各类活动不少于150场" in texts


def test_wuhan_2014_six_goals_one_target_per_value():
    plan = seed_plan("wuhan-2014")
    goals = {s.id for s in plan.children("2")}
    found = [t for t in extract_targets(plan) if t.section_id in goals]
    per_goal = [sum(1 for t in found if t.section_id == f"2.{n}") for n in range(1, 7)]
    assert per_goal == [2, 2, 1, 1, 2, 1]
    assert found[5].key == "tech-contract-turnover" and found[5].value == 3.2e10
    assert found[6].unit == "平方米" and found[6].value == 1.2e6 and found[6].kind == "increment"


def test_changzhou_2018_eight_goals():
    plan = seed_plan("changzhou-2018")
    found = [t for t in extract_targets(plan) if t.section_id.startswith("1.")]
    assert sorted({t.section_id for t in found}) == [f"1.{n}" for n in range(1, 9)]
    assert found[0].key == "rd-intensity" and found[0].value == 2.8


def test_binzhou_2023_six_goals():
    goals = [t for t in targets_of("binzhou-2023") if t.section_id == "0"]
    assert [(t.value, t.unit, t.kind) for t in goals] == [
        (3.55, "%", "level"), (70.0, "%", "level"), (100.0, "家", "increment"), (600.0, "家", "level"),
        (1200.0, "家", "level"), (1.5, "百分点", "points"),
    ]
    assert goals[0].firmness == goals[1].firmness == "firm"  # 确保 opens the clause and carries on
    assert goals[0].key == "rd-intensity" and goals[3].key == goals[2].key == "high-tech-enterprises"


def test_achievements_in_a_work_summary_are_past():
    found = targets_of("qingdao-shinan-2021")
    hiqi = next(t for t in found if t.text.endswith("新认定高企84家"))
    assert hiqi.tense == "achieved" and hiqi.kind == "increment" and hiqi.key == "high-tech-enterprises"
    assert any(t.tense == "planned" for t in found)


@pytest.mark.parametrize("slug", ["qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023"])
def test_no_dates_ordinals_congresses_or_outline_counts(slug):
    for target in targets_of(slug):
        assert target.unit not in ("年", "月", "日")
        for false_hit in ("十九大", "二十大", "细分领域", "重点任务", "〔", "四项计划", "一是", "两学一做"):
            assert false_hit not in target.text, target


def test_chinese_numerals_with_guards():
    text = "一、目标\n全年新增孵化器两千家,力争突破十二个,坚持两学一做,一是学习十九大精神,二是发展。\n"
    found = extract_targets(parse_plan(text, "t"))
    assert [(t.value, t.unit) for t in found] == [(2000.0, "家"), (12.0, "个")]


def test_units_normalise():
    text = "一、目标\n科技型企业达到1.2万家,技术合同交易额达140亿元以上,整合产业领域3-5个。\n"
    found = extract_targets(parse_plan(text, "t"))
    assert [(t.value, t.upper, t.unit, t.comparator) for t in found] == [
        (12000.0, None, "家", "="), (1.4e10, None, "元", ">="), (3.0, 5.0, "个", "range"),
    ]


@pytest.mark.parametrize("slug", ["changzhou-2018", "binzhou-2023"])
def test_golden_target_lists(slug):
    """Full target lists, checked by hand; regenerate with `python tests/test_targets.py` and review."""
    expected = (GOLDEN / f"target-snapshot-{slug}.tsv").read_text(encoding="utf-8")
    assert as_rows(targets_of(slug)) == expected


def change_for(changes, key):
    return next(c for c in changes if (c.new or c.old).key == key)


def test_verdict_raised_and_same_changzhou_to_binzhou():
    changes = compare(seed_plan("changzhou-2018"), seed_plan("binzhou-2023")).targets
    rd = change_for(changes, "rd-intensity")
    assert rd.status == "raised" and rd.delta == pytest.approx(0.75)
    assert (rd.old.text, rd.new.text) == ("全社会研发经费占地区生产总值比重达2.80%", "确保研发投入强度达到3.55%")
    new_hiqi = next(c for c in changes if c.new and c.new.key == "high-tech-enterprises" and c.new.kind == "increment")
    assert new_hiqi.status == "same" and new_hiqi.old.text == "新增高新技术企业超100家"
    assert new_hiqi.new.text == "新增高新技术企业100家以上"
    assert any(c.status == "new" for c in changes) and any(c.status == "dropped" for c in changes)


def test_verdict_lowered_wuhan_to_qingdao():
    changes = compare(seed_plan("wuhan-2014"), seed_plan("qingdao-2018")).targets
    contract = next(c for c in changes if c.new and c.new.key == "tech-contract-turnover" and c.new.unit == "元")
    assert contract.status == "lowered" and contract.old.text == "技术合同成交额达到320亿元"
    assert contract.delta == pytest.approx(-1.8e10)


def test_a_total_is_not_an_increment():
    found = targets_of("binzhou-2023")
    total = next(t for t in found if t.text.startswith("总量突破600家"))
    increment = next(t for t in found if t.text.startswith("新增高新技术企业100家"))
    assert (total.key, total.kind) != (increment.key, increment.kind) or total.kind != increment.kind


def test_verdict_reworded_and_softened():
    text = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    edited = text.replace("确保研发投入强度达到3.55%", "力争全社会研发经费占地区生产总值比重达到3.55%", 1)
    changes = match_targets(extract_targets(parse_plan(text, "a")), extract_targets(parse_plan(edited, "b")))
    rd = change_for(changes, "rd-intensity")
    assert rd.status == "reworded" and rd.firmness_change == "softened"
    same = match_targets(extract_targets(parse_plan(text, "a")), extract_targets(parse_plan(text, "a")))
    assert {c.status for c in same} == {"same"}


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent))
    for slug in ("changzhou-2018", "binzhou-2023"):
        (GOLDEN / f"target-snapshot-{slug}.tsv").write_text(as_rows(targets_of(slug)), encoding="utf-8")


@pytest.mark.slow
def test_national_work_reports_2022_to_2023():
    from conftest import corpus_file

    old = plandiff.load(corpus_file("national-gwr-2022.txt"))
    new = plandiff.load(corpus_file("national-gwr-2023.txt"))
    changes = {(c.new or c.old).key: c for c in compare(old, new).targets}
    gdp = changes["gdp-growth"]
    assert gdp.status == "lowered" and (gdp.old.value, gdp.new.value) == (5.5, 5.0) and gdp.new.comparator == "~"
    jobs = changes["urban-jobs"]
    assert jobs.status == "raised" and jobs.delta == pytest.approx(1e6)
    deficit = changes["deficit-ratio"]
    assert deficit.status == "raised" and deficit.new.text == "赤字率拟按3%"
    assert changes["cpi"].status == "same"


def plan_targets(body: str, heading: str = "一、2024年主要目标"):
    return extract_targets(parse_plan(f"{heading}\n{body}\n", "t"))


def test_budget_plans():
    found = plan_targets("赤字率拟按3%左右安排,赤字规模4.06万亿元,其中中央财政赤字3.34万亿元、地方财政赤字7200亿元。"
                         "拟发行超长期特别国债1万亿元。中央预算内投资拟安排7000亿元。一般公共预算支出规模28.5万亿元。")
    assert [(t.key, t.value) for t in found] == [
        ("deficit-ratio", 3.0), ("deficit", 4.06e12), ("中央财政赤字", 3.34e12), ("地方财政赤字", 7.2e11),
        ("ultra-long-bonds", 1e12), ("central-budget-investment", 7e11), ("general-budget-expenditure", 2.85e13),
    ]


def test_lists_split_into_their_parts():
    found = plan_targets("城乡居民收入分别增长7%和8%左右。新建10家国家重点实验室、30家省级重点实验室和10家市级重点实验室。"
                         "推出40项改革举措、80项创新政策和60项便民措施。")
    assert [(t.indicator, t.value) for t in found] == [
        ("城镇居民收入", 7.0), ("农村居民收入", 8.0), ("国家重点实验室", 10.0), ("省级重点实验室", 30.0),
        ("市级重点实验室", 10.0), ("改革举措", 40.0), ("创新政策", 80.0), ("便民措施", 60.0),
    ]
    assert found[0].key == "urban-income" and found[1].comparator == "~" and found[2].kind == "increment"


def test_changes_of_level_ranges_and_worded_shares():
    found = plan_targets("增值税税率从16%降至13%。研发经费投入强度由2.4%提高到2.8%。国内生产总值增长6%—6.5%。"
                         "力争三分之一以上企业上云,一半以上的县实现全覆盖,能耗下降两成。")
    assert [(t.kind, t.value, t.baseline, t.upper) for t in found[:3]] == [
        ("from-to", 13.0, 16.0, None), ("from-to", 2.8, 2.4, None), ("growth", 6.0, None, 6.5)]
    assert found[1].key == "rd-intensity"
    assert [(t.value, t.comparator, t.kind) for t in found[3:]] == [
        (33.33, ">=", "level"), (50.0, ">=", "level"), (20.0, "=", "decline")]


def test_task_quantities_headline_quantities_and_declines():
    found = plan_targets("改造棚户区800户,实施550个重大项目,办好45件民生实事。粮食产量1.3万亿斤以上。"
                         "农村贫困人口减少1000万以上。单位国内生产总值能耗下降3%左右。")
    assert [(t.value, t.unit, t.kind) for t in found] == [
        (800.0, "户", "level"), (550.0, "个", "level"), (45.0, "件", "level"), (1.3e12, "斤", "level"),
        (1e7, "人", "decline"), (3.0, "%", "decline")]
    assert found[3].key == "grain-output" and found[5].key == "energy-intensity"


def test_forecasts_categories_and_descriptions_are_not_commitments():
    found = plan_targets("预计全年退税减税约2.5万亿元,其中留抵退税约1.5万亿元。今年高校毕业生超过1000万人,要加强就业指导。"
                         "对8座以下小汽车减半征收购置税,将3岁以下婴幼儿照护费用纳入扣除。推进总投资10亿元的大数据项目开工建设。")
    assert {t.tense for t in found} <= {"forecast"}


def test_horizons_and_tense_from_the_sentence():
    text = ("2021年政府工作报告\n一、“十三五”时期发展成就和“十四五”时期主要目标任务\n五年来城镇新增就业超过6000万人。"
            "“十四五”时期是新征程的第一个五年。常住人口城镇化率提高到65%。到2030年,研发投入强度达到3.2%。\n"
            "二、2021年重点工作\n国内生产总值增长6%以上。\n")
    found = extract_targets(parse_plan(text, "t"))
    assert [(t.value, t.tense, t.horizon) for t in found] == [
        (6e7, "achieved", 2021), (65.0, "planned", 2025), (3.2, "planned", 2030), (6.0, "planned", 2021)]


def test_a_five_year_goal_never_pairs_with_an_annual_target():
    old = plan_targets("“十四五”期间,森林覆盖率达到24.1%。国内生产总值增长6%。", "一、2021年目标")
    new = plan_targets("森林覆盖率达到24.5%。国内生产总值增长5%。", "一、2022年目标")
    changes = match_targets(old, new)
    assert [(c.status, (c.new or c.old).value) for c in changes] == [("new", 24.5), ("lowered", 5.0)]


def test_reversed_and_softened_verdicts():
    old = plan_targets("单位国内生产总值能耗下降3%。确保新增高新技术企业100家。国内生产总值增长6%以上。")
    new = plan_targets("单位国内生产总值能耗增长3%。力争新增高新技术企业100家。国内生产总值增长6%左右。")
    changes = match_targets(old, new)
    assert [(c.status, c.firmness_change) for c in changes] == [
        ("reversed", None), ("same", "softened"), ("same", "softened")]
    assert changes[0].delta == pytest.approx(6.0)


def test_main_comparison_shows_softened_rows_and_says_higher_between_places(tmp_path):
    from typer.testing import CliRunner

    from plandiff.cli.main import app

    text = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    edited = text.replace("新增高新技术企业100家以上、", "力争新增高新技术企业100家左右、", 1)
    runner = CliRunner()
    (tmp_path / "binzhou-2023.txt").write_text(text, encoding="utf-8")
    (tmp_path / "binzhou-2024.txt").write_text(edited, encoding="utf-8")
    same_series = runner.invoke(app, [str(tmp_path / "binzhou-2023.txt"), str(tmp_path / "binzhou-2024.txt"), "--no-color"])
    assert "same (softened)" in same_series.output
    places = runner.invoke(app, ["changzhou-2018", "binzhou-2023", "--no-color"])
    assert "▲ higher" in places.output and "raised" not in places.output


def test_counts_inside_a_quoted_name_are_not_targets():
    found = plan_targets("加快建设以“一个高端智库、两个研发基地、三个公共服务平台”为核心的转化体系,建成4个孵化器。")
    assert [(t.value, t.unit) for t in found] == [(4.0, "个")]


@pytest.mark.parametrize(("sentence", "indicators"), [
    ("国内生产总值增加到121万亿元,五年年均增长5.2%,十年增加近70万亿元。", ["国内生产总值"] * 3),
    ("粮食产量连年稳定在1.3万亿斤以上。", ["粮食产量"]),
    ("重污染天数下降超过五成,全国地表水优良水体比例由67.9%上升到87.9%。", ["重污染天数", "全国地表水优良水体比例"]),
    ("五年总体赤字率控制在3%以内。", ["总体赤字率"]),
    ("全国居民人均可支配收入实际增长8.1%。", ["全国居民人均可支配收入"]),
])
def test_indicators_leave_out_time_spans_and_verbs(sentence, indicators):
    """A span of time (五年) is when, not what; a verb (上升到) or adverb (连年) is not part of the name."""
    plan = parse_plan("一、过去五年工作回顾\n" + sentence + "\n二、今年工作\n推动发展。\n", "p")
    assert [t.indicator for t in extract_targets(plan)] == indicators


def test_a_list_shares_its_last_measure_noun():
    plan = parse_plan("一、回顾\n基础设施、制造业投资分别增长9.4%、9.1%。\n二、任务\n推动发展。\n", "p")
    assert [t.indicator for t in extract_targets(plan)] == ["基础设施投资", "制造业投资"]


def test_round_hundreds_count_only_after_a_comparator():
    text = "一、目标\n新增合作项目超百项,培育壮大百家高成长企业,新增入网仪器200台套。\n"
    found = extract_targets(parse_plan(text, "t"))
    assert [(t.value, t.unit, t.kind) for t in found] == [(100.0, "项", "increment"), (200.0, "台套", "increment")]


def test_counts_of_existing_things_a_task_works_on_are_not_targets():
    text = ("一、目标\n推进8家国家级、11家省级星创天地建设,继续推动7家省级重点实验室高质量建设,"
            "推动实验中心等6个项目全面开工,新增研发机构120家(其中省级以上30家)。\n")
    found = extract_targets(parse_plan(text, "t"))
    assert [(t.value, t.kind) for t in found] == [(6.0, "level"), (120.0, "increment"), (30.0, "increment")]


@pytest.mark.parametrize("sentence, expected", [
    ("推动新建5个省级重点实验室建设。", [(5.0, "个", "increment")]),  # a new-count word after the scope verb
    ("继续推进新增10家众创空间发展。", [(10.0, "家", "increment")]),
    ("推进120个市重点项目建设。", [(120.0, "个", "level")]),  # a project's 建设 is the year's work itself
    ("推动30项重大工程建设。", [(30.0, "项", "level")]),
    ("落实与5家金融机构的合作协议。", []),  # the partners of an agreement already there
    ("深化与20个国家的科技合作。", []),
    ("与10家以上高校院所开展产学研对接。", [(10.0, "家", "level")]),
    ("继续提升7家省级重点实验室创新能力。", []),
])
def test_a_scope_verb_rejects_only_counts_of_existing_things(sentence, expected):
    found = extract_targets(parse_plan(f"一、目标\n{sentence}\n", "t"))
    assert [(t.value, t.unit, t.kind) for t in found] == expected


def test_a_count_before_construction_names_the_things_counted():
    found = extract_targets(parse_plan("一、目标\n推进120个市重点项目建设,推动新建5个省级重点实验室建设。\n", "t"))
    assert [t.indicator for t in found] == ["市重点项目", "省级重点实验室"]


def test_an_older_plan_compared_as_the_new_side_still_lists_dropped_targets():
    changes = compare(seed_plan("qingdao-2018"), seed_plan("wuhan-2014")).targets
    dropped = {c.old.text for c in changes if c.status == "dropped"}
    assert "全年开展各类活动不少于150场" in dropped and "万人有效发明专利拥有量达到25件" in dropped


def test_wordings_of_other_plans():
    """Phrasings the gold documents do not use: 净增, a unit of concentration, a baseline before 增加, aliases."""
    text = ("一、主要目标\n赤字规模4.06万亿元,比上年年初预算增加1800亿元。全市高企数量净增150家,"
            "PM2.5平均浓度控制在35微克/立方米以内,新增城镇就业5万人,技术交易额增长15%。\n")
    found = [(t.indicator, t.key, t.value, t.unit, t.kind) for t in extract_targets(parse_plan(text, "t"))]
    assert found == [
        ("赤字", "deficit", 4.06e12, "元", "level"), ("赤字", "deficit", 1.8e11, "元", "increment"),
        ("高企数量", "high-tech-enterprises", 150.0, "家", "increment"),
        ("PM2.5平均浓度", "PM2.5平均浓度", 35.0, "微克/立方米", "level"),
        ("城镇就业", "urban-jobs", 50000.0, "人", "increment"),
        ("技术交易额", "tech-contract-turnover", 15.0, "%", "growth"),
    ]


def test_a_preamble_that_reviews_the_year_before_reports_achievements():
    text = ("2023年全市科技工作要点\n2022年,全市新增高新技术企业300家,技术合同成交额突破200亿元。过去一年,研发投入强度达到2.9%。"
            "2023年全市科技工作的主要目标是:新增高新技术企业200家,技术合同成交额达到250亿元。\n")
    found = [(t.value, t.tense, t.horizon) for t in extract_targets(parse_plan(text, "t"))]
    assert found == [(300.0, "achieved", 2022), (2e10, "achieved", 2022), (2.9, "achieved", 2022),
                     (200.0, "planned", 2023), (2.5e10, "planned", 2023)]


def test_an_achievement_of_last_year_has_last_year_as_its_horizon():
    text = ("2021年政府工作报告\n上年,全区新增高新技术企业80家。去年,技术合同成交额达到30亿元。"
            "今年,新增高新技术企业100家。\n")
    found = [(t.value, t.tense, t.horizon) for t in extract_targets(parse_plan(text, "t"))]
    assert found == [(80.0, "achieved", 2020), (3e9, "achieved", 2020), (100.0, "planned", 2021)]


def test_another_tier_after_a_new_count_is_new_too():
    text = "一、目标\n争创全国重点实验室1-2家,新建省级重点实验室5家、市级重点实验室20家,全年技术合同登记额达到300亿元。\n"
    found = [(t.value, t.upper, t.kind, t.key) for t in extract_targets(parse_plan(text, "t"))]
    assert found == [(1.0, 2.0, "level", "全国重点实验室"), (5.0, None, "increment", "省级重点实验室"),
                     (20.0, None, "increment", "市级重点实验室"), (3e10, None, "level", "tech-contract-turnover")]


def test_a_comparison_with_last_year_belongs_to_the_subject_and_investment_is_named():
    text = "一、目标\n赤字率拟按2.8%安排,比去年预算高0.2个百分点。铁路投资8000亿元、公路水运投资1.8万亿元。\n"
    found = [(t.indicator, t.value, t.kind) for t in extract_targets(parse_plan(text, "t"))]
    assert found == [("赤字率", 2.8, "level"), ("赤字率", 0.2, "points"), ("铁路投资", 8e11, "level"),
                     ("公路水运投资", 1.8e12, "level")]


def test_another_wording_of_the_budget_comparison_belongs_to_the_subject_too():
    text = "一、目标\n赤字率拟按3%左右安排,较上年年初预算低0.2个百分点。\n"
    found = [(t.indicator, t.value, t.kind) for t in extract_targets(parse_plan(text, "t"))]
    assert found == [("赤字率", 3.0, "level"), ("赤字率", 0.2, "points")]
