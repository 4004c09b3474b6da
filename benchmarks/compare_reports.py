"""Two `summarizer eval --report` files side by side: every overall score, latency, tokens, and their ratios.

    python benchmarks/compare_reports.py benchmarks/results/eval-embedded.json \
        benchmarks/results/eval-embedded-single.json

Used for the strategies (issue #6: "passes" may cost at most 1.5x the latency of "single") and for any change
that should be compared against the committed report.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

_SCORES = [("parties", "f1"), ("numbers", "f1"), ("attribution", "value"), ("stances", "f1"), ("labels", "value"),
           ("grounding", "value")]


def _figure(overall: dict[str, Any], key: str, field: str) -> float | None:
    value = overall.get(key)
    return None if value is None else value.get(field)


def compare(left: dict[str, Any], right: dict[str, Any]) -> list[str]:
    """Rows of the comparison table, ending with the latency and token ratios (left / right)."""
    a, b = left["overall"], right["overall"]
    rows = [f"{'command A':22} {left.get('command', '')}", f"{'command B':22} {right.get('command', '')}",
            f"{'':22} {'A':>8} {'B':>8}", f"{'strategy':22} {left.get('strategy') or '?':>8} {right.get('strategy') or '?':>8}"]
    for key, field in _SCORES:
        x, y = _figure(a, key, field), _figure(b, key, field)
        rows.append(f"{key + ' ' + field:22} {_cell(x):>8} {_cell(y):>8}")
    rows.append(f"{'errors':22} {a['errors']:>8} {b['errors']:>8}")
    rows.append(f"{'mean latency s':22} {a['mean_latency_s']:>8.1f} {b['mean_latency_s']:>8.1f}   "
                f"A/B {a['mean_latency_s'] / b['mean_latency_s']:.2f}")
    rows.append(f"{'mean tokens':22} {a['mean_tokens']:>8.0f} {b['mean_tokens']:>8.0f}   "
                f"A/B {a['mean_tokens'] / b['mean_tokens']:.2f}")
    return rows


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("a", type=Path, help="report A (e.g. passes)")
    parser.add_argument("b", type=Path, help="report B (e.g. single)")
    args = parser.parse_args()
    rows = compare(json.loads(args.a.read_text(encoding="utf-8")), json.loads(args.b.read_text(encoding="utf-8")))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
