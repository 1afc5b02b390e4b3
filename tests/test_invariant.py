"""The invariant: every sentence of both plans is accounted for exactly once, and only sameness exits 0.

Old side: same, changed, moved or removed. New side: same, changed, moved or added. A moved sentence is
listed in the row it left (counted on the old side) and the row it reached (counted on the new side).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest
from conftest import CORPUS, SEED_SLUGS, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.diff.pipeline import compare, heading_sentence, run_on
from plandiff.diff.sections import alignable
from plandiff.diff.sentences import BOILERPLATE_LENGTH
from plandiff.model import Comparison, Plan
from plandiff.parse.pipeline import parse_plan
from plandiff.parse.text import fold, sentence_spans, squeeze
from plandiff.render.json import comparison_to_dict

OLD_SIDE = {"same", "changed", "moved", "removed"}
NEW_SIDE = {"same", "changed", "moved", "added"}
TEXTS = {path.stem: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
TEXTS.update({path.stem: path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*-gwr-*.txt"))})
_TOP = re.compile(r"^([一二三四五六七八九十]{1,3})、", re.M)


def units(plan: Plan) -> Counter:
    """What a comparison must account for: every sentence, and the heading of each 一是 item under a section."""
    alignable_ids = {s.id for s in alignable(plan)}
    found = Counter(squeeze(s.text) for section in plan.sections for s in section.sentences)
    found.update(squeeze(heading_sentence(plan, s).text) for s in plan.sections
                 if s.level > 0 and s.id not in alignable_ids)
    return found


def run_ons(comparison: Comparison) -> tuple[Counter, Counter]:
    """Heading text past the partner's whole heading (a run-in heading of a pasted plan): listed as a sentence."""
    old, new = Counter(), Counter()
    for row in comparison.sections:
        if row.status == "matched":
            old.update(squeeze(s.text) for s in run_on(comparison.old, row.old, row.new.heading))
            new.update(squeeze(s.text) for s in run_on(comparison.new, row.new, row.old.heading))
    return old, new


def accounted(comparison: Comparison) -> tuple[Counter, Counter]:
    """The sentences the comparison lists on each side, a moved sentence once per side."""
    old, new = Counter(), Counter()
    for row in comparison.sections:
        for change in row.sentences:
            moved = change.status == "moved"
            if change.old is not None and not (moved and change.arrived):
                assert change.status in OLD_SIDE
                old[squeeze(change.old.text)] += 1
            if change.new is not None and not (moved and not change.arrived):
                assert change.status in NEW_SIDE
                new[squeeze(change.new.text)] += 1
    return old, new


def signature(plan: Plan) -> tuple:
    """The outline and its sentences; short boilerplate (各位代表！) counts wherever it stands, as
    find_moves treats it: met again word for word it is the same sentence, not a move."""
    texts = [[squeeze(x.text) for x in s.sentences] for s in plan.sections]
    outline = tuple((s.marker, s.heading, tuple(t for t in ts if len(t) > BOILERPLATE_LENGTH))
                    for s, ts in zip(plan.sections, texts))
    return outline, tuple(sorted(t for ts in texts for t in ts if len(t) <= BOILERPLATE_LENGTH))


def check_invariant(old: Plan, new: Plan) -> Comparison:
    comparison = compare(old, new)
    old_seen, new_seen = accounted(comparison)
    old_run_on, new_run_on = run_ons(comparison)
    old_seen, new_seen = old_seen - old_run_on, new_seen - new_run_on
    assert old_seen == units(old), "old side: " + repr((units(old) - old_seen, old_seen - units(old)))
    assert new_seen == units(new), "new side: " + repr((units(new) - new_seen, new_seen - units(new)))
    for plan, side in ((old, "old"), (new, "new")):
        in_rows = {getattr(row, side).id for row in comparison.sections if getattr(row, side) is not None}
        assert {s.id for s in alignable(plan)} <= in_rows
    if signature(old) != signature(new):
        assert comparison.differs
    _check_json_rebuilds(comparison)
    return comparison


def _check_json_rebuilds(comparison: Comparison) -> None:
    """The JSON alone rebuilds both sentence sequences, and for changed sentences both texts."""
    data = comparison_to_dict(comparison)
    sides: dict[str, dict] = {"old": {}, "new": {}}
    for row in data["sections"]:
        for change in row["sentences"]:
            for side in ("old", "new"):
                if change[side] is not None:
                    sides[side][tuple(change[side + "_span"])] = change[side]
            if change["status"] == "changed":
                assert "".join(t for op, t in change["diff"] if op <= 0) == change["old"]
                assert "".join(t for op, t in change["diff"] if op >= 0) == change["new"]
    for (side, plan), lent in zip((("old", comparison.old), ("new", comparison.new)), run_ons(comparison)):
        rebuilt = [text for _, text in sorted(sides[side].items())]
        assert Counter(squeeze(fold(text)) for text in rebuilt) - lent == units(plan)


@pytest.mark.slow
def test_identical_texts_are_the_same_and_every_sentence_is_listed():
    for name, text in TEXTS.items():
        comparison = check_invariant(parse_plan(text, "a"), parse_plan(text, "b"))
        assert not comparison.differs, name


@pytest.mark.slow
@pytest.mark.parametrize("pair", list(combinations(sorted(TEXTS), 2)), ids="--".join)
def test_every_pair_accounts_for_every_sentence(pair):
    old, new = (parse_plan(TEXTS[name], name) for name in pair)
    check_invariant(old, new)


@pytest.mark.slow
def test_split_sections_list_each_sentence_once():
    """National 2022 → 2023 splits sections; each sentence used to be listed as removed in both rows."""
    if "national-gwr-2022" not in TEXTS:
        pytest.skip("the shared corpus is not here")
    comparison = check_invariant(parse_plan(TEXTS["national-gwr-2022"]), parse_plan(TEXTS["national-gwr-2023"]))
    assert comparison.summary.sentences.removed < sum(units(comparison.old).values())


def test_a_plan_whose_top_level_is_shi_items_loses_nothing():
    body = "一是稳定经济增长。全年增长5%。\n二是扩大就业。新增就业100万人。\n三是改善民生。提高养老金。\n"
    edited = body.replace("新增就业100万人", "新增就业120万人")
    old, new = parse_plan(body), parse_plan(edited)
    assert [s.marker for s in alignable(old)] == ["一是", "二是", "三是"]
    comparison = check_invariant(old, new)
    assert comparison.differs
    assert comparison.summary.sentences.changed == 1
    assert not compare(old, old).differs


# ----------------------------------------------------------------------------------------- generated edits


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _sentences_of(line: str) -> list[tuple[int, int]]:
    return sentence_spans(line)


filler = st.text(alphabet=st.sampled_from(list("科技创新企业发展推进建设2.8%亿元家,一是")), min_size=1, max_size=12)


@st.composite
def edit(draw, text: str) -> str:
    """One edit a drafter makes: insert, delete, reword or move a sentence; move a section; renumber."""
    lines = _lines(text)
    kind = draw(st.sampled_from(["insert", "delete", "reword", "move", "section", "renumber", "family"]))
    full = [i for i, line in enumerate(lines) if _sentences_of(line)]
    index = draw(st.sampled_from(full))
    spans = _sentences_of(lines[index])
    a, b = draw(st.sampled_from(spans))
    line = lines[index]
    if kind == "insert":
        other = draw(st.sampled_from(sorted(TEXTS)))
        donor = [line for line in _lines(TEXTS[other]) if len(line) > 20]
        donor_line = draw(st.sampled_from(donor))
        x, y = draw(st.sampled_from(_sentences_of(donor_line)))
        lines[index] = line[:b] + donor_line[x:y] + line[b:]
    elif kind == "delete":
        lines[index] = line[:a] + line[b:]
    elif kind == "reword":
        x = draw(st.integers(a, b - 1))
        y = draw(st.integers(x, b))
        lines[index] = line[:x] + draw(filler) + line[y:]
    elif kind == "move":
        lines[index] = line[:a] + line[b:]
        target = draw(st.sampled_from(full))
        lines[target] = lines[target] + line[a:b]
    elif kind == "section":
        tops = [i for i, line in enumerate(lines) if _TOP.match(line)]
        if len(tops) >= 3:
            k = draw(st.integers(0, len(tops) - 2))
            block = lines[tops[k]:tops[k + 1]]
            del lines[tops[k]:tops[k + 1]]
            rest = [i for i, line in enumerate(lines) if _TOP.match(line)]
            at = draw(st.sampled_from(rest + [len(lines)]))
            lines[at:at] = block
    elif kind == "renumber":
        tops = [i for i, line in enumerate(lines) if _TOP.match(line)]
        if tops:
            i = draw(st.sampled_from(tops))
            lines[i] = _TOP.sub(lambda m: draw(st.sampled_from(["一", "二", "三", "四", "五", "九"])) + "、", lines[i])
    else:
        # Change the top marker family: 一、 becomes 一是 (a plan with no 一、 level) or a numbered 1.
        family = draw(st.sampled_from(["shi", "arabic"]))
        counter = iter(range(1, 1000))

        def swap(match: re.Match) -> str:
            n = next(counter)
            return f"{match.group(1)}是" if family == "shi" else f"{n}."

        lines = _lines(_TOP.sub(swap, "\n".join(lines)))
    return "\n".join(lines)


@st.composite
def edited_plan(draw, names: list[str], max_edits: int):
    name = draw(st.sampled_from(names))
    text = TEXTS[name]
    for _ in range(draw(st.integers(1, max_edits))):
        text = draw(edit(text))
    return name, text


def _check_edit(case):
    name, text = case
    check_invariant(parse_plan(TEXTS[name], "old"), parse_plan(text, "new"))


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(edited_plan(SEED_SLUGS, 3))
def test_generated_edits_keep_the_invariant(case):
    _check_edit(case)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(edited_plan(sorted(TEXTS), 6))
def test_many_generated_edits_keep_the_invariant(case):
    _check_edit(case)


def test_a_real_plan_cut_to_its_shi_items_keeps_every_section():
    """Shinan 2021's 一是/二是/三是 items under one heading, given with no heading above them."""
    lines = TEXTS["qingdao-shinan-2021"].split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一是"))
    end = next(i for i, line in enumerate(lines) if i > start + 1 and line.startswith("一是"))
    items = "\n".join(line for line in lines[start:end] if line.strip()) + "\n"
    plan = parse_plan(items)
    assert [s.marker for s in alignable(plan)] == ["一是", "二是", "三是"]
    victim = plan.sections[2].sentences[1].text
    edited = parse_plan(items.replace(victim, victim[: len(victim) // 2] + "新增企业50家。"))
    comparison = check_invariant(plan, edited)
    assert comparison.differs and comparison.summary.sentences.changed + comparison.summary.sentences.added >= 1
    assert not check_invariant(plan, parse_plan(items)).differs
