"""The command line: each command parses its options, makes one library call and picks a renderer."""

# The command modules keep their annotations as objects (no `from __future__ import annotations`): typer
# reads every command's signature on every run, and evaluating string annotations doubled that, to 20 ms.
import gc
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import __version__
from ..errors import InputError, PlandiffError
from . import corpus_commands, series_commands, store_commands
from .group import DefaultCommandGroup
from .output import (
    REPO_HELP, DataFormat, console, emit, emit_rich, load, plain_output, refuse_overwriting_inputs, workspace,
    write_file,
)

app = typer.Typer(
    cls=DefaultCommandGroup,
    add_completion=True,  # --install-completion / --show-completion are the group's own options
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Compare Chinese government planning documents.\n\n"
    "The main job is `plandiff OLD NEW` (short for `plandiff compare OLD NEW`); a plan is a slug such as "
    "qingdao-2018 or a file path.",
)


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


class TargetsFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    csv = "csv"


class Layout(str, Enum):
    side = "side"
    inline = "inline"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plandiff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error (any position)."),
) -> None:
    """Compare Chinese government planning documents."""


@app.command()
def compare(
    old: str = typer.Argument(..., help="The older or reference plan: a slug or a file path."),
    new: str = typer.Argument(..., help="The newer plan: a slug or a file path."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the HTML report to this file."),
    docx: Optional[Path] = typer.Option(None, "--docx", help="Also write a Word redline (tracked changes) here."),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", help="Also write the target comparison as a spreadsheet."),
    layout: Layout = typer.Option(Layout.side, "--layout", help="HTML layout: side (by side) or inline redline."),
    side_by_side: bool = typer.Option(False, "--side-by-side", "-s", help="Old and new sentences in two columns."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Show unchanged sentences too."),
    section: str = typer.Option("", "--section", help="Only sections whose heading contains this text."),
    expand: bool = typer.Option(False, "--expand", "-e", help="Show the sentences of added and removed sections."),
    hide_routine: bool = typer.Option(False, "--hide-routine", help="Hide routine year rollovers (2023年→2024年)."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours; edits are marked [-old-]{+new+}."),
    explain: bool = typer.Option(False, "--explain", help="Show why each pair of sections was made: the score "
                                 "parts (heading, body, size, role, tree, order) and the runner-up."),
    pager: bool = typer.Option(True, "--pager/--no-pager", help="Page long output on a terminal."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP + " Used for slug@revision."),
) -> None:
    """Compare two plans (the default command: `plandiff OLD NEW`). Exit 0 if same, 1 if they differ."""
    from ..render.terminal import ViewOptions, comparison_view, section_matches

    space = workspace(repo)
    old_plan, new_plan = load(space, old), load(space, new)
    refuse_overwriting_inputs([output, html], [old_plan, new_plan])
    comparison = space.compare(old_plan, new_plan)
    if section and not section_matches(comparison, section):
        raise InputError(f"--section {section!r}: no section heading of either plan contains it")
    page = None
    if html is not None or output_format is OutputFormat.html:
        from ..render.html import render_report

        page = render_report(comparison, layout.value, options=f"plandiff {old} {new} --layout {layout.value}")
        if html is not None:
            write_file(page, html)
    if docx is not None:
        from ..render.docx import redline_docx

        write_file(redline_docx(comparison), docx)
    if xlsx is not None:
        from ..render.tables import changes_rows, to_xlsx

        write_file(to_xlsx(changes_rows(comparison.old, comparison.new, comparison.targets)), xlsx)
    if output_format is OutputFormat.html:
        _emit(page, output)
    elif output_format is OutputFormat.json:
        from ..render.json import comparison_to_dict, dumps

        _emit(dumps(comparison_to_dict(comparison)), output)
    else:
        plain = plain_output(no_color, output)
        options = ViewOptions(show_all, side_by_side, section, hide_routine, expand, plain_marks=plain,
                              explain=explain)
        emit_rich(comparison_view(comparison, options), output, plain, pager)
    raise typer.Exit(1 if comparison.differs else 0)


def _emit(text: str, output: Optional[Path]) -> None:
    """To stdout, or to the -o file with a note on stderr."""
    if output is None:
        emit(text, None)
    else:
        write_file(text, output)


@app.command()
def targets(
    plan: str = typer.Argument(..., help="A plan (slug or path)."),
    other: Optional[str] = typer.Argument(None, help="A newer plan: show only the target comparison."),
    output_format: TargetsFormat = typer.Option(TargetsFormat.text, "--format", "-f",
                                                help="text, json, html or csv (UTF-8 with a BOM, for Excel)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the targets as an HTML page."),
    xlsx: Optional[Path] = typer.Option(None, "--xlsx", help="Also write the targets as a spreadsheet."),
    section: str = typer.Option("", "--section", help="Only targets in sections whose heading contains this text."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP + " Used for slug@revision."),
) -> None:
    """List a plan's quantitative targets, or compare the targets of two plans (exit 1 if they differ)."""
    from ..render import tables
    from ..render.json import dumps, target_changes_to_dict, targets_to_dict
    from ..render.targets import target_changes_table, targets_table

    space = workspace(repo)
    first = load(space, plan)
    refuse_overwriting_inputs([output, html], [first])
    plain = plain_output(no_color, output)
    if other is None:
        found = tuple(t for t in space.targets(first) if not section or _under(t, first, section))
        _refuse_empty_section(section, found)
        if html is not None or output_format is TargetsFormat.html:
            from ..render.html import render_target_list

            page = render_target_list(first, found, options=f"plandiff targets {plan}")
            if html is not None:
                write_file(page, html)
        if xlsx is not None:
            write_file(tables.to_xlsx(tables.targets_rows(first, found)), xlsx)
        if output_format is TargetsFormat.json:
            _emit(dumps(targets_to_dict(first, found)), output)
        elif output_format is TargetsFormat.csv:
            _emit(tables.to_csv(tables.targets_rows(first, found)), output)
        elif output_format is TargetsFormat.html:
            _emit(page, output)
        else:
            emit_rich(targets_table(found, first), output, plain, pager=True)
        return
    second = load(space, other)
    refuse_overwriting_inputs([output, html], [second])
    comparison = space.compare(first, second)
    changes = tuple(change for change in comparison.targets if not section
                    or (change.old and _under(change.old, first, section))
                    or (change.new and _under(change.new, second, section)))
    _refuse_empty_section(section, changes)
    if html is not None or output_format is TargetsFormat.html:
        from dataclasses import replace

        from ..render.html import render_targets_report

        page = render_targets_report(replace(comparison, targets=changes), options=f"plandiff targets {plan} {other}")
        if html is not None:
            write_file(page, html)
    if xlsx is not None:
        write_file(tables.to_xlsx(tables.changes_rows(first, second, changes), "target changes"), xlsx)
    if output_format is TargetsFormat.html:
        _emit(page, output)
    elif output_format is TargetsFormat.json:
        _emit(dumps(target_changes_to_dict(first, second, changes)), output)
    elif output_format is TargetsFormat.csv:
        _emit(tables.to_csv(tables.changes_rows(first, second, changes)), output)
    else:
        emit_rich(target_changes_table(changes, plain, comparison.between_places), output, plain, pager=True)
    raise typer.Exit(1 if any(change.status != "same" for change in changes) else 0)


def _under(target, plan, section: str) -> bool:
    """Whether a target lies in a section, or under one, whose heading contains the text."""
    try:
        return any(section in part.heading for part in plan.path(target.section_id))
    except KeyError:
        return False


def _refuse_empty_section(section: str, kept) -> None:
    if section and not kept:
        raise InputError(f"--section {section!r}: no target lies in a section whose heading contains it")


@app.command()
def show(
    plan: str = typer.Argument(..., help="A slug (qingdao-2018) or a file path."),
    output_format: DataFormat = typer.Option(DataFormat.text, "--format", "-f", help="text or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP + " Used for slug@revision."),
) -> None:
    """Show a plan's metadata and outline."""
    parsed = load(workspace(repo), plan)
    if output_format is DataFormat.json:
        from ..render.json import dumps, plan_to_dict

        _emit(dumps(plan_to_dict(parsed)), output)
    else:
        from ..render.plan import plan_tree

        emit_rich(plan_tree(parsed), output, plain_output(False, output), pager=False)


@app.command("list")
def list_plans(
    output_format: DataFormat = typer.Option(DataFormat.text, "--format", "-f", help="text or json."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """List every known plan: bundled seeds, the user library and tracked editions."""
    from ..render.plan import known_plans_table

    space = workspace(repo)
    rows = []
    for known in space.known():
        try:
            rows.append((known, space.load(known.path), None))
        except PlandiffError as error:
            rows.append((known, None, error))
    if output_format is DataFormat.json:
        from ..render.json import dumps, known_plans_to_dict

        emit(dumps(known_plans_to_dict(rows)), None)
    else:
        emit_rich(known_plans_table(rows), None, plain_output(False, None), pager=False)


@app.command()
def add(
    file: Path = typer.Argument(..., help="The plan file to add."),
    slug: Optional[str] = typer.Option(None, "--as", help="Slug to file it under (default: place-year)."),
    force: bool = typer.Option(False, "--force", help="Replace a plan that already has this slug."),
) -> None:
    """Add a plan file to your library, under a slug derived from its place and year."""
    space = workspace()
    chosen, target = space.add(file, slug, force)
    how = "as given" if slug else "from its place and year"
    console().print(f"added {chosen} ({how}) → {target}  [library: {space.home}]")


store_commands.register(app)  # after the plan commands, so --help lists them first
series_commands.register(app)
app.add_typer(corpus_commands.corpus_app, name="corpus")


def tune_garbage_collector() -> None:
    """Fewer collector passes, and every object made so far (the imports) frozen out of them."""
    # A command makes many small objects and almost no reference cycles: in an uncached national report
    # comparison the collector's 80 passes found under 500 objects and took 35 ms. Called by main(), not
    # at import: a program or Dask worker that imports plandiff.cli keeps its own collector settings.
    gc.set_threshold(20_000, 20, 20)
    gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """Entry point. The group's main() is the one error path: one stderr line and exit 2 for every failure."""
    tune_garbage_collector()
    app(args=list(sys.argv[1:] if argv is None else argv), prog_name="plandiff")
