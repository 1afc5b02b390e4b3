"""CPU and wall time of each step the uncached `plandiff OLD NEW --no-pager` takes, in one process.

Run:  .venv/bin/python bench/bench_cli_phases.py [OLD NEW]   (default: the national 2022 and 2023 reports)
Steps: importing the CLI, parsing each plan, importing the comparison code, compare(), building the view,
and rendering it with rich as a pipe gets it (100,000 cells wide, no colour). Nothing is cached.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["PLANDIFF_NO_CACHE"] = "1"  # before plandiff is imported
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    old_name, new_name = sys.argv[1:3] or [str(CORPUS / f"national-gwr-{year}.txt") for year in (2022, 2023)]
    marks = [("start", time.perf_counter(), time.process_time())]

    def mark(label: str) -> None:
        marks.append((label, time.perf_counter(), time.process_time()))

    from plandiff.cli.main import tune_garbage_collector  # what the command line imports before it runs

    tune_garbage_collector()  # as main() does first
    mark("import the CLI")
    from plandiff.cli.output import UNWRAPPED, load, workspace

    space = workspace(None)
    old = load(space, old_name)
    mark("parse old")
    new = load(space, new_name)
    mark("parse new")
    import plandiff.diff.pipeline  # noqa: F401

    mark("import compare")
    comparison = space.compare(old, new)
    mark("compare()")
    from rich.console import Console

    from plandiff.render.terminal import ViewOptions, comparison_view

    view = comparison_view(comparison, ViewOptions(plain_marks=True))
    mark("build the view")
    console = Console(highlight=False, no_color=True, width=UNWRAPPED, file=open(os.devnull, "w"))
    with console.capture():
        console.print(view)
    mark("render with rich")
    print(f"# {Path(old_name).name} -> {Path(new_name).name}, load average {os.getloadavg()[0]:.2f}")
    print("| step | wall (s) | CPU (s) |\n|---|---|---|")
    for (_, wall0, cpu0), (label, wall1, cpu1) in zip(marks, marks[1:]):
        print(f"| {label} | {wall1 - wall0:.3f} | {cpu1 - cpu0:.3f} |")
    print(f"| total | {marks[-1][1] - marks[0][1]:.3f} | {marks[-1][2] - marks[0][2]:.3f} |")


if __name__ == "__main__":
    main()
