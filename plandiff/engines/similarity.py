"""Similarity scores and optimal one-to-one assignment (rapidfuzz, numpy and scipy live here)."""

from __future__ import annotations

import bisect
import math
from collections import Counter

import numpy as np
from rapidfuzz import fuzz, process


def tfidf_cosine(old_docs: list[list[str]], new_docs: list[list[str]]) -> np.ndarray:
    """Cosine similarity of TF-IDF token vectors, IDF taken over both sides, so 科技 weighs little."""
    docs = old_docs + new_docs
    document_frequency = Counter(token for doc in docs for token in set(doc))
    vocabulary = {token: i for i, token in enumerate(document_frequency)}
    total = len(docs)
    matrix = np.zeros((len(docs), max(1, len(vocabulary))))
    for row, doc in enumerate(docs):
        for token, count in Counter(doc).items():
            idf = math.log((1 + total) / (1 + document_frequency[token])) + 1
            matrix[row, vocabulary[token]] = (1 + math.log(count)) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms == 0, 1, norms)
    return matrix[: len(old_docs)] @ matrix[len(old_docs):].T


def text_similarity(old: list[str], new: list[str]) -> np.ndarray:
    """Normalised character similarity (Indel ratio, 0–1) of every old × new text pair."""
    if not old or not new:
        return np.zeros((len(old), len(new)))
    return process.cdist(old, new, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0


def assign(scores: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The one-to-one pairing with the highest total score, keeping pairs at or above threshold."""
    if scores.size == 0:
        return []
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if scores[r, c] >= threshold]


def order_bonus(old_count: int, new_count: int, weight: float) -> np.ndarray:
    """A small bonus for pairs at similar relative positions: order is a hint, not a rule."""
    old_pos = (np.arange(old_count) + 0.5) / max(1, old_count)
    new_pos = (np.arange(new_count) + 0.5) / max(1, new_count)
    return weight * (1 - np.abs(old_pos[:, None] - new_pos[None, :]))


def moved_indices(pairs: list[tuple[int, int]]) -> set[int]:
    """Indices (into pairs) outside the longest run that keeps its order on both sides."""
    ordered = sorted(range(len(pairs)), key=lambda i: pairs[i][0])
    # Longest increasing subsequence on the new positions, O(n log n) with back-pointers.
    tails: list[int] = []
    previous: dict[int, int | None] = {}
    keys: list[int] = []
    for index in ordered:
        value = pairs[index][1]
        spot = bisect.bisect_left(keys, value)
        previous[index] = tails[spot - 1] if spot else None
        if spot == len(keys):
            keys.append(value)
            tails.append(index)
        else:
            keys[spot] = value
            tails[spot] = index
    keep: set[int] = set()
    cursor = tails[-1] if tails else None
    while cursor is not None:
        keep.add(cursor)
        cursor = previous[cursor]
    return set(range(len(pairs))) - keep
