"""Shared passages between plans of different issuers: MinHash LSH for candidates, exact alignment to confirm.

The only module that imports datasketch. Each sentence is shingled into character 4-grams and hashed
into LSH band buckets (on the worker that parsed it); sentences of different owners that share a bucket
are candidates (a join the index does); each candidate is confirmed by its character similarity, and
confirmed pairs that run on together in both plans join into passages.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ..engines.similarity import text_similarity

SHINGLE = 4  # characters per shingle: 4-grams of Chinese text are specific enough to mean shared wording
NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 bands of 4: a pair at Jaccard 0.5 is a candidate with p = 0.64, at 0.7 with p = 0.98
SEED = 1


@dataclass(frozen=True)
class ReuseSettings:
    """How alike and how long shared text must be to count as a reused passage."""

    # Character similarity (0–1) a candidate sentence pair must reach. A copy is near-verbatim: a swapped
    # place name or a changed figure costs a 60-character sentence 0.05–0.10. Two plans written from one
    # template in their own words meet at 0.80–0.88 (at 0.80, 17% of links on the 2,000-plan bench corpus).
    confirm: float = 0.88
    min_sentence_chars: int = 12  # shorter sentences (headings, 一是…) say too little to be evidence
    min_chars: int = 60  # a passage shorter than this is a shared phrase, not a passage
    min_sentences: int = 2  # one shared sentence is a formula (a goals sentence in the usual words), not a copy
    max_gap: int = 2  # sentences a passage may skip on either side (one reworded or inserted sentence)
    boilerplate_owners: int = 0  # a sentence found in more owners than this is boilerplate; 0 = automatic
    # Share (0–1) of the shorter plan's evidence sentences two plans must share to be editions of one plan
    # when either has no place read from it: its owner is then a guess, and editions share most sentences
    # while a copy takes a passage.
    same_plan_share: float = 0.5


@dataclass(frozen=True)
class PlanInfo:
    plan_id: str
    owner: str  # place, else issuer, else series: plans of one owner never count as reusing each other
    date: str
    year: int | None
    placed: bool = True  # the owner is a place read from the plan, not a fallback (issuer, series)
    evidence: int = 0  # sentences long enough to be evidence of reuse


@dataclass(frozen=True)
class Passage:
    """Sentences a_first..a_last of plan_a match b_first..b_last of plan_b; plan_a is the earlier when known."""

    plan_a: str
    plan_b: str
    a_first: int
    a_last: int
    b_first: int
    b_last: int
    sentences: int
    chars: int
    similarity: float
    earlier_plan: str | None
    text_a: str
    text_b: str


def shingles(text: str) -> list[bytes]:
    compact = "".join(text.split())
    if len(compact) <= SHINGLE:
        return [compact.encode()]
    return list({compact[i:i + SHINGLE].encode() for i in range(len(compact) - SHINGLE + 1)})


@lru_cache(maxsize=1)
def _permutations():
    """One set of MinHash permutations for every sentence (making them per sentence costs 2 ms each)."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED)
    return template.permutations, template.scheme


def sentence_bands(plan_id: str, sentences: list[tuple[int, str]],
                   min_chars: int = ReuseSettings.min_sentence_chars) -> list[tuple[str, int, int, int]]:
    """LSH bucket rows (plan_id, position, band, bucket) for each sentence long enough to be evidence.

    Computed per plan where the plan is parsed (a Dask worker), so the corpus-wide step is a SQL join.
    """
    from datasketch import MinHash

    permutations, scheme = _permutations()
    rows = []
    for position, text in sentences:
        if len("".join(text.split())) < min_chars:
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme=scheme, hashfunc=zlib.crc32)
        signature.update_batch(shingles(text))
        values = signature.hashvalues
        for band in range(BANDS):
            chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
            bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
            rows.append((plan_id, position, band, bucket))
    return rows


def find_passages(plans: list[PlanInfo], candidates, settings: ReuseSettings = ReuseSettings()) -> list[Passage]:
    """Passages from LSH candidate sentence pairs (plan_a, position_a, text_a, plan_b, position_b, text_b)."""
    info = {plan.plan_id: plan for plan in plans}
    texts: dict[tuple[str, int], str] = {}
    by_pair: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for plan_a, position_a, text_a, plan_b, position_b, text_b in candidates:
        texts[(plan_a, position_a)] = text_a
        texts[(plan_b, position_b)] = text_b
        by_pair[(plan_a, plan_b)].add((position_a, position_b))
    passages = []
    for (first, second), pairs in by_pair.items():
        confirmed = _confirmed(sorted(pairs), first, second, texts, settings.confirm)
        if _same_plan(info[first], info[second], len(confirmed), settings.same_plan_share):
            continue
        for run in _runs(confirmed, settings.max_gap):
            passage = _passage(first, second, run, texts, info)
            if passage.chars >= settings.min_chars and passage.sentences >= settings.min_sentences:
                passages.append(passage)
    return sorted(passages, key=lambda p: (-p.chars, p.plan_a, p.plan_b, p.a_first))


def _confirmed(pairs, first, second, texts, threshold) -> list[tuple[int, int, float]]:
    """Candidate pairs whose sentences really are alike, each sentence used once (best score wins)."""
    scores = [float(text_similarity([texts[(first, a)]], [texts[(second, b)]])[0, 0]) for a, b in pairs]
    best: dict[int, tuple[int, int, float]] = {}
    used_b: set[int] = set()
    for (a, b), score in sorted(zip(pairs, scores), key=lambda item: -item[1]):
        if score >= threshold and a not in best and b not in used_b:
            best[a] = (a, b, score)
            used_b.add(b)
    return sorted(best.values())


def _same_plan(first: PlanInfo, second: PlanInfo, shared: int, share: float) -> bool:
    """Two editions of one plan whose owners differ only because one place went unread (a page without
    its city in the title): they share most of their sentences, where a copier takes a passage."""
    if first.placed and second.placed:
        return False  # two places read: a plan copied whole from another city's is still reuse
    fewer = min(first.evidence, second.evidence)
    return fewer > 0 and shared >= share * fewer


def _runs(matches: list[tuple[int, int, float]], max_gap: int) -> list[list[tuple[int, int, float]]]:
    """Split matched sentence pairs into runs that advance together in both plans."""
    runs: list[list[tuple[int, int, float]]] = []
    for match in matches:
        if runs:
            last = runs[-1][-1]
            if 0 < match[0] - last[0] <= max_gap + 1 and 0 < match[1] - last[1] <= max_gap + 1:
                runs[-1].append(match)
                continue
        runs.append([match])
    return runs


def _passage(first: str, second: str, run, texts, info: dict[str, PlanInfo]) -> Passage:
    text_first = "".join(texts[(first, a)] for a, _, _ in run)
    text_second = "".join(texts[(second, b)] for _, b, _ in run)
    weights = [len(texts[(first, a)]) for a, _, _ in run]
    similarity = sum(w * score for w, (_, _, score) in zip(weights, run)) / sum(weights)
    earlier = _earlier(info[first], info[second])
    swap = earlier == second
    a, b = (second, first) if swap else (first, second)
    a_positions = [m[1] for m in run] if swap else [m[0] for m in run]
    b_positions = [m[0] for m in run] if swap else [m[1] for m in run]
    return Passage(
        a, b, min(a_positions), max(a_positions), min(b_positions), max(b_positions), len(run),
        len(text_first if not swap else text_second), round(similarity, 4), earlier,
        text_second if swap else text_first, text_first if swap else text_second,
    )


def _earlier(first: PlanInfo, second: PlanInfo) -> str | None:
    """The plan published first: by date when both have one, else by plan year; None when it can't be told."""
    if first.date and second.date and first.date != second.date:
        return first.plan_id if first.date < second.date else second.plan_id
    if first.year and second.year and first.year != second.year:
        return first.plan_id if first.year < second.year else second.plan_id
    return None
