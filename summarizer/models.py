"""Public result types: what `Summarizer.summarize` returns.

Every claim that comes from the article carries a `Span` whose `start`/`end` are half-open character offsets
into the original article text, and `article[span.start:span.end] == span.text` always holds: the library,
not the model, computes and checks them (see `_spans.py`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["exact", "approximately", "more_than", "less_than", "at_least", "up_to"]
PartyKind = Literal["person", "country", "government", "organization", "group", "source", "other"]
StanceLabel = Literal["support", "oppose", "neutral"]
ClaimKind = Literal["party", "number", "stance", "summary", "key_point"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A piece of the article: `article[start:end] == text`, offsets in characters, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Party(_Frozen):
    """A person, body, country or source that acts or speaks in the article; one real party appears once."""

    name: str
    kind: PartyKind
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list, description="Where the name or an alias occurs.")


class Number(_Frozen):
    """A quantity the article reports, with the exact words that state it."""

    value: float
    unit: str
    counts: str = Field(description="What the number counts, e.g. 'people killed in the strikes'.")
    qualifier: Qualifier = "exact"
    claimed_by: str | None = Field(default=None, description="Name of the party that gives the figure.")
    evidence: Span


class Stance(_Frozen):
    """A party's position towards something, backed by the words in the article that express it."""

    party: str
    target: str
    label: StanceLabel
    position: str = Field(description="One-sentence paraphrase of the position.")
    evidence: Span


class Figure(_Frozen):
    """Claims that count the same thing; `disputed` when their values or claimants differ."""

    counts: str
    unit: str
    claims: list[Number]
    disputed: bool


class SupportedText(_Frozen):
    """A sentence the model wrote, with the article sentences that support it."""

    text: str
    support: list[Span]


class Rejected(_Frozen):
    """A claim the model made that failed verification: reported, never returned as fact."""

    kind: ClaimKind
    claim: str
    reason: str


class Usage(_Frozen):
    """Tokens spent on one result, over every model call (re-asks included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            calls=self.calls + other.calls,
        )


class ArticleSummary(_Frozen):
    """The grounded record of one article."""

    summary: str
    summary_sentences: list[SupportedText] = Field(default_factory=list)
    key_points: list[SupportedText] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    rejected: list[Rejected] = Field(default_factory=list)
    checked: int = Field(default=0, description="How many claims were verified against the article.")
    model: str = ""
    usage: Usage = Field(default_factory=Usage)

    def to_markdown(self) -> str:
        """Render as Markdown (see `summarizer._render`)."""
        from summarizer._render import render_markdown

        return render_markdown(self)

    def to_html(self, article: str, *, title: str | None = None) -> str:
        """Render a self-contained HTML evidence view of `article` with every grounded span highlighted."""
        from summarizer._render import render_html

        return render_html(self, article, title=title)
