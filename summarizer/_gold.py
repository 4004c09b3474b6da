"""The gold annotations `summarizer eval` scores against: one `NAME.gold.json` per article.

Format: `shared/eval/README.md`. A list that is absent from a file is `None` (not scored); present but empty
means "none expected". Texts and quotes are exact substrings of the article.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import InputError
from summarizer.models import Qualifier, StanceLabel


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldParty(_Frozen):
    """A gold party; `kind` is free text because gold uses kinds ("media", "military") the model does not."""

    name: str
    kind: str = "other"
    aliases: list[str] = Field(default_factory=list)


class GoldNumber(_Frozen):
    """A gold number; `text` is an exact substring of the article."""

    text: str
    value: float
    unit: str = ""
    qualifier: Qualifier = "exact"
    counts: str = ""
    claimed_by: str | None = None


class GoldStance(_Frozen):
    """A gold stance; `quote` is an exact substring of the article, or null when only the label is scored."""

    party: str
    target: str = ""
    label: StanceLabel
    position: str = ""
    quote: str | None = None


class Gold(_Frozen):
    """One article's gold; a list that is `None` was absent from the file and is not scored."""

    source: str = ""
    parties: list[GoldParty] | None = None
    numbers: list[GoldNumber] | None = None
    not_numbers: list[str] | None = None
    stances: list[GoldStance] | None = None
    summary: str = ""
    notes: str = ""


def load_gold(path: Path) -> Gold:
    """Read a `NAME.gold.json` file; raise `InputError` naming the file when it cannot be read or is malformed."""
    try:
        return Gold.model_validate_json(Path(path).read_bytes())
    except (OSError, ValidationError) as exc:
        message = f"cannot load gold file {path}: {exc}; fix it (format: shared/eval/README.md)"
        raise InputError(message, item=str(path)) from exc
