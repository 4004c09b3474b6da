"""Batch under faults: N articles through `summarizer batch` against a loopback stub injecting seeded faults.

    python benchmarks/batch_faults.py [--articles 1000] [--fault-rate 0.1] [--seed 7]

Each request fails with probability `--fault-rate` (a random kind: 429, 500, 502, 503, dropped connection,
truncated or invalid body, content that is not JSON); transport retries are limited to 1 so some items fail.
Prints N in, N out, every id exactly once, errors by kind; then reruns with --resume (faults off) and prints
the same, which must show no errors left.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the loopback stub server lives with the tests

from summarizer.cli import main
from tests.openai_stub import Fault, StubServer

FAULTS = [Fault("status", 429), Fault("status", 500), Fault("status", 502), Fault("status", 503), Fault("drop"),
          Fault("truncated"), Fault("invalid_json"), Fault("not_json_content")]
# One retry with a short back-off, so that some items do fail and --resume has work to do.
RETRY_SETTINGS = {"SUMMARIZER_MAX_TRANSPORT_RETRIES": "1", "SUMMARIZER_RETRY_BACKOFF_S": "0.01"}
ARTICLE = ('The mayor said on Friday that the city will open {n} new parks. "We start today," the mayor said. '
           "Critics said 16 parks were promised last year.")


def run(articles: int, rate: float, seed: int, workdir: Path) -> dict[str, Any]:
    source, out = workdir / "in.jsonl", workdir / "out.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{i}", "text": ARTICLE.format(n=i + 2)}) + "\n"
                              for i in range(articles)))
    chance = random.Random(seed)
    enabled = {"on": True}

    def faults(index: int, body: dict[str, Any]) -> Fault | None:
        return chance.choice(FAULTS) if enabled["on"] and chance.random() < rate else None

    report: dict[str, Any] = {}
    with StubServer(faults=faults) as stub:
        common = ["batch", str(source), "-o", str(out), "--base-url", stub.base_url, "--model", "stub-model",
                  "--no-cache", "--concurrency", "16"]
        main(common)
        report["first"] = _census(out, articles)
        enabled["on"] = False
        main([*common, "--resume"])
        report["after_resume"] = _census(out, articles)
    return report


def _census(out: Path, articles: int) -> dict[str, Any]:
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    ids = collections.Counter(line["id"] for line in lines)
    errors = collections.Counter(line["error"]["type"] for line in lines if "error" in line)
    return {"in": articles, "out": len(lines), "every_id_once": len(ids) == articles and set(ids.values()) == {1},
            "errors_by_kind": dict(errors)}


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--fault-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ.update(RETRY_SETTINGS)
    with tempfile.TemporaryDirectory() as workdir:
        print(json.dumps(run(args.articles, args.fault_rate, args.seed, Path(workdir))))


if __name__ == "__main__":
    cli()
