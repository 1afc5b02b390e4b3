"""Split a page into its head (title and metadata fields), its body and the chrome around them.

The rules are general: breadcrumbs, link lists, short widget lines, key:value metadata lines, a
footer that starts at an editor/copyright/address line, and a cover notice that wraps the plan.
Everything works on folded text and returns offsets, so sentences stay traceable to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Span = tuple[int, int]

# Words that only web-page widgets use; a short line made of them is chrome, never plan text.
_WIDGET = re.compile(
    r"^(搜索|登录|注册|首页|logo|打印|打印本页|关闭|关闭窗口|分享到?|收藏|扫一扫.*|.*手机版.*|.*小程序|"
    r"返回顶部|字号|[大中小]|更多.*|.*更多\s*>+|浏览次数.*|今天是.*|点击.*|网站地图|联系我们|政策|"
    r"[【\[]?[打印关闭收藏分享大中小字号\s\]】]+|[【\[]?字[体号]\s*:?[大中小\s]+[\]】]?)$",
    re.IGNORECASE,
)
_NAV = re.compile(r"(>>|»|>\s|当前的?位置|您的位置)")
_BULLET = re.compile(r"^[•·▪►◆■□●○▶]\s*")
# A footer starts at the first of these once the article has begun; the rest of the page goes with it.
_FOOTER = re.compile(
    r"^[\[【(]?\s*(责任)?编辑\s*[:\]】]|^(文章|原文|本文)(地址|链接|来源)\s*:|^相关(链接|文章|阅读|新闻)|"
    r"^(上一篇|下一篇)|copyright|^©|版权所有|转载.{0,12}(请|注明|保留)|ICP备"
    ,
    re.IGNORECASE,
)
# The same footer run on after a sentence's end, in a page pasted as one paragraph: the rest goes with it.
_FOOTER_RUN_ON = re.compile(
    r"(?<=[。!?])\s*(?=[\[【(]?\s*(责任)?编辑\s*[:\]】]|(文章|原文|本文)(地址|链接|来源)\s*:|相关(链接|文章|阅读|新闻)\s*:?|"
    r"(上一篇|下一篇)\s*:|copyright|©|版权所有)",
    re.IGNORECASE,
)
# key:value lines of the metadata blocks that government sites print above an article.
_FIELD_KEY = (
    r"来\s*源|责任编辑|编\s*辑|作\s*者|发布时间|发布日期|时\s*间|日\s*期|浏\s*览(次数)?|发布人|索\s*引\s*号|"
    r"[\u4e00-\u9fff]{0,6}分类|公开方式|公开日期|文件编号|发布机构|发布部门|生成日期|成文日期|废止日期|内容概述|"
    r"信息名称|政策文号|发文字号|发文机关|文\s*号|有\s*效\s*性|主\s*题\s*词|签发人"
)
_FIELD = re.compile(rf"({_FIELD_KEY})\s*:\s*")
_DATE_LINE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$")
_SENTENCE_MARK = re.compile(r"[。;!?]")
_PLAN_WORDS = re.compile(r"(要点|计划|规划|方案|报告|意见|通知|总结|纲要|安排|任务)")
_CHINESE_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
_SUBTITLE_HEAD = re.compile(r"\s*[—―]+[^。]{4,80}?(会议|大会)上")
_SALUTATION = re.compile(r"各位(代表|委员)\s*:")
_RUN_IN_TITLE = re.compile(
    r"^([^。,:;!?“”-]{2,40}?(要点|计划|规划|方案|报告|纲要))"
    r"(?=\s*([—―]|\(\d{4}|\d{4}[-年]|[一二]、|各位代表))"
)
# A paste that turned line breaks into blanks: in its head, a blank is a lost line break except inside
# a field key (索 引 号), a date and time, a bracketed widget (【字体:大 中 小】) or a link bar (首页 > 正文).
# Each is searched on its own: a link bar's greedy words must not hide a field key inside them. Kept as
# source, compiled (and cached by re) on a paste's first use: plans with line breaks never need them.
_HEAD_KEEPS_BLANK = (
    rf"(?:{_FIELD_KEY})\s*:",
    r"\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?",
    r"【[^】\n]{0,20}】|\[[^\]\n]{0,20}\]",
    r"[^\s|>»]+(?:\s*(?:\||>>?|»)\s*[^\s|>»]+)+",
)
_NO_PLAN_TEXT = re.compile(r"版权所有|ICP备|[\[【(]?\s*责任编辑\s*[:\]】]|copyright|©", re.IGNORECASE)
_PASTED_LINE = 2000  # characters: a first line this long is a paste, not a page's head line
_PASTE_HEAD = 600  # characters of chrome, title and fields a pasted page may hold before its text
_ADDRESSEE = re.compile(r"^[^。:;]{2,120}?(各|单位|部门|政府|委员会|科室)[^。:;]{0,40}:")


@dataclass(frozen=True)
class Page:
    """The parts of a page: title span, metadata fields, and the body's line spans."""

    title: Span | None
    body: tuple[Span, ...]
    fields: dict[str, str] = field(default_factory=dict)
    notice_issuer: str = ""
    notice_date: str = ""


def split_page(text: str) -> Page:
    """Find the title, metadata fields and body lines of folded page text."""
    lines = _line_spans(text)
    if lines and lines[0][1] - lines[0][0] >= _PASTED_LINE:
        lines[:1] = _paste_head(text, lines[0])
    fields: dict[str, str] = {}
    kept: list[Span] = []
    article_started = False
    for span in lines:
        line = text[span[0]:span[1]]
        if article_started and _FOOTER.search(line):
            break
        if _is_field_line(line):
            fields.update(_fields(line))
            continue
        if _DATE_LINE.match(line):
            fields.setdefault("日期", line)
            continue
        if _is_chrome(line):
            continue
        article_started = article_started or _is_prose(line)
        footer = _FOOTER_RUN_ON.search(line) if article_started else None
        if footer:
            kept.append((span[0], span[0] + footer.start()))
            break
        kept.append(span)
    title, body = _split_title(text, kept)
    body = _split_report_head(text, body)
    body = _drop_trailing_chrome(text, body)
    body, issuer, date = _drop_cover_notice(text, body, title)
    body = [span for span in body if title is None or text[span[0]:span[1]] != text[title[0]:title[1]]]
    return Page(title, tuple(body), fields, issuer, date)


def _line_spans(text: str) -> list[Span]:
    spans, offset = [], 0
    for raw in text.split("\n"):
        start, end = offset, offset + len(raw)
        offset = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _paste_head(text: str, span: Span) -> list[Span]:
    """A paste's head cut at its lost line breaks, so chrome and fields go and the title is found.

    Only a head that holds a title line (a plan's name, no sentence mark) is cut; the text from the
    first sentence, heading, subtitle or salutation on stays one paragraph, as the paste left it.
    """
    start, end = span
    limit = min(end, start + _PASTE_HEAD)
    kept_blanks = [match.span() for pattern in _HEAD_KEEPS_BLANK
                   for match in re.compile(pattern).finditer(text, start, limit)]
    cuts = [m for m in re.finditer(r"\s+", text[start:limit])
            if not any(a <= start + m.start() < b for a, b in kept_blanks)]
    pieces, piece_start, titled = [], start, False
    for blank in [*cuts, None]:
        piece_end = start + blank.start() if blank else limit
        piece = text[piece_start:piece_end]
        if blank is None or _is_prose(piece) or re.match(r"^([一二三四五六七八九十]+、|[—―]|各位(代表|委员))", piece):
            break
        titled = titled or (not _is_field_line(piece) and len(piece) <= 80
                            and bool(_PLAN_WORDS.search(piece)) and not _SENTENCE_MARK.search(piece))
        pieces.append((piece_start, piece_end))
        piece_start = start + blank.end()
    if not titled:
        return [span]
    return [*pieces, (piece_start, end)]


def _is_prose(line: str) -> bool:
    return len(line) >= 40 and bool(_SENTENCE_MARK.search(line))


def _is_chrome(line: str) -> bool:
    if _BULLET.match(line) or (line.count("|") >= 2 and not _is_prose(line)):
        return True
    short = len(line) <= 40 and not _SENTENCE_MARK.search(line)
    return short and bool(_WIDGET.match(line) or _NAV.search(line))


def _is_field_line(line: str) -> bool:
    match = _FIELD.match(line)
    return bool(match) and len(line) <= 120


def _fields(line: str) -> dict[str, str]:
    """Parse `key:value key:value` pairs; several may share one line."""
    found: dict[str, str] = {}
    matches = list(_FIELD.finditer(line))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        key = re.sub(r"\s", "", match.group(1))
        found[key] = line[match.end():end].strip()
    return found


def _split_title(text: str, kept: list[Span]) -> tuple[Span | None, list[Span]]:
    """The title is the first short head line that names a plan; head lines before it are chrome.

    A plan pasted as one paragraph has no title line: its title is the head of the first line when a
    subtitle dash, a date or the first numbered heading follows it (政府工作报告——2022年3月5日…).
    """
    for index, (start, end) in enumerate(kept):
        line = text[start:end]
        if _is_prose(line) or re.match(r"^[一二三四五六七八九十]+、", line):
            run_in = _RUN_IN_TITLE.match(line) if index == 0 else None
            if run_in:
                return (start, start + run_in.end(1)), [(start + run_in.end(1), end)] + kept[1:]
            break
        if len(line) <= 80 and _PLAN_WORDS.search(re.sub(r"\s", "", line)) and not _SENTENCE_MARK.search(line):
            return (start, end), kept[index + 1:]
    return None, kept


def _split_report_head(text: str, body: list[Span]) -> list[Span]:
    """Give a pasted report's head its lines back: the ——date…会议上 subtitle and the 各位代表: salutation.

    Only a first line that runs on past them (a plan pasted as one paragraph) is split; each of these
    stands on a line of its own in every other form of a work report.
    """
    if not body:
        return body
    start, end = body[0]
    cuts = set()
    subtitle = _SUBTITLE_HEAD.match(text, start, end)
    if subtitle and subtitle.end() < end:
        cuts.add(subtitle.end())
    salutation = _SALUTATION.search(text, start, min(end, start + 300))
    if salutation:
        cuts.update(cut for cut in salutation.span() if start < cut < end)
    if not cuts:
        return body
    edges = [start, *sorted(cuts), end]
    return [(a, b) for a, b in zip(edges, edges[1:]) if text[a:b].strip()] + body[1:]


def _drop_trailing_chrome(text: str, body: list[Span]) -> list[Span]:
    """Drop short non-sentence lines after the last paragraph, and a link list or widget glued to its end."""
    while body and not _SENTENCE_MARK.search(text[body[-1][0]:body[-1][1]]) and len(body) > 1:
        last = text[body[-1][0]:body[-1][1]]
        if re.match(r"^([一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+[)、.])", last):
            break
        body = body[:-1]
    if body:
        start, end = body[-1]
        tail = text[start:end]
        ends = [m.end() for m in _SENTENCE_MARK.finditer(tail)]
        after = tail[ends[-1]:].strip() if ends else ""
        # A pasted page's widgets, or a footer that opens with one (扫一扫… 责任编辑:… 版权所有), follow its
        # last sentence; no plan text after the last sentence holds a copyright or ICP line.
        footer = _NO_PLAN_TEXT.search(after) if after else None
        if after and ("|" in after or _is_chrome(after) or footer):
            cut = start + ends[-1]
            body[-1] = (start, cut)
    return body


def _drop_cover_notice(text: str, body: list[Span], title: Span | None) -> tuple[list[Span], str, str]:
    """Remove a forwarding notice (addressees … issuer, date) that wraps the plan itself."""
    if not body:
        return body, "", ""
    start, end = body[0]
    head = text[start:end]
    if not _ADDRESSEE.match(head):
        return body, "", ""
    signature = re.search(rf"。([^。]{{2,40}}?)({_CHINESE_DATE})", head[:1500])
    if not signature:
        return body, "", ""
    cut = signature.end()
    # The plan's own title often follows the signature; drop it when the notice quoted it.
    quoted = re.findall(r"《([^》]{4,60})》", head[:signature.start()])
    for name in quoted:
        if head.startswith(name, cut):
            cut += len(name)
            break
    rest = [(start + cut, end)] if start + cut < end else []
    return rest + body[1:], signature.group(1).strip(), signature.group(2)
