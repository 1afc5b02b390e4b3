"""Targets as spreadsheets: CSV (UTF-8 with a BOM, so Excel reads Chinese) and XLSX (openpyxl, imported lazily).

One row per target, or per target change with the old and the new side each in its own columns.
"""

from __future__ import annotations

import csv
import io

from ..model import COMPARATOR_SYMBOL, Plan, Target, TargetChange
from .targets import display_value

TARGET_COLUMNS = ("indicator", "kind", "comparator", "value", "unit", "normalised value", "firmness", "tense",
                  "horizon", "verdict", "delta", "section", "source sentence")


def target_row(target: Target | None, plan: Plan | None, verdict: str = "", delta: float | None = None) -> list:
    """One target as the spreadsheet columns; an absent side (a new or dropped target) is blank."""
    if target is None:
        return ["", "", "", "", "", "", "", "", "", verdict, "", "", ""]
    section = target.section_id
    if plan is not None:
        try:
            section = plan.label(target.section_id)
        except KeyError:
            pass  # a section id the plan no longer has: keep the id
    return [
        target.indicator, str(target.kind), COMPARATOR_SYMBOL.get(target.comparator, target.comparator),
        display_value(target), target.unit, target.value if target.upper is None else
        f"{target.value:g}-{target.upper:g}", str(target.firmness), str(target.tense),
        str(getattr(target, "horizon", "") or ""),  # the plan period a target is for, once targets carry one
        verdict, "" if delta is None else delta, section, target.sentence,
    ]


def targets_rows(plan: Plan, targets: tuple[Target, ...]) -> list[list]:
    return [list(TARGET_COLUMNS)] + [target_row(target, plan) for target in targets]


def changes_rows(old: Plan, new: Plan, changes: tuple[TargetChange, ...]) -> list[list]:
    """Target changes: the new side's columns (the old side's when dropped), then the old value and sentence."""
    header = list(TARGET_COLUMNS) + ["old value", "old section", "old source sentence"]
    rows = [header]
    for change in changes:
        shown, plan = (change.new, new) if change.new else (change.old, old)
        row = target_row(shown, plan, str(change.status), change.delta)
        if change.old is not None:
            old_row = target_row(change.old, old)
            row += [COMPARATOR_SYMBOL.get(change.old.comparator, "") + old_row[3], old_row[11], old_row[12]]
        else:
            row += ["", "", ""]
        rows.append(row)
    return rows


def to_csv(rows: list[list]) -> str:
    """CSV text with a byte-order mark, so Excel opens the Chinese text as UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return "\ufeff" + buffer.getvalue()


def to_xlsx(rows: list[list], sheet_title: str = "targets") -> bytes:
    """An XLSX workbook of one sheet: a bold frozen header row and filters."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    widths = {"indicator": 24, "source sentence": 80, "old source sentence": 60, "section": 16}
    for index, name in enumerate(rows[0], start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, 12)
        if "sentence" in name:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
