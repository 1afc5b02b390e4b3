"""Section alignment across places (two cities' plans): items, list lines and topics worded anew."""

from __future__ import annotations

import pytest
from conftest import corpus_file, seed_plan

import plandiff
from plandiff.diff.sections import align_sections


def _rows(old_slug: str, new_slug: str):
    old, new = seed_plan(old_slug), seed_plan(new_slug)
    return old, new, align_sections(old, new)


def _is_list_line(plan, section_id: str) -> bool:
    section = plan.section(section_id)
    return not section.sentences and not plan.children(section_id)


def test_a_section_that_became_one_item_is_merged_into_its_section():
    # qingdao's 三、 (高企 and 千帆 enterprise cultivation) is wuhan's （二）'s first item, 培育壮大高新技术企业;
    # its other items are 二、's industries, so both qingdao parts merged into （二）.
    _, _, rows = _rows("qingdao-2018", "wuhan-2014")
    into = {row.old: row.status for row in rows if row.new == "3.2"}
    assert into == {"2": "merged", "3": "merged"}


def test_a_subsection_follows_its_item_when_its_parent_went_elsewhere():
    # qingdao 九、 (体制改革) pairs with wuhan （一）, but its 27. 推进科技计划管理改革 is wuhan （八）'s first item
    # 深化科技计划管理改革: it is merged into （八）, not left as removed.
    _, _, rows = _rows("qingdao-2018", "wuhan-2014")
    assert ("9", "3.1") in {(row.old, row.new) for row in rows}
    assert {row.status for row in rows if (row.old, row.new) == ("9.1", "3.8")} == {"merged"}


def test_items_of_one_section_split_into_the_sections_that_took_them():
    # wuhan （二）'s items (高企, 关键技术攻关, 产业集聚) went to three binzhou sections; binzhou's part 三、 holds
    # one of them, （二）强化关键核心技术攻关, so the part itself is not paired.
    _, _, rows = _rows("wuhan-2014", "binzhou-2023")
    split = {row.new for row in rows if row.old == "3.2" and row.status == "split"}
    assert {"3.2", "4.1"} <= split and "3" not in split


@pytest.mark.parametrize("pair", [("changzhou-2018", "binzhou-2023"), ("changzhou-2018", "qingdao-2018"),
                                  ("changzhou-2018", "wuhan-2014")])
def test_a_list_line_pairs_only_with_a_list_line(pair):
    # changzhou's 主要目标 lines are heading-only targets: 新增众创空间、孵化器… recurs in binzhou's 孵化载体
    # section, which says where a figure went (the targets view), not that the line became a section.
    old, new, rows = _rows(*pair)
    for row in rows:
        if row.old not in (None, "0") and row.new not in (None, "0"):
            assert _is_list_line(old, row.old) == _is_list_line(new, row.new), row


def test_list_lines_of_two_target_lists_still_pair():
    old, new, rows = _rows("changzhou-2018", "wuhan-2014")
    pairs = {(row.old, row.new) for row in rows if row.status == "matched"}
    assert ("1.1", "2.3") in pairs  # 全社会研发经费占地区生产总值比重 ↔ 全社会研发费用占全市地区生产总值的比重


def test_shared_heading_words_do_not_carry_a_pair_the_bodies_deny():
    # changzhou 2.培育科技型上市企业 shares 培育, 科技型, 企业 with binzhou （一）打造高能级科技型企业培育体系, but its
    # body is about listing and 苏科贷; binzhou （一）'s body is the 高新技术企业 ladder, which is changzhou's
    # 3.培育高新技术企业. Heading words count only as far as the bodies bear them out.
    _, _, rows = _rows("changzhou-2018", "binzhou-2023")
    paired = {(row.old, row.new) for row in rows if row.status in ("matched", "split", "merged")}
    assert ("2.1.3", "4.1") in paired
    assert ("2.1.2", "4.1") not in paired
    why = next(row for row in rows if (row.old, row.new) == ("2.1.3", "4.1"))
    assert why.heading_score <= 2.4 * why.body_score + 1e-9


@pytest.mark.slow
def test_a_section_closer_to_a_paired_section_than_its_partner_is_merged_into_it():
    # hailar's 2017 tasks (五)民生 and (六)社会治理 are both national 2022 (九)切实保障和改善民生，加强和创新社会治理:
    # (六) wins the one-to-one pairing on heading words, and (五), whose body is closer to (九) than (六)'s is,
    # is merged into it rather than left as removed.
    old = plandiff.load(str(corpus_file("hailar-gwr-2017.txt")))
    new = plandiff.load(str(corpus_file("national-gwr-2022.txt")))
    into = {row.old: row.status for row in align_sections(old, new) if row.new == "3.9"}
    assert into == {"2.5": "merged", "2.6": "merged"}


def test_a_review_is_not_split_from_a_task_part_on_relative_closeness():
    # wuhan-2014 has no review; its 三、重点工作 pairs with shinan-2021's 二、(tasks). shinan's 一、2020年工作总结 is
    # a review: however close its words, it did not come out of wuhan's task part.
    _, _, rows = _rows("wuhan-2014", "qingdao-shinan-2021")
    assert {row.status for row in rows if (row.old, row.new) == ("3", "1")} == set()
    assert ("3", "2") in {(row.old, row.new) for row in rows if row.status == "matched"}


def test_leftovers_whose_headings_name_the_same_topic_pair():
    # changzhou 2.引进培育一批高端人才 and binzhou （一）加速集聚战略科技人才 share one heading noun, 人才, which both
    # texts use far more densely than their plans do; their bodies are each other's closest among sections
    # that name it (binzhou （二）提升人才平台服务水平 names it too, but its body is about 院士工作站). Nothing
    # else explains either section, so they pair. wuhan's 科技金融 part and binzhou's 创新科技金融模式 likewise.
    _, _, rows = _rows("changzhou-2018", "binzhou-2023")
    assert {row.status for row in rows if (row.old, row.new) == ("2.2.2", "5.1")} == {"matched"}
    assert not [row for row in rows if row.new == "5.2" and row.old is not None]
    _, _, rows = _rows("wuhan-2014", "binzhou-2023")
    assert {row.status for row in rows if (row.old, row.new) == ("3.5", "5.4")} == {"matched"}


def test_a_frame_word_in_both_headings_is_no_topic():
    # 科技 is in most of changzhou's headings and spread over its whole text: a frame word, no topic, so it can
    # pair nothing on this rule. 人才 and 上市 are where the text bears them out.
    from plandiff.diff.sections import _Side, alignable
    from plandiff.diff.terms import plan_terms
    from plandiff.diff.topics import topic_words

    plan = seed_plan("changzhou-2018")
    terms = plan_terms(plan)
    side = _Side.of(plan, alignable(plan))
    topics = dict(zip((s.id for s in side.sections), topic_words(plan, side, terms)))
    assert "人才" in topics["2.2.2"]
    assert "上市" in topics["2.1.2"]
    assert not any("科技" in words for words in topics.values())
    assert not topics["1.6"]  # a list line has no text to bear a topic out


@pytest.mark.slow
def test_a_heading_with_two_topics_splits_where_the_second_one_went():
    # hailar (四)全面深化改革开放 pairs with national 2022 (三)坚定不移深化改革 on 改革; its other topic, 开放 (向北开放,
    # 口岸), is national （七）扩大高水平对外开放's. 开放 is in no other task heading of either report and both
    # texts bear it out, so (七) is split from (四) rather than left as added.
    old = plandiff.load(str(corpus_file("hailar-gwr-2017.txt")))
    new = plandiff.load(str(corpus_file("national-gwr-2022.txt")))
    split = {row.new: row.status for row in align_sections(old, new) if row.old == "2.4"}
    assert split == {"3.3": "split", "3.7": "split"}


def test_a_topic_that_other_headings_of_the_role_share_is_not_distinctive():
    # binzhou （一）加速集聚战略科技人才 and （二）提升人才平台服务水平 both name 人才: a topic of each, distinctive of neither.
    from plandiff.diff.sections import _Side, alignable
    from plandiff.diff.terms import plan_terms
    from plandiff.diff.topics import distinctive_topics, topic_words

    plan = seed_plan("binzhou-2023")
    terms = plan_terms(plan)
    side = _Side.of(plan, alignable(plan))
    topics = topic_words(plan, side, terms)
    distinct = dict(zip((s.id for s in side.sections), distinctive_topics(side, topics)))
    named = dict(zip((s.id for s in side.sections), topics))
    assert "人才" in named["5.1"] and "人才" not in distinct["5.1"]
    assert "金融" in distinct["5.4"]  # 创新科技金融模式: no other heading names 金融
