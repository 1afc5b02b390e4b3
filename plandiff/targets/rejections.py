"""Numbers that look like quantities but are not commitments: dates, ordinals, asides, scopes, descriptions."""

from __future__ import annotations

import re

from .vocabulary import ACTION, AFTER, COMPARATOR, COUNTED_LIST, ROUND

# Numbers that count things in the plan's own outline or name events, never commitments.
_NOT_AFTER = re.compile(r"^(大|届|次会|是|中全会|号|年|月|日|周年|类|方面|大类|个方面|条措施|级|型|线|岁以下|座以下)")
_NOT_BEFORE = re.compile(r"(第|〔|\[|“|第\s*|\d|不到|的部分)$")
# 推进8家国家级星创天地建设, 继续推动7家省级重点实验室高质量建设: the count names the existing things a task
# works on (its scope), not a quantity the plan commits to. A project's 建设 is the work itself (推进120个重点项目建设),
# and a comparator or a new-count word after the verb (推动新建5个实验室建设) makes the count a commitment again.
_SCOPE_VERB = re.compile(r"(继续|推进|推动|提升|指导)")
_SCOPE_END = re.compile(r"(建设|发展|能力|水平)$")
_PROJECT_BUILT = re.compile(r"(项目|工程)(开工)?建设$")
# 超百项, 突破千家: a bare 百/千/万 is a number only right after a comparator; elsewhere (百家企业, 千人规模) it
# is a way of speaking or a programme's name.
_ROUND_AFTER = re.compile(r"(超过|超|突破|达到|达|逾|过)$")


def rejected(clause: str, match, value: float | None, unit: str) -> bool:
    """Dates, ordinals, asides, ways of speaking and descriptions that only look like quantities."""
    before, after = clause[: match.start()], clause[match.end():]
    written = match.group("value")
    if value is None or _NOT_AFTER.match(after) or _NOT_BEFORE.search(before):
        return True
    if written in ROUND and not _ROUND_AFTER.search(before):
        return True
    if before.count("(") > before.count(")") or before.count("“") > before.count("”"):
        return True  # inside parentheses or quotes: an aside or a name (“一个智库、两个基地”), not a commitment
    if _works_on_existing(before, after):
        return True
    if re.match(r"^及?以下[^\d,;]", after):
        return True  # 3岁以下婴幼儿, 8座以下小汽车: a category, not a quantity
    if re.search(r"(从|由)[^\d,]{0,10}$", before) and re.match(r"^[^\d,]{0,6}(到|至)\s*\d", after):
        return True  # 由2.4%提高到2.8%: the level it starts from belongs to the target after it
    worded_share = "unit" not in match.re.groupindex and AFTER.match(after)
    if not written[0].isdigit() and not (COMPARATOR.search(before) or ACTION.search(before)
                                         or COUNTED_LIST.search(clause) or worded_share):
        return True  # Chinese numerals count only after a verb: 突破两千家, never 两学一做
    if value == 1 and not written[0].isdigit() and unit != "%":
        return True  # 一批, 一个, 一项: a way of speaking, not a commitment
    if unit == "年" and not ("." in written or re.search(r"(提高到|达到|延长到)$", before)):
        return True  # a year, or a period: only 受教育年限提高到11.3年 is a quantity in years
    if re.search(r"(总投资|投资|过|超过|达到|达)[^,]{0,3}$", before) and after.lstrip().startswith("的"):
        return True  # 总投资10亿元的项目, 收入过10亿元的企业: a description, not a commitment
    if re.search(r"(与|同)\s*$", before) and re.match(r"^[^,;的]{1,12}的", after):
        return True  # 与5家金融机构的合作协议: the partners of something already there (与N家…开展合作 is a task)
    return False


def _works_on_existing(before: str, after: str) -> bool:
    """推进8家…星创天地建设: a count between a scope verb and 建设/发展/能力/水平, with no comparator in between."""
    verbs = list(_SCOPE_VERB.finditer(before))
    if not verbs or re.search(r"[,;]", before[verbs[-1].end():]) or AFTER.match(after):
        return False
    end = after.rstrip(")")
    if not _SCOPE_END.search(end) or _PROJECT_BUILT.search(end):
        return False
    return not COMPARATOR.search(before[verbs[-1].end():])
