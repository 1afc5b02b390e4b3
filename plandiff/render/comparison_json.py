"""The comparison as JSON for machines (schema plandiff/comparison@1)."""

from __future__ import annotations

from ..comparison import Comparison, SectionChange, SentenceChange

COMPARISON_SCHEMA = "plandiff/comparison@1"


def _plan_ref(plan) -> dict:
    meta = plan.metadata
    return {"slug": plan.slug, "title": meta.title, "place": meta.place, "year": meta.year,
            "issuer": meta.issuer, "date": meta.date}


def _section_ref(section) -> dict | None:
    if section is None:
        return None
    return {"id": section.id, "marker": section.marker, "heading": section.heading, "level": section.level}


def _sentence(change: SentenceChange) -> dict:
    data = {
        "status": change.status,
        "old": change.old.text if change.old else None,
        "new": change.new.text if change.new else None,
        "diff": [[op, text] for op, text in change.diff],
    }
    if change.status in ("changed", "moved"):
        data["score"] = change.score
    if change.routine:
        data["routine"] = True
    if change.status == "moved":
        data["direction"] = "in" if change.arrived else "out"
        data["elsewhere"] = change.elsewhere
    return data


def _section(row: SectionChange) -> dict:
    return {
        "status": row.status,
        "old": _section_ref(row.old),
        "new": _section_ref(row.new),
        "score": row.score,
        "why": {"heading": row.heading_score, "body": row.body_score},
        "moved": row.moved,
        "renumbered": row.renumbered,
        "heading_diff": [[op, text] for op, text in row.heading_diff],
        "sentences": [_sentence(s) for s in row.sentences],
    }


def comparison_to_dict(comparison: Comparison) -> dict:
    data = {
        "schema": COMPARISON_SCHEMA,
        "old": _plan_ref(comparison.old),
        "new": _plan_ref(comparison.new),
        "differs": comparison.differs,
        "sections": [_section(row) for row in comparison.sections],
        "summary": {
            "old_sections": comparison.summary.old_sections,
            "new_sections": comparison.summary.new_sections,
            "sections": comparison.summary.sections,
            "sentences": comparison.summary.sentences,
        },
    }
    if comparison.targets:
        from .targets_view import target_change_to_dict

        data["targets"] = [target_change_to_dict(change) for change in comparison.targets]
    return data
