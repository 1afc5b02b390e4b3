"""compare(old, new): align sections, diff sentences inside each aligned pair, match targets. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import (
    Comparison,
    Plan,
    Section,
    SectionChange,
    SectionCounts,
    Sentence,
    SentenceChange,
    SentenceCounts,
    Summary,
    Target,
)
from ..targets.extract import extract_targets
from ..targets.match import match_targets
from .digest import digest, newly_appearing_terms, same_series
from .sections import align_sections, alignable
from .sentences import Row, diff_sentences, find_moves, heading_diff, mark_targets


def compare(old: Plan, new: Plan) -> Comparison:
    """Compare old with new: the same answer every time, with no I/O and no cache."""
    pairs = align_sections(old, new)
    aligned_old = {p.old for p in pairs if p.old is not None}
    aligned_new = {p.new for p in pairs if p.new is not None}
    year_shift = (new.metadata.year - old.metadata.year) if old.metadata.year and new.metadata.year else 0

    rows = []
    for pair in pairs:
        old_section = old.section(pair.old) if pair.old else None
        new_section = new.section(pair.new) if pair.new else None
        absorb = pair.status != "removed" and pair.status != "added"
        old_pool = _pool(old, old_section, aligned_old, absorb) if old_section else []
        new_pool = _pool(new, new_section, aligned_new, absorb) if new_section else []
        rows.append(Row(pair, old_section, new_section, diff_sentences(old_pool, new_pool, year_shift)))
    find_moves(rows, year_shift)

    old_targets, new_targets = extract_targets(old), extract_targets(new)
    sections = tuple(
        SectionChange(
            row.pair.status, row.old, row.new, row.pair.score, row.pair.heading_score, row.pair.body_score,
            row.pair.moved, tuple(_with_marks(change, old_targets, new_targets) for change in row.sentences),
            heading_diff(row.old, row.new), row.pair.why,
        )
        for row in rows
    )
    targets = match_targets(old_targets, new_targets)
    comparison = Comparison(old, new, sections, _summary(old, new, pairs, sections), targets)
    return replace(comparison, digest=digest(comparison, _new_terms(old, new)))


def _new_terms(old: Plan, new: Plan) -> tuple[str, ...]:
    """Newly appearing key terms, for two editions of one series only (across places, every word is new)."""
    if not same_series(old, new):
        return ()
    from ..engines.words import noun_terms

    return newly_appearing_terms(old, new, noun_terms(new.text))


def _spans(sentence: Sentence | None, targets: tuple[Target, ...]) -> list[tuple[int, int]]:
    if sentence is None:
        return []
    return [
        (t.start - sentence.start, min(t.end, sentence.end) - sentence.start)
        for t in targets if sentence.start <= t.start < sentence.end
    ]


def _with_marks(change: SentenceChange, old_targets, new_targets) -> SentenceChange:
    """Record where targets stand inside the sentence, so every view highlights the same spans."""
    return mark_targets(change, _spans(change.old, old_targets), _spans(change.new, new_targets))


def _pool(plan: Plan, section: Section, aligned: set[str], absorb: bool) -> list[Sentence]:
    """The sentences a row shows: its own, its 一是 items', and (for a matched row) unaligned subsections'."""
    sentences = list(section.sentences)
    for child in plan.children(section.id):
        if child.is_item or (absorb and child.id not in aligned):
            sentences.append(_heading_sentence(child))
            sentences.extend(_pool(plan, child, aligned, absorb))
    return sentences


def _heading_sentence(section: Section) -> Sentence:
    start = section.start + len(section.marker)
    return Sentence(section.heading, start, start + len(section.heading))


def _summary(old: Plan, new: Plan, pairs, sections) -> Summary:
    section_counts = Counter(pair.status for pair in pairs if pair.old != "0" and pair.new != "0")
    section_counts["moved"] = sum(1 for pair in pairs if pair.moved)
    sentence_counts: Counter[str] = Counter()
    for section in sections:
        for sentence in section.sentences:
            if sentence.status == "moved" and not sentence.arrived:
                continue  # a moved sentence is listed in both rows; count it once, where it arrived
            sentence_counts[str(sentence.status)] += 1
            sentence_counts["routine"] += sentence.routine
    return Summary(
        old_sections=len(alignable(old)),
        new_sections=len(alignable(new)),
        sections=SectionCounts(**{f: section_counts.get(f, 0) for f in SectionCounts.__dataclass_fields__}),
        sentences=SentenceCounts(**{f: sentence_counts.get(f, 0) for f in SentenceCounts.__dataclass_fields__}),
    )
