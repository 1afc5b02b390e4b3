"""What the command modules share: the workspace, the console, colour choice and writing output."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path

from rich.console import Console

from ..errors import InputError
from ..sources.workspace import Workspace

class DataFormat(str, Enum):
    """The formats of a command whose output is data: a table for people, JSON for scripts."""

    text = "text"
    json = "json"


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


def write_file(content: str | bytes, path: Path) -> None:
    """Write a report file (text or a binary document) and say so on stderr: `wrote FILE (N KB)`."""
    if isinstance(content, str):
        emit(content, path)
    else:
        try:
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_bytes(content)
            temporary.replace(path)
        except OSError as error:
            raise InputError(f"{path}: cannot write ({error.strerror}); choose another path") from error
    size = path.stat().st_size
    Console(stderr=True, highlight=False).print(f"wrote {path} ({max(1, round(size / 1024))} KB)", markup=False,
                                                soft_wrap=True)


UNWRAPPED = 100_000  # piped text: one line per sentence, so grep and editors see whole sentences


def emit_rich(renderable, output: Path | None, plain: bool, pager: bool) -> None:
    """Render to the terminal (its width, through a pager when long), or unwrapped to a pipe or a file."""
    to_terminal = output is None and console().is_terminal
    console_ = Console(highlight=False, no_color=plain, force_terminal=None if output is None else False,
                       width=None if to_terminal else UNWRAPPED)
    with console_.capture() as capture:
        console_.print(renderable)
    text = capture.get()
    if not to_terminal:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if to_terminal and pager and text.count("\n") > console_.height:
        import pydoc

        os.environ.setdefault("LESS", "-R")  # keep the colours in less
        pydoc.pager(text)
    elif output is None:
        emit(text, None)
    else:
        write_file(text, output)
