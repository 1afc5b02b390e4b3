"""The command line: a thin layer that parses options, calls the library and picks a renderer."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from . import __version__
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


def _console() -> Console:
    return Console(highlight=False)


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
def show(
    plan: str = typer.Argument(..., help="A slug (qingdao-2018) or a file path."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """Show a plan's metadata and outline."""
    from .loading import load
    from .render.plan_view import plan_to_dict, plan_tree

    parsed = load(plan)
    if output_format is OutputFormat.json:
        _print_json(plan_to_dict(parsed))
    else:
        _console().print(plan_tree(parsed))


@app.command("list")
def list_plans() -> None:
    """List every known plan: bundled seeds and the user library."""
    from rich.table import Table

    from .library import entries
    from .loading import load

    table = Table("slug", "title", "place", "year", "size", "origin", box=None, header_style="bold")
    for entry in entries():
        try:
            plan = load(entry.path)
            meta = plan.metadata
            table.add_row(entry.slug, meta.title, meta.place, str(meta.year or ""), _size(entry.path), entry.origin)
        except PlandiffError as error:
            table.add_row(entry.slug, f"[unreadable: {error}]", "", "", _size(entry.path), entry.origin)
    _console().print(table)


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
    _console().print(f"added {chosen} ({how}) → {target}  [library: {home()}]")


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.1f} KB"


COMMANDS = {"compare", "show", "list", "add"}


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
