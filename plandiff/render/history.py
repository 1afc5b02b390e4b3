"""Revision logs and target histories: rich tables, and an HTML page with one small chart per indicator."""

from __future__ import annotations

from html import escape

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..model import History, HistoryRow, LogEntry
from .targets import KIND_SUFFIX, VERDICT_LABEL, VERDICT_STYLE, display_value, value_text


def log_table(entries: list[LogEntry]) -> Table:
    table = Table(header_style="bold", box=None, padding=(0, 1))
    table.add_column("edition", no_wrap=True)
    for column in ("revision", "label"):
        table.add_column(column)
    table.add_column("date (UTC)", no_wrap=True)
    for column in ("size", "sentences changed", "targets changed", "commit"):
        table.add_column(column)
    for entry in entries:
        revision = entry.revision
        table.add_row(
            revision.slug, f"r{revision.number}", revision.label or "—", revision.date[:16].replace("T", " "),
            f"{revision.size / 1024:.1f} KB",
            "first" if entry.sentences_changed is None else str(entry.sentences_changed),
            "first" if entry.targets_changed is None else str(entry.targets_changed),
            revision.commit[:7],
        )
    return table


def _column_title(plan) -> str:
    return str(plan.metadata.year or plan.slug)


def _cell_text(cell, plain: bool) -> Text:
    text = Text(value_text(cell.target) if cell.target else "—")
    if cell.returned:
        text.append(" ↺ back", style="" if plain else "bold blue")
    elif cell.verdict and cell.verdict != "same":
        text.append(f" {VERDICT_LABEL[cell.verdict].split()[0]}", style="" if plain else VERDICT_STYLE[cell.verdict])
    return text


def history_table(history: History, plain: bool = False) -> Group:
    """Annual targets, then horizon (multi-year) goals in a table of their own."""
    tables = []
    for horizon, title in ((False, "Targets"), (True, "Horizon (multi-year) goals")):
        rows = [row for row in history.rows if row.horizon == horizon]
        if not rows and (horizon or any(r.horizon for r in history.rows)):
            continue
        table = Table(title=f"{title} of the {history.series} series", title_justify="left", title_style="bold",
                      header_style="bold", box=None, padding=(0, 1))
        table.add_column("indicator", overflow="fold", min_width=14, ratio=3)
        for plan in history.editions:
            table.add_column(_column_title(plan), overflow="fold")
        for row in rows:
            name = row.indicator + KIND_SUFFIX.get(row.kind, "")
            if len(row.aliases) > 1:
                name += f" (also: {'、'.join(a for a in row.aliases if a != row.indicator)})"
            table.add_row(name, *(_cell_text(cell, plain) for cell in row.cells))
        tables.append(table)
    legend = Text("▲ raised  ▼ lowered  + new  − dropped  ≈ reworded  ↺ back after a gap", style="dim")
    return Group(*tables, legend)


def line_chart(title: str, labels: list[str], values: list[float | None], shown: list[str],
               axis_unit: str = "") -> str:
    """An SVG line chart with a title, a y axis (low and high ticks, unit) and an x axis of edition labels;
    each point carries its value as written. Gaps where a value is missing. Every text is escaped."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    width, height, left, right, top, bottom = 320, 124, 58, 24, 34, 22
    low, high = min(known), max(known)
    if low == high:  # a flat line: draw it against zero rather than magnify nothing
        low, high = (0.0, high) if high > 0 else (low, 0.0) if low < 0 else (0.0, 1.0)
    span = high - low
    step = (width - left - right) / max(1, len(values) - 1)

    def x_at(index: int) -> float:
        return left + index * step if len(values) > 1 else (left + width - right) / 2

    def y_at(value: float) -> float:
        return top + (high - value) / span * (height - top - bottom)

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
             f'<text class="chart-title" x="{left}" y="14">{escape(title)}</text>',
             f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}"/>',
             f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}"/>']
    for value in (low, high):
        parts.append(f'<text class="tick" x="{left - 4}" y="{y_at(value) + 4:.1f}" text-anchor="end">'
                     f'{escape(_tick(value))}</text>')
    if axis_unit:
        parts.append(f'<text class="tick" x="{left - 4}" y="{top - 14}" text-anchor="end">{escape(axis_unit)}</text>')
    for index, label in enumerate(labels):
        parts.append(f'<text class="tick" x="{x_at(index):.1f}" y="{height - 6}" text-anchor="middle">'
                     f'{escape(label)}</text>')
    segment: list[str] = []
    for index, value in enumerate(values + [None]):
        if value is None:
            if len(segment) > 1:
                parts.append(f'<polyline points="{" ".join(segment)}"/>')
            segment = []
            continue
        x, y = x_at(index), y_at(value)
        segment.append(f"{x:.1f},{y:.1f}")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"/>'
                     f'<text class="value" x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle">{escape(shown[index])}</text>')
    return "".join(parts) + "</svg>"


def _tick(value: float) -> str:
    return f"{value:.4g}"


def _chart(history: History, row: HistoryRow) -> str:
    """One indicator's values over the editions, in the unit a reader expects (%, 亿元…)."""
    scale, unit = _display_scale(row)
    values = [cell.target.value / scale if cell.target else None for cell in row.cells]
    shown = [display_value(cell.target) if cell.target else "" for cell in row.cells]
    labels = [_column_title(plan) for plan in history.editions]
    return line_chart(row.indicator + KIND_SUFFIX.get(row.kind, ""), labels, values, shown, unit)


def _display_scale(row: HistoryRow) -> tuple[float, str]:
    largest = max(abs(cell.target.value) for cell in row.cells if cell.target)
    for scale, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if largest >= scale * 10:
            return scale, name + row.unit
    return 1.0, row.unit


def history_charts(history: History) -> dict[int, str]:
    """Each row's chart by its position in history.rows."""
    return {index: _chart(history, row) for index, row in enumerate(history.rows)}


def history_page(history: History) -> str:
    """The history as one self-contained HTML page (the series page with only its history)."""
    from .series import series_page

    return series_page(f"Targets of the {history.series} series, edition by edition", history=history)
