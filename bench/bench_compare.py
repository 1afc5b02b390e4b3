"""Benchmark `plandiff qingdao-2018 wuhan-2014`: the CLI as whole processes, `plandiff.compare()` in
process, and two peers.

Run:  .venv/bin/python bench/bench_compare.py [--runs N]
      .venv/bin/python bench/bench_compare.py --national-cli [--runs 5]
The second form times only issue 12's goal: the uncached CLI on the national 2022 -> 2023 reports, as
`PLANDIFF_NO_CACHE=1 /usr/bin/time -f '%e s %M KB' plandiff OLD NEW --no-pager` with output to a pipe,
and prints the median wall time and peak memory of the runs and the load average before and after.
Each timed call does only the work it names: a CLI row is one whole `plandiff` process (its environment
is set before the process starts), an in-process row is one pure call. Anything a row must start from
(an empty word memo) is set up before its timer starts. Peers: diff-match-patch on the two whole texts
(Diff_Timeout=0), and difflib.HtmlDiff over sentences.
"""

from __future__ import annotations

import argparse
import difflib
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
OLD, NEW = "qingdao-2018", "wuhan-2014"
NATIONAL = [ROOT.parent / "shared" / "corpus" / f"national-gwr-{year}.txt" for year in (2022, 2023)]


def timed(function, runs: int, setup=None) -> float:
    """Median seconds of function over runs; setup (untimed) runs before each."""
    samples = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cli_run(env: dict) -> None:
    subprocess.run([sys.executable, "-m", "plandiff", OLD, NEW, "--no-pager"], cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def forget_words() -> None:
    """Empty the in-process word memos, so a comparison segments both plans as a first one does."""
    from plandiff.engines.words import forget_memos

    forget_memos()


def national_cli(runs: int) -> None:
    """Median wall seconds and peak KB of whole uncached `plandiff` runs on national 2022 -> 2023, by /usr/bin/time."""
    plandiff = shutil.which("plandiff", path=str(Path(sys.executable).parent)) or "plandiff"
    env = {**os.environ, "PLANDIFF_NO_CACHE": "1", "PLANDIFF_HOME": tempfile.mkdtemp(prefix="plandiff-bench-home-")}
    command = ["/usr/bin/time", "-f", "%e s %M KB %U %S", plandiff, *map(str, NATIONAL), "--no-pager"]
    before = os.getloadavg()
    samples = []
    for _ in range(runs + 1):  # the first run may build the word lexicon once: not timed
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert result.returncode == 1, result.stderr  # the two reports differ
        seconds, _, kilobytes, _, user, system = result.stderr.strip().splitlines()[-1].split()
        samples.append((float(seconds), int(kilobytes), float(user) + float(system)))
    after = os.getloadavg()
    timed_samples = samples[1:]
    print(f"# PLANDIFF_NO_CACHE=1 /usr/bin/time -f '%e s %M KB %U %S' plandiff national-gwr-2022.txt national-gwr-2023.txt "
          f"--no-pager | (pipe), median of {runs}")
    print(f"wall {statistics.median(s for s, _, _ in timed_samples):.2f} s, "
          f"CPU (user + system) {statistics.median(c for _, _, c in timed_samples):.2f} s, "
          f"peak {statistics.median(k for _, k, _ in timed_samples) / 1024:.0f} MB; "
          f"wall of each run: {', '.join(f'{s:.2f}' for s, _, _ in timed_samples)} s; "
          f"untimed first run {samples[0][0]:.2f} s")
    print(f"load average (1, 5, 15 min) before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
          f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--national-cli", action="store_true", help="time only the uncached CLI on national 2022->2023")
    arguments = parser.parse_args()
    runs = arguments.runs
    if arguments.national_cli:
        national_cli(runs)
        return

    home = tempfile.mkdtemp(prefix="plandiff-bench-home-")  # no library or store of the user's shadows a seed
    os.environ["PLANDIFF_HOME"] = home  # set once, before anything is timed
    warm_env = {**os.environ, "PLANDIFF_HOME": home, "PLANDIFF_CACHE": tempfile.mkdtemp(prefix="plandiff-bench-")}
    cli_run(warm_env)  # fill the cache
    cold_env = {**os.environ, "PLANDIFF_HOME": home, "PLANDIFF_NO_CACHE": "1"}
    rows = [
        ("CLI, warm cache (whole process)", timed(lambda: cli_run(warm_env), runs)),
        ("CLI, no cache (whole process)", timed(lambda: cli_run(cold_env), max(3, runs // 2))),
    ]

    import plandiff
    from plandiff.engines.worddiff import text_diff
    from plandiff.engines.words import tokenize

    texts = {slug: (plandiff.Workspace(Path(home)).load(slug).text) for slug in (OLD, NEW)}  # no cache
    tokenize("预热")  # load jieba's dictionary once, outside the timings
    old, new = (plandiff.parse_plan(texts[slug], slug) for slug in (OLD, NEW))
    rows += [
        ("plandiff.parse_plan() of both texts, in process", timed(
            lambda: [plandiff.parse_plan(texts[slug], slug) for slug in (OLD, NEW)], runs, setup=forget_words)),
        ("plandiff.compare() in process, segmenting both plans", timed(
            lambda: plandiff.compare(old, new), runs, setup=forget_words)),
        ("plandiff.compare() in process, words already segmented", timed(lambda: plandiff.compare(old, new), runs)),
    ]
    old_text = "\n".join(s.text for section in old.sections for s in section.sentences)
    new_text = "\n".join(s.text for section in new.sections for s in section.sentences)
    old_sentences = [s.text for section in old.sections for s in section.sentences]
    new_sentences = [s.text for section in new.sections for s in section.sentences]
    rows += [
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
