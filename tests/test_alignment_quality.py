"""Quality gates: section alignment on hand-checked pairs must not drop below pinned floors.

Gold and scoring live in tests/alignment_gold.py: sure pairs are required, possible pairs (rows starting
with ?) are not wrong when predicted. National year-to-year pairs and the hailar → national pair are
annotated for every level-1 and level-2 section, so every predicted pair is judged; the seed pairs (two
cities, different years) list the pairs an analyst would make, and precision is judged on predicted
pairs that touch an annotated section.
"""

from __future__ import annotations

import pytest
from alignment_gold import load_gold, predicted_pairs, score_alignment
from conftest import SEEDS, corpus_file, seed_plan

import plandiff
from plandiff.parse.pipeline import parse_plan

# Floors pinned from the measured values (see bench/RESULTS.md); raise them when alignment improves.
# The goal for the seed pairs is precision 0.95 and recall 0.90. The changzhou gold gained 2.1.2 ↔ 5.4
# on a second reading of both plans, so its recall is measured against ten sure pairs, not nine.
SEED_FLOORS = {
    "qingdao-2018--wuhan-2014": {"precision": 1.0, "recall": 0.90},
    "changzhou-2018--binzhou-2023": {"precision": 1.0, "recall": 0.90},
}
NATIONAL_F1 = 0.97
NATIONAL = ["national-gwr-2021--national-gwr-2022", "national-gwr-2022--national-gwr-2023"]
# A district's report against the State Council's: different issuer, level and year, same frame
# (review, targets, tasks). The goal is the seed goal, precision 0.95 and recall 0.90.
CROSS_LEVEL_FLOORS = {"hailar-gwr-2017--national-gwr-2022": {"precision": 1.0, "recall": 0.88}}
# Both plans pasted as one paragraph (bench_alignment.py --form one-paragraph, and spaced-paragraph). hailar's (一)…(七) end
# where their body opens (parse/runon.py), so the pasted pair reaches the text pair's 8/9; qingdao's
# paste keeps the site's footer in its last section (10.3), which costs 10 → 3.8 and 9.1 → 3.8.
PASTED_FLOORS = {
    "qingdao-2018--wuhan-2014": {"precision": 1.0, "recall": 0.90},  # 0.72 while the footer stayed
    "changzhou-2018--binzhou-2023": {"precision": 1.0, "recall": 0.90},
    "hailar-gwr-2017--national-gwr-2022": {"precision": 1.0, "recall": 0.88},
}


@pytest.mark.parametrize("name", sorted(SEED_FLOORS))
def test_seed_alignment_floor(name):
    old, new = name.split("--")
    score = score_alignment(load_gold(name), predicted_pairs(seed_plan(old), seed_plan(new)), fully_annotated=False)
    floor = SEED_FLOORS[name]
    assert score.precision >= floor["precision"], (score.precision, "wrong", score.wrong)
    assert score.recall >= floor["recall"], (score.recall, "missed", score.missed)


@pytest.mark.slow
@pytest.mark.parametrize("name", NATIONAL)
def test_national_alignment_f1(name):
    """Review parts pair with review parts and tasks with tasks, even when their headings share words."""
    old, new = (plandiff.load(str(corpus_file(f"{part}.txt"))) for part in name.split("--"))
    score = score_alignment(load_gold(name), predicted_pairs(old, new), fully_annotated=True)
    assert score.f1 >= NATIONAL_F1, (score.f1, "missed", score.missed, "wrong", score.wrong)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CROSS_LEVEL_FLOORS))
def test_cross_level_alignment_floor(name):
    """Topics pair across issuers: the district's 城市建设 with the nation's 新型城镇化, 民生 with 民生."""
    old, new = (plandiff.load(str(corpus_file(f"{part}.txt"))) for part in name.split("--"))
    score = score_alignment(load_gold(name), predicted_pairs(old, new), fully_annotated=True)
    floor = CROSS_LEVEL_FLOORS[name]
    assert score.precision >= floor["precision"], (score.precision, "wrong", score.wrong)
    assert score.recall >= floor["recall"], (score.recall, "missed", score.missed)


def _pasted(name: str, joiner: str):
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        path = corpus_file(f"{name}.txt")
    text = path.read_text(encoding="utf-8")
    return parse_plan(joiner.join(line.strip() for line in text.splitlines() if line.strip()), name)


@pytest.mark.slow
@pytest.mark.parametrize("joiner", ["", " "], ids=["line-breaks-lost", "line-breaks-as-spaces"])
@pytest.mark.parametrize("name", sorted(PASTED_FLOORS))
def test_pasted_alignment_floor(name, joiner):
    """A pasted pair aligns as its text pair does once its headings end where the text's do."""
    old, new = (_pasted(part, joiner) for part in name.split("--"))
    score = score_alignment(load_gold(name), predicted_pairs(old, new), fully_annotated=name in CROSS_LEVEL_FLOORS)
    floor = PASTED_FLOORS[name]
    assert score.precision >= floor["precision"], (score.precision, "wrong", score.wrong)
    assert score.recall >= floor["recall"], (score.recall, "missed", score.missed)
