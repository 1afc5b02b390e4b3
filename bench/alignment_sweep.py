"""Which section pairs the accuracy rules of issue 12 change, over every ordered pair of the nine plans.

Runs the alignment with some rules switched off (their constants set so they never act), then on, and
prints each pair that appears or disappears, for reading by hand. By default the heading cap and the
relative split/merge rule; --off names the constants of other rules.

    .venv/bin/python bench/alignment_sweep.py
    .venv/bin/python bench/alignment_sweep.py --off TOPIC_LIFT      # shared topic words among leftovers
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import plandiff.diff.regroup as regroup
import plandiff.diff.sections as sections
import plandiff.diff.topics as topics
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


def _switch(names: list[str], values: dict[str, float] | None) -> dict[str, float]:
    """Set each named constant to its value (or to 1e9, which switches its rule off); return the old values."""
    previous = {}
    for name in names:
        module = next(m for m in (sections, regroup, topics) if hasattr(m, name))
        previous[name] = getattr(module, name)
        setattr(module, name, values[name] if values else 1e9)  # 1e9, not inf: inf * 0 would be NaN
    return previous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--off", nargs="+", default=["HEADING_SUPPORT", "RELATIVE_FLOOR"],
                        help="constants of sections.py, regroup.py or topics.py whose rules to switch off")
    names = parser.parse_args().off
    plans = {name: _plan(name) for name in NAMES}
    appeared = disappeared = 0
    for old_name, new_name in itertools.permutations(NAMES, 2):
        old, new = plans[old_name], plans[new_name]
        on = _switch(names, None)
        before = _pairs(old, new)
        _switch(names, on)
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
