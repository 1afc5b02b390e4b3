"""Fuzz the whole pipeline with hostile plan pairs (the generator of bench/fuzz.py, driven by hypothesis).

CI runs a fixed budget; `bench/fuzz.py --minutes 30` is the long run (README "Limits", bench/RESULTS.md).
"""

from __future__ import annotations

import os
import sys

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "bench"))
import fuzz  # noqa: E402

EXAMPLES = int(os.environ.get("PLANDIFF_FUZZ_EXAMPLES", "60"))


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.randoms(use_true_random=False))
def test_whole_pipeline_survives_hostile_pairs(rng):
    old, new = fuzz.pair(rng)
    fuzz.run_case(old, new)
