"""The command line shared by the readings against an outside gold (`names_against_conll.py`,
`speakers_against_polnear.py`): one path in, the figures printed as JSON, the misses written on request."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

Score = Callable[[Path, list[dict[str, object]]], dict[str, object]]


def run(doc: str, what: str, missing: Callable[[Path], str | None], score: Score) -> int:
    """Parse the command line, score the path given and print the figures; 2, with `missing`'s message, when the
    path is not what the reading needs. `doc` is the script's docstring, `what` the path's help."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("path", type=Path, help=what)
    parser.add_argument("--misses", type=Path, help="write each miss here, a JSON line each, with its context")
    args = parser.parse_args()
    problem = missing(args.path)
    if problem is not None:
        print(f"{args.path}: {problem} (see the script's docstring for where the corpus is found)", file=sys.stderr)
        return 2
    misses: list[dict[str, object]] = []
    print(json.dumps(score(args.path, misses), indent=1))
    if args.misses:
        args.misses.write_text("".join(json.dumps(miss) + "\n" for miss in misses), encoding="utf-8")
    return 0
