"""The hand-written gold target lists: four work reports and five seed city S&T plans, with their floors."""

from __future__ import annotations

import pytest
from conftest import SEEDS, corpus_file
from target_gold import (
    CITY_PLANS,
    GOLD_CHANGES,
    GOLD_DOCUMENTS,
    load_gold_changes,
    load_gold_targets,
    score_changes,
    score_targets,
)

import plandiff
from plandiff.diff.pipeline import compare
from plandiff.targets.extract import extract_targets

FLOOR = 0.95
# Pinned at what the rules reach (bench/RESULTS.md); changzhou-2018 keeps two extra rows (支持两个国家级高新区、
# 两个省级高新区对标找差: existing zones, read as a count).
PRECISION_FLOOR = {"changzhou-2018": 0.95}


def _plan(name: str):
    return plandiff.load(SEEDS / f"{name}.txt" if name in CITY_PLANS else corpus_file(f"{name}.txt"))


@pytest.mark.parametrize("name", GOLD_DOCUMENTS)
def test_gold_target_lists(name):
    plan = _plan(name)
    score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
    assert score.recall >= FLOOR, [m.quote for m in score.missed]
    assert score.precision >= PRECISION_FLOOR.get(name, FLOOR), [t.text for t in score.extra]
    assert score.kind_right >= FLOOR * score.matched
    assert score.horizon_right >= FLOOR * score.matched


def test_held_out_city_plans_together():
    """All five city plans at once, so a rule that helps one and hurts another shows in the total."""
    gold = found = matched = 0
    for name in CITY_PLANS:
        plan = _plan(name)
        score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
        gold, found, matched = gold + score.gold, found + score.found, matched + score.matched
    assert matched / found >= 0.98 and matched / gold >= 0.99, (gold, found, matched)


@pytest.mark.parametrize("pair", GOLD_CHANGES, ids="→".join)
def test_gold_target_changes(pair):
    """Every change an analyst reports, with its verdict; and no row the analyst would not report."""
    old, new = (_plan(name) for name in pair)
    score = score_changes(old, new, compare(old, new).targets, load_gold_changes(*pair))
    assert score.accuracy >= FLOOR, score.wrong
    assert len(score.extra) <= (1 - FLOOR) * score.gold, [c.indicator for c in score.extra]


def _one_paragraph(text: str) -> str:
    return "".join(line.strip() for line in text.splitlines())


@pytest.mark.parametrize("name", GOLD_DOCUMENTS)
def test_gold_targets_survive_a_one_paragraph_paste(name, tmp_path):
    """Pasted as one paragraph, headings run into their text: the review still reports, the plan still plans."""
    source = SEEDS / f"{name}.txt" if name in CITY_PLANS else corpus_file(f"{name}.txt")
    pasted = tmp_path / f"{name}.txt"
    pasted.write_text(_one_paragraph(source.read_text(encoding="utf-8")), encoding="utf-8")
    plan = plandiff.load(pasted)
    score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
    assert score.recall >= FLOOR, [m.quote for m in score.missed]
    assert score.precision >= PRECISION_FLOOR.get(name, FLOOR), [t.text for t in score.extra]
    assert score.horizon_right >= FLOOR * score.matched


@pytest.mark.slow
@pytest.mark.parametrize("name", GOLD_DOCUMENTS)
def test_gold_targets_in_traditional_characters_and_gb18030(name, tmp_path):
    import opencc

    source = SEEDS / f"{name}.txt" if name in CITY_PLANS else corpus_file(f"{name}.txt")
    text = source.read_text(encoding="utf-8")
    traditional, legacy = tmp_path / "traditional.txt", tmp_path / "gb18030.txt"
    traditional.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    legacy.write_bytes(text.encode("gb18030"))
    for path in (traditional, legacy):
        plan = plandiff.load(path)
        score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
        assert score.recall >= FLOOR and score.precision >= PRECISION_FLOOR.get(name, FLOOR), path.name
