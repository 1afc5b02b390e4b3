"""Topic words: heading words that a section's own text bears out (人才 under 引进培育高端人才), and the pairs
they explain among sections that nothing else paired.

Across places one topic is often framed anew (引进培育一批高端人才 ↔ 加速集聚战略科技人才) and its bodies share
few words, but the noun that names it survives. Frame words (科技, 推进, 加强) name no topic: they are spread
over the whole plan, so no section uses them much more densely than the plan does.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..model import Plan, SectionStatus
from .regroup import Side, ancestors, parent_of, related_to_rows
from .terms import PlanTerms

# A heading word is a section's topic when the section's text (below the heading) uses it at least twice and
# this many times as densely as the whole plan does. Window on the gold: 2.5–7.5 (below it qingdao and
# changzhou each gain a wrong pair; above it 人才 no longer counts). Across the 72 plan pairs, 3 also takes
# 企业 and the adverb 切实 as topics.
TOPIC_LIFT = 4.0
# Body similarity enough for a split or merge partner named by a distinctive topic (SIBLING_THRESHOLD's 0.10:
# the heading word, alone in its plan, carries the rest).
TOPIC_SPLIT_FLOOR = 0.10

Key = tuple[int | None, int | None]


def topic_words(plan: Plan, side: Side, terms: PlanTerms) -> list[set[str]]:
    """Each section's heading words that its own text bears out (see TOPIC_LIFT)."""
    plan_counts = Counter(t for words in terms.own.values() for t in words)
    plan_size = max(1, sum(plan_counts.values()))
    wanted = {s.id: set(terms.headings[s.id]) for s in side.sections}
    counts: dict[str, Counter] = {key: Counter() for key in wanted}
    sizes = dict.fromkeys(wanted, 0)
    for section in plan.sections:  # add each section's own words to every alignable ancestor's subtree
        own = Counter(terms.own[section.id])
        node: str | None = section.id
        while node is not None:
            if node in wanted:
                sizes[node] += len(terms.own[section.id])
                counts[node].update({word: own[word] for word in wanted[node] if word in own})
            node = parent_of(node)
    topics = []
    for section in side.sections:
        heading = terms.headings[section.id]
        below = {word: counts[section.id][word] - heading.count(word) for word in wanted[section.id]}
        size = max(1, sizes[section.id])
        topics.append({word for word, count in below.items()
                       if count >= 2 and count / size >= TOPIC_LIFT * plan_counts[word] / plan_size})
    return topics


def pair_shared_topics(a: Side, b: Side, statuses: dict[Key, SectionStatus], bodies: np.ndarray,
                       allowed: np.ndarray, topics: tuple[list[set[str]], list[set[str]]],
                       floor: float) -> list[tuple[int, int]]:
    """A removed and an added section whose headings name a topic both texts bear out pair when each is the
    other's closest on body words among such sections, at floor or above.

    A last resort: only sections that no match, split or merge explains, and no container of one that is.
    allowed[i, j] is False where the roles forbid a pair.
    """
    topics_old, topics_new = topics
    removed = {i for (i, j) in statuses if j is None}
    added = {j for (i, j) in statuses if i is None}
    containers_old = {k for (i, j) in statuses if i is not None and j is not None for k in ancestors(a, i)}
    containers_new = {k for (i, j) in statuses if i is not None and j is not None for k in ancestors(b, j)}
    naming: dict[str, list[int]] = {}  # topic word → the added sections whose headings name it
    for j in sorted(added - containers_new):
        for word in topics_new[j]:
            naming.setdefault(word, []).append(j)
    candidates = {(i, j) for i in sorted(removed - containers_old) for word in topics_old[i]
                  for j in naming.get(word, ()) if allowed[i, j]}
    best_new: dict[int, int] = {}
    best_old: dict[int, int] = {}
    for i, j in sorted(candidates):
        if i not in best_new or bodies[i, j] > bodies[i, best_new[i]]:
            best_new[i] = j
        if j not in best_old or bodies[i, j] > bodies[best_old[j], j]:
            best_old[j] = i
    return [(i, j) for i, j in sorted(best_new.items()) if best_old[j] == i and bodies[i, j] >= floor]


def distinctive_topics(side: Side, topics: list[set[str]]) -> list[set[str]]:
    """Each section's topic words that no other heading of its role contains (开放 in 扩大向北开放 alone)."""
    headings: dict[object, list[str]] = {}
    for section, role in zip(side.sections, side.roles):
        headings.setdefault(role, []).append(section.heading)
    counted: dict[tuple[object, str], int] = {}  # (role, word) → headings of the role that contain it
    for role, words in zip(side.roles, topics):
        for word in words:
            if (role, word) not in counted:
                counted[(role, word)] = sum(word in heading for heading in headings[role])
    return [{word for word in words if counted[(role, word)] == 1} for role, words in zip(side.roles, topics)]


def split_on_distinctive_topics(a: Side, b: Side, statuses: dict[Key, SectionStatus], bodies: np.ndarray,
                                allowed: np.ndarray, topics: tuple[list[set[str]], list[set[str]]]) -> None:
    """In place: an added section sharing a distinctive topic with a matched old section is split from it; a
    removed one sharing one with a matched new section is merged into it (the closest on body words, at
    TOPIC_SPLIT_FLOOR or above). A heading that names two topics (深化改革开放) pairs on one (改革), and the
    other (开放) went to the section that names it alone.
    """
    distinct_old, distinct_new = distinctive_topics(a, topics[0]), distinctive_topics(b, topics[1])
    matched = {i: j for (i, j), status in statuses.items() if status == SectionStatus.MATCHED
               and i is not None and j is not None}
    by_new = {j: i for i, j in matched.items()}
    for j in [j for (i, j) in list(statuses) if i is None]:
        options = [i for i in _naming(distinct_old, matched, distinct_new[j]) if allowed[i, j]
                   and bodies[i, j] >= TOPIC_SPLIT_FLOOR
                   and not related_to_rows(b.sections[j], statuses, b.sections, old_index=i)]
        if options:
            i = max(options, key=lambda k: (bodies[k, j], -k))
            del statuses[(None, j)]
            statuses[(i, matched[i])] = statuses[(i, j)] = SectionStatus.SPLIT
    for i in [i for (i, j) in list(statuses) if j is None]:
        options = [j for j in _naming(distinct_new, by_new, distinct_old[i]) if allowed[i, j]
                   and bodies[i, j] >= TOPIC_SPLIT_FLOOR and statuses[(by_new[j], j)] == SectionStatus.MATCHED
                   and not related_to_rows(a.sections[i], statuses, a.sections, new_index=j)]
        if options:
            j = max(options, key=lambda k: (bodies[i, k], -k))
            del statuses[(i, None)]
            statuses[(by_new[j], j)] = statuses[(i, j)] = SectionStatus.MERGED


def _naming(distinct: list[set[str]], paired, words: set[str]) -> list[int]:
    """The paired sections (keys of paired) one of whose distinctive topics is among words."""
    return sorted(k for k in paired if distinct[k] & words) if words else []
