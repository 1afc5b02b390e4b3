"""Each plan is segmented once per comparison: the terms of every heading and sentence, shared by section
alignment and sentence pairing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engines.words import index_terms, load_words_for
from ..model import Plan

# Numbers and ordinals in digits or Chinese numerals (5.5%, 十四, 第十四届, 第一次, 二十大): a changed figure or a
# congress's next session is an edit of the same sentence, not a change of topic.
_NUMBER = re.compile(r"[\d.%,]+|第?[〇零一二两三四五六七八九十百千]+[届次大]?")


@dataclass
class PlanTerms:
    """Index terms of a plan's headings and sentences; by_text also answers texts seen for the first time."""

    headings: dict[str, list[str]]  # section id → heading terms
    own: dict[str, list[str]]  # section id → heading and own-sentence terms (not its children's)
    by_text: dict[str, list[str]] = field(default_factory=dict)

    def of(self, text: str) -> list[str]:
        """The text's terms without bare numbers and ordinals."""
        if text not in self.by_text:
            self.by_text[text] = [t for t in index_terms(text) if not _NUMBER.fullmatch(t)]
        return self.by_text[text]


def plan_terms(plan: Plan) -> PlanTerms:
    """Segment every heading and sentence of the plan once."""
    terms = PlanTerms({}, {})
    load_words_for(text for section in plan.sections for text in (section.heading, *(s.text for s in section.sentences)))
    for section in plan.sections:
        heading = terms.of(section.heading) if section.heading else []
        terms.headings[section.id] = heading
        terms.own[section.id] = heading + [t for s in section.sentences for t in terms.of(s.text)]
    return terms
