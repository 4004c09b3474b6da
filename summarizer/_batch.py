"""Many articles at once: bounded concurrency, an error record per bad item, a cache, rate-limit manners.

One article costs four model calls that mostly wait on the server, so throughput comes from having many
articles in flight, which the async pipeline (`asummarize`) does on one event loop. `asummarize_many` drives
it directly; `summarize_many` runs the same coroutines on a background loop thread and hands results back to
the caller's thread. Both stream: at most `window` items are held at once (in flight or waiting to be
yielded in order), so memory does not grow with the input.

A failure belongs to its item: the item's record carries the error's class and message, the batch goes on.
When the server says 429 (or 503 with Retry-After), a gate shared by every request of the batch holds all new
requests until the Retry-After has passed, instead of letting each in-flight article find out on its own.

The JSON Lines side of the `batch` command lives in `_batch_io.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections import deque
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Iterable,
    Iterator,
    Mapping,
)
from concurrent.futures import Future
from queue import SimpleQueue
from typing import Protocol

import openai
from pydantic import BaseModel, ConfigDict, Field

from summarizer._backend import request_slots
from summarizer._cache import ResultCache, cache_key
from summarizer._client import Summarizer
from summarizer._config import EMBEDDED, Config
from summarizer._cost import price_for
from summarizer._modelfile import MODEL_FILENAME
from summarizer._retry_after import retry_after_s
from summarizer.errors import ConfigError, InputError, SummarizerError
from summarizer.models import ArticleSummary, Usage

logger = logging.getLogger(__name__)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BatchItem(_Record):
    """One article of a batch; plain strings in a batch become items with their position as id."""

    id: str
    text: str
    title: str | None = None


class ItemError(_Record):
    """Why one item has no result: the error's class name (e.g. "InputError") and its message."""

    type: str
    message: str


class BatchResult(_Record):
    """The outcome of one item: a `result` or an `error`, never both.

    `usage` and `cost_usd` count this run only (zero for a cached result); `cost_usd` is None when the model
    has no known price.
    """

    id: str
    result: ArticleSummary | None = None
    error: ItemError | None = None
    cached: bool = False
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = None

    def to_json_line(self) -> str:
        """One JSON line: id, result or error, cached, usage, cost."""
        return self.model_dump_json(exclude={"error"} if self.error is None else {"result"})


def failed(item_id: str, error: BaseException) -> BatchResult:
    """The record of an item that raised `error`."""
    return BatchResult(id=item_id, error=ItemError(type=type(error).__name__, message=str(error)))


def settled(index: int, item: object) -> BatchItem | BatchResult:
    """The input at `index` as an item to summarize, or its record when there is nothing to summarize (a result
    passed through, or something that is not an article)."""
    if isinstance(item, BatchResult | BatchItem):
        return item
    if isinstance(item, str):
        return BatchItem(id=str(index), text=item)
    return failed(str(index), InputError(f"item {index} is a {type(item).__name__}; pass a str or a BatchItem"))


class SupportsSummarize(Protocol):
    """What a batch needs from a summarizer (`Summarizer` is one)."""

    @property
    def config(self) -> Config: ...

    async def asummarize(self, text: str | bytes, *, title: str | None = None) -> ArticleSummary: ...


class _Response(Protocol):
    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


def pause_after(headers: Mapping[str, str]) -> float:
    """Seconds a rate-limited server asks for (`retry_after_s`); 1 if it says nothing usable."""
    told = retry_after_s(headers)
    return 1.0 if told is None else told


class RateGate:
    """HTTP event hooks shared by every request of a batch: after a 429, nothing leaves until it is time."""

    def __init__(self) -> None:
        self.resume_at = 0.0

    async def before(self, request: object) -> None:
        while (delay := self.resume_at - time.monotonic()) > 0:
            await asyncio.sleep(delay)

    async def after(self, response: _Response) -> None:
        status = response.status_code
        if status == 429 or (status == 503 and "retry-after" in response.headers):
            pause = pause_after(response.headers)
            self.resume_at = max(self.resume_at, time.monotonic() + pause)
            logger.warning("rate limited (HTTP %d): holding every request of the batch for %.1f s", status, pause)


def _model_key(config: Config) -> str:
    """The model and the strategy that asked it: both decide the result."""
    model = f"{EMBEDDED}:{config.model_path.name if config.model_path else MODEL_FILENAME}" if config.is_embedded \
        else config.model_name
    return f"{model}:{config.chosen_strategy}"


class _Runner:
    """Turns one input into one `BatchResult`: cache, bounded model calls, cost, error capture.

    With the library's own `Summarizer`, `concurrency` bounds the model requests in flight: each request takes a
    slot (`request_slots`) and gives it back when it is answered, so while one article works between its calls
    (grounding its answer, building the next request) the slot serves another article's request. Up to `window`
    articles are open at once. A summarizer of another kind is held to `concurrency` articles at once.
    """

    def __init__(self, summarizer: SupportsSummarize | Config | None, *, concurrency: int,
                 cache: ResultCache | None) -> None:
        if concurrency < 1:
            raise ConfigError(f"concurrency must be at least 1, got {concurrency}")
        self.window = max(2 * concurrency, concurrency + 16)
        self._own_client: openai.AsyncOpenAI | None = None
        if isinstance(summarizer, Config) or summarizer is None:
            self.summarizer = self._build(summarizer or Config.from_env())
        else:
            self.summarizer = summarizer
        config = self.summarizer.config
        self.price = price_for(config)
        self.model_key = _model_key(config)
        self.cache = cache
        self._slots = asyncio.Semaphore(concurrency)
        self._per_request = isinstance(self.summarizer, Summarizer)

    def _build(self, config: Config) -> SupportsSummarize:
        """A summarizer whose requests share one rate-limit gate (the embedded server never rate-limits)."""
        if config.is_embedded:
            return Summarizer(config=config)
        config.require_api_key()
        gate = RateGate()
        http = openai.DefaultAsyncHttpxClient(timeout=config.timeout_s,
                                              event_hooks={"request": [gate.before], "response": [gate.after]})
        self._own_client = openai.AsyncOpenAI(api_key=config.api_key or "not-needed", base_url=config.base_url,
                                              timeout=config.timeout_s, max_retries=0, http_client=http)
        return Summarizer(config=config, async_client=self._own_client)

    @property
    def owns_client(self) -> bool:
        return self._own_client is not None

    async def aclose(self) -> None:
        """Close the HTTP client this runner made (a given summarizer belongs to the caller)."""
        if self._own_client is not None:
            await self._own_client.close()

    async def run(self, index: int, item: str | BatchItem | BatchResult) -> BatchResult:
        item = settled(index, item)
        if isinstance(item, BatchResult):
            return item
        key = cache_key(item.text, title=item.title, model=self.model_key) if self.cache is not None else None
        if key is not None and (hit := self._lookup(key)) is not None:
            logger.info("cache hit for item %s", item.id)
            return BatchResult(id=item.id, result=hit, cached=True, cost_usd=0.0)
        token = request_slots.set(self._slots) if self._per_request else None
        try:
            async with contextlib.nullcontext() if self._per_request else self._slots:
                result = await self.summarizer.asummarize(item.text, title=item.title)
        except SummarizerError as error:
            return failed(item.id, error)
        except Exception as error:
            logger.warning("item %s failed unexpectedly", item.id, exc_info=True)
            return failed(item.id, error)
        finally:
            if token is not None:
                request_slots.reset(token)
        if key is not None:
            self._store(key, result)
        return BatchResult(id=item.id, result=result, usage=result.usage,
                           cost_usd=None if self.price is None else self.price.cost(result.usage))

    def _lookup(self, key: str) -> ArticleSummary | None:
        try:
            return self.cache.get(key) if self.cache is not None else None
        except SummarizerError as error:
            logger.warning("%s; treating it as a miss", error)
            return None

    def _store(self, key: str, result: ArticleSummary) -> None:
        try:
            if self.cache is not None:
                self.cache.put(key, result)
        except SummarizerError as error:
            logger.warning("%s; the result is returned but not cached", error)


Items = Iterable[str | BatchItem | BatchResult]


def summarize_many(items: Items, *, summarizer: SupportsSummarize | Config | None = None, concurrency: int = 8,
                   ordered: bool = True, cache: ResultCache | None = None, processes: int = 1
                   ) -> Iterator[BatchResult]:
    """Summarize many articles with up to `concurrency` model requests in flight; one `BatchResult` per input item.

    `items` are strings (ids are their positions) or `BatchItem`s, read lazily; a `BatchResult` in the input
    passes through as is. Results come in input order (`ordered=True`) or as they complete. `summarizer` is a
    `Summarizer` (used as given) or a `Config` (a summarizer is built whose requests share a rate-limit gate;
    default `Config.from_env()`). A summarizer of another kind (anything with `asummarize`) is held to
    `concurrency` articles at once. With a `cache`, an article summarized before costs no model call.
    `processes > 1` shares the `concurrency` among that many worker processes, for when the client's CPU rather
    than the server bounds throughput (a `Config` for a server is needed; each process has its own rate-limit
    gate).
    """
    if processes != 1:
        from summarizer._batch_pool import pooled_results

        return pooled_results(items, _pool_config(summarizer, concurrency, processes), concurrency=concurrency,
                              ordered=ordered, cache=cache, processes=processes)
    runner = _Runner(summarizer, concurrency=concurrency, cache=cache)
    return _sync_results(runner, items, ordered)


def _pool_config(summarizer: SupportsSummarize | Config | None, concurrency: int, processes: int) -> Config:
    """The configuration worker processes rebuild the summarizer from, checked before any starts."""
    if processes < 1 or concurrency < 1:
        raise ConfigError(f"processes and concurrency must be at least 1, got {processes} and {concurrency}")
    if summarizer is not None and not isinstance(summarizer, Config):
        raise ConfigError("processes > 1 needs summarizer=Config(...): a Summarizer object cannot be sent to "
                          "worker processes")
    config = summarizer or Config.from_env()
    if config.is_embedded:
        raise ConfigError("processes > 1 needs a server (base_url=, or an OpenAI model): the embedded model "
                          "answers one request at a time, so more client processes cannot help")
    config.require_api_key()
    return config


def asummarize_many(items: Items | AsyncIterable[str | BatchItem | BatchResult], *,
                    summarizer: SupportsSummarize | Config | None = None, concurrency: int = 8, ordered: bool = True,
                    cache: ResultCache | None = None) -> AsyncIterator[BatchResult]:
    """`summarize_many` for async code: `async for result in asummarize_many(...)`; `items` may be async."""
    runner = _Runner(summarizer, concurrency=concurrency, cache=cache)
    return _async_results(runner, items, ordered)


class _Loop:
    """One event loop thread per process for the sync API (a fork gets its own, as threads do not survive it)."""

    lock = threading.Lock()
    loop: asyncio.AbstractEventLoop | None = None
    pid = 0

    @classmethod
    def get(cls) -> asyncio.AbstractEventLoop:
        with cls.lock:
            if cls.loop is None or cls.pid != os.getpid():
                cls.loop, cls.pid = asyncio.new_event_loop(), os.getpid()
                threading.Thread(target=cls.loop.run_forever, name="summarizer-batch", daemon=True).start()
            return cls.loop


def _sync_results(runner: _Runner, items: Items, ordered: bool) -> Iterator[BatchResult]:
    loop = _Loop.get()
    pending: deque[Future[BatchResult]] = deque()
    finished: SimpleQueue[Future[BatchResult]] = SimpleQueue()
    source = enumerate(items)
    try:
        while True:
            while len(pending) < runner.window and (entry := next(source, None)) is not None:
                future = asyncio.run_coroutine_threadsafe(runner.run(*entry), loop)
                if not ordered:
                    future.add_done_callback(finished.put)
                pending.append(future)
            if not pending:
                return
            if ordered:
                future = pending.popleft()
            else:
                future = finished.get()
                pending.remove(future)
            yield future.result()
    finally:
        for future in pending:
            future.cancel()
        if runner.owns_client and loop.is_running():
            asyncio.run_coroutine_threadsafe(runner.aclose(), loop).result(timeout=30)


async def _numbered(items: Items | AsyncIterable[str | BatchItem | BatchResult]
                    ) -> AsyncGenerator[tuple[int, str | BatchItem | BatchResult], None]:
    if isinstance(items, AsyncIterable):
        index = 0
        async for item in items:
            yield index, item
            index += 1
    else:
        for entry in enumerate(items):
            yield entry


async def _async_results(runner: _Runner, items: Items | AsyncIterable[str | BatchItem | BatchResult],
                         ordered: bool) -> AsyncIterator[BatchResult]:
    pending: deque[asyncio.Task[BatchResult]] = deque()
    source = _numbered(items)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < runner.window:
                entry = await anext(source, None)
                if entry is None:
                    exhausted = True
                else:
                    pending.append(asyncio.ensure_future(runner.run(*entry)))
            if not pending:
                return
            if not ordered:
                await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            task = pending[0] if ordered else next(task for task in pending if task.done())
            pending.remove(task)
            yield await task
    finally:
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        await source.aclose()
        await runner.aclose()


# --- JSON Lines files for the `batch` command ---------------------------------------------------------------
