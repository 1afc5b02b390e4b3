"""A series' whole story in one value: editions, target history, vocabulary shift and age profile. Pure."""

from __future__ import annotations

from typing import Callable

from ..diff.pipeline import compare as compare_plans
from ..model import Comparison, Plan, Series, SeriesReport
from .blame import blame
from .history import build_history
from .terms import term_shifts

TERMS_PER_EDITION = 50  # the page shows the most salient; the full lists come from `plandiff terms`


def series_report(series: Series, compare: Callable[[Plan, Plan], Comparison] = compare_plans) -> SeriesReport:
    """Everything the series page shows; `compare` may be a caching wrapper of the pure compare."""
    return SeriesReport(
        series,
        build_history(series.name, list(series.editions)),
        term_shifts(series.name, series.editions, top=TERMS_PER_EDITION),
        blame(series.editions, compare),
    )
