"""Benchmark the Word redline: redline_docx() in process, on comparisons made beforehand.

Run:  .venv/bin/python bench/bench_redline.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
PAIRS = [("qingdao-2018", "wuhan-2014"), ("changzhou-2018", "binzhou-2023"),
         (CORPUS / "national-gwr-2022.txt", CORPUS / "national-gwr-2023.txt")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    import plandiff
    from plandiff.render.docx import redline_docx

    print("| pair | redline_docx() median (ms) | size (KB) |\n|---|---|---|")
    for old, new in PAIRS:
        comparison = plandiff.compare(plandiff.load(str(old)), plandiff.load(str(new)))
        data = redline_docx(comparison)  # warm: python-docx's template and lxml
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            redline_docx(comparison)
            samples.append(time.perf_counter() - start)
        name = f"{Path(str(old)).stem} → {Path(str(new)).stem}"
        print(f"| {name} | {statistics.median(samples) * 1000:.0f} | {len(data) // 1024} |")


if __name__ == "__main__":
    main()
