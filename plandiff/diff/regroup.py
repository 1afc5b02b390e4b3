"""Splits and merges: an unmatched section whose text went into a section already paired with another.

Two kinds of evidence: body words close enough (a section cut in two, or two joined into one), or one
一是-style item of a section in the other plan that is the section's closest text (a whole section
became one item of a section: common across places, where one plan's part is another's paragraph).
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from ..engines.similarity import tfidf_cosine
from ..model import Plan, Section, SectionRole, SectionStatus
from .terms import PlanTerms

SPLIT_THRESHOLD = 0.40  # body similarity enough for a split or merge partner
# Across places bodies share fewer words: a section at least as close to a paired section as that
# section's own partner is, and above this floor, is a split or merge partner too.
RELATIVE_FLOOR = 0.20
ITEM_THRESHOLD = 0.20  # body similarity enough for a section and one 一是 item closest to each other

Key = tuple[int | None, int | None]


class Side(Protocol):
    """One plan's alignable sections, as alignment sees them."""

    sections: list[Section]
    index: dict[str, int]
    parents: list[int | None]
    roles: list[SectionRole]
    list_lines: np.ndarray


def descendants(plan: Plan, section: Section) -> list[Section]:
    """The section itself and everything below it, in document order."""
    if section.level == 0:
        return [section]
    prefix = section.id + "."
    return [s for s in plan.sections if s.id == section.id or s.id.startswith(prefix)]


def parent_of(section_id: str) -> str | None:
    return section_id.rsplit(".", 1)[0] if "." in section_id else None


def ancestors(side: Side, index: int) -> list[int]:
    chain, parent = [], side.parents[index]
    while parent is not None:
        chain.append(parent)
        parent = side.parents[parent]
    return chain


def item_evidence(side: Side, subtree_terms: list[list[str]], other: Plan, other_side: Side,
                  other_terms: PlanTerms) -> np.ndarray:
    """[i, j]: how close section i is to its closest 一是-style item of the other plan, put under the item's
    section j, when that item is in turn closest to i's branch (i, a section above it or below it).

    A section with children counts as one topic only when most of its children's closest items are under
    the same j too; otherwise its children speak for themselves.
    """
    evidence = np.zeros((len(side.sections), len(other_side.sections)))
    items = [s for s in other.sections if s.is_item and s.parent is not None]
    if not items:
        return evidence
    item_terms = [[t for s in descendants(other, item) for t in other_terms.own[s.id]] for item in items]
    scores = tfidf_cosine(subtree_terms, item_terms)
    closest_item = np.argmax(scores, axis=1)
    closest_section = np.argmax(scores, axis=0)
    owners = [_nearest(other_side, items[int(k)].id) for k in closest_item]
    children: dict[int, list[int]] = {}
    for i, parent in enumerate(side.parents):
        if parent is not None:
            children.setdefault(parent, []).append(i)
    for i, k in enumerate(closest_item):
        closest = int(closest_section[k])
        on_branch = closest == i or closest in ancestors(side, i) or i in ancestors(side, closest)
        kids = children.get(i, [])
        one_topic = 2 * sum(owners[c] == owners[i] for c in kids) >= len(kids)
        if owners[i] is not None and on_branch and one_topic and not side.list_lines[i]:
            evidence[i, owners[i]] = scores[i, k]
    return evidence


def _nearest(side: Side, section_id: str) -> int | None:
    """The index of the section or of its nearest alignable ancestor."""
    node: str | None = section_id
    while node is not None and node not in side.index:
        node = parent_of(node)
    return side.index.get(node) if node is not None else None


def _related(x: Section, y: Section) -> bool:
    return x.id.startswith(y.id + ".") or y.id.startswith(x.id + ".")


def related_to_rows(section: Section, rows, sections: list[Section], old_index=None, new_index=None) -> bool:
    """True when the section contains, or sits in, a section already paired with the same partner."""
    if old_index is not None:
        paired = [sections[j] for (i, j) in rows if i == old_index and j is not None]
    else:
        paired = [sections[i] for (i, j) in rows if j == new_index and i is not None]
    return any(_related(section, other) for other in paired)


def _allowed_partner(role: SectionRole, partner_role: SectionRole, other_side_roles: list[SectionRole]) -> bool:
    """A split or merge partner of another role is allowed only when its role has no counterpart."""
    return role == partner_role or SectionRole.OTHER in (role, partner_role) or role not in other_side_roles


def _same_role(role: SectionRole, other: SectionRole) -> bool:
    return role == other or SectionRole.OTHER in (role, other)


def _partner_by_words(line: np.ndarray, rows_side: dict, level: int, sections: list[Section],
                      partner_score, same_role) -> int | None:
    """The closest section on body words, when close enough and at the level of its own partner.

    Close enough: SPLIT_THRESHOLD; or, among sections of the same role whose partner is at this level, the
    closest one when it is above RELATIVE_FLOOR and at least as close as its own partner is
    (partner_score(k, partner)). A review never splits from a task part on relative closeness alone.
    """
    best = int(np.argmax(line))
    partner = rows_side.get(best)
    if line[best] >= SPLIT_THRESHOLD and partner is not None and sections[partner].level == level:
        return best
    candidates = [k for k, other in rows_side.items() if sections[other].level == level and same_role(k)]
    if not candidates:
        return None
    best = max(candidates, key=lambda k: line[k])
    if line[best] >= RELATIVE_FLOOR and line[best] >= partner_score(best, rows_side[best]):
        return best
    return None


def _partner_by_item(line: np.ndarray, side: Side, index: int, other_partner: dict) -> int | None:
    """The owner of the closest 一是 item, unless an ancestor's pair already covers that section."""
    best = int(np.argmax(line)) if line.size else 0
    if not line.size or line[best] < ITEM_THRESHOLD or best not in other_partner:
        return None
    if any(other_partner.get(best) == ancestor for ancestor in ancestors(side, index)):
        return None
    return best


def splits_and_merges(matched: list[tuple[int, int]], a: Side, b: Side, bodies: np.ndarray,
                      into_new: np.ndarray, into_old: np.ndarray) -> dict[Key, SectionStatus]:
    """The status of every row: the matched pairs (some now split or merged), the new split and merge
    pairs, and the added and removed sections. An unmatched section close to one already matched on the
    other side is its split or merge partner: close on body words, or close to one 一是-style item of it."""
    rows: dict[Key, SectionStatus] = {key: SectionStatus.MATCHED for key in matched}
    matched_old = {i: j for (i, j) in matched}
    matched_new = {j: i for (i, j) in matched}
    for j, section in enumerate(b.sections):
        if j in matched_new:
            continue
        i = _partner_by_words(bodies[:, j], matched_old, section.level, b.sections,
                              lambda i, partner: bodies[i, partner], lambda i: _same_role(section.role, a.roles[i]))
        if i is None:
            i = _partner_by_item(into_old[:, j], b, j, matched_old)
        partner = matched_old.get(i) if i is not None else None
        if (partner is not None and not related_to_rows(section, rows, b.sections, old_index=i)
                and _allowed_partner(section.role, a.roles[i], a.roles)):
            rows[(i, partner)] = SectionStatus.SPLIT
            rows[(i, j)] = SectionStatus.SPLIT
            continue
        rows[(None, j)] = SectionStatus.ADDED
    for i, section in enumerate(a.sections):
        if i in matched_old or any(key[0] == i for key in rows):
            continue
        j = _partner_by_words(bodies[i, :], matched_new, section.level, a.sections,
                              lambda j, partner: bodies[partner, j], lambda j: _same_role(section.role, b.roles[j]))
        if j is None:
            j = _partner_by_item(into_new[i, :], a, i, matched_new)
        partner = matched_new.get(j) if j is not None else None
        if (partner is not None and not related_to_rows(section, rows, a.sections, new_index=j)
                and rows[(partner, j)] == SectionStatus.MATCHED
                and _allowed_partner(section.role, b.roles[j], b.roles)):
            rows[(partner, j)] = SectionStatus.MERGED
            rows[(i, j)] = SectionStatus.MERGED
            continue
        rows[(i, None)] = SectionStatus.REMOVED
    return rows
