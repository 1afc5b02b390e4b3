"""Section alignment against the hand-checked gold pairs: precision, recall and F1 of each pair.

    .venv/bin/python bench/bench_alignment.py            # the table of bench/RESULTS.md
    .venv/bin/python bench/bench_alignment.py -v         # also the wrong and missed pairs
    .venv/bin/python bench/bench_alignment.py --form all # also pasted as one paragraph (line breaks lost, or
                                                         # turned into spaces), and traditional
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from alignment_gold import load_gold, predicted_pairs, score_alignment  # noqa: E402

from plandiff.parse.pipeline import parse_plan  # noqa: E402

SEEDS = ROOT / "plandiff" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
# (gold name, fully annotated): a fully annotated pair is scored over every predicted pair.
GOLD = (
    ("national-gwr-2021--national-gwr-2022", True),
    ("national-gwr-2022--national-gwr-2023", True),
    ("qingdao-2018--wuhan-2014", False),
    ("changzhou-2018--binzhou-2023", False),
    ("hailar-gwr-2017--national-gwr-2022", True),
)


def _plan(name: str, form: str = "text"):
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        path = CORPUS / f"{name}.txt"
    return parse_plan(FORMS[form](path.read_text(encoding="utf-8")), name)


def _traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


# The forms users bring the same plan in; the gold's section ids hold for each when its outline is the text's.
FORMS = {
    "text": lambda text: text,
    "one-paragraph": lambda text: "".join(line.strip() for line in text.splitlines()),
    "spaced-paragraph": lambda text: " ".join(line.strip() for line in text.splitlines() if line.strip()),
    "traditional": _traditional,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong and missed pairs")
    parser.add_argument("--form", choices=[*FORMS, "all"], default="text", help="the form both plans are read in")
    arguments = parser.parse_args()
    verbose, forms = arguments.verbose, list(FORMS) if arguments.form == "all" else [arguments.form]
    print("| pair | form | precision | recall | F1 |" if len(forms) > 1 else "| pair | precision | recall | F1 |")
    print("|---|---|---|---|---|" if len(forms) > 1 else "|---|---|---|---|")
    for form in forms:
        _table(form, verbose, len(forms) > 1)


def _table(form: str, verbose: bool, named: bool) -> None:
    for name, full in GOLD:
        if not (ROOT / "tests" / "golden" / f"alignment-{name}.tsv").exists():
            continue
        old, new = (_plan(part, form) for part in name.split("--"))
        score = score_alignment(load_gold(name), predicted_pairs(old, new), full)
        print(f"| {name.replace('--', ' → ')} |{f' {form} |' if named else ''} {score.precision:.2f} "
              f"({score.correct}/{score.judged}) | {score.recall:.2f} ({score.found}/{score.expected}) | {score.f1:.2f} |")
        if verbose:
            print(f"    wrong:  {' '.join(f'{o}→{n}' for o, n in score.wrong)}")
            print(f"    missed: {' '.join(f'{o}→{n}' for o, n in score.missed)}")


if __name__ == "__main__":
    main()
