"""Summarize large JSON Lines files on a Dask cluster: each partition goes through `summarize_many`.

    python examples/dask_partitions.py 'articles/*.jsonl' results/ [--workers 2] [--threads]

Each file (and each 4 MiB of a file) is a partition. A LocalCluster on 127.0.0.1 runs them in worker
processes (threads of this process with --threads) and writes results/0.jsonl, results/1.jsonl, ..., one
line per article. Within a partition `summarize_many` keeps many articles in flight; across partitions the
workers use every core. For many machines, give `Client(...)` a real scheduler's address: nothing else
changes. Requires `pip install 'summarizer[dask]'`.
"""

import json
import sys
from pathlib import Path

import dask.bag as db
from dask.distributed import Client, LocalCluster

from summarizer import BatchItem, Config, ResultCache, summarize_many


def summarize_partition(lines: list[str], config: Config, cache: ResultCache) -> list[str]:
    """One partition's records in, one result line per record out (errors included)."""
    records = (json.loads(line) for line in lines if line.strip())
    items = (BatchItem(id=str(r["id"]), text=r["text"], title=r.get("title")) for r in records)
    return [result.to_json_line() for result in summarize_many(items, summarizer=config, cache=cache,
                                                               concurrency=16)]


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    source, target = argv[0], Path(argv[1])
    workers = int(argv[argv.index("--workers") + 1]) if "--workers" in argv else 2
    # Read the settings once, here: a Config (frozen dataclass) and a cache (its path) pickle to the workers.
    config, cache = Config.from_env(), ResultCache()
    target.mkdir(parents=True, exist_ok=True)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes="--threads" not in argv, protocol="tcp",
                      host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster, Client(cluster):
        results = db.read_text(source, blocksize="4MiB").map_partitions(summarize_partition, config, cache)
        results.to_textfiles(str(target / "*.jsonl"), last_endline=True)
    print(f"results in {target}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
