"""Quantitative targets and what happened to each between two plans."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """What happened to one indicator between two plans."""

    RAISED = "raised"
    LOWERED = "lowered"
    SAME = "same"
    REWORDED = "reworded"
    NEW = "new"
    DROPPED = "dropped"
    REVERSED = "reversed"  # a decline became growth, or growth a decline


class TargetKind(StrEnum):
    LEVEL = "level"
    INCREMENT = "increment"  # 新增…
    GROWTH = "growth"  # 增长…%
    POINTS = "points"  # 提高…个百分点
    SHARE = "share"  # 占…比重 / 占比 / …率 stated as a level
    DECLINE = "decline"  # 下降/降低/减少…: the value is the size of the fall
    FROM_TO = "from-to"  # 从16%降至13%: the value is the new level, baseline the old one


class Tense(StrEnum):
    PLANNED = "planned"
    ACHIEVED = "achieved"
    FORECAST = "forecast"  # 预计…: an expectation, not a commitment


class Firmness(StrEnum):
    FIRM = "firm"  # 确保
    ASPIRATIONAL = "aspirational"  # 力争, 争取
    UNSTATED = ""


@dataclass(frozen=True)
class Target:
    """One quantitative commitment (or reported achievement) and where it stands."""

    id: str
    indicator: str
    key: str  # canonical indicator: an alias-table name or the cleaned indicator itself
    comparator: str  # "=", ">=", ">", "<=", "~", "range"
    value: float  # in the base unit: 140亿元 is 1.4e10 元
    upper: float | None  # a range's upper end, in the base unit
    unit: str  # the base unit: 元, 家, %, 百分点…
    kind: TargetKind
    firmness: Firmness
    tense: Tense
    section_id: str
    sentence: str
    start: int  # offsets into the plan text
    end: int
    text: str
    decimals: int = 0  # as written: 2.90% keeps its zero
    horizon: int | None = None  # the year the target is for: the plan year, or 2025 for a 十四五 goal
    baseline: float | None = None  # for from-to: the level it starts from, in the base unit
    subject: str = ""  # who or what the indicator belongs to, when the sentence names it (城镇, 农村)


@dataclass(frozen=True)
class TargetChange:
    """One indicator's fate: new, dropped, raised, lowered, same or reworded."""

    status: Verdict
    indicator: str
    old: Target | None
    new: Target | None
    delta: float | None = None  # new − old in the indicator's base unit (points for %)
    firmness_change: str | None = None  # softened (确保 → 力争) or firmed
