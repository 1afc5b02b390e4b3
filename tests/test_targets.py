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
    expected = (GOLDEN / f"targets-{slug}.tsv").read_text(encoding="utf-8")
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
        (GOLDEN / f"targets-{slug}.tsv").write_text(as_rows(targets_of(slug)), encoding="utf-8")


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
    deficit = changes["赤字率"]
    assert deficit.status == "raised" and deficit.new.text == "赤字率拟按3%"
    assert changes["cpi"].status == "same"
