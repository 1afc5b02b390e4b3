"""Benchmark the HTML report: the CLI writing it as a whole process, rendering it in process, its size,
and how long headless chromium takes to open it.

Run:  .venv/bin/python bench/bench_html.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAIRS = [("qingdao-2018", "wuhan-2014"), ("changzhou-2018", "binzhou-2023"), ("qingdao-2018", "qingdao-shinan-2021")]


def median_seconds(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from playwright.sync_api import sync_playwright

    import plandiff
    from plandiff.render.html import render_report

    folder = Path(tempfile.mkdtemp(prefix="plandiff-html-"))
    # A fresh library and a warm cache of its own, set before any timing: the CLI rows are repeat runs.
    env = {**os.environ, "PLANDIFF_HOME": str(folder / "home"), "PLANDIFF_CACHE": str(folder / "cache")}
    os.environ["PLANDIFF_HOME"] = env["PLANDIFF_HOME"]
    print("| pair | size (KB) | `plandiff OLD NEW --format html -o FILE`, warm cache (s) "
          "| render_report() in process (ms) | load in headless chromium (ms) |\n|---|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for old, new in PAIRS:
            path = folder / f"{old}--{new}.html"
            command = [sys.executable, "-m", "plandiff", old, new, "--format", "html", "-o", str(path)]
            run = lambda: subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=False)  # noqa: E731
            run()  # fill the cache
            cli_seconds = median_seconds(run, runs)
            comparison = plandiff.compare(plandiff.load(old), plandiff.load(new))
            render_ms = 1000 * median_seconds(lambda: render_report(comparison), runs)
            samples = []
            for _ in range(runs):
                page = browser.new_page()
                page.goto(path.as_uri(), wait_until="load")
                samples.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
                page.close()
            size = path.stat().st_size / 1024
            print(f"| {old} → {new} | {size:.0f} | {cli_seconds:.2f} | {render_ms:.0f} | {statistics.median(samples):.0f} |")
        browser.close()


if __name__ == "__main__":
    main()
