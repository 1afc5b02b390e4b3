"""Targets as tables and JSON: a plan's target list, and the target changes between two plans."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..target_match import TargetChange
from ..targets import Target, format_value

TARGETS_SCHEMA = "plandiff/targets@1"
# A colour and a text label each, so the meaning survives black-and-white print and colour blindness.
VERDICT_STYLE = {
    "raised": "bold green", "lowered": "bold red", "new": "bold cyan", "dropped": "bold magenta",
    "same": "dim", "reworded": "yellow",
}
VERDICT_LABEL = {"raised": "▲ raised", "lowered": "▼ lowered", "new": "+ new", "dropped": "− dropped",
                 "same": "= same", "reworded": "≈ reworded"}
KIND_SUFFIX = {"increment": " (新增)", "growth": " (增长)", "points": " (百分点)"}  # level needs none
COMPARATOR_TEXT = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "~": "≈", "range": ""}


def target_to_dict(target: Target) -> dict:
    return {
        "id": target.id, "indicator": target.indicator, "key": target.key, "comparator": target.comparator,
        "value": target.value, "upper": target.upper, "unit": target.unit, "kind": target.kind,
        "firmness": target.firmness, "tense": target.tense, "section_id": target.section_id,
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


def value_text(target: Target | None) -> str:
    if target is None:
        return "—"
    return f"{COMPARATOR_TEXT[target.comparator]}{target.display_value}"


def delta_text(change: TargetChange) -> str:
    if change.delta in (None, 0.0) or change.new is None:
        return ""
    unit = change.new.unit
    sign = "+" if change.delta > 0 else "−"
    if unit in ("%", "百分点"):
        return f"{sign}{abs(change.delta):.4g} points"
    return sign + format_value(abs(change.delta), unit)


def targets_table(targets: tuple[Target, ...]) -> Table:
    table = Table(header_style="bold", box=None, padding=(0, 1))
    table.add_column("indicator", overflow="fold", min_width=16, ratio=3)
    for column in ("comparator", "value", "kind", "firmness", "tense", "section"):
        table.add_column(column, overflow="fold")
    for target in targets:
        table.add_row(target.indicator, target.comparator, target.display_value, target.kind, target.firmness or "—",
                      target.tense, target.section_id)
    return table


def target_changes_table(changes: tuple[TargetChange, ...], plain: bool = False) -> Table:
    table = Table(title="Targets", title_justify="left", title_style="bold", header_style="bold", box=None,
                  padding=(0, 1))
    table.add_column("indicator", overflow="fold", min_width=16, ratio=3)
    for column in ("old", "new", "delta", "verdict"):
        table.add_column(column, overflow="fold")
    for change in changes:
        verdict = Text(VERDICT_LABEL[change.status], style="" if plain else VERDICT_STYLE[change.status])
        if change.firmness_change:
            verdict.append(f" ({change.firmness_change})", style="italic")
        indicator = change.indicator + KIND_SUFFIX.get(
            (change.new or change.old).kind, "")
        table.add_row(indicator, value_text(change.old), value_text(change.new), delta_text(change), verdict)
    return table
