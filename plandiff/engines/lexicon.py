"""jieba for plandiff's own tokenizer: importing jieba, its whole stock dictionary, and the part loaded so far.

plandiff cuts with its own `jieba.Tokenizer`, never the module-wide `jieba.dt`, so a host program's
words (`jieba.add_word`, `load_userdict`) never reach plandiff and plandiff's partial dictionary never
reaches the host.
"""

from __future__ import annotations

import logging
import math
import os
import re
import sys
from functools import lru_cache
from typing import Iterable, Iterator, Protocol


class Lexicon(Protocol):
    """jieba's prefix dictionary kept where its entries can be read a few at a time (sources/cache.py keeps one)."""

    total: int  # the sum of every word's frequency, as jieba computes it

    def blocks(self, prefixes: Iterable[str]) -> Iterable[tuple[str, str, str, str]]:
        """(prefix, keys, frequencies, tags) for each of prefixes that starts a key; the last three tab-separated.

        A prefix is a key's first two characters (one for a one-character key); tags are flags such as "ns n"."""


def imported_jieba():
    """The jieba module, imported without pkg_resources and with its log kept quiet."""
    # jieba's _compat imports pkg_resources (0.3 s, deprecated) only to open jieba's own data files; when the
    # import fails jieba opens them by path, the same files.
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    # jieba logs "Building prefix dict…" at DEBUG/INFO; users must never see it.
    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def quick_tokenizer_class():
    """jieba.Tokenizer with `words`: its lcut fused into one loop per block, giving the same cuts faster."""
    # tests/test_lexicon.py compares the cuts with jieba's on every shared plan. The speed comes from
    # keeping each word's log-probability instead of taking a logarithm at every position, and from loops
    # without a generator per character. jieba's own cut (posseg's tagger) keeps its own loops.
    jieba = imported_jieba()
    from jieba import finalseg

    class QuickTokenizer(jieba.Tokenizer):
        def _log_probabilities(self) -> tuple[dict[str, float], float]:
            # One attribute holding (total, memo): a thread never pairs a new total with an old memo, even
            # without the GIL (two attributes set one after the other could be read in between).
            total, memo = getattr(self, "_log_memo", (None, None))
            if total != self.total or memo is None:
                total, memo = self.total, {}
                self._log_memo = (total, memo)
            return memo, math.log(total)

        def words(self, sentence: str, hmm: bool = True) -> list[str]:
            """lcut(sentence, HMM=hmm) (accurate mode) as one loop per block, without jieba's generators."""
            self.check_initialized()
            found: list[str] = []
            for block in jieba.re_han_default.split(sentence):
                if not block:
                    continue
                if jieba.re_han_default.match(block):
                    self._block_words(block, found, hmm)
                    continue
                for piece in jieba.re_skip_default.split(block):
                    if jieba.re_skip_default.match(piece):
                        found.append(piece)
                    else:
                        found.extend(piece)  # one character at a time, as jieba yields them
            return found

        def _block_words(self, block: str, found: list[str], hmm: bool) -> None:
            """jieba's get_DAG, calc and route walk over one block, fused: the same words, appended to found."""
            cached, log_total = self._log_probabilities()
            lookup, length = self.FREQ.get, len(block)
            scores, ends = [0.0] * (length + 1), [0] * (length + 1)
            for start in range(length - 1, -1, -1):
                best_score, best_end = -math.inf, start
                end = start + 1
                word = block[start]
                frequency = lookup(word)
                while frequency is not None:
                    if frequency:
                        probability = cached.get(word)
                        if probability is None:
                            probability = cached[word] = math.log(frequency) - log_total
                        score = probability + scores[end]
                        if score >= best_score:
                            best_score, best_end = score, end - 1
                    if end >= length:
                        break
                    end += 1
                    word = block[start:end]
                    frequency = lookup(word)
                if best_score == -math.inf:  # no word starts here: the character alone, frequency 1
                    best_score = -log_total + scores[start + 1]
                scores[start], ends[start] = best_score, best_end
            if hmm:
                self._walk_with_hmm(block, ends, found)
            else:
                self._walk(block, ends, found)

        def _walk(self, block: str, ends: list[int], found: list[str]) -> None:
            """The route's words, with runs of single Latin letters and digits joined, as jieba without HMM."""
            latin = ""
            start = 0
            while start < len(block):
                stop = ends[start] + 1
                word = block[start:stop]
                if stop - start == 1 and jieba.re_eng.match(word):
                    latin += word
                else:
                    if latin:
                        found.append(latin)
                        latin = ""
                    found.append(word)
                start = stop
            if latin:
                found.append(latin)

        def _walk_with_hmm(self, block: str, ends: list[int], found: list[str]) -> None:
            """The route's words, with each run of single characters handed to jieba's HMM."""
            single = ""
            start = 0
            while start < len(block):
                stop = ends[start] + 1
                if stop - start == 1:
                    single += block[start]
                else:
                    if single:
                        self._single_run(single, found)
                        single = ""
                    found.append(block[start:stop])
                start = stop
            if single:
                self._single_run(single, found)

        def _single_run(self, run: str, found: list[str]) -> None:
            if len(run) == 1:
                found.append(run)
            elif not self.FREQ.get(run):
                found.extend(finalseg.cut(run))
            else:
                found.extend(run)

    return QuickTokenizer


COVERED_LIMIT = 20_000  # texts remembered as loaded: a national report pair has 1,050; 20,000 hold about 5 MB


class PartialDictionary:
    """The part of jieba's prefix dictionary loaded so far, keyed by first character and first two characters."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.loaded: set[str] = set()
        # Tags are read for the few words a caller asks about, so each prefix's stay packed until then.
        self._tags: dict[str, tuple[str, str] | dict[str, str]] = {}
        self.covered: set[str] = set()  # texts whose keys load_for_all has loaded

    def load_for_all(self, tokenizer, texts: list[str]) -> None:
        """load_for every one of texts in one pass over the lexicon, and remember them as covered."""
        self.load_for(tokenizer, "\n".join(texts))
        if len(self.covered) > COVERED_LIMIT:  # a corpus worker meets texts without end: start again
            self.covered.clear()
        self.covered.update(texts)

    def load_for(self, tokenizer, text: str) -> None:
        """Add to tokenizer.FREQ every key a cut of text can look up (the caller holds the lock)."""
        if text in self.covered:  # a sentence of a plan loaded whole: its pairs need not be listed again
            return
        # Every key a cut of text looks up starts with one of its characters or pairs of characters.
        needed = set(text)
        needed.update(map(str.__add__, text, text[1:]))
        missing = needed - self.loaded
        if not missing:
            return
        for prefix, keys, frequencies, tags in self.lexicon.blocks(sorted(missing)):
            # A block's entries arrive as packed strings: splitting and zipping them keeps the loop in C
            # (a row per key took 0.25 s for a national report pair, this 0.05 s).
            tokenizer.FREQ.update(zip(keys.split("\t"), map(int, frequencies.split("\t"))))
            self._tags[prefix] = (keys, tags)
        self.loaded |= missing

    def tags_of(self, word: str) -> list[str]:
        """The dictionary's part-of-speech flags for a loaded word (ns, n…); none for a word it lacks."""
        block = self._tags.get(word[:2])
        if isinstance(block, tuple):
            keys, tags = block
            block = self._tags[word[:2]] = dict(zip(keys.split("\t"), tags.split("\t")))
        return block.get(word, "").split() if block else []


def full_dictionary() -> tuple[int, Iterator[tuple[str, str, str, str]]]:
    """jieba's whole stock prefix dictionary: its total, and a (prefix, keys, frequencies, tags) block per prefix."""
    # A fresh tokenizer: the process's jieba.dt may carry a host's own words, which are not the stock dictionary.
    tokenizer = imported_jieba().Tokenizer()
    tokenizer.initialize()
    tags: dict[str, list[str]] = {}
    for word, flag in TAGGED_LINE.findall(dictionary_text(tokenizer)):
        tags.setdefault(word, []).append(flag)
    grouped: dict[str, list[str]] = {}
    for key in tokenizer.FREQ:
        grouped.setdefault(key[:2], []).append(key)

    def block(prefix: str, keys: list[str]) -> tuple[str, str, str, str]:
        return (prefix, "\t".join(keys), "\t".join(str(tokenizer.FREQ[key]) for key in keys),
                "\t".join(" ".join(tags.get(key, ())) for key in keys))

    return tokenizer.total, (block(prefix, keys) for prefix, keys in grouped.items())


def dictionary_identity() -> str:
    """jieba's version and its stock dictionary file's path, size and time: a lexicon built from another is stale."""
    jieba = imported_jieba()
    path = os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "dict.txt")
    stat = os.stat(path)
    return f"jieba {jieba.__version__} {path} {stat.st_size} {stat.st_mtime_ns}"


def dictionary_text(tokenizer) -> str:
    """The text of tokenizer's dictionary file (dict.txt: word, frequency, tag on each line)."""
    with tokenizer.get_dict_file() as dictionary:
        return dictionary.read().decode("utf-8")


TAGGED_LINE = re.compile(r"^(\S+) \d+ (\S+)\r?$", re.M)
