"""A persistent result cache, so summarizing the same article again costs no model call.

An entry's key hashes the article (and title), the model, `prompt_version()` and the result schema's version:
editing a prompt or the `ArticleSummary` type invalidates exactly the entries it affects, and nothing else
needs to be tracked. Sampling settings (temperature, seed, max_tokens) are not part of the key.

SQLite (stdlib) in WAL mode holds the entries: readers never block the writer, several processes (CLI runs,
Dask workers) can share one file, and each thread gets its own connection.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Self

from pydantic import ValidationError

from summarizer._modelfile import default_cache_dir
from summarizer._prompts import prompt_version
from summarizer.errors import CacheError
from summarizer.models import ArticleSummary

logger = logging.getLogger(__name__)
_BUSY_TIMEOUT_MS = 30_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"


def default_cache_path() -> Path:
    """`results.sqlite3` in the user cache directory (`SUMMARIZER_CACHE_DIR` moves it)."""
    return default_cache_dir() / "results.sqlite3"


@cache
def schema_version() -> str:
    """A short hash of the `ArticleSummary` JSON schema."""
    schema = json.dumps(ArticleSummary.model_json_schema(), sort_keys=True)
    return hashlib.sha256(schema.encode()).hexdigest()[:12]


def cache_key(text: str, *, title: str | None, model: str) -> str:
    """The key of one article's result: content hash + model + prompt version + schema version."""
    digest = hashlib.sha256()
    for part in ("summarizer-result-v1", model, prompt_version(), schema_version(), title or "", text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


class ResultCache:
    """Results by `cache_key`, on disk; a context manager, safe to share between threads and processes.

    `ResultCache()` uses `default_cache_path()`. A cache pickles as its path, so it can be sent to workers
    (each opens the file again).
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._connection()  # fail now, with a clear message, rather than on the first item

    def __repr__(self) -> str:
        return f"ResultCache({str(self.path)!r})"

    def __reduce__(self) -> tuple[type[ResultCache], tuple[Path]]:
        return (ResultCache, (self.path,))

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                                         isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot use the result cache at {self.path}: {exc}; pass another path "
                             "(--cache PATH, SUMMARIZER_CACHE_PATH) or run without a cache (--no-cache)") from exc
        self._local.connection = connection
        with self._lock:
            self._connections.append(connection)
        return connection

    def get(self, key: str) -> ArticleSummary | None:
        """The cached result, or None (also when the entry no longer validates)."""
        try:
            row = self._connection().execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(f"cannot read the result cache at {self.path}: {exc}") from exc
        if row is None:
            return None
        try:
            return ArticleSummary.model_validate_json(row[0])
        except ValidationError:
            logger.warning("ignoring a cache entry that no longer validates (key %s)", key[:12])
            return None

    def put(self, key: str, result: ArticleSummary) -> None:
        """Store a result, replacing any entry under the same key."""
        try:
            self._connection().execute("INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)",
                                       (key, result.model_dump_json(), time.time()))
        except sqlite3.Error as exc:
            raise CacheError(f"cannot write the result cache at {self.path}: {exc}; free disk space or pass "
                             "--no-cache") from exc

    def count(self) -> int:
        """How many results the cache holds."""
        return int(self._connection().execute("SELECT count(*) FROM results").fetchone()[0])

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self._local = threading.local()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
