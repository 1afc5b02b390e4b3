"""Benchmark blame over five editions of about 50 KB each, uncached.

Run:  .venv/bin/python bench/bench_series.py [--runs N]
The editions are the national work reports 2021–2023 (../shared/corpus) and two later editions derived
from 2023 the way editions drift: every fifth sentence reworded, every eleventh dropped, the year moved on.
"Blame" is the pure series.blame over parsed plans: four comparisons of consecutive editions, no cache.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
REWORDINGS = {"推进": "推动", "加强": "强化", "加快": "加速", "提升": "提高", "完善": "健全", "支持": "扶持"}


def derived(text: str, year: int, shift: int) -> str:
    """A later edition: the year moved on, every fifth sentence reworded, every eleventh dropped."""
    text = re.sub(r"(?<!\d)(20\d\d)(?=年)", lambda m: str(int(m.group(1)) + shift), text)
    out, index = [], 0
    for piece in re.split(r"(?<=。)", text):
        index += 1
        if index % 11 == shift:
            continue
        if index % 5 == shift % 5:
            for old, new in REWORDINGS.items():
                piece = piece.replace(old, new)
        out.append(piece)
    return "".join(out)


def editions(folder: Path) -> list[Path]:
    files = [CORPUS / f"national-gwr-{year}.txt" for year in (2021, 2022, 2023)]
    base = files[-1].read_text(encoding="utf-8")
    for shift in (1, 2):
        path = folder / f"national-gwr-{2023 + shift}.txt"
        path.write_text(derived(base, 2023 + shift, shift), encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    from plandiff.parse.pipeline import parse_plan
    from plandiff.series.blame import blame
    from plandiff.sources.reading import read_bytes

    folder = Path(tempfile.mkdtemp(prefix="plandiff-bench-series-"))
    files = editions(folder)
    sizes = [f.stat().st_size / 1024 for f in files]
    plans = [parse_plan(read_bytes(f.read_bytes(), name=str(f)).text, slug=f.stem) for f in files]
    blame(plans[:2])  # load jieba and scipy once: the figure is blame's own work

    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = blame(plans)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    env = {**os.environ, "PLANDIFF_NO_CACHE": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "plandiff", "blame", *map(str, files), "--format", "json"], env=env,
                   stdout=subprocess.DEVNULL, check=True)
    cli = time.perf_counter() - start

    print(f"# blame over {len(files)} editions ({', '.join(f'{s:.0f}' for s in sizes)} KB), "
          f"{len(result.lines)} sentences blamed, {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    print("| what | seconds |")
    print("|---|---|")
    print(f"| blame in process, uncached (median wall of {runs}) | {statistics.median(walls):.3f} |")
    print(f"| blame in process, uncached (median CPU of {runs}) | {statistics.median(cpus):.3f} |")
    print(f"| CLI `plandiff blame FILE×5 --format json`, PLANDIFF_NO_CACHE=1 (whole process, parsing too) | {cli:.3f} |")


if __name__ == "__main__":
    main()
