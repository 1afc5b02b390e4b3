"""Word engines: tagging line by line (and remembering lines) finds exactly what tagging the whole text does."""

from __future__ import annotations

from collections import Counter

from conftest import SEEDS

from plandiff.engines.words import _jieba_for, _posseg, district_names, noun_terms, place_names


def test_line_by_line_tagging_matches_whole_text():
    text = "\n".join((SEEDS / "qingdao-shinan-2021.txt").read_text(encoding="utf-8").splitlines()[:25])
    tagger, tokenizer = _posseg(), _jieba_for(text)  # every key the text can use loaded
    whole_places = Counter(p.word for p in tagger.cut(text) if p.flag == "ns" and len(p.word) >= 2)
    whole_districts = Counter(w for w in tokenizer.lcut(text) if len(w) in (3, 4) and w[-1] in "区县")
    assert place_names(text) == whole_places and whole_places
    assert district_names(text) == whole_districts
    assert place_names(text) == whole_places  # again, from the remembered lines


def test_dictionary_tags_read_from_dict_txt_match_jieba_posseg():
    """Place names and key nouns come from dict.txt directly; they must be what posseg (no HMM) tags."""
    text = (SEEDS / "qingdao-2018.txt").read_text(encoding="utf-8")
    _jieba_for(text)
    tagged = [(p.word, p.flag) for p in _posseg().cut(text, HMM=False)]
    assert place_names(text) == Counter(w for w, f in tagged if f == "ns" and len(w) >= 2)
    nouns = [w for w, f in tagged if len(w) >= 4 and f in ("n", "nz", "nt", "vn", "ns")]
    assert noun_terms(text) == nouns and nouns


def test_key_terms_stay_linear_on_a_long_run_of_one_character():
    # Found by bench/fuzz.py: the HMM tagger took a minute on this inside a comparison's digest.
    assert noun_terms("推进宏观调控" + "发" * 30000 + "金融工具") == ["宏观调控", "金融工具"]


def test_a_chinese_numeral_too_large_for_a_float_is_not_a_number():
    from plandiff.engines.numerals import chinese_to_number

    assert chinese_to_number("九" * 400) is None
    assert chinese_to_number("两千五百") == 2500.0


def test_a_long_run_of_one_numeral_is_read_in_linear_time():
    # Found by bench/fuzz.py: 16,000 × 一 made the quantity regex backtrack from every position (38 s).
    from plandiff.parse.pipeline import parse_plan
    from plandiff.targets.extract import extract_targets

    plan = parse_plan("一、总体目标\n新增企业" + "一" * 16000 + "家。高新技术企业达到2500家。", "long")
    assert [t.value for t in extract_targets(plan)] == [2500.0]


def test_new_words_are_guessed_in_short_runs_only():
    """新冠 and 新质 are not in jieba's dictionary; a long run of rare characters is noise, not new words."""
    import random

    from plandiff.engines.words import content_words

    assert content_words("有效应对新冠肺炎疫情冲击,培育新质生产力。")[1:] == [["新冠", "肺炎", "疫情", "冲击"],
                                                                    ["培育", "新质", "生产力"]]
    rng = random.Random(2)
    noise = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(3000))
    assert content_words("推进宏观调控。" + noise + "。发展金融工具。")[0] == ["宏观调控"]


def test_numerals_read_without_cn2an_are_what_cn2an_reads():
    """Every string of up to three numeral characters, and every run of bare units: the same value as cn2an."""
    from itertools import product

    import cn2an

    from plandiff.engines.numerals import _BARE_UNITS, _simple_number

    def by_cn2an(text):
        try:
            return float(cn2an.cn2an(text, "smart"))
        except ValueError:
            return None

    alphabet = "零〇一二两三四五六七八九十百千万亿"
    answered = 0
    for length in (1, 2, 3):
        for text in map("".join, product(alphabet, repeat=length)):
            if _simple_number(text) is not None:
                answered += 1
                assert _simple_number(text) == by_cn2an(text), text
    assert answered > 100  # 七, 十四, 二十, 两百, 三万, …
    for length in (1, 2, 3, 4):
        for text in map("".join, product("百千万亿", repeat=length)):
            assert _BARE_UNITS.fullmatch(text) and by_cn2an(text) is None, text
