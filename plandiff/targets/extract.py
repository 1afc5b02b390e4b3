"""Find the quantitative targets a plan commits to: indicator, comparator, value, unit and kind.

A sentence is cut into clauses; a clause is a target when a number with a unit follows a comparator
(达到, 超过, 新增, 提高…) or is bounded by 以上/左右. A clause with no subject of its own (、达2500家以上)
takes the subject of the clause before it. Dates, ordinals, document numbers, party congresses and
counts that describe the outline are not targets.
"""

from __future__ import annotations

import re

from ..engines.numerals import chinese_to_number
from ..model import Firmness, Plan, Section, Target, TargetKind, Tense
from .indicators import canonical_key, clean_indicator

# Units and what one of them is worth in the base unit.
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_BASE_UNITS = (
    "个百分点|百分点|平方公里|平方米|公里|千米|亩|吨|元|人次|家|件|个|项|名|人|场次|场|所|座|台|套|篇|批|户|条|期|位|支|"
    "次|倍|%|‰"
)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
_QUANTITY = re.compile(
    rf"(?P<value>{_NUMBER})(?:\s*[-~—至到]\s*(?P<upper>{_NUMBER}))?\s*(?P<scale>万亿|亿|万|千)?(?P<unit>{_BASE_UNITS})"
)
_GROWTH = re.compile(r"(增长|增幅|增速|提高|提升|下降|降低|减少)")
_POINTS_UNIT = ("个百分点", "百分点")
_NEW = r"新增|新认定|新备案|新建|新引进|新培育|新选派|新储备"
_COMPARATOR = re.compile(
    rf"(不少于|不低于|不超过|控制在|保持在|达到|达|超过|超|突破|高于|提高到|提升到|增长|增幅|增速|提高|提升|下降|降低|{_NEW}|累计|拟按)"
)
# Verbs that open a clause whose count comes at its end: 引进产业类创新人才500名, 培训科技型企业家350名.
_ACTION = re.compile(r"^(引进|培训|培育|布局|组织|举办|开展|实施|支持|签署|承担|取得|储备|争取|力争|确保|完成|建设)")
_AFTER = re.compile(r"^\s*(以上|以内|左右|以下|多|余)")
_FIRM = re.compile(r"确保")
_SOFT = re.compile(r"(力争|争取)")
_PAST_SECTION = re.compile(r"(总结|回顾|完成情况|成就)")
_CLAUSE_SPLIT = re.compile(r"[,:;。!?]|(?<=[%‰家件个项名人场次所座台套篇批户条期位支元米亩吨倍上右])、")
# Numbers that count things in the plan's own outline or name events, never commitments.
_NOT_AFTER = re.compile(r"^(大|届|次会|是|中全会|号|年|月|日|周年|类|方面|大类|个方面|条措施)")
_NOT_BEFORE = re.compile(r"(第|〔|\[|“|第\s*)$")
_ENDS_WITH_VERB = re.compile(r"(组建|建设|支持|与|培育|引进|布局|新建|开展|实施|举办|组织|选派|推动)\s*$")


def _number(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)

    return chinese_to_number(text)


def extract_targets(plan: Plan) -> tuple[Target, ...]:
    """Every target in the plan, in document order, from headings and sentences."""
    found: list[Target] = []
    past = _past_sections(plan)
    for section in plan.sections:
        pieces = []
        if section.heading:
            start = section.start + len(section.marker)
            pieces.append((section.heading, start))
        pieces.extend((s.text, s.start) for s in section.sentences)
        tense = Tense.ACHIEVED if section.id in past else Tense.PLANNED
        for text, offset in pieces:
            for target in _sentence_targets(text, offset, section, tense):
                found.append(target)
    return tuple(
        Target(f"t{i + 1}", *(getattr(t, f) for f in Target.__dataclass_fields__ if f != "id"))
        for i, t in enumerate(found)
    )


def _past_sections(plan: Plan) -> set[str]:
    """Sections that report on a past year (总结, 回顾) and everything under them."""
    past: set[str] = set()
    for section in plan.sections:
        if section.parent in past or (section.level > 0 and _PAST_SECTION.search(section.heading)):
            past.add(section.id)
    return past


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for match in _CLAUSE_SPLIT.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _sentence_targets(text: str, offset: int, section: Section, tense: str) -> list[Target]:
    targets: list[Target] = []
    subject = ""
    previous: Target | None = None
    for a, b in _clauses(text):
        clause = text[a:b]
        target = _clause_target(text, a, b, subject, previous, section, tense, offset)
        if target:
            targets.append(target)
            previous = target
            subject = target.indicator
        elif clause.strip():
            own = _subject_of(clause)
            subject = own or subject
            previous = None
    return targets


def _subject_of(clause: str) -> str:
    """The noun phrase a clause without a number talks about (高新技术产业产值同比增速… → 高新技术产业产值)."""
    head = re.split(r"(同比|增速|增幅|增长|高于|低于|保持|达到|稳定)", clause, maxsplit=1)[0]
    return clean_indicator(head) if len(head) <= 30 else ""


def _clause_target(text, a, b, subject, previous, section, tense, offset) -> Target | None:
    clause = text[a:b]
    for match in _QUANTITY.finditer(clause):
        before, after = clause[: match.start()], clause[match.end():]
        if _NOT_AFTER.match(after) or _NOT_BEFORE.search(before):
            continue
        if before.count("(") > before.count(")"):
            continue  # inside parentheses: a condition or an aside, not the commitment itself
        if not match.group("value")[0].isdigit() and not _COMPARATOR.search(before):
            continue  # Chinese numerals count only after a comparator: 突破两千家, never 两学一做
        value = _number(match.group("value"))
        if value is None or (value == 1 and not match.group("value").isdigit()):
            continue  # 一批, 一个, 一项: a way of speaking, not a commitment
        comparators = list(_COMPARATOR.finditer(before))
        comparator_match = comparators[0] if comparators else None
        bounded = _AFTER.match(after)
        at_end = not after.strip("()()以上左右内外多余")
        opens_with_action = bool(_ACTION.match(clause.lstrip()))
        if not comparator_match and not bounded and not ((previous or opens_with_action) and at_end):
            continue
        scale = _SCALE.get(match.group("scale") or "", 1.0)
        unit = match.group("unit")
        if unit in _POINTS_UNIT:
            unit = "百分点"
        upper = _number(match.group("upper")) if match.group("upper") else None
        kind = _kind(before, unit)
        indicator = _indicator(before, comparator_match, subject, previous, kind)
        trailing = clean_indicator(after[bounded.end():] if bounded else after)
        if trailing and len(trailing) >= 3 and (not indicator or _ENDS_WITH_VERB.search(before)):
            indicator = trailing  # 支持20家以上科技型中小企业…: the noun follows the count
        if not indicator:
            continue
        firmness = _firmness(_carried_prefix(text, a) + before)
        comparator = _comparator(before, after, upper is not None)
        return Target(
            "", indicator, canonical_key(indicator, kind, before), comparator, value * scale,
            upper * scale if upper is not None else None, unit, kind, firmness, tense, section.id, text,
            offset + a, offset + a + match.end() + (bounded.end() if bounded else 0),
            clause[: match.end() + (bounded.end() if bounded else 0)].strip(),
            len(match.group("value").partition(".")[2]) if not match.group("scale") else 0,
        )
    return None


def _kind(before: str, unit: str) -> TargetKind:
    if unit == "百分点":
        return TargetKind.POINTS
    if unit == "%" and _GROWTH.search(before[-8:]):
        return TargetKind.GROWTH
    if re.search(rf"({_NEW})", before):
        return TargetKind.INCREMENT
    return TargetKind.LEVEL


def _indicator(before: str, comparator_match, subject: str, previous, kind: str) -> str:
    head = before[: comparator_match.start()] if comparator_match else before
    head = re.sub(r"(增长|增幅|增速)$", "", head)
    if comparator_match and re.fullmatch(_NEW, comparator_match.group()):
        # 新增高新技术企业超100家: the noun sits between the verb and the next comparator.
        rest = before[comparator_match.end():]
        following = _COMPARATOR.search(rest)
        head = rest[: following.start()] if following else rest
    elif kind == "increment":
        head = re.sub(rf".*?({_NEW})", "", head)
    head = _ACTION.sub("", head.lstrip())
    head = clean_indicator(head)
    if not head and previous is not None:
        return previous.indicator
    tier = re.fullmatch(r"(国家级|省级|市级|县级|区级)(以上)?", head)
    if tier and previous is not None and re.search(r"(国家级|省级|市级|县级|区级)", previous.indicator):
        # 省级新型研发机构3家以上,市级5家以上: the second tier names the same thing.
        return re.sub(r"(国家级|省级|市级|县级|区级)(以上)?", head, previous.indicator, count=1)
    if head.startswith(("占", "比重", "总量", "总数", "总规模")) and subject:
        return clean_indicator(re.split(r"(同比|增速|增幅|增长)", subject)[0] + head)
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
    bound = _AFTER.match(after)
    if bound:
        return {"以上": ">=", "多": ">", "余": ">", "左右": "~", "以内": "<=", "以下": "<="}[bound.group(1)]
    tail = before[-4:]
    if re.search(r"(不少于|不低于)$", tail):
        return ">="
    if re.search(r"(超过|超|突破|高于)$", tail):
        return ">"
    if re.search(r"(不超过|控制在)$", tail):
        return "<="
    return "="
