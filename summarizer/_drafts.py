"""What the model fills in, pass by pass: small schemas built for one article.

A small model chooses and labels among options the library prepared rather than copying text: numeric
candidates (`N1`...) and statements (`Q1`...) are fixed properties, so the
grammar makes it answer each one in order, and supporting sentences are enums of the article's sentence
numbers. The summary draft's validator runs the checks of `_grounding.py` when instructor passes them as
validation context; its message is what the model reads on a re-ask.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue, ValidationInfo, create_model, model_validator

from summarizer._grounding import Checks, check_summary
from summarizer.models import StanceLabel


class Draft(BaseModel):
    """Base of every model-facing schema: unknown keys are ignored, not fatal."""

    model_config = ConfigDict(extra="ignore")


class NumberLabel(Draft):
    counts: str
    quantity: bool


class StanceLabelDraft(Draft):
    target: str
    label: StanceLabel


class SupportedDraft(Draft):
    text: str
    support: list[int] = Field(min_length=1, max_length=3)


class SummaryDraft(Draft):
    summary: list[SupportedDraft] = Field(min_length=1, max_length=3)
    key_points: list[SupportedDraft] = Field(min_length=1, max_length=4)

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> SummaryDraft:
        context = info.context
        checks = context.get("checks") if isinstance(context, dict) else None
        if isinstance(checks, Checks):
            checks.raise_if_any(check_summary(checks, self))
        return self


def _fixed(name: str, ids: list[str], kind: Any) -> type[Draft]:
    fields: dict[str, Any] = {item_id: (kind, ...) for item_id in ids}
    return create_model(name, __base__=Draft, **fields)


def numbers_draft(ids: list[str]) -> type[Draft]:
    """One `NumberLabel` per numeric candidate."""
    return _fixed("NumberLabels", ids, NumberLabel)


def stances_draft(ids: list[str]) -> type[Draft]:
    """One stance label per statement."""
    return _fixed("StanceLabels", ids, StanceLabelDraft)


def summary_draft(sentence_count: int) -> type[SummaryDraft]:
    """The summary schema, supporting sentences limited to the article's sentence numbers."""
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
