"""Many articles at once: bounded concurrency, an error record per bad item, a cache, rate-limit manners.

One article costs four model calls that mostly wait on the server, so throughput comes from having many
articles in flight, which the async pipeline (`asummarize`) does on one event loop. `asummarize_many` drives
it directly; `summarize_many` runs the same coroutines on a background loop thread and hands results back to
the caller's thread. Both stream: at most `window` items are held at once (in flight or waiting to be
yielded in order), so memory does not grow with the input.

A failure belongs to its item: the item's record carries the error's class and message, the batch goes on.
When the server says 429 (or 503 with Retry-After), a gate shared by every request of the batch holds all new
requests until the Retry-After has passed, instead of letting each in-flight article find out on its own.

The JSON Lines side of the `batch` command (reading records, resuming an output file, the progress bar)
lives here too, so `cli.py` stays a thin client.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from concurrent.futures import Future
from contextlib import contextmanager
from email.utils import parsedate_to_datetime
from pathlib import Path
from queue import SimpleQueue
from types import TracebackType
from typing import IO, Protocol, Self

import openai
from pydantic import BaseModel, ConfigDict, Field

from summarizer._cache import ResultCache, cache_key
from summarizer._config import EMBEDDED, Config
from summarizer._cost import BatchTally, price_for
from summarizer._modelfile import MODEL_FILENAME
from summarizer.errors import ConfigError, InputError, SummarizerError
from summarizer.models import ArticleSummary, Usage

logger = logging.getLogger(__name__)
MAX_PAUSE_S = 60.0


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
    """Seconds a rate-limited server asks for (Retry-After, seconds or HTTP date; retry-after-ms); 1 if silent."""
    try:
        if headers.get("retry-after-ms"):
            return min(float(headers["retry-after-ms"]) / 1000, MAX_PAUSE_S)
        raw = headers.get("retry-after")
        if raw:
            try:
                return min(max(float(raw), 0.0), MAX_PAUSE_S)
            except ValueError:
                return min(max(parsedate_to_datetime(raw).timestamp() - time.time(), 0.0), MAX_PAUSE_S)
    except (ValueError, TypeError):
        pass
    return 1.0


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
    if config.is_embedded:
        return f"{EMBEDDED}:{config.model_path.name if config.model_path else MODEL_FILENAME}"
    return config.model_name


class _Runner:
    """Turns one input into one `BatchResult`: cache, bounded model calls, cost, error capture."""

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
        self._semaphore = asyncio.Semaphore(concurrency)

    def _build(self, config: Config) -> SupportsSummarize:
        """A summarizer whose requests share one rate-limit gate (the embedded server never rate-limits)."""
        from summarizer._client import Summarizer

        if config.is_embedded:
            return Summarizer(config=config)
        if config.api_key is None and config.base_url is None:
            raise ConfigError("no OpenAI API key: set OPENAI_API_KEY or pass api_key=, or use the embedded model "
                              "with Summarizer() (no arguments)")
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
        if isinstance(item, BatchResult):
            return item
        if isinstance(item, str):
            item = BatchItem(id=str(index), text=item)
        elif not isinstance(item, BatchItem):
            return failed(str(index), InputError(f"item {index} is a {type(item).__name__}; pass a str or a "
                                                 "BatchItem"))
        key = cache_key(item.text, title=item.title, model=self.model_key) if self.cache is not None else None
        if key is not None and (hit := self._lookup(key)) is not None:
            logger.info("cache hit for item %s", item.id)
            return BatchResult(id=item.id, result=hit, cached=True, cost_usd=0.0)
        async with self._semaphore:
            try:
                result = await self.summarizer.asummarize(item.text, title=item.title)
            except SummarizerError as error:
                return failed(item.id, error)
            except Exception as error:
                logger.warning("item %s failed unexpectedly", item.id, exc_info=True)
                return failed(item.id, error)
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
                   ordered: bool = True, cache: ResultCache | None = None) -> Iterator[BatchResult]:
    """Summarize many articles with up to `concurrency` in flight; one `BatchResult` per input item.

    `items` are strings (ids are their positions) or `BatchItem`s, read lazily; a `BatchResult` in the input
    passes through as is. Results come in input order (`ordered=True`) or as they complete. `summarizer` is a
    `Summarizer` (used as given) or a `Config` (a summarizer is built whose requests share a rate-limit gate;
    default `Config.from_env()`). With a `cache`, an article summarized before costs no model call.
    """
    runner = _Runner(summarizer, concurrency=concurrency, cache=cache)
    return _sync_results(runner, items, ordered)


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


def _bad(item_id: str, message: str) -> BatchResult:
    return failed(item_id, InputError(message, item=item_id))


def _record(raw: bytes, where: str, fields: tuple[str, str, str]) -> BatchItem | BatchResult:
    id_field, text_field, title_field = fields
    try:
        data = json.loads(raw)
    except ValueError as exc:
        return _bad(where, f"{where} is not a JSON object ({exc}); fix the line")
    if not isinstance(data, dict):
        return _bad(where, f"{where} is a JSON {type(data).__name__}, not an object with {id_field!r} and "
                           f"{text_field!r}")
    ident = data.get(id_field)
    if not isinstance(ident, str | int) or isinstance(ident, bool):
        return _bad(where, f"{where} has no {id_field!r} (a string or an integer); add one or pass --id-field")
    text, title = data.get(text_field), data.get(title_field)
    if not isinstance(text, str):
        return _bad(str(ident), f"{where} has no {text_field!r} string; add the article or pass --text-field")
    return BatchItem(id=str(ident), text=text, title=title if isinstance(title, str) else None)


def _text_file(path: Path, item_id: str) -> BatchItem | BatchResult:
    try:
        return BatchItem(id=item_id, text=path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _bad(item_id, f"{path} is not UTF-8 (bad byte at {exc.start}); convert it")
    except OSError as exc:
        return _bad(item_id, f"cannot read {path}: {exc.strerror}")


def _lines(source: str, fields: tuple[str, str, str]) -> Iterator[BatchItem | BatchResult]:
    path = Path(source)
    if source != "-" and path.is_dir():
        for file in sorted(path.rglob("*.txt")):
            yield _text_file(file, file.relative_to(path).as_posix())
    elif source != "-" and path.suffix == ".txt":
        yield _text_file(path, path.name)
    else:
        name = "stdin" if source == "-" else path.name
        with (open(sys.stdin.fileno(), "rb", closefd=False) if source == "-" else path.open("rb")) as stream:
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    yield _record(raw, f"{name}:{number}", fields)


def read_items(sources: Sequence[str], *, id_field: str = "id", text_field: str = "text",
               title_field: str = "title") -> Iterator[BatchItem | BatchResult]:
    """Items from JSON Lines files (or `-`, stdin), `.txt` files and directories of them, read lazily.

    A line that is not a usable record becomes an error record (`InputError`) with the line's id, or
    `FILE:LINE` when it has none.
    """
    for source in sources:
        if source != "-" and not Path(source).exists():
            raise InputError(f"cannot read {source}: no such file or directory; check the path")
    fields = (id_field, text_field, title_field)
    return (item for source in sources for item in _lines(source, fields))


def count_items(sources: Sequence[str]) -> int | None:
    """How many items `read_items` will give (None for stdin), for a progress bar."""
    total = 0
    for source in sources:
        path = Path(source)
        if source == "-":
            return None
        if path.is_dir():
            total += sum(1 for _ in path.rglob("*.txt"))
        elif path.suffix == ".txt":
            total += 1
        else:
            with path.open("rb") as stream:
                total += sum(1 for line in stream if line.strip())
    return total


class BatchOutput:
    """Where result lines go: a file (resumable) or stdout. One write per line, so a kill leaves at most one
    partial last line, which `resume` removes."""

    def __init__(self, path: str | None, *, resume: bool) -> None:
        self.path = None if path is None or path == "-" else Path(path)
        self.done: set[str] = set()
        if self.path is None:
            if resume:
                raise InputError("--resume needs an output file: pass -o OUT")
            self._stream: IO[bytes] = sys.stdout.buffer
            return
        exists = self.path.exists() and self.path.stat().st_size > 0
        if exists and not resume:
            raise InputError(f"{self.path} already holds results; pass --resume to continue it, or remove it")
        if exists:
            self.done = _resume(self.path)
        self._stream = self.path.open("ab", buffering=0)

    def write(self, result: BatchResult) -> None:
        self._stream.write((result.to_json_line() + "\n").encode())
        self._stream.flush()

    def pending(self, items: Iterable[BatchItem | BatchResult], tally: BatchTally
                ) -> Iterator[BatchItem | BatchResult]:
        """`items` without those already in the output (counted as skipped in `tally`)."""
        for item in items:
            if item.id in self.done:
                tally.skipped += 1
            else:
                yield item

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.path is not None:
            self._stream.close()


def _resume(path: Path) -> set[str]:
    """Ids in a result file; a last line cut short by a killed run is removed, so its item runs again."""
    ids: set[str] = set()
    kept = 0
    with path.open("r+b") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.endswith(b"\n"):
                break
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number} is not a result line; fix or remove it before --resume",
                                 item=str(number)) from exc
            kept += len(line)
        stream.truncate(kept)
    return ids


@contextmanager
def progress_bar(total: int | None, *, enabled: bool) -> Iterator[Callable[[BatchTally], None]]:
    """A rich progress bar on stderr (items, rate, ETA, failures); a no-op when disabled (not a terminal)."""
    if not enabled:
        yield lambda tally: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("summarizing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[tally]}"))
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task("batch", total=total, rate="", tally="")

        def advance(tally: BatchTally) -> None:
            finished = tally.done + tally.failed
            bar.update(task, advance=1, rate=f"{finished / max(tally.wall_s, 1e-9):.1f}/s",
                       tally=f"failed {tally.failed:,} cached {tally.cached:,}")

        yield advance
