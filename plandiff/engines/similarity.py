"""Similarity scores and optimal one-to-one assignment (rapidfuzz, numpy and scipy live here)."""

from __future__ import annotations

import bisect
import importlib.machinery
import importlib.util
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process


def idf_weights(docs: list[list[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every token: 科技 in every section weighs little."""
    document_frequency = Counter(token for doc in docs for token in set(doc))
    total = len(docs)
    return {token: math.log((1 + total) / (1 + count)) + 1 for token, count in document_frequency.items()}


# Below this many matrix cells (rows × shared terms) the cosines are computed dense with numpy alone:
# a plan pair's sections and sentence groups always are, and scipy.sparse (0.2 s to import) is loaded
# only for inputs where dense matrices would cost real memory (the 1 MB benchmark pair).
DENSE_CELLS = 4_000_000
TIE_DIGITS = 9  # cosines that agree to this many decimals are equal (rounding errors are ~1e-16)


def tfidf_vectors(docs: list[list[str]], idf: dict[str, float]) -> list[dict[str, float]]:
    """Each doc's L2-normalised TF-IDF weights by term; terms outside idf are ignored."""
    vectors = []
    for doc in docs:
        weights = {token: (1 + math.log(count)) * idf[token] for token, count in Counter(doc).items() if token in idf}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        vectors.append({token: weight / norm for token, weight in weights.items()})
    return vectors


def _shared_columns(old: list[dict[str, float]], new: list[dict[str, float]]) -> dict[str, int]:
    """A column for each term on both sides: no other term adds to an old × new dot product."""
    shared = set().union(*old) & set().union(*new)
    return {token: column for column, token in enumerate(sorted(shared))}


def _matrix(vectors: list[dict[str, float]], columns: dict[str, int], dense: bool):
    """vectors as rows over columns: a numpy array, or a scipy CSR matrix when dense is False."""
    rows, cols, values = [], [], []
    for row, vector in enumerate(vectors):
        for token, weight in vector.items():
            column = columns.get(token)
            if column is not None:
                rows.append(row)
                cols.append(column)
                values.append(weight)
    shape = (len(vectors), max(1, len(columns)))
    if dense:
        matrix = np.zeros(shape)
        matrix[rows, cols] = values
        return matrix
    from scipy.sparse import csr_matrix

    return csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)


def _is_small(old_count: int, new_count: int, columns: dict[str, int]) -> bool:
    return (old_count + new_count) * len(columns) <= DENSE_CELLS


def tfidf_cosine(old_docs: list[list[str]], new_docs: list[list[str]], idf: dict[str, float] | None = None) -> np.ndarray:
    """Dense cosine similarity of TF-IDF vectors (IDF over both sides unless given); memory grows with the
    non-zero terms and the old × new result, never with the vocabulary."""
    idf = idf if idf is not None else idf_weights(old_docs + new_docs)
    return cosine_matrix(tfidf_vectors(old_docs, idf), tfidf_vectors(new_docs, idf))


def cosine_matrix(old: list[dict[str, float]], new: list[dict[str, float]]) -> np.ndarray:
    """Every old × new cosine of normalised vectors (tfidf_vectors), as a dense array."""
    if not old or not new:
        return np.zeros((len(old), len(new)))
    columns = _shared_columns(old, new)
    dense = _is_small(len(old), len(new), columns)
    product = _matrix(old, columns, dense) @ _matrix(new, columns, dense).T
    return product if dense else np.asarray(product.todense())


def cosine_candidates(old: list[dict[str, float]], new: list[dict[str, float]], threshold: float,
                      block: int = 2000) -> list[tuple[float, int, int]]:
    """(score, old, new) for every pair of normalised vectors whose cosine reaches threshold, best first."""
    # Small inputs are computed dense; large ones sparsely in blocks of old rows, so memory stays near
    # the number of candidate pairs.
    if not old or not new:
        return []
    columns = _shared_columns(old, new)
    found = []
    if _is_small(len(old), len(new), columns):
        product = _matrix(old, columns, True) @ _matrix(new, columns, True).T
        rows, cols = np.nonzero((product >= threshold) & (product > 0))  # as the sparse product: no zeros
        found = list(zip(product[rows, cols].tolist(), rows.tolist(), cols.tolist()))
    else:
        old_matrix, new_matrix = _matrix(old, columns, False), _matrix(new, columns, False).T.tocsc()
        for first in range(0, len(old), block):
            product = (old_matrix[first:first + block] @ new_matrix).tocoo()
            keep = product.data >= threshold
            found += zip(product.data[keep].tolist(), (product.row[keep] + first).tolist(),
                         product.col[keep].tolist())
    # Scores equal but for rounding (a sentence and its copies: the rounding differs with the column a product
    # lands in, and between the dense and sparse paths) are a tie, and a tie goes to the earlier sentences.
    found.sort(key=lambda item: (-round(item[0], TIE_DIGITS), item[1], item[2]))
    return found


def greedy_pairs(candidates: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """One-to-one pairs taken best first from sorted candidates: each index is used at most once."""
    used_old, used_new, pairs = set(), set(), []
    for score, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((score, i, j))
    return pairs


def text_similarity(old: list[str], new: list[str]) -> np.ndarray:
    """Normalised character similarity (Indel ratio, 0–1) of every old × new text pair."""
    if not old or not new:
        return np.zeros((len(old), len(new)))
    return process.cdist(old, new, scorer=fuzz.ratio, dtype=np.float32, workers=1) / 100.0


def assign(scores: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The one-to-one pairing with the highest total score, keeping pairs at or above threshold."""
    if scores.size == 0:
        return []
    rows, cols = _linear_sum_assignment()(scores, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if scores[r, c] >= threshold]


@lru_cache(maxsize=1)
def _linear_sum_assignment():
    """scipy's linear_sum_assignment, loaded from its compiled module alone when that is possible.

    `import scipy.optimize` costs 0.4 s of CPU (linprog, special functions, FFT...) for this one function, which
    lives in the extension scipy.optimize._lsap; loading that file directly runs the same code.
    """
    try:
        spec = importlib.util.find_spec("scipy")
        folder = Path(spec.origin).parent / "optimize" if spec and spec.origin else None
        for suffix in importlib.machinery.EXTENSION_SUFFIXES if folder else ():
            path = folder / f"_lsap{suffix}"
            if path.is_file():
                loader = importlib.machinery.ExtensionFileLoader("scipy.optimize._lsap", str(path))
                module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
                return module.linear_sum_assignment
    except (ImportError, OSError, AttributeError):
        pass  # a scipy laid out differently: take the public import
    from scipy.optimize import linear_sum_assignment

    return linear_sum_assignment


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
