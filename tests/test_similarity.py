"""Sentence pairing: scipy's assignment solver loaded from its compiled module alone is scipy's own."""

from __future__ import annotations

import numpy as np
import pytest

from plandiff.engines.similarity import _linear_sum_assignment, assign


@pytest.mark.parametrize("shape", [(1, 1), (3, 7), (7, 3), (25, 40), (60, 45), (80, 80)])
def test_the_compiled_solver_loaded_alone_assigns_as_scipy_optimize_does(shape):
    from scipy.optimize import linear_sum_assignment

    generator = np.random.default_rng(sum(shape))
    for _ in range(5):
        scores = generator.random(shape)
        scores[generator.random(shape) < 0.3] = 0.0  # ties, as sentence scores below a threshold have
        for maximize in (True, False):
            rows, cols = _linear_sum_assignment()(scores, maximize=maximize)
            expected_rows, expected_cols = linear_sum_assignment(scores, maximize=maximize)
            assert rows.tolist() == expected_rows.tolist() and cols.tolist() == expected_cols.tolist()
        assert assign(scores, 0.5) == [(int(r), int(c)) for r, c in zip(*linear_sum_assignment(scores, maximize=True))
                                       if scores[r, c] >= 0.5]


def test_equal_scores_come_in_document_order_whichever_path_computes_them(monkeypatch):
    from conftest import corpus_file

    from plandiff.diff.terms import plan_terms
    from plandiff.engines import similarity
    from plandiff.parse.pipeline import parse_plan

    plans = [parse_plan(corpus_file(f"national-gwr-{year}.txt").read_text(encoding="utf-8"), slug=str(year))
             for year in (2022, 2023)]
    terms = [plan_terms(plan) for plan in plans]
    texts = [[s.text for section in plan.sections for s in section.sentences] for plan in plans]
    idf = similarity.idf_weights([doc for side in terms for doc in side.by_text.values()])
    old, new = ([similarity.tfidf_vectors([side.of(text)], idf)[0] for text in side_texts]
                for side, side_texts in zip(terms, texts))
    dense = similarity.cosine_candidates(old, new, 0.5)
    monkeypatch.setattr(similarity, "DENSE_CELLS", 0)
    sparse = similarity.cosine_candidates(old, new, 0.5)
    # The same sentence twice scores 1 with any partner up to rounding, which differs with the column a
    # product lands in: the tie goes to the earlier sentences, not to the rounding.
    address = [(i, j) for _, i, j in dense if texts[0][i] == texts[1][j] == "各位代表!"]
    assert len(address) > 2 and address == sorted(address)
    assert [(i, j) for _, i, j in dense] == [(i, j) for _, i, j in sparse]
