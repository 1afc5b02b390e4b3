"""Quality gates: section alignment on hand-checked pairs must not drop below pinned floors.

National year-to-year pairs are annotated for every level-1 and level-2 section, so they are scored by
F1 over all predicted pairs; the seed pairs (two cities, different years) list the pairs an analyst would
make, and precision is judged on predicted pairs that touch an annotated section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import corpus_file, seed_plan

import plandiff
from plandiff.diff.sections import align_sections

GOLDEN = Path(__file__).parent / "golden"
# Floors pinned from the measured values (see bench/RESULTS.md); raise them when alignment improves.
# The goal for the seed pairs is precision 0.95 and recall 0.90; changzhou→binzhou is not there yet.
# The seed gold was re-checked by hand in issue 12 (four qingdao pairs added, one changzhou pair
# dropped), so these floors measure against a stricter gold than the ones before them: on it the
# earlier code scores qingdao P 1.00 / R 0.55 and changzhou P 0.75 / R 0.67.
SEED_FLOORS = {
    "qingdao-2018--wuhan-2014": {"precision": 1.0, "recall": 0.90},
    "changzhou-2018--binzhou-2023": {"precision": 0.87, "recall": 0.77},
}
NATIONAL_F1 = 0.97
NATIONAL = ["national-gwr-2021--national-gwr-2022", "national-gwr-2022--national-gwr-2023"]


def golden_pairs(name: str) -> set[tuple[str, str]]:
    lines = (GOLDEN / f"alignment-{name}.tsv").read_text(encoding="utf-8").splitlines()
    return {tuple(line.split("\t")[:2]) for line in lines if line and not line.startswith("#")}


def predicted_pairs(old, new) -> set[tuple[str, str]]:
    return {
        (pair.old, pair.new) for pair in align_sections(old, new)
        if pair.old not in (None, "0") and pair.new is not None and pair.status in ("matched", "split", "merged")
    }


@pytest.mark.parametrize("name", sorted(SEED_FLOORS))
def test_seed_alignment_floor(name):
    old, new = name.split("--")
    expected = golden_pairs(name)
    predicted = predicted_pairs(seed_plan(old), seed_plan(new))
    annotated_old = {o for o, _ in expected}
    annotated_new = {n for _, n in expected}
    # Precision is judged on pairs that touch an annotated section; the rest are unjudged.
    judged = {(o, n) for o, n in predicted if o in annotated_old or n in annotated_new}
    precision = len(judged & expected) / len(judged) if judged else 1.0
    recall = len(predicted & expected) / len(expected)
    floor = SEED_FLOORS[name]
    assert precision >= floor["precision"], (precision, sorted(judged - expected))
    assert recall >= floor["recall"], (recall, sorted(expected - predicted))


@pytest.mark.slow
@pytest.mark.parametrize("name", NATIONAL)
def test_national_alignment_f1(name):
    """Review parts pair with review parts and tasks with tasks, even when their headings share words."""
    old, new = (plandiff.load(str(corpus_file(f"{part}.txt"))) for part in name.split("--"))
    expected = golden_pairs(name)
    predicted = predicted_pairs(old, new)
    precision = len(predicted & expected) / len(predicted)
    recall = len(predicted & expected) / len(expected)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= NATIONAL_F1, (f1, "missed", sorted(expected - predicted), "wrong", sorted(predicted - expected))
