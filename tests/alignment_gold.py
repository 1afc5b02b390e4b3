"""Hand-checked section-pair gold (tests/golden/alignment-*.tsv) and how alignment is scored against it.

Gold rows are sure pairs (required) or, when the old id starts with ?, possible pairs (defensible, so not
wrong when predicted, but not required): the sure/possible split of word-alignment gold (Och and Ney
2003). Precision is the share of judged predictions that are sure or possible; recall the share of sure
pairs predicted. A fully annotated pair (every level-1 and level-2 section judged) judges every
prediction; a partly annotated one only those that touch an annotated section.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plandiff.diff.sections import align_sections

GOLDEN = Path(__file__).parent / "golden"
PAIRED = ("matched", "split", "merged")


@dataclass(frozen=True)
class AlignmentScore:
    """Precision and recall of one plan pair, with the pairs that were wrong and missed."""

    correct: int  # judged predictions that are sure or possible pairs
    judged: int
    expected: int  # sure pairs
    found: int  # sure pairs predicted
    wrong: tuple[tuple[str, str], ...]
    missed: tuple[tuple[str, str], ...]

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(frozen=True)
class Gold:
    """The sure and the possible (old section id, new section id) pairs of one plan pair."""

    sure: frozenset[tuple[str, str]]
    possible: frozenset[tuple[str, str]]


def load_gold(name: str) -> Gold:
    """alignment-NAME.tsv: lines starting with # are notes, rows starting with ? possible pairs."""
    sure, possible = set(), set()
    for line in (GOLDEN / f"alignment-{name}.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        old, new = line.split("\t")[:2]
        if old.startswith("?"):
            possible.add((old[1:], new))
        else:
            sure.add((old, new))
    return Gold(frozenset(sure), frozenset(possible))


def predicted_pairs(old, new) -> set[tuple[str, str]]:
    """Every section pair the alignment reports as matched, split or merged (the preambles left out)."""
    return {
        (pair.old, pair.new) for pair in align_sections(old, new)
        if pair.old not in (None, "0") and pair.new is not None and pair.status in PAIRED
    }


def score_alignment(gold: Gold, predicted: set, fully_annotated: bool) -> AlignmentScore:
    """Precision over all predicted pairs (fully annotated gold) or over those touching the gold's sections."""
    allowed = gold.sure | gold.possible
    if fully_annotated:
        judged = predicted
    else:
        annotated_old = {o for o, _ in allowed}
        annotated_new = {n for _, n in allowed}
        judged = {(o, n) for o, n in predicted if o in annotated_old or n in annotated_new}
    return AlignmentScore(
        len(judged & allowed), len(judged), len(gold.sure), len(predicted & gold.sure),
        tuple(sorted(judged - allowed)), tuple(sorted(gold.sure - predicted)),
    )
