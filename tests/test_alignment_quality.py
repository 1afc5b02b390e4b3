"""A quality gate: alignment accuracy on hand-checked seed pairs must not drop below a pinned floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_plan

from plandiff.diff.sections import align_sections

GOLDEN = Path(__file__).parent / "golden"
# Floors pinned from the measured values (see bench/RESULTS.md); raise them when alignment improves.
FLOORS = {
    "qingdao-2018--wuhan-2014": {"precision": 1.0, "recall": 0.66},
    "changzhou-2018--binzhou-2023": {"precision": 0.70, "recall": 0.70},
}


def golden_pairs(name: str) -> set[tuple[str, str]]:
    lines = (GOLDEN / f"alignment-{name}.tsv").read_text(encoding="utf-8").splitlines()
    return {tuple(line.split("\t")[:2]) for line in lines if line and not line.startswith("#")}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_alignment_accuracy_floor(name):
    old, new = name.split("--")
    expected = golden_pairs(name)
    predicted = {
        (pair.old, pair.new) for pair in align_sections(seed_plan(old), seed_plan(new))
        if pair.old not in (None, "0") and pair.new is not None and pair.status in ("matched", "split", "merged")
    }
    annotated_old = {o for o, _ in expected}
    annotated_new = {n for _, n in expected}
    # Precision is judged on pairs that touch an annotated section; the rest are unjudged.
    judged = {(o, n) for o, n in predicted if o in annotated_old or n in annotated_new}
    precision = len(judged & expected) / len(judged) if judged else 1.0
    recall = len(predicted & expected) / len(expected)
    floor = FLOORS[name]
    assert precision >= floor["precision"], (precision, sorted(judged - expected))
    assert recall >= floor["recall"], (recall, sorted(expected - predicted))
