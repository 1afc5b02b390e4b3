"""Find the quantitative targets a plan commits to: indicator, comparator, value, unit, kind and horizon.

A sentence is cut into clauses; a clause is a target when a number with a unit follows a comparator
(达到, 超过, 新增, 提高, 拟安排…) or a task verb (实施, 完成, 改造…), or is bounded by 以上/左右. A clause with
no subject of its own (、达2500家以上) takes the subject of the clause before it. Lists (分别增长7%和8%,
新建10家A、30家B) give one target per value; 从X提高到Y gives one from-to target. Dates, ordinals,
document numbers, party congresses, counts that describe the outline, quantities that only describe a
project (总投资…的工程) and counts of existing things a task works on (推进8家…建设) are not targets.
Those rejections live in targets.rejections; tense and horizon come from targets.context.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..engines.numerals import chinese_fraction, chinese_to_number
from ..model import Firmness, Plan, Section, Target, TargetKind, Tense
from .context import forecast_clause, sentence_contexts
from .indicators import TIME_SPAN, canonical_key, clean_indicator
from .rejections import rejected
from .vocabulary import (
    ACTION,
    AFTER,
    BASE_UNITS,
    CN_DIGITS,
    COMPARATOR,
    COUNTED_LIST,
    DECLINE_VERB,
    NEW,
    NUMBER,
    ROUND,
    SPEND,
)

# Units and what one of them is worth in the base unit.
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_QUANTITY = re.compile(
    rf"(?P<value>{NUMBER})(?:%?\s*[-~—–至到]\s*(?P<upper>{NUMBER}))?\s*(?P<scale>万亿|亿|万|千)?"
    rf"(?P<unit>{BASE_UNITS}|(?<=[万亿])(?=以上|左右))"
)
# 一半以上, 三分之一, 两成: shares written in words, as percentages.
_FRACTION = re.compile(r"(?P<value>一半|[一二三四五六七八九十]+分之[一二三四五六七八九十]+|[一二两三四五六七八九]成)(?!为|效|员|果|立|本)")
_POINTS_UNIT = ("个百分点", "百分点")
_MAY_COUNT = re.compile(rf"[\d{CN_DIGITS}]")  # every quantity and worded share holds one of these
_FIRM = re.compile(r"确保")
_PLAN_WORD = re.compile(r"(确保|力争|争取|拟|安排|目标|计划|新增|新建|完成|实施)")
_SOFT = re.compile(r"(力争|争取)")
_CLAUSE_SPLIT = re.compile(r"[,:;。!?]|\((?=其中)|(?<=[%‰家件个项名人场次所座台套篇批户条期位支元米亩吨倍上右斤])、(?![\d一二两三四五六七八九十百千])")
_ENDS_WITH_VERB = re.compile(r"(组建|建设|支持|与|培育|引进|布局|新建|开展|实施|举办|组织|选派|推动|推进|完成|改造|建成|启动|使用|淘汰|严格|将|打造|实现)\s*$")
_CLASSIFIERS = ("个", "座", "条", "所", "家", "项", "处", "户", "名", "台", "套", "件", "批", "辆", "张", "间")
# 推动…等6个项目全面开工: a count whose things are then started, finished or delivered is a task quantity.
_DONE_AFTER = re.compile(r"^[^,;]{1,12}?(全面|正式|按期)?(开工|建成|投产|竣工|落地|投用|投入运营)")
_GENERIC_NOUN = re.compile(r"(项目|企业|活动|平台|机构|人才|成果)")
_TIER_ONLY = re.compile(r"(其中)?(国家级|省级|市级|县级|区级)(以上)?")
_LIST_JOINT = re.compile(r"^(?P<noun>[^\d,;:()]{0,16}?)(和|、|及|与|以及)\s*$")
# 城乡居民收入分别增长…和…: 城乡 names the urban and the rural part, in that order.
_URBAN_RURAL = ("城镇", "农村")


def _scaled(value: float, scale: float) -> float:
    """4.06万亿 is 4.06e12, not 4059999999999.9995."""
    return float(f"{value * scale:.12g}")


def _number(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    return ROUND.get(text) or chinese_to_number(text)


def extract_targets(plan: Plan) -> tuple[Target, ...]:
    """Every target in the plan, in document order, from headings and sentences."""
    found: list[Target] = []
    contexts = sentence_contexts(plan)
    for section in plan.sections:
        pieces = []
        if section.heading:
            pieces.append((section.heading, section.start + len(section.marker), -1))
        pieces.extend((s.text, s.start, i) for i, s in enumerate(section.sentences))
        for text, offset, index in pieces:
            tense, horizon = contexts[(section.id, index)]
            found.extend(replace(t, horizon=horizon) for t in _sentence_targets(text, offset, section, tense))
    return tuple(replace(t, id=f"t{i + 1}") for i, t in enumerate(found))


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for match in _CLAUSE_SPLIT.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _sentence_targets(text: str, offset: int, section: Section, tense: Tense) -> list[Target]:
    targets: list[Target] = []
    subject = ""
    previous: Target | None = None
    forecast = False
    clauses = _clauses(text)
    for index, (a, b) in enumerate(clauses):
        clause = text[a:b]
        # 预计 scopes over its clause and the ones that break it down (其中…).
        forecast = forecast_clause(clause) or (forecast and clause.lstrip().startswith(("其中", "占")))
        following = text[clauses[index + 1][0]:].lstrip() if index + 1 < len(clauses) else ""
        if following.startswith("要") and not _PLAN_WORD.search(clause):
            forecast = True  # 今年高校毕业生超过1000万人,要…: the situation a task answers, not a commitment
        clause_tense = Tense.FORECAST if forecast and tense is Tense.PLANNED else tense
        found = _clause_targets(text, a, b, subject, previous, section, clause_tense, offset)
        if found:
            targets.extend(found)
            previous = found[-1]
            subject = found[0].indicator
        elif clause.strip():
            if _MAY_COUNT.search(text, b):  # a subject matters only to a number later in the sentence
                subject = _subject_of(clause) or subject
            previous = None
    return targets


def _subject_of(clause: str) -> str:
    """The noun phrase a clause without a number talks about (高新技术产业产值同比增速… → 高新技术产业产值)."""
    head = re.split(r"(同比|增速|增幅|增长|高于|低于|保持|达到|稳定)", clause, maxsplit=1)[0]
    return clean_indicator(head) if len(head) <= 30 else ""


def _quantities(clause: str):
    """Number-with-unit matches and worded shares (一半, 三分之一, 两成), in order."""
    found = list(_QUANTITY.finditer(clause)) + list(_FRACTION.finditer(clause))
    return sorted(found, key=lambda m: m.start())


def _value_of(match) -> tuple[float | None, float | None, str, float]:
    """(value, upper, base unit, scale) of a quantity match."""
    if "unit" not in match.re.groupindex:
        return chinese_fraction(match.group("value")), None, "%", 1.0
    scale = _SCALE.get(match.group("scale") or "", 1.0)
    unit = match.group("unit")
    unit = "百分点" if unit in _POINTS_UNIT else unit
    upper = _number(match.group("upper")) if match.group("upper") else None
    return _number(match.group("value")), upper, unit, scale


def _clause_targets(text, a, b, subject, previous, section, tense, offset) -> list[Target]:
    clause = text[a:b]
    matches = _quantities(clause)
    for position, match in enumerate(matches):
        value, upper, unit, scale = _value_of(match)
        if rejected(clause, match, value, unit):
            continue
        before, after = clause[: match.start()], clause[match.end():]
        comparator_match = _main_comparator(before)
        bounded = AFTER.match(after)
        at_end = not after.strip("()()以上左右内外多余的")
        action = ACTION.search(before)
        # Count before noun (完成30座公厕): a classifier may stand far from its verb, a measure (吨, 亩) only near it.
        near_verb = ACTION.search(before[-5:]) or _ENDS_WITH_VERB.search(before)
        counted = bool(re.match(r"^[^,;(]{2,}", after)) and bool(
            near_verb or (unit in _CLASSIFIERS and (action or COUNTED_LIST.search(clause) or _DONE_AFTER.match(after))))
        opens_with_action = ACTION.match(clause.lstrip())
        # 全年整合产业领域3-5个: a count that ends the clause after a task verb is that task's quantity.
        task_count = action and unit in _CLASSIFIERS
        if not (comparator_match or bounded or ((previous or opens_with_action or task_count) and at_end) or counted
                or (previous and after.lstrip().startswith("的"))):
            continue
        kind = _kind(before, unit)
        baseline_match = re.search(rf"(从|由)[^\d,]{{0,10}}?({NUMBER})\s*(万亿|亿|万|千)?({BASE_UNITS})?[^\d,]{{0,6}}$", before)
        baseline = None
        if baseline_match and re.search(r"(到|至)$", before):
            kind = TargetKind.FROM_TO
            baseline = (_number(baseline_match.group(2)) or 0) * _SCALE.get(baseline_match.group(3) or "", 1.0)
            number_end = max(baseline_match.end(g) for g in (2, 3, 4))
            before = before[: baseline_match.start()] + before[number_end:]  # keep the verb: 提高到
            comparator_match = _main_comparator(before) or comparator_match
        if previous is not None and (_TIER_ONLY.fullmatch(before.strip()) or _other_tier(before, previous)):
            kind = previous.kind  # 新增省级3家以上,市级5家以上 / (其中省级以上30家): the same count, one tier
        indicator = _indicator(before, comparator_match, subject, previous, kind)
        trailing = clean_indicator(re.split(r"[,;(]", after[bounded.end():] if bounded else after)[0])
        trailing = re.sub(r"^的", "", trailing)
        trailing = re.sub(r"(?<=..)(建设|发展)$", "", trailing)  # 120个重点项目建设: the projects are counted, not 建设
        if counted and kind is TargetKind.INCREMENT and not re.search(NEW, before):
            kind = TargetKind.LEVEL  # 改造提升四个出入口: a count of things done, not a rise
        guards = comparator_match and comparator_match.group() in ("守住", "严守")  # 守住18亿亩耕地红线
        done = unit in _CLASSIFIERS and _DONE_AFTER.match(after)
        if done and not near_verb and not action:
            trailing, guards = done.group(2) + clean_indicator(after[: done.start(1) if done.group(1) else done.start(2)]), True
        if trailing and len(trailing) >= 2 and (not indicator or near_verb or (counted and action) or guards):
            indicator = trailing  # 支持20家以上科技型中小企业…: the noun follows the count
        if not indicator and re.search(rf"({SPEND})$", before.strip()):
            indicator = re.search(rf"({SPEND})$", before.strip()).group(1)
        if not indicator:
            continue
        if not unit:
            unit = "人" if re.search(r"人口?$", indicator) else unit  # 贫困人口减少1000万以上
        firmness = _firmness(_carried_prefix(text, a) + before)
        bound_end = bounded.end() if bounded else 0
        first = Target(
            "", indicator, canonical_key(indicator, kind, before), _comparator(before, after, upper is not None),
            _scaled(value, scale), _scaled(upper, scale) if upper is not None else None, unit, kind, firmness, tense, section.id,
            text, offset + a, offset + a + match.end() + bound_end, clause[: match.end() + bound_end].strip(),
            _decimals(match), baseline=baseline * scale if baseline is not None and baseline_match.group(3) is None
            else baseline,
        )
        return _list_items(a, clause, first, match, matches[position + 1:], offset)
    return []


def _other_tier(before: str, previous: Target) -> bool:
    """新建省级重点实验室5家、市级重点实验室20家: the same thing at another tier, counted the same way."""
    tier = r"(国家级|省级|市级|县级|区级)(以上)?"
    noun = re.sub(tier, "", clean_indicator(before))
    return bool(re.match(tier, clean_indicator(before))) and bool(noun) and noun == re.sub(tier, "", previous.indicator)


def _main_comparator(before: str):
    """The verb that introduces the value; 研发投入强度达到…, 中央预算内投资安排…: the first verb is part of the noun."""
    comparators = list(COMPARATOR.finditer(before))
    if (len(comparators) > 1 and re.fullmatch(SPEND, comparators[0].group())
            and comparators[-1].end() >= len(before.rstrip()) - 1):
        comparators.pop(0)
    return comparators[0] if comparators else None


def _decimals(match) -> int:
    if "scale" not in match.re.groupindex or match.group("scale"):
        return 0
    return len(match.group("value").partition(".")[2])


def _list_items(a, clause, first: Target, anchor, rest, offset) -> list[Target]:
    """The other values of a list: 分别增长7%和8%左右, 新建10家A、30家B和10家C, 降低13.5%、18%."""
    items, nouns, cursor = [anchor], [], anchor.end()
    for match in rest:
        bound = AFTER.match(clause[cursor:])
        gap = clause[cursor + (bound.end() if bound else 0): match.start()]
        joint = _LIST_JOINT.match(gap)
        if not joint:
            break
        nouns.append(clean_indicator(joint.group("noun")))
        items.append(match)
        cursor = match.end()
    if len(items) == 1:
        return [first]
    last_bound = AFTER.match(clause[cursor:])
    nouns.append(clean_indicator(re.split(r"[,;(]", clause[cursor + (last_bound.end() if last_bound else 0):])[0]))
    indicators = _list_indicators(clause[: anchor.start()], first.indicator, nouns, len(items))
    comparator = _comparator("", clause[cursor:], False) if last_bound else first.comparator
    targets = []
    for index, match in enumerate(items):
        value, upper, unit, scale = _value_of(match)
        if value is None:
            return [first]
        indicator = indicators[index]
        if index == 0:
            targets.append(replace(first, indicator=indicator, key=canonical_key(indicator, first.kind, "")))
            continue
        targets.append(replace(
            first, indicator=indicator, key=canonical_key(indicator, first.kind, ""), value=_scaled(value, scale),
            upper=_scaled(upper, scale) if upper is not None else None, unit=unit,
            comparator=comparator, start=offset + a + match.start(), end=offset + a + match.end(),
            text=clause[match.start(): match.end()].strip(), decimals=_decimals(match)))
    return targets


def _list_indicators(head: str, indicator: str, nouns: list[str], count: int) -> list[str]:
    """One indicator per list value: the nouns after the counts, the parts 分别 pairs, or one for all."""
    if all(len(noun) >= 2 for noun in nouns):
        return nouns
    if "分别" in head:
        subject = clean_indicator(re.split(r"分别", head)[0])
        subject = re.split(r"(增长|增幅|增速|提高|降低|下降|减少|增加|达到)", subject)[0]
        parts = [clean_indicator(p) for p in re.split(r"[和、及与]", subject) if clean_indicator(p)]
        if len(parts) == count:
            return _shared_head(parts)
        if count == 2 and subject.startswith("城乡"):
            return [place + subject[2:] for place in _URBAN_RURAL]
    return [indicator] * count


# What a coordinated list leaves unsaid on its earlier parts: 基础设施、制造业投资 are two 投资.
_MEASURE_NOUN = re.compile(r"(投资|产值|增加值|收入|支出|消费|产量|规模|总额|销量|销售额|进出口额|出口|进口)$")


def _shared_head(parts: list[str]) -> list[str]:
    """Give earlier parts the measure noun only the last one names (基础设施、制造业投资 → 基础设施投资)."""
    last = _MEASURE_NOUN.search(parts[-1])
    if not last:
        return parts
    return [part if _MEASURE_NOUN.search(part) else part + last.group() for part in parts[:-1]] + parts[-1:]


def _kind(before: str, unit: str) -> TargetKind:
    if unit == "百分点":
        return TargetKind.POINTS
    tail = re.sub(r"(约|近|超过|超|再|分别|达到?|年均|均)+$", "", before.rstrip())[-6:]
    if re.search(r"(提高到|提升到|增加到|增长到|降至|降到|降低到|下降到|控制在|保持在|稳定在|达到|达)$", tail):
        return TargetKind.LEVEL
    if re.search(rf"({DECLINE_VERB})$", tail):
        return TargetKind.DECLINE
    if re.search(rf"({NEW})", before):
        return TargetKind.INCREMENT
    if re.search(r"(增长|增幅|增速|提高|提升|上涨|涨幅|增加|扩大|增收)$", tail):
        return TargetKind.GROWTH if unit in ("%", "‰") else TargetKind.INCREMENT
    return TargetKind.LEVEL


def _indicator(before: str, comparator_match, subject: str, previous, kind: str) -> str:
    head = before[: comparator_match.start()] if comparator_match else before
    head = re.sub(r"(增长|增幅|增速)$", "", head)
    if comparator_match and re.fullmatch(rf"{NEW}|{SPEND}", comparator_match.group()):
        # 新增高新技术企业超100家, 安排地方政府专项债券3.8万亿元: the noun sits between the verb and the number.
        rest = before[comparator_match.end():]
        following = COMPARATOR.search(rest)
        noun = clean_indicator(rest[: following.start()] if following else rest)
        owner = clean_indicator(head)
        # A list ordinal before the verb (5新增…, 6、新增… in a pasted list) owns nothing.
        if noun and 0 < len(owner) <= 3 and not owner.isdigit() and not ACTION.search(owner) \
                and re.fullmatch(NEW, comparator_match.group()):
            head = owner + comparator_match.group() + noun  # 城镇新增就业: the verb is part of the name
        elif _GENERIC_NOUN.fullmatch(noun) and re.fullmatch(NEW, comparator_match.group()):
            head = comparator_match.group() + noun  # 新储备项目100项: 项目 alone would pair with any project count
        elif noun or not re.fullmatch(SPEND, comparator_match.group()):
            head = noun or head  # 高企数量净增150家: the noun stands before the verb
        elif comparator_match.group() in ("投资", "投入") and clean_indicator(head):
            head = head + comparator_match.group()  # 铁路投资8000亿元: the investment is the indicator
    elif kind == "increment":
        head = re.sub(rf".*?({NEW})", "", head)
    head = re.sub(rf"^.*?{ACTION.pattern}", "", head.lstrip()) if ACTION.match(head.lstrip()) else head
    head = clean_indicator(head)
    if TIME_SPAN.match(head):
        head = ""  # 国内生产总值增加到121万亿元,五年年均增长5.2%: still 国内生产总值
    if not head and previous is not None:
        return previous.indicator
    tier = re.fullmatch(r"(国家级|省级|市级|县级|区级)(以上)?", head)
    if tier and previous is not None and re.search(r"(国家级|省级|市级|县级|区级)", previous.indicator):
        # 省级新型研发机构3家以上,市级5家以上: the second tier names the same thing.
        return re.sub(r"(国家级|省级|市级|县级|区级)(以上)?", head, previous.indicator, count=1)
    if head.startswith(("占", "比重", "总量", "总数", "总规模", "规模")) and subject:
        return clean_indicator(re.split(r"(同比|增速|增幅|增长|增加)", subject)[0] + head)
    if not head and subject:
        return subject
    return head


def _carried_prefix(text: str, clause_start: int) -> str:
    """Earlier clauses of the sentence that open with 确保/力争/争取: their word scopes over what follows.

    A firmness word inside a clause, after its subject (比重力争达到2.88%), binds that clause only.
    """
    carried = ""
    opening = text.rfind(";", 0, clause_start) + 1  # a semicolon ends the scope, as a full stop does
    for a, b in _clauses(text[opening:clause_start]):
        a, b = a + opening, b + opening
        clause = text[a:b].lstrip()
        if _FIRM.match(clause) or _SOFT.match(clause):
            carried = clause[:2]
    return carried


def _firmness(prefix: str) -> Firmness:
    firm = [m.end() for m in _FIRM.finditer(prefix)]
    soft = [m.end() for m in _SOFT.finditer(prefix)]
    if not firm and not soft:
        return Firmness.UNSTATED
    return Firmness.FIRM if (firm and (not soft or firm[-1] > soft[-1])) else Firmness.ASPIRATIONAL


def _comparator(before: str, after: str, has_upper: bool) -> str:
    if has_upper:
        return "range"
    bound = AFTER.match(after)
    if bound:
        return {"以上": ">=", "多": ">", "余": ">", "左右": "~", "以内": "<=", "以下": "<="}[bound.group(1)]
    tail = before[-4:]
    if re.search(r"(不少于|不低于)$", tail):
        return ">="
    if re.search(r"(超过|超|突破|高于)$", tail):
        return ">"
    if re.search(r"(不超过|控制在)$", tail):
        return "<="
    if re.search(r"(约|近)$", tail):
        return "~"
    return "="
