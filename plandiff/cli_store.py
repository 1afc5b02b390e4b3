"""The revision-store commands: track, log and history."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .cli_support import REPO_HELP, console, emit, emit_rich, plain_output, store_at
from .errors import LibraryError


def register(app: typer.Typer) -> None:
    """Add the store commands to the application."""
    for command in (track, log, history):
        app.command()(command)


def track(
    file: Optional[Path] = typer.Argument(None, help="The plan file to record."),
    slug: Optional[str] = typer.Option(None, "--as", help="The edition's slug (qingdao-2018)."),
    label: str = typer.Option("", "--label", help="A revision label: draft, final, or your own word."),
    message: str = typer.Option("", "-m", "--message", help="A note for the revision's commit."),
    source: str = typer.Option("", "--source", help="Where the text came from (a URL)."),
    seeds: bool = typer.Option(False, "--seeds", help="Record the bundled sample plans."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """Record a revision of a plan in the git revision store; identical text is a no-op."""
    from .library import SEEDS_DIR, is_valid_slug
    from .loading import load_bytes
    from .reading import file_bytes

    store = store_at(repo)
    if seeds:
        jobs = [(path, path.stem) for path in sorted(SEEDS_DIR.glob("*.txt"))]
    elif file is not None and slug:
        jobs = [(file, slug)]
    else:
        raise LibraryError("give a FILE and --as SLUG (or --seeds to record the bundled plans)")
    out = console()
    for path, name in jobs:
        if not is_valid_slug(name):
            raise LibraryError(f"{name!r} is not a valid slug; use lowercase letters, digits and hyphens")
        data = file_bytes(path)
        plan = load_bytes(data, slug=name, source=str(path))  # only readable plans enter the store
        facts = {"title": plan.metadata.title, "place": plan.metadata.place, "year": plan.metadata.year}
        revision, created = store.track(data, path.name, name, label, message, source, facts)
        if created:
            out.print(f"tracked {name} r{revision.number}{f' ({label})' if label else ''} "
                          f"as {revision.commit[:10]} in {store.root}")
        else:
            out.print(f"{name}: unchanged, already tracked as r{revision.number} ({revision.commit[:10]})")


def log(
    name: Optional[str] = typer.Argument(None, help="An edition slug or a series (qingdao); default: all."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """List tracked revisions, newest first, with change counts against the revision before."""
    from .history import log_entries
    from .loading import load_bytes
    from .render.history_view import log_table

    store = store_at(repo)
    slugs = _slugs_for(store, name)
    entries = []
    for slug in slugs:
        revisions = store.revisions(slug)
        plans = [load_bytes(store.bytes_of(r), f"{slug}@r{r.number}") for r in revisions]
        entries.extend(log_entries(revisions, plans))
    entries.sort(key=lambda entry: entry.revision.date, reverse=True)
    console().print(log_table(entries))


def _slugs_for(store, name: str | None) -> list[str]:
    if not store.exists():
        raise LibraryError(f"no revisions in {store.root} yet; record one with `plandiff track FILE --as SLUG`")
    if name and store.has(name):
        return [name]
    slugs = store.slugs(name) if name else store.slugs()
    if not slugs:
        known = ", ".join(sorted({s.rsplit("-", 1)[0] for s in store.slugs()})) or "none"
        raise LibraryError(f"nothing tracked under {name!r}; tracked series: {known}")
    return slugs


def history(
    series: str = typer.Argument(..., help="A series: the slug without its year (national, qingdao)."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write the history as an HTML page with charts."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
    no_color: bool = typer.Option(False, "--no-color", help="No colours."),
) -> None:
    """Show a series' editions in year order with their targets: when each appeared and how it moved."""
    from .history import build_history
    from .loading import load_bytes
    from .render.history_view import history_page, history_table

    store = store_at(repo)
    slugs = _slugs_for(store, series)
    editions = [load_bytes(store.read(slug)[0], slug) for slug in slugs]
    result = build_history(series, editions)
    if html is not None:
        emit(history_page(result), html)
    plain = plain_output(no_color, None)
    emit_rich(history_table(result, plain), None, plain, pager=True)
