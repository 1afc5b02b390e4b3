"""Target extraction against the hand-written gold lists: precision, recall, verdict accuracy and timing.

    .venv/bin/python bench/bench_targets.py --runs 5
    .venv/bin/python bench/bench_targets.py --variants   # each document pasted, traditional, GB18030
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from target_gold import (  # noqa: E402
    CITY_PLANS,
    GOLD_CHANGES,
    GOLD_DOCUMENTS,
    load_gold_changes,
    load_gold_targets,
    score_changes,
    score_targets,
)

from plandiff.diff.pipeline import compare  # noqa: E402
from plandiff.parse.pipeline import parse_plan  # noqa: E402
from plandiff.targets.extract import extract_targets  # noqa: E402
from plandiff.targets.match import match_targets  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "plandiff" / "seeds"


def _plan(name: str):
    folder = SEEDS if name in CITY_PLANS else CORPUS
    return parse_plan((folder / f"{name}.txt").read_text(encoding="utf-8"), name)


def _median_ms(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def _variants() -> None:
    """Each gold document as a user may bring it, loaded from a file like any other (its own temp library)."""
    import os
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="bench-targets-"))
    os.environ.update(PLANDIFF_HOME=str(folder / "home"), PLANDIFF_CACHE=str(folder / "cache"))
    import opencc

    import plandiff

    forms = {
        "one paragraph": lambda text: "".join(line.strip() for line in text.splitlines()).encode("utf-8"),
        "traditional": lambda text: opencc.OpenCC("s2t").convert(text).encode("utf-8"),
        "GB18030": lambda text: text.encode("gb18030"),
    }
    print("| document | form | gold | found | precision | recall | horizon right |")
    print("|---|---|---|---|---|---|---|")
    for name in GOLD_DOCUMENTS:
        text = ((SEEDS if name in CITY_PLANS else CORPUS) / f"{name}.txt").read_text(encoding="utf-8")
        for form, encode in forms.items():
            path = folder / f"{name}-{form.replace(' ', '-')}.txt"
            path.write_bytes(encode(text))
            plan = plandiff.load(path)
            score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
            print(f"| {name} | {form} | {score.gold} | {score.found} | {score.precision:.2f} | {score.recall:.2f} | "
                  f"{score.horizon_right}/{score.matched} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--variants", action="store_true", help="score pasted, traditional and GB18030 forms")
    arguments = parser.parse_args()
    if arguments.variants:
        _variants()
        return
    runs = arguments.runs
    print("| document | gold | found | precision | recall | kind right | horizon right | extraction (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    totals = {}
    for name in GOLD_DOCUMENTS:
        plan = _plan(name)
        score = score_targets(plan, extract_targets(plan), load_gold_targets(name))
        ms = _median_ms(lambda: extract_targets(plan), runs)
        print(f"| {name} | {score.gold} | {score.found} | {score.precision:.2f} | {score.recall:.2f} | "
              f"{score.kind_right}/{score.matched} | {score.horizon_right}/{score.matched} | {ms:.1f} |")
        group = "seed city S&T plans" if name in CITY_PLANS else "work reports"
        total = totals.setdefault(group, [0, 0, 0, 0, 0])
        for i, figure in enumerate((score.gold, score.found, score.matched, score.kind_right, score.horizon_right)):
            total[i] += figure
    for group, (gold, found, matched, kind, horizon) in totals.items():
        print(f"| **all {group}** | {gold} | {found} | {matched / found if found else 1:.2f} | "
              f"{matched / gold:.2f} | {kind}/{matched} | {horizon}/{matched} | |")
    print()
    print("| change list | gold rows | verdicts right | accuracy | rows not in gold | matching (ms) |")
    print("|---|---|---|---|---|---|")
    for old_name, new_name in GOLD_CHANGES:
        old, new = _plan(old_name), _plan(new_name)
        score = score_changes(old, new, compare(old, new).targets, load_gold_changes(old_name, new_name))
        old_targets, new_targets = extract_targets(old), extract_targets(new)
        ms = _median_ms(lambda: match_targets(old_targets, new_targets), runs)
        print(f"| {old_name} → {new_name} | {score.gold} | {score.right} | {score.accuracy:.2f} | "
              f"{len(score.extra)} | {ms:.1f} |")


if __name__ == "__main__":
    main()
