"""What a target measures: a cleaned indicator phrase and a canonical key for matching across plans.

The alias table names the standard science-and-technology and economic indicators, each as a pattern
over cleaned indicator phrases; the first pattern that matches gives the key. Indicators outside the
table are matched by similarity instead (see target_match.py).
"""

from __future__ import annotations

import re

# key: (pattern over the cleaned indicator, kinds it applies to; None = any)
ALIASES: dict[str, tuple[str, frozenset[str] | None]] = {
    # 研发投入强度 = 全社会研发经费(R&D)占地区生产总值比重
    "rd-intensity": (r"(研发|R&D|研究与试验发展).*(强度|占.*(生产总值|GDP).*(比重|比例))|^研发投入强度", None),
    "high-tech-output-share": (r"高新技术产业产值.*占(.*(比重|比例)|比)", None),
    "high-tech-output": (r"^高新技术产业产值$", None),
    "high-tech-value-added": (r"^高新技术产业增加值$", None),
    "high-tech-enterprises": (r"^(高新技术企业|高企|国家高新技术企业)(数量|总量|总数)?$", None),
    "tech-contract-turnover": (r"技术合同(成交|交易|登记)(额|金额|总额)|^技术(成交|交易)(额|总额)", None),
    "invention-patents-per-10k": (r"(万人|每万人).*发明专利", None),
    # 科技企业孵化器面积 = 孵化面积 = 孵化场地面积
    "incubator-area": (r"孵化(器)?(场地)?面积", None),
    "patent-applications": (r"^(全年)?专利申请(量|数)?$", None),
    "invention-patent-grants": (r"^(全年)?发明专利授权(量|数)?$", None),
    "st-progress-contribution": (r"科技进步贡献率", None),
    "gdp-growth": (r"^(国内|地区)?生产总值$|^GDP$|^经济$", frozenset({"growth"})),
    "gdp": (r"^(国内|地区)生产总值$|^GDP$", frozenset({"level"})),
    # 城镇新增就业 = 新增就业: the national and local names of one flow
    "urban-jobs": (r"(城镇)?新增就业(人数|岗位)?$|^城镇新增就业|^新增城镇就业|^城镇就业(人数|岗位)?$", None),
    # 城镇居民收入 = 城镇常住居民人均可支配收入: statistics count residents (常住) since 2013
    "urban-income": (r"^城镇(常住)?居民(人均)?(可支配)?收入", None),
    "rural-income": (r"^农村(牧区)?(常住)?居民(人均)?(可支配)?收入|^农民(人均)?(可支配)?收入", None),
    "income": (r"^(全国|全体)?居民(人均)?(可支配)?收入", None),
    "deficit-ratio": (r"赤字率", None),
    "deficit": (r"^(财政)?赤字(规模)?$", None),
    "special-bonds": (r"专项债(券)?$", None),
    "ultra-long-bonds": (r"超长期特别国债", None),
    "central-budget-investment": (r"中央预算内投资", None),
    "general-budget-expenditure": (r"一般公共预算支出(规模)?$", None),
    "general-budget-revenue": (r"一般公共(财政)?预算收入", None),
    "grain-output": (r"^粮食(总)?产量", None),
    "energy-intensity": (r"单位(国内|地区)生产总值能耗|单位GDP能耗", None),
    "fixed-asset-investment": (r"固定资产投资", None),
    "retail-sales": (r"社会消费品零售总额", None),
    "forest-coverage": (r"森林覆盖率", None),
    "farmland-red-line": (r"耕地(红线|保有量)", None),
    "surveyed-unemployment": (r"城镇调查失业率", None),
    "cpi": (r"居民消费价格|^CPI", None),
}
_COMPILED = [(key, re.compile(pattern), kinds) for key, (pattern, kinds) in ALIASES.items()]
_FILLER = re.compile(
    r"^(主要(工作)?目标(是)?|(比|较)(上年|去年)(年初)?(预算)?((高|低|多|少)$)?|(19|20)\d{2}年|今年|明年|去年(?![底末初])|其中|全年|年内|力争|争取|确保|推动|实现|全市|全区|全省|全社会|我市|"
    r"并|和|及|同时|目前|进一步|继续|积极|大力|通过|以上|将|把|对|拟安排|安排|坚决|(过去|近)?[一二三四五六七八九十两]+年(来|间|内)?|累计)+"
)
_TRAILING = re.compile(
    r"(的|要|将|已|共|累计|年均|平均|同比|连年|实际|名义|继续|稳定|保持|力争|争取|确保|达到|达|预计|拟按|拟|为|按|约|近|再|分别|均|比去年|"
    r"比上年|较上年|比去年同期|较去年|全年|(上升|提高|提升|增加|增长|下降|降低|扩大|减少|升|降)[到至])+$"
)
# A span of time (五年, 过去十年, 两年来) is when, not what: the target measures the clause's subject.
TIME_SPAN = re.compile(r"^(过去|近|这|前)?[一二三四五六七八九十两\d]+年(来|间|内|中)?$")


def clean_indicator(phrase: str) -> str:
    """Strip fillers, firmness words and punctuation around what a target measures."""
    phrase = re.sub(r"\s+", "", phrase)
    phrase = phrase.split(":")[-1]
    phrase = phrase.strip(",、;\"'《》")
    # Strip a bracket or quote only when it is unmatched: “双创人才”(创新类) keeps its own.
    for opening, closing in (("(", ")"), ("“", "”")):
        if phrase.startswith(opening) and phrase.count(opening) > phrase.count(closing):
            phrase = phrase[1:]
        if phrase.endswith(closing) and phrase.count(closing) > phrase.count(opening):
            phrase = phrase[:-1]
    previous = None
    while phrase != previous:
        previous = phrase
        phrase = _FILLER.sub("", phrase)
        phrase = _TRAILING.sub("", phrase)
        phrase = phrase.strip(",、;\"'")
    return phrase


def alias_key(phrase: str, kind: str) -> str | None:
    """The alias-table key whose pattern matches the phrase, if any."""
    for key, pattern, kinds in _COMPILED:
        if pattern.search(phrase) and (kinds is None or kind in kinds):
            return key
    return None


def canonical_key(indicator: str, kind: str, context: str = "") -> str:
    """The alias-table key for an indicator (or for the clause it came from: 城镇新增就业 names the
    indicator around its verb), else the indicator with count words removed."""
    return (alias_key(indicator, kind) or (alias_key(clean_indicator(context), kind) if context else None)
            or re.sub(r"(数量|总量|总数|的)$", "", indicator))
