"""Batch throughput against a local OpenAI-compatible stub, the library's CPU per article, memory on a long stream.

    python benchmarks/batch_throughput.py [--articles 500] [--concurrency 32] [--latency 0.2] [--processes N]
                                          [--cpu-samples 30] [--stream-items 100000]
                                          [--only throughput|engine|floor|cpu|memory]

Prints one JSON line per measurement (and a readable line on stderr):

throughput  `summarize_many` over N copies of examples/us_strikes_iraq_syria.txt (each made distinct, no cache)
            against the stub server (tests/openai_stub.py) in a child process on 127.0.0.1, answering valid
            JSON after a fixed latency. Wall time, the ideal bound N / concurrency x latency x calls per article,
            their ratio (target <= 1.15), and the client's CPU per article (its worker processes included),
            which bounds throughput on its own: one event loop is one core; `--processes` (default one per
            core) spreads the batch over that many. The stub server's CPU, on the same cores, is reported.
engine      the same model calls made by plain instructor over the openai SDK (`instructor.from_openai`, the calls
            the pipeline sends for the sample article, their answers validated, no pipeline, no grounding, no
            retries of ours), in as many processes with the same concurrency, against the same stub: the floor
            the stack we build on sets on this machine. Ours against it, side by side with the ideal bound.
floor       the same request bodies posted with the SDK's bare HTTP client (no instructor, no SDK request or response
            handling), one process: what the stub and the HTTP layer alone allow, the harness's own floor.
cpu         CPU time of `Summarizer.summarize` per article on the sample article against an in-process stub with
            no latency (median of samples, this thread only), and of the library's own work alone (article
            parsing, prompts, grounding, and pydantic validation of the answers): the pipeline run with each model
            call answered in-process by validating the stub's recorded answer, as the backend does, with the memos
            keyed by text emptied (a new article; also shown with them warm). Target for the own work: <= 5 ms
            median. The difference is the model-call stack (instructor, the openai SDK, HTTP).
memory      peak RSS of `python -m summarizer batch` streaming a JSON Lines file of N items to /dev/null, every
            item a cache hit after one priming call (so N can be 100,000 without N model calls): the whole
            streaming path (read, resume filter, summarize_many, cache, write) but the model. Target <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "us_strikes_iraq_syria.txt"
SHORT = ('President Joe Biden said on Friday that the United States struck 85 targets in Iraq and Syria. '
         '"Our response began today," Biden said.')


def serve_stub(latency_s: float) -> None:
    """Child process: the stub server, with a listen backlog for many simultaneous connections."""
    import http.server

    sys.path.insert(0, str(ROOT))
    http.server.ThreadingHTTPServer.request_queue_size = 256  # stdlib default 5 drops connections at c=32
    from tests.openai_stub import StubServer

    with StubServer(latency_s=latency_s) as stub:
        print(stub.base_url, flush=True)
        sys.stdin.read()  # until the parent closes our stdin


class ChildStub:
    """The stub server in a child process (its CPU is not ours, and it has its own GIL)."""

    def __init__(self, latency_s: float) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, "--serve-stub", str(latency_s)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.base_url = self.process.stdout.readline().strip()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def report(name: str, figures: dict[str, Any], line: str) -> None:
    print(json.dumps({"benchmark": name, **figures}), flush=True)
    print(f"{name}: {line}", file=sys.stderr, flush=True)


def _children_cpu_s() -> float:
    """CPU seconds of this process's children that have exited (and been waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def throughput(articles: int, concurrency: int, latency_s: float, processes: int) -> None:
    from summarizer import BatchItem, Config, summarize_many

    text = SAMPLE.read_text(encoding="utf-8")
    items = (BatchItem(id=str(i), text=f"{text}\nCopy {i}.") for i in range(articles))
    with ChildStub(latency_s) as stub:
        config = Config(base_url=stub.base_url, model="stub-model", api_key="bench", max_transport_retries=2)
        cpu, children, started = time.process_time(), _children_cpu_s(), time.perf_counter()
        results = list(summarize_many(items, summarizer=config, concurrency=concurrency, processes=processes))
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu + _children_cpu_s() - children  # with the workers, reaped by now
        children = _children_cpu_s()
    stub_cpu = _children_cpu_s() - children  # the stub, once it has exited
    failed = sum(r.error is not None for r in results)
    calls = sum(r.usage.calls for r in results) / max(articles - failed, 1)
    ideal = articles / concurrency * latency_s * calls
    figures = {"articles": articles, "concurrency": concurrency, "processes": processes, "latency_s": latency_s,
               "failed": failed, "calls_per_article": calls, "wall_s": round(wall, 2), "ideal_s": round(ideal, 2),
               "ratio": round(wall / ideal, 3), "target_ratio": 1.15,
               "client_cpu_ms_per_article": round(cpu / articles * 1000, 1), "client_cpu_s": round(cpu, 1),
               "stub_cpu_s": round(stub_cpu, 1),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    report("throughput", figures, f"{articles} articles at concurrency {concurrency} in {processes} process(es), "
           f"{latency_s * 1000:.0f} ms x {calls:g} calls: wall {wall:.2f} s, ideal {ideal:.2f} s, ratio "
           f"{wall / ideal:.3f} (target <= 1.15); client CPU {cpu / articles * 1000:.1f} ms/article ({cpu:.1f} s "
           f"in all); stub server CPU {stub_cpu:.1f} s; {failed} failed")


def _drive(text: str, config: Any, answer: Any) -> list[Any]:
    """Run the pipeline over `text`, each model call answered in-process with `answer(index, call)` (a JSON
    string) validated within the call's checks, as the backend does; returns the calls it made."""
    from summarizer import _pipeline
    from summarizer._drafts import checking
    from summarizer._input import window_chars
    from summarizer.models import Usage

    steps = _pipeline.run(text, None, config.max_tokens, window_chars(config))
    calls, step = [], next(steps)
    while True:
        calls.append(step)
        with checking(step.checks):
            draft = step.response_model.model_validate_json(answer(len(calls) - 1, step))
        try:
            step = steps.send((draft, Usage(calls=1)))
        except StopIteration:
            return calls


def _pipeline_requests(config: Any) -> list[dict[str, Any]]:
    """The keyword arguments of each model call the pipeline makes for the sample article (answers generated from
    each call's schema)."""
    from summarizer._backend import _request_kwargs
    from tests.openai_stub import instance_of

    def answer(_: int, call: Any) -> str:
        return json.dumps(instance_of(call.response_model.model_json_schema()))

    return [_request_kwargs(config, call) for call in _drive(SAMPLE.read_text(encoding="utf-8"), config, answer)]


def _engine_worker(base_url: str, articles: int, concurrency: int, go: Any, done: Any) -> None:
    """A process of plain instructor calls: `articles` times the pipeline's requests, `concurrency` in flight,
    from when `go` is set; puts its CPU seconds from then on `done` (start-up is not counted)."""
    import asyncio

    import instructor
    import openai

    from summarizer import Config

    sys.path.insert(0, str(ROOT))
    requests = _pipeline_requests(Config(base_url=base_url, model="stub-model", api_key="bench"))
    client = instructor.from_openai(openai.AsyncOpenAI(base_url=base_url, api_key="bench", max_retries=0),
                                    mode=instructor.Mode.JSON_SCHEMA)

    async def main() -> None:
        slots = asyncio.Semaphore(concurrency)

        async def article() -> None:
            async with slots:
                for kwargs in requests:
                    await client.chat.completions.create_with_completion(**kwargs)

        await asyncio.gather(*(article() for _ in range(articles)))

    go.wait()
    started = time.process_time()
    asyncio.run(main())
    done.put(time.process_time() - started)


def engine(articles: int, concurrency: int, latency_s: float, processes: int) -> None:
    import multiprocessing

    from summarizer import Config

    calls = len(_pipeline_requests(Config(base_url="http://127.0.0.1:9/v1", model="stub-model", api_key="bench")))
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no backend of ours, instructor unpatched
    shares = [articles // processes + (i < articles % processes) for i in range(processes)]
    slots = [concurrency // processes + (i < concurrency % processes) for i in range(processes)]
    go, done = context.Event(), context.Queue()
    with ChildStub(latency_s) as stub:
        workers = [context.Process(target=_engine_worker, args=(stub.base_url, share, slot, go, done))
                   for share, slot in zip(shares, slots, strict=True)]
        for worker in workers:
            worker.start()
        time.sleep(5)  # imports and requests built in every worker (about 2 s), so the start is common
        started = time.perf_counter()
        go.set()
        cpu = sum(done.get(timeout=600) for _ in workers)
        wall = time.perf_counter() - started
        for worker in workers:
            worker.join()
    ideal = articles / concurrency * latency_s * calls
    figures = {"articles": articles, "concurrency": concurrency, "processes": processes, "latency_s": latency_s,
               "calls_per_article": calls, "wall_s": round(wall, 2), "ideal_s": round(ideal, 2),
               "ratio": round(wall / ideal, 3), "cpu_ms_per_article": round(cpu / articles * 1000, 1)}
    report("engine", figures, f"plain instructor + openai, the same {calls} calls an article, {articles} articles at "
           f"concurrency {concurrency} in {processes} process(es): wall {wall:.2f} s, ideal {ideal:.2f} s, ratio "
           f"{wall / ideal:.3f}; CPU {cpu / articles * 1000:.1f} ms/article")


def floor(articles: int, concurrency: int, latency_s: float) -> None:
    import asyncio

    import openai

    from summarizer import Config
    from summarizer._backend import _post

    config = Config(base_url="http://127.0.0.1:9/v1", model="stub-model", api_key="bench")
    bodies = []
    for kwargs in _pipeline_requests(config):
        model = kwargs.pop("response_model")
        kwargs.pop("max_retries")
        kwargs["response_format"] = {"type": "json_schema",  # as instructor's JSON_SCHEMA mode adds it
                                     "json_schema": {"name": model.__name__, "schema": model.model_json_schema()}}
        bodies.append(json.dumps(_post(kwargs)["body"]))

    async def run(base_url: str) -> tuple[float, float]:
        async with openai.DefaultAsyncHttpxClient(base_url=base_url) as client:
            slots = asyncio.Semaphore(concurrency)

            async def article() -> None:
                async with slots:
                    for body in bodies:
                        (await client.post("/chat/completions", content=body,
                                           headers={"content-type": "application/json"})).json()

            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(article() for _ in range(articles)))
            return time.perf_counter() - started, time.process_time() - cpu

    with ChildStub(latency_s) as stub:
        wall, cpu = asyncio.run(run(stub.base_url))
    ideal = articles / concurrency * latency_s * len(bodies)
    figures = {"articles": articles, "concurrency": concurrency, "latency_s": latency_s, "calls_per_article": len(bodies),
               "wall_s": round(wall, 2), "ideal_s": round(ideal, 2), "ratio": round(wall / ideal, 3),
               "cpu_ms_per_article": round(cpu / articles * 1000, 1)}
    report("floor", figures, f"bare HTTP, the same {len(bodies)} request bodies an article, {articles} articles at "
           f"concurrency {concurrency} in 1 process: wall {wall:.2f} s, ideal {ideal:.2f} s, ratio {wall / ideal:.3f}; "
           f"CPU {cpu / articles * 1000:.1f} ms/article")


def _replayed_own_ms(summarizer: Any, text: str, answers: list[str], samples: int) -> dict[str, float]:
    """CPU of the pipeline alone, each model call answered in-process by validating the stub's answer (within the
    article's checks, as the backend does): an exact figure for the own share, no profiler. Each sample runs twice
    in a row: first with the library's memos keyed by text emptied, as for an article it has not seen ("fresh",
    the figure with the target), then with them holding this article ("warm", as in a batch of copies)."""
    from summarizer import _parties, _speakers

    def recorded(index: int, _: Any) -> str:
        if index >= len(answers):
            raise AssertionError("the pipeline asked for more calls than the stub answered")
        return answers[index]

    fresh, warm = [], []
    for _ in range(samples):
        _speakers._verbs.cache_clear()
        _speakers._attributing_verbs.cache_clear()
        _parties.normalize_name.cache_clear()
        for times in (fresh, warm):
            started = time.thread_time()
            _drive(text, summarizer.config, recorded)
            times.append(time.thread_time() - started)
    return {"own_cpu_ms_median": statistics.median(fresh) * 1000, "own_cpu_ms_min": min(fresh) * 1000,
            "own_warm_cpu_ms_median": statistics.median(warm) * 1000}


def cpu(samples: int) -> None:
    sys.path.insert(0, str(ROOT))
    from summarizer import Summarizer
    from tests.openai_stub import StubServer, _schema_of, instance_of

    text = SAMPLE.read_text(encoding="utf-8")
    with StubServer() as stub, Summarizer(base_url=stub.base_url, model="stub-model", api_key="bench") as s:
        for _ in range(3):
            s.summarize(text)
        plain = []
        for _ in range(samples):
            started = time.thread_time()
            s.summarize(text)
            plain.append(time.thread_time() - started)
        calls = len(stub.requests) // (3 + samples)
        answers = [json.dumps(instance_of(_schema_of(body))) for body in stub.requests[-calls:]]
        replays = max(samples, 300)  # about 3 s: a steadier median
        own = _replayed_own_ms(s, text, answers, replays)
    total_ms, own_ms = statistics.median(plain) * 1000, own["own_cpu_ms_median"]
    figures = {"article": SAMPLE.name, "samples": samples, "client_cpu_ms_median": round(total_ms, 2),
               **{name: round(value, 2) for name, value in own.items()}, "own_samples": replays,
               "model_call_stack_cpu_ms_median": round(total_ms - own_ms, 2), "target_own_ms": 5.0}
    report("cpu", figures, f"{SAMPLE.name}: {total_ms:.1f} ms CPU per article (median of {samples}); the library's "
           f"own parsing, validation and grounding, with the answers replayed in-process: {own_ms:.1f} ms median "
           f"of {replays} as a new article (fastest {own['own_cpu_ms_min']:.1f} ms; target <= 5 ms median), "
           f"{own['own_warm_cpu_ms_median']:.1f} ms seen before; so {total_ms - own_ms:.1f} ms in "
           "instructor + openai + HTTP")


def _status_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident set size of a live process, from /proc."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _lines(count: int) -> Iterator[str]:
    for i in range(count):
        yield json.dumps({"id": f"item-{i}", "text": SHORT}) + "\n"


def memory(items: int) -> None:
    with tempfile.TemporaryDirectory() as scratch, ChildStub(0.0) as stub:
        source, primer, cache = Path(scratch, "in.jsonl"), Path(scratch, "one.jsonl"), Path(scratch, "c.sqlite3")
        source.write_text("".join(_lines(items)), encoding="utf-8")
        primer.write_text(next(_lines(1)), encoding="utf-8")
        command = [sys.executable, "-m", "summarizer", "batch", "--base-url", stub.base_url, "--model",
                   "stub-model", "--cache", str(cache), "--concurrency", "32", "-o", os.devnull]
        subprocess.run([*command, str(primer)], check=True, capture_output=True, cwd=ROOT)
        started = time.perf_counter()
        process = subprocess.Popen([*command, str(source)], stderr=subprocess.PIPE, text=True, cwd=ROOT)
        samples: list[tuple[float, float]] = []
        watcher = threading.Thread(target=_watch, args=(process, samples), daemon=True)
        watcher.start()
        _, err = process.communicate()
        wall = time.perf_counter() - started
        watcher.join()
    peak = max(high for _, high in samples)
    quartiles = [round(samples[min(len(samples) - 1, len(samples) * q // 4)][0], 1) for q in (1, 2, 3, 4)]
    figures = {"items": items, "peak_rss_mb": round(peak, 1), "target_mb": 300,
               "rss_mb_at_quarters": quartiles, "wall_s": round(wall, 1),
               "tally": err.strip().splitlines()[-1] if err.strip() else ""}
    report("memory", figures, f"{items:,} items streamed through `summarizer batch` (cache hits): peak RSS "
           f"{peak:.0f} MB (target <= 300 MB); RSS at each quarter of the run {quartiles} MB; {wall:.1f} s")


def _watch(process: subprocess.Popen[str], samples: list[tuple[float, float]]) -> None:
    while process.poll() is None:
        try:
            samples.append(_status_mb(process.pid))
        except (OSError, KeyError, ValueError):
            break
        time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.2, help="stub latency per call, seconds")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="client processes for throughput (default: one per core)")
    parser.add_argument("--cpu-samples", type=int, default=30)
    parser.add_argument("--stream-items", type=int, default=100_000)
    parser.add_argument("--only", choices=["throughput", "engine", "floor", "cpu", "memory"])
    parser.add_argument("--serve-stub", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_stub is not None:
        serve_stub(args.serve_stub)
        return
    sys.path.insert(0, str(ROOT))
    if args.only in (None, "throughput"):
        throughput(args.articles, args.concurrency, args.latency, args.processes)
    if args.only in (None, "engine"):
        engine(args.articles, args.concurrency, args.latency, args.processes)
    if args.only in (None, "floor"):
        floor(args.articles, args.concurrency, args.latency)
    if args.only in (None, "cpu"):
        cpu(args.cpu_samples)
    if args.only in (None, "memory"):
        memory(args.stream_items)


if __name__ == "__main__":
    main()
