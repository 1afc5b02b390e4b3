"""Which section pairs the accuracy rules of issue 12 change, over every ordered pair of the nine plans.

Runs the alignment with the heading cap and the relative split/merge rule switched off (their constants
set so they never act), then on, and prints each pair that appears or disappears, for reading by hand.

    .venv/bin/python bench/alignment_sweep.py
"""

from __future__ import annotations

import itertools
from pathlib import Path

import plandiff.diff.regroup as regroup
import plandiff.diff.sections as sections
from plandiff.parse.pipeline import parse_plan

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("qingdao-2018", "wuhan-2014", "changzhou-2018", "binzhou-2023", "qingdao-shinan-2021",
         "national-gwr-2021", "national-gwr-2022", "national-gwr-2023", "hailar-gwr-2017")


def _plan(name: str):
    path = ROOT / "plandiff" / "seeds" / f"{name}.txt"
    if not path.exists():
        path = ROOT.parent / "shared" / "corpus" / f"{name}.txt"
    return parse_plan(path.read_text(encoding="utf-8"), name)


def _pairs(old, new) -> set[tuple[str, str, str]]:
    return {(p.old, p.new, str(p.status)) for p in sections.align_sections(old, new)
            if p.old not in (None, "0") and p.new is not None}


def main() -> None:
    plans = {name: _plan(name) for name in NAMES}
    on = (sections.HEADING_SUPPORT, regroup.RELATIVE_FLOOR)
    appeared = disappeared = 0
    for old_name, new_name in itertools.permutations(NAMES, 2):
        old, new = plans[old_name], plans[new_name]
        sections.HEADING_SUPPORT, regroup.RELATIVE_FLOOR = 1e9, 1e9  # inf * 0 would be NaN
        before = _pairs(old, new)
        sections.HEADING_SUPPORT, regroup.RELATIVE_FLOOR = on
        after = _pairs(old, new)
        if before == after:
            continue
        old_heads = {s.id: s.heading[:16] for s in old.sections}
        new_heads = {s.id: s.heading[:16] for s in new.sections}
        print(f"{old_name} → {new_name}")
        for sign, rows in (("+", after - before), ("-", before - after)):
            for o, n, status in sorted(rows):
                print(f"  {sign} {o} {old_heads[o]} | {n} {new_heads[n]}  {status}")
        appeared += len(after - before)
        disappeared += len(before - after)
    print(f"pairs that appeared: {appeared}, disappeared: {disappeared}")


if __name__ == "__main__":
    main()
