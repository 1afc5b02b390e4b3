"""The word lexicon: jieba's dictionary read a part at a time must cut every text exactly as the whole one does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, SEEDS, corpus_file

from plandiff.engines.lexicon import PartialDictionary
from plandiff.sources import cache


@pytest.fixture(scope="module")
def lexicon():
    # The session's cache folder: built once per session (a first call builds it and returns None).
    opened = cache.open_word_lexicon(cache.cache_dir()) or cache.open_word_lexicon(cache.cache_dir())
    assert isinstance(opened, cache.WordLexicon)
    return opened


def _texts():
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))] + \
        [corpus_file("national-gwr-2023.txt").read_text(encoding="utf-8")]


def test_cuts_with_the_entries_a_text_needs_are_the_cuts_with_the_whole_dictionary(lexicon):
    import jieba

    whole = jieba.Tokenizer()
    whole.initialize()
    for text in _texts():
        part = jieba.Tokenizer()
        part.FREQ, part.total, part.initialized = {}, lexicon.total, True
        PartialDictionary(lexicon).load_for(part, text)
        assert len(part.FREQ) < len(whole.FREQ) / 2
        assert part.lcut(text) == whole.lcut(text)
        assert part.lcut(text, HMM=False) == whole.lcut(text, HMM=False)
        assert part.lcut_for_search(text) == whole.lcut_for_search(text)


def test_the_lexicon_reads_the_same_blocks_with_or_without_sqlite_json(lexicon):
    prefixes = sorted(set("发展新质生产力。") | {"发展", "生产", "产力", "新质", "。发"})
    rows = lexicon.blocks(prefixes)
    assert {row[0] for row in rows} >= {"发展", "生产"}
    assert sorted(rows) == sorted(lexicon._in_batch(prefixes))  # the path for an SQLite without JSON


def test_index_terms_are_jiebas_search_mode_words():
    from plandiff.engines import words

    for text in _texts()[:2]:
        for line in text.splitlines():
            stock = [w for w in words._jieba_for(line).lcut_for_search(line) if len(w) >= 2 and not w.isspace()]
            assert words.index_terms(line) == stock


def test_a_lexicon_that_fails_mid_run_leaves_the_whole_dictionary_and_the_same_terms(lexicon, monkeypatch):
    import sqlite3

    import jieba

    from plandiff.engines import words

    class FailingLexicon:
        total = lexicon.total

        def blocks(self, prefixes):
            raise sqlite3.OperationalError("disk I/O error")

    for name, value in (("_tokenizer", None), ("_partial", None), ("_lexicon_opener", FailingLexicon)):
        monkeypatch.setattr(words, name, value)
    words.forget_memos()
    try:
        stock = jieba.Tokenizer()
        line = "加快建设现代化产业体系,推进新型工业化,提高全要素生产率。"
        expected = [w for w in stock.lcut_for_search(line) if len(w) >= 2 and not w.isspace()]
        # The failing load is the very call that cuts the line: its search-mode pairs (产业, 工业) must be
        # looked up in the whole dictionary, not the empty part that was being loaded.
        assert words.index_terms(line) == expected
        assert words._partial is None
    finally:
        words.forget_memos()


def test_the_quick_tokenizer_cuts_every_text_as_jieba_does(lexicon):
    import jieba

    from plandiff.engines.lexicon import quick_tokenizer_class

    stock = jieba.Tokenizer()
    stock.initialize()
    quick = quick_tokenizer_class()()
    quick.FREQ, quick.total, quick.initialized = stock.FREQ, stock.total, True
    for text in _texts() + [corpus_file("hailar-gwr-2017.txt").read_text(encoding="utf-8")]:
        for line in text.splitlines():
            assert quick.get_DAG(line) == stock.get_DAG(line)
            assert quick.words(line) == stock.lcut(line)
            assert quick.words(line, hmm=False) == stock.lcut(line, HMM=False)
        assert quick.words(text) == stock.lcut(text)
        assert quick.words(text, hmm=False) == stock.lcut(text, HMM=False)
        assert quick.words("GDP增长5.5%左右，R&D经费3.2万亿元 ABC123") == stock.lcut("GDP增长5.5%左右，R&D经费3.2万亿元 ABC123")
        assert quick.words("GDP增长5.5%，ABC123 x", hmm=False) == stock.lcut("GDP增长5.5%，ABC123 x", HMM=False)
        assert quick.lcut(text) == stock.lcut(text)
        assert quick.lcut(text, HMM=False) == stock.lcut(text, HMM=False)
        assert quick.lcut_for_search(text) == stock.lcut_for_search(text)


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
    files = [str(SEEDS / "qingdao-shinan-2021.txt"), str(corpus_file("hailar-gwr-2017.txt"))]

    def run(folder):
        result = subprocess.run([sys.executable, "-c", _WORDS, folder, *files], cwd=ROOT, capture_output=True,
                                text=True, env=os.environ, check=True)
        return json.loads(result.stdout)

    partial, with_lexicon = run(str(cache.cache_dir()))
    whole, without = run("-")
    assert partial and not whole
    assert with_lexicon == without


def test_a_folder_that_cannot_be_written_costs_no_build(tmp_path, monkeypatch):
    from plandiff.engines import lexicon

    def refuse():
        raise AssertionError("the whole dictionary was read for a lexicon that can't be written")

    monkeypatch.setattr(lexicon, "full_dictionary", refuse)
    (tmp_path / "a-file").write_text("")
    assert cache.open_word_lexicon(tmp_path / "a-file" / "cache") is None


def _run(script: str, *arguments: str):
    result = subprocess.run([sys.executable, "-c", script, *arguments], cwd=ROOT, capture_output=True, text=True,
                            env=os.environ, check=True)
    return json.loads(result.stdout)


_HOST = textwrap.dedent("""
    import json, re, sys
    from pathlib import Path
    import jieba
    from plandiff.engines import words
    from plandiff.sources.cache import use_word_lexicon
    use_word_lexicon(Path(sys.argv[1]))
    from plandiff.engines import lexicon
    first, second = (Path(path).read_text(encoding="utf-8") for path in sys.argv[2:])
    host_word = re.search("[\u4e00-\u9fff]{8,}", first).group()[2:7]
    jieba.add_word(host_word, tag="ns")
    whole = jieba.Tokenizer()
    stock = [whole.lcut(first), whole.lcut(second)]
    mine = [words._jieba_for(first).lcut(first), words.place_names(first), words.content_words(first[:3000])]
    in_lexicon = any(host_word in keys.split("\t") for _, keys, _, _ in lexicon.full_dictionary()[1])
    host_cut = host_word in jieba.lcut(first)
    print(json.dumps([words._partial is not None, host_word, host_cut, jieba.lcut(second), stock, mine, in_lexicon],
                     ensure_ascii=False))
""")


def test_jieba_itself_keeps_its_whole_dictionary_and_plandiff_its_own(lexicon):
    # A notebook or host program calling jieba.lcut must not get plandiff's partly loaded dictionary.
    first, second = SEEDS / "qingdao-2018.txt", SEEDS / "wuhan-2014.txt"
    partial, host_word, host_cut, host, (stock_first, stock_second), (mine, places, content), in_lexicon = \
        _run(_HOST, str(cache.cache_dir()), str(first), str(second))
    assert partial and host_cut
    assert host == stock_second
    assert sum(len(word) >= 2 for word in host) > len(host) / 3
    # And the other way: a word the host adds (jieba.add_word) reaches neither plandiff's cuts nor its lexicon.
    assert mine == stock_first and host_word not in mine and host_word not in places and not in_lexicon
    assert all(host_word not in run for run in content)


_THREADS = textwrap.dedent("""
    import json, sys, threading
    from pathlib import Path
    from plandiff.engines import words
    from plandiff.sources.cache import use_word_lexicon
    if sys.argv[1] != "-":
        use_word_lexicon(Path(sys.argv[1]))
    texts = [Path(path).read_text(encoding="utf-8") for path in sys.argv[2:]]
    start = threading.Barrier(len(texts))
    found = [None] * len(texts)

    def first_cut(index):
        start.wait()
        found[index] = [words.tokenize(texts[index]), words.noun_terms(texts[index])]

    threads = [threading.Thread(target=first_cut, args=(index,)) for index in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps([words._partial is not None, found], ensure_ascii=False))
""")


@pytest.mark.slow
def test_threads_making_their_first_cut_at_once_cut_as_the_whole_dictionary_does(lexicon):
    files = [str(path) for path in sorted(SEEDS.glob("*.txt"))]
    partial, with_lexicon = _run(_THREADS, str(cache.cache_dir()), *files)
    whole, without = _run(_THREADS, "-", *files)
    assert partial and not whole
    assert with_lexicon == without


def test_a_lexicon_in_the_temporary_folder_carries_the_user_id():
    shared = cache.lexicon_name(shared=True)
    assert shared.startswith(f"plandiff-words-u{os.getuid()}-") and shared.endswith(cache.lexicon_name()[15:])


def test_a_link_in_the_lexicons_place_is_never_read_nor_replaced(tmp_path, monkeypatch):
    from plandiff.engines import lexicon

    def refuse():
        raise AssertionError("a lexicon was built over a file that is not ours")

    monkeypatch.setattr(lexicon, "full_dictionary", refuse)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    elsewhere.write_bytes(b"")
    (tmp_path / cache.lexicon_name(shared=True)).symlink_to(elsewhere)
    assert cache.open_word_lexicon(tmp_path, shared=True) is None
    assert (tmp_path / cache.lexicon_name(shared=True)).is_symlink()
