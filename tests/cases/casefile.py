"""Golden CLI cases: each folder holds `args`, and the byte-exact `expected` output and `exit` code.

Regenerate after an intended output change with:  python tests/cases/casefile.py
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent
WIDTH = "100"


def run_case(folder: Path) -> tuple[str, int]:
    """Run one case in-process, at a fixed terminal width and without colour."""
    from typer.testing import CliRunner

    from plandiff.cli.main import app

    args = shlex.split((folder / "args").read_text(encoding="utf-8"))
    env = {"COLUMNS": WIDTH, "LINES": "10000", "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, args, env=env, catch_exceptions=False)
    return result.stdout, result.exit_code


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
    regenerate()
