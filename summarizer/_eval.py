"""Score `ArticleSummary` results against hand-made gold, so prompt and pipeline changes are measured, not guessed.

Gold format and matching rules: `shared/eval/README.md` (the gold files are read by `_gold.py`). Pure (no model
client): `evaluate` takes the summarize function as an argument. Conventions a reader of the figures needs:
- A gold key that is missing is not scored (`None`); present but empty means "none expected".
- Zero denominators: precision (or recall) is 1.0 when nothing was predicted *and* nothing expected, else 0.0;
  so an empty prediction against non-empty gold scores P = R = F1 = 0. Accuracies and the grounding rate are
  `None` when there is nothing to judge.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterable
from math import isclose
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from summarizer._gold import Gold, GoldParty, load_gold
from summarizer._spans import occurrences
from summarizer.errors import InputError, SummarizerError
from summarizer.models import ArticleSummary, Party, Span

SummarizeFn = Callable[[str, str], ArticleSummary]
"""What `evaluate` calls: `summarize(article_text, name)`."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MatchScore(_Frozen):
    """True positives against predicted and gold counts, with precision, recall and F1 (see module docstring)."""

    tp: int
    predicted: int
    gold: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, tp: int, predicted: int, gold: int) -> MatchScore:
        """Compute precision, recall and F1, with the zero-denominator convention of this module."""
        both_empty = predicted == 0 and gold == 0
        precision = tp / predicted if predicted else float(both_empty)
        recall = tp / gold if gold else float(both_empty)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp=tp, predicted=predicted, gold=gold, precision=precision, recall=recall, f1=f1)


class Ratio(_Frozen):
    """`hits` out of `total`; `value` is `None` when `total` is 0 (nothing to judge)."""

    hits: int
    total: int
    value: float | None

    @classmethod
    def of(cls, hits: int, total: int) -> Ratio:
        """Build the ratio, `None` valued when there is nothing to judge."""
        return cls(hits=hits, total=total, value=hits / total if total else None)


class _Figures(_Frozen):
    """The scored figures shared by one article and the overall row; `None` means not scored."""

    name: str
    parties: MatchScore | None
    numbers: MatchScore | None
    attribution: Ratio | None
    stances: MatchScore | None
    labels: Ratio | None
    grounding: Ratio
    not_number_fps: int | None


class ArticleScore(_Figures):
    """How one result compares with its gold; `error` is set when summarizing it failed."""

    latency_s: float | None = None
    tokens: int = 0
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    mistakes: list[str] = Field(default_factory=list, description="Each miss, false positive, wrong claimant and "
                                "wrong label, in words: what to look at when a figure drops.")


class Overall(_Figures):
    """Micro-averaged figures over the articles where each category is scored; latency and tokens are means."""

    name: str = "overall (micro)"
    articles: int
    errors: int
    mean_latency_s: float | None
    mean_tokens: float | None
    total_tokens: int


class EvalReport(_Frozen):
    """An evaluation run: per-article scores, the overall figures, and what produced them."""

    articles: list[ArticleScore]
    overall: Overall
    model: str
    command: str
    strategy: str = ""  # how the model was asked ("passes" or "single"), when the caller says

    def to_json(self) -> str:
        """Serialise the report as indented JSON."""
        return self.model_dump_json(indent=2)


def normalize_name(name: str) -> str:
    """Key to compare party names: case-folded, punctuation as spaces, leading "the" and spaces dropped."""
    words = "".join(" " if unicodedata.category(ch)[0] == "P" else ch for ch in name.casefold()).split()
    return "".join(words[1:] if words[:1] == ["the"] else words)


def _party_keys(party: GoldParty | Party) -> frozenset[str]:
    return frozenset(key for key in map(normalize_name, [party.name, *party.aliases]) if key)


def match_pairs(n_left: int, n_right: int, fits: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Pairs `(i, j)` with `fits(i, j)`, one-to-one, as many as possible (augmenting paths, not greedy)."""
    edges = [[j for j in range(n_right) if fits(i, j)] for i in range(n_left)]
    owner = [-1] * n_right

    def assign(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if owner[right] == -1 or assign(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(n_left):
        assign(left, set())
    return sorted((left, right) for right, left in enumerate(owner) if left != -1)


def _overlaps(span: Span, other: tuple[int, int]) -> bool:
    return max(span.start, other[0]) < min(span.end, other[1])


def _locate(article: str, text: str, what: str, warnings: list[str]) -> tuple[int, int] | None:
    """Where `text` first occurs; a gold text missing from the article is reported, not silently skipped."""
    found = occurrences(article, text)
    if not found:
        warnings.append(f"gold {what} {text!r} is not in the article; it cannot be matched")
    return found[0] if found else None


def _unmatched(kind: str, pairs: list[tuple[int, int]], predicted: list[str], expected: list[str],
               mistakes: list[str]) -> None:
    """Record the predictions and the gold items that `pairs` leaves unmatched."""
    left, right = {i for i, _ in pairs}, {j for _, j in pairs}
    mistakes += [f"{kind} not in gold: {text}" for i, text in enumerate(predicted) if i not in left]
    mistakes += [f"{kind} missed: {text}" for j, text in enumerate(expected) if j not in right]


def score_parties(result: ArticleSummary, gold: Gold, mistakes: list[str]) -> MatchScore | None:
    """Match predicted parties to gold one-to-one by name or alias; `None` when gold has no `parties`."""
    if gold.parties is None:
        return None
    gold_keys = list(map(_party_keys, gold.parties))
    keys = list(map(_party_keys, result.parties))
    pairs = match_pairs(len(keys), len(gold_keys), lambda i, j: bool(keys[i] & gold_keys[j]))
    _unmatched("party", pairs, [p.name for p in result.parties], [p.name for p in gold.parties], mistakes)
    return MatchScore.of(len(pairs), len(keys), len(gold_keys))


def _names_party(gold: Gold, predicted: str | None, expected: str | None) -> bool:
    """Whether `predicted` is a name or alias of the gold party `expected` names (both `None` also agree)."""
    if predicted is None or expected is None:
        return predicted is None and expected is None
    key = normalize_name(expected)
    names = next((keys for keys in map(_party_keys, gold.parties or []) if key in keys), frozenset({key}))
    return normalize_name(predicted) in names


def score_numbers(
    article: str, result: ArticleSummary, gold: Gold, warnings: list[str], mistakes: list[str]
) -> tuple[MatchScore | None, Ratio | None, int | None]:
    """Numbers P/R/F1 (equal value, overlapping span, one-to-one), attribution accuracy, not-number FPs."""
    expected = gold.numbers or []
    spans = [_locate(article, number.text, "number text", warnings) for number in expected]

    def fits(i: int, j: int) -> bool:
        got, span = result.numbers[i], spans[j]
        same = isclose(got.value, expected[j].value, rel_tol=1e-3, abs_tol=1e-6)
        return same and span is not None and _overlaps(got.evidence, span)

    pairs = match_pairs(len(result.numbers), len(expected), fits)
    fps = None
    if gold.not_numbers is not None:
        matched = {i for i, _ in pairs}
        places = [span for text in gold.not_numbers for span in occurrences(article, text)]
        unmatched = [number for i, number in enumerate(result.numbers) if i not in matched]
        fps = sum(1 for number in unmatched if any(_overlaps(number.evidence, span) for span in places))
    if gold.numbers is None:
        return None, None, fps
    _unmatched("number", pairs, [repr(n.evidence.text) for n in result.numbers], [repr(n.text) for n in expected],
               mistakes)
    wrong = [(result.numbers[i], expected[j]) for i, j in pairs
             if not _names_party(gold, result.numbers[i].claimed_by, expected[j].claimed_by)]
    mistakes += [f"number {got.evidence.text!r} claimed by {got.claimed_by}, gold {want.claimed_by}"
                 for got, want in wrong]
    right = len(pairs) - len(wrong)
    return MatchScore.of(len(pairs), len(result.numbers), len(expected)), Ratio.of(right, len(pairs)), fps


def score_stances(
    article: str, result: ArticleSummary, gold: Gold, warnings: list[str], mistakes: list[str]
) -> tuple[MatchScore | None, Ratio | None]:
    """Match stances one-to-one (party, and quote overlap or label) and score labels on the matched pairs."""
    if gold.stances is None:
        return None, None
    expected = gold.stances
    spans = [_locate(article, s.quote, "stance quote", warnings) if s.quote else None for s in expected]

    def fits(i: int, j: int) -> bool:
        got, wanted, span = result.stances[i], expected[j], spans[j]
        same = got.label == wanted.label if wanted.quote is None else span and _overlaps(got.evidence, span)
        return bool(same) and _names_party(gold, got.party, wanted.party)

    pairs = match_pairs(len(result.stances), len(expected), fits)
    _unmatched("stance", pairs, [f"{s.party} {s.label}: {s.evidence.text!r}" for s in result.stances],
               [f"{s.party} {s.label} {s.target}: {s.quote!r}" for s in expected], mistakes)
    wrong = [(result.stances[i], expected[j]) for i, j in pairs if result.stances[i].label != expected[j].label]
    mistakes += [f"stance of {got.party} on {got.evidence.text!r}: {got.label} towards {got.target!r}, gold "
                 f"{want.label} towards {want.target!r}" for got, want in wrong]
    right = len(pairs) - len(wrong)
    return MatchScore.of(len(pairs), len(result.stances), len(expected)), Ratio.of(right, len(pairs))


def score_grounding(article: str, result: ArticleSummary) -> Ratio:
    """Share of number and stance evidence spans that slice back to their text in the article."""
    spans = [number.evidence for number in result.numbers] + [stance.evidence for stance in result.stances]
    return Ratio.of(sum(article[span.start : span.end] == span.text for span in spans), len(spans))


def score_article(
    name: str, article: str, result: ArticleSummary, gold: Gold, *, latency_s: float | None = None
) -> ArticleScore:
    """Score one result against its gold by the matching rules of `shared/eval/README.md`."""
    warnings: list[str] = []
    mistakes: list[str] = []
    parties = score_parties(result, gold, mistakes)
    numbers, attribution, fps = score_numbers(article, result, gold, warnings, mistakes)
    stances, labels = score_stances(article, result, gold, warnings, mistakes)
    return ArticleScore(
        name=name,
        parties=parties,
        numbers=numbers,
        attribution=attribution,
        stances=stances,
        labels=labels,
        grounding=score_grounding(article, result),
        not_number_fps=fps,
        latency_s=latency_s,
        tokens=result.usage.total_tokens,
        warnings=warnings,
        mistakes=mistakes,
    )


def _sum_matches(scores: Iterable[MatchScore | None]) -> MatchScore | None:
    present = [score for score in scores if score is not None]
    totals = [sum(counts) for counts in zip(*((s.tp, s.predicted, s.gold) for s in present))]
    return MatchScore.of(*totals) if present else None


def _sum_ratios(ratios: Iterable[Ratio | None]) -> Ratio | None:
    present = [ratio for ratio in ratios if ratio is not None]
    return Ratio.of(sum(r.hits for r in present), sum(r.total for r in present)) if present else None


def summarize_scores(scores: list[ArticleScore]) -> Overall:
    """Micro-average: sum true positives, predictions and gold items (and hits and totals) over articles."""
    fps = [score.not_number_fps for score in scores if score.not_number_fps is not None]
    latencies = [score.latency_s for score in scores if score.latency_s is not None]
    return Overall(
        articles=len(scores),
        errors=sum(1 for score in scores if score.error is not None),
        parties=_sum_matches(score.parties for score in scores),
        numbers=_sum_matches(score.numbers for score in scores),
        attribution=_sum_ratios(score.attribution for score in scores),
        stances=_sum_matches(score.stances for score in scores),
        labels=_sum_ratios(score.labels for score in scores),
        grounding=_sum_ratios(score.grounding for score in scores) or Ratio.of(0, 0),
        not_number_fps=sum(fps) if fps else None,
        mean_latency_s=sum(latencies) / len(latencies) if latencies else None,
        mean_tokens=sum(score.tokens for score in scores) / len(scores) if scores else None,
        total_tokens=sum(score.tokens for score in scores),
    )


def _cell(value: MatchScore | Ratio | float | None, spec: str = ".2f", scale: float = 1.0) -> str:
    if isinstance(value, MatchScore):
        return f"{value.precision:.2f}/{value.recall:.2f}/{value.f1:.2f}"
    if isinstance(value, Ratio):
        value = value.value
    return "-" if value is None else format(scale * value, spec)


_HEADERS = (
    "article", "parties P/R/F1", "numbers P/R/F1", "attr acc", "stances P/R/F1", "label acc",
    "grounding %", "not-num FPs", "latency s", "tokens",
)  # fmt: skip


def _row(name: str, score: ArticleScore | Overall, latency: float | None, tokens: float | None) -> list[str]:
    figures = [score.parties, score.numbers, score.attribution, score.stances, score.labels]
    grounding = _cell(score.grounding, ".1f", 100.0)
    last = [_cell(score.not_number_fps, ".0f"), _cell(latency), _cell(tokens, ".0f")]
    return [name, *map(_cell, figures), grounding, *last]


def format_table(scores: list[ArticleScore], overall: Overall) -> str:
    """Render a fixed-width table: one row per article, then the micro-averaged overall row, then any errors."""
    rows = [_row(s.name + (" !" if s.error else ""), s, s.latency_s, s.tokens) for s in scores]
    total = _row(overall.name, overall, overall.mean_latency_s, overall.mean_tokens)
    widths = [max(len(row[k]) for row in [list(_HEADERS), *rows, total]) for k in range(len(_HEADERS))]

    def render(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    lines = [render(list(_HEADERS)), rule, *map(render, rows), rule, render(total)]
    lines += [f"! {s.name}: {s.error}" for s in scores if s.error]
    lines += [f"warning: {s.name}: {warning}" for s in scores for warning in s.warnings]
    return "\n".join(lines)


def evaluate(
    directory: Path, summarize: SummarizeFn, *, model: str | None = None, command: str = ""
) -> EvalReport:
    """Run `summarize(article_text, name)` on every `NAME.txt` with a `NAME.gold.json` (sorted) and score each.

    A `SummarizerError` is recorded in that article's score, scored as an empty prediction, and the run goes on.
    `model` defaults to the model names the results report; `command` is what the caller ran, for the record.
    """
    texts = sorted(Path(directory).glob("*.txt"))
    paths = [path for path in texts if path.with_suffix(".gold.json").exists()]
    if not paths:
        raise InputError(f"no NAME.txt with a NAME.gold.json in {directory}; check it", item=str(directory))
    scores: list[ArticleScore] = []
    models: set[str] = set()
    for path in paths:
        gold = load_gold(path.with_suffix(".gold.json"))
        article = path.read_bytes().decode("utf-8")  # bytes: keep "\r\n", so offsets are those of the file
        started = time.perf_counter()
        try:
            result, error = summarize(article, path.stem), None
        except SummarizerError as exc:
            result, error = ArticleSummary(summary=""), f"{type(exc).__name__}: {exc}"
        latency = time.perf_counter() - started
        models.update([result.model] if result.model else [])
        score = score_article(path.stem, article, result, gold, latency_s=latency)
        scores.append(score.model_copy(update={"error": error}) if error else score)
    model = model or ", ".join(sorted(models))
    return EvalReport(articles=scores, overall=summarize_scores(scores), model=model, command=command)
