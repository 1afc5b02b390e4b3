"""Every JSON schema plandiff writes, in one place: plan, targets, target changes and comparison.

Output is strict JSON: a number JSON can't hold (NaN, Infinity) is written as a string.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict

from ..model import (
    Comparison,
    LogEntry,
    Plan,
    SectionChange,
    SentenceChange,
    Target,
    TargetChange,
)

PLAN_SCHEMA = "plandiff/plan@1"
TARGETS_SCHEMA = "plandiff/targets@1"
TARGET_CHANGES_SCHEMA = "plandiff/target-changes@1"
COMPARISON_SCHEMA = "plandiff/comparison@1"
PLANS_SCHEMA = "plandiff/plans@1"
LOG_SCHEMA = "plandiff/log@1"


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
                "marker": section.marker,
                "heading": section.heading,
                "parent": section.parent,
                "role": section.role,
                "sentences": [sentence.text for sentence in section.sentences],
                "spans": [[sentence.start, sentence.end] for sentence in section.sentences],
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
    return {"slug": plan.slug, "title": meta.title, "caption": meta.caption, "place": meta.place,
            "level": meta.level, "year": meta.year, "issuer": meta.issuer, "date": meta.date}


def _section_ref(section) -> dict | None:
    if section is None:
        return None
    return {"id": section.id, "marker": section.marker, "heading": section.heading, "level": section.level,
            "role": section.role}


def _sentence(change: SentenceChange) -> dict:
    data = {
        "status": change.status,
        "old": change.old.text if change.old else None,
        "new": change.new.text if change.new else None,
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


def _why(row: SectionChange) -> dict:
    """The similarity scores, and for a matched pair the parts of its total and the runner-up."""
    why: dict = {"heading": row.heading_score, "body": row.body_score}
    if row.why is not None:
        parts = row.why
        why["parts"] = {"heading": parts.heading, "body": parts.body, "size": parts.size, "role": parts.role,
                        "tree": parts.tree, "order": parts.order}
        why["total"] = parts.total
        if parts.alternative_old or parts.alternative_new:
            why["runner_up"] = {"old": parts.alternative_old, "new": parts.alternative_new,
                                "total": parts.alternative_total}
    return why


def _section(row: SectionChange) -> dict:
    return {
        "status": row.status,
        "old": _section_ref(row.old),
        "new": _section_ref(row.new),
        "score": row.score,
        "why": _why(row),
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
        "sections": [_section(row) for row in comparison.sections],
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
