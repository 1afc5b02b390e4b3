"""The digest: five to ten plain lines of key changes, computed once from a finished comparison. Pure.

Targets raised, lowered, new and dropped come first (with values), then sections added and removed,
the most rewritten sections and, for two editions of one series, the key terms that newly appear.
"""

from __future__ import annotations

import re
from collections import Counter

from ..engines.words import NUMBER_WITH_UNIT
from ..model import (
    COMPARATOR_SYMBOL,
    Comparison,
    DigestLine,
    DigestTopic,
    Plan,
    SectionChange,
    Target,
    TargetChange,
    agree,
    counted,
)

MAX_LINES = 10
ITEMS_PER_LINE = 4
# Verdicts worth a memo line, in the order an analyst reads them; "same" and "reworded" are not news.
TARGET_VERDICTS = (("raised", "Targets raised"), ("lowered", "Targets lowered"), ("reversed", "Targets reversed"),
                   ("new", "New targets"), ("dropped", "Targets dropped"))
# A growth rate or an increment reads wrong as a bare number: 增长≥20% is not a level of 20%.
KIND_WORD = {"growth": "增长", "increment": "新增", "points": "提高", "decline": "下降"}
PLACE_LABELS = {"raised": "Higher targets in the new plan", "lowered": "Lower targets in the new plan",
                "new": "Targets only in the new plan", "dropped": "Targets only in the old plan"}
_TERM = re.compile(r"^[\u4e00-\u9fff]{4,8}$")


def digest(comparison: Comparison, new_terms: tuple[str, ...] = ()) -> tuple[DigestLine, ...]:
    """The key changes of a comparison as plain lines, most newsworthy first, at most ten."""
    lines = [_overview(comparison)]
    lines += _target_lines(comparison.targets, comparison.between_places)
    lines += _section_lines(comparison)
    rewritten = _rewritten_line(comparison)
    if rewritten:
        lines.append(rewritten)
    if new_terms:
        lines.append(DigestLine(DigestTopic.TERMS, "Newly appearing terms: " + "、".join(new_terms) + "."))
    return tuple(lines[:MAX_LINES])


def same_series(old: Plan, new: Plan) -> bool:
    """Two editions of one series: the same place (or issuer) in different years."""
    a, b = old.metadata, new.metadata
    if not (a.year and b.year and a.year != b.year):
        return False
    return bool((a.place and a.place == b.place) or (a.issuer and a.issuer == b.issuer))


def newly_appearing_terms(old: Plan, new: Plan, words: list[str], limit: int = 8) -> tuple[str, ...]:
    """Terms (four to eight Chinese characters) the new plan uses at least twice and the old one never does."""
    counts = Counter(word for word in words if _TERM.match(word))
    fresh = [(count, word) for word, count in counts.items() if count >= 2 and word not in old.text]
    fresh.sort(key=lambda item: (-item[0], new.text.find(item[1])))
    chosen: list[str] = []
    for _, word in fresh:
        if not any(word in other or other in word for other in chosen):  # 新质生产力 covers 生产力
            chosen.append(word)
        if len(chosen) == limit:
            break
    return tuple(chosen)


def _overview(comparison: Comparison) -> DigestLine:
    sentences, sections = comparison.summary.sentences, comparison.summary.sections
    if not comparison.differs:
        return DigestLine(DigestTopic.OVERVIEW, "The two plans say the same thing: no differences.")
    total = sentences.same + sentences.changed + sentences.removed + sentences.moved
    # The verb agrees with the first count: "1 of 139 old sentences was reworded".
    text = (f"{sentences.changed} of {counted(total, 'old sentence')} {agree(sentences.changed, 'was', 'were')} "
            f"reworded, {sentences.added} added, {sentences.removed} removed and {sentences.moved} moved; "
            f"{counted(sections.added, 'section')} added, {sections.removed} removed.")
    if sentences.routine:
        routine = sentences.routine
        text = text[:-1] + f" ({counted(routine, 'rewording')} only {agree(routine, 'rolls', 'roll')} the year over)."
    return DigestLine(DigestTopic.OVERVIEW, text)


def value_as_written(target: Target | None) -> str:
    """The number and unit the document printed (5%, 1200万人), with the comparator's symbol."""
    if target is None:
        return "—"
    match = NUMBER_WITH_UNIT.search(target.text)
    number = match.group() if match else f"{target.value:g}{target.unit}"
    return KIND_WORD.get(str(target.kind), "") + COMPARATOR_SYMBOL.get(target.comparator, "") + number


def _target_item(change: TargetChange) -> str:
    if change.old and change.new:
        return f"{change.indicator} {value_as_written(change.old)} → {value_as_written(change.new)}"
    return f"{change.indicator} {value_as_written(change.new or change.old)}"


def _target_lines(changes: tuple[TargetChange, ...], between_places: bool = False) -> list[DigestLine]:
    lines = []
    for verdict, label in TARGET_VERDICTS:
        if between_places:  # two places: one plan's target is higher than the other's, nobody raised it
            label = PLACE_LABELS.get(verdict, label)
        chosen = [change for change in changes if change.status == verdict]
        # Planned targets are the news; achievements reported for last year come after them.
        chosen.sort(key=lambda change: str((change.new or change.old).tense) != "planned")
        if chosen:
            lines.append(DigestLine(DigestTopic.TARGETS, f"{label} ({len(chosen)}): " + _listing(
                [_target_item(change) for change in chosen])))
    return lines


def _listing(items: list[str]) -> str:
    shown = "; ".join(items[:ITEMS_PER_LINE])
    more = len(items) - ITEMS_PER_LINE
    return shown + (f"; and {more} more." if more > 0 else ".")


def _top_level(row: SectionChange) -> bool:
    section = row.old or row.new
    return section is not None and section.level > 0 and not section.is_item


def _section_lines(comparison: Comparison) -> list[DigestLine]:
    lines = []
    for status, label in (("added", "Sections added"), ("removed", "Sections removed")):
        every = [row for row in comparison.sections if row.status == status and _top_level(row)]
        # An added chapter brings its subsections: name the chapter only, and say how many it brings, so
        # the count agrees with the overview's.
        ids = {(row.old or row.new).id for row in every}
        rows = [row for row in every if (row.old or row.new).parent not in ids]
        rows.sort(key=lambda row: (row.old or row.new).level)
        if rows:
            names = [(row.old or row.new).title for row in rows]
            count = f"{len(rows)}" if len(rows) == len(every) else f"{len(rows)}, {len(every)} with their subsections"
            lines.append(DigestLine(DigestTopic.SECTIONS, f"{label} ({count}): {_listing(names)}"))
    return lines


def _rewritten_line(comparison: Comparison) -> DigestLine | None:
    """The matched sections with the largest share of sentences rewritten, added or removed."""
    scored = []
    for row in comparison.sections:
        if not (row.old and row.new) or not row.sentences:
            continue
        touched = sum(1 for s in row.sentences if s.status in ("changed", "added", "removed") and not s.routine)
        if touched >= 3:
            scored.append((touched / len(row.sentences), touched, row))
    if not scored:
        return None
    scored.sort(key=lambda item: (-item[1], -item[0]))
    items = [f"{row.new.title or 'preamble'} ({touched} of {counted(len(row.sentences), 'sentence')})"
             for _, touched, row in scored[:3]]
    return DigestLine(DigestTopic.REWRITTEN, "Most rewritten sections: " + "; ".join(items) + ".")
