"""What the command modules share: the workspace, the console, colour choice and writing output."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from rich.console import Console

from ..errors import InputError
from ..sources.workspace import Workspace

REPO_HELP = "The revision store (a git repository); default: $PLANDIFF_HOME."


def workspace(repo: Path | None = None) -> Workspace:
    return Workspace.from_environment(repo)


def load(space: Workspace, name: str):
    """Load a plan and print its parse warnings on stderr, one line each: the plan is still used."""
    plan = space.load(name)
    for warning in plan.warnings:
        sys.stderr.write(f"plandiff: warning: {name}: {warning}\n")  # one line, never wrapped
    return plan


def console() -> Console:
    return Console(highlight=False)


def plain_output(no_color: bool, output: Path | None) -> bool:
    """No colour when asked, when NO_COLOR is set, or when the text goes to a file or a pipe.

    Without colour, edits are marked [-old-]{+new+} so they survive.
    """
    return no_color or bool(os.environ.get("NO_COLOR")) or output is not None or not console().is_terminal


def emit(text: str, output: Path | None) -> None:
    """Write to the output file (atomically) or stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        temporary = output.with_name(f".{output.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(output)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror}); choose another path with -o") from error


def emit_rich(renderable, output: Path | None, plain: bool, pager: bool) -> None:
    """Render to the terminal (through a pager when long) or to a file as plain text."""
    console = Console(highlight=False, no_color=plain, force_terminal=None if output is None else False,
                      width=100 if output is not None else None)
    with console.capture() as capture:
        console.print(renderable)
    text = capture.get()
    if output is None and pager and console.is_terminal and text.count("\n") > console.height:
        import pydoc

        os.environ.setdefault("LESS", "-R")  # keep the colours in less
        pydoc.pager(text)
    else:
        emit(text, output)
