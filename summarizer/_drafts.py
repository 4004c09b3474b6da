"""What the model fills in, pass by pass: small schemas built for one article.

A small model chooses and labels among options the library prepared rather than copying text: numeric
candidates (`N1`...) and statements (`Q1`...) are fixed properties, so the
grammar makes it answer each one in order, and supporting sentences are enums of the article's sentence
numbers. The summary draft for an article carries that article's checks (`_grounding.Checks`) on its class:
its validator runs them, and its message is what the model reads on a re-ask. (instructor's `context=` would
also render the messages as Jinja templates, so an article containing "{{" would break or be altered.)
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, JsonValue, create_model, model_validator

from summarizer._grounding import Checks, check_summary
from summarizer.models import StanceLabel


class Draft(BaseModel):
    """Base of every model-facing schema: unknown keys are ignored, not fatal."""

    model_config = ConfigDict(extra="ignore")

    @classmethod
    def unchecked(cls) -> type[Draft]:
        """The same schema without grounding checks, to read an answer that failed them."""
        return cls


class NumberLabel(Draft):
    counts: str
    quantity: bool


class SupportedDraft(Draft):
    text: str
    support: list[int] = Field(min_length=1, max_length=3)


class SummaryDraft(Draft):
    summary: list[SupportedDraft] = Field(min_length=1, max_length=3)
    key_points: list[SupportedDraft] = Field(min_length=1, max_length=4)

    checks: ClassVar[Checks | None] = None

    @classmethod
    def unchecked(cls) -> type[Draft]:
        return _summary_model(len(cls.checks.sentences)) if cls.checks is not None else cls

    @model_validator(mode="after")
    def _grounded(self) -> SummaryDraft:
        if self.checks is not None:
            self.checks.raise_if_any(check_summary(self.checks, self))
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


class CombinedDraft(Draft):
    """Several drafts answered in one request, one property each (the "single" strategy)."""

    parts: ClassVar[dict[str, type[Draft]]] = {}

    @classmethod
    def unchecked(cls) -> type[Draft]:
        return combined_draft({name: part.unchecked() for name, part in cls.parts.items()})


def combined_draft(parts: dict[str, type[Draft]]) -> type[CombinedDraft]:
    """One schema whose properties are `parts`, in order; each keeps its own validation."""
    fields: dict[str, Any] = {name: (part, ...) for name, part in parts.items()}
    model = create_model("Answers", __base__=CombinedDraft, **fields)
    return type("Answers", (model,), {"parts": parts})


def summary_draft(checks: Checks) -> type[SummaryDraft]:
    """The summary schema of one article: supporting sentences limited to its sentence numbers, its checks run
    on validation."""
    model = _summary_model(len(checks.sentences))
    return type("Summary", (model,), {"checks": checks})


@cache
def _summary_model(sentence_count: int) -> type[SummaryDraft]:
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
