"""`summarize_many(..., processes=N)`: one batch spread over N worker processes.

One event loop runs on one core, and against a fast server the client's own work (building requests, HTTP,
parsing, grounding: tens of milliseconds an article) bounds throughput long before the server does. Each worker
runs the one-process engine (`_Runner`: cache, per-item errors, its own rate-limit gate) with its share of
`concurrency` (requests in flight) and up to the engine's window of articles open, and takes the next item only
when one of those is free, so the load balances itself. The parent reads the input, hands items out and yields
the results, in input order or as they complete, holding at most a window of items at once, as the one-process
engine does. Results cross as JSON (pydantic-core on both sides), which costs a fraction of pickling a result's
hundred nested models.

Workers start with Python's default method for the platform (fork on Linux up to 3.13: they start in
milliseconds with everything imported; spawn elsewhere, so a script that calls this must guard its entry point
with `if __name__ == "__main__":`).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import queue
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.process import BaseProcess
from typing import Any

from summarizer._batch import BatchItem, BatchResult, Items, _Runner, failed, settled
from summarizer._cache import ResultCache
from summarizer._config import Config
from summarizer._english import load_dictionary
from summarizer.errors import BackendError

logger = logging.getLogger(__name__)
_POLL_S = 1.0


def pooled_results(items: Items, config: Config, *, concurrency: int, ordered: bool, cache: ResultCache | None,
                   processes: int) -> Iterator[BatchResult]:
    """Results of `items` summarized by `processes` workers with `concurrency` articles in flight in all."""
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        load_dictionary()  # forked workers share it (about 0.15 s of CPU each otherwise)
    shares = [share for i in range(processes) if (share := concurrency // processes + (i < concurrency % processes))]
    tasks: Any = context.Queue()
    results: Any = context.Queue()
    workers = [context.Process(target=_work, args=(config, share, cache, tasks, results), daemon=True,
                               name=f"summarizer-batch-{number}") for number, share in enumerate(shares)]
    for worker in workers:
        worker.start()
    window, source = max(2 * concurrency, concurrency + 16), enumerate(items)
    waiting: deque[int] = deque()  # positions handed out or done, not yet yielded, in input order
    done: dict[int, BatchResult] = {}
    try:
        while True:
            while len(waiting) < window and (entry := next(source, None)) is not None:
                index, item = entry
                waiting.append(index)
                ready = settled(index, item)
                if isinstance(ready, BatchResult):
                    done[index] = ready
                else:
                    tasks.put((index, ready))
            if not waiting:
                return
            while not done or (ordered and waiting[0] not in done):
                index, result = _receive(results, workers)
                done[index] = result
            index = waiting[0] if ordered else next(iter(done))
            waiting.remove(index)
            yield done.pop(index)
    finally:
        for worker in workers:  # stopped early: what is in flight is dropped, as the one-process engine does
            if waiting:
                worker.terminate()
            else:
                tasks.put(None)
        for worker in workers:
            worker.join()


def _receive(results: Any, workers: Sequence[BaseProcess]) -> tuple[int, BatchResult]:
    while True:
        try:
            index, payload = results.get(timeout=_POLL_S)
            return index, BatchResult.model_validate_json(payload)
        except queue.Empty:
            for worker in workers:
                if not worker.is_alive():
                    raise BackendError(f"batch worker {worker.name} exited with code {worker.exitcode}; the items "
                                       "it held have no result (the CLI's --resume runs them again)") from None


def _work(config: Config, share: int, cache: ResultCache | None, tasks: Any, results: Any) -> None:
    """A worker process: summarize what `tasks` hands out, `share` at a time, until it hands out None."""
    gc.freeze()  # what the process inherited or imported lives on: full collections need not walk it again
    asyncio.run(_serve(config, share, cache, tasks, results))


async def _serve(config: Config, share: int, cache: ResultCache | None, tasks: Any, results: Any) -> None:
    runner = _Runner(config, concurrency=share, cache=cache)
    slots = asyncio.Semaphore(runner.window)  # articles open in this worker; `share` of them have a request out
    running: set[asyncio.Task[None]] = set()

    async def one(index: int, item: BatchItem) -> None:
        try:
            result = await runner.run(index, item)
        except Exception as error:  # the runner records failures itself: a last resort, so the parent never waits
            logger.warning("item %s failed unexpectedly", item.id, exc_info=True)
            result = failed(item.id, error)
        finally:
            slots.release()
        results.put((index, result.model_dump_json()))  # JSON, not pickle: 2-3x less CPU on both sides

    try:
        while True:
            await slots.acquire()
            entry = await asyncio.to_thread(tasks.get)
            if entry is None:
                break
            task = asyncio.create_task(one(*entry))
            running.add(task)
            task.add_done_callback(running.discard)
        await asyncio.gather(*running)
    finally:
        await runner.aclose()
