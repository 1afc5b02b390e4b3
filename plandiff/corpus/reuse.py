"""Shared passages between plans of different issuers: MinHash LSH for candidates, exact alignment to confirm.

The only module that imports datasketch. Sentences are shingled into character 4-grams; LSH proposes
sentence pairs from different owners; each pair is confirmed by its character similarity; confirmed pairs
that run on in both plans join into passages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..engines.similarity import text_similarity

SHINGLE = 4  # characters per shingle: 4-grams of Chinese text are specific enough to mean shared wording
NUM_PERM = 64


@dataclass(frozen=True)
class ReuseSettings:
    """How alike and how long shared text must be to count as a reused passage."""

    lsh_threshold: float = 0.5  # estimated shingle Jaccard for a candidate pair
    confirm: float = 0.8  # character similarity (0–1) a candidate sentence pair must reach
    min_sentence_chars: int = 12  # shorter sentences (headings, 一是…) say too little to be evidence
    min_chars: int = 60  # a passage shorter than this is a shared phrase, not a passage
    max_gap: int = 2  # sentences a passage may skip on either side (one reworded or inserted sentence)
    boilerplate_owners: int = 0  # a sentence found in more owners than this is boilerplate; 0 = automatic


@dataclass(frozen=True)
class PlanInfo:
    plan_id: str
    owner: str  # place, else issuer, else series: plans of one owner never count as reusing each other
    date: str
    year: int | None


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


def shingles(text: str) -> set[bytes]:
    compact = "".join(text.split())
    if len(compact) <= SHINGLE:
        return {compact.encode()}
    return {compact[i:i + SHINGLE].encode() for i in range(len(compact) - SHINGLE + 1)}


def find_passages(plans: list[PlanInfo], sentences: list[tuple[str, int, str]],
                  settings: ReuseSettings = ReuseSettings()) -> list[Passage]:
    """Passages shared between plans of different owners; sentences are (plan_id, position, text)."""
    from datasketch import MinHash, MinHashLSH

    info = {plan.plan_id: plan for plan in plans}
    usable = [(p, pos, text) for p, pos, text in sentences
              if p in info and len("".join(text.split())) >= settings.min_sentence_chars]
    texts = {(p, pos): text for p, pos, text in usable}
    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=NUM_PERM)
    signatures = MinHash.bulk([shingles(text) for _, _, text in usable], num_perm=NUM_PERM)
    for (plan_id, position, _), signature in zip(usable, signatures):
        lsh.insert((plan_id, position), signature, check_duplication=False)

    owners = len({plan.owner for plan in plans})
    limit = settings.boilerplate_owners or max(5, owners // 10)
    candidates: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for (plan_id, position, _), signature in zip(usable, signatures):
        found = [key for key in lsh.query(signature) if info[key[0]].owner != info[plan_id].owner]
        if len({info[key[0]].owner for key in found}) > limit:
            continue  # said by everyone (the guiding-thought formula): not evidence of copying
        for other, other_position in found:
            if plan_id < other:
                candidates[(plan_id, other)].add((position, other_position))

    passages = []
    for (first, second), pairs in candidates.items():
        confirmed = _confirmed(sorted(pairs), first, second, texts, settings.confirm)
        for run in _runs(confirmed, settings.max_gap):
            passage = _passage(first, second, run, texts, info)
            if passage.chars >= settings.min_chars:
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
