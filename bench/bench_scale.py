"""How comparison time and memory grow with size: plans built by joining the corpus reports.

Run:  .venv/bin/python bench/bench_scale.py
Each size k joins k copies of the corpus reports (the old plan from the older editions, the new plan
from the newer ones) and compares them in a fresh process, uncached: wall seconds and peak RSS.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
OLD_PARTS = ["national-gwr-2021.txt", "national-gwr-2022.txt", "hailar-gwr-2017.txt"]
NEW_PARTS = ["national-gwr-2022.txt", "national-gwr-2023.txt", "national-gwr-2021.txt"]


def joined(parts: list[str], bytes_wanted: int) -> str:
    """Corpus reports joined until the text reaches the wanted UTF-8 size; each copy keeps its outline."""
    texts = [(CORPUS / name).read_text(encoding="utf-8") for name in parts]
    chunks, size, k = [], 0, 0
    while size < bytes_wanted:
        text = texts[k % len(texts)]
        chunks.append(text)
        size += len(text.encode("utf-8"))
        k += 1
    return "\n\n".join(chunks)


def measure(old_path: Path, new_path: Path) -> dict:
    """Parse and compare in this (fresh) process; report seconds for the comparison and peak RSS."""
    import plandiff
    from plandiff.diff.pipeline import compare
    from plandiff.engines.words import tokenize

    tokenize("预热")  # jieba's dictionary load and scipy's import are fixed costs, not part of the scaling
    import scipy.optimize  # noqa: F401
    import scipy.sparse  # noqa: F401
    old = plandiff.parse_plan(old_path.read_text(encoding="utf-8"), "old")
    new = plandiff.parse_plan(new_path.read_text(encoding="utf-8"), "new")
    start = time.perf_counter()
    comparison = compare(old, new)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak_mb, "sections": len(comparison.sections)}


def main() -> None:
    if len(sys.argv) == 3:
        print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
        return
    print("| pair size (old + new, KB) | compare seconds | peak MB (whole process) |\n|---|---|---|")
    folder = Path(tempfile.mkdtemp(prefix="plandiff-scale-"))
    for total_kb in (250, 500, 1000, 2000):
        old_path, new_path = folder / f"old-{total_kb}.txt", folder / f"new-{total_kb}.txt"
        old_path.write_text(joined(OLD_PARTS, total_kb * 512), encoding="utf-8")
        new_path.write_text(joined(NEW_PARTS, total_kb * 512), encoding="utf-8")
        size_kb = (old_path.stat().st_size + new_path.stat().st_size) / 1024
        output = subprocess.run([sys.executable, __file__, str(old_path), str(new_path)], capture_output=True,
                                text=True, check=True, env={"PLANDIFF_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
        result = json.loads(output.stdout.strip().splitlines()[-1])
        print(f"| {size_kb:.0f} | {result['seconds']:.2f} | {result['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
