"""The hand-written gold target lists of four work reports: precision, recall, kind and horizon floors."""

from __future__ import annotations

import pytest
from conftest import corpus_file
from target_gold import (
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


@pytest.mark.parametrize("name", GOLD_DOCUMENTS)
def test_gold_target_lists(name):
    plan = plandiff.load(corpus_file(f"{name}.txt"))
    score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
    assert score.recall >= FLOOR, [m.quote for m in score.missed]
    assert score.precision >= FLOOR, [t.text for t in score.extra]
    assert score.kind_right >= FLOOR * score.matched
    assert score.horizon_right >= FLOOR * score.matched


@pytest.mark.parametrize("pair", GOLD_CHANGES, ids="→".join)
def test_gold_target_changes(pair):
    """Every change an analyst reports, with its verdict; and no row the analyst would not report."""
    old, new = (plandiff.load(corpus_file(f"{name}.txt")) for name in pair)
    score = score_changes(old, new, compare(old, new).targets, load_gold_changes(*pair))
    assert score.accuracy >= FLOOR, score.wrong
    assert len(score.extra) <= (1 - FLOOR) * score.gold, [c.indicator for c in score.extra]
