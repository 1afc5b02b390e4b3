"""DOCX → text with python-docx: paragraphs and tables in document order, as the reader sees them.

Word's automatic numbering (numbering.xml) is rendered into the text (一、 （一） 1.), since official
templates number their headings that way and the outline needs the markers. Tracked changes are read as
accepted, and the caller is told so.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from ..errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class DocxText:
    text: str
    warnings: tuple[str, ...]
    styled: tuple[tuple[int, int], ...] = ()  # (offset of the first character, level) of Heading 1–3 lines


def docx_text(data: bytes, name: str) -> DocxText:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable DOCX file ({error}); re-save it from Word or WPS") from error
    numbering = _Numbering(document)
    lines: list[str] = []
    styled: list[tuple[int, int]] = []
    heading_levels = _heading_styles(document)
    offset = 0
    for block in document.element.body.iterchildren():
        if block.tag == _W + "p":
            line = numbering.marker(block) + _paragraph_text(block)
            level = heading_levels.get(_style_id(block))
            if level and line.strip():
                styled.append((offset + len(line) - len(line.lstrip()), level))
            lines.append(line)
            offset += len(line) + 1
        elif block.tag == _W + "tbl":
            rows = _table_lines(block)
            lines.extend(rows)
            offset += sum(len(row) + 1 for row in rows)
    warnings = ()
    body = document.element.body
    if any(True for tag in ("ins", "del", "moveFrom", "moveTo") for _ in body.iter(_W + tag)):
        warnings = ("the DOCX has tracked changes; they were read as accepted",)
    return DocxText("\n".join(lines), warnings, tuple(styled))


def _style_id(paragraph) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(_W + "val") if style is not None else None


def _heading_styles(document) -> dict[str, int]:
    """Paragraph styles that mark headings: Heading 1–3 (whatever their id) and their outline level."""
    levels = {}
    for style in document.styles.element.iter(_W + "style"):
        name = style.find(_W + "name")
        match = re.fullmatch(r"heading ([1-3])", (name.get(_W + "val") if name is not None else "").lower())
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if match:
            levels[style.get(_W + "styleId")] = int(match.group(1))
        elif outline is not None and outline.get(_W + "val", "9").isdigit() and int(outline.get(_W + "val")) < 3:
            levels[style.get(_W + "styleId")] = int(outline.get(_W + "val")) + 1
    return levels


def _paragraph_text(paragraph) -> str:
    """The accepted text: inserted runs kept, deleted and moved-away runs left out."""
    parts = []
    for element in paragraph.iter(_W + "t", _W + "tab", _W + "br"):
        if any(ancestor.tag in (_W + "del", _W + "moveFrom") for ancestor in element.iterancestors()):
            continue
        parts.append(element.text or "" if element.tag == _W + "t" else ("\t" if element.tag == _W + "tab" else "\n"))
    return "".join(parts)


def _table_lines(table) -> list[str]:
    """One line per row, cells separated by spaces: targets often sit in tables."""
    lines = []
    for row in table.iter(_W + "tr"):
        cells = []
        for cell in row.iterchildren(_W + "tc"):
            cells.append("".join(_paragraph_text(p) for p in cell.iterchildren(_W + "p")).strip())
        if any(cells):
            lines.append(" ".join(cells))
    return lines


class _Numbering:
    """Word's list numbering: counters per list and level, rendered with each level's format."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, dict]] = {}  # abstractNumId → level → {start, fmt, text}
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.styles = _style_numbering(document)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iter(_W + "abstractNum"):
            levels = {}
            for level in abstract.iter(_W + "lvl"):
                levels[int(level.get(_W + "ilvl", "0"))] = {
                    "start": int(_value(level, "start") or 1),
                    "fmt": _value(level, "numFmt") or "decimal",
                    "text": _value(level, "lvlText") or "",
                }
            self.levels[abstract.get(_W + "abstractNumId")] = levels
        for num in root.iter(_W + "num"):
            abstract = _value(num, "abstractNumId")
            overrides = {
                int(override.get(_W + "ilvl", "0")): int(_value(override, "startOverride"))
                for override in num.iter(_W + "lvlOverride") if _value(override, "startOverride")
            }
            self.lists[num.get(_W + "numId")] = (abstract, overrides)

    def marker(self, paragraph) -> str:
        """The number Word shows before this paragraph, or "" for an unnumbered one."""
        num_id, level = self._reference(paragraph)
        if num_id is None or num_id not in self.lists:
            return ""
        abstract, overrides = self.lists[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        if num_id not in self.counters:  # a list's first paragraph: honour its start overrides
            self.counters[num_id] = {}
            self._shared(abstract, num_id, overrides)
        counters = self.counters[num_id]
        counters[level] = counters.get(level, levels[level]["start"] - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]  # a higher level restarts the levels below it
        return re.sub(
            r"%(\d)",
            lambda m: _format(counters.get(int(m.group(1)) - 1, 1), levels.get(int(m.group(1)) - 1, {}).get("fmt", "decimal")),
            levels[level]["text"],
        )

    def _shared(self, abstract: str, num_id: str, overrides: dict[int, int]) -> None:
        """Lists built on one abstract numbering continue each other unless one restarts."""
        sibling = next((k for k in self.counters if k != num_id and self.lists[k][0] == abstract), None)
        if sibling is not None and not overrides:
            self.counters[num_id] = self.counters[sibling]
        for level, start in overrides.items():
            self.counters[num_id][level] = start - 1

    def _reference(self, paragraph) -> tuple[str | None, int]:
        properties = paragraph.find(_W + "pPr")
        num_pr = properties.find(_W + "numPr") if properties is not None else None
        if num_pr is None and properties is not None:
            style = properties.find(_W + "pStyle")
            if style is not None and style.get(_W + "val") in self.styles:
                return self.styles[style.get(_W + "val")]
        if num_pr is None:
            return None, 0
        return _value(num_pr, "numId"), int(_value(num_pr, "ilvl") or 0)


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Styles that carry numbering themselves (a numbered Heading 1): style id → (numId, level)."""
    found = {}
    for style in document.styles.element.iter(_W + "style"):
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None and _value(num_pr, "numId"):
            found[style.get(_W + "styleId")] = (_value(num_pr, "numId"), int(_value(num_pr, "ilvl") or 0))
    return found


def _value(element, tag: str) -> str | None:
    child = element.find(_W + tag)
    return child.get(_W + "val") if child is not None else None


def _format(number: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt in ("ideographTraditional", "taiwaneseCounting", "ideographDigital"):
        return _chinese(number)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= number <= len(_CIRCLED):
        return _CIRCLED[number - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalFullWidth":
        return str(number).translate({code: code + 0xFEE0 for code in range(0x30, 0x3A)})
    return str(number)


def _chinese(number: int) -> str:
    """一 … 九十九 as Chinese documents count their headings."""
    if number < 10:
        return _DIGITS[number]
    tens, ones = divmod(number, 10)
    if tens >= 10:
        return str(number)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out
