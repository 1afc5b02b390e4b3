"""Where a heading that lost its line end runs on into its body's first sentence, in a pasted paragraph.

A heading on its own line often has no full stop (（一）强化创新主体，…，加快培育发展新动能). Pasted as one
paragraph it runs on into the body (…新动能突出企业的创新主体地位，…。). The body's first clause opens
with a verb or a preposition right after the heading's complete verb-object phrase, so the join is a
place inside a clause where such an opener follows a noun. Where no place qualifies the heading stays long:
a heading cut wrongly is worse than one left long. bench/bench_paste_headings.py measures both.
"""

from __future__ import annotations

import re

HEADING_MAX = 45  # characters: a heading ends within this (the shared plans' longest is 42)
_CLAUSE_MIN = 6  # characters of the heading's last clause before the join
_OBJECT_MIN = 2  # characters after the opener before the clause ends: the body's verb takes an object

# Words that open a body sentence and are rarely nouns, so they seldom follow a noun inside a heading:
# verbs of action, prepositions of purpose and manner, and the adverbs that lead a new sentence.
# Noun-like verbs (建设, 发展, 服务, 管理, 改革, 创新) are left out: 城市建设 is a noun phrase.
_VERBS = (
    "加快", "加强", "加大", "推进", "推动", "坚持", "实施", "深化", "突出", "围绕", "强化", "完善", "健全",
    "建立", "构建", "打造", "培育", "支持", "鼓励", "引导", "落实", "开展", "组织", "提升", "提高", "增强",
    "扩大", "优化", "促进", "确保", "抓好", "做好", "发挥", "聚焦", "紧扣", "面向", "面对", "依托", "立足",
    "瞄准", "按照", "根据", "通过", "坚决", "继续", "着力", "力争", "争取", "牢牢", "紧紧", "带动", "制定", "出台",
    "编制", "探索", "联合", "启动", "举办", "贯彻", "整合", "调动", "巩固", "畅通", "注重", "处理好", "提请", "实行",
    "稳住",
)
# A verb followed by one of these heads is a noun phrase (实施方案, 支持力度, 引导基金, 提升行动).
_NOUN_HEADS = (
    "方案", "力度", "行动", "体系", "计划", "基金", "政策", "机制", "工作", "作用", "能力", "水平", "办法",
    "意见", "工程", "项目", "平台", "资金", "措施", "服务", "成员", "和", "与", "及", "、", "的",
)
# One-character prepositions that open a sentence (以改革为突破口, 将…作为…, 把…作为…), and the
# characters around them that make them part of a word instead (可以, 以上, 即将, 把握).
_PREPOSITIONS = "以将把"
_PREPOSITION_WORD_BEFORE = "可所予加难得足用即必终年"  # 今年将…: a time word before 将
_PREPOSITION_WORD_AFTER = "上下及来后前内外往便免致握关近"
# Adverbs that lead a body sentence only before one of the verbs (全面推进…); after a noun on their own
# they are a heading's predicate (推动乡村全面振兴, 发展格局不断优化).
_ADVERBS = (
    "全面", "深入", "积极", "大力", "持续", "不断", "进一步", "切实", "认真", "稳步", "努力", "充分", "重点", "接续",
    "坚定不移", "一体",
)
_OPENER = re.compile(
    "(?:(?:" + "|".join(_ADVERBS) + ")?(?:" + "|".join(_VERBS) + "))"
    f"|[{_PREPOSITIONS}](?![{_PREPOSITION_WORD_AFTER}])"
    "|[一二三四五六七八九十]是"
)
# A heading's phrase never ends on a function word or a verb waiting for its object.
_NOT_BEFORE = set("的和与及并或对在于为到得了更再又也都就才还要应需可从向被给让使等、是" + _PREPOSITIONS)
_NOT_BEFORE_WORDS = (*_VERBS, *_ADVERBS, "学习", "贯彻", "作为", "成为", "研究", "召开")
_CLAUSE_BREAK = ",;:"
_WORD_BEFORE_ONE = "统唯同万第之这"  # 统一是, 唯一是: 一 inside a word
# A heading's clause opens with a verb, or an adverb before one (深入学习…, 不断增强…).
_CLAUSE_VERB = re.compile("|".join((
    *_VERBS, *_ADVERBS, "保持", "保障", "加速", "全力", "建设", "营造", "搭建", "做强", "做大", "做优", "用好", "用足",
    "壮大", "筑牢", "夯实", "激发", "释放", "拓展", "培养", "引进", "稳定", "坚定", "更大", "更加",
)))
# Verbs whose object takes a second verb inside the same clause: a pivot (推动中心城区加快发展,
# 促进经济运行在合理区间) or a means (聚焦重点领域深化改革, 依靠创新推动…).
_PIVOT = re.compile(
    "(?:" + "|".join(_ADVERBS) + ")?(?:推动|促进|带动|引导|鼓励|支持|保持|聚焦|围绕|依托|依靠|通过|立足|按照|根据|面向|瞄准|紧扣)"
)
# Openers that only start a sentence, never continue a heading's clause, whatever the clause opens with.
_SENTENCE_START = re.compile("[一二三四五六七八九十]是|继续|坚决|着力|牢牢|紧紧|力争|争取")
# Openers a pivot's second verb never is: those, a preposition, an adverb before a verb.
_STRONG_OPENER = re.compile(
    f"{_SENTENCE_START.pattern}|[{_PREPOSITIONS}]|(?:" + "|".join(_ADVERBS) + ")(?:" + "|".join(_VERBS) + ")"
)
_MIN_HEADING = 4
_LOST_BREAK = re.compile(r"(?<=[\u4e00-\u9fff”)》])\s+(?=[\u4e00-\u9fff“(《])")
_COPULA = re.compile("(?<![一二三四五六七八九十])是")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def run_on_end(text: str, start: int, stop: int) -> int | None:
    """Where the body begins inside the run [start, stop) that follows a heading's marker, or None.

    The join is the first qualifying place within HEADING_MAX, in a clause that opens with a verb as
    headings do (a clause that opens with a noun is a subject-predicate heading: 发展格局不断优化), and
    past the first bare verb after a pivot verb (推动中心城区加快发展: 加快 is still the heading's).
    """
    clause_start = start
    skip = _skips(text, start)
    for position in range(start + 1, min(stop, start + HEADING_MAX)):
        if text[position - 1] in _CLAUSE_BREAK:
            clause_start = position
            skip = _skips(text, position)
            continue
        if position - clause_start < _CLAUSE_MIN or not _joins(text, clause_start, position, stop):
            continue
        if not _CLAUSE_VERB.match(text, clause_start) and not _SENTENCE_START.match(text, position):
            return None
        if _COPULA.search(text, clause_start, position):
            return None  # …中心是山东省内首个: a body sentence with its subject, not a heading
        if not skip or _STRONG_OPENER.match(text, position):
            return position
        skip = False
    return None


def line_break_end(text: str, start: int, stop: int) -> int | None:
    """Where a blank that stands for the lost line break (新动能 突出…) ends, within HEADING_MAX, or None.

    Chinese prose puts no space between two Han characters, so a paste that turned each line break into
    a space shows the heading's end itself.
    """
    match = _LOST_BREAK.search(text, start + _MIN_HEADING, min(stop, start + HEADING_MAX))
    return match.end() if match else None


def _skips(text: str, clause_start: int) -> bool:
    """Whether the clause opens with a pivot verb, whose object takes a second verb of its own."""
    return bool(_PIVOT.match(text, clause_start))


def _joins(text: str, clause_start: int, position: int, stop: int) -> bool:
    """Whether an opener at position follows a complete phrase and takes an object of its own."""
    opener = _OPENER.match(text, position, stop)
    if not opener or not _HAN.match(text, position - 1):
        return False
    before = text[clause_start:position]
    if before[-1] in _NOT_BEFORE or before.endswith(_NOT_BEFORE_WORDS):
        return False
    if len(opener.group()) == 1 and before[-1] in _PREPOSITION_WORD_BEFORE:
        return False
    if text.startswith(_NOUN_HEADS, opener.end()) or before[-1] in _WORD_BEFORE_ONE and opener.group().endswith("是"):
        return False
    rest = text[opener.end():stop]
    object_length = next((i for i, character in enumerate(rest) if character in _CLAUSE_BREAK), len(rest))
    return object_length >= _OBJECT_MIN
