"""Questions asked of a built index: shared passages, a target panel, coverage. SQL over the index, no I/O of its own."""

from __future__ import annotations

from ..model import TargetKind
from ..targets.indicators import ALIASES, alias_key, canonical_key, clean_indicator
from .index import CorpusIndex
from .reuse import Passage, PlanInfo, ReuseSettings, find_passages

MAIN_INDICATORS = ("rd-intensity", "high-tech-enterprises", "tech-contract-turnover", "invention-patents-per-10k",
                   "gdp-growth")


# Who speaks in a plan: its city (a district's plan counts as its city's: district detection is the noisier
# part of metadata, and a false district would make a city's own editions look like copies), else issuer.
OWNERS = "SELECT plan_id, coalesce(nullif(city, ''), nullif(issuer, ''), series) AS owner FROM plans"
EVIDENCE = "SELECT plan_id, count(DISTINCT position) AS evidence FROM sentence_bands GROUP BY plan_id"
CANDIDATES = f"""
WITH owned AS (SELECT b.*, o.owner FROM sentence_bands b JOIN ({OWNERS}) o USING (plan_id)),
buckets AS (SELECT band, bucket, count(DISTINCT owner) AS owners FROM owned GROUP BY band, bucket HAVING owners > 1),
boilerplate AS (SELECT DISTINCT plan_id, position FROM owned JOIN buckets USING (band, bucket) WHERE owners > ?),
shared AS (SELECT o.* FROM owned o JOIN buckets USING (band, bucket) WHERE owners <= ?
           AND (plan_id, position) NOT IN (SELECT (plan_id, position) FROM boilerplate)),
pairs AS (SELECT DISTINCT x.plan_id AS plan_a, x.position AS position_a, y.plan_id AS plan_b, y.position AS position_b
          FROM shared x JOIN shared y USING (band, bucket) WHERE x.owner < y.owner)
SELECT p.plan_a, p.position_a, sa.text, p.plan_b, p.position_b, sb.text FROM pairs p
JOIN sentences sa ON sa.plan_id = p.plan_a AND sa.position = p.position_a
JOIN sentences sb ON sb.plan_id = p.plan_b AND sb.position = p.position_b
"""


def trace_reuse(index: CorpusIndex, settings: ReuseSettings = ReuseSettings()) -> list[Passage]:
    """Find shared passages over the whole index and store them in `reuse` (replacing the last run's).

    A sentence whose LSH bucket holds more owners than the boilerplate limit (default: a tenth of the
    owners, at least 5) is said by everyone (the guiding-thought formula) and is not evidence of copying.
    A plan with no place read shares most of its sentences with its own other editions: those are not reuse.
    """
    plans = [
        PlanInfo(row["plan_id"], row["owner"], row["date"] or "", row["year"], bool(row["city"]), row["evidence"] or 0)
        for row in index.rows(f"SELECT o.plan_id, o.owner, p.date, p.year, p.city, e.evidence FROM ({OWNERS}) o "
                              f"JOIN plans p USING (plan_id) LEFT JOIN ({EVIDENCE}) e USING (plan_id)")
    ]
    limit = settings.boilerplate_owners or max(5, len({plan.owner for plan in plans}) // 10)
    _, candidates = index.query(CANDIDATES, [limit, limit])
    passages = find_passages(plans, candidates, settings)
    index.connection.execute("BEGIN TRANSACTION")
    index.clear("reuse")
    index.insert("reuse", [
        (p.plan_a, p.plan_b, p.a_first, p.a_last, p.b_first, p.b_last, p.sentences, p.chars, p.similarity,
         p.earlier_plan, p.text_a, p.text_b) for p in passages
    ])
    index.connection.execute("COMMIT")
    return passages


REUSE_LINKS = """
SELECT a.file_name AS file_a, a.slug AS slug_a, a.place AS place_a, a.year AS year_a,
       b.file_name AS file_b, b.slug AS slug_b, b.place AS place_b, b.year AS year_b,
       r.sentences, r.chars, r.similarity,
       CASE WHEN r.earlier_plan = r.plan_a THEN a.slug WHEN r.earlier_plan = r.plan_b THEN b.slug END AS first,
       r.a_first, r.a_last, r.b_first, r.b_last, r.text_a AS passage
FROM reuse r JOIN plans a ON a.plan_id = r.plan_a JOIN plans b ON b.plan_id = r.plan_b
ORDER BY r.chars DESC, r.similarity DESC, slug_a, slug_b, r.a_first
"""


def reuse_links(index: CorpusIndex, limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Stored passages with both plans named by file name and slug, longest first."""
    return index.query(REUSE_LINKS + (f" LIMIT {int(limit)}" if limit else ""))


def indicator_key(name: str) -> str:
    """The canonical key for an indicator as a user writes it: a key (rd-intensity), an alias or a phrase."""
    if name in ALIASES:
        return name
    cleaned = clean_indicator(name)
    for kind in TargetKind:
        key = alias_key(cleaned, kind) or alias_key(name, kind)
        if key:
            return key
    return canonical_key(cleaned, TargetKind.LEVEL)


PANEL = """
WITH firsts AS (
    SELECT *, row_number() OVER (PARTITION BY plan_id, kind, unit ORDER BY start) AS nth
    FROM targets WHERE key = ? AND tense = 'planned'
)
SELECT p.place, p.year, p.level, p.file_name, p.slug, t.indicator, t.kind, t.comparator, t.value, t.upper, t.unit,
       t.firmness, tc.status AS verdict, tc.delta, prev.year AS previous_year, t.text
FROM firsts t JOIN plans p ON p.plan_id = t.plan_id
LEFT JOIN comparisons c ON c.new_plan = p.plan_id AND c.mode = 'series'
LEFT JOIN target_changes tc ON tc.comparison_id = c.comparison_id AND tc.key = t.key AND tc.kind = t.kind
     AND tc.unit = t.unit AND tc.status <> 'dropped'
LEFT JOIN plans prev ON prev.plan_id = c.old_plan
WHERE t.nth = 1
ORDER BY p.place, p.year, t.kind, p.slug
"""


def targets_panel(index: CorpusIndex, indicator: str) -> tuple[str, list[str], list[tuple]]:
    """Place × year × value for one indicator, with the verdict against the series' previous edition."""
    key = indicator_key(indicator)
    columns, rows = index.query(PANEL, [key])
    return key, columns, rows


def corpus_summary(index: CorpusIndex) -> dict:
    """Counts of every table, and the year range."""
    counts = {table: index.count(table) for table in ("plans", "sentences", "targets", "comparisons", "reuse",
                                                       "errors")}
    _, rows = index.query("SELECT min(year), max(year), count(DISTINCT place), count(DISTINCT series) FROM plans")
    first, last, places, series = rows[0]
    return {**counts, "first_year": first, "last_year": last, "places": places, "series": series}


def coverage(index: CorpusIndex) -> tuple[list[int], list[tuple[str, dict[int, int]]]]:
    """Years, and for each place the number of plans it has in each year."""
    _, rows = index.query("SELECT coalesce(nullif(place, ''), '(national or unknown)') AS place, year, count(*) "
                          "FROM plans WHERE year IS NOT NULL GROUP BY ALL ORDER BY place, year")
    years = sorted({row[1] for row in rows})
    grid: dict[str, dict[int, int]] = {}
    for place, year, count in rows:
        grid.setdefault(place, {})[year] = count
    return years, sorted(grid.items())
