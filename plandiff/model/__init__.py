"""Every data type plandiff passes between layers: frozen values, statuses as StrEnum members.

Parsing makes a Plan; targets makes Targets; compare makes a Comparison; the store makes Revisions;
series makes a History, a Blame and Terms. Renderers only read these. The types live in four modules
by subject; import them from here.
"""

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
from .series import (  # noqa: F401
    AgeBucket,
    Blame,
    BlameLine,
    History,
    HistoryCell,
    HistoryRow,
    LogEntry,
    Revision,
    Series,
    SeriesReport,
    TermCount,
    TermFrequency,
    Terms,
    TermShift,
    Wording,
)
from .targets import (  # noqa: F401
    Firmness,
    Target,
    TargetChange,
    TargetKind,
    Tense,
    Verdict,
)

