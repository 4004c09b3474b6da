"""Configuration: one frozen object, read from arguments first, then `SUMMARIZER_*`/`OPENAI_*` variables."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarizer.errors import ConfigError

EMBEDDED = "embedded"


@dataclass(frozen=True)
class Config:
    """Everything that decides how an article is summarized.

    `model=None` and no `base_url` means the embedded model (no key, no network). A `base_url` points at any
    OpenAI-compatible server (Ollama, vLLM, llama.cpp); a model name alone means OpenAI itself.
    """

    model: str | None = None
    base_url: str | None = None
    api_key: str | None = dataclasses.field(default=None, repr=False)
    # How the server takes a JSON schema: "json_schema" (OpenAI, vLLM, Ollama) or "llama_cpp" (llama.cpp's
    # `json_object` + `schema`). The embedded server is always "llama_cpp".
    dialect: Literal["json_schema", "llama_cpp"] = "json_schema"
    # Embedded engine. 4096 tokens holds a 3,500-word article plus the longest pass; 2 threads suit 2 cores.
    model_path: Path | None = None
    n_ctx: int = 4096
    n_threads: int | None = None
    max_tokens: int = 600
    # "passes": three short questions per article (numbers, stances, summary) sharing the article as a cached
    # prefix, which a small model follows; "single": the same questions in one request, one round trip and a
    # third of the input tokens, for strong models. None picks per backend: "single" for OpenAI itself,
    # "passes" for the embedded model and other servers (often small local models). See `chosen_strategy`.
    strategy: Literal["passes", "single"] | None = None
    # Transport retries (timeouts, 429, 5xx) and semantic re-asks have separate budgets.
    timeout_s: float = 300.0
    max_transport_retries: int = 4
    # First back-off wait (doubling, plus up to as much jitter) when a transient failure gives no Retry-After.
    retry_backoff_s: float = 1.0
    max_reasks: int = 1
    max_article_chars: int = 200_000
    temperature: float = 0.0
    seed: int = 0
    # Batches: the result cache file (default: results.sqlite3 in the user cache directory) and token prices
    # overriding the built-in table, as "model=INPUT/OUTPUT,..." in dollars per million tokens.
    cache_path: Path | None = None
    prices: str | None = None

    def __post_init__(self) -> None:
        for name, allowed in (("dialect", ("json_schema", "llama_cpp")), ("strategy", ("passes", "single", None))):
            if getattr(self, name) not in allowed:
                raise ConfigError(f"{name}={getattr(self, name)!r} is not one of "
                                  f"{[a for a in allowed if a]}; fix the argument or SUMMARIZER_{name.upper()}")

    @property
    def is_embedded(self) -> bool:
        return self.base_url is None and self.model in (None, EMBEDDED)

    def require_api_key(self) -> None:
        """Raise a `ConfigError` that says what to do when OpenAI itself is the server and no key is set."""
        if self.api_key is None and not self.is_embedded and self.base_url is None:
            raise ConfigError("no OpenAI API key: set OPENAI_API_KEY or pass api_key=, or use the embedded model "
                              "with Summarizer() (no arguments)")

    @property
    def chosen_strategy(self) -> Literal["passes", "single"]:
        """`strategy`, or the default for this backend."""
        if self.strategy is not None:
            return self.strategy
        return "single" if self.base_url is None and not self.is_embedded else "passes"

    @property
    def model_name(self) -> str:
        """The model name sent to the server (the embedded server ignores it)."""
        return self.model or EMBEDDED

    @classmethod
    def from_env(cls, **overrides: object) -> Config:
        """Build a Config: explicit arguments win over the environment, which wins over defaults."""
        env = os.environ
        values: dict[str, object] = {
            "model": env.get("SUMMARIZER_MODEL"),
            "base_url": env.get("SUMMARIZER_BASE_URL") or env.get("OPENAI_BASE_URL"),
            "api_key": env.get("SUMMARIZER_API_KEY") or env.get("OPENAI_API_KEY"),
            "dialect": env.get("SUMMARIZER_DIALECT"),
            "strategy": env.get("SUMMARIZER_STRATEGY"),
            "model_path": Path(env["SUMMARIZER_MODEL_PATH"]) if env.get("SUMMARIZER_MODEL_PATH") else None,
            "cache_path": Path(env["SUMMARIZER_CACHE_PATH"]) if env.get("SUMMARIZER_CACHE_PATH") else None,
            "prices": env.get("SUMMARIZER_PRICES"),
        }
        for name, kind in (("n_ctx", int), ("n_threads", int), ("max_tokens", int), ("timeout_s", float),
                           ("max_transport_retries", int), ("retry_backoff_s", float)):
            raw = env.get(f"SUMMARIZER_{name.upper()}")
            if raw:
                try:
                    values[name] = kind(raw)
                except ValueError as exc:
                    raise ConfigError(f"SUMMARIZER_{name.upper()}={raw!r} is not a number; unset it or fix it") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        values = {k: v for k, v in values.items() if v is not None}
        unknown = set(values) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ConfigError(f"unknown setting(s) {sorted(unknown)}; see summarizer.Config for the valid ones")
        return cls(**values)  # type: ignore[arg-type]  # keys checked against the fields just above
