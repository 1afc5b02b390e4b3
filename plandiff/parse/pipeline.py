"""text → Plan: the pure parsing pipeline (fold width, split the page, read metadata, parse the outline)."""

from __future__ import annotations

import re

from ..model import Plan
from .metadata import read_metadata
from .outline import parse_outline
from .page import split_page
from .roles import assign_roles
from .text import compatibility_share, fold, visible

LONG_DOCUMENT = 40  # sentences: below this a plan may well have no headings
COMPATIBILITY_WARNING = 0.02  # share of Han characters

_BROKEN_LINE = re.compile(r"([^\s。!?;:”)\]]{20})(\n\s*\n?)(?=[\u4e00-\u9fff“(])")
_LONE_CHARACTER = re.compile(r"([\u4e00-\u9fff])(\n[ \t]*\n?[ \t]*)([\u4e00-\u9fff])(?=[ \t]*\n)")
# A sub- or superscript a web page put on its own line: PM / 2.5 / ）平均浓度, CO / 2 / 排放, 平方米 m / 2.
_SCRIPT_LINE = re.compile(r"(?<=[A-Za-z])(\n[ \t]*)([0-9.]{1,4})(\n[ \t]*)(?=\S)")
_MARKER_START = re.compile(r"^\s*([一二三四五六七八九十]+[、是]|\(|\d{1,2}[.、]|第)")
# A report's subtitle (——2017年2月11日在…会议上) is a whole line: the speaker's name below it is not its tail.
# A paragraph line that ends a sentence and then stops mid-clause (…扎实推进。推动 / 区域…协定 / (RCEP)生效)
# was cut by a page break, however short its tail: prose lines end at a stop, headings hold none.
_CUT_TAIL = re.compile(r"([。!?;][^\n。!?;:”)\]》]{1,40})(\n[ \t]*\n?[ \t]*)(?=[\u4e00-\u9fff“(《])")
_OUTLINE_MARKER = re.compile(r"^\s*([一二三四五六七八九十]+[、是]|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、]|第)")
# An indent: two or more blanks inside a line, at least one of them ideographic (U+3000) or no-break
# (U+00A0), as Word and web pages indent Chinese paragraphs; runs of ASCII spaces may align a table.
_INDENT = re.compile(r"(?<=\S)(?=[ \t\u3000\u00a0]*[\u3000\u00a0])[ \t\u3000\u00a0]{2,}(?=\S)")
_SUBTITLE = re.compile(r"^\s*[—―]+[^。]*在[^。]*上$")
_WHITESPACE = re.compile(r"\s+")
# Chinese typesetting never ends a line on an opening mark nor starts one on a closing mark or a comma, so
# a break there (建议 / 》,国务院编制了《 / 国民经济…纲要) was made by a page break, however short the line.
_BREAK_AT_MARK = re.compile(r"(?<=[《“‘(「『])(\n[ \t]*\n?[ \t]*)(?=\S)|(?<=\S)(\n[ \t]*\n?[ \t]*)(?=[》”’)」』,,、。;;::!?!?])")


def break_at_indents(source: str, folded: str) -> str:
    """Each indent inside a line of the source opens a new paragraph in folded; one character for one.

    A plan pasted as one paragraph keeps each paragraph's indent (two ideographic spaces) where its
    newline was; Chinese prose has no other use for such a run between words.
    """
    cuts = [match.start() for match in _INDENT.finditer(source)]
    if not cuts:
        return folded
    characters = list(folded)
    for cut in cuts:
        characters[cut] = "\n"
    return "".join(characters)


def mend_page_breaks(text: str) -> str:
    """Rejoin paragraphs a PDF page break cut mid-sentence (人\n\n民), keeping every offset.

    A long line that ends without punctuation and is followed by a line of plain text continues it;
    the newlines become spaces, so offsets still point into the source.
    """

    def join(match: re.Match) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        # A numbered line is a heading, and a numbered next line starts a new item: neither is a break.
        if _MARKER_START.match(text[line_start:line_start + 8]) or _MARKER_START.match(text[match.end():match.end() + 8]):
            return match.group(0)
        if _SUBTITLE.match(text[line_start:match.end(1)]):
            return match.group(0)
        return match.group(1) + " " * len(match.group(2))

    text = _SCRIPT_LINE.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
    text = _BREAK_AT_MARK.sub(lambda m: " " * len(m.group(0)), text)
    text = _BROKEN_LINE.sub(join, text)
    # A lone character on its own line is the tail of a word a break cut off (政府工作报 / 告).
    text = _LONE_CHARACTER.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3), text)

    def join_tail(match: re.Match) -> str:
        if _OUTLINE_MARKER.match(text[match.end():match.end() + 8]):
            return match.group(0)
        return match.group(1) + " " * len(match.group(2))

    for _ in range(3):  # a tail cut twice (推动 / 区域…协定 / (RCEP)) needs a second pass
        joined = _CUT_TAIL.sub(join_tail, text)
        if joined == text:
            break
        text = joined
    return text


def parse_plan(
    text: str, slug: str = "", source: str = "", pages: tuple[int, ...] = (), styled: tuple[tuple[int, int], ...] = ()
) -> Plan:
    """Parse decoded document text into a Plan. Pure: no I/O.

    Matching reads the folded text; sentences and headings also keep the document's own characters.
    `pages` holds the offsets where each page of a PDF begins, so each sentence knows its page;
    `styled` the (offset, level) of lines a DOCX styled as headings.
    """
    folded = mend_page_breaks(break_at_indents(text, fold(text)))
    # Controls and lone surrogates are never shown raw (a terminal would obey an ESC): visible() keeps lengths.
    shown = _with_whitespace_of(folded, visible(text))
    page = split_page(folded)
    body_text = "\n".join(folded[a:b] for a, b in page.body)
    metadata = read_metadata(folded, page, body_text, shown)
    sections = assign_roles(parse_outline(folded, page.body, shown, pages, styled), metadata.year)
    warnings = parse_warnings(text, sections)
    return Plan(slug=slug, source=source, metadata=metadata, sections=sections, text=folded, warnings=warnings)


def _with_whitespace_of(folded: str, source: str) -> str:
    """source's characters with folded's whitespace (the page mending rewrites a broken line's); same length."""
    parts, cursor = [], 0
    for match in _WHITESPACE.finditer(folded):  # runs of whitespace, not every character: a plan has 20,000
        parts += [source[cursor:match.start()], match.group()]
        cursor = match.end()
    parts.append(source[cursor:])
    return "".join(parts)


def parse_warnings(text: str, sections) -> tuple[str, ...]:
    """One line for each sign that the parse may be wrong; the plan is still parsed."""
    warnings = []
    total = sum(len(section.sentences) for section in sections)
    if total >= LONG_DOCUMENT and len(sections) <= 1:
        warnings.append(f"{total} sentences and no headings were recognised; the outline is one preamble")
    elif total >= LONG_DOCUMENT and sections and len(sections[0].sentences) > total / 2:
        warnings.append(
            f"the preamble holds {len(sections[0].sentences)} of {total} sentences; headings may have been missed"
        )
    share = compatibility_share(text)
    if share >= COMPATIBILITY_WARNING:
        warnings.append(
            f"{share:.0%} of the Han characters are compatibility look-alikes (⼯ for 工, as PDFs hold them); "
            "they were folded for matching"
        )
    return tuple(warnings)
