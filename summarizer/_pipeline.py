"""The passes that turn one article into an `ArticleSummary`.

The library does what is deterministic (sentences, numeric candidates, candidate statements, offsets,
verification) and asks the model four short questions about the same article: who the parties are, what each
numeric candidate counts and who claims it, who speaks each statement and how, and a summary citing sentence
numbers. Every request starts with the same article block, so llama.cpp reuses its prompt cache across passes.

The pipeline is written once as a generator that yields `Call`s and receives their outcomes, so the sync and
async clients drive the same code and differ only in how they wait for the server.
"""

from __future__ import annotations

import json
from collections.abc import Generator
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from summarizer._actors import Candidate, cluster_names, find_names, find_speakers
from summarizer._backend import Call
from summarizer._drafts import kinds_draft, numbers_draft, stances_draft, summary_draft
from summarizer._figures import group_figures
from summarizer._grounding import Checks, build_numbers, build_parties, build_stances, build_summary, party_of
from summarizer._numbers import NumberMention, find_numbers
from summarizer._prompts import render_prompt
from summarizer._quotes import find_statements
from summarizer._spans import sentence_of, split_sentences
from summarizer.errors import SummarizerError, ValidationFailed
from summarizer.models import ArticleSummary, Rejected, Stance, SupportedText, Usage

Outcome = tuple[BaseModel, Usage] | SummarizerError
Steps = Generator[Call, Outcome, ArticleSummary]
_MAX_CANDIDATE_CHARS = 160


@dataclass(frozen=True)
class Prepared:
    """What the library finds in the article before any model call."""

    article: str
    title: str | None
    checks: Checks
    candidates: list[Candidate]
    speakers: list[Candidate | None]
    numbers: list[NumberMention]


def prepare(article: str, title: str | None = None) -> Prepared:
    """Sentences, name candidates and who speaks in each sentence, numeric candidates (traps removed)."""
    sentences = split_sentences(article)
    candidates = cluster_names(article, find_names(article))
    return Prepared(article=article, title=title, checks=Checks(article=article, sentences=sentences),
                    candidates=candidates, speakers=find_speakers(sentences, candidates),
                    numbers=[m for m in find_numbers(article) if m.trap is None])


def _messages(prepared: Prepared, task: str, **values: str) -> list[dict[str, str]]:
    numbered = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(prepared.checks.sentences, start=1))
    title = f" (title: {prepared.title})" if prepared.title else ""
    article_block = render_prompt("article", title=title, sentences=numbered)
    return [
        {"role": "system", "content": render_prompt("system")},
        {"role": "user", "content": article_block + "\n" + render_prompt(task, **values)},
    ]


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CANDIDATE_CHARS else text[: _MAX_CANDIDATE_CHARS - 3] + "..."


def _call(prepared: Prepared, name: str, model: type[BaseModel], max_tokens: int, **values: str) -> Call:
    return Call(messages=_messages(prepared, name, **values),  # type: ignore[arg-type]
                response_model=model, context={"checks": prepared.checks}, max_tokens=max_tokens, name=name)


def _recover(outcome: Outcome, model: type[BaseModel], rejected: list[Rejected], kind: str
             ) -> tuple[BaseModel | None, Usage]:
    """The validated draft; after failed re-asks, the last output parsed without the grounding checks (the
    build step then drops what fails); None when there is nothing usable, recorded in `rejected`."""
    if not isinstance(outcome, SummarizerError):
        return outcome
    if isinstance(outcome, ValidationFailed) and outcome.last_output:
        try:
            return model.model_validate_json(outcome.last_output), Usage()
        except (ValidationError, json.JSONDecodeError):
            pass
    if not isinstance(outcome, ValidationFailed):
        raise outcome
    rejected.append(Rejected(kind=kind, claim=f"{kind} pass", reason=str(outcome)))  # type: ignore[arg-type]
    return None, Usage()


def _listing(prefix: str, items: list[str]) -> tuple[list[str], str]:
    ids = [f"{prefix}{i}" for i in range(1, len(items) + 1)]
    return ids, "\n".join(f"{i}: {_clip(text)}" for i, text in zip(ids, items, strict=True))


def run(prepared: Prepared, max_tokens: int) -> Steps:
    """The four passes; yields each model call and receives its outcome."""
    checks = prepared.checks
    rejected: list[Rejected] = []
    usage = Usage()

    if prepared.candidates:
        ids, listing = _listing("C", [", ".join(c.names[:3]) for c in prepared.candidates])
        model = kinds_draft(ids)
        kinds, spent = _recover((yield _call(prepared, "parties", model, max_tokens, candidates=listing)),
                                model, rejected, "party")
        usage += spent
        if kinds is not None:
            checks.parties = build_parties(prepared.candidates, kinds)
    speakers = [party_of(checks, c) for c in prepared.speakers]

    if prepared.numbers:
        ids, listing = _listing("N", [m.span.text for m in prepared.numbers])
        model = numbers_draft(ids)
        labels, spent = _recover((yield _call(prepared, "numbers", model, max_tokens, candidates=listing)),
                                 model, rejected, "number")
        usage += spent
        if labels is not None:
            claimants = [speakers[sentence_of(checks.sentences, m.span.start)] for m in prepared.numbers]
            checks.numbers, problems = build_numbers(checks, prepared.numbers, labels, claimants)
            rejected += problems

    stances: list[Stance] = []
    statements = find_statements(prepared.article, checks.sentences, speakers)
    if statements:
        ids, listing = _listing("Q", [f"{s.speaker} (sentence {s.sentence + 1}): {s.evidence.text}"
                                      for s in statements])
        model = stances_draft(ids)
        labels, spent = _recover((yield _call(prepared, "stances", model, max_tokens, statements=listing)),
                                 model, rejected, "stance")
        usage += spent
        if labels is not None:
            stances = build_stances(statements, [s.speaker for s in statements], labels)

    model = summary_draft(len(checks.sentences))
    summary, spent = _recover((yield _call(prepared, "summary", model, max_tokens)), model, rejected, "summary")
    usage += spent
    sentences: list[SupportedText] = []
    key_points: list[SupportedText] = []
    if summary is not None:
        sentences, key_points, problems = build_summary(checks, summary)  # type: ignore[arg-type]
        rejected += problems

    claims = len(checks.parties) + len(checks.numbers) + len(stances) + len(sentences) + len(key_points)
    return ArticleSummary(
        summary=" ".join(s.text for s in sentences),
        summary_sentences=sentences,
        key_points=key_points,
        parties=checks.parties,
        stances=stances,
        numbers=checks.numbers,
        figures=group_figures(checks.numbers),
        rejected=rejected,
        checked=claims + len(rejected),
        usage=usage,
    )
