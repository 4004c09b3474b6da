"""Measure the model-free number finder (`summarizer._numbers`) against the gold eval articles.

Usage:
    python benchmarks/number_candidates.py [--articles DIR] [--repeat N] [--misses]

For every `NAME.txt` with a `NAME.gold.json` in DIR (default /work/shared/eval/articles) it prints one JSON line:

    {"article": NAME, "gold": 6, "found": 6, "recall": 1.0, "not_number_hits": 0, "mentions": 7, "traps": 3,
     "ms": 0.4}

- found / recall: gold numbers with a non-trap mention whose span overlaps the gold `text` and whose value
  equals the gold value (the eval's number-matching rule, without the model).
- not_number_hits: non-trap mentions that overlap an occurrence of a gold `not_numbers` string (false positives
  the trap rules should have caught), unless the mention correctly matches a gold number there.
- mentions / traps: how many mentions were returned as quantities and as traps.
- ms: median wall time of `find_numbers` on the article over N runs (default 50).

A last line with "article": "ALL" sums the counts (recall is micro-averaged, ms is the mean per article).
`--misses` also writes the missed gold numbers and the not_numbers hits to stderr, one per line.
This script reads a private module on purpose: it benchmarks that module, not the public API.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from summarizer._numbers import NumberMention, find_numbers

DEFAULT_ARTICLES = Path("/work/shared/eval/articles")


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) where `needle` occurs literally in `text`."""
    spans, start = [], text.find(needle)
    while needle and start != -1:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def overlaps(mention: NumberMention, span: tuple[int, int]) -> bool:
    """True when the mention shares at least one character with the half-open span."""
    return mention.span.start < span[1] and span[0] < mention.span.end


def matches(mention: NumberMention, text: str, gold: dict[str, object]) -> bool:
    """The eval rule: same value, and the span overlaps the gold number's text."""
    return mention.value == gold["value"] and any(overlaps(mention, s) for s in occurrences(text, str(gold["text"])))


def time_ms(text: str, repeat: int) -> float:
    """Median milliseconds one `find_numbers` call takes on `text`."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        find_numbers(text)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def score_article(name: str, text: str, gold: dict[str, list[dict[str, object]]], repeat: int,
                  misses: bool) -> dict[str, object]:
    """Score one article and return its JSON record."""
    mentions = find_numbers(text)
    quantities = [m for m in mentions if m.trap is None]
    numbers = gold.get("numbers", [])
    found = [g for g in numbers if any(matches(m, text, g) for m in quantities)]
    hits = [
        (wrong, m.span.text)
        for wrong in map(str, gold.get("not_numbers", []))
        for span in occurrences(text, wrong)
        for m in quantities
        if overlaps(m, span) and not any(matches(m, text, g) for g in numbers)
    ]
    if misses:
        for g in numbers:
            if g not in found:
                print(f"{name}: missed {g['text']!r} = {g['value']}", file=sys.stderr)
        for wrong, said in hits:
            print(f"{name}: quantity {said!r} on not_number {wrong!r}", file=sys.stderr)
    return {
        "article": name, "gold": len(numbers), "found": len(found),
        "recall": round(len(found) / len(numbers), 3) if numbers else None,
        "not_number_hits": len(hits), "mentions": len(quantities), "traps": len(mentions) - len(quantities),
        "ms": round(time_ms(text, repeat), 3),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0, or 2 when the directory holds no gold articles."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="directory of NAME.txt + NAME.gold.json")
    parser.add_argument("--repeat", type=int, default=50, help="timed runs per article (median is reported)")
    parser.add_argument("--misses", action="store_true", help="list missed gold numbers and false hits on stderr")
    args = parser.parse_args(argv)
    golds = sorted(args.articles.glob("*.gold.json"))
    if not golds:
        print(f"error: no *.gold.json in {args.articles}; pass --articles DIR", file=sys.stderr)
        return 2
    records = []
    for gold_path in golds:
        name = gold_path.name.removesuffix(".gold.json")
        text = (args.articles / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        records.append(score_article(name, text, gold, max(1, args.repeat), args.misses))
        print(json.dumps(records[-1]))
    total = {key: sum(int(r[key]) for r in records) for key in ("gold", "found", "not_number_hits", "mentions",
                                                               "traps")}
    recall = round(total["found"] / total["gold"], 3) if total["gold"] else None
    mean_ms = round(statistics.fmean(float(r["ms"]) for r in records), 3)  # type: ignore[arg-type]
    print(json.dumps({"article": "ALL", **total, "recall": recall, "ms": mean_ms}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
