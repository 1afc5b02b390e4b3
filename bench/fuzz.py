"""Fuzz the whole pipeline (parse, targets, the terms tagger, compare, JSON, terminal) with hostile plan pairs.

    PLANDIFF_FUZZ_MINUTES=30 .venv/bin/python bench/fuzz.py   # the long run the README documents
    .venv/bin/python bench/fuzz.py --cases 2000 --seed 7   # a fixed budget

Each case is a pair of generated plans: real headings and plan words, mutated with long runs, digit
strings, control characters, lone surrogates, reordered sections and random cuts. A case fails on any
exception, on output that is not strict UTF-8 JSON, or when it takes longer than --deadline seconds.
Prints one line per failure and a summary; exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ["科技创新", "企业", "发展", "地区生产总值", "增长", "7%", "左右", "新增", "100家", "达到", "2.8%", "亿元",
         "研发投入强度", "确保", "力争", "提高", "个百分点", "以上", "不少于", "城镇新增就业", "万人", "推动",
         "高质量发展", "一是", "二是", "加快", "建设", "青岛市", "市南区", "2023年", "2024年"]
MARKERS = ["一、", "二、", "三、", "(一)", "(二)", "（三）", "1.", "2、", "第一章", "第二节", "一是", ""]
HOSTILE = ["\x1b]0;pwned\x07", "\x1b[2J", "\x00", "\ud800", "\udfff", "\u202e", "\ufeff", "\r", "\x0c", "\x9b"]
ENDS = ["。", ";", "!", "?", ",", "", "\n"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 12))]
    return "".join(words) + rng.choice(ENDS)


def mutate(rng: random.Random, text: str) -> str:
    """One hostile change: a long run, a digit string, a control, a cut, or a paste."""
    kind = rng.randrange(7)
    at = rng.randint(0, len(text))
    if kind == 0:
        insert = rng.choice("发科一,。") * rng.choice([50, 700, 5000, 30000])
    elif kind == 1:
        insert = "".join(rng.choice("0123456789") for _ in range(rng.choice([20, 400, 9000])))
    elif kind == 2:
        insert = rng.choice(HOSTILE)
    elif kind == 3:
        insert = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.choice([30, 3000])))
    elif kind == 4:
        return text[:at]  # a cut
    elif kind == 5:
        end = rng.randint(at, len(text))
        return text[:at] + text[end:] + text[at:end]  # a moved block
    else:
        insert = "\n" + rng.choice(MARKERS) + sentence(rng) + "\n"
    return text[:at] + insert + text[at:]


def plan(rng: random.Random) -> str:
    lines = ["关于印发" + rng.choice(["青岛市", "滨州市", ""]) + "政府工作报告的通知"]
    for _ in range(rng.randint(0, 12)):
        lines.append(rng.choice(MARKERS) + rng.choice(WORDS))
        lines += ["".join(sentence(rng) for _ in range(rng.randint(0, 5)))]
    return "\n".join(lines)


def pair(rng: random.Random) -> tuple[str, str]:
    old = plan(rng)
    new = old
    for _ in range(rng.randint(0, 4)):
        new = mutate(rng, new)
    for _ in range(rng.randint(0, 2)):
        old = mutate(rng, old)
    return old, new


def run_case(old_text: str, new_text: str) -> None:
    """The whole pipeline on one pair; raises on any failure."""
    from rich.console import Console

    from plandiff.diff.pipeline import compare
    from plandiff.engines.words import content_words
    from plandiff.parse.pipeline import parse_plan
    from plandiff.render.json import comparison_to_dict, dumps, plan_to_dict
    from plandiff.render.terminal import comparison_view
    from plandiff.targets.extract import extract_targets

    old, new = parse_plan(old_text, "old"), parse_plan(new_text, "new")
    extract_targets(new)
    content_words(new.text)  # what `plandiff terms` reads
    comparison = compare(old, new)
    for data in (plan_to_dict(old), comparison_to_dict(comparison)):
        dumps(data).encode("utf-8")  # strict: no NaN, no surrogate
    buffer = io.StringIO()
    Console(file=buffer, width=100, force_terminal=True).print(comparison_view(comparison))
    printed = buffer.getvalue()
    for bad in ("\x07", "\x1b]", "\x1b[2J", "\x9b"):
        if bad in printed:
            raise AssertionError(f"raw control {bad!r} reached the terminal view")
    if old_text == new_text and comparison.differs:
        raise AssertionError("a plan differs from itself")


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=float(os.environ.get("PLANDIFF_FUZZ_MINUTES", 0)))
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds one case may take")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    signal.signal(signal.SIGALRM, _alarm)
    stop = time.monotonic() + args.minutes * 60 if args.minutes else None
    done = failed = 0
    slowest = (0.0, -1)
    start = time.monotonic()
    while (stop is None and done < args.cases) or (stop is not None and time.monotonic() < stop):
        old, new = pair(rng)
        began = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, args.deadline)
        try:
            run_case(old, new)
        except Hang:
            failed += 1
            print(f"case {done}: HANG over {args.deadline}s (sizes {len(old)}, {len(new)})", flush=True)
        except Exception as error:  # noqa: BLE001 - a fuzzer reports every failure
            failed += 1
            print(f"case {done}: {type(error).__name__}: {error}", flush=True)
            traceback.print_exc()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - began
        slowest = max(slowest, (took, done))
        done += 1
    total = time.monotonic() - start
    print(f"{done} cases in {total:.0f} s, {failed} failed; slowest case {slowest[1]} took {slowest[0]:.2f} s "
          f"(seed {args.seed})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
