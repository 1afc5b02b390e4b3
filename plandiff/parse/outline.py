"""Parse a plan's outline: numbered, run-in and unnumbered headings, with levels from the document.

Levels are not a fixed table. A stack holds the marker kinds in the order the document opened them,
and a marker is a heading only where its ordinal sequence continues (二、 after 一、), which is what
keeps 各县(市、区) and 1.5个百分点 out of the outline of a plan pasted as one paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from ..engines.numerals import ordinal
from ..model import Section, Sentence
from .text import first_sentence_end, sentence_spans

Span = tuple[int, int]
_HAN = "[一二三四五六七八九十]"
# (kind, pattern, where it may stand inside a paragraph: after a sentence, after any word, or never)
_MARKERS = (
    ("han_dun", re.compile(rf"({_HAN}{{1,3}})、(?!{_HAN}、)"), "after-sentence"),
    ("paren_han", re.compile(rf"\(({_HAN}{{1,3}})\)"), "after-word"),
    ("paren_arabic", re.compile(r"\((\d{1,2})\)"), "after-word"),
    ("arabic_dot", re.compile(r"(\d{1,2})\.(?![\d.])"), "after-word"),
    ("arabic_dun", re.compile(r"(?<!第)(\d{1,2})、(?!\d)"), "after-word"),
    ("circled", re.compile(r"([①-⑳])"), None),
    ("shi", re.compile(rf"({_HAN}{{1,2}})是"), None),
)
_ARABIC_KINDS = ("arabic_dot", "arabic_dun")
_ITEM_KINDS = (*_ARABIC_KINDS, "paren_arabic")  # list items, as against (一) and 一、 sections
_LEAD_IN = re.compile(r"(?<=[。;!?])\s*([^\s。;!?:,、()“”]{2,12}):\s*(?=1[.、]|\(一\)|一、)")
_BARE_NUMBER = re.compile(r"(\d{1,2})(?=[\u4e00-\u9fff])")
PASTED_PARAGRAPH = 2000  # characters: longer than any paragraph of the shared plans' text (1,229)
_TITLE_RUN = 300  # characters of title, date and byline a pasted plan may hold before its first heading
_WORD_BEFORE_ONE = "统唯同万第之这"  # 统一、唯一是…: 一 inside a word
# A 一是 item inside a paragraph (not 统一是, 第一是, 唯一是…).
_INLINE_ITEM = re.compile(rf"(?<![{_WORD_BEFORE_ONE}])({_HAN}{{1,2}})是")
_AFTER_SENTENCE = "。;:!?”"
_PLAIN_MAX = 40
# A paste that turned line breaks into blanks shows them after full stops too (…工作。 二、…).
_BLANK_AFTER_STOP = re.compile(r"[。!?;]\s+(?=\S)")
_BLANK_BREAKS = 3
_LOOKBACK = 2 * _PLAIN_MAX  # characters before an inline 一是 that hold the clause or sentence it follows
_MIN_HEADING = 4
# Words that open the first sentence of a report's part, never a heading's tail: a time frame as the
# subject (今年是, 2022年是, 过去一年,) at any length; a bare time frame (今年, 当前) only after a run
# longer than any heading.
_TIME_FRAME = r"(过去(的)?[一五十]年|[一五十]年来|今年|去年|新的一年|当前|(19|20)\d{2}年)"
_SUBJECT_OPENER = re.compile(rf"{_TIME_FRAME}(?=[是,:])|各位代表|(?<![统唯同万第之])一是")
_SENTENCE_OPENER = re.compile(rf"{_TIME_FRAME}|各位代表|(?<![统唯同万第之])一是")


@dataclass(frozen=True)
class _Candidate:
    start: int  # where the marker begins
    body: int  # where the heading text begins
    kind: str
    number: int
    line_end: int
    inline: bool = False
    pasted: bool = False  # in a paragraph of PASTED_PARAGRAPH characters or more
    blank_breaks: bool = False  # in a pasted paragraph that shows its line breaks as blanks (。 二、…)
    opens_items: bool = False  # a run-in sentence before 一是 inside a paragraph


@dataclass(frozen=True)
class _Heading:
    start: int
    depth: int
    marker: str
    heading: Span
    content_start: int
    kind: str


def parse_outline(
    text: str, body: tuple[Span, ...], shown: str | None = None, pages: tuple[int, ...] = (),
    styled: tuple[tuple[int, int], ...] = (),
) -> tuple[Section, ...]:
    """Sections in document order; the preamble (text before the first heading) is level 0.

    `text` is folded for matching; `shown` (same length) holds the document's own characters, and
    `pages` the offsets where each PDF page begins, and `styled` (offset, level) the lines a word
    processor styled as Heading 1, 2, 3: a styled line without a marker is an unnumbered heading.
    """
    headings = _accept(_candidates(text, body, _styled_headings(text, styled)))
    return _build_sections(_Source(text, shown if shown is not None else text, pages), body, headings)


@dataclass(frozen=True)
class _Source:
    text: str
    shown: str
    pages: tuple[int, ...]

    def sentence(self, start: int, end: int) -> Sentence:
        page = bisect_right(self.pages, start) if self.pages else None
        return Sentence(self.text[start:end], start, end, page, self.shown[start:end])


def _styled_headings(text: str, styled: tuple[tuple[int, int], ...]) -> dict[int, int]:
    """Styled lines without a marker, at the levels used more than once (a lone Heading 1 is the title)."""
    unnumbered = [(start, level) for start, level in styled if not _line_start_marker(text[start:].split("\n", 1)[0])]
    counts = Counter(level for _, level in unnumbered)
    return {start: level for start, level in unnumbered if counts[level] >= 2}


def _candidates(text: str, body: tuple[Span, ...], styled: dict[int, int] | None = None) -> list[_Candidate]:
    found: list[_Candidate] = []
    for index, (start, end) in enumerate(body):
        line = text[start:end]
        first = len(found)
        at_start = _line_start_marker(line)
        if at_start:
            kind, number, length = at_start
            found.append(_Candidate(start, start + length, kind, number, end))
        elif styled and start in styled:
            found.append(_Candidate(start, start, f"styled{styled[start]}", 0, end))
        else:
            plain = _plain_heading(text, body, index)
            if plain:
                found.append(_Candidate(start, start, "plain", 0, end))
        found.extend(_inline_markers(text, start, end))
        found.extend(_inline_lead_ins(text, start, end))
        found.extend(_inline_items(text, start, end))
        found.extend(_inline_run_in_headings(text, start, end))
        if end - start >= PASTED_PARAGRAPH:
            blanks = len(_BLANK_AFTER_STOP.findall(text, start, end)) >= _BLANK_BREAKS
            found[first:] = [replace(candidate, pasted=True, blank_breaks=blanks) for candidate in found[first:]]
    return sorted(found, key=lambda c: c.start)


def _line_start_marker(line: str) -> tuple[str, int, int] | None:
    for kind, pattern, _ in _MARKERS:
        match = pattern.match(line)
        if match and len(line) > match.end():
            number = ordinal(match.group(1))
            if number:
                return kind, number, match.end()
    bare = _BARE_NUMBER.match(line)
    if bare:
        return "bare", int(bare.group(1)), bare.end()
    return None


def _inline_markers(text: str, start: int, end: int) -> list[_Candidate]:
    """Markers inside a paragraph, for documents pasted as one long line."""
    found = []
    line = text[start:end]
    for kind, pattern, inline in _MARKERS:
        if not inline:
            continue
        for match in pattern.finditer(line, 1):
            # A pasted paragraph may keep a space or an indent before the marker: look past it.
            before = line[:match.start()].rstrip()[-1:]
            if not before:
                continue
            if inline == "after-sentence" and before not in _AFTER_SENTENCE and not _opens_paste(line, match):
                continue
            if before.isascii() and before.isalnum() or before in "、,":
                continue
            number = ordinal(match.group(1))
            if number:
                found.append(_Candidate(start + match.start(), start + match.end(), kind, number, end, True))
    return found


def _opens_paste(line: str, match: re.Match) -> bool:
    """A pasted plan's first 一、, run on from its title and date (…2021年工作计划一、2020年工作总结)."""
    return (len(line) >= PASTED_PARAGRAPH and match.group(1) == "一" and match.start() <= _TITLE_RUN
            and line[match.start() - 1] not in _WORD_BEFORE_ONE and not any(m in line[:match.start()] for m in "。!?;"))


def _inline_items(text: str, start: int, end: int) -> list[_Candidate]:
    """一是…, 二是… items that began lines before the plan was pasted as one paragraph."""
    # Inside an ordinary paragraph 一是 enumerates prose, so only a paragraph longer than any real one is
    # read. There an item is a candidate heading when, like a line-start item, it opens with one short
    # sentence after a full stop or right after a heading that ran on into it (_accept keeps it out of a
    # 1. item's paragraph).
    if end - start < PASTED_PARAGRAPH:
        return []
    found = []
    for match in _INLINE_ITEM.finditer(text, start, end):
        # Only the clause's last _LOOKBACK characters are read (_ends_in_heading reads fewer): slicing the
        # paragraph from its start for each 一是 made a paste quadratic.
        lead = text[max(start, match.start() - _LOOKBACK):match.start()].rstrip()
        clause = lead[max(lead.rfind(mark) for mark in "。!?;") + 1:]
        if clause.strip() and not _ends_in_heading(clause):
            continue  # mid-sentence, and not the tail of a heading that lost its line end
        first = text[match.end():first_sentence_end(text, match.end(), end)]
        number = ordinal(match.group(1))
        if _short_sentence(first) and number:
            found.append(_Candidate(match.start(), match.end(), "shi", number, end, True))
    return found


def _inline_run_in_headings(text: str, start: int, end: int) -> list[_Candidate]:
    """以平台思维抓招商,持续开创…新局面。一是…: a short sentence before 一是 that began a line, in a paste.

    The inline twin of _plain_heading's run-in sentence before 一是, read only in a paragraph longer than
    any real one.
    """
    if end - start < PASTED_PARAGRAPH:
        return []
    found = []
    for match in _INLINE_ITEM.finditer(text, start, end):
        if match.group(1) != "一" or not _short_sentence(text[match.end():first_sentence_end(text, match.end(), end)]):
            continue  # only where the 一是 item is a heading too (_inline_items)
        lead_end = match.start()
        while lead_end > start and text[lead_end - 1].isspace():
            lead_end -= 1
        lead_start = max(start, lead_end - _LOOKBACK)  # a heading's sentence and the stop before it fit
        lead = text[lead_start:lead_end]
        if not lead.endswith("。"):
            continue
        opening = max(lead.rfind(mark, 0, len(lead) - 1) for mark in "。!?;") + 1
        sentence = lead[opening:].strip()
        if (_MIN_HEADING <= len(sentence) - 1 <= _PLAIN_MAX and sentence.count(",") <= 1
                and opening > 0 and not re.search(r"(以下|如下)", sentence) and not _line_start_marker(sentence)
                and not _INLINE_ITEM.match(sentence)):
            heading_start = lead_start + opening + (len(lead[opening:]) - len(lead[opening:].lstrip()))
            found.append(_Candidate(heading_start, heading_start, "plain", 0, end, True, opens_items=True))
    return found


def _short_sentence(sentence: str) -> bool:
    """A sentence short enough to be a heading: a full stop within _PLAIN_MAX characters, at most one comma."""
    return sentence.endswith("。") and len(sentence) <= _PLAIN_MAX and sentence.count(",") <= 1 and ";" not in sentence


def _ends_in_heading(clause: str) -> bool:
    """Whether the clause ends with a marker and a heading's length of text ((六)着力推进国家战略工程)."""
    tail = clause[-(_PLAIN_MAX + 8):]
    return any(pattern.search(tail) for kind, pattern, _ in _MARKERS if kind != "shi")


def _inline_lead_ins(text: str, start: int, end: int) -> list[_Candidate]:
    """主要目标: or 重点措施: between a full stop and the 1. or (一) that opens its list, inside a paragraph.

    The inline twin of a lone heading line over a numbered list, for plans pasted as one paragraph.
    """
    return [_Candidate(match.start(1), match.start(1), "plain", 0, end, True)
            for match in _LEAD_IN.finditer(text, start, end)]


def _plain_heading(text: str, body: tuple[Span, ...], index: int) -> bool:
    """An unnumbered heading: a short lone sentence that opens a list, or a short run-in sentence before 一是."""
    start, end = body[index]
    line = text[start:end]
    first_end = first_sentence_end(text, start, end) - start
    first = line[:first_end].rstrip("。;")
    # Headings are terse: at most one comma (现在,我代表国务院,…,请予审议 is an opening sentence).
    if len(first) > _PLAIN_MAX or len(first) < 4 or line[:1].isdigit() or first.count(",") > 1:
        return False
    if re.search(r"(以下|如下)", first):
        return False  # 今年要重点做好以下几方面工作: a lead-in that announces a list, not its heading
    if first_end < len(line):
        return line[:first_end].endswith("。") and line[first_end:].lstrip().startswith("一是")
    if line.endswith(("!", "?")) or (line.endswith(":") and len(line) > 12):
        return False
    # A lone line is a heading when a numbered list starts right under it (主要目标: then 1.…).
    if index + 1 < len(body):
        following = _line_start_marker(text[body[index + 1][0]:body[index + 1][1]])
        return following is not None and following[1] == 1 and following[0] != "bare"
    return False


def _accept(candidates: list[_Candidate]) -> list[tuple[_Candidate, int]]:
    """Keep the candidates whose ordinals continue a sequence; give each its depth."""
    stack: list[tuple[str, int]] = []
    last_seen: dict[str, int] = {}
    accepted: list[tuple[_Candidate, int]] = []
    for candidate in candidates:
        kind, number = candidate.kind, candidate.number
        if kind == "shi" and candidate.inline and stack and stack[-1][0] in _ITEM_KINDS:
            continue  # 1.培育创新型领军企业。一是…: a numbered item enumerates inside its own paragraph
        if candidate.opens_items and stack and stack[-1][0] in _ITEM_KINDS:
            continue  # and so does a sentence of its prose before 一是
        if kind == "bare":
            kind = next((k for k, n in reversed(stack) if k in _ARABIC_KINDS and n + 1 == number), "")
            if not kind:
                continue
            candidate = replace(candidate, kind=kind)
        depth = _depth(stack, last_seen, kind, number)
        if depth is None:
            continue
        if candidate.opens_items and "shi" in (k for k, _ in stack):
            # A new 一是 list closes the open one: its run-in sentence stands where the open list's items do.
            depth = min(depth, next(i for i, (k, _) in enumerate(stack) if k == "shi"))
        del stack[depth:]
        stack.append((kind, number))
        last_seen[kind] = number
        accepted.append((candidate, depth))
    return accepted


def _depth(stack: list[tuple[str, int]], last_seen: dict[str, int], kind: str, number: int) -> int | None:
    for depth, (open_kind, last) in enumerate(stack):
        if open_kind == kind:
            return depth if _unnumbered(kind) or number == last + 1 else None
    # A kind not open now starts at 1, or runs on from where it last stopped (qingdao's 1.–32.).
    if _unnumbered(kind) or number == 1 or number == last_seen.get(kind, -1) + 1:
        return len(stack)
    return None


def _unnumbered(kind: str) -> bool:
    """Plain heading lines and lines styled as headings carry no ordinal to continue."""
    return kind == "plain" or kind.startswith("styled")


def _build_sections(source: _Source, body: tuple[Span, ...], accepted: list[tuple[_Candidate, int]]) -> tuple[Section, ...]:
    text = source.text
    if not body:
        return ()
    starts = [candidate.start for candidate, _ in accepted] + [body[-1][1]]
    # A marker family in which one heading visibly lost its line end (a time frame as subject opened its
    # body) lost them all: there a bare time frame (今年经济…) marks where the body begins too.
    segment_ends = [min(starts[i + 1], candidate.line_end) for i, (candidate, _) in enumerate(accepted)]
    pasted = {candidate.kind for (candidate, _), end in zip(accepted, segment_ends)
              if _heading_end(text, candidate.body, end)[1]}
    # Likewise a family in which a heading ran on into a first sentence too long to be a heading.
    run_on = {candidate.kind for (candidate, _), end in zip(accepted, segment_ends)
              if _run_on_cut(text, candidate, end, False) is not None}
    headings = []
    for i, (candidate, depth) in enumerate(accepted):
        heading_end, opened = _heading_end(text, candidate.body, segment_ends[i], candidate.kind in pasted)
        cut = None if opened else _run_on_cut(text, candidate, segment_ends[i], candidate.kind in run_on)
        heading_end = heading_end if cut is None else cut
        marker = text[candidate.start:candidate.body]
        headings.append(
            _Heading(candidate.start, depth, marker, (candidate.body, heading_end), heading_end, candidate.kind)
        )

    preamble = _sentences(source, body, body[0][0], starts[0])
    sections = [Section("0", 0, "", "", tuple(preamble), None, body[0][0])]
    ids_at_depth: list[str] = []
    counters: dict[str, int] = {}
    for i, heading in enumerate(headings):
        parent = ids_at_depth[heading.depth - 1] if heading.depth > 0 else None
        counters[parent or ""] = counters.get(parent or "", 0) + 1
        section_id = f"{parent}.{counters[parent or '']}" if parent else str(counters[""])
        del ids_at_depth[heading.depth:]
        ids_at_depth.append(section_id)
        a, b = _trimmed(text, *heading.heading)
        m, n = _trimmed(text, heading.start, heading.start + len(heading.marker), "")
        sentences = _sentences(source, body, heading.content_start, starts[i + 1])
        sections.append(
            Section(section_id, heading.depth + 1, text[m:n], text[a:b], tuple(sentences), parent,
                    heading.start, heading.kind, shown_marker=source.shown[m:n], shown_heading=source.shown[a:b])
        )
    return tuple(sections)


def _heading_end(text: str, start: int, end: int, pasted: bool = False) -> tuple[int, bool]:
    """Where a heading ends, and whether a sentence opener showed it ran on into its body.

    A run-in heading ends at its first full stop; a list item split only by semicolons stays whole. A
    heading that lost its line end (a plan pasted as one paragraph) runs on into its first sentence:
    the body starts at a time frame as subject (今年是, 2022年是, 过去一年,) or 一是, and at a bare time
    frame too when the run is longer than any heading or its marker family is known to be `pasted`.
    """
    for i in range(start, end):
        if text[i] in "。!?":
            pattern = _SENTENCE_OPENER if pasted or i - start > _PLAIN_MAX else _SUBJECT_OPENER
            opener = pattern.search(text, start + _MIN_HEADING, i)
            return (opener.start(), True) if opener else (i + 1, False)
    return end, False


def _run_on_cut(text: str, candidate: _Candidate, end: int, family_ran_on: bool) -> int | None:
    """Where a pasted heading's body begins inside its first sentence, if the heading ran on into it.

    A blank between two Han characters is the lost line break itself, in a paste that shows its breaks
    as blanks; otherwise only a first sentence longer than any heading is searched, or any when the family
    already ran on.
    """
    if not candidate.pasted:
        return None
    # Imported here: its word patterns take 13 ms to compile, which a plan with line breaks never needs.
    from .runon import line_break_end, run_on_end

    stop = next((i for i in range(candidate.body, end) if text[i] in "。!?"), None)
    if stop is None:
        return None
    if candidate.blank_breaks and (blank := line_break_end(text, candidate.body, stop)) is not None:
        return blank
    if stop - candidate.body <= _PLAIN_MAX and not family_ran_on:
        return None
    return run_on_end(text, candidate.body, stop)


def _trimmed(text: str, start: int, end: int, trailing: str = "。;:") -> Span:
    """The span without surrounding whitespace and (for a heading) its closing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def _sentences(source: _Source, body: tuple[Span, ...], start: int, end: int) -> list[Sentence]:
    found = []
    for line_start, line_end in body:
        a, b = max(line_start, start), min(line_end, end)
        if a < b:
            found.extend(source.sentence(s, e) for s, e in sentence_spans(source.text, a, b))
    return found
