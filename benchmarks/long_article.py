"""A long article through the embedded model: offsets, parties once, and time per 1,000 article tokens.

    python benchmarks/long_article.py [--copies N]

The long article is the development articles joined end to end, N times over (default 3: about 3x the default
context of 4,096 tokens). It is summarized beside the short sample article in the same run, and the script
prints one JSON line: time per 1,000 article tokens for each, and their ratio (linear growth means a ratio
near 1; target <= 1.3), whether every offset round-trips, whether any party appears twice, and the summary
support figures (share of summary sentences with support, figures in the summary that are not grounded numbers).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from summarizer import ArticleSummary, Summarizer
from summarizer._input import CHARS_PER_TOKEN
from summarizer._spans import is_grounded

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "data" / "eval"


def _spans_ok(article: str, result: ArticleSummary) -> bool:
    spans = ([n.evidence for n in result.numbers] + [s.evidence for s in result.stances]
             + [m for p in result.parties for m in p.mentions]
             + [s for t in result.summary_sentences + result.key_points for s in t.support])
    return all(is_grounded(article, span) for span in spans)


def _timed(summarizer: Summarizer, article: str) -> tuple[ArticleSummary, float]:
    started = time.perf_counter()
    result = summarizer.summarize(article)
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    long_article = "\n".join(texts * args.copies)
    short_article = (ROOT / "examples" / "us_strikes_iraq_syria.txt").read_text(encoding="utf-8")
    with Summarizer() as summarizer:
        _timed(summarizer, short_article)  # start the server and warm it
        _, short_s = _timed(summarizer, short_article)
        long, long_s = _timed(summarizer, long_article)
    per_k = {name: seconds / (len(text) / CHARS_PER_TOKEN / 1000)
             for name, seconds, text in (("short", short_s, short_article), ("long", long_s, long_article))}
    names = [p.name.lower() for p in long.parties]
    summary_numbers = [r for r in long.rejected if r.kind in ("summary", "key_point") and "figure" in r.reason]
    sentences = long.summary_sentences + long.key_points
    print(json.dumps({
        "long_chars": len(long_article), "long_tokens_est": round(len(long_article) / CHARS_PER_TOKEN),
        "short_s": round(short_s, 1), "long_s": round(long_s, 1), "calls": long.usage.calls,
        "s_per_1k_tokens_short": round(per_k["short"], 2), "s_per_1k_tokens_long": round(per_k["long"], 2),
        "ratio_long_to_short": round(per_k["long"] / per_k["short"], 3),
        "offsets_round_trip": _spans_ok(long_article, long), "parties": len(names),
        "duplicate_parties": len(names) - len(set(names)),
        "summary_sentences_with_support": f"{sum(bool(s.support) for s in sentences)}/{len(sentences)}",
        "summary_figures_rejected": len(summary_numbers), "numbers": len(long.numbers),
    }))


if __name__ == "__main__":
    main()
