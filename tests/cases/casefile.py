"""Golden CLI cases: each folder holds its own input files, `args` naming them, and the byte-exact
`expected` output and `exit` code. A case runs inside its folder, so `args` names inputs by file name.

Regenerate after an intended output change with:  python tests/cases/casefile.py
"""

from __future__ import annotations

import os
import shlex
import sys
from contextlib import chdir
from pathlib import Path

CASES = Path(__file__).resolve().parent
WIDTH = "100"
CASE_FILES = {"args", "expected", "exit"}


def run_case(folder: Path) -> tuple[str, int]:
    """Run one case in-process, in its folder, at a fixed terminal width and without colour."""
    from typer.testing import CliRunner

    from plandiff.cli.main import app

    args = shlex.split((folder / "args").read_text(encoding="utf-8"))
    env = {"COLUMNS": WIDTH, "LINES": "10000", "NO_COLOR": "1", "TERM": "dumb"}
    with chdir(folder):
        result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    return result.stdout, result.exit_code


def inputs_of(folder: Path) -> list[Path]:
    """The case's own input files: everything in its folder but args, expected and exit."""
    return sorted(path for path in folder.iterdir() if path.is_file() and path.name not in CASE_FILES)


def case_folders() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "args").is_file())


def regenerate() -> None:
    for folder in case_folders():
        output, code = run_case(folder)
        (folder / "expected").write_text(output, encoding="utf-8")
        (folder / "exit").write_text(f"{code}\n", encoding="utf-8")
        print(f"{folder.name}: exit {code}, {len(output.splitlines())} lines")


if __name__ == "__main__":
    sys.path.insert(0, str(CASES.parent.parent))
    os.environ.setdefault("PLANDIFF_NO_CACHE", "1")
    import tempfile

    with tempfile.TemporaryDirectory() as home:  # like the suite: the user's library never shadows a case
        os.environ["PLANDIFF_HOME"] = home
        regenerate()
