"""Align the sections of two plans: one global assignment over heading and body similarity.

Levels may differ, order is only a hint, renumbering is ignored, and a section whose text went to
two sections (or came from two) is reported as split (or merged) rather than as one match plus one add.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..engines.similarity import assign, moved_indices, order_bonus, tfidf_cosine
from ..engines.words import index_terms
from ..model import Plan, Section, SectionStatus

HEADING_WEIGHT = 0.45
BODY_WEIGHT = 0.55
ORDER_WEIGHT = 0.05
MATCH_THRESHOLD = 0.20
SPLIT_THRESHOLD = 0.40


@dataclass(frozen=True)
class SectionPair:
    """One row of the alignment; old or new is None for an added or removed section."""

    status: SectionStatus
    old: str | None
    new: str | None
    score: float = 0.0
    heading_score: float = 0.0
    body_score: float = 0.0
    moved: bool = False


def descendants(plan: Plan, section: Section) -> list[Section]:
    """The section itself and everything below it, in document order."""
    if section.level == 0:
        return [section]
    prefix = section.id + "."
    return [s for s in plan.sections if s.id == section.id or s.id.startswith(prefix)]


def subtree_text(plan: Plan, section: Section) -> str:
    """A section's heading and sentences with all its descendants'."""
    return "".join(s.heading + "".join(x.text for x in s.sentences) for s in descendants(plan, section))


def alignable(plan: Plan) -> list[Section]:
    """Sections that take part in alignment: all but the preamble and 一是-style items under a section.

    一是 items with no parent section (a plan whose top level is 一是/二是) are sections in their own right.
    """
    return [s for s in plan.sections if s.level > 0 and not (s.is_item and s.parent is not None)]


def align_sections(old: Plan, new: Plan) -> list[SectionPair]:
    """Pairs in the order of the new plan, with removed sections after the section they followed."""
    old_sections = alignable(old)
    new_sections = alignable(new)
    pairs: list[SectionPair] = []
    if old.sections and new.sections and (old.sections[0].sentences or new.sections[0].sentences):
        pairs.append(_preamble_pair(old.sections[0], new.sections[0]))
    if not old_sections or not new_sections:
        pairs += [SectionPair(SectionStatus.REMOVED, s.id, None) for s in old_sections]
        pairs += [SectionPair(SectionStatus.ADDED, None, s.id) for s in new_sections]
        return pairs

    old_terms, new_terms = _section_terms(old), _section_terms(new)
    headings = tfidf_cosine([old_terms[s.id][0] for s in old_sections], [new_terms[s.id][0] for s in new_sections])
    for i, a in enumerate(old_sections):
        for j, b in enumerate(new_sections):
            if a.heading == b.heading:
                headings[i, j] = 1.0  # same words under another number: the same section
    bodies = tfidf_cosine(
        [_subtree_terms(old, s, old_terms) for s in old_sections],
        [_subtree_terms(new, s, new_terms) for s in new_sections],
    )
    scores = (HEADING_WEIGHT * headings + BODY_WEIGHT * bodies) * _size_factor(old, old_sections, new, new_sections)
    bonus = order_bonus(len(old_sections), len(new_sections), ORDER_WEIGHT)
    matched = [(i, j) for i, j in assign(scores + bonus, 0.0) if scores[i, j] >= MATCH_THRESHOLD]
    moved = moved_indices(matched)

    rows: dict[tuple[int | None, int | None], SectionPair] = {}
    for index, (i, j) in enumerate(matched):
        rows[(i, j)] = SectionPair(
            "matched", old_sections[i].id, new_sections[j].id, _round(scores[i, j]),
            _round(headings[i, j]), _round(bodies[i, j]), index in moved,
        )
    _mark_splits_and_merges(rows, old_sections, new_sections, scores, headings, bodies)
    return pairs + _in_document_order(rows, len(old_sections), len(new_sections))


def _section_terms(plan: Plan) -> dict[str, tuple[list[str], list[str]]]:
    """Each section's heading terms and all its own terms."""
    terms = {}
    for section in plan.sections:
        heading = index_terms(section.heading)
        terms[section.id] = (heading, heading + index_terms("".join(s.text for s in section.sentences)))
    return terms


def _subtree_terms(plan: Plan, section: Section, terms) -> list[str]:
    return [term for s in descendants(plan, section) for term in terms[s.id][1]]


def _size_factor(old: Plan, old_sections, new: Plan, new_sections) -> np.ndarray:
    """Damp pairs of very different size: a whole chapter is not the same thing as one of its items."""
    old_sizes = np.array([len(subtree_text(old, s)) + 1 for s in old_sections], dtype=float)
    new_sizes = np.array([len(subtree_text(new, s)) + 1 for s in new_sections], dtype=float)
    ratio = np.minimum(old_sizes[:, None], new_sizes[None, :]) / np.maximum(old_sizes[:, None], new_sizes[None, :])
    return 0.6 + 0.4 * np.sqrt(ratio)


def _preamble_pair(old: Section, new: Section) -> SectionPair:
    if not old.sentences:
        return SectionPair(SectionStatus.ADDED, None, new.id)
    if not new.sentences:
        return SectionPair(SectionStatus.REMOVED, old.id, None)
    return SectionPair(SectionStatus.MATCHED, old.id, new.id, 1.0, 1.0, 1.0)


def _related(a: Section, b: Section) -> bool:
    return a.id.startswith(b.id + ".") or b.id.startswith(a.id + ".")


def _mark_splits_and_merges(rows, old_sections, new_sections, scores, headings, bodies) -> None:
    """An unmatched section close to one already matched on the other side is its split or merge partner."""
    matched_old = {i: j for (i, j) in rows}
    matched_new = {j: i for (i, j) in rows}
    for j, section in enumerate(new_sections):
        if j in matched_new:
            continue
        i = int(np.argmax(bodies[:, j]))
        partner = matched_old.get(i)
        if partner is not None and bodies[i, j] >= SPLIT_THRESHOLD and not _related(section, new_sections[partner]):
            if new_sections[partner].level == section.level:
                old_row = rows[(i, partner)]
                rows[(i, partner)] = SectionPair(SectionStatus.SPLIT, old_row.old, old_row.new, old_row.score,
                                                 old_row.heading_score, old_row.body_score, old_row.moved)
                rows[(i, j)] = SectionPair(SectionStatus.SPLIT, old_sections[i].id, section.id, _round(scores[i, j]),
                                           _round(headings[i, j]), _round(bodies[i, j]))
                continue
        rows[(None, j)] = SectionPair(SectionStatus.ADDED, None, section.id)
    for i, section in enumerate(old_sections):
        if i in matched_old or any(key[0] == i for key in rows):
            continue
        j = int(np.argmax(bodies[i, :]))
        partner = matched_new.get(j)
        if partner is not None and bodies[i, j] >= SPLIT_THRESHOLD and not _related(section, old_sections[partner]):
            if old_sections[partner].level == section.level and rows[(partner, j)].status == "matched":
                old_row = rows[(partner, j)]
                rows[(partner, j)] = SectionPair(SectionStatus.MERGED, old_row.old, old_row.new, old_row.score,
                                                 old_row.heading_score, old_row.body_score, old_row.moved)
                rows[(i, j)] = SectionPair(SectionStatus.MERGED, section.id, new_sections[j].id, _round(scores[i, j]),
                                           _round(headings[i, j]), _round(bodies[i, j]))
                continue
        rows[(i, None)] = SectionPair(SectionStatus.REMOVED, section.id, None)


def _in_document_order(rows, old_count: int, new_count: int) -> list[SectionPair]:
    """New-plan order; a removed section goes right after the old section before it."""
    def position(key):
        i, j = key
        if j is not None:
            return (j, 0, i if i is not None else -1)
        # Place a removed section after the new position of its nearest matched predecessor.
        before = [jj for (ii, jj) in rows if ii is not None and jj is not None and ii < i]
        return ((max(before) if before else -1), 1, i)

    return [rows[key] for key in sorted(rows, key=position)]


def _round(value: float) -> float:
    return round(float(value), 3)
