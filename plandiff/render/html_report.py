"""The self-contained HTML report: one file, inline CSS and script, every document string escaped.

The page is built from a jinja2 template with autoescape on; this module only shapes the finished
comparison into template-friendly rows (diff chunks with target marks), it does not compare anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..comparison import Comparison, SentenceChange
from .targets_view import VERDICT_LABEL, delta_text, value_text

LAYOUTS = ("side", "inline")


@dataclass(frozen=True)
class Piece:
    """A run of sentence text: kind is same, del or ins; target marks a target span."""

    text: str
    kind: str
    target: bool


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("plandiff", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(VERDICT_LABEL=VERDICT_LABEL, value_text=value_text, delta_text=delta_text)
    environment.filters["pieces"] = sentence_pieces
    environment.filters["heading_pieces"] = heading_pieces
    return environment


def _split(text: str, kind: str, marks, offset: int) -> list[Piece]:
    """Cut a chunk where target spans (in sentence offsets) begin and end."""
    cuts = {0, len(text)}
    for start, end in marks:
        for point in (start - offset, end - offset):
            if 0 < point < len(text):
                cuts.add(point)
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:]):
        inside = any(start - offset <= a and b <= end - offset for start, end in marks)
        pieces.append(Piece(text[a:b], kind, inside))
    return pieces


def sentence_pieces(change: SentenceChange, side: str) -> list[Piece]:
    """The pieces of one side ("old", "new") or of the inline redline ("both")."""
    if change.status in ("changed", "moved") and change.old and change.new and change.diff:
        pieces: list[Piece] = []
        old_pos = new_pos = 0
        for op, chunk in change.diff:
            if op < 0 and side in ("old", "both"):
                pieces += _split(chunk, "del", change.old_marks, old_pos)
            elif op > 0 and side in ("new", "both"):
                pieces += _split(chunk, "ins", change.new_marks, new_pos)
            elif op == 0:
                marks, position = (change.old_marks, old_pos) if side == "old" else (change.new_marks, new_pos)
                pieces += _split(chunk, "same", marks, position)
            old_pos += len(chunk) if op <= 0 else 0
            new_pos += len(chunk) if op >= 0 else 0
        return pieces
    sentence, marks = (change.old, change.old_marks) if side == "old" else (change.new, change.new_marks)
    if side == "both":
        sentence, marks = (change.new, change.new_marks) if change.new else (change.old, change.old_marks)
    if sentence is None:
        return []
    kind = {"added": "ins", "removed": "del"}.get(change.status, "same")
    return _split(sentence.text, kind, marks, 0)


def _page_label(comparison: Comparison) -> str:
    """The print footer's text; it sits inside a CSS string, so only safe characters pass."""
    return re.sub(r"[^\w\- →.]", "", f"{comparison.old.slug} → {comparison.new.slug}")


def heading_pieces(row, side: str) -> list[Piece]:
    """A matched row's heading on one side, with its word-level edits when the wording changed."""
    section = row.old if side == "old" else row.new
    if not row.heading_diff:
        return [Piece(section.heading or "Preamble", "same", False)]
    wanted = (-1, 0) if side == "old" else (0, 1)
    kinds = {-1: "del", 0: "same", 1: "ins"}
    return [Piece(chunk, kinds[op], False) for op, chunk in row.heading_diff if op in wanted]


def render_report(comparison: Comparison, layout: str = "side", options: str = "") -> str:
    """The whole report as one HTML string."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        c=comparison,
        page_label=_page_label(comparison),
        layout=layout if layout in LAYOUTS else "side",
        version=__version__,
        options=options,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def render_targets_report(comparison: Comparison, options: str = "") -> str:
    """The target comparison alone, as one HTML page."""
    template = _environment().get_template("targets.html.j2")
    return template.render(c=comparison, version=__version__, options=options, page_label=_page_label(comparison),
                           generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
