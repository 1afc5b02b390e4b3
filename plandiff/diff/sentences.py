"""Sentence diff inside aligned sections: pair sentences by similarity, then find moves across rows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engines.similarity import assign, order_bonus, text_similarity
from ..engines.worddiff import word_diff
from ..model import Diff, Piece, Section, Sentence, SentenceChange, SentenceStatus
from ..parse.text import squeeze

SENTENCE_THRESHOLD = 0.5
MOVED_THRESHOLD = 0.6
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)")


@dataclass
class Row:
    """A section row while it is being built; moves across rows rewrite its sentence list."""

    pair: object
    old: Section | None
    new: Section | None
    sentences: list[SentenceChange]


def routine(old: str, new: str, year_shift: int) -> bool:
    """True when new is old with each year moved on by the plan-year shift (2023年 → 2024年)."""
    if not year_shift or not _YEAR.search(old):
        return False
    return _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), old) == new


def _pieces(diff: Diff) -> tuple[Piece, ...]:
    return tuple(Piece(op, text) for op, text in diff)


def pair_change(old: Sentence, new: Sentence, score: float, year_shift: int, moved_to_or_from=None, arrived=False):
    """A same or changed pair; with moved_to_or_from, a moved one (listed in both rows)."""
    old_key, new_key = squeeze(old.text), squeeze(new.text)
    status = SentenceStatus.MOVED if moved_to_or_from is not None else None
    if old_key == new_key:
        return SentenceChange(status or SentenceStatus.SAME, old, new, (Piece(0, new.text),), 1.0, False,
                              moved_to_or_from, arrived)
    return SentenceChange(
        status or SentenceStatus.CHANGED, old, new, _pieces(word_diff(old.text, new.text)), round(float(score), 3),
        routine(old_key, new_key, year_shift), moved_to_or_from, arrived,
    )


def added(sentence: Sentence) -> SentenceChange:
    return SentenceChange(SentenceStatus.ADDED, None, sentence, (Piece(1, sentence.text),))


def removed(sentence: Sentence) -> SentenceChange:
    return SentenceChange(SentenceStatus.REMOVED, sentence, None, (Piece(-1, sentence.text),))


def diff_sentences(old: list[Sentence], new: list[Sentence], year_shift: int) -> list[SentenceChange]:
    """Align sentences by similarity with order as a hint, then list them in the new plan's order."""
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
                changes.append(removed(old[pending_removed.pop(0)]))
            changes.append(pair_change(old[i], sentence, scores[i, j], year_shift))
        else:
            changes.append(added(sentence))
    changes.extend(removed(old[i]) for i in pending_removed)
    return changes


def find_moves(rows: list[Row], year_shift: int) -> None:
    """Pair removed and added sentences across sections: such a sentence moved rather than changed."""
    removed_at = [(row, k) for row in rows for k, s in enumerate(row.sentences) if s.status == "removed"]
    added_at = [(row, k) for row in rows for k, s in enumerate(row.sentences) if s.status == "added"]
    if not removed_at or not added_at:
        return
    old_texts = [squeeze(row.sentences[k].old.text) for row, k in removed_at]
    new_texts = [squeeze(row.sentences[k].new.text) for row, k in added_at]
    scores = text_similarity(old_texts, new_texts)
    for i, j in assign(scores, MOVED_THRESHOLD):
        (from_row, old_k), (to_row, new_k) = removed_at[i], added_at[j]
        if from_row is to_row:
            continue
        old_sentence, new_sentence = from_row.sentences[old_k].old, to_row.sentences[new_k].new
        to_id = to_row.new.id if to_row.new else ""
        from_id = from_row.old.id if from_row.old else ""
        from_row.sentences[old_k] = pair_change(old_sentence, new_sentence, scores[i, j], year_shift, to_id)
        to_row.sentences[new_k] = pair_change(old_sentence, new_sentence, scores[i, j], year_shift, from_id, True)


def heading_diff(old: Section | None, new: Section | None) -> Diff:
    if old and new and old.heading != new.heading:
        return word_diff(old.heading, new.heading)
    return ()


def _cut(piece: Piece, spans: list[tuple[int, int]], offset: int) -> list[Piece]:
    """Cut a piece where target spans (in sentence offsets) begin and end."""
    text = piece.text
    cuts = {0, len(text)}
    for start, end in spans:
        for point in (start - offset, end - offset):
            if 0 < point < len(text):
                cuts.add(point)
    points = sorted(cuts)
    return [
        Piece(piece.op, text[a:b], any(start - offset <= a and b <= end - offset for start, end in spans))
        for a, b in zip(points, points[1:])
    ]


def mark_targets(change: SentenceChange, old_spans: list[tuple[int, int]], new_spans: list[tuple[int, int]]):
    """The change with its pieces cut at target spans: deleted text reads old spans, the rest new ones."""
    if not old_spans and not new_spans:
        return change
    pieces: list[Piece] = []
    old_pos = new_pos = 0
    for piece in change.pieces:
        spans, position = (old_spans, old_pos) if piece.op < 0 else (new_spans, new_pos)
        pieces += _cut(piece, spans, position)
        if piece.op <= 0:
            old_pos += len(piece.text)
        if piece.op >= 0:
            new_pos += len(piece.text)
    return SentenceChange(change.status, change.old, change.new, tuple(pieces), change.score, change.routine,
                          change.elsewhere, change.arrived)
