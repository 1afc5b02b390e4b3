"""Headings of a plan pasted as one paragraph, scored against the headings of its text form (the gold).

The paste joins the text's stripped lines, as `bench_alignment.py --form one-paragraph` does. Shared by
bench/bench_paste_headings.py and tests/test_paste_headings.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plandiff.parse.pipeline import parse_plan
from plandiff.parse.runon import run_on_end


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
    extra: int = 0  # headings of the paste with none of the text's at the same place
    kept_characters: int = 0  # body characters wrongly kept in a heading
    cut_characters: int = 0  # heading characters wrongly cut into the body
    wrong: list[str] = field(default_factory=list)

    def add(self, other: HeadingScore) -> None:
        for name in ("headings", "exact", "long", "short", "other", "missed", "extra", "kept_characters",
                     "cut_characters"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong

    @property
    def rate(self) -> float:
        return self.exact / self.headings if self.headings else 1.0


def paste(text: str, joiner: str = "") -> tuple[str, list[int]]:
    """The plan as one paragraph (stripped lines joined by joiner), and each character's offset in the text.

    A joiner's characters have offset -1: they stand for the line breaks the paste lost.
    """
    characters: list[str] = []
    kept: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped and characters and joiner:
            characters.append(joiner)
            kept.extend([-1] * len(joiner))
        first = offset + (len(body) - len(body.lstrip()))
        characters.append(stripped)
        kept.extend(range(first, first + len(stripped)))
        offset += len(line)
    return "".join(characters), kept


def score_plan(name: str, text: str, joiner: str = "") -> HeadingScore:
    """Score the pasted parse's headings (lines joined by joiner) against the text form's."""
    pasted_text, kept = paste(text, joiner)
    position = {original: index for index, original in enumerate(kept)}
    gold = parse_plan(text, name).sections[1:]
    found = {section.start: section for section in parse_plan(pasted_text, name).sections[1:]}
    score = HeadingScore(name)
    gold_starts = {position.get(section.start) for section in gold}
    for section in found.values():
        if section.start not in gold_starts:
            score.extra += 1
            score.wrong.append(f"extra  {section.marker}{section.heading}")
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


@dataclass
class JoinScore:
    """The run-on cut applied to every text-form heading joined to its body's first sentence."""

    right: int = 0  # cut where the heading ends
    left_long: int = 0  # no cut: the heading keeps the body's first clause
    wrong: list[str] = field(default_factory=list)  # cut anywhere else
    alone_cut: list[str] = field(default_factory=list)  # a heading on its own that the rule would cut


def score_joins(name: str, text: str, score: JoinScore) -> None:
    """Add to score what run_on_end does with each heading of the plan's text form, joined and alone."""
    for section in parse_plan(text, name).sections[1:]:
        heading = section.heading.rstrip("。")
        alone = run_on_end(heading + "。", 0, len(heading))
        if alone is not None:
            score.alone_cut.append(f"{heading[:alone]} ‖ {heading[alone:]}")
        if not section.sentences:
            continue
        joined = heading + section.sentences[0].text
        stop = next((i for i, character in enumerate(joined) if character in "。!?"), len(joined))
        cut = run_on_end(joined, 0, stop)
        if cut is None:
            score.left_long += 1
        elif cut == len(heading):
            score.right += 1
        else:
            score.wrong.append(f"{joined[:cut]} ‖ {joined[cut:stop][:30]}  (heading: {heading})")
