"""Corpus throughput, memory and reuse quality on a generated corpus (bench/make_corpus.py).

    .venv/bin/python bench/bench_corpus.py modes --plans 120      # single process vs local vs real cluster
    .venv/bin/python bench/bench_corpus.py full --cities 100 --years 20 --copies 150   # the 2,000-plan run

`modes` builds and compares the same subset three ways; `full` builds, compares and traces reuse over the
whole generated corpus on the local cluster, then scores reuse against the planted copies. Worker memory
is the peak resident set of every worker process, sampled twice a second.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import generate  # noqa: E402

from plandiff.corpus.cluster import Execution  # noqa: E402
from plandiff.corpus.index import CorpusIndex  # noqa: E402
from plandiff.corpus.questions import trace_reuse  # noqa: E402
from plandiff.corpus.runner import build, compare  # noqa: E402


class PeakMemory:
    """Peak RSS (MB) of each descendant process, sampled in a thread; the main process separately."""

    def __init__(self, extra: list[int] = ()):
        self.peaks: dict[int, float] = {}
        self.main_peak = 0.0
        self.extra = list(extra)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        me = psutil.Process()
        while not self._stop.is_set():
            self.main_peak = max(self.main_peak, me.memory_info().rss / 2**20)
            processes = me.children(recursive=True) + [psutil.Process(pid) for pid in self.extra if psutil.pid_exists(pid)]
            for process in processes:
                try:
                    self.peaks[process.pid] = max(self.peaks.get(process.pid, 0.0), process.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            time.sleep(0.5)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def worker_peak(self) -> float:
        return max(self.peaks.values(), default=0.0)


def timed_insert(index: CorpusIndex) -> list[float]:
    """Time every write the driver makes: the single-writer cost the projection needs."""
    spent: list[float] = []
    original = index.insert_all

    def insert_all(tables):
        started = time.perf_counter()
        original(tables)
        spent.append(time.perf_counter() - started)

    index.insert_all = insert_all
    return spent


def run_case(folder: Path, execution: Execution, label: str, extra_pids=()) -> dict:
    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    with CorpusIndex(db) as index, PeakMemory(extra_pids) as memory:
        writes = timed_insert(index)
        built = build(folder, index, execution)
        build_writes = sum(writes)
        compared = compare(index, execution)
        parse_seconds = index.query("SELECT sum(seconds), avg(seconds) FROM plans")[1][0]
        compare_seconds = index.query("SELECT sum(seconds), avg(seconds), count(*) FROM comparisons")[1][0]
    shutil.rmtree(db.parent)
    return {
        "label": label, "plans": built.items, "failed": built.failed, "build_s": round(built.seconds, 1),
        "plans_per_s": round(built.rate, 2), "comparisons": compared.items, "compare_s": round(compared.seconds, 1),
        "comparisons_per_s": round(compared.rate, 2), "parse_task_avg_s": round(parse_seconds[1] or 0, 3),
        "compare_task_avg_s": round(compare_seconds[1] or 0, 3), "driver_write_s": round(build_writes, 2),
        "worker_peak_mb": round(memory.worker_peak()), "driver_peak_mb": round(memory.main_peak),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def modes(args) -> list[dict]:
    out = Path(tempfile.mkdtemp())
    corpus = out / "all"
    generate(corpus, args.cities, args.years, copies=0)
    subset = out / "subset"
    subset.mkdir()
    for path in sorted(corpus.glob("*.txt"))[: args.plans]:
        shutil.copy(path, subset / path.name)
    results = [run_case(subset, Execution(scheduler="none"), "single process (no Dask)"),
               run_case(subset, Execution(workers=2), "local Dask cluster, 2 workers")]
    dask = Path(sys.executable).with_name("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        time.sleep(2)
        processes += [subprocess.Popen([str(dask), "worker", address, "--nthreads", "1", "--no-dashboard",
                                        "--memory-limit", "2GiB"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                      for _ in range(2)]
        from dask.distributed import Client

        with Client(address) as client:
            client.wait_for_workers(2, timeout=120)
        results.append(run_case(subset, Execution(scheduler=address), "dask scheduler + 2 dask workers (loopback)",
                                [p.pid for p in processes]))
    finally:
        for process in processes:
            process.terminate()
    shutil.rmtree(out)
    return results


def score_reuse(index: CorpusIndex, truth: dict) -> dict:
    """Precision: reported plan pairs explained by a planted copy. Recall: planted copies found."""
    city = truth["city_of_file"]
    files = {row[0]: row[1] for row in index.query("SELECT plan_id, file_name FROM plans")[1]}
    links = [(files[a], files[b], text) for a, b, text in index.query("SELECT plan_a, plan_b, text_b FROM reuse")[1]]
    planted = {}
    for item in truth["copies"]:
        planted.setdefault(item["copier_file"], []).append(item)

    def explains(copier: str, other: str) -> dict | None:
        for item in planted.get(copier, []):
            if city.get(other) == item["source"][0]:
                return item
        return None

    found, true_links = set(), 0
    for a, b, _ in links:
        item = explains(a, b) or explains(b, a)
        if item is not None:
            true_links += 1
            found.add((item["copier_file"], item["source_file"]))
    copies = len(truth["copies"])
    return {"links": len(links), "true_links": true_links, "precision": round(true_links / len(links), 3) if links else None,
            "planted": copies, "found": len(found), "recall": round(len(found) / copies, 3) if copies else None}


def full(args) -> dict:
    out = Path(args.out)
    if not (out / "ground_truth.json").exists():
        started = time.perf_counter()
        generate(out, args.cities, args.years, args.copies)
        print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)
    truth = json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))
    db = Path(args.db)
    db.unlink(missing_ok=True)
    execution = Execution(scheduler=args.scheduler, workers=args.workers)
    load_before, driver_cpu = os.getloadavg(), time.process_time()
    with CorpusIndex(db) as index, PeakMemory() as memory:
        writes = timed_insert(index)
        built = build(out, index, execution)
        print(f"build: {built}", flush=True)
        build_writes = sum(writes)
        compared = compare(index, execution)
        print(f"compare: {compared}", flush=True)
        started = time.perf_counter()
        trace_reuse(index)
        reuse_seconds = time.perf_counter() - started
        parse = index.query("SELECT sum(seconds), avg(seconds), count(*) FROM plans")[1][0]
        pairs = index.query("SELECT sum(seconds), avg(seconds), count(*) FROM comparisons")[1][0]
        rows = {table: index.count(table) for table in ("sentences", "sentence_bands", "targets", "section_pairs")}
        quality = score_reuse(index, truth)
    return {
        "plans": built.items, "failed": built.failed, "build_s": round(built.seconds, 1), "plans_per_s": round(built.rate, 2),
        "comparisons": compared.items, "compare_s": round(compared.seconds, 1),
        "comparisons_per_s": round(compared.rate, 2), "build_plus_compare_s": round(built.seconds + compared.seconds, 1),
        "reuse_s": round(reuse_seconds, 1), "parse_task_avg_s": round(parse[1], 3), "parse_cpu_total_s": round(parse[0]),
        "compare_task_avg_s": round(pairs[1], 3), "compare_cpu_total_s": round(pairs[0]),
        "driver_write_s": round(build_writes, 1), "rows": rows, "db_mb": round(db.stat().st_size / 2**20),
        "worker_peak_mb": round(memory.worker_peak()), "driver_peak_mb": round(memory.main_peak), "reuse": quality,
        "driver_cpu_s": round(time.process_time() - driver_cpu), "where": execution.describe(),
        "load_before": [round(x, 1) for x in load_before], "load_after": [round(x, 1) for x in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    m = sub.add_parser("modes")
    m.add_argument("--plans", type=int, default=120)
    m.add_argument("--cities", type=int, default=12)
    m.add_argument("--years", type=int, default=10)
    f = sub.add_parser("full")
    f.add_argument("--out", default="/tmp/plandiff-corpus")
    f.add_argument("--db", default="/tmp/plandiff-corpus.duckdb")
    f.add_argument("--cities", type=int, default=100)
    f.add_argument("--years", type=int, default=20)
    f.add_argument("--copies", type=int, default=150)
    f.add_argument("--workers", type=int, default=0)
    f.add_argument("--scheduler", default="", help='"none" for one process, an address for a running cluster')
    args = parser.parse_args()
    result = modes(args) if args.what == "modes" else full(args)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
