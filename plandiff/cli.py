"""The command line: a thin layer that parses options, calls the library and picks a renderer."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import __version__, cli_store
from .cli_support import REPO_HELP, console, emit, emit_rich, plain_output, store_at
from .errors import LibraryError, PlandiffError

app = typer.Typer(
    add_completion=False,
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


class Layout(str, Enum):
    side = "side"
    inline = "inline"


def _print_json(data: dict) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plandiff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Compare Chinese government planning documents."""


@app.command()
def compare(
    old: str = typer.Argument(..., help="The older or reference plan: a slug or a file path."),
    new: str = typer.Argument(..., help="The newer plan: a slug or a file path."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the HTML report to this file."),
    layout: Layout = typer.Option(Layout.side, "--layout", help="HTML layout: side (by side) or inline redline."),
    side_by_side: bool = typer.Option(False, "--side-by-side", "-s", help="Old and new sentences in two columns."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Show unchanged sentences too."),
    section: str = typer.Option("", "--section", help="Only sections whose heading contains this text."),
    expand: bool = typer.Option(False, "--expand", "-e", help="Show the sentences of added and removed sections."),
    hide_routine: bool = typer.Option(False, "--hide-routine", help="Hide routine year rollovers (2023年→2024年)."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours; edits are marked [-old-]{+new+}."),
    pager: bool = typer.Option(True, "--pager/--no-pager", help="Page long output on a terminal."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP + " Used for slug@revision."),
) -> None:
    """Compare two plans (the default command: `plandiff OLD NEW`). Exit 0 if same, 1 if they differ."""
    from .comparing import compare as compare_plans
    from .loading import load
    from .render.terminal import ViewOptions, comparison_view

    comparison = compare_plans(load(old, repo), load(new, repo))
    if html is not None or output_format is OutputFormat.html:
        from .render.html_report import render_report

        page = render_report(comparison, layout.value, options=f"plandiff {old} {new} --layout {layout.value}")
        if html is not None:
            emit(page, html)
            Console(stderr=True, highlight=False).print(f"wrote the HTML report to {html}")
    if output_format is OutputFormat.html:
        emit(page, output)
    elif output_format is OutputFormat.json:
        from .render.comparison_json import comparison_to_dict

        emit(json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n", output)
    else:
        plain = plain_output(no_color, output)
        options = ViewOptions(show_all, side_by_side, section, hide_routine, expand, plain_marks=plain)
        emit_rich(comparison_view(comparison, options), output, plain, pager)
    raise typer.Exit(1 if comparison.differs else 0)


@app.command()
def targets(
    plan: str = typer.Argument(..., help="A plan (slug or path)."),
    other: Optional[str] = typer.Argument(None, help="A newer plan: show only the target comparison."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    html: Optional[Path] = typer.Option(None, "--html", help="Write the target comparison as an HTML page."),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP + " Used for slug@revision."),
) -> None:
    """List a plan's quantitative targets, or compare the targets of two plans (exit 1 if they differ)."""
    from .loading import load
    from .render.targets_view import target_change_to_dict, target_changes_table, targets_table, targets_to_dict
    from .targets import extract_targets

    first = load(plan, repo)
    plain = plain_output(no_color, output)
    if other is None:
        found = extract_targets(first)
        if output_format is OutputFormat.json:
            emit(json.dumps(targets_to_dict(first, found), ensure_ascii=False, indent=2) + "\n", output)
        else:
            emit_rich(targets_table(found), output, plain, pager=True)
        return
    from .comparing import compare as compare_plans

    second = load(other, repo)
    comparison = compare_plans(first, second)
    changes = comparison.targets
    if html is not None or output_format is OutputFormat.html:
        from .render.html_report import render_targets_report

        emit(render_targets_report(comparison, options=f"plandiff targets {plan} {other}"), html or output)
    elif output_format is OutputFormat.json:
        data = {"schema": "plandiff/target-changes@1", "old": first.slug, "new": second.slug,
                "targets": [target_change_to_dict(change) for change in changes]}
        emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        emit_rich(target_changes_table(changes, plain), output, plain, pager=True)
    raise typer.Exit(1 if any(change.status != "same" for change in changes) else 0)


@app.command()
def show(
    plan: str = typer.Argument(..., help="A slug (qingdao-2018) or a file path."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text or json."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP + " Used for slug@revision."),
) -> None:
    """Show a plan's metadata and outline."""
    from .loading import load
    from .render.plan_view import plan_to_dict, plan_tree

    parsed = load(plan, repo)
    if output_format is OutputFormat.json:
        _print_json(plan_to_dict(parsed))
    else:
        console().print(plan_tree(parsed))


@app.command("list")
def list_plans(
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """List every known plan: bundled seeds, the user library and tracked editions."""
    from rich.table import Table

    from .library import Entry, entries
    from .loading import load

    known = {entry.slug: entry for entry in entries()}
    store = store_at(repo)
    if store.exists():
        # A tracked edition is what a bare slug loads, so it shadows a seed or library file of that name.
        known.update({slug: Entry(slug, store.latest_file(slug), "tracked") for slug in store.slugs()})
    table = Table("slug", "title", "place", "year", "size", "origin", box=None, header_style="bold")
    table.columns[1].overflow = "fold"
    for entry in sorted(known.values(), key=lambda e: e.slug):
        try:
            plan = load(entry.path)
            meta = plan.metadata
            table.add_row(entry.slug, meta.title, meta.place, str(meta.year or ""), _size(entry.path), entry.origin)
        except PlandiffError as error:
            table.add_row(entry.slug, f"[unreadable: {error}]", "", "", _size(entry.path), entry.origin)
    console().print(table)


@app.command()
def add(
    file: Path = typer.Argument(..., help="The plan file to add."),
    slug: Optional[str] = typer.Option(None, "--as", help="Slug to file it under (default: place-year)."),
    force: bool = typer.Option(False, "--force", help="Replace a plan that already has this slug."),
) -> None:
    """Add a plan file to your library, under a slug derived from its place and year."""
    from .library import add as add_to_library
    from .library import home, suggest_slug
    from .loading import load

    plan = load(file)  # parse first: a file that is not a readable plan never enters the library
    chosen = slug or suggest_slug([plan.metadata.city, plan.metadata.district], plan.metadata.year)
    if not chosen or chosen.isdigit():
        raise LibraryError(f"{file}: no place found in the plan to name it by; give one with --as SLUG")
    target = add_to_library(file, chosen, overwrite=force)
    how = "as given" if slug else "from its place and year"
    console().print(f"added {chosen} ({how}) → {target}  [library: {home()}]")


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.1f} KB"


cli_store.register(app)  # after the plan commands, so --help lists them first
COMMANDS = {"compare", "show", "list", "add", "targets", "track", "log", "history"}


def main(argv: list[str] | None = None) -> None:
    """Entry point: `plandiff OLD NEW` means `plandiff compare OLD NEW`; typed errors exit 2 in one line."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not COMMANDS.intersection(args) and not set(args) & {"--help", "-h", "--version"}:
        args.insert(0, "compare")
    try:
        app(args=args, prog_name="plandiff", standalone_mode=True)
    except PlandiffError as error:
        Console(stderr=True, highlight=False).print(f"plandiff: error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
