"""instructor's async-validator check, remembered per class that passed (`summarizer._instructor_checks`)."""

from __future__ import annotations

from typing import Any

import pytest
from instructor.v2.core import patch
from instructor.v2.validation import async_validators
from pydantic import BaseModel

from summarizer import Summarizer
from summarizer._instructor_checks import _remembering, remember_passed_checks
from tests.openai_stub import StubServer


class Plain(BaseModel):
    text: str


class WithAsyncValidator(BaseModel):
    text: str

    @async_validators.async_field_validator("text")
    async def _check(self, value: str) -> str:
        return value


def test_a_class_that_passed_is_not_walked_again_and_an_async_validator_is_still_rejected() -> None:
    walked: list[Any] = []
    original = _original()

    def check(model: Any) -> None:
        walked.append(model)
        original(model)

    remembering = _remembering(check)
    remembering(Plain)
    remembering(Plain)
    assert walked == [Plain]
    for _ in range(2):
        with pytest.raises(ValueError, match="async validators are not supported"):
            remembering(WithAsyncValidator)
    assert walked == [Plain, WithAsyncValidator, WithAsyncValidator]  # a rejection is never remembered


def _original() -> Any:
    """instructor's own check, whether or not a backend has wrapped it already."""
    check = async_validators.reject_async_validators
    return getattr(check, "__wrapped__", check)


def test_instructor_calls_go_through_the_remembered_check() -> None:
    """After a backend is built, every place instructor calls the check from uses the remembering one, and a
    summary still comes back (the check is the same check)."""
    remember_passed_checks()
    remember_passed_checks()  # idempotent: not wrapped twice
    for function in (async_validators.reject_async_validators, patch.reject_async_validators):
        assert getattr(function, "remembers_passed", False)
        assert not getattr(function.__wrapped__, "remembers_passed", False)  # type: ignore[attr-defined]
    with StubServer() as stub, Summarizer(base_url=stub.base_url, model="stub", api_key="test") as summarizer:
        assert summarizer.summarize("Officials said 16 people were killed. The talks will resume.").numbers
