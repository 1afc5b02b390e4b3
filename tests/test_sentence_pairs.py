"""Sentence pairing on substance: frame-only pairs are not edits, boilerplate never moves, and a gate on
100 hand-checked changed pairs from the corpus comparisons."""

from __future__ import annotations

from pathlib import Path

import pytest

import plandiff
from plandiff.diff.pipeline import compare
from plandiff.diff.sentences import SentenceScorer
from plandiff.diff.terms import plan_terms
from plandiff.model import Sentence
from tests.conftest import corpus_file

GOLD = Path(__file__).parent / "golden" / "sentence-pairs.tsv"
EDIT_SHARE_FLOOR = 0.95  # of the hand-checked pairs the pipeline still reports, at least this many are edits
STILL_REPORTED_FLOOR = 90  # of the 100: fewer means the sample no longer describes the pairing; redo it


def _sentence(text: str) -> Sentence:
    return Sentence(text, 0, len(text))


def test_frame_only_pairs_score_low_and_real_edits_high():
    plan = plandiff.load(str(corpus_file("national-gwr-2022.txt")))
    terms = plan_terms(plan)
    scorer = SentenceScorer(terms, terms)
    frame = ["加强廉洁政府建设。", "提升残疾预防和康复服务水平。"]
    other = ["加强国家科普能力建设。", "提升青少年健康水平。"]
    edits = ["城镇新增就业1100万人以上。", "深化供销社、集体林权、国有林区林场、农垦等改革。"]
    edited = ["城镇新增就业1200万人左右。", "深化供销社、集体产权、集体林权、国有林区林场、农垦等改革。"]
    scores = scorer.matrix([_sentence(t) for t in frame + edits], [_sentence(t) for t in other + edited])
    assert scores[0, 0] < 0.5 and scores[1, 1] < 0.5
    assert scores[2, 2] >= 0.5 and scores[3, 3] >= 0.5


def test_a_congress_session_or_ordinal_that_moves_on_is_an_edit():
    # Every work report's subtitle names its congress session; the next year's is the same line edited.
    comparison = _comparison("national-gwr-2022--national-gwr-2023")
    (subtitle,) = [c for row in comparison.sections for c in row.sentences if c.new and "会议上" in c.new.text]
    assert subtitle.status == "changed" and "第十三届" in subtitle.old.text and "第十四届" in subtitle.new.text
    terms = plan_terms(plandiff.load(str(corpus_file("national-gwr-2023.txt"))))
    found = terms.of("党的二十大胜利召开,第十四届全国人民代表大会第一次会议上")
    assert "全国人民代表大会" in found and not {"二十大", "第十四届", "十四", "第一次"} & set(found)


def _comparison(name: str):
    old, new = name.split("--")
    load = lambda part: plandiff.load(str(corpus_file(f"{part}.txt")) if part.startswith(("national", "hailar"))
                                      else part)
    return compare(load(old), load(new))


def test_a_sentence_is_in_one_pair_and_salutations_never_move():
    comparison = _comparison("national-gwr-2022--national-gwr-2023")
    seen_old: dict[tuple[int, int], int] = {}
    for row in comparison.sections:
        for change in row.sentences:
            if change.old and change.new and not (change.status == "moved" and not change.arrived):
                key = (change.old.start, change.old.end)
                seen_old[key] = seen_old.get(key, 0) + 1
            if change.status == "moved":
                assert "各位代表" not in change.new.text
    assert max(seen_old.values()) == 1


@pytest.mark.slow
def test_hand_checked_changed_pairs_are_edits():
    gold: dict[str, dict[tuple[str, str], str]] = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, verdict, old, new = line.split("\t")[:4]
            gold.setdefault(name, {})[(old, new)] = verdict
    reported = []
    for name, pairs in gold.items():
        found = {(c.old.text, c.new.text) for row in _comparison(name).sections for c in row.sentences
                 if c.status in ("changed", "moved") and c.old and c.new}
        reported += [verdict for pair, verdict in pairs.items() if pair in found]
    assert len(reported) >= STILL_REPORTED_FLOOR, len(reported)
    assert reported.count("edit") / len(reported) >= EDIT_SHARE_FLOOR
