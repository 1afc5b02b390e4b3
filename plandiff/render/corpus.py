"""Corpus results as a rich table, CSV, or one self-contained HTML page (autoescaped template)."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

from rich.table import Table

from .. import __version__
from .targets import VERDICT_LABEL, format_value

MAX_CELL = 60  # characters of a long text cell a terminal table shows


def rows_table(columns: list[str], rows: list[tuple], title: str = "") -> Table:
    """Rows as a rich table; long text cells are cut (CSV and JSON keep them whole)."""
    table = Table(title=title or None, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(value) for value in row))
    if not rows:
        table.caption = "no rows"
    return table


def rows_csv(columns: list[str], rows: list[tuple]) -> str:
    """Rows as CSV with a header line (UTF-8 text, as spreadsheets and pandas read it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return buffer.getvalue()


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4g}"
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def panel_value(row: dict) -> str:
    """A panel cell's value in the unit a reader expects (2.5%, 1.4亿元)."""
    if row.get("value") is None:
        return "—"
    return format_value(row["value"], row["unit"], row.get("upper"))


def corpus_page(summary: dict, years: list[int], coverage: list[tuple[str, dict[int, int]]],
                panels: list[tuple[str, list[dict]]], links: list[dict], database: str) -> str:
    """The corpus report: size, place × year coverage, target panels for the main indicators, strongest reuse."""
    from .html import _environment

    panel_grids = []
    for key, rows in panels:
        places = sorted({row["place"] or "—" for row in rows})
        panel_years = sorted({row["year"] for row in rows if row["year"] is not None})
        cells = {(row["place"] or "—", row["year"]): row for row in rows}
        panel_grids.append((key, places, panel_years, cells))
    template = _environment().get_template("corpus.html.j2")
    return template.render(
        s=summary, years=years, coverage=coverage, panels=panel_grids, links=links, database=database,
        panel_value=panel_value, verdict_label=VERDICT_LABEL, version=__version__,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )
