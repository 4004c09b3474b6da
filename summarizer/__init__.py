"""summarizer: a news article in, a typed, validated, source-grounded record out."""

from summarizer._client import Summarizer
from summarizer._config import Config
from summarizer.errors import (
    BackendError,
    CacheError,
    ConfigError,
    InputError,
    ModelFileError,
    PromptError,
    RetriesExhausted,
    ServerStartError,
    SummarizerError,
    ValidationFailed,
)
from summarizer.models import (
    ArticleSummary,
    Figure,
    Number,
    Party,
    Rejected,
    Span,
    Stance,
    SupportedText,
    Usage,
)

__all__ = [
    "ArticleSummary",
    "BackendError",
    "CacheError",
    "Config",
    "ConfigError",
    "Figure",
    "InputError",
    "ModelFileError",
    "Number",
    "Party",
    "PromptError",
    "Rejected",
    "RetriesExhausted",
    "ServerStartError",
    "Span",
    "Stance",
    "Summarizer",
    "SummarizerError",
    "SupportedText",
    "Usage",
    "ValidationFailed",
]
