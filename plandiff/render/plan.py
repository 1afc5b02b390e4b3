"""A plan as a rich tree: metadata, then the outline."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Plan, counted


def metadata_table(plan: Plan) -> Table:
    meta = plan.metadata
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("slug", plan.slug), ("title", meta.shown_title), ("issuer", meta.issuer), ("place", meta.place),
        ("year", str(meta.year or "")), ("date", meta.date), ("document no.", meta.doc_number),
    ]
    for label, value in rows:
        table.add_row(label, value or Text("unknown", style="dim"))
    return table


def plan_tree(plan: Plan) -> Group:
    """Metadata, then the outline as a tree with markers, levels and sentence counts."""
    root = Tree(Text(plan.metadata.shown_title or plan.slug, style="bold"))
    nodes = {}
    for section in plan.sections:
        if section.level == 0:
            label = Text.assemble(("preamble", "italic"), (f"  {counted(len(section.sentences), 'sentence')}", "dim"))
        else:
            label = Text.assemble(
                (section.shown_marker, "bold magenta"), section.shown_heading,
                (f"  L{section.level} · {counted(len(section.sentences), 'sentence')}", "dim"),
            )
        parent = nodes.get(section.parent, root)
        nodes[section.id] = parent.add(label)
    return Group(metadata_table(plan), Text(""), root)


def known_plans_table(rows) -> Table:
    """`plandiff list`: (known plan, parsed plan or None, error or None) rows as a table."""
    table = Table("slug", "title", "place", "year", "size", "origin", box=None, header_style="bold")
    table.columns[1].overflow = "fold"
    for known, plan, error in rows:
        size = f"{known.path.stat().st_size / 1024:.1f} KB"
        if plan is None:
            table.add_row(known.slug, f"[unreadable: {error}]", "", "", size, known.origin)
        else:
            meta = plan.metadata
            table.add_row(known.slug, meta.shown_title, meta.place, str(meta.year or ""), size, known.origin)
    return table
