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
