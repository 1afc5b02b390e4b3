"""Chinese word segmentation: the one module that imports jieba.

Numbers keep their units (`2.88%`, `140亿元`, `1.5个百分点`) as single tokens, so a word diff
shows `2.88%→3.55%` as one replacement rather than scattered digits.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from functools import lru_cache

UNITS = (
    "个百分点|百分点|万亿元|亿元|万元|千元|元|万平方米|平方米|平方公里|公里|千米|万亩|亩|万吨|吨|"
    "万人次|人次|万人|人|万家|家|万件|件|万个|个|项|名|场次|场|次|倍|所|座|台|套|篇|批|户|条|期|位|支|"
    "亿|万|千|年|月|日|天|%|‰"
)
NUMBER_WITH_UNIT = re.compile(rf"\d+(?:\.\d+)?(?:\s*[-~—]\s*\d+(?:\.\d+)?)?(?:{UNITS})?")


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    # jieba logs "Building prefix dict…" at DEBUG/INFO; users must never see it.
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokenize(text: str) -> list[str]:
    """Word tokens of text, numbers with units kept whole; the tokens join back to text exactly."""
    jieba = _jieba()
    tokens: list[str] = []
    cursor = 0
    for match in NUMBER_WITH_UNIT.finditer(text):
        if match.start() > cursor:
            tokens.extend(jieba.lcut(text[cursor:match.start()], HMM=True))
        tokens.append(match.group())
        cursor = match.end()
    if cursor < len(text):
        tokens.extend(jieba.lcut(text[cursor:], HMM=True))
    return tokens


def index_terms(text: str) -> list[str]:
    """Terms for similarity: jieba's search-mode words (金融服务 also gives 金融, 服务), two characters or more."""
    return list(_index_terms(text))


@lru_cache(maxsize=65536)
def _index_terms(text: str) -> tuple[str, ...]:
    # Remembered: a series compares each edition twice (with the one before and the one after).
    return tuple(word for word in _jieba().lcut_for_search(text) if len(word) >= 2 and not word.isspace())


def place_names(text: str) -> Counter[str]:
    """Counts of the place names (jieba's `ns` tag) in text."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        counts.update(_line_place_names(line))
    return counts


@lru_cache(maxsize=16384)
def _line_place_names(line: str) -> tuple[str, ...]:
    # jieba tags each run of Chinese separately and a line break ends a run, so tagging line by line
    # gives the same words; remembering lines makes re-parsing an edited or next-year plan cheap.
    return tuple(pair.word for pair in _jieba().posseg.cut(line) if pair.flag == "ns" and len(pair.word) >= 2)


def district_names(text: str) -> Counter[str]:
    """Counts of three- and four-character words ending in 区 or 县 (市南区, 海拉尔区, 开发区…)."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        counts.update(_line_district_names(line))
    return counts


@lru_cache(maxsize=16384)
def _line_district_names(line: str) -> tuple[str, ...]:
    # Line by line, like _line_place_names: the same words, and unchanged lines are not cut again.
    return tuple(word for word in _jieba().lcut(line) if len(word) in (3, 4) and word[-1] in "区县")


# Parts of speech that name things or ideas: nouns (n, nz, ns, nt…), verbal nouns, idioms (成语), abbreviations.
_CONTENT_FLAGS = ("n", "vn", "i", "j", "an")  # not l: 积极开展, 要带头 are set phrases of style
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def content_words(text: str) -> list[list[str]]:
    """Runs of adjacent content words (POS-tagged nouns, verbal nouns, idioms, abbreviations), split at every other word.

    A run of two or more is where multi-word phrases (新质 + 生产力) live; single words stand alone.
    """
    jieba = _jieba()
    runs: list[list[str]] = [[]]
    for pair in jieba.posseg.cut(text):
        if pair.flag.startswith(_CONTENT_FLAGS) and _HAN.match(pair.word):
            runs[-1].append(pair.word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


@lru_cache(maxsize=1)
def _general_idf() -> tuple[dict[str, float], float]:
    _jieba()
    import jieba.analyse

    extractor = jieba.analyse.default_tfidf  # jieba's IDF table, from a general Chinese corpus
    return extractor.idf_freq, extractor.median_idf


def general_idf(term: str) -> float:
    """How rare a word is in general Chinese (jieba.analyse's IDF table); a phrase takes its rarest word's."""
    table, median = _general_idf()
    if term in table:
        return table[term]
    parts = [word for word in _jieba().lcut(term) if len(word) >= 2]
    return max((table.get(word, median) for word in parts), default=median)


def noun_terms(text: str) -> list[str]:
    """Nouns and noun-like verbs of four or more characters, in order (宏观调控, 金融工具): candidate key terms."""
    jieba = _jieba()
    return [pair.word for pair in jieba.posseg.cut(text)
            if len(pair.word) >= 4 and pair.flag in ("n", "nz", "nt", "vn", "ns")]
