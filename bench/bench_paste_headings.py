"""Headings of a plan pasted as one paragraph, scored against the same plan's text form with line breaks.

    .venv/bin/python bench/bench_paste_headings.py      # one row per plan, and the total
    .venv/bin/python bench/bench_paste_headings.py -v   # also every heading the paste got wrong
    .venv/bin/python bench/bench_paste_headings.py --joiner " "  # a paste that turned line breaks into spaces

The text form is the gold: each of its headings is looked up in the pasted parse at the same place (the
paste joins the stripped lines, as `bench_alignment.py --form one-paragraph` does), and scored exact,
long (body characters kept in the heading), short (heading characters cut into the body), other
(neither a prefix of the other) or missed (no heading starts there); extra counts the paste's headings
where the text has none. A second line scores the run-on cut (plandiff/parse/runon.py) on its own:
every text-form heading joined to its body's first sentence.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from heading_gold import HeadingScore, JoinScore, score_joins, score_plan  # noqa: E402

SEEDS = ROOT / "plandiff" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"


def plans() -> list[tuple[str, str]]:
    """Every seed and corpus plan that is here, as (name, text)."""
    paths = sorted(SEEDS.glob("*.txt")) + (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every heading the paste got wrong")
    parser.add_argument("--joiner", default="", help="what the paste put where each line break was (default nothing)")
    arguments = parser.parse_args()
    verbose, joiner = arguments.verbose, arguments.joiner
    print("| plan | headings | exact | rate | long | short | other | missed | extra | chars kept | chars cut |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    total = HeadingScore("all")
    for name, text in plans():
        score = score_plan(name, text, joiner)
        total.add(score)
        _row(score)
        if verbose:
            for line in score.wrong:
                print(f"    {line}")
    _row(total)
    joins = JoinScore()
    for name, text in plans():
        score_joins(name, text, joins)
    print("\nThe cut alone, on every text-form heading joined to its first sentence (a heading that lost its line end):")
    print(f"right {joins.right}, left long {joins.left_long}, wrong {len(joins.wrong)}; "
          f"headings on their own that it would cut: {len(joins.alone_cut)}")
    if verbose:
        for line in joins.wrong:
            print(f"    wrong  {line}")
        for line in joins.alone_cut:
            print(f"    alone  {line}")


def _row(score: HeadingScore) -> None:
    print(f"| {score.name} | {score.headings} | {score.exact} | {score.rate:.2f} | {score.long} | {score.short} | "
          f"{score.other} | {score.missed} | {score.extra} | {score.kept_characters} | {score.cut_characters} |")


if __name__ == "__main__":
    main()
