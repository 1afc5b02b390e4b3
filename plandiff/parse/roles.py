"""The role of each top-level part of a plan: a review of the past, requirements, or tasks ahead.

Government reports share one frame: 工作回顾 (what was done), 总体要求 (principles and targets) and
重点工作 (what will be done). Alignment pairs a part with a part of the same role first, so a year's
tasks are not read as the next year's review. Roles come from heading words and years, with the tense
of the body deciding when a heading names two roles; children inherit their top-level part's role.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Section, SectionRole

# 今年, 明年 and 去年 name a role only where a heading starts with them (今年工作安排); further on they
# belong to a run-in heading's first sentence (…政策取向今年将召开…, a plan pasted as one paragraph).
_REVIEW = re.compile(r"回顾|总结|过去[一五]?年|^去年|成绩|成就|成效|进展|主要工作情况|工作情况")
_REQUIREMENTS = re.compile(r"总体要求|总体思路|工作思路|指导思想|基本原则|主要目标|预期目标|发展目标|工作目标|目标任务|政策取向")
_TASKS = re.compile(r"重点工作|工作任务|重点任务|主要任务|工作安排|工作部署|计划|建议|举措|措施|^对?(?:今年|明年)|下一步|努力方向")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# Commitments look ahead (要, 将, 力争…); a review reports what was done, and rarely says so.
_FUTURE = re.compile(r"要|将|拟|力争|确保|争取|今年|明年")
FUTURE_SHARE_OF_TASKS = 0.2  # reviews measure 0.05–0.10 in national reports, task parts 0.17–0.25


def heading_roles(heading: str, plan_year: int | None) -> set[SectionRole]:
    """The roles a heading's words and years point to (often one, sometimes two, maybe none)."""
    roles = set()
    if _REVIEW.search(heading):
        roles.add(SectionRole.REVIEW)
    if _REQUIREMENTS.search(heading):
        roles.add(SectionRole.REQUIREMENTS)
    if _TASKS.search(heading):
        roles.add(SectionRole.TASKS)
    years = [int(y) for y in _YEAR.findall(heading)]
    if plan_year and years and not roles:
        roles.add(SectionRole.REVIEW if max(years) < plan_year else SectionRole.TASKS)
    elif plan_year and years and max(years) < plan_year and SectionRole.REVIEW not in roles:
        roles = {SectionRole.REVIEW}  # 2020年工作目标完成情况 in a 2021 plan looks back
    return roles


def body_looks_ahead(sentences: list[str]) -> bool:
    """True when enough of the body commits to the future (要, 将, 力争, 今年…) to read as tasks."""
    if not sentences:
        return True
    ahead = sum(1 for text in sentences if _FUTURE.search(text))
    return ahead / len(sentences) >= FUTURE_SHARE_OF_TASKS


def section_role(heading: str, body: list[str], plan_year: int | None) -> SectionRole:
    """One role for a top-level part; the body's tense breaks a tie between two heading roles."""
    roles = heading_roles(heading, plan_year)
    if len(roles) == 1:
        return roles.pop()
    if not roles:
        return SectionRole.OTHER
    if SectionRole.REVIEW in roles and not body_looks_ahead(body):
        return SectionRole.REVIEW
    return SectionRole.TASKS if SectionRole.TASKS in roles else SectionRole.REQUIREMENTS


def assign_roles(sections: tuple[Section, ...], plan_year: int | None) -> tuple[Section, ...]:
    """The sections with their roles: each level-1 part's own, inherited by everything below it."""
    roles: dict[str, SectionRole] = {}
    result = []
    for section in sections:
        if section.level == 0:
            role = SectionRole.OTHER
        elif section.parent in roles:
            role = roles[section.parent]
        else:
            prefix = section.id + "."
            body = [s.text for other in sections if other.id == section.id or other.id.startswith(prefix)
                    for s in other.sentences]
            role = section_role(section.heading, body, plan_year)
        roles[section.id] = role
        result.append(section if section.role == role else replace(section, role=role))
    return tuple(result)
