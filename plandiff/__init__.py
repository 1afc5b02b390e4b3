"""plandiff: compare Chinese government planning documents.

    import plandiff
    comparison = plandiff.compare(plandiff.load("qingdao-2018"), plandiff.load("wuhan-2014"))
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# Names resolve on first use, so `plandiff --help` and cached runs never import numpy, scipy or jieba.
_EXPORTS = {
    "compare": "plandiff.diff.pipeline",
    "parse_plan": "plandiff.parse.pipeline",
    "extract_targets": "plandiff.targets.extract",
    "Workspace": "plandiff.sources.workspace",
    "PlandiffError": "plandiff.errors",
    "Comparison": "plandiff.model",
    "SectionChange": "plandiff.model",
    "SentenceChange": "plandiff.model",
    "Metadata": "plandiff.model",
    "Plan": "plandiff.model",
    "Section": "plandiff.model",
    "Sentence": "plandiff.model",
    "Target": "plandiff.model",
    "TargetChange": "plandiff.model",
}
__all__ = sorted(_EXPORTS) + ["__version__", "load"]


def load(name: str, repo: str | None = None):
    """A plan by slug, slug@revision or file path, through the default workspace (and its cache)."""
    from .sources.workspace import Workspace

    return Workspace.from_environment(repo).load(name)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'plandiff' has no attribute {name!r}")
