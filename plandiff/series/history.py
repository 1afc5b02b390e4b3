"""Revision logs and a series' target history: pure functions over plans the store gave back."""

from __future__ import annotations

from typing import Callable

from ..diff.pipeline import compare as compare_plans
from ..model import (
    Comparison,
    History,
    HistoryCell,
    HistoryRow,
    LogEntry,
    Plan,
    Revision,
    TargetChange,
)
from ..targets.extract import extract_targets
from ..targets.match import match_targets, primary_targets


def log_entries(revisions: list[Revision], plans: list[Plan],
                compare: Callable[[Plan, Plan], Comparison] = compare_plans) -> list[LogEntry]:
    """Entries newest first; revisions and plans are given newest first and line up.

    `compare` may be a caching wrapper of the pure compare; the answer is the same.
    """
    entries = []
    for index, (revision, plan) in enumerate(zip(revisions, plans)):
        if index + 1 < len(plans) and plans[index + 1].slug.split("@")[0] == plan.slug.split("@")[0]:
            comparison = compare(plans[index + 1], plan)
            sentences = sum(comparison.summary.sentences[s] for s in ("changed", "added", "removed", "moved"))
            sentences += sum(1 for row in comparison.sections if row.heading_changed)  # headings are text too
            targets = sum(1 for change in comparison.targets if change.status != "same")
            entries.append(LogEntry(revision, sentences, targets))
        else:
            entries.append(LogEntry(revision, None, None))
    return entries


def build_history(series: str, editions: list[Plan]) -> History:
    """Rows of indicators (first appearance order) × editions (year order), with neighbour verdicts."""
    ordered = sorted(editions, key=lambda plan: (plan.metadata.year or 0, plan.slug))
    per_edition = [{(t.key, t.kind, t.unit): t for t in primary_targets(extract_targets(plan))} for plan in ordered]
    keys: list[tuple[str, str, str]] = []
    for targets in per_edition:
        keys.extend(key for key in targets if key not in keys)
    verdicts = [
        {(c.new or c.old).key + "|" + (c.new or c.old).kind + "|" + (c.new or c.old).unit: c
         for c in match_targets(tuple(previous.values()), tuple(current.values()))}
        for previous, current in zip(per_edition, per_edition[1:])
    ]
    rows = []
    for key in keys:
        cells = []
        for index, targets in enumerate(per_edition):
            target = targets.get(key)
            change: TargetChange | None = verdicts[index - 1].get("|".join(key)) if index else None
            verdict = change.status if change and (target is not None or change.status == "dropped") else ""
            cells.append(HistoryCell(target, verdict, change.delta if change else None))
        latest = next(t for t in (targets.get(key) for targets in reversed(per_edition)) if t is not None)
        rows.append(HistoryRow(latest.indicator, key[0], key[1], key[2], tuple(cells)))
    return History(series, tuple(ordered), tuple(rows))
