"""Summarize a CSV or JSON Lines file of articles as one step of a pipeline, in plain Python.

    python examples/pipeline_jsonl.py articles.csv results.jsonl [--concurrency 16]

Rows need `id` and `text` (CSV columns or JSON fields); `title` is optional. Each output line holds an id and
its result or error. Rows are read and results written one at a time, so the file may be larger than memory.
Settings come from the environment (SUMMARIZER_MODEL, OPENAI_API_KEY, OPENAI_BASE_URL, SUMMARIZER_PRICES);
results are cached, so a rerun costs only the articles that changed.
"""

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from summarizer import BatchItem, BatchTally, Config, ResultCache, SummarizerError, summarize_many


def read_articles(path: Path) -> Iterator[BatchItem]:
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(stream) if path.suffix == ".csv" else map(json.loads, stream)
        for row in rows:
            yield BatchItem(id=str(row["id"]), text=row["text"], title=row.get("title") or None)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    concurrency = int(argv[argv.index("--concurrency") + 1]) if "--concurrency" in argv else 8
    tally = BatchTally()
    try:
        with ResultCache() as cache, target.open("w", encoding="utf-8") as out:
            for item in summarize_many(read_articles(source), summarizer=Config.from_env(), cache=cache,
                                       concurrency=concurrency):
                out.write(item.to_json_line() + "\n")
                tally.add(item)
    except SummarizerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(tally.summary(), file=sys.stderr)
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
