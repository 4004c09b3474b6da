"""`summarize_many(..., processes=N)`: the same records as one process, streamed, stopped cleanly, refused
where it cannot help. Model calls go to the loopback stub server."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import (
    BackendError,
    BatchItem,
    BatchResult,
    Config,
    ConfigError,
    ResultCache,
    Summarizer,
    summarize_many,
)
from tests.openai_stub import StubServer
from tests.test_batch import ARTICLE, article, stub_config


def test_two_processes_give_the_records_of_one() -> None:
    """In order, with per-item errors (an empty article, something that is not an article) and a passed-through
    record in place; as completed, every id once."""
    passed = BatchResult(id="kept")
    items: list[Any] = [article(i) for i in range(6)] + ["", 42, passed, BatchItem(id="t", text=ARTICLE)]
    with StubServer(latency_s=0.02) as server:
        one = list(summarize_many(items, summarizer=stub_config(server), concurrency=4))
        two = list(summarize_many(items, summarizer=stub_config(server), concurrency=4, processes=2))
        loose = list(summarize_many(items, summarizer=stub_config(server), concurrency=4, processes=2,
                                    ordered=False))
    assert [r.model_dump() for r in two] == [r.model_dump() for r in one]
    assert [r.error.type if r.error else None for r in two][6:8] == ["InputError", "InputError"]
    assert sorted(r.id for r in loose) == sorted(r.id for r in one)


def test_workers_share_the_cache(tmp_path: Path) -> None:
    """What one run stored, the next run's workers find."""
    items = [article(i) for i in range(4)]
    with StubServer() as server, ResultCache(tmp_path / "c.sqlite3") as cache:
        first = list(summarize_many(items, summarizer=stub_config(server), cache=cache, processes=2))
        second = list(summarize_many(items, summarizer=stub_config(server), cache=cache, processes=2))
    assert not any(r.cached for r in first) and all(r.cached for r in second)
    assert [r.result for r in second] == [r.result for r in first]


def test_stopping_early_stops_the_workers() -> None:
    """An endless input is read a window at a time; closing the results ends every worker."""
    pulled = itertools.count()

    def endless() -> Iterator[str]:
        while True:
            yield article(next(pulled))

    with StubServer(latency_s=0.01) as server:
        results = summarize_many(endless(), summarizer=stub_config(server), concurrency=4, processes=2)
        taken = [next(results) for _ in range(5)]
        results.close()  # type: ignore[attr-defined]  # a generator underneath
    assert [r.id for r in taken] == [str(i) for i in range(5)]
    assert next(pulled) <= 5 + max(2 * 4, 4 + 16) + 1
    assert not multiprocessing.active_children()


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    """A killed worker process ends the batch with a BackendError that names it."""
    with StubServer(latency_s=0.2) as server:
        results = summarize_many((article(i) for i in range(40)), summarizer=stub_config(server), concurrency=2,
                                 processes=2)
        next(results)
        os.kill(multiprocessing.active_children()[0].pid or 0, signal.SIGKILL)
        with pytest.raises(BackendError, match="batch worker .* exited"):
            list(results)
    assert not multiprocessing.active_children()


def test_processes_are_refused_where_they_cannot_help() -> None:
    """A Summarizer object cannot be sent to workers; the embedded model answers one request at a time."""
    with pytest.raises(ConfigError, match="Config"):
        summarize_many(["x"], summarizer=Summarizer(base_url="http://127.0.0.1:9/v1", model="m"), processes=2)
    with pytest.raises(ConfigError, match="embedded"):
        summarize_many(["x"], summarizer=Config(), processes=2)
    with pytest.raises(ConfigError, match="at least 1"):
        summarize_many(["x"], summarizer=Config(model="m", api_key="k"), processes=0)
