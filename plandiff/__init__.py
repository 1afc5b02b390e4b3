"""plandiff: compare Chinese government planning documents."""

__version__ = "0.1.0"

from .errors import PlandiffError  # noqa: E402
from .loading import load  # noqa: E402
from .model import Metadata, Plan, Section, Sentence  # noqa: E402

__all__ = ["PlandiffError", "Metadata", "Plan", "Section", "Sentence", "load", "__version__"]
