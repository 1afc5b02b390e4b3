"""Targets as rich tables: a plan's target list, and the target changes between two plans."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from ..model import Plan, Target, TargetChange, agree

# A colour and a text label each, so the meaning survives black-and-white print and colour blindness.
VERDICT_STYLE = {
    "raised": "bold green", "lowered": "bold red", "new": "bold cyan", "dropped": "bold magenta",
    "same": "dim", "reworded": "yellow", "reversed": "bold yellow",
}
VERDICT_LABEL = {"raised": "▲ raised", "lowered": "▼ lowered", "new": "+ new", "dropped": "− dropped",
                 "same": "= same", "reworded": "≈ reworded", "reversed": "⇄ reversed"}
# Two places are not two editions: one is higher than the other, nothing was raised, and a target one
# place sets was not dropped by the other (JSON keeps the names).
PLACES_LABEL = {"raised": "▲ higher", "lowered": "▼ lower", "new": "+ only in new", "dropped": "− only in old"}
KIND_SUFFIX = {"increment": " (新增)", "growth": " (增长)", "points": " (百分点)", "decline": " (下降)",
               "from-to": " (从…到)", "share": " (占比)"}  # level needs none


def verdict_label(status: str, between_places: bool = False) -> str:
    """▲ raised between editions, ▲ higher between places."""
    return (PLACES_LABEL if between_places else {}).get(status, VERDICT_LABEL[status])
COMPARATOR_TEXT = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "~": "≈", "range": ""}


def display_value(target: Target) -> str:
    """The target's value (or range) in the unit a reader expects."""
    return format_value(target.value, target.unit, target.upper, target.decimals)


def value_text(target: Target | None) -> str:
    if target is None:
        return "—"
    return f"{COMPARATOR_TEXT[target.comparator]}{display_value(target)}"


def format_value(value: float, unit: str, upper: float | None = None, decimals: int = 0) -> str:
    """2500家, 140亿元, 2.90%, 1.2万平方米: the value in the unit a reader expects."""
    def one(number: float) -> str:
        # Chinese readers count in 万 and 亿: 140亿元, 1100万人, 120万平方米 (2500家 stays as it is).
        small_limit = 1e4 if unit in {"元", "平方米"} else 1e5
        for scale, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
            if abs(number) >= scale and (scale > 1e4 or abs(number) >= small_limit):
                return f"{_trim(number / scale)}{name}"
        return f"{number:.{decimals}f}" if decimals else _trim(number)

    text = one(value) if upper is None else f"{one(value)}-{one(upper)}"
    return f"{text}{unit}"


def _trim(number: float) -> str:
    return f"{number:.4f}".rstrip("0").rstrip(".")


def delta_text(change: TargetChange) -> str:
    if change.delta in (None, 0.0) or change.new is None:
        return ""
    unit = change.new.unit
    sign = "+" if change.delta > 0 else "−"
    if unit in ("%", "百分点"):
        shown = f"{abs(change.delta):.4g}"  # agreement follows the printed number: 2.3 − 1.3 is 0.999… and prints as 1
        return f"{sign}{shown} {agree(float(shown), 'point')}"
    return sign + format_value(abs(change.delta), unit)


def targets_table(targets: tuple[Target, ...], plan: Plan | None = None) -> Table:
    """One row per target; with the plan, the section column names it as the document does (三、 › 7.)."""
    table = Table(header_style="bold", box=None, padding=(0, 1))
    table.add_column("indicator", overflow="fold", min_width=16, ratio=3)
    for column in ("comparator", "value", "kind", "firmness", "tense", "section"):
        table.add_column(column, overflow="fold")
    for target in targets:
        table.add_row(target.indicator, COMPARATOR_TEXT[target.comparator] or "=", display_value(target), target.kind,
                      target.firmness or "—",
                      target.tense, _section_name(target.section_id, plan))
    return table


def _section_name(section_id: str, plan: Plan | None) -> str:
    if plan is None:
        return section_id
    try:
        return plan.label(section_id)
    except KeyError:  # a target from another parse of the plan: its id is all we know
        return section_id


def target_changes_table(changes: tuple[TargetChange, ...], plain: bool = False,
                         between_places: bool = False) -> Table:
    table = Table(title="Targets", title_justify="left", title_style="bold", header_style="bold", box=None,
                  padding=(0, 1))
    table.add_column("indicator", overflow="fold", min_width=16, ratio=3)
    for column in ("old", "new", "delta", "verdict"):
        table.add_column(column, overflow="fold")
    for change in changes:
        verdict = Text(verdict_label(change.status, between_places),
                       style="" if plain else VERDICT_STYLE[change.status])
        if change.firmness_change:
            verdict.append(f" ({change.firmness_change})", style="italic")
        indicator = change.indicator + KIND_SUFFIX.get(
            (change.new or change.old).kind, "")
        table.add_row(indicator, value_text(change.old), value_text(change.new), delta_text(change), verdict)
    return table
