"""Sentence diff inside aligned sections: pair sentences on substance, then find moves across rows.

Two sentences pair when they share content words weighted by how rare the words are in the two plans
(TF-IDF cosine), not when they share characters: 加强廉洁政府建设 and 加强国家科普能力建设 share only
the frame 加强…建设, so one is removed and the other added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engines.similarity import assign, cosine_candidates, cosine_matrix, greedy_pairs, idf_weights, order_bonus, tfidf_vectors
from ..engines.worddiff import word_diff
from ..model import Diff, Piece, Section, Sentence, SentenceChange, SentenceStatus
from ..parse.text import squeeze
from .terms import PlanTerms

SENTENCE_THRESHOLD = 0.5
MOVED_THRESHOLD = 0.6
DENSE_LIMIT = 200 * 200  # rows larger than this pair sparsely; an optimal assignment is cubic
BOILERPLATE_LENGTH = 12  # 各位代表！, 谢谢大家！: short sentences with identical text are never moves


class SentenceScorer:
    """Similarity of sentences on content words, IDF taken over every sentence and heading of both plans."""

    def __init__(self, old_terms: PlanTerms, new_terms: PlanTerms):
        self.old_terms, self.new_terms = old_terms, new_terms
        self.idf = idf_weights(list(old_terms.by_text.values()) + list(new_terms.by_text.values()))
        # Each sentence's vector, made once: a sentence is scored inside its section and again for moves.
        self._vectors: tuple[dict, dict] = ({}, {})

    def _docs(self, sentences: list[Sentence], side: int) -> list[dict[str, float]]:
        terms, made = (self.old_terms, self.new_terms)[side], self._vectors[side]
        missing = [s.text for s in sentences if s.text not in made]
        made.update(zip(missing, tfidf_vectors([terms.of(text) for text in missing], self.idf)))
        return [made[s.text] for s in sentences]

    def matrix(self, old: list[Sentence], new: list[Sentence]):
        """Every old × new score (0–1); identical text (ignoring spaces) scores 1."""
        scores = cosine_matrix(self._docs(old, 0), self._docs(new, 1))
        new_keys: dict[str, list[int]] = {}
        for j, sentence in enumerate(new):
            new_keys.setdefault(squeeze(sentence.text), []).append(j)
        for i, sentence in enumerate(old):
            for j in new_keys.get(squeeze(sentence.text), ()):
                scores[i, j] = 1.0
        return scores

    def candidates(self, old: list[Sentence], new: list[Sentence], threshold: float):
        """(score, old, new) for pairs at or above threshold, best first, computed sparsely."""
        return cosine_candidates(self._docs(old, 0), self._docs(new, 1), threshold)
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


def diff_sentences(old: list[Sentence], new: list[Sentence], year_shift: int,
                   scorer: SentenceScorer) -> list[SentenceChange]:
    """Align sentences by substance with order as a hint, then list them in the new plan's order."""
    if len(old) * len(new) > DENSE_LIMIT:
        # A very long row: pair best first from sparse candidates, so time and memory stay near linear.
        found = greedy_pairs(scorer.candidates(old, new, SENTENCE_THRESHOLD))
        score_of = {(i, j): score for score, i, j in found}
        pairs = list(score_of)
    else:
        scores = scorer.matrix(old, new) if old and new else None
        pairs = assign(scores + order_bonus(len(old), len(new), 0.05), 0.0) if scores is not None else []
        pairs = [(i, j) for i, j in pairs if scores[i, j] >= SENTENCE_THRESHOLD]
        score_of = {(i, j): scores[i, j] for i, j in pairs}
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
            changes.append(pair_change(old[i], sentence, score_of[(i, j)], year_shift))
        else:
            changes.append(added(sentence))
    changes.extend(removed(old[i]) for i in pending_removed)
    return changes


def _boilerplate(text: str) -> bool:
    return len(squeeze(text)) <= BOILERPLATE_LENGTH


def find_moves(rows: list[Row], year_shift: int, scorer: SentenceScorer) -> None:
    """Pair removed and added sentences across sections: such a sentence moved rather than changed.

    A sentence already paired in some row (a split section shows its text in two rows) takes no second
    pair, and short boilerplate met again word for word (各位代表！) is the same sentence, not a move.
    """
    paired_old = {(c.old.start, c.old.end) for row in rows for c in row.sentences if c.old and c.new}
    paired_new = {(c.new.start, c.new.end) for row in rows for c in row.sentences if c.old and c.new}
    removed_at = [(row, k) for row in rows for k, s in enumerate(row.sentences)
                  if s.status == "removed" and (s.old.start, s.old.end) not in paired_old]
    added_at = [(row, k) for row in rows for k, s in enumerate(row.sentences)
                if s.status == "added" and (s.new.start, s.new.end) not in paired_new]
    if not removed_at or not added_at:
        return
    old_sentences = [row.sentences[k].old for row, k in removed_at]
    new_sentences = [row.sentences[k].new for row, k in added_at]
    candidates = scorer.candidates(old_sentences, new_sentences, MOVED_THRESHOLD)
    dropped: list[tuple[Row, int]] = []
    for score, i, j in greedy_pairs(candidates):
        (from_row, old_k), (to_row, new_k) = removed_at[i], added_at[j]
        if from_row is to_row:
            continue
        old_sentence, new_sentence = old_sentences[i], new_sentences[j]
        if _boilerplate(new_sentence.text) and squeeze(old_sentence.text) == squeeze(new_sentence.text):
            to_row.sentences[new_k] = pair_change(old_sentence, new_sentence, 1.0, year_shift)
            dropped.append((from_row, old_k))  # listed once, as same, where it stands now
            continue
        to_id = to_row.new.id if to_row.new else ""
        from_id = from_row.old.id if from_row.old else ""
        from_row.sentences[old_k] = pair_change(old_sentence, new_sentence, score, year_shift, to_id)
        to_row.sentences[new_k] = pair_change(old_sentence, new_sentence, score, year_shift, from_id, True)
    for row, k in sorted(dropped, key=lambda item: -item[1]):
        del row.sentences[k]


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
