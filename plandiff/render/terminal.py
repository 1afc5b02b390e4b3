"""The rich terminal view of a comparison: summary first, then section by section."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..model import Comparison, Piece, Plan, Section, SectionChange, SectionRole, SentenceChange, counted
from .wrap import SignedLines, Wrapped

SIDE_BY_SIDE_WIDTH = 200
TARGET = "reverse"
DELETE = "bold red strike"
INSERT = "bold green underline"
STATUS_STYLE = {
    "added": "green", "removed": "red", "changed": "yellow", "moved": "cyan", "same": "dim",
    "matched": "bold", "split": "magenta", "merged": "magenta",
}
SIGN = {"added": "+", "removed": "-", "changed": "~", "moved": "↷", "same": " "}


@dataclass(frozen=True)
class ViewOptions:
    """What the reader asked to see; choosing what to show is all a renderer decides."""

    show_same: bool = False
    side_by_side: bool = False
    section: str = ""
    hide_routine: bool = False
    expand: bool = False
    plain_marks: bool = False  # no colour: mark edits as [-deleted-]{+inserted+}
    explain: bool = False  # under each pair, the parts of its score and the runner-up


TABLE_WIDTH = 80  # tables fit a standard terminal and stay readable when piped


def comparison_view(comparison: Comparison, options: ViewOptions = ViewOptions()) -> Group:
    parts: list[RenderableType] = [Text(comparison.title, style="bold"), Constrain(header(comparison), TABLE_WIDTH)]
    if comparison.digest:
        parts += [Text("\nKey changes", style="bold"), digest_view(comparison)]
    parts.append(summary_line(comparison))
    shown_targets = tuple(t for t in comparison.targets
                          if options.show_same or t.status != "same" or t.firmness_change)
    if shown_targets:
        from .targets import target_changes_table

        parts += [Text(""), Constrain(target_changes_table(shown_targets, options.plain_marks,
                                                           comparison.between_places), TABLE_WIDTH)]
    for row in comparison.sections:
        if options.section and not _heading_contains(row, options.section):
            continue
        parts.extend(section_view(row, options, comparison))
    if not comparison.differs:
        parts.append(Text("\nThe plans have no differences.", style="bold green"))
    return Group(*parts)


def header(comparison: Comparison) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 2))
    table.add_column("")
    table.add_column(f"old: {comparison.old.slug}", overflow="fold")
    table.add_column(f"new: {comparison.new.slug}", overflow="fold")
    old, new = comparison.old.metadata, comparison.new.metadata
    for label, a, b in (
        ("title", old.shown_title, new.shown_title), ("place", old.place, new.place),
        ("year", str(old.year or ""), str(new.year or "")), ("issuer", old.issuer, new.issuer),
        ("sections", str(comparison.summary.old_sections), str(comparison.summary.new_sections)),
    ):
        table.add_row(Text(label, style="dim"), a or "—", b or "—")
    return table


def digest_view(comparison: Comparison) -> SignedLines:
    """The digest's lines as a bulleted list that wraps with a hanging indent."""
    return SignedLines([(Text("•"), Text(line.text)) for line in comparison.digest])


def section_matches(comparison: Comparison, needle: str) -> bool:
    """Whether any section heading, old or new, contains the text (for --section)."""
    return any(_heading_contains(row, needle) for row in comparison.sections)


def summary_line(comparison: Comparison) -> Text:
    sections, sentences = comparison.summary.sections, comparison.summary.sentences
    text = Text("\nSections  ", style="bold")
    for status in ("matched", "added", "removed", "moved", "split", "merged"):
        text.append(f"{sections[status]} {status}", style=STATUS_STYLE.get(status, ""))
        text.append(" · " if status != "merged" else "\n")
    text.append("Sentences ", style="bold")
    for status in ("same", "changed", "added", "removed", "moved"):
        text.append(f"{sentences[status]} {status}", style=STATUS_STYLE.get(status, ""))
        text.append(" · " if status != "moved" else "")
    if sentences.get("routine"):
        text.append(f"  ({sentences['routine']} routine year changes)", style="dim")
    return text


def _heading_contains(row: SectionChange, needle: str) -> bool:
    return any(needle in section.heading or needle in section.shown_heading for section in (row.old, row.new) if section)


def section_label(section: Section, plan: Plan | None) -> str:
    """The section as the document numbers it, under its parents' markers: 三、 › （六）heading."""
    if plan is None or section.parent in (None, "0"):
        return section.title
    parents = [s.shown_marker.strip() or s.shown_heading[:12] for s in plan.path(section.id)[:-1] if s.level > 0]
    return " › ".join(parents + [section.title])


def _role_tag(section: Section, other: Section | None) -> str:
    """A top-level part's role, or any part's role when the pair crosses roles."""
    crosses = other is not None and other.role not in (section.role, SectionRole.OTHER)
    if section.role == SectionRole.OTHER or (section.level != 1 and not crosses):
        return ""
    return f" [{section.role}]"


def section_title(row: SectionChange, plain: bool = False, comparison: Comparison | None = None) -> Text:
    """`old heading ⇄ new heading` with the match score, status and move flags."""
    old_plan = comparison.old if comparison else None
    new_plan = comparison.new if comparison else None
    text = Text()
    if row.old and row.new:
        if row.old.id == "0":
            text.append("preamble")
        elif row.heading_diff:
            text.append(section_label(row.old, old_plan)[: -len(row.old.title) or None] + row.old.shown_marker)
            text.append_text(_heading_text(row.heading_diff, "old", plain))
            text.append(_role_tag(row.old, row.new), style="dim")
            text.append("  ⇄  ")
            text.append(section_label(row.new, new_plan)[: -len(row.new.title) or None] + row.new.shown_marker)
            text.append_text(_heading_text(row.heading_diff, "new", plain))
            text.append(_role_tag(row.new, row.old), style="dim")
        else:
            text.append(section_label(row.old, old_plan))
            text.append(_role_tag(row.old, row.new), style="dim")
            text.append(f"  ⇄  {section_label(row.new, new_plan)}")
            text.append(_role_tag(row.new, row.old), style="dim")
        text.append(f"   {row.status} {row.score:.2f} (heading {row.heading_score:.2f}, body {row.body_score:.2f})",
                    style="dim")
        if row.moved:
            text.append("  moved", style="cyan")
        if row.renumbered:
            text.append("  renumbered", style="dim")
    else:
        section = row.old or row.new
        sign = "+" if row.new else "-"
        label = section_label(section, old_plan if row.old else new_plan)
        text.append(f"{sign} {row.status} {label}{_role_tag(section, None)}", style=STATUS_STYLE[row.status])
        text.append(f"  ({counted(len(row.sentences), 'sentence')})", style="dim")
    return text


def explanation(row: SectionChange, comparison: Comparison | None = None) -> Text:
    """The parts of a pair's score: the content score the title shows, then the total the pairing used,
    each line adding up as printed, and the best pair the assignment turned down, named as sections are."""
    why = row.why
    text = Text("  why: ", style="dim")
    if why is None:
        return text.append("paired as the split or merge partner of a matched section" if row.old and row.new
                           else "no pair reached the threshold")
    indent = "\n       "
    content = (("heading", why.heading), ("body", why.body), ("size", why.size))
    text.append(f"content {row.score:.2f} = " + _sum_line(content, row.score))
    rest = (("content", row.score), ("role", why.role), ("tree", why.tree), ("order", why.order))
    text.append(f"{indent}total {why.total:.2f} = " + _sum_line(rest, why.total, fixed="content"))
    if why.alternative_old or why.alternative_new:
        old = _label(comparison.old if comparison else None, why.alternative_old)
        new = _label(comparison.new if comparison else None, why.alternative_new)
        text.append(f"{indent}runner-up {old}  ⇄  {new}  total {why.alternative_total:.2f}")
    if why.topic:
        text.append(f"{indent}paired on the shared topic {why.topic}")
    return text


def _sum_line(parts: tuple[tuple[str, float], ...], total: float, fixed: str = "") -> str:
    """`name +0.18 + name -0.02`, rounded to two places so the printed parts add up to the printed total.

    Each part is rounded on its own and the cents lost in rounding go to the parts that lost the most
    (largest remainder), so a reader adding the line gets the total; the fixed part is printed as shown above.
    """
    cents = {name: round(value * 100) for name, value in parts}
    missing = round(total * 100) - sum(cents.values())
    adjustable = sorted((name for name, _ in parts if name != fixed),
                        key=lambda name: -abs(dict(parts)[name] * 100 - cents[name]))
    for name in adjustable[:abs(missing)]:
        cents[name] += 1 if missing > 0 else -1
    shown = [f"{name} {cents[name] / 100:.2f}" if name == fixed else f"{name} {cents[name] / 100:+.2f}"
             for name, _ in parts]
    return " + ".join(shown)


def _label(plan: Plan | None, section_id: str) -> str:
    """A section as every other view names it (三、 › （六）强化…), or its id without the plan."""
    try:
        return section_label(plan.section(section_id), plan) if plan is not None else section_id
    except KeyError:
        return section_id


def section_view(row: SectionChange, options: ViewOptions, comparison: Comparison | None = None) -> list[RenderableType]:
    if not row.old or not row.new:
        lines: list[RenderableType] = [section_title(row, options.plain_marks, comparison)]
        if options.expand:
            lines.append(_sentence_lines(row.sentences, options, comparison))
        return lines
    shown = [s for s in row.sentences if _visible(s, options)]
    if not shown and not row.heading_diff and row.status == "matched" and not row.moved and not options.explain:
        return []
    parts: list[RenderableType] = [Text(""), Constrain(Rule(style="dim"), TABLE_WIDTH),
                                   section_title(row, options.plain_marks, comparison)]
    if options.explain and row.old.id != "0":
        parts.append(explanation(row, comparison))
    if options.side_by_side:
        heads = (f"old: {comparison.old.slug}", f"new: {comparison.new.slug}") if comparison else ("old", "new")
        parts.append(_side_by_side(shown, options, heads))
    elif shown:
        parts.append(_sentence_lines(shown, options, comparison))
    return parts


def _sentence_lines(sentences, options: ViewOptions, comparison: Comparison | None = None) -> SignedLines:
    """One row per sentence: its sign in a narrow column, the text wrapping with a hanging indent."""
    return SignedLines([(Text(SIGN[sentence.status], style=STATUS_STYLE[sentence.status]),
                         _sentence_text(sentence, options, comparison)) for sentence in sentences])


def _visible(sentence: SentenceChange, options: ViewOptions) -> bool:
    if sentence.status == "same":
        return options.show_same
    if sentence.routine and options.hide_routine:
        return False
    return True


def _sentence_text(sentence: SentenceChange, options: ViewOptions, comparison: Comparison | None = None) -> Text:
    status = sentence.status
    if status in ("changed", "moved"):
        text = _pieces_text(sentence.pieces, options.plain_marks)
    else:
        text = _pieces_text(sentence.pieces, True, {"removed": "red", "added": "green"}.get(status, "dim"))
    if status == "moved":
        where = "from" if sentence.arrived else "to"
        text.append(f"  (moved {where} § {_elsewhere(sentence, comparison)})", style="cyan")
    if sentence.routine:
        text.append("  (routine year change)", style="dim")
    return text


def _pieces_text(pieces, plain: bool, style: str = "") -> Text:
    """Deletions struck through, insertions underlined (or [-…-]{+…+} when plain), targets highlighted.

    With a style, the whole sentence is one colour and its edits are not marked (added, removed, same).
    """
    text = Text(style=style)
    for piece in pieces:
        chunk, piece_style = piece.text, ""
        if piece.op and not style:
            piece_style = DELETE if piece.op < 0 else INSERT
            if plain:
                chunk = f"[-{chunk}-]" if piece.op < 0 else f"{{+{chunk}+}}"
        lead = len(text) + (2 if plain and piece.op and not style else 0)  # past the [- or {+
        text.append(chunk, style=piece_style)
        if piece.target:
            text.stylize(TARGET, lead, lead + len(piece.text))
    return text


def _heading_text(diff, side: str, plain: bool) -> Text:
    kept = (-1, 0) if side == "old" else (0, 1)
    return _pieces_text([Piece(op, chunk) for op, chunk in diff if op in kept], plain)


def _elsewhere(sentence: SentenceChange, comparison: Comparison | None) -> str:
    """The section a moved sentence came from or went to, as the document numbers it."""
    if not sentence.elsewhere or sentence.elsewhere == "0":
        return "preamble"
    if comparison is None:
        return sentence.elsewhere
    plan = comparison.old if sentence.arrived else comparison.new
    try:
        return plan.label(sentence.elsewhere)
    except KeyError:
        return sentence.elsewhere


def _side_by_side(sentences: list[SentenceChange], options: ViewOptions, heads: tuple[str, str]) -> Constrain:
    table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("", no_wrap=True)
    table.add_column(heads[0], ratio=1)
    table.add_column(heads[1], ratio=1)
    for sentence in sentences:
        style = STATUS_STYLE[sentence.status]
        if sentence.status in ("changed", "moved"):
            left = _pieces_text(sentence.side("old"), options.plain_marks)
            right = _pieces_text(sentence.side("new"), options.plain_marks)
        else:
            left = _pieces_text(sentence.side("old"), True, style) if sentence.old else Text("")
            right = _pieces_text(sentence.side("new"), True, style) if sentence.new else Text("")
        table.add_row(Text(SIGN[sentence.status], style=style), Wrapped(left), Wrapped(right))
    # Two columns need a width to share; piped output has none, so they share a wide page's.
    return Constrain(table, SIDE_BY_SIDE_WIDTH)
