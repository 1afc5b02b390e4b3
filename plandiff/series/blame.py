"""Blame: for each sentence of an edition, the earliest edition with it or an earlier wording of it.

Wordings are linked through the comparisons of consecutive editions: a same, changed or moved pair
carries a sentence back one edition; an added sentence starts its chain there. Pure.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from ..diff.pipeline import compare as compare_plans
from ..model import (
    AgeBucket,
    Blame,
    BlameLine,
    Comparison,
    Plan,
    Sentence,
    SentenceChange,
    SentenceStatus,
    Wording,
)

Span = tuple[int, int]  # a sentence's place in its plan's text: unique within one plan


def blame(editions: tuple[Plan, ...] | list[Plan],
          compare: Callable[[Plan, Plan], Comparison] = compare_plans) -> Blame:
    """Blame the last of `editions` (oldest first) against the ones before it.

    `compare` may be a caching wrapper of the pure compare; the answer is the same.
    """
    editions = tuple(editions)
    if not editions:
        raise ValueError("blame needs at least one edition")
    # links[k][span in edition k] = (the sentence in edition k-1, how it came across)
    links: list[dict[Span, tuple[Sentence, SentenceChange]]] = [{}]
    for older, newer in zip(editions, editions[1:]):
        links.append(_links(compare(older, newer)))

    chains: dict[tuple[int, Span], tuple[Wording, ...]] = {}

    def chain(index: int, sentence: Sentence) -> tuple[Wording, ...]:
        key = (index, (sentence.start, sentence.end))
        if key not in chains:
            plan = editions[index]
            link = links[index].get(key[1])
            if link is None:
                earlier: tuple[Wording, ...] = ()
                wording = Wording(plan.slug, plan.metadata.year, sentence.text, SentenceStatus.ADDED)
            else:
                previous, how = link
                earlier = chain(index - 1, previous)
                edited = any(piece.op != 0 for piece in how.pieces)
                wording = Wording(plan.slug, plan.metadata.year, sentence.text, how.status, edited)
            chains[key] = earlier + (wording,)
        return chains[key]

    last = len(editions) - 1
    edition = editions[last]
    lines = []
    for section in edition.sections:
        for sentence in section.sentences:
            wordings = chain(last, sentence)
            lines.append(BlameLine(section.id, sentence, wordings, _age(editions, wordings),
                                   at_least=bool(last) and wordings[0].edition == editions[0].slug))
    return Blame(edition, editions, tuple(lines), _age_profile(lines))


def _links(comparison: Comparison) -> dict[Span, tuple[Sentence, SentenceChange]]:
    """Each new-side sentence paired with an old one (same, changed or moved), by its span."""
    found: dict[Span, tuple[Sentence, SentenceChange]] = {}
    for row in comparison.sections:
        for change in row.sentences:
            if change.old is not None and change.new is not None:
                found[(change.new.start, change.new.end)] = (change.old, change)
    return found


def _age(editions: tuple[Plan, ...], chain: tuple[Wording, ...]) -> int:
    """Years from the first wording to the last; editions apart when a year is missing."""
    first, last = chain[0], chain[-1]
    if first.year is not None and last.year is not None:
        return last.year - first.year
    return len(chain) - 1


def _age_profile(lines: list[BlameLine]) -> tuple[AgeBucket, ...]:
    sentences: dict[tuple[int, str, bool], int] = defaultdict(int)
    characters: dict[tuple[int, str, bool], int] = defaultdict(int)
    for line in lines:
        key = (line.age, line.origin.edition, line.at_least)
        sentences[key] += 1
        characters[key] += len(line.sentence.text)
    return tuple(AgeBucket(age, origin, sentences[key], characters[key], at_least)
                 for key in sorted(sentences) for age, origin, at_least in [key])
