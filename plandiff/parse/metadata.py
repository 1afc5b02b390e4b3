"""Read what a plan says about itself: title, issuer, place, plan year, date and document number."""

from __future__ import annotations

import re
from collections import Counter

from ..engines.words import district_names, place_names
from ..model import Metadata
from .page import Page

_ORGAN = r"[\u4e00-\u9fff]{0,16}?(局|委员会|委|厅|办公室|政府|部|院|办)"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[(]\d{4}[〕\])]\s*\d{1,4}\s*号")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DATE_PATTERNS = (
    re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"),
)
_DATE_KEYS = ("发布时间", "发布日期", "成文日期", "公开日期", "生成日期", "日期", "时间")
_ISSUER_KEYS = ("发布机构", "发布部门", "发文机关")
_NUMBER_KEYS = ("政策文号", "文件编号", "发文字号", "文号")
# The character before 区/县 in an area-type word (开发区, 高新区, 示范区…), never in a district's name.
# Place names are counted in this much of the body at most: real plans are under 60,000 characters,
# and segmenting a 2,000,000-character input only to count place names would take minutes.
PLACE_WINDOW = 100_000
_GENERIC_AREA = set("发新范创能税验聚城园片社景辖街校库山灾牧林矿老市各全本我该行心载领步业试地治")


def read_metadata(text: str, page: Page, body_text: str) -> Metadata:
    """Metadata from the page head, the title, a cover notice, and the body as a last resort."""
    # Spaces inside a Chinese title are artifacts (a mended page break, a justified PDF line).
    title = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text[page.title[0]:page.title[1]].strip()) \
        if page.title else ""
    wrapped = re.search(r"关于印发《([^》]+)》", title)
    plan_title = wrapped.group(1) if wrapped else title
    issuer = _issuer(title, page)
    city, district = _place(" ".join([title, issuer, page.notice_issuer]), body_text[:PLACE_WINDOW])
    return Metadata(
        title=plan_title,
        issuer=issuer,
        place=city + district,
        city=city,
        district=district,
        year=_plan_year(plan_title, body_text, page),
        date=_date(page, body_text),
        doc_number=_doc_number(page, text),
    )


def _issuer(title: str, page: Page) -> str:
    """The issuing organ: the one that starts the title, else the page fields or the notice signature."""
    match = re.match(rf"^({_ORGAN})(?=关于|\d{{4}}|《|年)", title)
    if match:
        return match.group(1)
    for key in _ISSUER_KEYS:
        if page.fields.get(key):
            return page.fields[key]
    return page.notice_issuer


def _place(head: str, body: str) -> tuple[str, str]:
    """City and district: named in the title or issuer, else the city the body names most."""
    head_places = place_names(head)
    counts = place_names(body)
    counts.update(head_places)
    city_stems = Counter()
    for name, count in counts.items():
        stem = name[:-1] if name.endswith("市") else name
        named_in_head = (stem + "市") in head
        if len(stem) >= 2 and (named_in_head or (stem in counts and (stem + "市") in counts)):
            city_stems[stem] += count * (100 if name in head_places or stem in head else 1)
    city = city_stems.most_common(1)[0][0] if city_stems else ""
    return city, _district(head, body)


def _district(head: str, body: str) -> str:
    """A district or county the plan is about: named in the head, or at least three times in the body."""
    counts = Counter(
        name for name, count in district_names(head + "\n" + body).items() for _ in range(count)
        if name[-2] not in _GENERIC_AREA
    )
    for token, count in counts.most_common():
        if token in head or count >= 3:
            return token[:-1]
    return ""


def _plan_year(title: str, body: str, page: Page) -> int | None:
    """The year the plan is for: the latest year in its title, else the one its opening names most."""
    years = [int(y) for y in _YEAR.findall(title)]
    if years:
        return max(years)
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
