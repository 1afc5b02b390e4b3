"""The Word redline: the new plan as a .docx whose changes are real tracked revisions (python-docx).

Every edit is a w:ins or w:del run with author plandiff and a date, so Word's and LibreOffice's Review
pane step through them and accept or reject each. A first page carries the digest and the targets.
This is the one module that imports python-docx; it only walks the pieces the comparison made.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

from ..model import Comparison, Piece, Plan, SectionChange, Sentence, SentenceChange
from .targets import delta_text, value_text, verdict_label

AUTHOR = "plandiff"
EAST_ASIAN_FONT = "宋体"  # Word's default Chinese serif; LibreOffice substitutes an installed one
MAX_HEADING_LEVEL = 9
# Headings at the end of a chain that stay on the page of its first body paragraph: 一、 › （一） › 1. and the
# text. Word's styles keep every heading with the next, so a chain of ten empty headings (a goal list
# written as items) all moved to the next page and left the page before part blank.
KEPT_CHAIN = 3
PLAN_HEADING = "The new plan, with changes tracked"


class _Revisions:
    """Numbers each tracked revision, as Word requires unique w:id values."""

    def __init__(self, date: str):
        self.date = date
        self.next_id = 1

    def mark(self, tag: str):
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element


def redline_docx(comparison: Comparison, date: datetime | None = None) -> bytes:
    """The new plan with tracked insertions and deletions against the old one, as .docx bytes."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document = Document()
    stamp = (date or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    revisions = _Revisions(stamp)
    normal = document.styles["Normal"]
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    for page in document.sections:  # A4, the paper of Chinese government documents
        page.page_width, page.page_height = Mm(210), Mm(297)
        page.left_margin = page.right_margin = Mm(22)
        page.top_margin = page.bottom_margin = Mm(20)
    document.core_properties.author = AUTHOR
    document.core_properties.title = comparison.title

    _first_page(document, comparison)
    # The plan follows under a heading of its own, on the same page: a page break before it left page 2
    # nearly blank whenever the targets table ran a few rows past page 1 (5 of 7 seed and corpus pairs).
    document.add_heading(PLAN_HEADING, level=1)
    first_body = len(document.paragraphs)
    headed: set[str] = set()  # new sections whose heading is written: merged rows share one
    for row in comparison.sections:
        _section(document, row, comparison, revisions, headed)
    _keep_chain_ends_with_their_text(document.paragraphs[first_body:])
    _track_whole_paragraphs(document.paragraphs[first_body:-1], revisions)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _first_page(document, comparison: Comparison) -> None:
    document.add_heading(comparison.title, level=0)
    old, new = comparison.old, comparison.new
    document.add_paragraph(f"Old: {old.metadata.shown_title or old.slug} ({old.slug}) · New: {new.metadata.shown_title or new.slug}"
                           f" ({new.slug}). The text that follows is the new plan; each change against the old plan "
                           "is a tracked revision by plandiff (Review › Accept or Reject).")
    if comparison.digest:
        document.add_heading("Key changes", level=1)
        for line in comparison.digest:
            document.add_paragraph(line.text, style="List Bullet")
    changes = [change for change in comparison.targets if change.status != "same"]
    document.add_heading("Targets", level=1)
    if not changes:
        document.add_paragraph("No target changed.")
        return
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm(w) for w in (66, 26, 26, 22, 26)]
    for cell, title in zip(table.rows[0].cells, ("Indicator", "Old", "New", "Delta", "Verdict")):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    for change in changes:
        cells = table.add_row().cells
        values = (change.indicator, value_text(change.old), value_text(change.new), delta_text(change),
                  verdict_label(change.status, comparison.between_places))
        for cell, value in zip(cells, values):
            cell.text = value
    for column, width in zip(table.columns, widths):
        column.width = width  # LibreOffice reads the grid; Word reads the cells
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _section(document, row: SectionChange, comparison: Comparison, revisions: _Revisions, headed: set[str]) -> None:
    section = row.new or row.old
    if section.level > 0:
        paragraph = document.add_paragraph(style=f"Heading {min(section.level, MAX_HEADING_LEVEL)}")
        if row.old and row.new and row.new.id in headed:
            # Another old section merged into this new one: its heading already stands; accepting every
            # revision must give the new plan, so this row's old heading is only a deletion.
            _runs(paragraph, [Piece(-1, row.old.title)], revisions)
        elif row.old and row.new:
            diff = row.heading_diff or ((0, row.new.shown_heading),)
            _runs(paragraph, [Piece(0, row.new.shown_marker)] + [Piece(op, text) for op, text in diff], revisions)
        else:
            op = 1 if row.new else -1
            _runs(paragraph, [Piece(op, section.title)], revisions)
        if row.new:
            headed.add(row.new.id)
    paragraph = None
    previous: Sentence | None = None
    plan = comparison.new
    for change in row.sentences:
        if paragraph is None or _new_paragraph(plan, previous, change):
            paragraph = document.add_paragraph()
        _runs(paragraph, _sentence_pieces(change), revisions)
        if change.new is not None and _shown_on_new_side(change):
            previous = change.new


def _keep_chain_ends_with_their_text(paragraphs) -> None:
    """Each run of headings keeps only its last KEPT_CHAIN headings with the text below; the rest may break."""
    chain = []
    for paragraph in paragraphs + [None]:
        # The style id (Heading2), not paragraph.style: python-docx looks that up among every style, and
        # for a paragraph with none, scans them all for the default (150 ms over a national redline).
        if paragraph is not None and (paragraph._p.style or "").startswith("Heading"):
            chain.append(paragraph)
            continue
        for position, heading in enumerate(chain):
            # A chain at the very end has no text to keep with; it is set explicitly, as the style says yes.
            heading.paragraph_format.keep_with_next = paragraph is not None and position >= len(chain) - KEPT_CHAIN
        chain = []


def _track_whole_paragraphs(paragraphs, revisions: _Revisions) -> None:
    """A paragraph that is all inserted (or all deleted) has its mark tracked too, as Word does it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    # Otherwise Accept All left each removed heading and sentence as an empty paragraph (65 of 121 in
    # qingdao-2018 -> wuhan-2014), and Reject All each added one. The caller leaves out the document's
    # last paragraph: its mark ends the document and cannot go.
    for paragraph in paragraphs:
        kinds = {child.tag for child in paragraph._p if child.tag != qn("w:pPr")}
        for tag in ("w:ins", "w:del"):
            if kinds == {qn(tag)}:
                marks = OxmlElement("w:rPr")  # pPr's last child here: only pStyle and keepNext come before it
                marks.append(revisions.mark(tag))
                paragraph._p.get_or_add_pPr().append(marks)


def _shown_on_new_side(change: SentenceChange) -> bool:
    return change.status != "moved" or change.arrived


def _sentence_pieces(change: SentenceChange) -> tuple[Piece, ...]:
    """What the new plan's reader sees for one sentence: edits inside it, or the whole of it in or out."""
    if change.status == "moved":
        text = (change.new if change.arrived else change.old).text
        return (Piece(1 if change.arrived else -1, text),)
    if change.status in ("added", "removed") or not change.pieces:
        sentence = change.new or change.old
        op = {"added": 1, "removed": -1}.get(str(change.status), 0)
        return tuple(Piece(op, p.text, p.target) for p in change.pieces) or (Piece(op, sentence.text),)
    return change.pieces


def _new_paragraph(plan: Plan, previous: Sentence | None, change: SentenceChange) -> bool:
    """A new sentence that a line break in the new plan's text separates from the one before."""
    if previous is None or change.new is None or not _shown_on_new_side(change):
        return False
    return "\n" in plan.text[previous.end:change.new.start]


def _runs(paragraph, pieces, revisions: _Revisions) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for piece in pieces:
        if not piece.text:
            continue
        run = OxmlElement("w:r")
        if piece.target:
            properties = OxmlElement("w:rPr")
            highlight = OxmlElement("w:highlight")
            highlight.set(qn("w:val"), "yellow")
            properties.append(highlight)
            run.append(properties)
        text = OxmlElement("w:delText" if piece.op < 0 else "w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = piece.text
        run.append(text)
        if piece.op == 0:
            paragraph._p.append(run)
        else:
            wrapper = revisions.mark("w:del" if piece.op < 0 else "w:ins")
            wrapper.append(run)
            paragraph._p.append(wrapper)
