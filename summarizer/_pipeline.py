"""The passes that turn one article into an `ArticleSummary`.

The library does what is deterministic (sentences, parties and who speaks, numeric candidates, statements,
offsets, verification) and asks the model three short questions about the same article: what each numeric
candidate counts and whether it is a quantity at all, what each statement is about and whether its speaker
supports or opposes it, and a summary citing sentence numbers. Every request starts with the same article
block, so llama.cpp reuses its prompt cache across passes.

The pipeline is written once as a generator that yields `Call`s and receives their outcomes, so the sync and
async clients drive the same code and differ only in how they wait for the server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ValidationError

from summarizer._actors import Candidate, cluster_names
from summarizer._backend import Call
from summarizer._drafts import Draft, combined_draft, numbers_draft, stances_draft, summary_draft
from summarizer._figures import group_figures
from summarizer._grounding import (
    Checks,
    build_numbers,
    build_stances,
    build_summary,
    build_verb_stances,
    party_of,
)
from summarizer._names import find_names
from summarizer._numbers import NumberMention, find_numbers
from summarizer._party_selection import as_party, party_candidates
from summarizer._prompts import render_prompt
from summarizer._quotes import Statement, find_statements
from summarizer._reading import reading_copy, recut
from summarizer._roles import description_mentions, kind_mentions, role_mentions
from summarizer._spans import sentence_of, split_sentences
from summarizer._speakers import Mentions, Position, claimant_of, find_speakers, position_takers
from summarizer._windows import Extraction, digest, merge_extractions, plan_windows
from summarizer.errors import SummarizerError, ValidationFailed
from summarizer.models import ArticleSummary, Rejected, Span, SupportedText, Usage

Outcome = tuple[BaseModel, Usage] | SummarizerError
Steps = Generator[Call, Outcome, ArticleSummary]
_MAX_CANDIDATE_CHARS = 160


@dataclass(frozen=True)
class Analysis:
    """What the library finds in the whole article before any model call."""

    article: str  # the article as read: `reading_copy` of it, the same length (see `_reading`)
    title: str | None
    sentences: list[Span]
    names: list[Span]
    numbers: list[NumberMention]


@dataclass(frozen=True)
class Prepared:
    """One window of the article (all of it, unless it is long): its sentences and candidates."""

    analysis: Analysis
    sentence_ids: range
    checks: Checks
    candidates: list[Candidate]
    named: Mentions  # where each candidate is named
    speakers: list[Candidate | None]  # who speaks in each sentence of the window
    claimants: list[Candidate | None]  # who claims each of `numbers` ("X said", "according to X")
    positions: list[list[Position]]  # who takes a position in each sentence ("criticised", "urged"), and where
    numbers: list[NumberMention]


def analyse(article: str, title: str | None = None) -> Analysis:
    """Sentences, name phrases and numeric candidates (traps removed) of the whole article."""
    article = reading_copy(article)
    return Analysis(article=article, title=title, sentences=split_sentences(article), names=find_names(article),
                    numbers=[m for m in find_numbers(article) if m.trap is None])


def prepare(analysis: Analysis, sentence_ids: range) -> Prepared:
    """Candidates of one window: name clusters, the parties among them, the speaker of each sentence, numbers."""
    window = analysis.sentences[sentence_ids.start : sentence_ids.stop]
    start, end = window[0].start, window[-1].end
    article = analysis.article
    candidates = cluster_names(article, [n for n in analysis.names if start <= n.start < end])
    acting = party_candidates(article, candidates)
    named = Mentions(candidates, [*role_mentions(article, candidates, analysis.names, start, end),
                                  *kind_mentions(article, acting, analysis.names, start, end),
                                  *description_mentions(article, acting, analysis.names, start, end)])
    speakers = find_speakers(article, window, named)
    numbers = [m for m in analysis.numbers if start <= m.span.start < end]
    return Prepared(analysis=analysis, sentence_ids=sentence_ids,
                    checks=Checks(article=article, sentences=analysis.sentences,
                                  parties=[as_party(c) for c in acting]),
                    candidates=candidates, named=named, speakers=speakers,
                    claimants=[claimant_of(window[i], named, m.span.start, speakers[i])
                               for m, i in ((m, sentence_of(window, m.span.start)) for m in numbers)],
                    positions=[position_takers(s, named, c) for s, c in zip(window, speakers, strict=True)],
                    numbers=numbers)


def _messages(analysis: Analysis, sentence_ids: Iterable[int], task: str, **values: str) -> list[dict[str, str]]:
    numbered = "\n".join(f"[{i + 1}] {analysis.sentences[i].text}" for i in sentence_ids)
    title = f" (title: {analysis.title})" if analysis.title else ""
    article_block = render_prompt("article", title=title, sentences=numbered)
    return [
        {"role": "system", "content": render_prompt("system")},
        {"role": "user", "content": article_block + "\n" + render_prompt(task, **values)},
    ]


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CANDIDATE_CHARS else text[: _MAX_CANDIDATE_CHARS - 3] + "..."


def _call(analysis: Analysis, sentence_ids: Iterable[int], name: str, model: type[Draft], max_tokens: int,
          checks: Checks | None, /, **values: str) -> Call:
    return Call(messages=_messages(analysis, sentence_ids, name, **values),  # type: ignore[arg-type]
                response_model=model, max_tokens=max_tokens, name=name, checks=checks)


def _recover(outcome: Outcome, model: type[Draft], found: Extraction, kind: str) -> BaseModel | None:
    """The validated draft; after failed re-asks, the last output parsed without the grounding checks (the
    build step then drops what fails); None when there is nothing usable, recorded in `found.rejected`."""
    if not isinstance(outcome, SummarizerError):
        draft, usage = outcome
        found.usage += usage
        return draft
    if not isinstance(outcome, ValidationFailed):
        raise outcome
    found.usage += outcome.usage
    if outcome.last_output:
        try:
            return model.model_validate_json(outcome.last_output)  # outside `checking`: unchecked
        except (ValidationError, json.JSONDecodeError):
            pass
    found.rejected.append(Rejected(kind=kind, claim=f"{kind} pass", reason=str(outcome)))  # type: ignore[arg-type]
    return None


def _listing(prefix: str, items: list[str]) -> tuple[list[str], str]:
    ids = [f"{prefix}{i}" for i in range(1, len(items) + 1)]
    return ids, "\n".join(f"{i}: {_clip(text)}" for i, text in zip(ids, items, strict=True))


@dataclass(frozen=True)
class Questions:
    """What the model is asked about one window: what each numeric candidate counts, and the stance of each
    statement whose verb does not say it (`decided` are those that do); a schema is None when there is nothing
    to ask."""

    statements: list[Statement]
    decided: list[Statement]
    claimants: list[str | None]  # the party claiming each numeric candidate, by name
    numbers_model: type[Draft] | None
    stances_model: type[Draft] | None
    values: dict[str, dict[str, str]]  # each question's prompt values (its listing), by question name


def questions(prepared: Prepared) -> Questions:
    """The questions about numbers and stances (the parties, found by the library, are in `prepared.checks`)."""
    checks = prepared.checks
    window = checks.sentences[prepared.sentence_ids.start : prepared.sentence_ids.stop]
    party = _party_names(checks)
    statements = find_statements(prepared.analysis.article, window, [party(c) for c in prepared.speakers],
                                 [[(name, p) for name, p in ((party(p.candidate), p) for p in takers) if name]
                                  for takers in prepared.positions])
    decided = [s for s in statements if s.label is not None]
    statements = [s for s in statements if s.label is None]
    number_ids, candidates = _listing("N", [m.span.text for m in prepared.numbers])
    statement_ids, listing = _listing("Q", [f"{s.speaker} (sentence {s.sentence + prepared.sentence_ids.start + 1}): "
                                            f"{s.evidence.text}" for s in statements])
    return Questions(statements=statements, decided=decided, claimants=[party(c) for c in prepared.claimants],
                     numbers_model=numbers_draft(number_ids) if number_ids else None,
                     stances_model=stances_draft(statement_ids) if statement_ids else None,
                     values={"numbers": {"candidates": candidates}, "stances": {"statements": listing}, "summary": {}})


def _party_names(checks: Checks) -> Callable[[Candidate | None], str | None]:
    """`party_of`, each candidate resolved once (a speaker recurs in many sentences)."""
    named: dict[int, str | None] = {}

    def party(candidate: Candidate | None) -> str | None:
        if candidate is None:
            return None
        if id(candidate) not in named:
            named[id(candidate)] = party_of(checks, candidate)
        return named[id(candidate)]
    return party


def _take_numbers(prepared: Prepared, asked: Questions, labels: BaseModel | None, found: Extraction) -> None:
    if labels is not None:
        checks = prepared.checks
        checks.numbers, problems = build_numbers(checks, prepared.numbers, labels, asked.claimants)
        found.rejected += problems


def _take_stances(prepared: Prepared, asked: Questions, labels: BaseModel | None, found: Extraction) -> None:
    """The model's stances (when it was asked and answered) and those whose verb says which way, in article order."""
    stances = build_verb_stances(asked.decided)
    if labels is not None:
        labelled, problems = build_stances(prepared.checks, asked.statements, labels)
        stances += labelled
        found.rejected += problems
    found.stances = sorted(stances, key=lambda stance: stance.evidence.start)


def extract(prepared: Prepared, max_tokens: int) -> Generator[Call, Outcome, Extraction]:
    """Numbers and stances of one window ("passes"): two questions sharing its article block."""
    found, asked = Extraction(), questions(prepared)

    def ask(name: str, model: type[Draft]) -> Call:
        return _call(prepared.analysis, prepared.sentence_ids, name, model, max_tokens, None, **asked.values[name])

    if asked.numbers_model is not None:
        model = asked.numbers_model
        _take_numbers(prepared, asked, _recover((yield ask("numbers", model)), model, found, "number"), found)
    stances_model = asked.stances_model
    labels = None if stances_model is None else _recover((yield ask("stances", stances_model)), stances_model,
                                                          found, "stance")
    _take_stances(prepared, asked, labels, found)
    found.parties, found.numbers = prepared.checks.parties, prepared.checks.numbers
    return found


def _citable(analysis: Analysis) -> set[float]:
    """The figures a summary may cite: every quantity the article gives, whether or not the model's numbers
    answer kept it."""
    return {m.value for m in analysis.numbers}


def _run_single(analysis: Analysis, max_tokens: int) -> Steps:
    """Every question in one request ("single"): numbers, stances and the summary of an article that fits one
    window. The summary may cite the same figures as with passes (`_citable`)."""
    prepared = prepare(analysis, range(len(analysis.sentences)))
    found, asked, checks = Extraction(), questions(prepared), prepared.checks
    checks.figures = _citable(analysis)
    parts = tuple((name, model) for name, model in (("numbers", asked.numbers_model), ("stances", asked.stances_model),
                                                    ("summary", summary_draft(len(analysis.sentences))))
                  if model is not None)
    model = combined_draft(parts)
    listed = "\n".join(f"[{name}] " + render_prompt(name, **asked.values[name]) for name, _ in parts)
    answer = _recover((yield _call(analysis, prepared.sentence_ids, "single", model, max_tokens, checks,
                                   keys=", ".join(name for name, _ in parts), questions=listed)),
                      model, found, "summary")
    _take_numbers(prepared, asked, getattr(answer, "numbers", None), found)
    _take_stances(prepared, asked, getattr(answer, "stances", None), found)
    found.parties, found.numbers = checks.parties, checks.numbers
    return _result(analysis, found, checks, getattr(answer, "summary", None))


def run(article: str, title: str | None, max_tokens: int, window_chars: int,
        strategy: Literal["passes", "single"] = "passes") -> Steps:
    """Extract each window of the article, merge, then summarize; yields each model call, receives its outcome.
    With `strategy="single"`, an article that fits one window is asked everything in one request (`max_tokens`
    is then that request's answer budget)."""
    analysis = analyse(article, title)
    windows = plan_windows(analysis.sentences, window_chars)
    if strategy == "single" and len(windows) == 1:
        return recut((yield from _run_single(analysis, max_tokens)), article, analysis.article)
    parts: list[Extraction] = []
    for window in windows:
        parts.append((yield from extract(prepare(analysis, window), max_tokens)))
    found = merge_extractions(analysis.article, parts)
    checks = Checks(article=analysis.article, sentences=analysis.sentences, parties=found.parties, numbers=found.numbers,
                    figures=_citable(analysis))
    shown = range(len(analysis.sentences)) if len(windows) == 1 else digest(analysis.sentences, found, window_chars)
    model = summary_draft(len(analysis.sentences))
    summary = _recover((yield _call(analysis, shown, "summary", model, max_tokens, checks)), model, found, "summary")
    return recut(_result(analysis, found, checks, summary), article, analysis.article)


def _result(analysis: Analysis, found: Extraction, checks: Checks, summary: BaseModel | None) -> ArticleSummary:
    sentences: list[SupportedText] = []
    key_points: list[SupportedText] = []
    if summary is not None:
        sentences, key_points, problems = build_summary(checks, summary)  # type: ignore[arg-type]
        found.rejected += problems
    claims = len(found.parties) + len(found.numbers) + len(found.stances) + len(sentences) + len(key_points)
    return ArticleSummary(
        summary=" ".join(s.text for s in sentences),
        summary_sentences=sentences,
        key_points=key_points,
        parties=found.parties,
        stances=found.stances,
        numbers=found.numbers,
        figures=group_figures(analysis.article, found.numbers),
        rejected=found.rejected,
        checked=claims + len(found.rejected),
        usage=found.usage,
    )
