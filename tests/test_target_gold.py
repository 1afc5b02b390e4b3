"""The hand-written gold target lists of four work reports: precision, recall, kind and horizon floors."""

from __future__ import annotations

import pytest
from conftest import corpus_file
from target_gold import GOLD_DOCUMENTS, load_gold_targets, score_targets

import plandiff
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
