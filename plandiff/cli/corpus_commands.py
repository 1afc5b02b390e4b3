"""`plandiff corpus …`: index a folder of plans, compare editions, trace shared text, query the index."""

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..errors import InputError
from ..model import counted
from .output import console, emit, report_written, write_file

corpus_app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Many plans at once: index a folder into DuckDB, compare editions, find shared passages (on Dask).",
)

DB_OPTION = typer.Option(Path("corpus.duckdb"), "--db", help="The corpus index (a DuckDB file).")
SCHEDULER_HELP = ("Where to run: a Dask scheduler address (tcp://HOST:8786), or `none` for this process alone; "
                  "default: a local Dask cluster, one worker per core.")


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class PanelFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


def _open(db: Path, create: bool = False):
    from ..corpus.index import CorpusIndex

    return CorpusIndex(db, create=create)


def _execution(scheduler: str, workers: int, memory_limit: str):
    from ..corpus.cluster import Execution

    return Execution(scheduler=scheduler, workers=workers, memory_limit=memory_limit)


def _progress(what: str):
    """A rich progress bar on stderr (stdout stays clean for --format csv/json); a no-op off a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task(what, total=None)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, update


def _print_rows(columns: list[str], rows: list[tuple], output_format: Format, what: str,
                output: Optional[Path] = None) -> None:
    from ..render.corpus import rows_csv, rows_table

    if output_format is Format.csv:
        emit(rows_csv(columns, rows), output)
    elif output_format is Format.json:
        from ..render.json import corpus_rows_to_dict, dumps

        emit(dumps(corpus_rows_to_dict(columns, rows, what)), output)
    elif output is not None:
        from .output import emit_rich

        emit_rich(rows_table(columns, rows), output, plain=True, pager=False)
    else:
        console().print(rows_table(columns, rows))


def _report(report, noun: tuple[str, str], output_format: Format, extra: dict | None = None) -> None:
    """A run's summary: counts, time and throughput; noun is (singular, plural), JSON names the plural."""
    data = {"done": report.items, "tasks": report.done, "skipped": report.skipped, "failed": report.failed,
            "seconds": round(report.seconds, 3), "per_second": round(report.rate, 3), "where": report.where,
            **(extra or {})}
    if output_format is Format.table:
        console().print(
            f"{counted(report.items, *noun)} in {report.seconds:.1f} s ({report.rate:.2f}/s) {report.where}; "
            f"{report.skipped} already indexed, {report.failed} failed (see the errors table)"
            + "".join(f"; {key}: {value}" for key, value in (extra or {}).items()))
    else:
        _print_rows(list(data), [tuple(data.values())], output_format, noun[1])


def _parquet(index, folder: Optional[Path]) -> dict:
    if folder is None:
        return {}
    return {"parquet": str(folder), "tables": len(index.export_parquet(folder))}


@corpus_app.command()
def build(
    folder: Path = typer.Argument(..., help="The folder of plans (txt, html, docx, pdf; searched recursively)."),
    db: Path = DB_OPTION,
    scheduler: str = typer.Option("", "--scheduler", help=SCHEDULER_HELP),
    workers: int = typer.Option(0, "--workers", help="Local cluster workers (default: one per core)."),
    memory_limit: str = typer.Option("2GiB", "--memory-limit", help="Memory per local worker."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Also write every table as Parquet here."),
    output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
) -> None:
    """Index every plan under FOLDER; files already indexed (same bytes) are skipped, bad ones go to `errors`."""
    from ..corpus.runner import build as build_corpus

    with _open(db, create=True) as index:
        bar, update = _progress("indexing")
        with bar:
            report = build_corpus(folder, index, _execution(scheduler, workers, memory_limit), update)
        _report(report, ("plan indexed", "plans indexed"), output_format, _parquet(index, parquet))


@corpus_app.command()
def compare(
    db: Path = DB_OPTION,
    across_places: bool = typer.Option(False, "--across-places", help="Compare same-year plans of different places."),
    year: Optional[int] = typer.Option(None, "--year", help="With --across-places: only this year."),
    scheduler: str = typer.Option("", "--scheduler", help=SCHEDULER_HELP),
    workers: int = typer.Option(0, "--workers", help="Local cluster workers (default: one per core)."),
    memory_limit: str = typer.Option("2GiB", "--memory-limit", help="Memory per local worker."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Also write every table as Parquet here."),
    output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
) -> None:
    """Compare consecutive editions within every series; results go into the index."""
    from ..corpus.runner import compare as compare_corpus

    if year is not None and not across_places:
        raise InputError("--year picks the year for --across-places; add --across-places")
    with _open(db) as index:
        bar, update = _progress("comparing")
        with bar:
            report = compare_corpus(index, _execution(scheduler, workers, memory_limit), across_places, year, update)
        _report(report, ("comparison", "comparisons"), output_format, _parquet(index, parquet))


@corpus_app.command()
def reuse(
    db: Path = DB_OPTION,
    min_chars: int = typer.Option(60, "--min-chars", help="Shortest passage to report, in characters."),
    min_sentences: int = typer.Option(2, "--min-sentences", help="Fewest sentences a passage must have."),
    similarity: float = typer.Option(0.88, "--similarity", help="How alike two sentences must be (0–1)."),
    limit: int = typer.Option(50, "--limit", help="Links to print (all are stored in the index; 0 = all)."),
    parquet: Optional[Path] = typer.Option(None, "--parquet", help="Also write every table as Parquet here."),
    output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
) -> None:
    """Find passages shared by plans of different issuers (MinHash LSH, confirmed by alignment)."""
    from ..corpus.questions import reuse_links, trace_reuse
    from ..corpus.reuse import ReuseSettings

    with _open(db) as index:
        trace_reuse(index, ReuseSettings(confirm=similarity, min_chars=min_chars, min_sentences=min_sentences))
        columns, rows = reuse_links(index, limit or None)
        _parquet(index, parquet)
    if output_format is Format.json:
        from ..render.json import corpus_reuse_to_dict, dumps

        emit(dumps(corpus_reuse_to_dict(columns, rows)), None)
    elif output_format is Format.csv:
        _print_rows(columns, rows, output_format, "reuse")
    else:  # a terminal has room for who, how much and the passage itself
        shown = ("first", "slug_a", "slug_b", "sentences", "chars", "similarity", "passage")
        keep = [columns.index(name) for name in shown]
        _print_rows(list(shown), [tuple(row[i] for i in keep) for row in rows], output_format, "reuse")


@corpus_app.command()
def targets(
    indicator: str = typer.Option(..., "--indicator", help="An indicator: 研发投入强度, an alias, or a key (rd-intensity)."),
    db: Path = DB_OPTION,
    output_format: PanelFormat = typer.Option(PanelFormat.table, "--format", "-f", help="table, csv, json or parquet."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (needed for parquet)."),
) -> None:
    """A place × year panel of one indicator's targets, with verdicts against the previous edition."""
    from ..corpus.questions import PANEL, indicator_key, targets_panel

    with _open(db) as index:
        if output_format is PanelFormat.parquet:
            if output is None:
                raise InputError("--format parquet writes a file; give one with -o FILE")
            key = indicator_key(indicator)
            index.export_query(PANEL.replace("key = ?", "key = " + _sql_text(key)), output, "parquet")
            report_written(output)
            return
        key, columns, rows = targets_panel(index, indicator)
    _print_rows(columns, rows, Format(output_format.value), f"targets:{key}", output)


@corpus_app.command()
def query(
    sql: str = typer.Argument(..., help='SQL over the index, e.g. "SELECT place, year FROM plans".'),
    db: Path = DB_OPTION,
    output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, csv or json."),
) -> None:
    """Run SQL on the index and print the result."""
    with _open(db) as index:
        columns, rows = index.query(sql)
    _print_rows(columns, rows, output_format, "query")


@corpus_app.command()
def report(
    html: Path = typer.Option(..., "--html", help="The HTML file to write."),
    db: Path = DB_OPTION,
    links: int = typer.Option(30, "--links", help="How many of the strongest reuse links to show."),
) -> None:
    """One self-contained HTML page: corpus size, coverage, main target panels, strongest reuse links."""
    from ..corpus.questions import MAIN_INDICATORS, corpus_summary, coverage, reuse_links, targets_panel
    from ..render.corpus import corpus_page

    with _open(db) as index:
        summary = corpus_summary(index)
        years, grid = coverage(index)
        panels = []
        for key in MAIN_INDICATORS:
            _, columns, rows = targets_panel(index, key)
            panels.append((key, [dict(zip(columns, row)) for row in rows]))
        columns, rows = reuse_links(index, links)
    page = corpus_page(summary, years, grid, panels, [dict(zip(columns, row)) for row in rows], str(db))
    write_file(page, html)


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
