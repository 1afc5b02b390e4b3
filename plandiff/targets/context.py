"""When a sentence speaks: its tense (planned, achieved, forecast) and the year its targets are for.

A work report reviews the past and then plans ahead, sometimes in one section ("十三五"时期发展成就和
"十四五"时期主要目标任务). The section heading gives a default; the sentence's own wording decides.
"""

from __future__ import annotations

import re

from ..engines.numerals import chinese_to_number
from ..model import Plan, Tense

_PAST_HEADING = re.compile(r"(总结|回顾|完成情况|成就|成绩)")
_FUTURE_HEADING = re.compile(r"(目标|任务|安排|建议|计划|打算|部署|思路|重点)")
# A sentence that turns a mixed section from the past to the future: it names the coming period.
_FUTURE_TURN = re.compile(r"(“?十[一二三四五六七八九]五”?(时期|期间)?(是|的主要目标)|今后五年|未来五年|展望)")
_PAST_WORDING = re.compile(r"(已经|累计|比上年|较上年|十年来|五年来|过去)")
# The N-th five-year plan ends in 1955 + 5N: 十四五 → 2025.
_FIVE_YEAR_PLAN = re.compile(r"(?<![第\d])十([一二三四五六七八九])五(?!年)")
_BY_YEAR = re.compile(r"(?:到|至|在|于)\s*((?:19|20)\d{2})\s*年(?:底|末|前)?")
_PERIOD = re.compile(r"十[一二三四五六七八九]五[”\"]?(时期|期间|末)")
_FORECAST = re.compile(r"预计|估计")
# A heading run into its paragraph (a one-paragraph paste): 一、2020年工作总结战略思维抓创新… inside a sentence.
_INLINE_PAST = re.compile(r"[一二三四五六七八九十]{1,3}、\s*(?:(?:19|20)\d{2}年)?[^,。;、]{0,8}?(总结|回顾|完成情况)")
_INLINE_FUTURE = re.compile(r"[一二三四五六七八九十]{1,3}、\s*(?:(?:19|20)\d{2}年)?[^,。;、]{0,8}?(目标|计划|安排|打算)")
# A sentence that opens on an earlier year looks back, wherever it stands (a plan's preamble often reviews the
# year before): 2022年,全市新增高新技术企业300家 / 截至2022年底 / 过去一年 / 去年.
_OPENS_ON_YEAR = re.compile(r"^\s*(?:截至|截止|到)?\s*((?:19|20)\d{2})\s*年(?:底|末|度|全年)?\s*[,，]")
_OPENS_ON_PAST = re.compile(r"^\s*(过去(的)?一年|去年|上年|一年来|过去五年|五年来)")
# A real heading is short; a longer one ran into its first paragraph, and only its first clause is heading.
_HEADING_CHARS = 30


def _heading_core(heading: str) -> str:
    """The heading without the paragraph a paste ran into it (2016年工作回顾过去的一年,… → 2016年工作回顾过去的一年)."""
    if len(heading) <= _HEADING_CHARS:
        return heading
    return re.split(r"[,。;:!?]", heading, maxsplit=1)[0][:_HEADING_CHARS]


def five_year_plan_end(text: str) -> int | None:
    """The last year of the five-year plan the text names (十四五 → 2025), if any."""
    match = _FIVE_YEAR_PLAN.search(text)
    if not match:
        return None
    number = chinese_to_number("十" + match.group(1))
    return 1955 + 5 * int(number) if number else None


def stated_horizon(text: str) -> int | None:
    """A horizon the text states itself: 到2030年, or a five-year plan's goals."""
    match = _BY_YEAR.search(text)
    if match:
        return int(match.group(1))
    return five_year_plan_end(text)


def sentence_contexts(plan: Plan) -> dict[tuple[str, int], tuple[Tense, int | None]]:
    """For each (section id, sentence index): the tense and the horizon of the targets it states.

    Index -1 stands for the heading. Past sections (回顾, 成就) report achievements; a section whose
    heading also names a plan (成就和…目标任务) turns to the future at the sentence that names the
    coming period, and its goals take that period's end year.
    """
    year = plan.metadata.year
    contexts: dict[tuple[str, int], tuple[Tense, int | None]] = {}
    past_ids: set[str] = set()
    section_horizon: dict[str, int | None] = {}
    for section in plan.sections:
        heading = _heading_core(section.heading)
        inherited_past = section.parent in past_ids
        past = section.level > 0 and bool(_PAST_HEADING.search(heading))
        mixed = past and bool(_FUTURE_HEADING.search(heading))
        if (past and not mixed) or inherited_past:
            past_ids.add(section.id)
        horizon = section_horizon.get(section.parent or "", None) or year
        own = stated_horizon(heading) if not mixed else None
        horizon = own or horizon
        section_horizon[section.id] = horizon
        tense = Tense.ACHIEVED if section.id in past_ids or mixed else Tense.PLANNED
        contexts[(section.id, -1)] = (tense, horizon)
        turned_horizon = None
        for index, sentence in enumerate(section.sentences):
            text = sentence.text
            if not mixed:
                tense = _inline_turn(text, tense)
            ahead = stated_horizon(text)
            if mixed and tense is Tense.ACHIEVED and _FUTURE_TURN.search(text) and (
                    ahead is None or year is None or ahead >= year):
                tense = Tense.PLANNED
                turned_horizon = ahead
            sentence_tense = tense
            if mixed and tense is Tense.PLANNED and _PAST_WORDING.search(text) and not _FUTURE_HEADING.search(text):
                sentence_tense = Tense.ACHIEVED  # a look back inside the goals: 比"十三五"时期…
            horizon_here = _sentence_horizon(text, turned_horizon or horizon, year)
            if sentence_tense is Tense.PLANNED and _looks_back(text, year):
                sentence_tense = Tense.ACHIEVED
                horizon_here = _looked_back_year(text, year) or horizon_here
            contexts[(section.id, index)] = (sentence_tense, horizon_here)
    return contexts


def _looks_back(text: str, year: int | None) -> bool:
    """A sentence that opens on a year before the plan's (2022年, in a 2023 plan) or on 过去一年/去年."""
    opening = _OPENS_ON_YEAR.match(text)
    if opening:
        return year is not None and int(opening.group(1)) < year
    return bool(_OPENS_ON_PAST.match(text))


def _looked_back_year(text: str, year: int | None) -> int | None:
    """The year an opening looks back on: the one it names (2022年,…), else the year before the plan's (去年, 过去一年)."""
    opening = _OPENS_ON_YEAR.match(text)
    if opening:
        return int(opening.group(1))
    return year - 1 if year is not None else None


def _inline_turn(text: str, tense: Tense) -> Tense:
    """The tense after the sentence's last inline heading (一、…工作总结 turns to the past, 二、…工作计划 back)."""
    past = [m.start() for m in _INLINE_PAST.finditer(text)]
    future = [m.start() for m in _INLINE_FUTURE.finditer(text)]
    if not past and not future:
        return tense
    return Tense.ACHIEVED if max(past, default=-1) > max(future, default=-1) else Tense.PLANNED


def _sentence_horizon(text: str, default: int | None, year: int | None) -> int | None:
    """到2030年 or "十四五"期间 as the sentence's own time frame; a plan named in passing (实施十四五重大工程) is not."""
    stated = _BY_YEAR.search(text)
    if stated and (year is None or int(stated.group(1)) >= year):
        return int(stated.group(1))
    period = _PERIOD.search(text)
    end = five_year_plan_end(period.group()) if period else None
    if end and (year is None or end >= year):
        return end
    return default


def forecast_clause(text: str) -> bool:
    """A clause that states an expectation (预计…), not a commitment."""
    return bool(_FORECAST.search(text))
