"""Helpers shared by tests: where the gold articles are, and reading them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
# A copy of ../shared/eval/articles (real articles with their sources and licences, and gold annotations),
# so a clean clone tests offline on its own.
EVAL_DIR = ROOT / "tests" / "data" / "eval"


def article_names() -> list[str]:
    return sorted(p.name.removesuffix(".gold.json") for p in EVAL_DIR.glob("*.gold.json"))


def read_article(name: str) -> str:
    return (EVAL_DIR / f"{name}.txt").read_bytes().decode("utf-8")
