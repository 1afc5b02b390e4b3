"""The series commands: blame, terms, history and the one-page series report."""

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..model import counted
from .output import REPO_HELP, emit, emit_rich, plain_output, workspace, write_file

SERIES_HELP = ("A series (national), editions (national-2023, national-2023@draft) or plan files; "
               "an edition named with @ replaces that edition's latest revision.")
FROM_HELP = "A folder of plan files, taken as the series' editions in plan-year order."


class SeriesFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"


def register(app: typer.Typer) -> None:
    """Add the series commands to the application."""
    for command in (blame, terms, history, series):
        app.command()(command)



def _refuse(output_format: SeriesFormat, allowed: tuple[SeriesFormat, ...]) -> None:
    if output_format not in allowed:
        from ..errors import InputError

        raise InputError(f"--format {output_format.value} is not offered here; "
                         f"choose {', '.join(f.value for f in allowed)}")


def blame(
    editions: Optional[list[str]] = typer.Argument(None, help="The edition to blame (slug, slug@revision or file); with "
                                         "several, they are the series and the latest is blamed."),
    from_dir: Optional[Path] = typer.Option(None, "--from", help=FROM_HELP),
    output_format: SeriesFormat = typer.Option(SeriesFormat.text, "--format", "-f", help="text, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write sentences shaded by age as an HTML page."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """Since when has each sentence been in the plan? Its first edition and the editions where it changed."""
    _refuse(output_format, (SeriesFormat.text, SeriesFormat.json, SeriesFormat.html))
    result = workspace(repo).blame(editions or [], from_dir)
    if html is not None or output_format is SeriesFormat.html:
        from ..render.series import series_page

        page = series_page(f"Blame of {result.edition.slug}: since when has each sentence been there?", blame=result)
        if html is not None:
            write_file(page, html)
        if output_format is SeriesFormat.html:
            emit(page, output)
            return
    if output_format is SeriesFormat.json:
        from ..render.json import blame_to_dict, dumps

        emit(dumps(blame_to_dict(result)), output)
        return
    from ..render.series import blame_view

    plain = plain_output(no_color, output)
    emit_rich(blame_view(result, plain), output, plain, pager=True)


def terms(
    names: Optional[list[str]] = typer.Argument(None, help=SERIES_HELP),
    term: str = typer.Option("", "--term", help="One term's frequency edition by edition instead."),
    top: int = typer.Option(30, "--top", help="At most this many new and vanished terms per edition (0: all)."),
    from_dir: Optional[Path] = typer.Option(None, "--from", help=FROM_HELP),
    output_format: SeriesFormat = typer.Option(SeriesFormat.text, "--format", "-f", help="text, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write an HTML page (with a chart for --term)."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """Terms that appear for the first time, or vanish, in each edition of a series; or one term's frequency."""
    from ..render import json as json_render
    from ..render import series as view

    _refuse(output_format, (SeriesFormat.text, SeriesFormat.json, SeriesFormat.html))
    space = workspace(repo)
    if term:
        result = space.term_frequency(term, names or [], from_dir)
        data, table = json_render.term_frequency_to_dict(result), view.term_frequency_table(result)
        page_args = {"frequency": result, "title": f"“{term}” in the {space_label(result.editions)} series"}
    else:
        result = space.terms(names or [], from_dir, top or None)
        data, table = json_render.terms_to_dict(result), view.terms_view(result)
        page_args = {"terms": result, "title": f"Vocabulary of the {result.series} series, edition by edition"}
    if html is not None or output_format is SeriesFormat.html:
        page = view.series_page(**page_args)
        if html is not None:
            write_file(page, html)
        if output_format is SeriesFormat.html:
            emit(page, output)
            return
    if output_format is SeriesFormat.json:
        emit(json_render.dumps(data), output)
    else:
        emit_rich(table, output, plain_output(False, output), pager=True)


def space_label(editions) -> str:
    from ..sources.library import series_of

    return series_of(editions[-1].slug.split("@")[0]) if editions else ""


def history(
    names: Optional[list[str]] = typer.Argument(None, help=SERIES_HELP),
    from_dir: Optional[Path] = typer.Option(None, "--from", help=FROM_HELP),
    output_format: SeriesFormat = typer.Option(SeriesFormat.text, "--format", "-f", help="text, json, csv or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the history as an HTML page with charts."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Show a series' editions in year order with their targets: when each appeared and how it moved."""
    from ..render.history import history_page, history_table

    result = workspace(repo).history(names or [], from_dir)
    if html is not None:
        emit(history_page(result), html)
    if output_format is SeriesFormat.json:
        from ..render.json import dumps, history_to_dict

        emit(dumps(history_to_dict(result)), output)
    elif output_format is SeriesFormat.csv:
        from ..render.json import history_to_csv

        emit(history_to_csv(result), output)
    elif output_format is SeriesFormat.html:
        emit(history_page(result), output)
    else:
        plain = plain_output(no_color, output)
        emit_rich(history_table(result, plain), output, plain, pager=True)


def series(
    names: Optional[list[str]] = typer.Argument(None, help=SERIES_HELP),
    html: Path = typer.Option(..., "--html", help="Write the series page to this file."),
    from_dir: Optional[Path] = typer.Option(None, "--from", help=FROM_HELP),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """One HTML page for a series: its editions, target history, vocabulary shift and age profile."""
    from ..render.series import series_page

    report = workspace(repo).series_report(names or [], from_dir)
    write_file(series_page(f"The {report.series.name} series: {counted(len(report.series.editions), 'edition')}", report=report),
               html)
