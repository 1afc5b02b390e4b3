"""Series views: blame, vocabulary shift and term frequency as rich tables, and the one HTML series page."""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import groupby

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..model import AgeBucket, Blame, BlameLine, History, Plan, SeriesReport, TermFrequency, Terms, counted

AGE_STYLES = ("bold green", "cyan", "blue", "magenta", "dim")  # new, 1 year, 2, 3, older


def edition_name(plan: Plan) -> str:
    return str(plan.metadata.year or plan.slug)


def age_text(age: int, at_least: bool) -> str:
    """new · 1y · ≥2y (≥ when the chain starts in the series' first edition: it may be older)."""
    if age == 0 and not at_least:
        return "new"
    return f"{'≥' if at_least else ''}{age}y"


def bucket_label(bucket: AgeBucket, blame: Blame) -> str:
    origin = next((edition_name(p) for p in blame.editions if p.slug == bucket.origin), bucket.origin)
    if bucket.age == 0 and not bucket.at_least:
        return f"new in {edition_name(blame.edition)}"
    return f"{'at least ' if bucket.at_least else ''}{counted(bucket.age, 'year')} old (since {origin})"


def blame_view(blame: Blame, plain: bool = False) -> Group:
    """An age column, the editions where the sentence changed, and the sentence; then the age profile."""
    table = Table(title=f"Blame of {blame.edition.slug} over {counted(len(blame.editions), 'edition')} "
                        f"({', '.join(edition_name(p) for p in blame.editions)})",
                  title_justify="left", title_style="bold", header_style="bold", box=None, padding=(0, 1))
    table.add_column("age", no_wrap=True)
    table.add_column("since", no_wrap=True)
    table.add_column("changed in", no_wrap=True)
    table.add_column("sentence", overflow="fold", ratio=1)
    years = {p.slug: edition_name(p) for p in blame.editions}
    for line in blame.lines:
        style = "" if plain else AGE_STYLES[min(line.age, len(AGE_STYLES) - 1)]
        table.add_row(Text(age_text(line.age, line.at_least), style=style), years.get(line.origin.edition, "?"),
                      ",".join(years.get(slug, slug) for slug in line.changed_in) or "—", line.sentence.text)
    return Group(table, Text(""), age_profile_table(blame))


def age_profile_table(blame: Blame) -> Table:
    total_sentences = sum(b.sentences for b in blame.ages) or 1
    total_characters = sum(b.characters for b in blame.ages) or 1
    table = Table(title=f"How old {blame.edition.slug} is", title_justify="left", title_style="bold",
                  header_style="bold", box=None, padding=(0, 1))
    for column in ("age", "sentences", "share", "characters", "share of text"):
        table.add_column(column, justify="left" if column == "age" else "right")
    for bucket in blame.ages:
        table.add_row(bucket_label(bucket, blame), str(bucket.sentences), f"{bucket.sentences / total_sentences:.0%}",
                      str(bucket.characters), f"{bucket.characters / total_characters:.0%}")
    return table


def terms_view(terms: Terms, limit: int = 15) -> Group:
    """Per edition: the most salient new and vanished terms, with their counts."""
    parts = []
    for shift in terms.shifts:
        table = Table(title=f"{shift.year or shift.edition}: {counted(shift.new_total, 'new term')}, {shift.vanished_total} vanished",
                      title_justify="left", title_style="bold", header_style="bold", box=None, padding=(0, 1))
        for column in ("new", "count", "vanished", "count "):
            table.add_column(column, justify="right" if column.startswith("count") else "left")
        for index in range(min(limit, max(len(shift.new), len(shift.vanished)))):
            new = shift.new[index] if index < len(shift.new) else None
            gone = shift.vanished[index] if index < len(shift.vanished) else None
            table.add_row(new.term if new else "", str(new.count) if new else "",
                          gone.term if gone else "", str(gone.count) if gone else "")
        parts += [table, Text("")]
    if not terms.shifts:
        parts.append(Text(f"{terms.series}: one edition only; new and vanished terms need two or more."))
    return Group(*parts)


def term_frequency_table(frequency: TermFrequency) -> Table:
    table = Table(title=f"“{frequency.term}” edition by edition", title_justify="left", title_style="bold",
                  header_style="bold", box=None, padding=(0, 1))
    for column in ("edition", "count", "per 10k chars", ""):
        table.add_column(column, justify="left" if column in ("edition", "") else "right")
    peak = max(frequency.counts, default=0) or 1
    for plan, count, rate in zip(frequency.editions, frequency.counts, frequency.per_10k):
        table.add_row(f"{edition_name(plan)} {plan.slug}", str(count), f"{rate:.2f}", "█" * round(20 * count / peak))
    return table


def term_chart(frequency: TermFrequency) -> str:
    from .history import line_chart

    labels = [edition_name(plan) for plan in frequency.editions]
    return line_chart(f"“{frequency.term}” per edition (count)", labels, [float(c) for c in frequency.counts],
                      [str(c) for c in frequency.counts], "count")


def _blame_sections(blame: Blame) -> list[tuple[str, list[BlameLine]]]:
    """Blame lines grouped under their section's place and heading, in document order."""
    plan = blame.edition
    grouped = []
    for section_id, lines in groupby(blame.lines, key=lambda line: line.section_id):
        section = plan.section(section_id)
        grouped.append((f"{section.marker}{section.heading}" if section.level else "Preamble", list(lines)))
    return grouped


def _once_rows(history: History | None) -> list:
    """Targets stated in one edition only: listed apart, so the recurring ones can be followed."""
    if history is None or len(history.editions) < 2:
        return []
    return [row for row in history.rows if sum(1 for cell in row.cells if cell.target) == 1]


def _size(plan: Plan) -> tuple[int, int]:
    sentences = [s.text for section in plan.sections for s in section.sentences]
    return len(sentences), sum(len(text) for text in sentences)


def series_page(title: str, report: SeriesReport | None = None, history: History | None = None,
                terms: Terms | None = None, frequency: TermFrequency | None = None, blame: Blame | None = None,
                editions: tuple[Plan, ...] = ()) -> str:
    """One self-contained page with whichever parts are given (autoescaped jinja2; charts are built from
    escaped text). The series report gives all four: editions, history, vocabulary and the age profile."""
    from .history import history_charts
    from .html import _environment

    if report is not None:
        history, terms, blame = report.history, report.terms, report.blame
        editions = report.series.editions
    template = _environment().get_template("series.html.j2")
    return template.render(
        title=title, editions=[(plan, *_size(plan)) for plan in editions], history=history, terms=terms, frequency=frequency, blame=blame,
        charts=history_charts(history) if history else {}, once_rows=_once_rows(history), term_chart=term_chart(frequency) if frequency else "",
        blame_sections=_blame_sections(blame) if blame else [], age_text=age_text, edition_name=edition_name,
        bucket_label=bucket_label, version=__version__,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )
