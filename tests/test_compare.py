"""Section alignment and sentence diff on the seeds and on real edits of them."""

from __future__ import annotations

import pytest
from conftest import SEEDS, corpus_file, seed_plan

from plandiff.diff.pipeline import compare
from plandiff.parse.pipeline import parse_plan


def pair_of(comparison, old_heading, new_heading=None):
    for row in comparison.sections:
        if row.old and row.old.heading.startswith(old_heading) and (
            new_heading is None or (row.new and row.new.heading.startswith(new_heading))
        ):
            return row
    raise AssertionError(f"no row for {old_heading} ↔ {new_heading}")


@pytest.fixture(scope="module")
def qingdao_wuhan():
    return compare(seed_plan("qingdao-2018"), seed_plan("wuhan-2014"))


def test_cross_level_pair(qingdao_wuhan):
    row = pair_of(qingdao_wuhan, "加快推动科技成果转化", "着力促进科技成果转化")
    assert (row.old.level, row.new.level) == (1, 2)
    assert row.status == "matched" and row.score > 0.2


def test_required_seed_pairs(qingdao_wuhan):
    assert pair_of(qingdao_wuhan, "增强科技金融服务", "着力推进科技金融结合").status == "matched"
    changzhou_qingdao = compare(seed_plan("changzhou-2018"), seed_plan("qingdao-2018"))
    assert pair_of(changzhou_qingdao, "建设知识产权强市", "完善知识产权服务").status == "matched"
    binzhou_qingdao = compare(seed_plan("binzhou-2023"), seed_plan("qingdao-2018"))
    assert pair_of(binzhou_qingdao, "创新科技金融模式", "增强科技金融服务").status == "matched"


def test_match_explains_itself(qingdao_wuhan):
    row = pair_of(qingdao_wuhan, "增强科技金融服务")
    assert 0 < row.heading_score <= 1 and 0 < row.body_score <= 1


@pytest.mark.parametrize("slug", ["qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023"])
def test_a_plan_compared_with_itself_has_no_differences(slug):
    plan = seed_plan(slug)
    comparison = compare(plan, plan)
    assert not comparison.differs
    assert comparison.summary.sentences["same"] == sum(
        len(s.sentences) for s in comparison.sections
    )
    assert all(row.status == "matched" for row in comparison.sections)


def _blocks(text: str, marker_lines: list[str]) -> list[str]:
    """Split text at lines that start with the given markers."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith(tuple(marker_lines))]
    return ["".join(lines[a:b]) for a, b in zip([0] + starts, starts + [len(lines)])]


def test_reordered_sections_are_moved_not_changed():
    text = (SEEDS / "changzhou-2018.txt").read_text(encoding="utf-8")
    footer = text.index("扫一扫")
    head, first, second, third = _blocks(text[:footer].rstrip() + "\n", ["(一)", "(二)", "(三)"])
    # The third measure moves to the front; each keeps its own words (the markers move with the text).
    reordered = (head + third.replace("(三)", "(一)", 1) + first.replace("(一)", "(二)", 1)
                 + second.replace("(二)", "(三)", 1) + text[footer:])
    comparison = compare(parse_plan(text, "before"), parse_plan(reordered, "after"))
    row = pair_of(comparison, "围绕创新服务", "围绕创新服务")
    assert row.status == "matched" and row.renumbered and not row.heading_changed
    assert any(r.moved for r in comparison.sections)
    assert comparison.summary.sentences["changed"] == 0
    assert comparison.summary.sentences["added"] == comparison.summary.sentences["removed"] == 0


def test_renumbered_heading_is_not_a_content_change():
    text = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    blocks = _blocks(text, ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)"])
    numerals = "一二三四五六七八"
    # Drop (二) and renumber the rest, as a plan does when a priority is retired.
    kept = [blocks[0], blocks[1]] + [
        block.replace(f"({numerals[i + 2]})", f"({numerals[i + 1]})", 1) for i, block in enumerate(blocks[3:])
    ]
    comparison = compare(parse_plan(text, "old"), parse_plan("".join(kept), "new"))
    row = pair_of(comparison, "着力促进科技成果转化")
    assert (row.old.marker, row.new.marker) == ("(三)", "(二)")
    assert row.renumbered and not row.heading_changed and row.count("same") == len(row.sentences)
    removed = [r for r in comparison.sections if r.status == "removed"]
    assert [r.old.heading for r in removed] == ["着力促进高新技术产业发展,推动自主创新能力提升"]


def test_split_and_merge():
    text = (SEEDS / "qingdao-2018.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("14.完善知识产权服务"))
    item = lines[index]
    cut = item.index("三是")
    # 14. is split in two: its first two points stay, the rest becomes a new item 15 (later ones renumber).
    renumbered = []
    for line in lines[index + 1:]:
        head = line.split(".", 1)[0]
        renumbered.append(f"{int(head) + 1}.{line.split('.', 1)[1]}" if head.isdigit() else line)
    split_text = "\n".join(lines[:index] + [item[:cut], "", "15.加强知识产权运营。" + item[cut:]] + renumbered)
    before, after = parse_plan(text, "before"), parse_plan(split_text, "after")
    split = [row for row in compare(before, after).sections if row.status == "split"]
    assert {row.old.heading for row in split} == {"完善知识产权服务"}
    assert {row.new.heading for row in split} == {"完善知识产权服务", "加强知识产权运营"}
    merged = [row for row in compare(after, before).sections if row.status == "merged"]
    assert {row.new.heading for row in merged} == {"完善知识产权服务"}
    assert {row.old.heading for row in merged} == {"完善知识产权服务", "加强知识产权运营"}


def test_changed_sentence_has_word_level_diff_with_whole_numbers():
    text = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    edited = text.replace("确保研发投入强度达到3.55%", "确保研发投入强度达到3.80%")
    comparison = compare(parse_plan(text, "a"), parse_plan(edited, "b"))
    changed = [s for row in comparison.sections for s in row.sentences if s.status == "changed"]
    assert len(changed) == 1
    assert [(op, t) for op, t in changed[0].diff if op] == [(-1, "3.55%"), (1, "3.80%")]


def test_sentence_moved_to_another_section():
    text = (SEEDS / "wuhan-2014.txt").read_text(encoding="utf-8")
    sentence = "加强市区交流与互动,建立市区联席会议制度,定期研究各区在科技创新发展中存在的共性问题。"
    assert sentence in text
    moved = text.replace(sentence, "").replace("三是进一步加强系统能力建设。", "三是进一步加强系统能力建设。" + sentence)
    comparison = compare(parse_plan(text, "a"), parse_plan(moved, "b"))
    moves = [s for row in comparison.sections for s in row.sentences if s.status == "moved"]
    assert len(moves) == 2 and {m.arrived for m in moves} == {True, False}
    assert comparison.summary.sentences["moved"] == 1
    assert comparison.summary.sentences["added"] == comparison.summary.sentences["removed"] == 0


def test_year_rollover_is_routine():
    text = (SEEDS / "binzhou-2023.txt").read_text(encoding="utf-8")
    rolled = text.replace("2023年全市科技工作要点", "2024年全市科技工作要点").replace(
        "2023年,新增高新技术企业", "2024年,新增高新技术企业"
    )
    comparison = compare(parse_plan(text, "a"), parse_plan(rolled, "b"))
    assert comparison.new.metadata.year == 2024
    routine = [s for row in comparison.sections for s in row.sentences if s.routine]
    assert len(routine) == 1 and routine[0].new.text.startswith("2024年,新增高新技术企业")


@pytest.mark.slow
def test_a_report_pasted_as_one_paragraph_compares_as_nearly_the_same():
    """Lines lost: headings run into their first sentence, 一是 items into their paragraph, the
    preamble's lines into one. Only the preamble's lines may still read as removed."""
    text = corpus_file("national-gwr-2022.txt").read_text(encoding="utf-8")
    pasted = "".join(line.strip() for line in text.splitlines())
    comparison = compare(parse_plan(text, "lines"), parse_plan(pasted, "pasted"))
    counts = comparison.summary.sentences
    assert comparison.summary.sections.matched == 12 and comparison.summary.sections.moved == 0
    assert (counts.moved, counts.added, counts.changed) == (0, 0, 1) and counts.removed <= 3
    assert counts.same >= 518
