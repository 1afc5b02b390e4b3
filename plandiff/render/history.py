"""Revision logs and target histories: rich tables, and an HTML page with one small chart per indicator."""

from __future__ import annotations

from datetime import datetime, timezone

from rich.table import Table
from rich.text import Text

from .. import __version__
from ..model import History, HistoryRow, LogEntry
from .targets import KIND_SUFFIX, VERDICT_LABEL, VERDICT_STYLE, value_text

CHART_WIDTH, CHART_HEIGHT, PAD = 220, 70, 8


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


def history_table(history: History, plain: bool = False) -> Table:
    table = Table(title=f"Targets of the {history.series} series", title_justify="left", title_style="bold",
                  header_style="bold", box=None, padding=(0, 1))
    table.add_column("indicator", overflow="fold", min_width=14, ratio=3)
    for plan in history.editions:
        table.add_column(_column_title(plan), overflow="fold")
    for row in history.rows:
        cells = []
        for cell in row.cells:
            text = Text(value_text(cell.target) if cell.target else "—")
            if cell.verdict and cell.verdict != "same":
                text.append(f" {VERDICT_LABEL[cell.verdict].split()[0]}", style="" if plain else VERDICT_STYLE[cell.verdict])
            cells.append(text)
        kind = KIND_SUFFIX.get(row.kind, "")
        table.add_row(row.indicator + kind, *cells)
    return table


def _chart(row: HistoryRow, count: int) -> str:
    """An inline SVG line chart of one indicator's values; gaps where an edition has none.

    It is built from numbers only, never document text, so the template may insert it unescaped.
    """
    values = [cell.target.value if cell.target else None for cell in row.cells]
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or abs(high) or 1.0
    step = (CHART_WIDTH - 2 * PAD) / max(1, count - 1)

    def point(index: int, value: float) -> tuple[float, float]:
        return PAD + index * step, CHART_HEIGHT - PAD - (value - low) / span * (CHART_HEIGHT - 2 * PAD)

    points = [point(i, v) for i, v in enumerate(values) if v is not None]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"/>' for x, y in points)
    return (f'<svg class="chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" width="{CHART_WIDTH}" '
            f'height="{CHART_HEIGHT}" role="img"><polyline points="{line}"/>{dots}</svg>')


def history_page(history: History) -> str:
    """The history as one self-contained HTML page (jinja2 template, autoescaped)."""
    from .html import _environment

    template = _environment().get_template("history.html.j2")
    charts = {row.indicator + row.kind + row.unit: _chart(row, len(history.editions)) for row in history.rows}
    return template.render(
        h=history, charts=charts, value_text=value_text, version=__version__,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )
