"""Read what a plan says about itself: title, issuer, place, plan year, date and document number."""

from __future__ import annotations

import re
from collections import Counter

from ..engines.words import district_names, place_names, tokenize
from ..model import NATIONAL_PLACE, Metadata
from .page import Page

_ORGAN = r"[\u4e00-\u9fff]{0,16}?(局|委员会|委|厅|办公室|政府|部|院|办)"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[(]\d{4}[〕\])]\s*\d{1,4}\s*号")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DATE_PATTERNS = (
    re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"),
)
# ——2021年3月5日在第十三届全国人民代表大会第四次会议上: the date a work report was given.
# The dash or bracket keeps out a speech the plan quotes (习近平总书记2018年5月28日在两院院士大会上).
_SPEECH_DATE = re.compile(r"[—―\-(（]\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日在[^。\n]{2,60}?(?:会议|大会)上")
_TITLE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_DATE_KEYS = ("发布时间", "发布日期", "成文日期", "公开日期", "生成日期", "日期", "时间")
_ISSUER_KEYS = ("发布机构", "发布部门", "发文机关")
_NUMBER_KEYS = ("政策文号", "文件编号", "发文字号", "文号")
# The character before 区/县 in an area-type word (开发区, 高新区, 示范区…), never in a district's name.
# Province-level divisions: a closed list, as the constitution names them.
PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
             "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
             "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
_PROVINCE_SUFFIX = r"(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)"
# Only these provinces are cities (北京市); 吉林市 is a city of 吉林省, not the province.
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# 在第十四届全国人民代表大会 (national) / 在浙江省第十四届人民代表大会 (whoever holds the congress)
_NATIONAL_CONGRESS = re.compile(r"第[一二三四五六七八九十]+届全国人民代表大会|我代表国务院")
# Patterns that only some kinds of plan reach are kept as source: re compiles (and caches) each on first
# use, and a class over the Han range costs about a millisecond to compile.
_CONGRESS = (r"在([\u4e00-\u9fff]{2,12}?)第[一二三四五六七八九十]+届人民代表大会"
             r"|第[一二三四五六七八九十]+届([\u4e00-\u9fff]{2,12}?)人民代表大会")
# 我代表海拉尔区人民政府向大会作工作报告 / 我代表国务院，向大会报告政府工作: the text is a government work report.
_REPORTS_TO_CONGRESS = r"我代表[\u4e00-\u9fff]{0,20}?(?:人民政府|国务院)[，,]?\s*向大会(?:作|报告)"
# A city that names itself as a government, a congress or the organ issuing the plan: 铁岭市人民政府,
# 第十三届铁岭市人民代表大会, 铁岭市2023年政府工作报告, 山东省青岛市科学技术局. Tried before jieba's place
# tags, which miss many smaller cities. The follower list is strict so 智慧城市建设 never reads as a city.
_SELF_ORGAN = r"(?:人民政府|人民代表大会|政府工作报告|(?:19|20)\d\d年|科学技术局|科技局|科学技术委员会)"
_SELF_NAMED_CITY = (
    r"(?m)(?:^|[在届年—\s：:]|我代表)(?:[\u4e00-\u9fff]{2,3}(?:省|自治区))?([\u4e00-\u9fff]{2,5}?)市"
    rf"(?={_SELF_ORGAN}|[\u4e00-\u9fff]{{2,4}}[区县]{_SELF_ORGAN})"
)
# The same for a district or county: 海拉尔区人民政府, 在海拉尔区第十四届人民代表大会, 市南区科技局.
_SELF_NAMED_DISTRICT = (
    rf"(?m)(?:^|[在届年—\s：:市]|我代表)([^\W\d_区县各全本我该]{{2,4}}?)[区县](?={_SELF_ORGAN}|第[一二三四五六七八九十]+届)"
)
_REPRESENTING = r"我代表([\u4e00-\u9fff]{0,12}?)(人民政府|政府)"
_GENERIC_AREA = set("发新范创能税验聚城园片社景辖街校库山灾牧林矿老市各全本我该行心载领步业试地治")


def read_metadata(text: str, page: Page, body_text: str, shown: str = "") -> Metadata:
    """Metadata from the page head, the title, a cover notice, and the body as a last resort.

    `shown` is the text in the document's own characters, one for one with `text`, for the title's display.
    """
    title, shown_title = _title(text, page, shown or text)
    wrapped = re.search(r"关于印发《([^》]+)》", title)
    plan_title = wrapped.group(1) if wrapped else title
    shown_title = shown_title[wrapped.start(1):wrapped.end(1)] if wrapped else shown_title
    issuer = _issuer(title, page)
    opening = title + "\n" + body_text[:1500]
    if not plan_title and re.search(_REPORTS_TO_CONGRESS, opening):
        plan_title = "政府工作报告"  # a work report often starts at its subtitle; its opening says what it is
    level = _level(opening)
    if level == NATIONAL_PLACE:
        province = city = district = ""
        place, issuer = NATIONAL_PLACE, issuer or "国务院"
    elif level:
        province, city, district, place = level, "", "", level
    else:
        province = ""
        # The congress a work report is given to names its place as surely as a title does.
        congress = re.search(_CONGRESS, opening)
        head = " ".join([title, issuer, page.notice_issuer, _held_by(congress)])
        heads = [title, issuer, page.notice_issuer, body_text[:1500]]
        # A plan that names itself needs no count of the body's place names (most of a parse's time).
        city = _self_named(_SELF_NAMED_CITY, heads) or _place(head, body_text)
        district = _self_named(_SELF_NAMED_DISTRICT, heads) or _district(head, body_text)
        place = city + district
    issuer = _named_issuer(issuer or _representing(opening), province or city, district, text)
    return Metadata(
        title=plan_title,
        shown_title=shown_title if plan_title == title or wrapped else plan_title,
        issuer=issuer,
        place=place,
        province=province,
        city=city,
        district=district,
        year=_plan_year(plan_title, body_text, page),
        date=_date(page, body_text),
        doc_number=_doc_number(page, text),
    )


def _title(text: str, page: Page, shown: str) -> tuple[str, str]:
    """The title line, folded and as shown; spaces inside a Chinese title are artifacts (a mended page
    break, a justified PDF line), so the same ones go from both."""
    if not page.title:
        return "", ""
    start, end = page.title
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    gaps = [m.span() for m in _TITLE_GAP.finditer(text, start, end)]
    edges = [start, *(edge for gap in gaps for edge in gap), end]
    keep = list(zip(edges[::2], edges[1::2]))
    return "".join(text[a:b] for a, b in keep), "".join(shown[a:b] for a, b in keep)


def _issuer(title: str, page: Page) -> str:
    """The issuing organ: the one that starts the title, else the page fields or the notice signature."""
    match = re.match(rf"^({_ORGAN})(?=关于|\d{{4}}|《|年)", title)
    if match:
        return match.group(1)
    for key in _ISSUER_KEYS:
        if page.fields.get(key):
            return page.fields[key]
    return page.notice_issuer


def _level(opening: str) -> str:
    """全国 for a national report, a province's name for a provincial one, else ""."""
    if _NATIONAL_CONGRESS.search(opening):
        return NATIONAL_PLACE
    congress = re.search(_CONGRESS, opening)
    if congress:
        held_by = _held_by(congress)
        for province in PROVINCES:
            suffix = f"(?:{_PROVINCE_SUFFIX}|市)" if province in MUNICIPALITIES else _PROVINCE_SUFFIX
            if re.fullmatch(province + suffix + "?", held_by):
                return province
        return ""
    representing = re.search(_REPRESENTING, opening)
    if representing and representing.group(1) == "省":  # 我代表省人民政府: the province the title names
        named = [p for p in PROVINCES if p in opening[:200]]
        return named[0] if len(named) == 1 else ""
    return ""


def _held_by(congress: re.Match | None) -> str:
    """Who holds the congress: 浙江省 in 在浙江省第十四届人民代表大会 or 第十三届浙江省人民代表大会."""
    return (congress.group(1) or congress.group(2)) if congress else ""


def _self_named(pattern: str, heads: list[str]) -> str:
    """The city (or district) a title, issuer or opening names as itself, in that order of trust."""
    for head in heads:
        for match in re.finditer(pattern, head):
            if match.group(1)[-1] not in _GENERIC_AREA and _is_word(head, match.start(1), match.end(1) + 1):
                return match.group(1)
    return ""


def _is_word(text: str, start: int, end: int) -> bool:
    """True when jieba reads text[start:end] as whole words, or one word plus a suffix (铁岭市, 铁岭/市).

    So 智慧城市 (智慧/城市) is no city 智慧城, while 盐城市 and 焦作市 are."""
    # A window of a few characters either side decides the words; tokenizing a whole head per match
    # would make a hostile opening with hundreds of candidates quadratic.
    origin = max(0, start - 6)
    ends, cursor = {origin}, origin
    for token in tokenize(text[origin:end + 6]):
        cursor += len(token)
        ends.add(cursor)
    return start in ends and (end in ends and (end - 1 in ends or _one_token(ends, start, end)))


def _one_token(ends: set[int], start: int, end: int) -> bool:
    return not any(start < at < end for at in ends)


def _representing(opening: str) -> str:
    """The government a work report speaks for: 我代表海拉尔区人民政府 → 海拉尔区人民政府."""
    match = re.search(_REPRESENTING, opening)
    return match.group(1) + match.group(2) if match else ""


def _named_issuer(issuer: str, region: str, district: str, text: str) -> str:
    """An issuer that leaves out its place (市科技局, 科技局) gets it back: 武汉市科技局."""
    if not issuer or issuer == "国务院" or any(issuer.startswith(name) for name in (region, district) if name):
        return issuer
    if issuer[0] in "省市区县":
        return region + issuer if issuer[0] in "省市" and region else issuer
    if district:
        for suffix in ("区", "县"):
            if district + suffix in text:
                return district + suffix + issuer
    return region + "市" + issuer if region and region + "市" in text else issuer


def _place(head: str, body: str) -> str:
    """The city named in the title or issuer, else the city the body names most.

    A city is a place word with 市 (石家庄市), a place word the text also writes with 市, or, for cities
    jieba does not tag as places, a word the text writes with 市 at least twice (保定市, 铁岭市)."""
    head_places = place_names(head)
    counts = place_names(body)
    counts.update(head_places)
    city_stems: Counter[str] = Counter()
    written_as_city = _city_words(head + "\n" + body)
    for name, count in counts.items():
        stem = name[:-1] if name.endswith("市") else name
        if len(stem) >= 2 and (name.endswith("市") or stem in written_as_city):
            city_stems[stem] += count * (100 if name in head_places or stem in head else 1)
    for stem, count in written_as_city.items():
        if stem not in city_stems and (count >= 2 or f"{stem}市" in head):
            city_stems[stem] += count * (100 if f"{stem}市" in head else 1)
    return city_stems.most_common(1)[0][0] if city_stems else ""


# 保定 in 保定市: two to four characters before 市, tried at every position so 与保定市 still finds 保定.
_BEFORE_CITY = r"(?=([\u4e00-\u9fff]{2,4}?)市)"
# Classes of city, not cities: 县级市, 地级市, 直辖市, 省辖市.
_CITY_CLASS = set("级辖")


def _city_words(text: str) -> Counter[str]:
    """How often each word that reads as a city name stands before 市 (智慧城市 is no 智慧城)."""
    counts: Counter[str] = Counter()
    for match in re.finditer(_BEFORE_CITY, text):
        stem = match.group(1)
        if stem[-1] not in _CITY_CLASS and _is_word(text, match.start(1), match.end(1) + 1):
            counts[stem] += 1
    return counts


def _district(head: str, body: str) -> str:
    """A district or county the plan is about: named in the head, or at least three times in the body of
    a plan that speaks as a district (全区, 我县), where it is once written as a government's name
    (市南区委, 青岛市市南区): 棚户区 and 保护区 are kinds of area, never governed."""
    counts = Counter(
        name for name, count in district_names(head + "\n" + body).items() for _ in range(count)
        if name[-2] not in _GENERIC_AREA
    )
    for token, count in counts.most_common():
        if token in head or (count >= 3 and _speaks_as_district(body) and _governed(token, body)):
            return token[:-1]
    return ""


def _governed(district: str, body: str) -> bool:
    """True when the body writes the district as a government does: after its city, or before an organ."""
    escaped = re.escape(district)
    return re.search(rf"市{escaped}|{escaped}(?:委|人民政府|政府|人大|政协|人民代表大会)", body) is not None


_DISTRICT_VOICE = re.compile(r"全区|我区|区委|区政府|全县|我县|县委|县政府")
_CITY_VOICE = re.compile(r"全市|我市|市委|市政府")


def _speaks_as_district(body: str) -> bool:
    return len(_DISTRICT_VOICE.findall(body)) > len(_CITY_VOICE.findall(body))


def _plan_year(title: str, body: str, page: Page) -> int | None:
    """The year the plan is for: the latest year in its title, else the one its opening names most."""
    years = [int(y) for y in _YEAR.findall(title)]
    if years:
        return max(years)
    # A report's own subtitle dates the speech; a web page's 发布时间 may be years later (a site move).
    speech = _SPEECH_DATE.search(body[:600])
    if speech:
        return int(speech.group(1))
    date = _date(page, body)
    if date:
        return int(date[:4])
    opening = Counter(int(y) for y in _YEAR.findall(body[:600]))
    if opening:
        return opening.most_common(1)[0][0]
    return None


def _date(page: Page, body: str) -> str:
    """Publication date as YYYY-MM-DD, from the page fields, a cover notice or a dated opening line."""
    candidates = [page.fields.get(key, "") for key in _DATE_KEYS] + [page.notice_date, body[:200]]
    for candidate in candidates:
        for pattern in _DATE_PATTERNS:
            match = pattern.search(candidate)
            if match:
                year, month, day = (int(part) for part in match.groups())
                return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def _doc_number(page: Page, text: str) -> str:
    for key in _NUMBER_KEYS:
        value = page.fields.get(key, "")
        if _DOC_NUMBER.search(value):
            return _DOC_NUMBER.search(value).group().replace(" ", "")
    match = _DOC_NUMBER.search(text[:3000])
    return match.group().replace(" ", "") if match else ""
