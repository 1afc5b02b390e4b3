"""The self-contained HTML report: one file, inline CSS and script, every document string escaped.

The page is built from a jinja2 template with autoescape on; this module only shapes the finished
comparison for the template; the pieces it shows were cut at target marks by the comparison itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime, timezone

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..model import COMPARATOR_SYMBOL, Comparison, Piece, Plan, SentenceChange, Target, agree, counted
from .targets import VERDICT_LABEL, delta_text, display_value, value_text, verdict_label

LAYOUTS = ("side", "inline")


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("plandiff.render", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(VERDICT_LABEL=VERDICT_LABEL, value_text=value_text, delta_text=delta_text,
                               verdict_label=verdict_label, COMPARATOR_SYMBOL=COMPARATOR_SYMBOL,
                               display_value=display_value, agree=agree, counted=counted)
    environment.filters["pieces"] = sentence_pieces
    environment.filters["heading_pieces"] = heading_pieces
    return environment


def sentence_pieces(change: SentenceChange, side: str) -> tuple[Piece, ...]:
    """The pieces of one side ("old", "new") or of the inline redline ("both")."""
    return change.pieces if side == "both" else change.side(side)


def _page_label(comparison: Comparison) -> str:
    """The print footer's text; it sits inside a CSS string, so only safe characters pass."""
    return re.sub(r"[^\w\- →.]", "", f"{comparison.old.slug} → {comparison.new.slug}")


def heading_pieces(row, side: str) -> list[Piece]:
    """A matched row's heading on one side, with its word-level edits when the wording changed."""
    section = row.old if side == "old" else row.new
    if not row.heading_diff:
        return [Piece(0, section.shown_heading or "Preamble")]
    wanted = (-1, 0) if side == "old" else (0, 1)
    return [Piece(op, chunk) for op, chunk in row.heading_diff if op in wanted]


class SourcePlaces:
    """Where a sentence sits in its source: its page for a PDF (when the sentence knows it), else its paragraph."""

    def __init__(self, plan: Plan):
        # Paragraphs are the non-blank lines of the decoded text, numbered from 1 as a reader counts them.
        self.starts = [match.start() for match in re.finditer(r"(?m)^[ \t\u3000]*\S", plan.text)]

    def __call__(self, sentence) -> str:
        page = getattr(sentence, "page", None)
        if page:
            return f"p. {page}"
        return f"¶{max(1, bisect_right(self.starts, sentence.start))}"


def render_report(comparison: Comparison, layout: str = "side", options: str = "") -> str:
    """The whole report as one HTML string."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        c=comparison,
        old_place=SourcePlaces(comparison.old),
        new_place=SourcePlaces(comparison.new),
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


def render_target_list(plan: Plan, targets: tuple[Target, ...], options: str = "") -> str:
    """One plan's targets as one HTML page."""
    template = _environment().get_template("target_list.html.j2")
    page_label = re.sub(r"[^\w\- →.]", "", plan.slug)
    return template.render(plan=plan, targets=targets, version=__version__, options=options, page_label=page_label,
                           generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
