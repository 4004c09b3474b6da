"""What the model fills in, pass by pass: small schemas built for one article.

A small model chooses and labels among options the library prepared rather than copying text: numeric
candidates (`N1`...) and statements (`Q1`...) are fixed properties, so the
grammar makes it answer each one in order, and supporting sentences are enums of the article's sentence
numbers. A summary draft's validator runs the checks of the article being summarized (`_grounding.Checks`, set
by `checking` around the model call, for that thread or task only); its message is what the model reads on a
re-ask. Outside `checking` a draft is read without them. (instructor's `context=` would also render the
messages as Jinja templates, so an article containing "{{" would break or be altered.)

Schemas are classes built once and cached (building one costs milliseconds), and so is each class's JSON
schema, which instructor asks for on every call.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, create_model, model_validator

from summarizer._grounding import Checks, check_summary
from summarizer.models import StanceLabel

_CHECKS: ContextVar[Checks | None] = ContextVar("summarizer_checks", default=None)


@contextmanager
def checking(checks: Checks | None) -> Iterator[None]:
    """Summary drafts validated in this block (this thread or task) must pass `checks`."""
    token = _CHECKS.set(checks)
    try:
        yield
    finally:
        _CHECKS.reset(token)


class Draft(BaseModel):
    """Base of every model-facing schema: unknown keys are ignored, not fatal."""

    model_config = ConfigDict(extra="ignore")

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The default JSON schema is built once per class (a fresh copy each time, so editing it changes
        nothing else); other options are built as pydantic does."""
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        return json.loads(_schema_json(cls))  # type: ignore[no-any-return]


@cache
def _schema_json(model: type[Draft]) -> str:
    return json.dumps(super(Draft, model).model_json_schema())


class NumberLabel(Draft):
    counts: str
    quantity: bool


class SupportedDraft(Draft):
    text: str
    support: list[int] = Field(min_length=1, max_length=3)


class SummaryDraft(Draft):
    summary: list[SupportedDraft] = Field(min_length=1, max_length=3)
    key_points: list[SupportedDraft] = Field(min_length=1, max_length=4)

    @model_validator(mode="after")
    def _grounded(self) -> SummaryDraft:
        checks = _CHECKS.get()
        if checks is not None:
            checks.raise_if_any(check_summary(checks, self))
        return self


@cache  # building a model costs ~4 ms; an article's candidate ids repeat across articles
def _fixed(name: str, ids: tuple[str, ...], kind: Any) -> type[Draft]:
    fields: dict[str, Any] = {item_id: (kind, ...) for item_id in ids}
    return create_model(name, __base__=Draft, **fields)


def numbers_draft(ids: list[str]) -> type[Draft]:
    """One `NumberLabel` per numeric candidate."""
    return _fixed("NumberLabels", tuple(ids), NumberLabel)


def stances_draft(ids: list[str]) -> type[Draft]:
    """The article's topic first, then one stance label towards it per statement: labelling towards one named
    topic is a choice a small model makes far better than inventing a target for each statement."""
    return _stances(tuple(ids))


@cache
def _stances(ids: tuple[str, ...]) -> type[Draft]:
    fields: dict[str, Any] = {"topic": (str, ...), **{item_id: (StanceLabel, ...) for item_id in ids}}
    return create_model("StanceLabels", __base__=Draft, **fields)


@cache  # parts are cached classes, so one combination is one class (and one cached JSON schema)
def combined_draft(parts: tuple[tuple[str, type[Draft]], ...]) -> type[Draft]:
    """One schema whose properties are `parts`, in order (the "single" strategy); each keeps its validation."""
    fields: dict[str, Any] = {name: (part, ...) for name, part in parts}
    return create_model("Answers", __base__=Draft, **fields)


@cache
def summary_draft(sentence_count: int) -> type[SummaryDraft]:
    """The summary schema of an article of `sentence_count` sentences: supporting sentences are their numbers."""
    numbers: list[JsonValue] = list(range(1, sentence_count + 1))
    supported = create_model(
        "Supported",
        __base__=SupportedDraft,
        support=(list[int], Field(min_length=1, max_length=3, json_schema_extra={"items": {"enum": numbers}})),
    )
    return create_model(
        "Summary",
        __base__=SummaryDraft,
        summary=(list[supported], Field(min_length=1, max_length=3)),  # type: ignore[valid-type]
        key_points=(list[supported], Field(min_length=1, max_length=4)),  # type: ignore[valid-type]
    )
