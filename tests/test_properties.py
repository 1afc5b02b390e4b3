"""Property tests: diffs rebuild both texts exactly, and a plan never differs from itself."""

from __future__ import annotations

import pytest
from conftest import SEED_SLUGS, seed_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plandiff.diff.pipeline import compare
from plandiff.engines.worddiff import word_diff
from plandiff.parse.pipeline import parse_plan

edit_text = st.text(alphabet=st.sampled_from(list("科技创新企业发展2.8%亿元家,。一是")), max_size=12)


def sentences_of(plan) -> list[str]:
    return [s.text for section in plan.sections for s in section.sentences]


@pytest.fixture(scope="session")
def seed_sentences() -> list[str]:
    return [text for slug in SEED_SLUGS for text in sentences_of(seed_plan(slug))]


@st.composite
def edited(draw, sentences):
    """A real sentence with a random span replaced by random plan-like text."""
    text = draw(st.sampled_from(sentences))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, text[:start] + draw(edit_text) + text[end:]


def rebuild(diff):
    return "".join(t for op, t in diff if op <= 0), "".join(t for op, t in diff if op >= 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_word_diff_rebuilds_both_sentences(seed_sentences, data):
    old, new = data.draw(edited(seed_sentences))
    assert rebuild(word_diff(old, new)) == (old, new)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_word_diff_rebuilds_unrelated_sentences(seed_sentences, data):
    old, new = data.draw(st.sampled_from(seed_sentences)), data.draw(st.sampled_from(seed_sentences))
    assert rebuild(word_diff(old, new)) == (old, new)


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEED_SLUGS), st.data())
def test_every_sentence_change_rebuilds_old_and_new(slug, data):
    original = seed_plan(slug).text
    sentences = sentences_of(seed_plan(slug))
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
    plan = seed_plan(slug)
    assert not compare(plan, plan).differs
