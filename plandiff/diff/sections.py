"""Align the sections of two plans as an analyst would: by role, by tree, then by words.

One global assignment over heading and body similarity, run twice: the second run knows which parents
were paired, so children of paired parents pair first, and a child that went to another parent is
reported as moved. A part pairs with a part of another role (review, requirements, tasks) only when
no part of its own role exists on the other side. Levels may differ, order is only a hint, renumbering
is ignored, and a section whose text went to two sections (or came from two, or became one 一是 item of
a paired section) is reported as split (or merged) rather than as one match plus one add: regroup.py.
A heading-only list line (a target) pairs only with another list line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..engines.similarity import assign, moved_indices, order_bonus, tfidf_cosine
from ..model import PairScore, Plan, Section, SectionRole, SectionStatus
from .regroup import ancestors as _ancestors
from .regroup import descendants, item_evidence, parent_of, splits_and_merges
from .terms import PlanTerms, plan_terms
from .topics import pair_shared_topics, split_on_distinctive_topics, topic_words

HEADING_WEIGHT = 0.45
BODY_WEIGHT = 0.55
ORDER_WEIGHT = 0.05
TREE_BONUS = 0.05  # parents paired with each other
ROOT_BONUS = 0.02  # both top level: a hint only, it never lifts a pair over the threshold
TREE_COST = 0.06  # parents paired, but each with another section: the child moved
ROLE_COST = 0.05  # another role, allowed because this role has no counterpart
FORBIDDEN = -10.0
MATCH_THRESHOLD = 0.20
# Heading words count only as far as the texts bear them out: a heading cosine above HEADING_SUPPORT times
# the body cosine is cut down to it. Shared frame words (培育, 科技型, 企业) must not carry a pair whose
# bodies speak of other things (上市 against 高新技术企业). Measured window on the gold: 2.2–2.5.
HEADING_SUPPORT = 2.4
SIBLING_THRESHOLD = 0.10  # body similarity enough for leftover children of paired parents
MUTUAL_THRESHOLD = 0.25  # body similarity enough for two leftovers that are each other's best match


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
    why: PairScore | None = None


def alignable(plan: Plan) -> list[Section]:
    """Sections that take part in alignment: all but the preamble and 一是-style items under a section.

    一是 items with no parent section (a plan whose top level is 一是/二是) are sections in their own right.
    """
    return [s for s in plan.sections if s.level > 0 and not (s.is_item and s.parent is not None)]


@dataclass
class _Side:
    """One plan's alignable sections with what scoring needs of them."""

    sections: list[Section]
    index: dict[str, int]
    parents: list[int | None]  # index of the nearest alignable ancestor
    roles: list[SectionRole]
    sizes: np.ndarray  # characters in the subtree
    list_lines: np.ndarray  # True for a heading with no sentences and no children

    @classmethod
    def of(cls, plan: Plan, sections: list[Section]) -> _Side:
        index = {s.id: k for k, s in enumerate(sections)}
        own_size = {s.id: len(s.heading) + sum(len(x.text) for x in s.sentences) for s in plan.sections}
        sizes = np.ones(len(sections))
        for section in plan.sections:  # add each section's own text to every alignable ancestor's subtree
            node: str | None = section.id
            while node is not None:
                if node in index:
                    sizes[index[node]] += own_size[section.id]
                node = parent_of(node)
        parents = []
        for section in sections:
            node = parent_of(section.id)
            while node is not None and node not in index:
                node = parent_of(node)
            parents.append(index.get(node) if node is not None else None)
        has_children = {s.parent for s in plan.sections}
        list_lines = np.array([not s.sentences and s.id not in has_children for s in sections], dtype=bool)
        return cls(sections, index, parents, [s.role for s in sections], sizes, list_lines)


def align_sections(old: Plan, new: Plan, old_terms: PlanTerms | None = None,
                   new_terms: PlanTerms | None = None) -> list[SectionPair]:
    """Pairs in the order of the new plan, with removed sections after the section they followed."""
    a, b = _Side.of(old, alignable(old)), _Side.of(new, alignable(new))
    pairs: list[SectionPair] = []
    if old.sections and new.sections and (old.sections[0].sentences or new.sections[0].sentences):
        pairs.append(_preamble_pair(old.sections[0], new.sections[0]))
    if not a.sections or not b.sections:
        pairs += [SectionPair(SectionStatus.REMOVED, s.id, None) for s in a.sections]
        pairs += [SectionPair(SectionStatus.ADDED, None, s.id) for s in b.sections]
        return pairs

    old_terms = old_terms or plan_terms(old)
    new_terms = new_terms or plan_terms(new)
    subtree_old, subtree_new = _subtree_terms(old, a, old_terms), _subtree_terms(new, b, new_terms)
    bodies = tfidf_cosine(subtree_old, subtree_new)
    headings = tfidf_cosine([old_terms.headings[s.id] for s in a.sections], [new_terms.headings[s.id] for s in b.sections])
    headings = np.minimum(headings, HEADING_SUPPORT * bodies)
    for i, x in enumerate(a.sections):
        for j, y in enumerate(b.sections):
            if x.heading == y.heading:
                headings[i, j] = 1.0  # same words under another number: the same section
    own_bodies = tfidf_cosine([old_terms.own[s.id] for s in a.sections], [new_terms.own[s.id] for s in b.sections])
    # A list line (a heading with no sentences and no children: a target of a 主要目标 list) pairs only with
    # another list line: its words recurring in a task section's body say where a figure went, which the
    # targets view reports, not that a list line became a section.
    mixed = np.not_equal.outer(a.list_lines, b.list_lines)
    headings = np.where(mixed, 0.0, headings)
    bodies = np.where(mixed, 0.0, bodies)
    own_bodies = np.where(mixed, 0.0, own_bodies)
    ratio = np.minimum(a.sizes[:, None], b.sizes[None, :]) / np.maximum(a.sizes[:, None], b.sizes[None, :])
    # Damp pairs of very different size: a whole chapter is not the same thing as one of its items.
    content = (HEADING_WEIGHT * headings + BODY_WEIGHT * bodies) * (0.6 + 0.4 * np.sqrt(ratio))
    roles = _role_terms(a.roles, b.roles)
    order = order_bonus(len(a.sections), len(b.sections), ORDER_WEIGHT)

    matched = _assign(content, roles, order, None)
    tree = _tree_terms(a, b, matched)
    matched = _assign(content, roles, order, tree)
    while found := _pair_leftover_siblings(a, b, matched, bodies, content + roles + order + tree, roles):
        matched += found  # each round takes the mutual best; the rest may pair in the next
    matched += _pair_mutual_best(a, b, matched, bodies, roles)
    partner_bodies = np.maximum(bodies, own_bodies)
    into_new = item_evidence(a, subtree_old, new, b, new_terms)
    into_old = item_evidence(b, subtree_new, old, a, old_terms).T
    statuses = splits_and_merges(matched, a, b, partner_bodies, into_new, into_old)
    topics = topic_words(old, a, old_terms), topic_words(new, b, new_terms)
    shared_topics = {}
    for i, j in pair_shared_topics(a, b, statuses, bodies, roles > FORBIDDEN, topics, SIBLING_THRESHOLD):
        del statuses[(i, None)], statuses[(None, j)]
        statuses[(i, j)] = SectionStatus.MATCHED
        matched.append((i, j))
        shared_topics[(i, j)] = "、".join(sorted(topics[0][i] & topics[1][j]))
    split_on_distinctive_topics(a, b, statuses, bodies, roles > FORBIDDEN, topics)
    tree = _tree_terms(a, b, matched)  # the moved flags and the explanation read the final tree
    total = content + roles + order + tree
    moved = moved_indices(matched)

    rows: dict[tuple[int | None, int | None], SectionPair] = {}
    for index, (i, j) in enumerate(matched):
        moved_parent = bool(tree[i, j] < 0)
        why = _explain(a, b, i, j, headings, bodies, content, roles, tree, order, total, matched)
        if (i, j) in shared_topics:
            why = replace(why, topic=shared_topics[(i, j)])
        rows[(i, j)] = SectionPair(
            statuses[(i, j)], a.sections[i].id, b.sections[j].id, _round(content[i, j]),
            _round(headings[i, j]), _round(bodies[i, j]), index in moved or moved_parent, why,
        )
    for (i, j), status in statuses.items():
        if (i, j) in rows:
            continue
        if i is None or j is None:
            rows[(i, j)] = SectionPair(status, a.sections[i].id if i is not None else None,
                                       b.sections[j].id if j is not None else None)
        else:
            rows[(i, j)] = SectionPair(status, a.sections[i].id, b.sections[j].id, _round(content[i, j]),
                                       _round(headings[i, j]), _round(partner_bodies[i, j]))
    return pairs + _in_document_order(rows)


def _subtree_terms(plan: Plan, side: _Side, terms: PlanTerms) -> list[list[str]]:
    return [[t for s in descendants(plan, section) for t in terms.own[s.id]] for section in side.sections]


def _role_terms(old_roles: list[SectionRole], new_roles: list[SectionRole]) -> np.ndarray:
    """0 for the same role, a small cost for another role with no counterpart, FORBIDDEN otherwise."""
    old_present = set(old_roles) - {SectionRole.OTHER}
    new_present = set(new_roles) - {SectionRole.OTHER}
    terms = np.zeros((len(old_roles), len(new_roles)))
    for i, x in enumerate(old_roles):
        for j, y in enumerate(new_roles):
            if x == y or SectionRole.OTHER in (x, y):
                continue
            # Review against tasks while both plans have both: never; a role one plan lacks: at a cost.
            terms[i, j] = FORBIDDEN if (x in new_present or y in old_present) else -ROLE_COST
    return terms


def _assign(content, roles, order, tree) -> list[tuple[int, int]]:
    """The best one-to-one pairing; under paired parents the tree bonus counts toward the threshold."""
    support = content
    total = content + roles + order + (tree if tree is not None else 0)
    # Pairs below the threshold must not take part: they would crowd out a weaker pair that passes.
    total = np.where((support >= MATCH_THRESHOLD) & (roles > FORBIDDEN), total + 1.0, 0.0)
    return [(i, j) for i, j in assign(total, 0.5)]


def _pair_leftover_siblings(a: _Side, b: _Side, matched, bodies, total, roles) -> list[tuple[int, int]]:
    """Children left over under two paired parents pair among themselves on weaker evidence: the
    parents already say where their topics went."""
    old_to_new = dict(matched)
    used_old, used_new = set(old_to_new), set(old_to_new.values())
    found = []
    for parent_old, parent_new in matched:
        rest_old = [i for i, p in enumerate(a.parents) if p == parent_old and i not in used_old]
        rest_new = [j for j, p in enumerate(b.parents) if p == parent_new and j not in used_new]
        if not rest_old or not rest_new:
            continue
        block = total[np.ix_(rest_old, rest_new)]
        evidence = np.where(roles > FORBIDDEN, bodies, -1.0)[np.ix_(rest_old, rest_new)]
        for x, y in assign(block, 0.0):
            # Each must be the other's best leftover sibling on body words, and share enough of them.
            mutual = int(np.argmax(evidence[:, y])) == x and int(np.argmax(evidence[x, :])) == y
            if evidence[x, y] >= SIBLING_THRESHOLD and mutual:
                found.append((rest_old[x], rest_new[y]))
    return found


def _pair_mutual_best(a: _Side, b: _Side, matched, bodies, roles) -> list[tuple[int, int]]:
    """Two leftovers whose bodies are each other's closest of all sections pair even when their headings
    differ: across places the same topic is often worded anew (科技管理队伍建设 ↔ 科技系统作风与能力建设).
    A container whose children are already paired is not a topic of its own, so it takes no such pair."""
    allowed = np.where(roles > FORBIDDEN, bodies, -1.0)
    used_old, used_new = {i for i, _ in matched}, {j for _, j in matched}
    containers_old = {ancestor for i in used_old for ancestor in _ancestors(a, i)}
    containers_new = {ancestor for j in used_new for ancestor in _ancestors(b, j)}
    found = []
    for i in range(allowed.shape[0]):
        j = int(np.argmax(allowed[i]))
        if (i not in used_old | containers_old and j not in used_new | containers_new
                and int(np.argmax(allowed[:, j])) == i and allowed[i, j] >= MUTUAL_THRESHOLD):
            found.append((i, j))
    return found


def _tree_terms(a: _Side, b: _Side, matched: list[tuple[int, int]]) -> np.ndarray:
    """A bonus where both parents are paired with each other (or both are top level), a cost where each
    parent is paired elsewhere: a child stays with its parent unless its words say it moved."""
    old_to_new = dict(matched)
    new_to_old = {j: i for i, j in matched}
    terms = np.zeros((len(a.sections), len(b.sections)))
    for i, pi in enumerate(a.parents):
        for j, pj in enumerate(b.parents):
            if pi is None and pj is None:
                terms[i, j] = ROOT_BONUS
            elif pi is not None and pj is not None:
                if old_to_new.get(pi) == pj:
                    terms[i, j] = TREE_BONUS
                elif pi in old_to_new and pj in new_to_old:
                    terms[i, j] = -TREE_COST
    return terms


def _explain(a, b, i, j, headings, bodies, content, roles, tree, order, total, matched) -> PairScore:
    """The parts of a pair's score and the best alternative the assignment turned down."""
    row = total[i].copy()
    row[j] = -np.inf
    column = total[:, j].copy()
    column[i] = -np.inf
    best_new, best_old = int(np.argmax(row)), int(np.argmax(column))
    if row[best_new] >= column[best_old] and np.isfinite(row[best_new]):
        alternative_old, alternative_new, alternative = a.sections[i].id, b.sections[best_new].id, row[best_new]
    elif np.isfinite(column[best_old]):
        alternative_old, alternative_new, alternative = a.sections[best_old].id, b.sections[j].id, column[best_old]
    else:
        alternative_old = alternative_new = ""
        alternative = 0.0
    return PairScore(
        heading=_round(HEADING_WEIGHT * headings[i, j]), body=_round(BODY_WEIGHT * bodies[i, j]),
        size=_round(content[i, j] - HEADING_WEIGHT * headings[i, j] - BODY_WEIGHT * bodies[i, j]),
        role=_round(roles[i, j]), tree=_round(tree[i, j]), order=_round(order[i, j]), total=_round(total[i, j]),
        alternative_old=alternative_old, alternative_new=alternative_new, alternative_total=_round(max(alternative, -1.0)),
    )


def _preamble_pair(old: Section, new: Section) -> SectionPair:
    if not old.sentences:
        return SectionPair(SectionStatus.ADDED, None, new.id)
    if not new.sentences:
        return SectionPair(SectionStatus.REMOVED, old.id, None)
    return SectionPair(SectionStatus.MATCHED, old.id, new.id, 1.0, 1.0, 1.0)


def _in_document_order(rows) -> list[SectionPair]:
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
