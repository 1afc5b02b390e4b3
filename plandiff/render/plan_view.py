"""Plans as a rich tree and as JSON."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Plan

PLAN_SCHEMA = "plandiff/plan@1"


def plan_to_dict(plan: Plan) -> dict:
    """The plan model as JSON-ready data, outline flattened in document order."""
    meta = plan.metadata
    return {
        "schema": PLAN_SCHEMA,
        "slug": plan.slug,
        "title": meta.title,
        "place": meta.place,
        "city": meta.city,
        "district": meta.district,
        "year": meta.year,
        "issuer": meta.issuer,
        "date": meta.date,
        "doc_number": meta.doc_number,
        "source": plan.source,
        "outline": [
            {
                "id": section.id,
                "level": section.level,
                "marker": section.marker,
                "heading": section.heading,
                "parent": section.parent,
                "sentences": [sentence.text for sentence in section.sentences],
                "spans": [[sentence.start, sentence.end] for sentence in section.sentences],
            }
            for section in plan.sections
        ],
    }


def metadata_table(plan: Plan) -> Table:
    meta = plan.metadata
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("slug", plan.slug), ("title", meta.title), ("issuer", meta.issuer), ("place", meta.place),
        ("year", str(meta.year or "")), ("date", meta.date), ("document no.", meta.doc_number),
    ]
    for label, value in rows:
        table.add_row(label, value or Text("unknown", style="dim"))
    return table


def plan_tree(plan: Plan) -> Group:
    """Metadata, then the outline as a tree with markers, levels and sentence counts."""
    root = Tree(Text(plan.metadata.title or plan.slug, style="bold"))
    nodes = {}
    for section in plan.sections:
        if section.level == 0:
            label = Text.assemble(("preamble", "italic"), (f"  {len(section.sentences)} sentences", "dim"))
        else:
            label = Text.assemble(
                (section.id, "cyan"), " ", (section.marker, "bold magenta"), section.heading,
                (f"  L{section.level} · {len(section.sentences)} sentences", "dim"),
            )
        parent = nodes.get(section.parent, root)
        nodes[section.id] = parent.add(label)
    return Group(metadata_table(plan), Text(""), root)
