"""The word lexicon: jieba's dictionary read a part at a time must cut every text exactly as the whole one does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import CORPUS, ROOT, SEEDS

from plandiff.sources import cache


@pytest.fixture(scope="module")
def lexicon():
    # The session's cache folder: built once per session (a first call builds it and returns None).
    opened = cache.open_word_lexicon(cache.cache_dir()) or cache.open_word_lexicon(cache.cache_dir())
    assert isinstance(opened, cache.WordLexicon)
    return opened


def _texts():
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))] + \
        [(CORPUS / "national-gwr-2023.txt").read_text(encoding="utf-8")]


def test_cuts_with_the_entries_a_text_needs_are_the_cuts_with_the_whole_dictionary(lexicon):
    import jieba

    whole = jieba.Tokenizer()
    whole.initialize()
    for text in _texts():
        part = jieba.Tokenizer()
        needed = set(text) | {text[i:i + 2] for i in range(len(text) - 1)}
        part.FREQ = {key: frequency for key, frequency, _ in lexicon.entries(needed)}
        part.total, part.initialized = lexicon.total, True
        assert len(part.FREQ) < len(whole.FREQ) / 2
        assert part.lcut(text) == whole.lcut(text)
        assert part.lcut(text, HMM=False) == whole.lcut(text, HMM=False)
        assert part.lcut_for_search(text) == whole.lcut_for_search(text)


@pytest.mark.slow
def test_a_damaged_lexicon_is_built_again(tmp_path):
    assert cache.open_word_lexicon(tmp_path) is None
    (built,) = tmp_path.glob("plandiff-words-*.sqlite3")
    built.write_bytes(b"not a database")
    assert cache.open_word_lexicon(tmp_path) is None  # rebuilt, and this call used jieba's own dictionary
    assert isinstance(cache.open_word_lexicon(tmp_path), cache.WordLexicon)


_WORDS = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from plandiff.engines import words
    if sys.argv[1] != "-":
        from plandiff.sources.cache import use_word_lexicon
        use_word_lexicon(Path(sys.argv[1]))
    found = []
    for path in sys.argv[2:]:
        text = Path(path).read_text(encoding="utf-8")
        found.append([words.tokenize(text), words.index_terms(text), words.place_names(text),
                      words.district_names(text), words.noun_terms(text), words.content_words(text[:3000]),
                      words.general_idf("科技创新能力")])
    print(json.dumps([words._partial is not None, found], ensure_ascii=False))
""")


@pytest.mark.slow
def test_every_word_function_gives_the_same_answer_with_the_lexicon(lexicon):
    files = [str(SEEDS / "qingdao-shinan-2021.txt"), str(CORPUS / "hailar-gwr-2017.txt")]

    def run(folder):
        result = subprocess.run([sys.executable, "-c", _WORDS, folder, *files], cwd=ROOT, capture_output=True,
                                text=True, env=os.environ, check=True)
        return json.loads(result.stdout)

    partial, with_lexicon = run(str(cache.cache_dir()))
    whole, without = run("-")
    assert partial and not whole
    assert with_lexicon == without


def test_a_folder_that_cannot_be_written_costs_no_build(tmp_path, monkeypatch):
    from plandiff.engines import words

    def refuse():
        raise AssertionError("the whole dictionary was read for a lexicon that can't be written")

    monkeypatch.setattr(words, "full_dictionary", refuse)
    (tmp_path / "a-file").write_text("")
    assert cache.open_word_lexicon(tmp_path / "a-file" / "cache") is None
