"""Match targets across two plans by what they measure, and say what happened to each."""

from __future__ import annotations

from ..engines.similarity import assign, text_similarity
from ..model import Target, TargetChange, Verdict

_FIRMNESS_RANK = {"aspirational": 0, "": 1, "firm": 2}
SIMILAR_INDICATOR = 0.8


def primary_targets(targets: tuple[Target, ...]) -> list[Target]:
    """Planned targets, one per (indicator, kind, unit): the first statement, usually the goals block."""
    seen: dict[tuple[str, str, str], Target] = {}
    for target in targets:
        if target.tense == "planned":
            seen.setdefault((target.key, target.kind, target.unit), target)
    return list(seen.values())


def match_targets(old_targets: tuple[Target, ...], new_targets: tuple[Target, ...]) -> tuple[TargetChange, ...]:
    """Pair by canonical indicator (alias table) first, then by indicator similarity, within kind and unit."""
    old, new = primary_targets(old_targets), primary_targets(new_targets)
    pairs: list[tuple[int, int]] = []
    new_by_key = {(t.key, t.kind, t.unit): j for j, t in enumerate(new)}
    for i, target in enumerate(old):
        j = new_by_key.get((target.key, target.kind, target.unit))
        if j is not None:
            pairs.append((i, j))
    pairs += _similar_pairs(old, new, {i for i, _ in pairs}, {j for _, j in pairs})

    changes = [_verdict(old[i], new[j]) for i, j in pairs]
    matched_old, matched_new = {i for i, _ in pairs}, {j for _, j in pairs}
    changes += [TargetChange(Verdict.DROPPED, t.indicator, t, None) for i, t in enumerate(old) if i not in matched_old]
    changes += [TargetChange(Verdict.NEW, t.indicator, None, t) for j, t in enumerate(new) if j not in matched_new]
    return tuple(sorted(changes, key=_order))


def _similar_pairs(old: list[Target], new: list[Target], used_old: set[int], used_new: set[int]):
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]
    if not rest_old or not rest_new:
        return []
    scores = text_similarity([old[i].indicator for i in rest_old], [new[j].indicator for j in rest_new])
    for a, i in enumerate(rest_old):
        for b, j in enumerate(rest_new):
            if (old[i].kind, old[i].unit) != (new[j].kind, new[j].unit):
                scores[a, b] = 0.0
    return [(rest_old[a], rest_new[b]) for a, b in assign(scores, SIMILAR_INDICATOR)]


def _verdict(old: Target, new: Target) -> TargetChange:
    rank_old, rank_new = _FIRMNESS_RANK[old.firmness], _FIRMNESS_RANK[new.firmness]
    firmness = None if rank_old == rank_new else ("softened" if rank_new < rank_old else "firmed")
    delta = round(new.value - old.value, 6)
    if abs(delta) < 1e-9:
        status = Verdict.SAME if old.indicator == new.indicator else Verdict.REWORDED
        return TargetChange(status, new.indicator, old, new, 0.0, firmness)
    return TargetChange(Verdict.RAISED if delta > 0 else Verdict.LOWERED, new.indicator, old, new, delta, firmness)


def _order(change: TargetChange):
    """Changes in the new plan's order, dropped ones after, by their place in the old plan."""
    if change.new is not None:
        return (0, change.new.start)
    return (1, change.old.start)
