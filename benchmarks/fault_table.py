"""The fault table: what one article meets when the server misbehaves, per fault, against the loopback stub.

    python benchmarks/fault_table.py [--timeout S] [--retries N] [--reasks N] [--backoff S] [--json]

Each fault of `tests/openai_stub.py` is injected twice: on the first requests only (as many as the budget should
absorb) and on every request. For each run: the outcome (ok, ok with passes in `rejected`, or the
`SummarizerError` raised), its cause (the error's last failure, or the rejection reason), the requests the
stub received (attempts) and the seconds taken. Prints a text table, then one JSON line per run (only the JSON
lines with --json). Runs offline in about 15 s; no model is involved.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Summarizer, SummarizerError
from tests.openai_stub import Fault, StubServer

ARTICLE = "The mayor said, \u201cWe will open 3 new parks this year.\u201d Critics said the plan costs too much."


@dataclass(frozen=True)
class Row:
    fault: str
    injected_on: str
    outcome: str
    attempts: int
    elapsed_s: float
    cause: str


def _faults(retries: int, reasks: int) -> list[tuple[str, Fault, int]]:
    """(name, fault, how many first requests to inject it on)."""
    return [
        ("429", Fault("status", 429), retries),
        ("429 Retry-After: 1", Fault("status", 429, {"Retry-After": "1"}), 1),
        ("429 Retry-After: 30", Fault("status", 429, {"Retry-After": "30"}), 1),
        ("500", Fault("status", 500), retries),
        ("502", Fault("status", 502), retries),
        ("503", Fault("status", 503), retries),
        ("hang", Fault("hang"), 1),
        ("drop", Fault("drop"), retries),
        ("truncated body", Fault("truncated"), retries),
        ("invalid JSON body", Fault("invalid_json"), retries),
        ("empty choices", Fault("no_choices"), retries),
        ("content not JSON", Fault("not_json_content"), reasks),
        ("content off schema", Fault("wrong_schema"), reasks),
        ("400", Fault("status", 400), 1),
        ("401", Fault("status", 401), 1),
        ("403", Fault("status", 403), 1),
        ("404", Fault("status", 404), 1),
    ]


def _run(fault: Fault, first: int | None, settings: dict[str, Any]) -> tuple[str, str, int, float]:
    def inject(index: int, body: dict[str, Any]) -> Fault | None:
        return fault if first is None or index < first else None

    with StubServer(faults=inject, hang_s=3 * settings["timeout_s"]) as stub:
        started = time.perf_counter()
        try:
            with Summarizer(model="stub", base_url=stub.base_url, api_key="sk-bench", **settings) as summarizer:
                result = summarizer.summarize(ARTICLE)
            passes = [r for r in result.rejected if r.claim.endswith(" pass")]
            outcome = f"ok, {len(passes)} pass(es) in rejected" if passes else "ok"
            cause = passes[0].reason if passes else ""
        except SummarizerError as error:
            outcome, cause = type(error).__name__, _cause(str(error).replace(stub.base_url, "server"))
        elapsed = time.perf_counter() - started
    return outcome, " ".join(cause.split()), len(stub.requests), elapsed


def _cause(message: str) -> str:
    """A RetriesExhausted message shortened to its last failure; other messages whole."""
    if "; last: " not in message:
        return message
    return "last: " + message.split("; last: ", 1)[1].rsplit("); check", 1)[0]


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--timeout", type=float, default=1.0, help="timeout_s (deadline is twice this)")
    parser.add_argument("--retries", type=int, default=2, help="max_transport_retries")
    parser.add_argument("--reasks", type=int, default=1, help="max_reasks")
    parser.add_argument("--backoff", type=float, default=0.05, help="retry_backoff_s, the first back-off wait")
    parser.add_argument("--json", action="store_true", help="print only the JSON lines")
    args = parser.parse_args(argv)
    settings = {"timeout_s": args.timeout, "max_transport_retries": args.retries, "max_reasks": args.reasks,
                "retry_backoff_s": args.backoff}

    _, _, clean, _ = _run(Fault("none"), 0, settings)
    rows = []
    for name, fault, first in _faults(args.retries, args.reasks):
        for label, n in ((f"first {first}", first), ("every", None)):
            outcome, cause, attempts, elapsed = _run(fault, n, settings)
            rows.append(Row(name, label, outcome, attempts, round(elapsed, 2), cause))

    if not args.json:
        print(f"settings: {json.dumps(settings)}; a clean article takes {clean} requests (one per pass)")
        print(f"{'fault':<20} {'injected on':<12} {'outcome':<27} {'attempts':>8} {'elapsed s':>9}  cause")
        for row in rows:
            print(f"{row.fault:<20} {row.injected_on:<12} {row.outcome:<27} {row.attempts:>8} {row.elapsed_s:>9.2f}  "
                  f"{_clip(row.cause)}")
        print()
    for row in rows:
        print(json.dumps({**row.__dict__, **settings, "clean_requests": clean}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
