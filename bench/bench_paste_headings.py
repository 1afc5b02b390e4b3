"""Headings of a plan pasted as one paragraph, scored against the same plan's text form with line breaks.

    .venv/bin/python bench/bench_paste_headings.py      # one row per plan, and the total
    .venv/bin/python bench/bench_paste_headings.py -v   # also every heading the paste got wrong

The text form is the gold: each of its headings is looked up in the pasted parse at the same place (the
paste joins the stripped lines, as `bench_alignment.py --form one-paragraph` does), and scored exact,
long (body characters kept in the heading), short (heading characters cut into the body), other
(neither a prefix of the other) or missed (no heading starts there).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plandiff.parse.pipeline import parse_plan  # noqa: E402

SEEDS = ROOT / "plandiff" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass
class HeadingScore:
    """How the pasted parse of one plan (or of all) kept the text form's headings."""

    name: str
    headings: int = 0
    exact: int = 0
    long: int = 0
    short: int = 0
    other: int = 0
    missed: int = 0
    kept_characters: int = 0  # body characters wrongly kept in a heading
    cut_characters: int = 0  # heading characters wrongly cut into the body
    wrong: list[str] = field(default_factory=list)

    def add(self, other: HeadingScore) -> None:
        for name in ("headings", "exact", "long", "short", "other", "missed", "kept_characters", "cut_characters"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong

    @property
    def rate(self) -> float:
        return self.exact / self.headings if self.headings else 1.0


def paste(text: str) -> tuple[str, list[int]]:
    """The plan as one paragraph (stripped lines joined), and for each of its characters the text's offset."""
    kept: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        first = offset + (len(body) - len(body.lstrip()))
        kept.extend(range(first, first + len(stripped)))
        offset += len(line)
    return "".join(text[i] for i in kept), kept


def score_plan(name: str, text: str) -> HeadingScore:
    """Score the pasted parse's headings against the text form's."""
    pasted_text, kept = paste(text)
    position = {original: index for index, original in enumerate(kept)}
    gold = parse_plan(text, name).sections[1:]
    found = {section.start: section for section in parse_plan(pasted_text, name).sections[1:]}
    score = HeadingScore(name)
    for section in gold:
        score.headings += 1
        start = position.get(section.start)
        got = found.get(start) if start is not None else None
        if got is None:
            score.missed += 1
            score.cut_characters += len(section.heading)
            score.wrong.append(f"missed {section.marker}{section.heading}")
        elif got.heading == section.heading:
            score.exact += 1
        elif got.heading.startswith(section.heading):
            score.long += 1
            score.kept_characters += len(got.heading) - len(section.heading)
            score.wrong.append(f"long   {section.marker}{section.heading} ‖ {got.heading[len(section.heading):]}")
        elif section.heading.startswith(got.heading):
            score.short += 1
            score.cut_characters += len(section.heading) - len(got.heading)
            score.wrong.append(f"short  {section.marker}{got.heading} ‖ {section.heading[len(got.heading):]}")
        else:
            score.other += 1
            score.wrong.append(f"other  {section.marker}{section.heading} → {got.heading}")
    return score


def plans() -> list[tuple[str, str]]:
    """Every seed and corpus plan that is here, as (name, text)."""
    paths = sorted(SEEDS.glob("*.txt")) + (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every heading the paste got wrong")
    verbose = parser.parse_args().verbose
    print("| plan | headings | exact | rate | long | short | other | missed | chars kept | chars cut |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    total = HeadingScore("all")
    for name, text in plans():
        score = score_plan(name, text)
        total.add(score)
        _row(score)
        if verbose:
            for line in score.wrong:
                print(f"    {line}")
    _row(total)


def _row(score: HeadingScore) -> None:
    print(f"| {score.name} | {score.headings} | {score.exact} | {score.rate:.2f} | {score.long} | {score.short} | "
          f"{score.other} | {score.missed} | {score.kept_characters} | {score.cut_characters} |")


if __name__ == "__main__":
    main()
