"""Vocabulary shift: the terms each edition of a series brings in and the ones it drops. Pure.

Terms are jieba content words (nouns, verbal nouns, idioms, abbreviations) and the multi-word phrases
they form when adjacent (新质 + 生产力 → 新质生产力). Whether a term is in an edition is decided on the
edition's text itself, so a phrase the segmenter splits differently elsewhere is still found there.
"""

from __future__ import annotations

import math
from collections import Counter

from ..engines.words import content_words, general_idf
from ..model import Plan, TermCount, TermFrequency, Terms, TermShift

# Government-report words that carry no topic of their own; they come and go with style, not policy.
BOILERPLATE = frozenset(
    "工作 方面 问题 情况 任务 措施 政策 重点 水平 能力 方式 作用 基础 领域 体系 机制 制度 环境 力度 质量 "
    "成效 成果 成绩 局面 形势 目标 要求 意见 部署 行动 全面 全年 今年 明年 去年 年度 时期 阶段 过程 "
    "地方 部门 单位 各级 政府 人民 群众 社会 国家 我们 大家 代表 同志 报告 会议 审议 一年 同比 "
    "进一步 重要 主要 各项 有关 相关 若干 一批 一系列 有效 积极 扎实 稳步".split()
)
MIN_PHRASE_COUNT = 2  # a phrase must recur in an edition to be a term, not a chance neighbourhood


def plan_body(plan: Plan) -> str:
    """The plan's headings and sentences, one per line: what the plan says, without page chrome."""
    return "\n".join(line for section in plan.sections
                     for line in ([section.heading] if section.heading else []) + [s.text for s in section.sentences])


def edition_terms(text: str) -> Counter[str]:
    """Counts of an edition's terms: content words and recurring multi-word phrases, boilerplate removed."""
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for run in content_words(text):
        words.update(word for word in run if word not in BOILERPLATE)
        for size in (2, 3):
            for start in range(len(run) - size + 1):
                part = run[start:start + size]
                if part[0] not in BOILERPLATE and part[-1] not in BOILERPLATE:
                    phrases["".join(part)] += 1
    words.update({phrase: count for phrase, count in phrases.items() if count >= MIN_PHRASE_COUNT})
    return words


def term_shifts(series: str, editions: tuple[Plan, ...] | list[Plan], top: int | None = None) -> Terms:
    """For each edition after the first: terms absent from every earlier edition, and terms of the
    edition before that it no longer has, most salient first (at most `top` of each)."""
    editions = tuple(editions)
    texts = [plan_body(plan) for plan in editions]
    counts = [edition_terms(text) for text in texts]
    total = len(editions)

    def salience(term: str, count: int) -> float:
        # TF-IDF against the series (a term in fewer editions weighs more), times general rarity.
        present = sum(1 for text in texts if term in text)
        return round(count * math.log(1 + total / max(1, present)) * general_idf(term), 3)

    def ranked(found: dict[str, int]) -> tuple[TermCount, ...]:
        terms = sorted((TermCount(term, count, salience(term, count)) for term, count in found.items()),
                       key=lambda t: (-t.salience, -t.count, t.term))
        return tuple(terms[:top] if top else terms)

    shifts = []
    for index in range(1, total):
        new = _without_parts({term: count for term, count in counts[index].items()
                              if not any(term in earlier for earlier in texts[:index])})
        vanished = _without_parts({term: count for term, count in counts[index - 1].items()
                                   if term not in texts[index]})
        plan = editions[index]
        shifts.append(TermShift(plan.slug, plan.metadata.year, ranked(new), ranked(vanished), len(new), len(vanished)))
    return Terms(series, editions, tuple(shifts))


def _without_parts(found: dict[str, int]) -> dict[str, int]:
    """Drop a term that only ever occurs inside a longer listed one (新冠 inside 新冠肺炎, as often)."""
    longest_first = sorted(found, key=len, reverse=True)
    return {term: count for term, count in found.items()
            if not any(len(other) > len(term) and term in other and found[other] >= count for other in longest_first)}


def term_frequency(term: str, editions: tuple[Plan, ...] | list[Plan]) -> TermFrequency:
    """How often a term occurs in each edition's text (as written, so any phrase can be asked for)."""
    editions = tuple(editions)
    texts = [plan_body(plan) for plan in editions]
    counts = tuple(text.count(term) for text in texts)
    per_10k = tuple(round(count * 10000 / max(1, len(text)), 2) for count, text in zip(counts, texts))
    return TermFrequency(term, editions, counts, per_10k)
