"""Checks on the article before any model call: every refusal is an `InputError` that says what to do."""

from __future__ import annotations

import re

from summarizer._config import Config
from summarizer.errors import ConfigError, InputError

# Roughly 3.5 characters per token for English news with this tokenizer; what the passes add around the article.
CHARS_PER_TOKEN = 3.5
PROMPT_OVERHEAD_TOKENS = 700
_MARKUP = re.compile(r"<\s*/?\s*(?:html|head|body|div|p|span|script|style|article|section|header|footer|nav|main|"
                     r"aside|br|hr|a|b|i|em|strong|h[1-6]|ul|ol|li|table|tr|td|th|img|figure|iframe|meta|link|"
                     r"title|noscript|form|!doctype)\b[^>]*>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_article(text: str | bytes, config: Config) -> str:
    """The article as text, or an `InputError` for empty, binary, markup or oversized input."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"the article is not valid UTF-8 (bad byte at position {exc.start}); decode it "
                             "with the right encoding and pass a str") from exc
    if not isinstance(text, str):
        raise InputError(f"the article must be str or bytes, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the article is empty or only whitespace; pass the article's text")
    # All of any article short enough to process is scanned: a prefix scan let padding hide markup or binary.
    sample = text[: config.max_article_chars]
    if len(_CONTROL.findall(sample)) > 0.01 * len(sample):
        raise InputError("the article looks binary (it contains control characters); pass plain text")
    if len(_MARKUP.findall(sample)) >= 3:
        raise InputError("the article looks like HTML markup; extract its text first (for example with "
                         "trafilatura or BeautifulSoup's get_text()) so offsets refer to the words a reader sees")
    if len(text) > config.max_article_chars:
        raise InputError(f"the article has {len(text):,} characters, over the limit of "
                         f"{config.max_article_chars:,}; split it or raise max_article_chars")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: no server can receive it
        raise InputError(f"the article contains an unpaired surrogate at position {exc.start}, which is not text; "
                         "decode the source with errors='replace' or remove it") from exc
    return text


def answer_tokens(config: Config) -> int:
    """The longest answer one request may write: `max_tokens` per question it asks."""
    return config.max_tokens * (3 if config.chosen_strategy == "single" else 1)


def window_chars(config: Config) -> int:
    """How much article one request may carry: what the context holds beside the prompt and two answers (a
    re-ask resends the first); a "single" request answers three questions at once. Servers other than llama.cpp
    are assumed to hold at least 16k tokens."""
    if config.is_embedded or config.dialect == "llama_cpp":
        tokens = config.n_ctx - PROMPT_OVERHEAD_TOKENS - 2 * answer_tokens(config)
    else:
        tokens = 16_000
    if tokens < 200:
        raise ConfigError(f"n_ctx={config.n_ctx} leaves no room for the article beside max_tokens="
                          f"{config.max_tokens} ({config.chosen_strategy} strategy); raise n_ctx or lower max_tokens")
    return int(tokens * CHARS_PER_TOKEN)
