"""Token prices and the running tally of a batch: what a run spent, in tokens and (estimated) dollars.

Prices change and differ by account, so the built-in table is a convenience for a few OpenAI models, overridable
with `Config.prices` (`SUMMARIZER_PRICES`, the CLI's `--price`). A model without a price has an *unknown* cost,
reported as `None` and shown as "unknown", never as zero; the embedded model runs locally and costs 0.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from summarizer._config import Config
from summarizer.errors import ConfigError
from summarizer.models import Usage

if TYPE_CHECKING:
    from summarizer._batch import BatchResult


@dataclass(frozen=True)
class Price:
    """US dollars per million prompt (input) and completion (output) tokens."""

    input_per_m: float
    output_per_m: float

    def cost(self, usage: Usage) -> float:
        return (usage.prompt_tokens * self.input_per_m + usage.completion_tokens * self.output_per_m) / 1e6


# Standard-tier list prices published at openai.com/api/pricing (mid-2025). Cached-input discounts are ignored,
# so estimates err high.
KNOWN_PRICES: Mapping[str, Price] = MappingProxyType({
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4.1": Price(2.00, 8.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "gpt-5": Price(1.25, 10.00),
    "gpt-5-mini": Price(0.25, 2.00),
    "gpt-5-nano": Price(0.05, 0.40),
    "o4-mini": Price(1.10, 4.40),
})
_DATED = re.compile(r"-\d{4}-\d{2}-\d{2}$")
_ENTRY = re.compile(r"^\s*([^=,\s]+)\s*=\s*([0-9.]+)\s*/\s*([0-9.]+)\s*$")


def parse_prices(spec: str) -> dict[str, Price]:
    """`"model=IN/OUT,model2=IN/OUT"` (dollars per million tokens) as a table."""
    table: dict[str, Price] = {}
    for entry in filter(str.strip, spec.split(",")):
        match = _ENTRY.match(entry)
        try:
            if match is None:
                raise ValueError(entry)
            table[match[1]] = Price(float(match[2]), float(match[3]))
        except ValueError as exc:
            raise ConfigError(f"price {entry.strip()!r} is not MODEL=INPUT/OUTPUT in dollars per million tokens; "
                              "write e.g. gpt-4o-mini=0.15/0.60") from exc
    return table


def price_table(overrides: str | None = None) -> dict[str, Price]:
    """The built-in prices, updated with `overrides` (a `parse_prices` spec)."""
    return {**KNOWN_PRICES, **(parse_prices(overrides) if overrides else {})}


def price_of(model: str, table: Mapping[str, Price]) -> Price | None:
    """The price of `model`, also under its undated name (`gpt-4o-mini-2024-07-18`); None when unknown."""
    return table.get(model) or table.get(_DATED.sub("", model))


def price_for(config: Config) -> Price | None:
    """The price of the configured model: free for the embedded one, else from the table with overrides."""
    if config.is_embedded:
        return Price(0.0, 0.0)
    return price_of(config.model_name, price_table(config.prices))


@dataclass
class BatchTally:
    """What a batch did so far: items done (cached included), failed and cached; tokens and cost spent.

    Only calls made in this run for items that succeeded count: a cached result spent its tokens in an earlier
    run, and a failed item's spending is unknown. `cost_usd` is None once any item's cost is unknown.
    """

    done: int = 0
    failed: int = 0
    cached: int = 0
    skipped: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float | None = 0.0
    started: float = field(default_factory=time.perf_counter)

    def add(self, item: BatchResult) -> None:
        """Count one finished item."""
        if item.error is not None:  # what a failed item spent is unknown: its error does not carry usage
            self.failed += 1
            return
        self.done += 1
        self.cached += item.cached
        self.usage += item.usage
        self.cost_usd = None if self.cost_usd is None or item.cost_usd is None else self.cost_usd + item.cost_usd

    @property
    def wall_s(self) -> float:
        return time.perf_counter() - self.started

    def cost_text(self) -> str:
        return "unknown" if self.cost_usd is None else f"${self.cost_usd:.4f}"

    def summary(self) -> str:
        """One line for a terminal or a log."""
        skipped = f", skipped {self.skipped:,} already done" if self.skipped else ""
        return (f"done {self.done:,}, failed {self.failed:,}, cached {self.cached:,}{skipped}; "
                f"tokens {self.usage.total_tokens:,} ({self.usage.prompt_tokens:,} prompt + "
                f"{self.usage.completion_tokens:,} completion); estimated cost {self.cost_text()}; "
                f"wall time {self.wall_s:.1f} s")
