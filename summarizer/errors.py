"""Every error the library raises. Callers catch one base class::

    SummarizerError
    ├── ConfigError          bad or missing configuration (unknown model, missing API key, extra not installed)
    │   └── ModelFileError   the embedded model file cannot be assembled or fails its checksum
    ├── PromptError          a prompt template is missing or its placeholders do not match
    ├── InputError           the article itself cannot be processed (empty, binary, too long); `.item` in batches
    ├── BackendError         the model server failed (unreachable, HTTP error, bad output)
    │   ├── ServerStartError the embedded server did not start; `.stderr_tail` says why
    │   └── RetriesExhausted transient failures outlasted the retry budget; `.attempts`
    ├── ValidationFailed     the model's output could not be validated after every re-ask; `.last_output`
    └── CacheError           the result cache cannot be opened or written

Messages say what happened, the value involved, and what to do next.
"""

from __future__ import annotations

from summarizer.models import Usage


class SummarizerError(Exception):
    """Base class of every error raised by summarizer."""


class ConfigError(SummarizerError):
    """The configuration is wrong or incomplete."""


class ModelFileError(ConfigError):
    """The embedded model file is missing, incomplete or corrupt."""


class PromptError(SummarizerError):
    """A prompt template is missing or its placeholders do not match the values given."""


class InputError(SummarizerError):
    """The article cannot be processed as given."""

    def __init__(self, message: str, *, item: str | None = None) -> None:
        super().__init__(message)
        self.item = item


class BackendError(SummarizerError):
    """The model backend failed."""


class ServerStartError(BackendError):
    """The embedded model server did not start."""

    def __init__(self, message: str, *, stderr_tail: str = "") -> None:
        super().__init__(message + (f"\n--- server output (last lines) ---\n{stderr_tail}" if stderr_tail else ""))
        self.stderr_tail = stderr_tail


class RetriesExhausted(BackendError):
    """Transient failures (timeouts, 429, 5xx, dropped connections) outlasted the retry budget."""

    def __init__(self, message: str, *, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


class ValidationFailed(SummarizerError):
    """The model's output failed validation on every attempt."""

    def __init__(self, message: str, *, attempts: int, last_output: str | None = None,
                 usage: Usage | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output
        self.usage = usage or Usage()


class CacheError(SummarizerError):
    """The result cache cannot be used."""
