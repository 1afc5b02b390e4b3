"""Chinese word segmentation with jieba, through plandiff's own tokenizer (its dictionary: engines/lexicon.py).

Numbers keep their units (`2.88%`, `140亿元`, `1.5个百分点`) as single tokens, so a word diff
shows `2.88%→3.55%` as one replacement rather than scattered digits.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable

from .lexicon import Lexicon, PartialDictionary, dictionary_text, imported_jieba, quick_tokenizer_class

UNITS = (
    "个百分点|百分点|万亿元|亿元|万元|千元|元|万平方米|平方米|平方公里|公里|千米|万亩|亩|万吨|吨|"
    "万人次|人次|万人|人|万家|家|万件|件|万个|个|项|名|场次|场|次|倍|所|座|台|套|篇|批|户|条|期|位|支|"
    "亿|万|千|年|月|日|天|%|‰"
)
NUMBER_WITH_UNIT = re.compile(rf"\d+(?:\.\d+)?(?:\s*[-~—]\s*\d+(?:\.\d+)?)?(?:{UNITS})?")

# jieba segments each run of these characters as one block, and its cost grows faster than the run's
# length (1,000 repeated characters take 10 ms, 40,000 take 17 s). Real runs between punctuation are
# under 40 characters, so runs longer than MAX_RUN are cut into MAX_RUN pieces before jieba sees them.
MAX_RUN = 100
_LONG_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]{" + str(MAX_RUN + 1) + ",}")


_lexicon_opener: Callable[[], Lexicon | None] | None = None
_tokenizer = None  # plandiff's own jieba.Tokenizer, published only once its dictionary is ready
_tagger = None  # jieba.posseg.POSTokenizer over _tokenizer, for `terms`
_partial: PartialDictionary | None = None  # None: the whole dictionary is loaded
_LOCK = threading.Lock()


def use_lexicon(opener: Callable[[], Lexicon | None]) -> None:
    """Load jieba's dictionary from opener()'s lexicon, a part at a time, on first use.

    jieba loads its whole prefix dictionary (498,000 keys, about 1 s) before the first cut. A cut of a
    text only looks up keys that are substrings of it, so the keys that start with the text's characters
    and pairs of characters give the same words: about a tenth of the dictionary for a long plan.
    The sources layer installs the opener, so a pure `compare()` reads SQLite through it, as jieba itself
    reads its dictionary file: data plandiff ships with, read the same way on every run, never a result.
    """
    global _lexicon_opener
    _lexicon_opener = opener


def _jieba():
    """plandiff's own jieba tokenizer (never the module-wide jieba.dt), built once by whichever thread comes first."""
    global _tokenizer, _partial
    tokenizer = _tokenizer
    if tokenizer is not None:
        return tokenizer
    with _LOCK:
        if _tokenizer is None:
            tokenizer = quick_tokenizer_class()()
            lexicon = _lexicon_opener() if _lexicon_opener is not None else None
            if lexicon is None:
                tokenizer.initialize()
            else:
                tokenizer.FREQ, tokenizer.total, tokenizer.initialized = {}, lexicon.total, True
                _partial = PartialDictionary(lexicon)
            _tokenizer = tokenizer  # published last: another thread never sees a half-made tokenizer
        return _tokenizer


def _jieba_for(text: str):
    """plandiff's tokenizer, with every dictionary key a cut of text can look up loaded."""
    return _loaded(lambda partial, tokenizer: partial.load_for(tokenizer, text))


def load_words_for(texts) -> None:
    """Load the dictionary keys every cut of texts can look up, in one pass over the lexicon."""
    # Each cut loads what it is missing anyway; a whole plan first reads the lexicon once, not once a
    # sentence, and its sentences need no check of their own afterwards.
    texts = [text for text in texts if text]
    _loaded(lambda partial, tokenizer: partial.load_for_all(tokenizer, texts))


def _loaded(load):
    """plandiff's tokenizer after load(partial dictionary, tokenizer) has added the keys a cut needs."""
    global _partial
    tokenizer = _jieba()
    with _LOCK:
        partial = _partial
        if partial is not None:
            try:
                load(partial, tokenizer)
            except Exception:  # noqa: BLE001 - a lexicon that fails mid-run: load jieba's whole dictionary
                whole = imported_jieba().Tokenizer()
                whole.initialize()
                tokenizer.FREQ, tokenizer.total = whole.FREQ, whole.total
                _partial = None
    return tokenizer


def _bounded(cut, text: str) -> list:
    """cut(text) with every over-long run cut into MAX_RUN pieces first, so the cost stays linear."""
    _jieba_for(text)
    if len(text) <= MAX_RUN or not _LONG_RUN.search(text):
        return list(cut(text))
    found: list = []
    cursor = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > cursor:
            found.extend(cut(text[cursor:match.start()]))
        for start in range(match.start(), match.end(), MAX_RUN):
            found.extend(cut(text[start:min(start + MAX_RUN, match.end())]))
        cursor = match.end()
    if cursor < len(text):
        found.extend(cut(text[cursor:]))
    return found


def tokenize(text: str) -> list[str]:
    """Word tokens of text, numbers with units kept whole; the tokens join back to text exactly."""
    tokenizer = _jieba()
    tokens: list[str] = []
    cursor = 0
    for match in NUMBER_WITH_UNIT.finditer(text):
        if match.start() > cursor:
            tokens.extend(_bounded(tokenizer.words, text[cursor:match.start()]))
        tokens.append(match.group())
        cursor = match.end()
    if cursor < len(text):
        tokens.extend(_bounded(tokenizer.words, text[cursor:]))
    return tokens


def index_terms(text: str) -> list[str]:
    """Terms for similarity: jieba's search-mode words (金融服务 also gives 金融, 服务), two characters or more."""
    return list(_index_terms(text))


@lru_cache(maxsize=65536)
def _index_terms(text: str) -> tuple[str, ...]:
    # Remembered: a series compares each edition twice (with the one before and the one after).
    # jieba's lcut_for_search, as its cut_for_search builds it: each longer word's dictionary pairs and
    # triples of characters, then the word.
    tokenizer = _jieba()
    cut = _bounded(tokenizer.words, text)
    lookup = tokenizer.FREQ.get  # after the cut's loading: a lexicon that failed in it replaced FREQ whole
    terms = []
    for word in cut:
        size = len(word)
        if size > 2:
            terms += [word[i:i + 2] for i in range(size - 1) if lookup(word[i:i + 2])]
        if size > 3:
            terms += [word[i:i + 3] for i in range(size - 2) if lookup(word[i:i + 3])]
        if size >= 2 and not word.isspace():
            terms.append(word)
    return tuple(terms)


def forget_memos() -> None:
    """Empty the in-process word memos, so the next run segments as a first one does (for benchmarks)."""
    for memo in (_index_terms, _line_words):
        memo.cache_clear()


def place_names(text: str) -> Counter[str]:
    """Counts of the place names (jieba's `ns` tag) in text."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        counts.update(word for word, flag in _line_tags(line) if flag == "ns" and len(word) >= 2)
    return counts


def district_names(text: str) -> Counter[str]:
    """Counts of three- and four-character words ending in 区 or 县 (市南区, 海拉尔区, 开发区…)."""
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        if "区" in line or "县" in line:  # only these lines can hold one; cutting the rest was most of a parse
            counts.update(word for word in _line_words(line) if len(word) in (3, 4) and word[-1] in "区县")
    return counts


def _line_tags(line: str) -> tuple[tuple[str, str], ...]:
    # Line by line: jieba cuts each run separately and a line break ends a run, so the words are the
    # same, and unchanged lines of an edited or next-year plan are not cut again (_line_words remembers
    # the cut; the tags are set lookups, not worth a second memo of the same size).
    # HMM=False: on the corpus the HMM only guessed noise (俄蒙, 治港, 经开区), and on runs of rare
    # characters it costs about 10 ms a character; dictionary names are what the metadata counts.
    return tuple((word, "ns" if _tagged(word, _PLACE_FLAGS) else "") for word in _line_words(line))


@lru_cache(maxsize=16384)
def _line_words(line: str) -> tuple[str, ...]:
    """jieba's dictionary cut of one line, remembered: place tagging and key nouns read the same words, and
    a series' next edition repeats most lines of the one before."""
    return tuple(_bounded(_dictionary_cut, line))


def _dictionary_cut(text: str) -> list[str]:
    return _jieba().words(text, hmm=False)


_PLACE_FLAGS = ("ns",)
_NOUN_FLAGS = ("n", "nz", "nt", "vn", "ns")


def _tagged(word: str, flags: tuple[str, ...]) -> bool:
    """Whether jieba's dictionary tags word with one of flags (word comes from a cut, so it is loaded)."""
    partial = _partial
    if partial is not None:
        return any(flag in flags for flag in partial.tags_of(word))
    return word in _words_tagged(flags)


@lru_cache(maxsize=4)
def _words_tagged(flags: tuple[str, ...]) -> frozenset[str]:
    """The words jieba's dictionary tags with one of flags (ns: 17,706 place names).

    Read straight from dict.txt (0.04 s for ns) rather than through jieba.posseg, whose import and
    full tag table cost 0.6 s, most of a plan's parse. With HMM=False, posseg's words are jieba's cut
    and its tags are this table's, so the counts are the same.
    """
    pattern = re.compile(r"^(\S+) \d+ (?:" + "|".join(flags) + r")\r?$", re.M)
    return frozenset(pattern.findall(dictionary_text(_jieba())))


def _dictionary_tags(text: str):
    """Part-of-speech tags for dictionary words only (no HMM), in bounded runs: linear on any input.

    jieba's HMM tagger costs about 10 ms a character on runs of rare characters (a pasted 30,000-character
    run took a minute), and what it adds are guessed words, not the dictionary names and terms we count.
    """
    tagger = _posseg()
    return _bounded(lambda piece: tagger.cut(piece, HMM=False), text)


def _posseg():
    """A part-of-speech tagger over plandiff's tokenizer, for `terms` only: import 0.2 s, tag table 0.4 s."""
    global _tagger
    tokenizer = _jieba()
    with _LOCK:
        if _tagger is None:
            _tagger = _new_tagger(tokenizer)
        return _tagger


def _new_tagger(tokenizer):
    """jieba.posseg's tagger over tokenizer, with the stock dictionary's tags."""
    jieba = imported_jieba()
    stock = "jieba.posseg" not in sys.modules and jieba.dt.dictionary is None
    import jieba.posseg

    if not stock:  # jieba.posseg.dt's tags may be a host's: read the stock ones
        return jieba.posseg.POSTokenizer(tokenizer)
    # Importing posseg has just read the stock tag table for its own tagger (0.4 s): a copy saves reading it again.
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer, tagger.word_tag_tab = tokenizer, dict(jieba.posseg.dt.word_tag_tab)
    return tagger


# Parts of speech that name things or ideas: nouns (n, nz, ns, nt…), verbal nouns, idioms (成语), abbreviations.
_CONTENT_FLAGS = ("n", "vn", "i", "j", "an")  # not l: 积极开展, 要带头 are set phrases of style
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def content_words(text: str) -> list[list[str]]:
    """Runs of adjacent content words (POS-tagged nouns, verbal nouns, idioms, abbreviations), split at every other word.

    A run of two or more is where multi-word phrases (新质 + 生产力) live; single words stand alone.
    """
    runs: list[list[str]] = [[]]
    for word, flag in _tags_with_new_words(text):
        if flag.startswith(_CONTENT_FLAGS) and _HAN.match(word):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


# jieba's HMM finds new words (新冠, 新质) in runs of characters its dictionary reads one by one. Real new
# words sit in short runs of common characters. On characters its model has never seen, the tagger tries
# every state: about 8 ms a character (a pasted 30,000-character run of rare characters took two minutes
# in `plandiff terms`). So only short runs of characters the model knows are guessed.
MAX_GUESSED_RUN = 12


@lru_cache(maxsize=1)
def _known_to_tagger() -> frozenset[str]:
    """The characters jieba's HMM tagger has states for (every Han character of the corpus reports)."""
    from jieba.posseg.char_state_tab import P

    return frozenset(P)


def _tags_with_new_words(text: str) -> list[tuple[str, str]]:
    """(word, flag) pairs as jieba's HMM tagger gives them, guessing new words only in short runs."""
    tagger = _posseg()
    tagged = [(pair.word, pair.flag) for pair in _dictionary_tags(text)]
    result: list[tuple[str, str]] = []
    run_start = 0
    for index in range(len(tagged) + 1):
        if index < len(tagged) and len(tagged[index][0]) == 1 and "\u4e00" <= tagged[index][0] <= "\u9fff":
            continue
        run = tagged[run_start:index]
        if 2 <= len(run) <= MAX_GUESSED_RUN and all(word in _known_to_tagger() for word, _ in run):
            result.extend((pair.word, pair.flag) for pair in tagger.cut("".join(w for w, _ in run)))
        else:
            result.extend(run)
        if index < len(tagged):
            result.append(tagged[index])
        run_start = index + 1
    return result


@lru_cache(maxsize=1)
def _general_idf() -> tuple[dict[str, float], float]:
    imported_jieba()
    import jieba.analyse

    extractor = jieba.analyse.default_tfidf  # jieba's IDF table, from a general Chinese corpus
    return extractor.idf_freq, extractor.median_idf


def general_idf(term: str) -> float:
    """How rare a word is in general Chinese (jieba.analyse's IDF table); a phrase takes its rarest word's."""
    table, median = _general_idf()
    if term in table:
        return table[term]
    parts = [word for word in _jieba_for(term).words(term) if len(word) >= 2]
    return max((table.get(word, median) for word in parts), default=median)


def noun_terms(text: str) -> list[str]:
    """Nouns and noun-like verbs of four or more characters, in order (宏观调控, 金融工具): candidate key terms."""
    # Line by line gives the words a whole-text cut gives: jieba never joins characters across a line break.
    return key_nouns(word for line in text.splitlines() for word in _line_words(line))


def key_nouns(words: Iterable[str]) -> list[str]:
    """The words of four or more characters that jieba's dictionary tags as nouns or noun-like verbs, in order."""
    # Words longer than three characters come only from a cut's dictionary route, never from the
    # search-mode additions, so index_terms' words serve as well as a cut of their own.
    return [word for word in words if len(word) >= 4 and _tagged(word, _NOUN_FLAGS)]
