"""Parse time of the seed and corpus plans as text and pasted as one paragraph (best of five rounds).

    .venv/bin/python bench/bench_paste_parse.py
    cd ../main && .venv/bin/python ../h-paste/bench/bench_paste_parse.py   # another checkout's parser

It imports only plandiff.parse.pipeline, so it times whichever plandiff the interpreter finds.
"""

from __future__ import annotations

import time
from pathlib import Path

from plandiff.parse.pipeline import parse_plan

ROOT = Path(__file__).resolve().parent.parent
PATHS = sorted((ROOT / "plandiff" / "seeds").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))
FORMS = {
    "text": lambda text: text,
    "one-paragraph": lambda text: "".join(line.strip() for line in text.splitlines()),
    "spaced-paragraph": lambda text: " ".join(line.strip() for line in text.splitlines() if line.strip()),
}


def best_of(texts: list[str], rounds: int = 5) -> float:
    """The fastest of `rounds` passes over texts, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            parse_plan(text, "bench")
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    originals = [path.read_text(encoding="utf-8") for path in PATHS]
    parse_plan(originals[0], "warm-up")  # the first parse loads OpenCC's tables
    print("| form | plans | best of 5 (ms) |\n|---|---|---|")
    for form, make in FORMS.items():
        print(f"| {form} | {len(originals)} | {best_of([make(text) for text in originals]) * 1000:.0f} |")


if __name__ == "__main__":
    main()
