"""Batches: order, per-item errors, bounded and streamed concurrency, rate-limit manners, the `batch` command.

Model calls go to the loopback stub server (`tests/openai_stub.py`); where only the batch machinery matters,
a stand-in summarizer (the public `SupportsSummarize` seam, injected, not patched) answers at once.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import pty
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from summarizer import (
    ArticleSummary,
    BatchItem,
    BatchResult,
    BatchTally,
    Config,
    ConfigError,
    InputError,
    Summarizer,
    asummarize_many,
    summarize_many,
)
from summarizer._batch import pause_after
from summarizer._batch_io import BatchOutput, read_items
from summarizer._cost import Price, parse_prices, price_for, price_of, price_table
from summarizer._retry_after import retry_after_s
from summarizer.cli import main
from tests.helpers import ROOT
from tests.openai_stub import Fault, StubServer

# Short enough to keep the pipeline cheap, rich enough for all four passes (names, numbers, a quote).
# The stub's summary, "the strikes", cites sentence 1: the words that sentence must share.
ARTICLE = ('President Joe Biden said on Friday that the United States strikes hit 85 targets in Iraq and Syria. '
           '"Our response began today," Biden said. Iraq\'s government said 16 people were killed.')


def article(i: int) -> str:
    return f"{ARTICLE} Report {i}."


class Instant:
    """A stand-in summarizer that answers at once, fails on "boom", and tracks how many calls overlap."""

    config = Config(model="gpt-4o-mini", api_key="test")

    def __init__(self) -> None:
        self.active = 0
        self.peak = 0

    async def asummarize(self, text: str | bytes, *, title: str | None = None) -> ArticleSummary:
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            await asyncio.sleep(0.001)
            if text == "boom":
                raise RuntimeError("boom")
            return ArticleSummary(summary=str(text)[:30])
        finally:
            self.active -= 1


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with StubServer(latency_s=0.01) as server:
        yield server


def stub_config(stub: StubServer, model: str = "gpt-4o-mini", **settings: Any) -> Config:
    return Config(base_url=stub.base_url, model=model, api_key="test", max_transport_retries=2, **settings)


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    return {**env, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}


def test_ordered_results_follow_the_input_and_unordered_ones_do_not_wait() -> None:
    """In order, an instantly failing item keeps its place; as completed, it comes out first."""
    items: list[str | BatchItem] = [article(0), article(1), "", article(3)]
    with StubServer(latency_s=0.05) as server:
        ordered = [r.id for r in summarize_many(items, summarizer=stub_config(server), concurrency=4)]
        unordered = [r.id for r in summarize_many(items, summarizer=stub_config(server), concurrency=4,
                                                  ordered=False)]
    assert ordered == ["0", "1", "2", "3"]
    assert unordered[0] == "2" and sorted(unordered) == ordered


def test_each_result_carries_usage_and_cost(stub: StubServer) -> None:
    """A priced model's result has its tokens and their cost; an unknown model's cost is None, not zero."""
    [priced] = summarize_many([BatchItem(id="a", text=ARTICLE)], summarizer=stub_config(stub))
    [unpriced] = summarize_many([BatchItem(id="a", text=ARTICLE)], summarizer=stub_config(stub, "stub-model"))
    assert priced.result is not None and priced.usage == priced.result.usage and priced.usage.calls >= 1
    assert priced.cost_usd == pytest.approx(Price(0.15, 0.60).cost(priced.usage))
    assert unpriced.error is None and unpriced.cost_usd is None


def test_async_and_sync_give_the_same_records(stub: StubServer) -> None:
    """`asummarize_many` yields what `summarize_many` yields for the same input, from an async iterable too."""
    items = [BatchItem(id=f"x{i}", text=article(i)) for i in range(3)]

    async def source() -> Any:
        for item in items:
            yield item

    async def collect() -> list[BatchResult]:
        return [r async for r in asummarize_many(source(), summarizer=stub_config(stub), concurrency=2)]

    sync = list(summarize_many(items, summarizer=stub_config(stub), concurrency=2))
    assert [r.model_dump() for r in asyncio.run(collect())] == [r.model_dump() for r in sync]


def test_a_given_summarizer_is_used_and_left_open(stub: StubServer) -> None:
    """A `Summarizer` passed in runs the batch and still works afterwards (the caller owns it)."""
    with Summarizer(base_url=stub.base_url, model="stub-model", api_key="test") as summarizer:
        results = list(summarize_many([article(1), article(2)], summarizer=summarizer))
        again = list(summarize_many([article(3)], summarizer=summarizer))
    assert [r.error for r in results + again] == [None, None, None]


def test_unexpected_exceptions_become_error_records() -> None:
    """An exception outside the library's tree fails its item only, with its class name and message."""
    results = list(summarize_many(["fine", "boom", "also fine"], summarizer=Instant()))
    assert [r.error.type if r.error else None for r in results] == [None, "RuntimeError", None]
    assert results[1].error is not None and results[1].error.message == "boom"


def test_concurrency_is_bounded() -> None:
    """No more than `concurrency` articles are being summarized at any moment by a summarizer that is not the
    library's (whose requests the batch cannot see)."""
    summarizer = Instant()
    assert len(list(summarize_many((f"t{i}" for i in range(200)), summarizer=summarizer, concurrency=5))) == 200
    assert summarizer.peak == 5


def _article_of(request: dict[str, Any]) -> int:
    """Which `article(i)` a recorded request is about."""
    return int(re.findall(r"Report (\d+)\.", request["messages"][-1]["content"])[0])


def test_concurrency_bounds_requests_not_articles() -> None:
    """With the library's summarizer, `concurrency` is the number of model requests in flight. A slot an answered
    request gives back goes to the next request ready, so with one slot the second article's first request leaves
    before the first article's second one (which waits on the grounding in between), and no more requests than
    slots are ever out."""
    with StubServer(latency_s=0.05) as server:
        results = list(summarize_many([article(i) for i in range(2)], summarizer=stub_config(server), concurrency=1))
        order = [_article_of(request) for request in server.requests]
        peak_one = server.peak_in_flight
    with StubServer(latency_s=0.05) as server:
        more = list(summarize_many([article(i) for i in range(9)], summarizer=stub_config(server), concurrency=3))
    assert [r.error for r in results + more] == [None] * 11
    assert order[:2] == [0, 1]
    assert peak_one == 1 and server.peak_in_flight == 3


def test_input_is_streamed_not_materialised() -> None:
    """An endless input works: only a bounded window is read ahead of what the caller has taken."""
    pulled = itertools.count()

    def endless() -> Iterator[str]:
        while True:
            yield f"text {next(pulled)}"

    results = summarize_many(endless(), summarizer=Instant(), concurrency=4)
    taken = [next(results) for _ in range(10)]
    results.close()  # type: ignore[attr-defined]  # a generator underneath
    assert [r.id for r in taken] == [str(i) for i in range(10)]
    assert next(pulled) <= 10 + max(2 * 4, 4 + 16) + 1


def test_async_input_is_streamed_too() -> None:
    """`asummarize_many` over an endless async input stops cleanly when the caller stops."""

    async def first_ids() -> list[str]:
        async def endless() -> Any:
            for i in itertools.count():
                yield f"text {i}"

        ids = []
        stream = asummarize_many(endless(), summarizer=Instant(), concurrency=3, ordered=False)
        async for result in stream:
            ids.append(result.id)
            if len(ids) == 7:
                break
        await stream.aclose()  # type: ignore[attr-defined]  # an async generator underneath
        return ids

    assert len(asyncio.run(first_ids())) == 7


def test_bad_concurrency_is_a_config_error() -> None:
    """`concurrency=0` is refused before anything runs."""
    with pytest.raises(ConfigError, match="concurrency"):
        summarize_many(["x"], summarizer=Instant(), concurrency=0)


def test_a_429_holds_every_request_of_the_batch_until_retry_after() -> None:
    """After one 429 with Retry-After: 1, nothing more is sent during that second. The four articles' first
    requests arrive together; the fourth gets the 429 at once, the other three are answered half a second later.
    Their next passes must wait for the hold; without it, they would arrive about 0.5 s after the 429."""
    def faults(index: int, body: dict[str, Any]) -> Fault | None:
        if index == 3:
            return Fault("status", 429, {"retry-after": "1"})
        time.sleep(0.5)  # the margin a loaded machine has to see the 429 before any other answer comes back
        return None

    with StubServer(faults=faults) as server:
        results = list(summarize_many([article(i) for i in range(4)], summarizer=stub_config(server),
                                      concurrency=4))
    assert [r.error for r in results] == [None] * 4
    limited = server.times[3]
    during = [round(t - limited, 3) for t in server.times[4:] if t - limited < 0.95]
    assert during == [], f"requests arrived {during} s after the 429, inside its Retry-After"
    assert max(server.times) - limited >= 0.95


def test_pause_after_reads_the_server_hints() -> None:
    """Retry-After in seconds or as an HTTP date, retry-after-ms, capped at a minute, 1 s when absent."""
    assert pause_after({"retry-after": "2.5"}) == 2.5
    assert pause_after({"retry-after-ms": "300"}) == 0.3
    assert pause_after({"retry-after": "9999"}) == 60.0
    assert pause_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}) == 0.0
    assert pause_after({}) == 1.0
    assert pause_after({"retry-after": "nan"}) == pause_after({"retry-after-ms": "-5"}) == 1.0


@pytest.mark.parametrize(("headers", "expected"), [
    ({"retry-after": "2.5"}, 2.5),
    ({"retry-after-ms": "300", "retry-after": "9"}, 0.3),  # the finer hint wins
    ({"retry-after": "9999"}, 60.0),
    ({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),  # a date in the past: now
    ({"retry-after": "-1"}, None), ({"retry-after": "nan"}, None), ({"retry-after": "inf"}, None),
    ({"retry-after-ms": "nan"}, None), ({"retry-after": "soon"}, None), ({}, None),
])
def test_retry_after_is_read_one_way_for_calls_and_batches(headers: dict[str, str], expected: float | None) -> None:
    """One reading of the server's hint serves per-call retries and the batch gate; unusable hints are None."""
    assert retry_after_s(headers) == expected


def test_a_retry_after_date_in_the_future_is_the_time_until_it() -> None:
    told = retry_after_s({"retry-after": format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)})
    assert told is not None and 27 <= told <= 30


def test_prices_known_overridden_dated_and_unknown() -> None:
    """Built-in prices, dated model names, overrides, the free embedded model, and unknown models."""
    assert price_of("gpt-4o-mini-2024-07-18", price_table()) == Price(0.15, 0.60)
    assert price_of("my-model", price_table("my-model=1/2, gpt-4o=3/4")) == Price(1.0, 2.0)
    assert price_table("gpt-4o=3/4")["gpt-4o"] == Price(3.0, 4.0)
    assert price_for(Config()) == Price(0.0, 0.0)
    assert price_for(Config(model="llama3", base_url="http://127.0.0.1:1/v1")) is None
    with pytest.raises(ConfigError, match="MODEL=INPUT/OUTPUT"):
        parse_prices("gpt-4o=cheap")


def test_tally_counts_cost_as_unknown_once_any_is_unknown() -> None:
    """The tally adds tokens and cost of successes and reports an unknown cost as unknown."""
    tally = BatchTally()
    tally.add(BatchResult(id="a", result=ArticleSummary(summary="s"), cost_usd=0.5))
    tally.add(BatchResult(id="b", result=ArticleSummary(summary="s"), cached=True, cost_usd=0.0))
    tally.add(BatchResult(id="c", error={"type": "InputError", "message": "empty"}))  # type: ignore[arg-type]
    assert (tally.done, tally.failed, tally.cached, tally.cost_usd) == (2, 1, 1, 0.5)
    tally.add(BatchResult(id="d", result=ArticleSummary(summary="s"), cost_usd=None))
    assert tally.cost_usd is None and "estimated cost unknown" in tally.summary()


def test_read_items_from_jsonl_txt_and_directories(tmp_path: Path) -> None:
    """JSON Lines records (custom field names, bad lines as error records), .txt files and directories."""
    (tmp_path / "dir" / "sub").mkdir(parents=True)
    (tmp_path / "dir" / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "dir" / "sub" / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "one.txt").write_text("third", encoding="utf-8")
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"key": 7, "body": "fourth", "headline": "T"}\n\n[1]\n{"body": "x"}\n{"key": "k"}\n')
    items = list(read_items([str(tmp_path / "dir"), str(tmp_path / "one.txt"), str(lines)], id_field="key",
                            text_field="body", title_field="headline"))
    assert items[:4] == [BatchItem(id="a.txt", text="first"), BatchItem(id="sub/b.txt", text="second"),
                         BatchItem(id="one.txt", text="third"), BatchItem(id="7", text="fourth", title="T")]
    errors = [item for item in items[4:] if isinstance(item, BatchResult)]
    assert [(e.id, e.error.type if e.error else None) for e in errors] == [
        ("in.jsonl:3", "InputError"), ("in.jsonl:4", "InputError"), ("k", "InputError")]
    with pytest.raises(InputError, match="no such file"):
        read_items([str(tmp_path / "missing.jsonl")])


def test_resume_drops_a_partial_last_line(tmp_path: Path) -> None:
    """A line cut short by a kill is removed so its item runs again; complete lines count as done."""
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\n{"id": "b"}\n{"id": "c", "resu', encoding="utf-8")
    with BatchOutput(str(out), resume=True) as output:
        assert output.done == {"a", "b"}
    assert out.read_text(encoding="utf-8") == '{"id": "a"}\n{"id": "b"}\n'
    with pytest.raises(InputError, match="--resume"):
        BatchOutput(str(out), resume=False)


def test_cli_one_bad_item_gives_one_error_line_and_every_other_result(
        stub: StubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Among ten records, the one with an empty text becomes the only error line; nine results follow."""
    records = [{"id": f"r{i}", "text": "" if i == 4 else article(i)} for i in range(10)]
    source, out = write_jsonl(tmp_path / "in.jsonl", records), tmp_path / "out.jsonl"
    status = main(["batch", str(source), "-o", str(out), "--base-url", stub.base_url, "--model", "stub-model",
                   "--no-cache", "--concurrency", "4"])
    lines = read_jsonl(out)
    assert status == 1
    assert [line["id"] for line in lines] == [f"r{i}" for i in range(10)]
    assert [line["id"] for line in lines if "error" in line] == ["r4"]
    assert lines[4]["error"]["type"] == "InputError"
    assert all("result" in line for i, line in enumerate(lines) if i != 4)


def test_cli_progress_is_absent_when_stderr_is_not_a_terminal(
        stub: StubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Piped, the command writes results to stdout and only the final tally (and a price note) to stderr."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(3)])
    assert main(["batch", str(source), "--base-url", stub.base_url, "--model", "stub-model",
                 "--cache", str(tmp_path / "c.sqlite3")]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["0", "1", "2"]
    assert captured.err.startswith("done 3, failed 0, cached 0; tokens")
    assert "\r" not in captured.err and "\x1b" not in captured.err and "ETA" not in captured.err
    assert "pass --price stub-model=IN/OUT" in captured.err


def test_cli_shows_progress_on_a_terminal(stub: StubServer, tmp_path: Path) -> None:
    """With stderr on a terminal, a progress bar with the count, rate and ETA appears there."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(3)])
    leader, follower = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "summarizer", "batch", str(source), "-o", str(tmp_path / "out.jsonl"),
         "--base-url", stub.base_url, "--model", "stub-model", "--no-cache"],
        stderr=follower, env={**cli_env(tmp_path), "TERM": "xterm", "COLUMNS": "160"}, timeout=60, check=False)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.returncode == 0, shown
    assert b"3/3" in shown and b"ETA" in shown and b"/s" in shown


def test_cli_resume_after_a_kill_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """A run killed with SIGKILL mid-way, then rerun with --resume, leaves every id exactly once."""
    ids = [f"item-{i}" for i in range(20)]
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(n)} for n, i in enumerate(ids)])
    out = tmp_path / "out.jsonl"
    with StubServer(latency_s=0.05) as server:
        command = [sys.executable, "-m", "summarizer", "batch", str(source), "-o", str(out), "--base-url",
                   server.base_url, "--model", "stub-model", "--concurrency", "4", "--no-cache"]
        first = subprocess.Popen(command, stderr=subprocess.DEVNULL, env=cli_env(tmp_path))
        deadline = time.monotonic() + 60
        while (not out.exists() or out.read_bytes().count(b"\n") < 5) and time.monotonic() < deadline:
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.wait()
        written = out.read_bytes().count(b"\n")
        assert 5 <= written < len(ids), "the first run should have been killed mid-way"
        second = subprocess.run([*command, "--resume"], capture_output=True, text=True, env=cli_env(tmp_path),
                                timeout=120, check=False)
    assert second.returncode == 0, second.stderr
    lines = read_jsonl(out)
    assert sorted(line["id"] for line in lines) == sorted(ids)
    assert all("result" in line for line in lines)
    assert f"skipped {written}" in second.stderr


def test_batch_under_random_faults_keeps_every_id_once_and_resume_completes(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """100 articles with 30% seeded faults: every id once (result or error); --resume then completes the failed.
    (At 10%, which items fail depends on request timing, and some runs had none to resume.)"""
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    from batch_faults import RETRY_SETTINGS, run

    for name, value in RETRY_SETTINGS.items():
        monkeypatch.setenv(name, value)
    report = run(100, 0.3, 7, tmp_path)
    assert report["first"]["every_id_once"] and report["first"]["errors_by_kind"]
    assert report["after_resume"]["every_id_once"] and report["after_resume"]["errors_by_kind"] == {}


def test_cli_stops_quietly_when_the_reader_goes_away(stub: StubServer, tmp_path: Path) -> None:
    """`summarizer batch | head -1`: once the pipe closes the command ends without a traceback."""
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(40)])
    process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", str(source), "--base-url",
                                stub.base_url, "--model", "stub-model", "--no-cache", "--concurrency", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(tmp_path))
    assert process.stdout is not None and process.stderr is not None
    assert json.loads(process.stdout.readline())["id"] == "0"
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in process.stderr.read().decode()
