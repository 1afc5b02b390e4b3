"""Benchmark `plandiff qingdao-2018 wuhan-2014`: whole CLI runs and the in-process comparison vs peers.

Run:  .venv/bin/python bench/bench_compare.py [--runs N]
Peers: diff-match-patch on the two whole texts (Diff_Timeout=0), and difflib.HtmlDiff over sentences.
"""

from __future__ import annotations

import argparse
import difflib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OLD, NEW = "qingdao-2018", "wuhan-2014"


def timed(function, runs: int) -> float:
    """Median seconds over runs."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cli_run(env: dict) -> None:
    subprocess.run([sys.executable, "-m", "plandiff", OLD, NEW, "--no-pager"], cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    cache = tempfile.mkdtemp(prefix="plandiff-bench-")
    warm_env = {**os.environ, "PLANDIFF_CACHE": cache}
    cli_run(warm_env)  # fill the cache
    cold_env = {**os.environ, "PLANDIFF_NO_CACHE": "1"}
    rows = [
        ("CLI, warm cache (whole process)", timed(lambda: cli_run(warm_env), runs)),
        ("CLI, no cache (whole process)", timed(lambda: cli_run(cold_env), max(3, runs // 2))),
    ]

    os.environ["PLANDIFF_CACHE"] = tempfile.mkdtemp(prefix="plandiff-bench-")
    import plandiff
    from plandiff.diff.pipeline import compare as _compare
    from plandiff.engines.worddiff import text_diff
    from plandiff.engines.words import tokenize

    old, new = plandiff.load(OLD), plandiff.load(NEW)
    tokenize("预热")  # load jieba's dictionary once, outside the timings
    _compare(old, new)  # segments each plan once and caches its terms, as every real run does

    def uncached():
        os.environ["PLANDIFF_NO_CACHE"] = "1"
        _compare(old, new)
        del os.environ["PLANDIFF_NO_CACHE"]

    old_text = "\n".join(s.text for section in old.sections for s in section.sentences)
    new_text = "\n".join(s.text for section in new.sections for s in section.sentences)
    old_sentences = [s.text for section in old.sections for s in section.sentences]
    new_sentences = [s.text for section in new.sections for s in section.sentences]
    rows += [
        ("plandiff comparison in process (plans segmented once, cached)", timed(lambda: _compare(old, new), runs)),
        ("plandiff comparison in process (segmenting both plans too)", timed(uncached, runs)),
        ("diff-match-patch, whole texts, Diff_Timeout=0", timed(lambda: text_diff(old_text, new_text), max(3, runs // 2))),
        ("difflib.HtmlDiff over sentences", timed(
            lambda: difflib.HtmlDiff().make_table(old_sentences, new_sentences), max(3, runs // 2))),
    ]
    print(f"# {OLD} vs {NEW}, median of runs, {sys.version.split()[0]}")
    print("| what | seconds |\n|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
