"""Cold start, warm latency, tokens/s and server memory of the embedded model, against the in-process floor.

    python benchmarks/embedded_latency.py [ARTICLE] [--runs N]

Measured in one run, side by side:
- cold start: model file assembly (only when not cached) and server start until it answers;
- warm latency: `Summarizer.summarize` on the article, after one run that warms the server's prompt cache;
- the floor: llama-cpp-python generating the very same requests (messages, grammar, max_tokens) in-process,
  one after another as our passes do, warmed the same way; the ratio ours / floor is the overhead of the HTTP
  server, instructor, validation and grounding;
- peak RSS of the server process (VmHWM).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from summarizer import Summarizer
from summarizer._client import embedded_server
from summarizer._config import Config
from summarizer._modelfile import assemble_model

ROOT = Path(__file__).resolve().parent.parent


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _recording_client(requests: list[dict[str, Any]]) -> Any:
    """openai's own HTTP client, keeping each request body (to replay the same requests in-process)."""
    import openai

    def keep(request: Any) -> None:
        requests.append(json.loads(request.content))
    return openai.DefaultHttpxClient(event_hooks={"request": [keep]}, timeout=600)


def _floor(model_path: Path, config: Config, requests: list[dict[str, Any]], runs: int) -> tuple[float, int]:
    from llama_cpp import Llama

    llama = Llama(model_path=str(model_path), n_ctx=config.n_ctx, n_threads=2, n_threads_batch=2,
                  logits_all=False, verbose=False)
    best, tokens = float("inf"), 0
    for _ in range(runs + 1):  # the first run warms the prompt cache, as for ours
        started, tokens = time.perf_counter(), 0
        for body in requests:
            out = llama.create_chat_completion(
                messages=body["messages"], response_format=body["response_format"],
                max_tokens=body["max_tokens"], temperature=body["temperature"], seed=body["seed"])
            tokens += out["usage"]["completion_tokens"]  # type: ignore[index]
        best = min(best, time.perf_counter() - started)
    return best, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "examples" / "us_strikes_iraq_syria.txt"))
    parser.add_argument("--runs", type=int, default=1, help="warm runs per side (the best is kept)")
    args = parser.parse_args()
    text = Path(args.article).read_text(encoding="utf-8")
    config = Config.from_env()

    started = time.perf_counter()
    model_path = assemble_model()
    assembled = time.perf_counter() - started
    server = embedded_server(config)
    cold = time.perf_counter() - started

    import openai

    requests: list[dict[str, Any]] = []
    client = openai.OpenAI(base_url=server.base_url, api_key="none", max_retries=0,
                           http_client=_recording_client(requests))
    with Summarizer(config=config, client=client) as summarizer:
        summarizer.summarize(text)  # warms the prompt cache
        ours, result = float("inf"), None
        for _ in range(args.runs):
            requests.clear()
            t = time.perf_counter()
            result = summarizer.summarize(text)
            ours = min(ours, time.perf_counter() - t)
    assert result is not None
    rss = _peak_rss_mb(server.pid)
    server.stop()
    floor, floor_tokens = _floor(model_path, config, requests,
                                 args.runs)
    print(json.dumps({
        "article": Path(args.article).name, "model_assembly_s": round(assembled, 2), "cold_start_s": round(cold, 2),
        "warm_latency_s": round(ours, 2), "floor_latency_s": round(floor, 2), "ratio": round(ours / floor, 3),
        "completion_tokens": result.usage.completion_tokens, "floor_completion_tokens": floor_tokens,
        "prompt_tokens": result.usage.prompt_tokens, "calls": result.usage.calls,
        "output_tokens_per_s": round(result.usage.completion_tokens / ours, 2),
        "server_peak_rss_mb": round(rss, 1),
    }))


if __name__ == "__main__":
    main()
