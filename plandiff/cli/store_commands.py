"""The revision-store commands: track and log (history lives with the series commands)."""

from pathlib import Path
from typing import Optional

import typer

from ..errors import LibraryError
from .output import REPO_HELP, DataFormat, console, emit, emit_rich, plain_output, workspace


def register(app: typer.Typer) -> None:
    """Add the store commands to the application."""
    for command in (track, log):
        app.command()(command)


def track(
    file: Optional[Path] = typer.Argument(None, help="The plan file to record."),
    slug: Optional[str] = typer.Option(None, "--as", help="The edition's slug (default: place-year, national-2023)."),
    label: str = typer.Option("", "--label", help="A revision label: draft, final, or your own word."),
    message: str = typer.Option("", "-m", "--message", help="A note for the revision's commit."),
    source: str = typer.Option("", "--source", help="Where the text came from (a URL)."),
    seeds: bool = typer.Option(False, "--seeds", help="Record the bundled sample plans."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """Record a revision of a plan in the git revision store; identical text is a no-op."""
    space = workspace(repo)
    if seeds:
        jobs = space.seed_files()
    elif file is not None:
        jobs = [(file, slug or space.slug_for(file))]
    else:
        raise LibraryError("give a FILE (and --as SLUG to name it yourself), or --seeds to record the bundled plans")
    out = console()
    for path, name in jobs:
        revision, created = space.track(path, name, label, message, source)
        if created:
            out.print(f"tracked {name} r{revision.number}{f' ({label})' if label else ''} "
                      f"as {revision.commit[:10]} in {space.store_root}")
        else:
            out.print(f"{name}: unchanged, already tracked as r{revision.number} ({revision.commit[:10]})")


def log(
    name: Optional[str] = typer.Argument(None, help="An edition slug or a series (qingdao); default: all."),
    output_format: DataFormat = typer.Option(DataFormat.text, "--format", "-f", help="text or json."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """List tracked revisions, newest first, with change counts against the revision before."""
    entries = workspace(repo).log(name)
    if output_format is DataFormat.json:
        from ..render.json import dumps, log_to_dict

        emit(dumps(log_to_dict(entries)), None)
    else:
        from ..render.history import log_table

        emit_rich(log_table(entries), None, plain_output(False, None), pager=False)
