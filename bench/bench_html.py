"""Benchmark the HTML report: its size and how long headless chromium takes to open it.

Run:  .venv/bin/python bench/bench_html.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAIRS = [("qingdao-2018", "wuhan-2014"), ("changzhou-2018", "binzhou-2023"), ("qingdao-2018", "qingdao-shinan-2021")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from playwright.sync_api import sync_playwright

    import plandiff
    from plandiff.render.html import render_report

    folder = Path(tempfile.mkdtemp(prefix="plandiff-html-"))
    print("| pair | size (KB) | load in headless chromium, median (ms) |\n|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for old, new in PAIRS:
            path = folder / f"{old}--{new}.html"
            path.write_text(render_report(plandiff.compare(plandiff.load(old), plandiff.load(new))), encoding="utf-8")
            samples = []
            for _ in range(runs):
                page = browser.new_page()
                page.goto(path.as_uri(), wait_until="load")
                samples.append(page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd"))
                page.close()
            size = path.stat().st_size / 1024
            print(f"| {old} → {new} | {size:.0f} | {statistics.median(samples):.0f} |")
        browser.close()


if __name__ == "__main__":
    main()
