"""compare(old, new): align sections, diff sentences inside each aligned pair, match targets. Pure."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from ..model import (
    Comparison,
    Piece,
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
from ..engines.words import key_nouns
from ..targets.extract import extract_targets
from ..targets.match import match_targets
from .digest import digest, newly_appearing_terms, same_series
from .sections import align_sections, alignable
from .sentences import Row, SentenceScorer, diff_sentences, find_moves, heading_diff, mark_targets
from .terms import PlanTerms, plan_terms


def compare(old: Plan, new: Plan) -> Comparison:
    """Compare old with new: the same answer every time, with no I/O and no cache."""
    old_terms, new_terms = plan_terms(old), plan_terms(new)  # segment each plan once
    pairs = align_sections(old, new, old_terms, new_terms)
    scorer = SentenceScorer(old_terms, new_terms)
    aligned_old = {p.old for p in pairs if p.old is not None}
    aligned_new = {p.new for p in pairs if p.new is not None}
    year_shift = (new.metadata.year - old.metadata.year) if old.metadata.year and new.metadata.year else 0

    rows = [
        Row(pair, old.section(pair.old) if pair.old else None, new.section(pair.new) if pair.new else None, [])
        for pair in pairs
    ]
    for group in _groups(rows):
        _diff_group(group, old, new, aligned_old, aligned_new, year_shift, scorer)
    find_moves(rows, year_shift, scorer)

    old_targets, new_targets = extract_targets(old), extract_targets(new)
    old_by_start, new_by_start = _by_start(old_targets), _by_start(new_targets)
    sections = tuple(
        SectionChange(
            row.pair.status, row.old, row.new, row.pair.score, row.pair.heading_score, row.pair.body_score,
            row.pair.moved,
            tuple(_with_marks(_in_source_characters(change), old_by_start, new_by_start) for change in row.sentences),
            _heading_in_source_characters(row.old, row.new), row.pair.why,
        )
        for row in rows
    )
    targets = match_targets(old_targets, new_targets)
    comparison = Comparison(old, new, sections, _summary(old, new, pairs, sections), targets)
    return replace(comparison, digest=digest(comparison, _new_terms(old, new, new_terms)))


def _new_terms(old: Plan, new: Plan, new_terms: PlanTerms) -> tuple[str, ...]:
    """Newly appearing key terms, for two editions of one series only (across places, every word is new)."""
    if not same_series(old, new):
        return ()
    # The sections' words, already cut for alignment: a page's byline (责任编辑) is no key term.
    words = key_nouns(term for terms in new_terms.own.values() for term in terms)
    return newly_appearing_terms(old, new, words)


def _spans(sentence: Sentence | None, targets: tuple[Target, ...], starts: list[int]) -> list[tuple[int, int]]:
    """Target spans inside the sentence; starts are the targets' sorted starts, found by bisection."""
    if sentence is None:
        return []
    first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    return [(t.start - sentence.start, min(t.end, sentence.end) - sentence.start) for t in targets[first:last]]


def _with_marks(change: SentenceChange, old_targets, new_targets) -> SentenceChange:
    """Record where targets stand inside the sentence, so every view highlights the same spans."""
    return mark_targets(change, _spans(change.old, *old_targets), _spans(change.new, *new_targets))


def _by_start(targets: tuple[Target, ...]) -> tuple[tuple[Target, ...], list[int]]:
    ordered = tuple(sorted(targets, key=lambda t: t.start))
    return ordered, [t.start for t in ordered]


def _in_source_characters(change: SentenceChange) -> SentenceChange:
    """The change with its pieces in the documents' own characters: folding was for matching only."""
    if change.old is None or change.new is None:
        only = change.old or change.new
        pieces = (Piece(change.pieces[0].op, only.shown),)
    elif change.status == "same" or (change.status == "moved" and not change.diff[1:]):
        pieces = (Piece(0, change.new.shown),)
    else:
        pieces = tuple(Piece(op, text) for op, text in source_diff(change.diff, change.old.shown, change.new.shown))
    return replace(change, pieces=pieces)


def _heading_in_source_characters(old: Section | None, new: Section | None):
    diff = heading_diff(old, new)
    return source_diff(diff, old.shown_heading, new.shown_heading) if diff else diff


def source_diff(diff, old_source: str, new_source: str) -> tuple[tuple[int, str], ...]:
    """Re-spell a diff of folded texts in the source characters, so it rebuilds both sources exactly.

    Folding is one character for one, but the word diff drops whitespace: each side's whitespace is
    taken from its source. Kept text whose source characters differ (（ against () is shown as edited.
    """
    out: list[tuple[int, str]] = []
    positions = [0, 0]  # next character of old_source, new_source
    sources = (old_source, new_source)

    def take(side: int, op: int) -> str:
        source, i = sources[side], positions[side]
        while i < len(source) and source[i].isspace():
            i += 1
        _emit(out, op, source[positions[side]:i])
        if i >= len(source):
            raise IndexError(i)
        positions[side] = i + 1
        return source[i]

    def span(side: int, length: int) -> str | None:
        """The side's next length source characters when none is whitespace (the common case), else None."""
        chunk = sources[side][positions[side]:positions[side] + length]
        return chunk if len(chunk) == length and not _SPACE.search(chunk) else None

    try:
        for op, text in diff:
            # A piece whose source runs hold no whitespace is taken whole; only the rest goes by character.
            length = len(text)
            if not _SPACE.search(text):
                old_run = span(0, length) if op <= 0 else None
                new_run = span(1, length) if op >= 0 else None
                if op < 0 and old_run is not None or op > 0 and new_run is not None or \
                        op == 0 and old_run is not None and old_run == new_run:
                    _emit(out, op, old_run if op < 0 else new_run)
                    positions[0] += length if op <= 0 else 0
                    positions[1] += length if op >= 0 else 0
                    continue
            for char in text:
                if char.isspace():
                    continue
                if op < 0:
                    _emit(out, -1, take(0, -1))
                elif op > 0:
                    _emit(out, 1, take(1, 1))
                else:
                    old_char, new_char = take(0, -1), take(1, 1)
                    if old_char == new_char:
                        _emit(out, 0, new_char)
                    else:
                        _emit(out, -1, old_char)
                        _emit(out, 1, new_char)
    except IndexError:
        return ((-1, old_source), (1, new_source))  # a diff that does not fit its texts: show both whole
    _emit(out, -1, old_source[positions[0]:])
    _emit(out, 1, new_source[positions[1]:])
    return tuple(out)


_SPACE = re.compile(r"\s")


def _emit(out: list[tuple[int, str]], op: int, text: str) -> None:
    """Append a piece, merging runs; within an edit, deleted text stays before inserted text."""
    if not text:
        return
    if op == -1 and out and out[-1][0] == 1:
        # Keep a run of edits as (deleted, inserted): slip the deletion in before the insertion.
        if len(out) > 1 and out[-2][0] == -1:
            out[-2] = (-1, out[-2][1] + text)
        else:
            out.insert(len(out) - 1, (-1, text))
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


def _groups(rows: list[Row]) -> list[list[Row]]:
    """Rows that share a section: a split old section's rows, a merged new section's rows, else one row each."""
    groups: dict[tuple, list[Row]] = {}
    for index, row in enumerate(rows):
        if row.pair.status == "split":
            key = ("old", row.pair.old)
        elif row.pair.status == "merged":
            key = ("new", row.pair.new)
        else:
            key = ("row", index)
        groups.setdefault(key, []).append(row)
    return list(groups.values())


def _diff_group(group: list[Row], old: Plan, new: Plan, aligned_old, aligned_new, year_shift: int,
                scorer: SentenceScorer) -> None:
    """Diff the shared section's sentences once against its partners' and give each row its share.

    A split section's sentence goes to the row of the new section it landed in, so no sentence is listed
    twice; what went nowhere is listed once, in the group's first row.
    """
    absorb = group[0].pair.status not in ("removed", "added")
    old_pools, new_pools = [], []
    for row in group:
        if row.old is not None and (not old_pools or row.pair.status != "split"):
            old_pools.append((row, _pool(old, row.old, aligned_old, absorb)))
        if row.new is not None and (not new_pools or row.pair.status != "merged"):
            new_pools.append((row, _pool(new, row.new, aligned_new, absorb)))
    first = group[0]
    if first.pair.status == "matched" and old_pools and new_pools:
        # A heading that ran on into its first sentence (a plan pasted as one paragraph) lends that sentence.
        old_pools[0][1][:0] = run_on(old, first.old, first.new.heading)
        new_pools[0][1][:0] = run_on(new, first.new, first.old.heading)
    owner_of_old = {id(s): row for row, pool in old_pools for s in pool}
    owner_of_new = {id(s): row for row, pool in new_pools for s in pool}
    old_sentences = [s for _, pool in old_pools for s in pool]
    new_sentences = [s for _, pool in new_pools for s in pool]
    for change in diff_sentences(old_sentences, new_sentences, year_shift, scorer):
        if group[0].pair.status == "merged" and change.old is not None:
            owner = owner_of_old[id(change.old)]
        elif change.new is not None:
            owner = owner_of_new[id(change.new)]
        else:
            owner = owner_of_old.get(id(change.old), group[0])
        owner.sentences.append(change)


def _pool(plan: Plan, section: Section, aligned: set[str], absorb: bool) -> list[Sentence]:
    """The sentences a row shows: its own, its 一是 items', and (for a matched row) unaligned subsections'."""
    sentences = list(section.sentences)
    for child in plan.children(section.id):
        if child.is_item or (absorb and child.id not in aligned):
            sentences.append(heading_sentence(plan, child))
            sentences.extend(_pool(plan, child, aligned, absorb))
    return sentences


def run_on(plan: Plan, section: Section, other_heading: str) -> list[Sentence]:
    """The part of a heading past the other plan's whole heading, as a sentence: 2021年工作回顾|过去一年是…."""
    heading = section.heading
    if len(other_heading) < 2 or len(heading) < len(other_heading) + 4 or not heading.startswith(other_heading):
        return []
    at = plan.text.find(heading, section.start)
    if at < 0:
        return []
    start, end = at + len(other_heading), at + len(heading)
    while end < len(plan.text) and plan.text[end] in "。;!?":
        end += 1
    shown = section.shown_heading[len(other_heading):] + plan.text[at + len(heading):end]
    return [Sentence(plan.text[start:end], start, end, None, shown)]


def heading_sentence(plan: Plan, section: Section) -> Sentence:
    """A folded-in heading as the sentence it reads as: an item keeps its 一是 and its full stop.

    So a heading line 一是保持…区间。 and the same words inside a pasted paragraph are the same sentence.
    """
    text = plan.text
    at = text.find(section.heading, section.start)
    if at < 0 or not section.heading:
        start = section.start + len(section.marker)
        return Sentence(section.heading, start, start + len(section.heading), None, section.shown_heading)
    end = at + len(section.heading)
    while end < len(text) and text[end] in "。;!?":
        end += 1
    start, shown = (section.start, section.shown_marker) if section.is_item else (at, "")
    shown += text[start + len(shown):at] + section.shown_heading + text[at + len(section.heading):end]
    return Sentence(text[start:end], start, end, None, shown)


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
