"""plandiff: compare Chinese government planning documents.

    import plandiff
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Names resolve on first use, so `plandiff --help` and cached runs never import numpy, scipy or jieba.
_EXPORTS = {
    "compare": "plandiff.comparing",
    "Comparison": "plandiff.comparison",
    "SectionChange": "plandiff.comparison",
    "SentenceChange": "plandiff.comparison",
    "PlandiffError": "plandiff.errors",
    "load": "plandiff.loading",
    "Metadata": "plandiff.model",
    "Plan": "plandiff.model",
    "Section": "plandiff.model",
    "Sentence": "plandiff.model",
}
__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'plandiff' has no attribute {name!r}")
