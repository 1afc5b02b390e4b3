"""Match targets across two plans by what they measure and the year they are for, and say what happened.

A pair shares an indicator (alias key, else a similar wording), a kind family and unit, and a horizon: a
five-year goal (horizon 2025) never pairs with an annual target. Growth and decline of one indicator
pair, and the verdict is then "reversed". A goal whose horizon lies beyond the newer plan's year and that
the newer plan does not restate is still running, so it is neither matched nor dropped.
"""

from __future__ import annotations

from ..engines.similarity import assign, text_similarity
from ..model import Target, TargetChange, TargetKind, Verdict

_FIRMNESS_RANK = {"aspirational": 0, "": 1, "firm": 2}
# How binding a comparator is: 达到, 以上, 以内 and ranges bind; 左右 and 约 loosen (以上 → 左右 is softened).
_COMPARATOR_RANK = {">=": 1, ">": 1, "<=": 1, "=": 1, "range": 1, "~": 0}
_RATE_KINDS = {TargetKind.GROWTH, TargetKind.DECLINE, TargetKind.INCREMENT}
SIMILAR_INDICATOR = 0.8


def _family(target: Target) -> str:
    """Growth, increment and decline of one indicator answer one question: which way, and how much."""
    return "change" if target.kind in _RATE_KINDS else target.kind


def plan_year(targets) -> int | None:
    """The year a plan's annual targets are for: its nearest horizon."""
    return min((t.horizon for t in targets if t.horizon), default=None)


def _pair_key(target: Target, year: int | None) -> tuple:
    """Indicator, kind family, unit, and the horizon unless it is the plan's own year (annual targets of
    two editions pair although their years differ; a 2025 goal pairs only with a 2025 goal)."""
    horizon = None if target.horizon in (None, year) else target.horizon
    return (target.key, _family(target), target.unit, horizon)


def primary_targets(targets: tuple[Target, ...]) -> list[Target]:
    """Planned targets, one per (indicator, kind, unit, horizon): the first statement, usually the goals block."""
    seen: dict[tuple, Target] = {}
    year = plan_year(t for t in targets if t.tense == "planned")
    for target in targets:
        if target.tense == "planned":
            seen.setdefault(_pair_key(target, year), target)
    return list(seen.values())


def match_targets(old_targets: tuple[Target, ...], new_targets: tuple[Target, ...],
                  new_year: int | None = None) -> tuple[TargetChange, ...]:
    """Pair by canonical indicator (alias table) first, then by indicator similarity, within kind and horizon.

    new_year is the newer plan's year (by default its nearest horizon): an older goal for a later year that
    the newer plan does not restate is left out.
    """
    old, new = primary_targets(old_targets), primary_targets(new_targets)
    old_year, new_year = plan_year(old), new_year or plan_year(new)
    pairs: list[tuple[int, int]] = []
    new_by_key = {_pair_key(t, new_year): j for j, t in enumerate(new)}
    for i, target in enumerate(old):
        j = new_by_key.get(_pair_key(target, old_year))
        if j is not None:
            pairs.append((i, j))
    pairs += _similar_pairs(old, new, {i for i, _ in pairs}, {j for _, j in pairs}, (old_year, new_year))

    changes = [_verdict(old[i], new[j]) for i, j in pairs]
    matched_old, matched_new = {i for i, _ in pairs}, {j for _, j in pairs}
    changes += [TargetChange(Verdict.DROPPED, t.indicator, t, None) for i, t in enumerate(old)
                if i not in matched_old and not _still_running(t, old_year, new_year)]
    changes += [TargetChange(Verdict.NEW, t.indicator, None, t) for j, t in enumerate(new) if j not in matched_new]
    return tuple(sorted(changes, key=_order))


def _still_running(target: Target, old_year: int | None, new_year: int | None) -> bool:
    """A multi-year goal that reaches past the newer plan's year; an annual target (horizon = its own plan's
    year) never is, even when the new side is the older-dated plan."""
    return bool(new_year and target.horizon and target.horizon > new_year and target.horizon != old_year)


def _similar_pairs(old: list[Target], new: list[Target], used_old: set[int], used_new: set[int], years):
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]
    if not rest_old or not rest_new:
        return []
    scores = text_similarity([old[i].indicator for i in rest_old], [new[j].indicator for j in rest_new])
    for a, i in enumerate(rest_old):
        for b, j in enumerate(rest_new):
            if _pair_key(old[i], years[0])[1:] != _pair_key(new[j], years[1])[1:]:
                scores[a, b] = 0.0
    return [(rest_old[a], rest_new[b]) for a, b in assign(scores, SIMILAR_INDICATOR)]


def firmness_change(old: Target, new: Target) -> str | None:
    """softened (确保 → 力争, 以上 → 左右) or firmed; the firmness word speaks first, then the comparator."""
    step = _FIRMNESS_RANK[new.firmness] - _FIRMNESS_RANK[old.firmness]
    if step == 0:
        step = _COMPARATOR_RANK[new.comparator] - _COMPARATOR_RANK[old.comparator]
    return None if step == 0 else ("softened" if step < 0 else "firmed")


def _signed(target: Target) -> float:
    return -target.value if target.kind is TargetKind.DECLINE else target.value


def _verdict(old: Target, new: Target) -> TargetChange:
    firmness = firmness_change(old, new)
    if (old.kind is TargetKind.DECLINE) != (new.kind is TargetKind.DECLINE) and old.value and new.value:
        delta = round(_signed(new) - _signed(old), 6)
        return TargetChange(Verdict.REVERSED, new.indicator, old, new, delta, firmness)
    delta = round(new.value - old.value, 6)
    if abs(delta) < 1e-9 and old.upper == new.upper:
        status = Verdict.SAME if old.indicator == new.indicator else Verdict.REWORDED
        return TargetChange(status, new.indicator, old, new, 0.0, firmness)
    if abs(delta) < 1e-9:
        delta = round((new.upper or new.value) - (old.upper or old.value), 6)
    return TargetChange(Verdict.RAISED if delta > 0 else Verdict.LOWERED, new.indicator, old, new, delta, firmness)


def _order(change: TargetChange):
    """Changes in the new plan's order, dropped ones after, by their place in the old plan."""
    if change.new is not None:
        return (0, change.new.start)
    return (1, change.old.start)
