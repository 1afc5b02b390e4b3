"""What the command modules share: the workspace, the console, colour choice and writing output."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from enum import Enum
from pathlib import Path

from rich.console import Console

from ..errors import InputError, OutputError, StoreError, escaped, os_reason
from ..parse.text import visible
from ..sources.reading import path_exists
from ..sources.workspace import Workspace

# The only escape sequences plandiff itself sends: rich's colour codes (SGR). Any other ESC or control
# character in the output came from a document or a file name and is shown as its picture (␛).
_OWN_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


class DataFormat(str, Enum):
    """The formats of a command whose output is data: a table for people, JSON for scripts."""

    text = "text"
    json = "json"


REPO_HELP = "The revision store (a git repository); default: $PLANDIFF_HOME."


def workspace(repo: Path | None = None) -> Workspace:
    """The workspace; a --repo that names a file is refused at once, whether or not the command needs it."""
    if repo is not None and path_exists(repo) and not repo.is_dir():
        raise StoreError(f"{escaped(str(repo))} is a file, not a folder; give --repo a plandiff store folder")
    return Workspace.from_environment(repo)


def load(space: Workspace, name: str):
    """Load a plan and print its parse warnings on stderr, one line each: the plan is still used."""
    plan = space.load(name)
    for warning in plan.warnings:
        sys.stderr.write(f"plandiff: warning: {name}: {warning}\n")  # one line, never wrapped
    return plan


def console() -> Console:
    """A console on stdout that shows control characters from documents and file names visibly."""
    return Console(highlight=False, file=_VisibleStdout())


class _VisibleStdout:
    """stdout, with every control character but rich's own colour codes made visible on the way out."""

    def write(self, text: str) -> int:
        return sys.stdout.write(_safe_rendered(text))

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    def fileno(self) -> int:
        return sys.stdout.fileno()

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", "utf-8") or "utf-8"


def plain_output(no_color: bool, output: Path | None) -> bool:
    """No colour when asked, when NO_COLOR is set, or when the text goes to a file or a pipe.

    Without colour, edits are marked [-old-]{+new+} so they survive.
    """
    return no_color or bool(os.environ.get("NO_COLOR")) or output is not None or not console().is_terminal


def emit(text: str, output: Path | None) -> None:
    """Write to the output file (atomically: a failure leaves neither half a file nor a temporary) or stdout."""
    if output is None:
        sys.stdout.write(visible(text))
        return
    temporary = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{output.name[:100]}.", suffix=".tmp", dir=output.parent or ".")
        temporary = Path(name)
        # mkstemp makes the file private (0600); a report is an ordinary file, readable as the umask allows.
        os.chmod(handle, _file_mode(output))
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        temporary.replace(output)
        temporary = None
    except OSError as error:
        raise OutputError(f"{escaped(str(output))}: cannot write ({os_reason(error)}); choose another path with -o") \
            from None
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _file_mode(path: Path) -> int:
    """The mode open() would give a new file (0666 less the umask), or the mode of the file replaced."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def refuse_overwriting_inputs(outputs: list[Path | None], plans: list) -> None:
    """An output path that names one of the input plans would destroy it: refuse before any work is lost."""
    sources = [Path(plan.source) for plan in plans if plan.source]
    for output in outputs:
        if output is None:
            continue
        for source in sources:
            if _same_file(output, source):
                raise OutputError(f"{escaped(str(output))} is one of the input plans; "
                                  "write the output to another file")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


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
    report_written(path)


def report_written(path: Path) -> None:
    """Say on stderr what was written: `wrote FILE (N KB)`."""
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
    text = _safe_rendered(capture.get())
    if not to_terminal:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    if to_terminal and pager and text.count("\n") > console_.height:
        import pydoc

        os.environ.setdefault("LESS", "-R")  # keep the colours in less
        pydoc.pager(text)
    elif output is None:
        sys.stdout.write(text)  # made safe above; emit() would turn plandiff's own colour codes into ␛
    else:
        write_file(text, output)


def _safe_rendered(text: str) -> str:
    """Rendered text with plandiff's own colour codes kept and every other control character made visible."""
    parts, cursor = [], 0
    for match in _OWN_COLOUR.finditer(text):
        parts += [visible(text[cursor:match.start()]), match.group()]
        cursor = match.end()
    return "".join(parts) + visible(text[cursor:])
