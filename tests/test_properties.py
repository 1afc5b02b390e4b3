"""Property tests: diffs rebuild both texts exactly, and a plan never differs from itself."""

from __future__ import annotations

from conftest import SEED_SLUGS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import plandiff
from plandiff.diff.pipeline import compare
from plandiff.engines.worddiff import word_diff
from plandiff.parse.pipeline import parse_plan

SENTENCES = [s.text for slug in SEED_SLUGS for section in plandiff.load(slug).sections for s in section.sentences]
sentence = st.sampled_from(SENTENCES)
edit_text = st.text(alphabet=st.sampled_from(list("科技创新企业发展2.8%亿元家,。一是")), max_size=12)


@st.composite
def edited(draw):
    """A real sentence with a random span replaced by random plan-like text."""
    text = draw(sentence)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, text[:start] + draw(edit_text) + text[end:]


def rebuild(diff):
    return "".join(t for op, t in diff if op <= 0), "".join(t for op, t in diff if op >= 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_word_diff_rebuilds_both_sentences(pair):
    old, new = pair
    assert rebuild(word_diff(old, new)) == (old, new)


@settings(max_examples=60, deadline=None)
@given(sentence, sentence)
def test_word_diff_rebuilds_unrelated_sentences(old, new):
    assert rebuild(word_diff(old, new)) == (old, new)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEED_SLUGS), st.data())
def test_every_sentence_change_rebuilds_old_and_new(slug, data):
    original = (plandiff.load(slug)).text
    sentences = [s.text for section in plandiff.load(slug).sections for s in section.sentences]
    victims = data.draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=4, unique=True))
    edited_text = original
    for victim in victims:
        edited_text = edited_text.replace(victim, data.draw(edit_text) + victim[len(victim) // 2:], 1)
    comparison = compare(parse_plan(original, "old"), parse_plan(edited_text, "new"))
    for row in comparison.sections:
        for change in row.sentences:
            if change.old and change.new:
                assert rebuild(change.diff) == (change.old.text, change.new.text)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(SEED_SLUGS))
def test_self_comparison_reports_nothing(slug):
    plan = plandiff.load(slug)
    assert not compare(plan, plan).differs
