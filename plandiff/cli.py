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
    html = "html"


REPO_HELP = "The revision store (a git repository); default: $PLANDIFF_HOME."


class Layout(str, Enum):
    side = "side"
    inline = "inline"


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
            _emit(page, html)
            Console(stderr=True, highlight=False).print(f"wrote the HTML report to {html}")
    if output_format is OutputFormat.html:
        _emit(page, output)
    elif output_format is OutputFormat.json:
        from .render.comparison_json import comparison_to_dict

        _emit(json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n", output)
    else:
        plain = _plain(no_color, output)
        options = ViewOptions(show_all, side_by_side, section, hide_routine, expand, plain_marks=plain)
        _emit_rich(comparison_view(comparison, options), output, plain, pager)
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
    plain = _plain(no_color, output)
    if other is None:
        found = extract_targets(first)
        if output_format is OutputFormat.json:
            _emit(json.dumps(targets_to_dict(first, found), ensure_ascii=False, indent=2) + "\n", output)
        else:
            _emit_rich(targets_table(found), output, plain, pager=True)
        return
    from .comparing import compare as compare_plans

    second = load(other, repo)
    comparison = compare_plans(first, second)
    changes = comparison.targets
    if html is not None or output_format is OutputFormat.html:
        from .render.html_report import render_targets_report

        _emit(render_targets_report(comparison, options=f"plandiff targets {plan} {other}"), html or output)
    elif output_format is OutputFormat.json:
        data = {"schema": "plandiff/target-changes@1", "old": first.slug, "new": second.slug,
                "targets": [target_change_to_dict(change) for change in changes]}
        _emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    else:
        _emit_rich(target_changes_table(changes, plain), output, plain, pager=True)
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
        _console().print(plan_tree(parsed))


@app.command("list")
def list_plans(
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """List every known plan: bundled seeds, the user library and tracked editions."""
    from rich.table import Table

    from .library import Entry, entries
    from .loading import load

    known = {entry.slug: entry for entry in entries()}
    store = _store(repo)
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


def _store(repo: Path | None):
    from .library import home
    from .store import Store

    return Store(repo or home())


@app.command()
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
    from .library import SEEDS_DIR
    from .loading import load_bytes
    from .reading import file_bytes

    store = _store(repo)
    if seeds:
        jobs = [(path, path.stem) for path in sorted(SEEDS_DIR.glob("*.txt"))]
    elif file is not None and slug:
        jobs = [(file, slug)]
    else:
        raise LibraryError("give a FILE and --as SLUG (or --seeds to record the bundled plans)")
    console = _console()
    for path, name in jobs:
        from .library import is_valid_slug

        if not is_valid_slug(name):
            raise LibraryError(f"{name!r} is not a valid slug; use lowercase letters, digits and hyphens")
        data = file_bytes(path)
        plan = load_bytes(data, slug=name, source=str(path))  # only readable plans enter the store
        facts = {"title": plan.metadata.title, "place": plan.metadata.place, "year": plan.metadata.year}
        revision, created = store.track(data, path.name, name, label, message, source, facts)
        if created:
            console.print(f"tracked {name} r{revision.number}{f' ({label})' if label else ''} "
                          f"as {revision.commit[:10]} in {store.root}")
        else:
            console.print(f"{name}: unchanged, already tracked as r{revision.number} ({revision.commit[:10]})")


@app.command()
def log(
    name: Optional[str] = typer.Argument(None, help="An edition slug or a series (qingdao); default: all."),
    repo: Optional[Path] = typer.Option(None, "--repo", help=REPO_HELP),
) -> None:
    """List tracked revisions, newest first, with change counts against the revision before."""
    from .history import log_entries
    from .loading import load_bytes
    from .render.history_view import log_table

    store = _store(repo)
    slugs = _slugs_for(store, name)
    entries = []
    for slug in slugs:
        revisions = store.revisions(slug)
        plans = [load_bytes(store.read(slug, f"r{r.number}")[0], f"{slug}@r{r.number}") for r in revisions]
        entries.extend(log_entries(revisions, plans))
    entries.sort(key=lambda entry: entry.revision.date, reverse=True)
    _console().print(log_table(entries))


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


@app.command()
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

    store = _store(repo)
    slugs = _slugs_for(store, series)
    editions = [load_bytes(store.read(slug)[0], slug) for slug in slugs]
    result = build_history(series, editions)
    if html is not None:
        _emit(history_page(result), html)
    plain = _plain(no_color, None)
    _emit_rich(history_table(result, plain), None, plain, pager=True)


def _plain(no_color: bool, output: Path | None) -> bool:
    """No colour when asked, when NO_COLOR is set, or when the text goes to a file or a pipe.

    Without colour, edits are marked [-old-]{+new+} so they survive.
    """
    import os

    return no_color or bool(os.environ.get("NO_COLOR")) or output is not None or not _console().is_terminal


def _emit(text: str, output: Path | None) -> None:
    """Write to the output file (atomically) or stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    from .errors import InputError

    try:
        temporary = output.with_name(f".{output.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(output)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror}); choose another path with -o") from error


def _emit_rich(renderable, output: Path | None, plain: bool, pager: bool) -> None:
    """Render to the terminal (through a pager when long) or to a file as plain text."""
    console = Console(highlight=False, no_color=plain, force_terminal=None if output is None else False,
                      width=100 if output is not None else None)
    with console.capture() as capture:
        console.print(renderable)
    text = capture.get()
    if output is None and pager and console.is_terminal and text.count("\n") > console.height:
        import os
        import pydoc

        os.environ.setdefault("LESS", "-R")  # keep the colours in less
        pydoc.pager(text)
    else:
        _emit(text, output)


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.1f} KB"


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
