"""The result cache: keys, hits without HTTP calls, unusable paths, sharing between threads, pickling."""

from __future__ import annotations

import pickle
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from summarizer import ArticleSummary, BatchItem, CacheError, Config, ResultCache, summarize_many
from summarizer._cache import cache_key, default_cache_path, schema_version
from summarizer._prompts import prompt_version
from tests.openai_stub import StubServer

ARTICLE = ('President Joe Biden said on Friday that the United States struck 85 targets in Iraq and Syria. '
           '"Our response began today," Biden said.')


def test_a_cache_hit_makes_zero_http_calls(tmp_path: Path) -> None:
    """Re-running a batch over cached articles sends no request and returns the same results, marked cached."""
    items = [BatchItem(id=f"a{i}", text=f"{ARTICLE} Report {i}.") for i in range(3)]
    with StubServer() as stub, ResultCache(tmp_path / "cache.sqlite3") as cache:
        config = Config(base_url=stub.base_url, model="stub-model", api_key="test")
        first = list(summarize_many(items, summarizer=config, cache=cache))
        calls = len(stub.requests)
        second = list(summarize_many(items, summarizer=config, cache=cache))
        assert len(stub.requests) == calls > 0
    assert [r.cached for r in first] == [False] * 3 and [r.cached for r in second] == [True] * 3
    assert [r.result for r in second] == [r.result for r in first]
    assert all(r.usage.total_tokens == 0 and r.cost_usd == 0.0 for r in second)


def test_the_key_covers_text_title_model_prompts_and_schema() -> None:
    """Changing the text, title or model changes the key; the same inputs give the same key."""
    key = cache_key("text", title=None, model="m")
    assert key == cache_key("text", title=None, model="m")
    assert len({key, cache_key("text.", title=None, model="m"), cache_key("text", title="T", model="m"),
                cache_key("text", title=None, model="m2")}) == 4
    assert len(prompt_version()) == 12 and len(schema_version()) == 12


def test_get_put_round_trip_and_count(tmp_path: Path) -> None:
    """A stored result comes back equal; a missing key is None; count says how many entries there are."""
    result = ArticleSummary(summary="A summary.", model="m")
    with ResultCache(tmp_path / "c.sqlite3") as cache:
        assert cache.get("k") is None
        cache.put("k", result)
        cache.put("k", result)
        assert cache.get("k") == result and cache.count() == 1


def test_an_entry_that_no_longer_validates_is_a_miss(tmp_path: Path) -> None:
    """A stored value that does not fit `ArticleSummary` is ignored rather than raised."""
    path = tmp_path / "c.sqlite3"
    ResultCache(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO results VALUES ('k', '{\"unexpected\": 1}', 0)")
    with ResultCache(path) as cache:
        assert cache.get("k") is None


@pytest.mark.parametrize("kind", ["directory", "not a database"])
def test_an_unusable_path_is_a_cache_error(tmp_path: Path, kind: str) -> None:
    """A directory or a file that is not SQLite raises `CacheError` naming the path and the way out."""
    path = tmp_path / "cache"
    if kind == "directory":
        path.mkdir()
    else:
        path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CacheError, match="--no-cache") as raised:
        ResultCache(path)
    assert str(path) in str(raised.value)


def test_threads_share_one_cache(tmp_path: Path) -> None:
    """Eight threads writing and reading through one cache object lose nothing."""

    def work(cache: ResultCache, n: int) -> None:
        for i in range(25):
            cache.put(f"{n}-{i}", ArticleSummary(summary=f"{n}-{i}"))
            assert cache.get(f"{n}-{i}") == ArticleSummary(summary=f"{n}-{i}")

    with ResultCache(tmp_path / "c.sqlite3") as cache, ThreadPoolExecutor(8) as pool:
        for done in [pool.submit(work, cache, n) for n in range(8)]:
            done.result()
        assert cache.count() == 200


def test_a_cache_pickles_as_its_path(tmp_path: Path) -> None:
    """A cache sent to another worker reopens the same file there."""
    with ResultCache(tmp_path / "c.sqlite3") as cache:
        cache.put("k", ArticleSummary(summary="s"))
        with pickle.loads(pickle.dumps(cache)) as copy:
            assert copy.path == cache.path and copy.get("k") == ArticleSummary(summary="s")


def test_the_default_path_follows_the_cache_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ResultCache()` lives in SUMMARIZER_CACHE_DIR (default: the platform's user cache directory)."""
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path))
    assert default_cache_path() == tmp_path / "results.sqlite3"
    with ResultCache() as cache:
        assert cache.path == tmp_path / "results.sqlite3"
