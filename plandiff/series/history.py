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
    Target,
    TargetChange,
    Verdict,
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


def is_horizon(target: Target, plan: Plan) -> bool:
    """A goal for a later year than the plan's own (a five-year plan's 2025 goal in a 2021 report)."""
    year = plan.metadata.year
    return target.horizon is not None and year is not None and target.horizon > year


def _planned(plan: Plan) -> list[Target]:
    """Planned targets, one per indicator for the annual ones and one per indicator for the horizon goals."""
    targets = extract_targets(plan)
    annual = primary_targets(tuple(t for t in targets if not is_horizon(t, plan)))
    return annual + primary_targets(tuple(t for t in targets if is_horizon(t, plan)))


def build_history(series: str, editions: list[Plan]) -> History:
    """Rows of indicators (first appearance order) × editions (year order), with neighbour verdicts.

    A row follows one indicator through its aliases: a target matched to the edition before (by the
    alias table or by similar wording) continues that row; an indicator that vanished and came back
    continues its old row and is marked as returned. Horizon goals and annual targets never share a row.
    """
    ordered = sorted(editions, key=lambda plan: (plan.metadata.year or 0, plan.slug))
    per_edition = [_planned(plan) for plan in ordered]
    horizon = {id(t) for plan, targets in zip(ordered, per_edition) for t in targets if is_horizon(t, plan)}
    rows: list[list[Target | None]] = []  # row → its target in each edition so far
    changes: list[list[TargetChange | None]] = []
    by_key: dict[tuple[str, str, str, bool], int] = {}
    for index, targets in enumerate(per_edition):
        previous_row = {id(row[index - 1]): r for r, row in enumerate(rows) if index and row[index - 1] is not None}
        matched = {}
        if index:
            for goals in (False, True):  # annual with annual, horizon with horizon
                before = tuple(t for t in per_edition[index - 1] if (id(t) in horizon) == goals)
                now = tuple(t for t in targets if (id(t) in horizon) == goals)
                matched.update((id(c.new), c) for c in match_targets(before, now) if c.new is not None)
        for row, row_changes in zip(rows, changes):
            row.append(None)
            row_changes.append(None)
        for target in targets:
            key = (target.key, target.kind, target.unit, id(target) in horizon)
            change = matched.get(id(target))
            r = previous_row.get(id(change.old)) if change and change.old is not None else None
            if r is None or rows[r][index] is not None:
                r = by_key.get(key)
            if r is None or rows[r][index] is not None:
                r = len(rows)
                rows.append([None] * (index + 1))
                changes.append([None] * (index + 1))
            rows[r][index] = target
            changes[r][index] = change
            by_key.setdefault(key, r)
    return History(series, tuple(ordered), tuple(_row(targets, row_changes, horizon)
                                                 for targets, row_changes in zip(rows, changes)))


def _row(targets: list[Target | None], changes: list[TargetChange | None], horizon: set[int]) -> HistoryRow:
    cells = []
    for index, (target, change) in enumerate(zip(targets, changes)):
        seen_before = any(t is not None for t in targets[:index])
        if target is None:
            dropped = index > 0 and targets[index - 1] is not None
            cells.append(HistoryCell(None, Verdict.DROPPED if dropped else ""))
        elif change is not None and change.old is not None and targets[index - 1] is not None:
            cells.append(HistoryCell(target, change.status, change.delta))
        elif seen_before:
            cells.append(HistoryCell(target, Verdict.NEW, None, returned=True))
        else:
            cells.append(HistoryCell(target, Verdict.NEW if index else ""))
    present = [t for t in targets if t is not None]
    latest = present[-1]
    aliases = tuple(dict.fromkeys(t.indicator for t in present))
    return HistoryRow(latest.indicator, latest.key, latest.kind, latest.unit, tuple(cells), aliases,
                      any(id(t) in horizon for t in present))
