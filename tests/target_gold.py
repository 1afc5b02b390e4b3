"""Hand-written gold target lists and target-change lists, and how extraction is scored against them.

A gold target row names a unique quote of the document around the value; an extracted planned target
matches it when its span overlaps the quote and its value and unit agree. See README, "Gold target lists".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from plandiff.parse.text import fold_width

GOLDEN = Path(__file__).parent / "golden"
# The work reports the rules were developed on, and the seed city S&T plans written after them as a held-out check.
WORK_REPORTS = ("national-gwr-2021", "national-gwr-2022", "national-gwr-2023", "hailar-gwr-2017")
CITY_PLANS = ("qingdao-2018", "wuhan-2014", "qingdao-shinan-2021", "changzhou-2018", "binzhou-2023")
GOLD_DOCUMENTS = WORK_REPORTS + CITY_PLANS
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4}


@dataclass(frozen=True)
class GoldTarget:
    quote: str
    value: float
    upper: float | None
    unit: str
    kind: str
    horizon: int


def number(text: str) -> float | None:
    """1.3万亿 → 1.3e12; an empty cell is None."""
    if not text:
        return None
    for suffix, scale in _SCALE.items():
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * scale
    return float(text)


def _rows(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_gold_targets(name: str) -> list[GoldTarget]:
    return [GoldTarget(fold_width(r["quote"]), number(r["value"]), number(r["upper"]), r["unit"], r["kind"],
                       int(r["horizon"])) for r in _rows(GOLDEN / f"targets-{name}.tsv")]


@dataclass(frozen=True)
class Score:
    gold: int
    found: int
    matched: int
    kind_right: int
    horizon_right: int
    missed: tuple[GoldTarget, ...]
    extra: tuple  # extracted planned targets that match no gold row

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score_targets(plan, targets, gold: list[GoldTarget]) -> Score:
    """Precision and recall of the plan's planned targets against the gold rows."""
    planned = [t for t in targets if t.tense == "planned"]
    used: set[int] = set()
    matched = kind_right = horizon_right = 0
    missed = []
    for row in gold:
        start = plan.text.find(row.quote)
        assert start >= 0 and plan.text.find(row.quote, start + 1) < 0, f"quote not unique: {row.quote}"
        end = start + len(row.quote)
        hit = next((i for i, t in enumerate(planned) if i not in used and t.start < end and t.end > start
                    and _same_value(t.value, row.value) and t.unit == row.unit), None)
        if hit is None:
            missed.append(row)
            continue
        used.add(hit)
        matched += 1
        kind_right += planned[hit].kind == row.kind
        horizon_right += planned[hit].horizon == row.horizon
    extra = tuple(t for i, t in enumerate(planned) if i not in used)
    return Score(len(gold), len(planned), matched, kind_right, horizon_right, tuple(missed), extra)


GOLD_CHANGES = (("national-gwr-2021", "national-gwr-2022"), ("national-gwr-2022", "national-gwr-2023"),
                ("qingdao-2018", "wuhan-2014"), ("changzhou-2018", "binzhou-2023"))


@dataclass(frozen=True)
class GoldChange:
    old: str  # quote in the old document, "" for a new target
    new: str  # quote in the new document, "" for a dropped target
    verdict: str
    firmness: str


def load_gold_changes(old: str, new: str) -> list[GoldChange]:
    return [GoldChange(fold_width(r["old"] or ""), fold_width(r["new"] or ""), r["verdict"], r["firmness"] or "")
            for r in _rows(GOLDEN / f"target-changes-{old}--{new}.tsv")]


@dataclass(frozen=True)
class ChangeScore:
    gold: int
    right: int  # found with the gold verdict and firmness change
    wrong: tuple  # (gold row, the change found or None)
    extra: tuple  # changes found that no gold row names: junk rows

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 1.0


def _covers(plan, target, quote: str) -> bool:
    if target is None or not quote:
        return target is None and not quote
    start = plan.text.find(quote)
    assert start >= 0 and plan.text.find(quote, start + 1) < 0, f"quote not unique: {quote}"
    return target.start < start + len(quote) and target.end > start


def score_changes(old_plan, new_plan, changes, gold: list[GoldChange]) -> ChangeScore:
    """Verdict accuracy of the target changes against the gold rows, and the rows no gold row names."""
    used: set[int] = set()
    right, wrong = 0, []
    for row in gold:
        hit = next((i for i, c in enumerate(changes) if i not in used and _covers(old_plan, c.old, row.old)
                    and _covers(new_plan, c.new, row.new)), None)
        if hit is None:
            wrong.append((row, None))
            continue
        used.add(hit)
        change = changes[hit]
        if change.status == row.verdict and (change.firmness_change or "") == row.firmness:
            right += 1
        else:
            wrong.append((row, change))
    extra = tuple(c for i, c in enumerate(changes) if i not in used)
    return ChangeScore(len(gold), right, tuple(wrong), extra)
