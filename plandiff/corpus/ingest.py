"""The work one task does on a worker: read and parse one file, or compare a run of editions.

Tasks return plain rows (tuples in the index's column order), so results travel cheaply between
processes and never carry a whole Plan back. A task never raises: a failure is an `errors` row.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlandiffError
from ..model import Comparison, Metadata, Plan, Section, Sentence
from ..sources.library import PLAN_SUFFIXES

Rows = dict[str, list[tuple]]
_YEARS = re.compile(r"(19|20)\d{2}\s*[-—至到]?\s*((19|20)\d{2})?\s*年度?")
_LEVEL_WORDS = (("district", "区县旗"), ("city", "市州盟"), ("province", "省"))


@dataclass(frozen=True)
class TaskResult:
    """One task's rows for each table, and the CPU seconds it took (wall time varies with the machine's load)."""

    rows: Rows = field(default_factory=dict)
    seconds: float = 0.0


def plan_files(folder: Path) -> list[Path]:
    """Every plan file under folder, in a stable order (hidden files and folders skipped)."""
    folder = Path(folder)
    if not folder.is_dir():
        from ..errors import InputError

        raise InputError(f"{folder}: not a folder; give the folder that holds the plans")
    return sorted(
        path for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in PLAN_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def content_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def level_of(metadata: Metadata) -> str:
    """national, province, city or district: from the place the metadata names and the issuer's words."""
    if metadata.district:
        return "district"
    place = metadata.place or ""
    for level, endings in _LEVEL_WORDS:
        if place.endswith(tuple(endings)):
            return level
    if metadata.city:
        return "province" if re.search(rf"{re.escape(metadata.city)}省", metadata.issuer + metadata.title) else "city"
    if "国务院" in metadata.issuer or "国务院" in metadata.title or not place:
        return "national" if ("国务院" in metadata.issuer + metadata.title or "政府工作报告" in metadata.title) else ""
    return ""


# An issuer that heads its title is the plan's field (市科技局2024年工作要点 is a 科技工作要点); a government
# or a 全市 adds nothing. A 工作总结和…工作计划 is keyed by the plan it ends with.
_TITLE_ORGAN = re.compile(r"^[省市区县]?(?:科学技术局|科技局|科学技术委员会|科委)")
_TITLE_FILLER = re.compile(r"^[省市区县]?(?:人民政府|政府)(?!工作报告)|全[省市区县]|本[省市区县]")
_SUMMARY_AND = re.compile(r"^(.*?)工作总结和(?=.*(?:计划|要点)$)")


def series_of(metadata: Metadata) -> str:
    """One issuer's recurring plan: its place and its title with years, place and organ taken out
    (全国·政府工作报告, 武汉·科技工作要点 for both 武汉市2024年科技工作要点 and 市科技局2024年工作要点)."""
    title = _YEARS.sub("", metadata.title or "").strip(" 《》")
    for name in (metadata.city + "市", metadata.city, metadata.district + "区", metadata.district):
        if len(name) >= 2:
            title = title.replace(name, "")
    title = _SUMMARY_AND.sub(r"\1", _TITLE_FILLER.sub("", title))
    if _TITLE_ORGAN.match(title):
        title = _TITLE_ORGAN.sub("", title)
        title = title if title.startswith("科技") else "科技" + title
    place = metadata.place or ("全国" if level_of(metadata) == "national" else "?")
    return f"{place}·{title or '?'}"


def index_file(path: str, slug: str) -> TaskResult:
    """Read, parse and extract targets from one file: rows for plans, sections, sentences and targets."""
    started = time.process_time()
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return _failed(path, "", "build", f"cannot read ({error.strerror})", started)
    plan_id = hashlib.sha256(data).hexdigest()
    try:
        plan, document = _parse(data, slug, path)
        from ..targets.extract import extract_targets

        targets = extract_targets(plan)
    except PlandiffError as error:
        return _failed(path, plan_id, "build", _one_line(error), started)
    except Exception as error:  # a parser bug on one odd file must not end a run over thousands
        return _failed(path, plan_id, "build", f"{type(error).__name__}: {_one_line(error)}", started)
    rows = plan_rows(plan, plan_id, targets)
    from .reuse import sentence_bands

    rows["sentence_bands"] = sentence_bands(plan_id, [(row[1], row[3]) for row in rows["sentences"]])
    seconds = time.process_time() - started
    meta = plan.metadata
    rows["plans"] = [(
        plan_id, str(path), Path(path).name, slug, document.kind, document.encoding, meta.title, meta.issuer,
        meta.place, meta.city, meta.district, level_of(meta), meta.year, meta.date, meta.doc_number,
        series_of(meta), len(plan.text), len(plan.sections), len(rows["sentences"]), len(targets), seconds,
        plan.text,
    )]
    return TaskResult(rows, seconds)


def plan_rows(plan: Plan, plan_id: str, targets) -> Rows:
    """Sections, sentences and targets of a parsed plan as index rows (sentence positions in document order)."""
    sections, sentences = [], []
    for position, section in enumerate(plan.sections):
        sections.append((plan_id, section.id, section.parent, position, section.level, section.marker,
                         section.heading, plan.label(section.id), len(section.sentences), section.start,
                         section.kind))
        for sentence in section.sentences:
            sentences.append((plan_id, len(sentences), section.id, sentence.text, sentence.start, sentence.end))
    target_rows = [
        (plan_id, t.id, t.indicator, t.key, t.comparator, t.value, t.upper, t.unit, str(t.kind), str(t.firmness),
         str(t.tense), t.section_id, t.text, t.sentence, t.start)
        for t in targets
    ]
    return {"sections": sections, "sentences": sentences, "targets": target_rows}


def compare_run(editions: list[tuple[str, Plan]], mode: str, series: str) -> TaskResult:
    """Compare each neighbouring pair of editions, given as (plan_id, Plan) in order: one task per run."""
    started = time.process_time()
    from ..diff.pipeline import compare

    rows: Rows = {"comparisons": [], "section_pairs": [], "target_changes": [], "errors": []}
    for (old_id, old), (new_id, new) in zip(editions, editions[1:]):
        pair_started = time.process_time()
        try:
            comparison = compare(old, new)
        except Exception as error:  # one bad pair must not end the run
            rows["errors"].append((new.source, new_id, "compare", f"{type(error).__name__}: {_one_line(error)}"))
            continue
        for table, new_rows in comparison_rows(
                comparison, old_id, new_id, mode, series, time.process_time() - pair_started).items():
            rows[table].extend(new_rows)
    return TaskResult(rows, time.process_time() - started)


def plan_from_rows(plan: dict, sections: list[dict], sentences: list[dict]) -> Plan:
    """The Plan an index holds, rebuilt exactly as parsing made it, so compare needs no second parse."""
    by_section: dict[str, list[Sentence]] = {}
    for row in sentences:
        by_section.setdefault(row["section_id"], []).append(Sentence(row["text"], row["start"], row["stop"]))
    outline = tuple(
        Section(row["section_id"], row["level"], row["marker"], row["heading"],
                tuple(by_section.get(row["section_id"], ())), row["parent_id"], row["start"], row["kind"])
        for row in sections
    )
    metadata = Metadata(plan["title"], plan["issuer"], plan["place"], plan["city"], plan["district"], plan["year"],
                        plan["date"], plan["doc_number"])
    return Plan(plan["slug"], plan["path"], metadata, outline, plan["text"])


def comparison_rows(comparison: Comparison, old_id: str, new_id: str, mode: str, series: str,
                    seconds: float) -> Rows:
    """A comparison's summary, aligned section pairs and target verdicts as index rows."""
    comparison_id = f"{old_id[:16]}-{new_id[:16]}"
    summary = comparison.summary
    sections, sentences = summary.sections, summary.sentences
    changed_targets = sum(1 for change in comparison.targets if change.status != "same")
    head = (
        comparison_id, old_id, new_id, mode, series, comparison.old.metadata.year, comparison.new.metadata.year,
        sections.matched, sections.added, sections.removed, sections.split, sections.merged, sections.moved,
        sentences.same, sentences.changed, sentences.added, sentences.removed, sentences.moved, sentences.routine,
        changed_targets, comparison.differs, seconds,
    )
    pairs = [
        (comparison_id, position, str(row.status), row.old.id if row.old else None, row.new.id if row.new else None,
         row.old.heading if row.old else None, row.new.heading if row.new else None, row.score, row.moved,
         row.count("changed"), row.count("added"), row.count("removed"))
        for position, row in enumerate(comparison.sections)
    ]
    changes = []
    for change in comparison.targets:
        either = change.new or change.old
        changes.append((
            comparison_id, str(change.status), change.indicator, either.key, str(either.kind), either.unit,
            change.old.value if change.old else None, change.new.value if change.new else None, change.delta,
            change.firmness_change, change.old.text if change.old else None, change.new.text if change.new else None,
        ))
    return {"comparisons": [head], "section_pairs": pairs, "target_changes": changes}


def _parse(data: bytes, slug: str, path: str):
    """Decode and parse through the sources layer, without the on-disk cache (a worker has no business there)."""
    from ..parse.pipeline import parse_plan
    from ..sources.reading import read_bytes

    document = read_bytes(data, name=path)
    return parse_plan(document.text, slug=slug, source=path), document


def _failed(path: str, plan_id: str, stage: str, reason: str, started: float) -> TaskResult:
    return TaskResult({"errors": [(str(path), plan_id, stage, reason)]}, time.process_time() - started)


def _one_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
