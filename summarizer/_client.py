"""`Summarizer`: configuration, backend and embedded server wired to the pipeline, sync and async."""

from __future__ import annotations

import threading
from dataclasses import replace
from types import TracebackType
from typing import Any, Self

import openai

from summarizer import _pipeline
from summarizer._backend import Backend, Call
from summarizer._config import Config
from summarizer._input import answer_tokens, check_article, window_chars
from summarizer._modelfile import MODEL_FILENAME, assemble_model
from summarizer._server import EmbeddedServer
from summarizer.errors import SummarizerError
from summarizer.models import ArticleSummary

_servers: dict[tuple[str, int, int | None], EmbeddedServer] = {}
_servers_lock = threading.Lock()


def embedded_server(config: Config) -> EmbeddedServer:
    """The process-wide embedded server for this model file and context size, started on first use."""
    model_path = config.model_path or assemble_model()
    key = (str(model_path), config.n_ctx, config.n_threads)
    with _servers_lock:
        server = _servers.get(key)
        if server is None or not server.running:
            server = EmbeddedServer(model_path, n_ctx=config.n_ctx, n_threads=config.n_threads).start()
            _servers[key] = server
        return server


def _resolve(config: Config | None, settings: dict[str, Any]) -> Config:
    if config is not None and settings:
        raise TypeError("pass either config= or individual settings, not both")
    return config or Config.from_env(**settings)


class Summarizer:
    """Summarize articles into grounded records.

    `Summarizer()` uses the embedded model (no key, no network); `Summarizer(model="gpt-4o-mini")` uses OpenAI
    with `OPENAI_API_KEY`; `Summarizer(base_url="http://localhost:11434/v1", model="qwen2.5")` any
    OpenAI-compatible server. Other settings are `Config` fields. `summarize` and `asummarize` run the same
    pipeline; an `openai.OpenAI` / `openai.AsyncOpenAI` client may be injected.
    """

    def __init__(self, model: str | None = None, *, base_url: str | None = None, api_key: str | None = None,
                 config: Config | None = None, client: openai.OpenAI | None = None,
                 async_client: openai.AsyncOpenAI | None = None, **settings: Any) -> None:
        settings.update({k: v for k, v in (("model", model), ("base_url", base_url), ("api_key", api_key)) if v})
        self.config = _resolve(config, settings)
        self._client = client
        self._async_client = async_client
        self._backend: Backend | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Summarizer(model={self._model_label()!r}, base_url={self.config.base_url!r})"

    def _get_backend(self) -> Backend:
        with self._lock:
            if self._backend is None:
                config = self.config
                if config.is_embedded:
                    config = replace(config, base_url=embedded_server(config).base_url, dialect="llama_cpp")
                self._backend = Backend(config, client=self._client, async_client=self._async_client)
            return self._backend

    def _model_label(self) -> str:
        if self.config.is_embedded:
            return f"{(self.config.model_path.name if self.config.model_path else MODEL_FILENAME)} (embedded)"
        return self.config.model_name

    def _start(self, text: str | bytes, title: str | None) -> _pipeline.Steps:
        article = check_article(text, self.config)
        return _pipeline.run(article, title, answer_tokens(self.config), window_chars(self.config),
                             self.config.chosen_strategy)

    def summarize(self, text: str | bytes, *, title: str | None = None) -> ArticleSummary:
        """The grounded record of one article."""
        steps = self._start(text, title)
        backend = self._get_backend()
        step: Call | ArticleSummary = next(steps)
        while isinstance(step, Call):
            try:
                outcome: _pipeline.Outcome = backend.complete(step)
            except SummarizerError as error:
                outcome = error
            step = self._advance(steps, outcome)
        return step

    async def asummarize(self, text: str | bytes, *, title: str | None = None) -> ArticleSummary:
        """`summarize`, awaiting the server (for many articles in flight at once)."""
        steps = self._start(text, title)
        backend = self._get_backend()
        step: Call | ArticleSummary = next(steps)
        while isinstance(step, Call):
            try:
                outcome: _pipeline.Outcome = await backend.acomplete(step)
            except SummarizerError as error:
                outcome = error
            step = self._advance(steps, outcome)
        return step

    def _advance(self, steps: _pipeline.Steps, outcome: _pipeline.Outcome) -> Call | ArticleSummary:
        """The pipeline's next call, or its result labelled with the model."""
        try:
            return steps.send(outcome)
        except StopIteration as done:
            result: ArticleSummary = done.value
            return result.model_copy(update={"model": self._model_label()})

    def close(self) -> None:
        """Release the HTTP clients (the shared embedded server stops at interpreter exit)."""
        if self._backend is not None:
            self._backend.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
