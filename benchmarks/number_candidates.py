"""Measure the model-free number finder (`summarizer._numbers`) against the gold eval articles.

Usage:
    python benchmarks/number_candidates.py [--articles DIR] [--repeat N] [--misses]

For every NAME.txt with a NAME.gold.json in DIR (default /work/shared/eval/articles, else the repository's
copy in tests/data/eval) it prints one JSON line:

    {"article": NAME, "gold": 6, "found": 6, "recall": 1.0, "not_number_hits": 0, "mentions": 7,
     "traps": 3, "ms": 0.4}

- found / recall: gold numbers with a non-trap mention whose span overlaps the gold `text` and whose value
  equals the gold value (the eval's number-matching rule, without the model).
- not_number_hits: non-trap mentions that overlap an occurrence of a gold `not_numbers` string (false
  positives the trap rules should have caught), unless the mention correctly matches a gold number there.
- mentions / traps: how many mentions came back as quantities and as traps.
- ms: median wall time of one `find_numbers` call on the article over N runs (default 50).

A last line with "article": "ALL" sums the counts (recall micro-averaged, ms the mean over articles).
`--misses` also writes each missed gold number and each not_numbers hit to stderr.
This script reads a private module on purpose: it measures that module, not the public API.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from summarizer._numbers import NumberMention, find_numbers
from summarizer._spans import occurrences

ROOT = Path(__file__).resolve().parent.parent
SHARED_ARTICLES = Path("/work/shared/eval/articles")
DEFAULT_ARTICLES = SHARED_ARTICLES if SHARED_ARTICLES.is_dir() else ROOT / "tests" / "data" / "eval"


@dataclass
class ArticleScore:
    """One article's line of output."""

    article: str
    gold: int
    found: int
    recall: float | None
    not_number_hits: int
    mentions: int
    traps: int
    ms: float


def overlaps(mention: NumberMention, span: tuple[int, int]) -> bool:
    """True when the mention shares at least one character with the half-open span."""
    return mention.span.start < span[1] and span[0] < mention.span.end


def matches(mention: NumberMention, text: str, gold: dict[str, object]) -> bool:
    """The eval rule: same value, and the span overlaps the gold number's text."""
    spans = occurrences(text, str(gold["text"]))
    return mention.value == gold["value"] and any(overlaps(mention, span) for span in spans)


def time_ms(text: str, repeat: int) -> float:
    """Median milliseconds one `find_numbers` call takes on `text`."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        find_numbers(text)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def score_article(name: str, text: str, gold: dict[str, list[dict[str, object]]], repeat: int,
                  misses: bool) -> ArticleScore:
    """Score one article against its gold numbers and not_numbers."""
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
    recall = round(len(found) / len(numbers), 3) if numbers else None
    return ArticleScore(name, len(numbers), len(found), recall, len(hits), len(quantities),
                        len(mentions) - len(quantities), round(time_ms(text, repeat), 3))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0, or 2 when the directory holds no gold articles."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES,
                        help="directory of NAME.txt + NAME.gold.json")
    parser.add_argument("--repeat", type=int, default=50, help="timed runs per article (the median is shown)")
    parser.add_argument("--misses", action="store_true", help="list misses and false hits on stderr")
    args = parser.parse_args(argv)
    golds = sorted(args.articles.glob("*.gold.json"))
    if not golds:
        print(f"error: no *.gold.json in {args.articles}; pass --articles DIR", file=sys.stderr)
        return 2
    scores = []
    for gold_path in golds:
        name = gold_path.name.removesuffix(".gold.json")
        # read_bytes, not read_text: newline translation would shift the character offsets.
        text = (args.articles / f"{name}.txt").read_bytes().decode("utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scores.append(score_article(name, text, gold, max(1, args.repeat), args.misses))
        print(json.dumps(asdict(scores[-1])))
    gold_total, found_total = sum(s.gold for s in scores), sum(s.found for s in scores)
    total = ArticleScore(
        "ALL", gold_total, found_total, round(found_total / gold_total, 3) if gold_total else None,
        sum(s.not_number_hits for s in scores), sum(s.mentions for s in scores), sum(s.traps for s in scores),
        round(statistics.fmean(s.ms for s in scores), 3))
    print(json.dumps(asdict(total)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
