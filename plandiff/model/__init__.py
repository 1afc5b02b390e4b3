"""Every data type plandiff passes between layers: frozen values, statuses as StrEnum members.

Parsing makes a Plan; targets makes Targets; compare makes a Comparison; the store makes Revisions;
series makes a History, a Blame and Terms. Renderers only read these. The types live in four modules
by subject; import them from here.
"""

import importlib

from .comparison import (  # noqa: F401
    COMPARATOR_SYMBOL,
    Comparison,
    Diff,
    DigestLine,
    DigestTopic,
    PairScore,
    Piece,
    SectionChange,
    SectionCounts,
    SectionStatus,
    SentenceChange,
    SentenceCounts,
    SentenceStatus,
    Summary,
)
from .plans import (  # noqa: F401
    NATIONAL_PLACE,
    Metadata,
    Plan,
    Section,
    SectionRole,
    Sentence,
)
from .targets import (  # noqa: F401
    Firmness,
    Target,
    TargetChange,
    TargetKind,
    Tense,
    Verdict,
)
from .wording import agree, counted  # noqa: F401


# The series types (fifteen frozen dataclasses, 0.02 s to define) load when first asked for: a comparison
# never needs them.
_SERIES_TYPES = frozenset({
    "AgeBucket", "Blame", "BlameLine", "History", "HistoryCell", "HistoryRow", "LogEntry", "Revision", "Series",
    "SeriesReport", "TermCount", "TermFrequency", "Terms", "TermShift", "Wording",
})
# Every model name, the lazy ones too: `from plandiff.model import *` loads them as it did when eager.
__all__ = sorted({name for name, value in globals().items()
                  if not name.startswith("_") and not isinstance(value, type(importlib))} | _SERIES_TYPES)


def __getattr__(name: str):
    if name in _SERIES_TYPES:
        return getattr(importlib.import_module(".series", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _SERIES_TYPES)
