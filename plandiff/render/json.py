"""Every JSON schema plandiff writes, in one place: plan, targets, target changes, comparison, and the
series views (history, blame, terms, term frequency), with the history's CSV beside its JSON.

Output is strict JSON: a number JSON can't hold (NaN, Infinity) is written as a string.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import asdict

from ..model import (
    Blame,
    Comparison,
    History,
    LogEntry,
    Plan,
    SectionChange,
    SentenceChange,
    Target,
    TargetChange,
    TermCount,
    TermFrequency,
    Terms,
)

PLAN_SCHEMA = "plandiff/plan@1"
TARGETS_SCHEMA = "plandiff/targets@1"
TARGET_CHANGES_SCHEMA = "plandiff/target-changes@1"
COMPARISON_SCHEMA = "plandiff/comparison@1"
PLANS_SCHEMA = "plandiff/plans@1"
LOG_SCHEMA = "plandiff/log@1"
HISTORY_SCHEMA = "plandiff/history@1"
BLAME_SCHEMA = "plandiff/blame@1"
TERMS_SCHEMA = "plandiff/terms@1"
TERM_FREQUENCY_SCHEMA = "plandiff/term-frequency@1"
HISTORY_CSV_COLUMNS = ("series", "indicator", "key", "kind", "unit", "horizon", "edition", "year", "comparator",
                       "value", "upper", "shown", "verdict", "delta", "returned", "wording")


def dumps(data: dict) -> str:
    """Indented UTF-8 JSON with a final newline; numbers too large for JSON become strings."""
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def plan_to_dict(plan: Plan) -> dict:
    """The plan model as JSON-ready data, outline flattened in document order."""
    meta = plan.metadata
    return {
        "schema": PLAN_SCHEMA,
        "slug": plan.slug,
        "title": meta.title,
        "shown_title": meta.shown_title,  # in the document's own characters; title is folded for matching
        "place": meta.place,
        "level": meta.level,
        "province": meta.province,
        "city": meta.city,
        "district": meta.district,
        "year": meta.year,
        "issuer": meta.issuer,
        "date": meta.date,
        "doc_number": meta.doc_number,
        "source": plan.source,
        "outline": [
            {
                "id": section.id,
                "level": section.level,
                "label": plan.label(section.id),
                "marker": section.shown_marker,
                "heading": section.shown_heading,
                "parent": section.parent,
                "role": section.role,
                "sentences": [sentence.shown for sentence in section.sentences],
                "spans": [[sentence.start, sentence.end] for sentence in section.sentences],
                "pages": [sentence.page for sentence in section.sentences],
            }
            for section in plan.sections
        ],
    }


def target_to_dict(target: Target) -> dict:
    return {
        "id": target.id, "indicator": target.indicator, "key": target.key, "comparator": target.comparator,
        "value": target.value, "upper": target.upper, "baseline": target.baseline, "unit": target.unit,
        "kind": target.kind, "horizon": target.horizon, "firmness": target.firmness, "tense": target.tense, "section_id": target.section_id,
        "text": target.text, "sentence": target.sentence, "span": [target.start, target.end],
    }


def targets_to_dict(plan, targets: tuple[Target, ...]) -> dict:
    return {"schema": TARGETS_SCHEMA, "slug": plan.slug, "title": plan.metadata.title,
            "targets": [target_to_dict(t) for t in targets]}


def target_change_to_dict(change: TargetChange) -> dict:
    return {
        "status": change.status, "indicator": change.indicator,
        "old": target_to_dict(change.old) if change.old else None,
        "new": target_to_dict(change.new) if change.new else None,
        "delta": change.delta, "firmness_change": change.firmness_change,
    }


def target_changes_to_dict(old: Plan, new: Plan, changes: tuple[TargetChange, ...]) -> dict:
    return {"schema": TARGET_CHANGES_SCHEMA, "old": old.slug, "new": new.slug,
            "targets": [target_change_to_dict(change) for change in changes]}


def _plan_ref(plan) -> dict:
    meta = plan.metadata
    return {"slug": plan.slug, "title": meta.title, "shown_title": meta.shown_title, "caption": meta.caption,
            "place": meta.place, "level": meta.level, "year": meta.year, "issuer": meta.issuer, "date": meta.date}


def _section_ref(plan: Plan, section) -> dict | None:
    if section is None:
        return None
    return {"id": section.id, "label": plan.label(section.id), "marker": section.shown_marker,
            "heading": section.shown_heading, "level": section.level, "role": section.role}


def _sentence(change: SentenceChange) -> dict:
    data = {
        "status": change.status,
        "old": change.old.shown if change.old else None,
        "new": change.new.shown if change.new else None,
        # Offsets into each plan's text: sorted by them, a side's sentences rebuild its plan in order.
        "old_span": [change.old.start, change.old.end] if change.old else None,
        "new_span": [change.new.start, change.new.end] if change.new else None,
        # Added and removed sentences have no word edits: their text is the whole story.
        "diff": [[op, text] for op, text in change.diff] if change.old and change.new else [],
    }
    marks = {side: [list(span) for span in change.marks(side)] for side in ("old", "new")}
    if marks["old"] or marks["new"]:
        data["marks"] = marks  # target spans, as offsets into the old and new sentence
    if change.status in ("changed", "moved"):
        data["score"] = change.score
    if change.routine:
        data["routine"] = True
    if change.status == "moved":
        data["direction"] = "in" if change.arrived else "out"
        data["elsewhere"] = change.elsewhere
    return data


def _why(comparison: Comparison, row: SectionChange) -> dict:
    """The similarity scores, and for a matched pair the parts of its total and the runner-up.

    `content` is the row's `score` (heading + body + size parts); `total` adds role, tree and order.
    """
    why: dict = {"heading": row.heading_score, "body": row.body_score}
    if row.why is not None:
        parts = row.why
        why["parts"] = {"heading": parts.heading, "body": parts.body, "size": parts.size, "role": parts.role,
                        "tree": parts.tree, "order": parts.order}
        why["content"] = row.score
        why["total"] = parts.total
        if parts.alternative_old or parts.alternative_new:
            why["runner_up"] = {"old": parts.alternative_old, "new": parts.alternative_new,
                                "total": parts.alternative_total,
                                "old_section": _section_by_id(comparison.old, parts.alternative_old),
                                "new_section": _section_by_id(comparison.new, parts.alternative_new)}
        if parts.topic:
            why["topic"] = parts.topic
    return why


def _section_by_id(plan: Plan, section_id: str) -> dict | None:
    try:
        return _section_ref(plan, plan.section(section_id))
    except KeyError:
        return None


def _section(comparison: Comparison, row: SectionChange) -> dict:
    return {
        "status": row.status,
        "old": _section_ref(comparison.old, row.old),
        "new": _section_ref(comparison.new, row.new),
        "score": row.score,
        "why": _why(comparison, row),
        "moved": row.moved,
        "renumbered": row.renumbered,
        "heading_diff": [[op, text] for op, text in row.heading_diff],
        "sentences": [_sentence(s) for s in row.sentences],
    }


def comparison_to_dict(comparison: Comparison) -> dict:
    data = {
        "schema": COMPARISON_SCHEMA,
        "title": comparison.title,
        "old": _plan_ref(comparison.old),
        "new": _plan_ref(comparison.new),
        "differs": comparison.differs,
        "digest": [{"topic": line.topic, "text": line.text} for line in comparison.digest],
        "sections": [_section(comparison, row) for row in comparison.sections],
        "summary": {
            "old_sections": comparison.summary.old_sections,
            "new_sections": comparison.summary.new_sections,
            "sections": asdict(comparison.summary.sections),
            "sentences": asdict(comparison.summary.sentences),
        },
    }
    data["targets"] = [target_change_to_dict(change) for change in comparison.targets]
    return data


def known_plans_to_dict(rows) -> dict:
    """`plandiff list`: every known plan, with its metadata or the reason it can't be read."""
    plans = []
    for known, plan, error in rows:
        entry = {"slug": known.slug, "path": str(known.path), "origin": known.origin,
                 "size": known.path.stat().st_size if known.path.exists() else None}
        entry.update(_plan_ref(plan) if plan is not None else {"error": str(error)})
        entry["slug"] = known.slug
        plans.append(entry)
    return {"schema": PLANS_SCHEMA, "plans": plans}


def log_to_dict(entries: list[LogEntry]) -> dict:
    """`plandiff log`: revisions newest first, with change counts against the revision before (null: first)."""
    return {"schema": LOG_SCHEMA, "revisions": [
        {**asdict(entry.revision), "sentences_changed": entry.sentences_changed,
         "targets_changed": entry.targets_changed} for entry in entries]}


# --------------------------------------------------------------------------------------------- series


def _history_cells(history: History, row):
    from .targets import value_text  # the value as the plan wrote it: 2.90%, 140亿元

    for plan, cell in zip(history.editions, row.cells):
        target = cell.target
        yield plan, cell, {
            "edition": plan.slug, "year": plan.metadata.year,
            "comparator": target.comparator if target else None, "value": target.value if target else None,
            "upper": target.upper if target else None, "shown": value_text(target) if target else None,
            "verdict": str(cell.verdict) or None, "delta": cell.delta, "returned": cell.returned,
            "wording": target.indicator if target else None,
        }


def history_to_dict(history: History) -> dict:
    """Each indicator's row: its aliases, whether it is a horizon goal, and one cell per edition."""
    return {
        "schema": HISTORY_SCHEMA,
        "series": history.series,
        "editions": [_plan_ref(plan) for plan in history.editions],
        "rows": [
            {"indicator": row.indicator, "key": row.key, "kind": row.kind, "unit": row.unit,
             "horizon": row.horizon, "aliases": list(row.aliases),
             "cells": [cell for _, _, cell in _history_cells(history, row)]}
            for row in history.rows
        ],
    }


def history_to_csv(history: History) -> str:
    """One line per indicator and edition (long format), for spreadsheets and pandas."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HISTORY_CSV_COLUMNS)
    for row in history.rows:
        for _, _, cell in _history_cells(history, row):
            fixed = {"series": history.series, "indicator": row.indicator, "key": row.key, "kind": row.kind,
                     "unit": row.unit, "horizon": row.horizon}
            writer.writerow(["" if (value := {**fixed, **cell}[column]) is None else value
                             for column in HISTORY_CSV_COLUMNS])
    return out.getvalue()


def blame_to_dict(blame: Blame) -> dict:
    """Each sentence with its first edition, the editions where it changed and its wording chain."""
    return {
        "schema": BLAME_SCHEMA,
        "edition": _plan_ref(blame.edition),
        "editions": [_plan_ref(plan) for plan in blame.editions],
        "ages": [asdict(bucket) for bucket in blame.ages],
        "sentences": [
            {"section": line.section_id, "text": line.sentence.text, "span": [line.sentence.start, line.sentence.end],
             "first_edition": line.origin.edition, "first_year": line.origin.year, "age": line.age,
             "at_least": line.at_least, "changed_in": list(line.changed_in),
             "chain": [{"edition": w.edition, "year": w.year, "status": str(w.status), "edited": w.edited,
                        "text": w.text} for w in line.chain]}
            for line in blame.lines
        ],
    }


def _term_counts(terms: tuple[TermCount, ...]) -> list[dict]:
    return [{"term": t.term, "count": t.count, "salience": t.salience} for t in terms]


def terms_to_dict(terms: Terms) -> dict:
    """For each edition after the first, its new and vanished terms with their counts."""
    return {
        "schema": TERMS_SCHEMA,
        "series": terms.series,
        "editions": [_plan_ref(plan) for plan in terms.editions],
        "shifts": [{"edition": shift.edition, "year": shift.year, "new_total": shift.new_total,
                    "vanished_total": shift.vanished_total, "new": _term_counts(shift.new),
                    "vanished": _term_counts(shift.vanished)} for shift in terms.shifts],
    }


def term_frequency_to_dict(frequency: TermFrequency) -> dict:
    return {
        "schema": TERM_FREQUENCY_SCHEMA,
        "term": frequency.term,
        "editions": [{**_plan_ref(plan), "count": count, "per_10k_characters": rate}
                     for plan, count, rate in zip(frequency.editions, frequency.counts, frequency.per_10k)],
    }
CORPUS_ROWS_SCHEMA = "plandiff/corpus-rows@1"
CORPUS_REUSE_SCHEMA = "plandiff/corpus-reuse@1"


def corpus_rows_to_dict(columns: list[str], rows: list[tuple], what: str) -> dict:
    """A corpus query's result: `what` says which question (query, targets:<key>), rows are column → value."""
    return {"schema": CORPUS_ROWS_SCHEMA, "what": what, "columns": list(columns),
            "rows": [dict(zip(columns, _json_values(row))) for row in rows]}


def corpus_reuse_to_dict(columns: list[str], rows: list[tuple]) -> dict:
    """Shared passages; each link names both plans by file name and slug, and says which came first."""
    links = []
    for row in rows:
        data = dict(zip(columns, _json_values(row)))
        links.append({
            "a": {"file": data["file_a"], "slug": data["slug_a"], "place": data["place_a"], "year": data["year_a"],
                  "sentences": [data["a_first"], data["a_last"]]},
            "b": {"file": data["file_b"], "slug": data["slug_b"], "place": data["place_b"], "year": data["year_b"],
                  "sentences": [data["b_first"], data["b_last"]]},
            "first": data["first"],
            "sentences": data["sentences"],
            "chars": data["chars"],
            "similarity": data["similarity"],
            "passage": data["passage"],
        })
    return {"schema": CORPUS_REUSE_SCHEMA, "links": links}


def _json_values(row) -> list:
    """Values JSON can hold: dates and other objects as their text."""
    return [value if value is None or isinstance(value, (str, int, float, bool)) else str(value) for value in row]
