"""Compare two plans: align sections, then diff sentences inside each aligned pair. Pure: no I/O."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .cache import key_of, memoize
from .comparison import Comparison, SectionChange, SentenceChange, Summary
from .model import Plan, Section, Sentence
from .text import squeeze

# The engine's modules (numpy, scipy, rapidfuzz, jieba, diff-match-patch) are imported inside the
# functions that use them: a cached comparison is rendered without paying for any of them.

SENTENCE_THRESHOLD = 0.5
MOVED_THRESHOLD = 0.6
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)")


def compare(old: Plan, new: Plan) -> Comparison:
    """Compare old with new; cached on disk by the two plans' content."""
    key = key_of("comparison", old.slug, old.source, old.text, new.slug, new.source, new.text)
    return memoize("comparison", key, lambda: _compare(old, new))


@dataclass
class _Row:
    """A section row while it is being built; moves across rows rewrite its sentence list."""

    pair: object
    old: Section | None
    new: Section | None
    sentences: list[SentenceChange]


def _compare(old: Plan, new: Plan) -> Comparison:
    from .align import align_sections

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
        rows.append(_Row(pair, old_section, new_section, _diff_sentences(old_pool, new_pool, year_shift)))
    _find_moves(rows, year_shift)

    from .target_match import match_targets
    from .targets import extract_targets

    old_targets, new_targets = extract_targets(old), extract_targets(new)
    sections = tuple(
        SectionChange(
            row.pair.status, row.old, row.new, row.pair.score, row.pair.heading_score, row.pair.body_score,
            row.pair.moved, tuple(_with_marks(change, old_targets, new_targets) for change in row.sentences),
            _heading_diff(row.old, row.new),
        )
        for row in rows
    )
    targets = match_targets(old_targets, new_targets)
    return Comparison(old, new, sections, _summary(old, new, pairs, sections), targets)


def _marks(sentence: Sentence | None, targets) -> tuple[tuple[int, int], ...]:
    if sentence is None:
        return ()
    return tuple(
        (t.start - sentence.start, min(t.end, sentence.end) - sentence.start)
        for t in targets if sentence.start <= t.start < sentence.end
    )


def _with_marks(change: SentenceChange, old_targets, new_targets) -> SentenceChange:
    """Record where targets stand inside the sentence, so views can highlight them."""
    old_marks, new_marks = _marks(change.old, old_targets), _marks(change.new, new_targets)
    if not old_marks and not new_marks:
        return change
    return replace(change, old_marks=old_marks, new_marks=new_marks)


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


def _routine(old: str, new: str, year_shift: int) -> bool:
    """True when new is old with each year moved on by the plan-year shift (2023年 → 2024年)."""
    if not year_shift or not _YEAR.search(old):
        return False
    return _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), old) == new


def _change(old: Sentence, new: Sentence, score: float, year_shift: int, moved_to_or_from=None, arrived=False):
    """A same or changed pair; with moved_to_or_from, a moved one (listed in both rows)."""
    from .worddiff import word_diff

    old_key, new_key = squeeze(old.text), squeeze(new.text)
    status = "moved" if moved_to_or_from is not None else None
    if old_key == new_key:
        return SentenceChange(status or "same", old, new, ((0, new.text),), 1.0, False, moved_to_or_from, arrived)
    return SentenceChange(
        status or "changed", old, new, word_diff(old.text, new.text), round(float(score), 3),
        _routine(old_key, new_key, year_shift), moved_to_or_from, arrived,
    )


def _diff_sentences(old: list[Sentence], new: list[Sentence], year_shift: int) -> list[SentenceChange]:
    """Align sentences by similarity with order as a hint, then list them in the new plan's order."""
    from .similarity import assign, order_bonus, text_similarity

    scores = text_similarity([squeeze(s.text) for s in old], [squeeze(s.text) for s in new])
    pairs = assign(scores + order_bonus(len(old), len(new), 0.05), 0.0) if old and new else []
    pairs = [(i, j) for i, j in pairs if scores[i, j] >= SENTENCE_THRESHOLD]
    by_new = {j: i for i, j in pairs}
    matched_old = set(by_new.values())
    changes: list[SentenceChange] = []
    pending_removed = [i for i in range(len(old)) if i not in matched_old]
    for j, sentence in enumerate(new):
        if j in by_new:
            i = by_new[j]
            # Removed sentences that stood before this one in the old plan are listed before it.
            while pending_removed and pending_removed[0] < i:
                changes.append(SentenceChange("removed", old[pending_removed.pop(0)], None))
            changes.append(_change(old[i], sentence, scores[i, j], year_shift))
        else:
            changes.append(SentenceChange("added", None, sentence))
    changes.extend(SentenceChange("removed", old[i], None) for i in pending_removed)
    return changes


def _find_moves(rows, year_shift: int) -> None:
    """Pair removed and added sentences across sections: such a sentence moved rather than changed."""
    from .similarity import assign, text_similarity

    removed = [(row, k) for row in rows for k, s in enumerate(row.sentences) if s.status == "removed"]
    added = [(row, k) for row in rows for k, s in enumerate(row.sentences) if s.status == "added"]
    if not removed or not added:
        return
    old_texts = [squeeze(row.sentences[k].old.text) for row, k in removed]
    new_texts = [squeeze(row.sentences[k].new.text) for row, k in added]
    scores = text_similarity(old_texts, new_texts)
    for i, j in assign(scores, MOVED_THRESHOLD):
        (from_row, old_k), (to_row, new_k) = removed[i], added[j]
        if from_row is to_row:
            continue
        old_sentence, new_sentence = from_row.sentences[old_k].old, to_row.sentences[new_k].new
        to_id = to_row.new.id if to_row.new else ""
        from_id = from_row.old.id if from_row.old else ""
        from_row.sentences[old_k] = _change(old_sentence, new_sentence, scores[i, j], year_shift, to_id)
        to_row.sentences[new_k] = _change(old_sentence, new_sentence, scores[i, j], year_shift, from_id, True)


def _heading_diff(old: Section | None, new: Section | None):
    from .worddiff import word_diff

    if old and new and old.heading != new.heading:
        return word_diff(old.heading, new.heading)
    return ()


def _summary(old: Plan, new: Plan, pairs, sections) -> Summary:
    from .align import alignable

    section_counts = Counter(pair.status for pair in pairs if pair.old != "0" and pair.new != "0")
    section_counts["moved"] = sum(1 for pair in pairs if pair.moved)
    sentence_counts: Counter[str] = Counter()
    for section in sections:
        for sentence in section.sentences:
            if sentence.status == "moved" and not sentence.arrived:
                continue  # a moved sentence is listed in both rows; count it once, where it arrived
            sentence_counts[sentence.status] += 1
            sentence_counts["routine"] += sentence.routine
    statuses = ("matched", "added", "removed", "split", "merged", "moved")
    return Summary(
        old_sections=len(alignable(old)),
        new_sections=len(alignable(new)),
        sections={status: section_counts.get(status, 0) for status in statuses},
        sentences={s: sentence_counts.get(s, 0) for s in ("same", "changed", "added", "removed", "moved", "routine")},
    )
