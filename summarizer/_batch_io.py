"""The JSON Lines side of `summarizer batch`: reading records, writing and resuming an output file, progress.

Kept apart from `_batch.py` (the concurrency engine) so `cli.py` stays a thin client of both.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import (
    Callable,
    Iterable,
    Iterator,
    Sequence,
)
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from summarizer._cost import BatchTally
from summarizer.errors import InputError

logger = logging.getLogger(__name__)
from summarizer._batch import BatchItem, BatchResult, failed


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
    """Ids with a result in a result file. Error lines are dropped so those items run again (a rerun completes
    what failed, and every id still appears once); so is a last line cut short by a killed run."""
    ids: set[str] = set()
    kept = path.with_name(path.name + ".resume")
    with path.open("rb") as stream, kept.open("wb") as out:
        for number, line in enumerate(stream, start=1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
                item_id = str(record["id"])
            except (ValueError, KeyError, TypeError) as exc:
                kept.unlink()
                raise InputError(f"{path}:{number} is not a result line; fix or remove it before --resume",
                                 item=str(number)) from exc
            if "error" not in record:
                ids.add(item_id)
                out.write(line)
    kept.replace(path)
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
