"""summarizer: a news article in, a typed, validated, source-grounded record out."""

from summarizer._batch import BatchItem, BatchResult, ItemError, asummarize_many, summarize_many
from summarizer._cache import ResultCache
from summarizer._client import Summarizer
from summarizer._config import Config
from summarizer._cost import BatchTally
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
    "BatchItem",
    "BatchResult",
    "BatchTally",
    "CacheError",
    "Config",
    "ConfigError",
    "Figure",
    "InputError",
    "ItemError",
    "ModelFileError",
    "Number",
    "Party",
    "PromptError",
    "Rejected",
    "ResultCache",
    "RetriesExhausted",
    "ServerStartError",
    "Span",
    "Stance",
    "Summarizer",
    "SummarizerError",
    "SupportedText",
    "Usage",
    "ValidationFailed",
    "asummarize_many",
    "summarize_many",
]
