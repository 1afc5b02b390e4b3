"""Build and compare a corpus: choose the work, run it on the cluster, write each result as it arrives."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cluster import Execution, run
from .index import CorpusIndex
from ..model import Plan
from .ingest import TaskResult, compare_run, content_hash, index_file, plan_files, plan_from_rows

Progress = Callable[[int, int], None]  # (done, total)
WRITE_BATCH = 25  # plans per write to the index


@dataclass(frozen=True)
class RunReport:
    """What a build or compare run did: tasks run, skipped and failed, and the wall time in seconds."""

    done: int
    skipped: int
    failed: int
    seconds: float
    where: str
    items: int = 0  # plans indexed, or comparisons made

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def build(folder: Path, index: CorpusIndex, execution: Execution, progress: Progress | None = None) -> RunReport:
    """Index every plan file under folder not yet indexed (by content hash); bad files go to `errors`."""
    started = time.perf_counter()
    folder = Path(folder).resolve()
    index.clear("errors", "stage = 'build'")  # files that failed before are tried again, and recorded again
    known = index.indexed_hashes()
    jobs, skipped, seen = [], 0, set()
    for path in plan_files(folder):
        try:
            digest = content_hash(path)
        except OSError as error:
            index.insert("errors", [(str(path), "", "build", f"cannot read ({error.strerror})")])
            continue
        if digest in known or digest in seen:  # already indexed, or a byte-identical copy in this run
            skipped += 1
            continue
        seen.add(digest)
        jobs.append((str(path), _slug(path, folder)))
    done = failed = 0
    pending: dict[str, list[tuple]] = {}
    waiting = 0
    for args, result in run(index_file, jobs, execution):
        result = _as_result(result, args[0], "build")
        failed += bool(result.rows.get("errors"))
        done += 1
        for table, rows in result.rows.items():
            pending.setdefault(table, []).extend(rows)
        waiting += 1
        # Written in batches (one write per plan cost 0.2 s of the single writer's time); a plan is whole
        # in the index or absent, so an interrupted run loses at most one batch and resumes from there.
        if waiting >= WRITE_BATCH or done == len(jobs):
            index.insert_all(pending)
            pending, waiting = {}, 0
        if progress:
            progress(done, len(jobs))
    if pending:
        index.insert_all(pending)
    return RunReport(done, skipped, failed, time.perf_counter() - started, execution.describe(), done - failed)


def compare(index: CorpusIndex, execution: Execution, across_places: bool = False, year: int | None = None,
            progress: Progress | None = None) -> RunReport:
    """Compare consecutive editions of every series (or, across places, same-year plans); pairs done are skipped."""
    started = time.perf_counter()
    runs = across_place_runs(index, year) if across_places else series_runs(index)
    done_pairs = {row[0] for row in index.query("SELECT comparison_id FROM comparisons")[1]}
    todo, skipped = [], 0
    for plan_ids, mode, series in runs:
        pairs = [_pair_id(a, b) for a, b in zip(plan_ids, plan_ids[1:])]
        if all(pair in done_pairs for pair in pairs):
            skipped += len(pairs)
        else:
            todo.append((plan_ids, mode, series))

    def jobs():  # plans are rebuilt from the index only when their task is about to be submitted
        for plan_ids, mode, series in todo:
            plans = load_plans(index, plan_ids)
            yield [(plan_id, plans[plan_id]) for plan_id in plan_ids], mode, series

    done = failed = compared = 0
    for args, result in run(compare_run, jobs(), execution):
        result = _as_result(result, args[0][-1][1].source, "compare")
        fresh = {row[0] for row in result.rows.get("comparisons", []) if row[0] not in done_pairs}
        done_pairs.update(fresh)
        index.insert_all({table: [row for row in rows if table == "errors" or row[0] in fresh]
                          for table, rows in result.rows.items()})
        compared += len(fresh)
        failed += len(result.rows.get("errors", []))
        done += 1
        if progress:
            progress(done, len(todo))
    return RunReport(done, skipped, failed, time.perf_counter() - started, execution.describe(), compared)


def load_plans(index: CorpusIndex, plan_ids: list[str]) -> dict[str, Plan]:
    """Plans as the index holds them, by id."""
    marks = ", ".join("?" for _ in plan_ids)
    plans = {row["plan_id"]: row for row in index.rows(f"SELECT * FROM plans WHERE plan_id IN ({marks})", plan_ids)}
    sections: dict[str, list[dict]] = {}
    for row in index.rows(f"SELECT * FROM sections WHERE plan_id IN ({marks}) ORDER BY plan_id, position", plan_ids):
        sections.setdefault(row["plan_id"], []).append(row)
    sentences: dict[str, list[dict]] = {}
    for row in index.rows(f"SELECT * FROM sentences WHERE plan_id IN ({marks}) ORDER BY plan_id, position",
                          plan_ids):
        sentences.setdefault(row["plan_id"], []).append(row)
    return {plan_id: plan_from_rows(row, sections.get(plan_id, []), sentences.get(plan_id, []))
            for plan_id, row in plans.items()}


def series_runs(index: CorpusIndex) -> list[tuple[list[str], str, str]]:
    """Each series with two or more dated editions, oldest first, as one run of neighbouring pairs."""
    rows = index.rows("SELECT plan_id, path, slug, series, year FROM plans WHERE year IS NOT NULL "
                      "ORDER BY series, year, date, slug")
    by_series: dict[str, list[str]] = {}
    for row in rows:
        by_series.setdefault(row["series"], []).append(row["plan_id"])
    return [(editions, "series", series) for series, editions in by_series.items() if len(editions) > 1]


def across_place_runs(index: CorpusIndex, year: int | None) -> list[tuple[list[str], str, str]]:
    """Same-year plans of different places, one pair per run, so each pair is its own task."""
    rows = index.rows("SELECT plan_id, path, slug, place, year FROM plans WHERE year IS NOT NULL"
                      + (" AND year = ?" if year is not None else "") + " ORDER BY year, place, slug",
                      [year] if year is not None else [])
    runs = []
    for i, first in enumerate(rows):
        for second in rows[i + 1:]:
            if second["year"] == first["year"] and second["place"] != first["place"]:
                runs.append(([first["plan_id"], second["plan_id"]], "across-places", str(first["year"])))
    return runs


def _as_result(result, path: str, stage: str) -> TaskResult:
    """A task that died on its worker becomes an error row, like any other failure."""
    if isinstance(result, TaskResult):
        return result
    reason = (str(result).strip().splitlines() or [type(result).__name__])[0]
    return TaskResult({"errors": [(path, "", stage, f"the task failed on its worker: {reason}")]})


def _pair_id(old_id: str, new_id: str) -> str:
    return f"{old_id[:16]}-{new_id[:16]}"


def _slug(path: Path, folder: Path) -> str:
    """The file's path under the corpus folder, without its suffix: unique within one corpus."""
    return path.relative_to(folder).with_suffix("").as_posix()
