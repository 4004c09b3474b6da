"""Verification of every claim against the article, and assembly of what survives.

Each `check_*` returns the problems of a draft as messages written for the model (they are pasted into the
re-ask prompt); each `build_*` turns a draft into public objects, dropping what fails into `Rejected` with the
reason. The same checks serve both, so what the model is told and what the user gets cannot drift apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer._actors import Candidate
from summarizer._english import in_lower_case
from summarizer._figures import event_of
from summarizer._names import find_names
from summarizer._number_context import previous_word
from summarizer._numbers import NumberMention, find_numbers, is_amount
from summarizer._numerals import parse_number
from summarizer._parties import names_of, resolve_party
from summarizer._quotes import Statement
from summarizer._spans import find_mentions, find_span, is_grounded
from summarizer._support import supporting
from summarizer._titles import split_title
from summarizer.models import ClaimKind, Number, Party, Rejected, Span, Stance, StanceLabel, SupportedText

if TYPE_CHECKING:
    from pydantic import BaseModel

    from summarizer._drafts import SummaryDraft

# An office named by its holder's name and a role in lower case ("Thailand's foreign minister").
_OFFICE_OF = re.compile(r"(?P<holder>.+?)['\u2019]s (?P<role>[a-z][a-z -]*)")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,})[\"\u201d]")


@dataclass(frozen=True)
class Problem:
    kind: ClaimKind
    claim: str
    reason: str


@dataclass
class Checks:
    """What validators need: the article and what earlier passes established (the validation context)."""

    article: str
    sentences: list[Span]
    parties: list[Party] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    figures: set[float] | None = None  # values a text may cite (the article's quantities); None: `numbers`' values

    def raise_if_any(self, problems: list[Problem]) -> None:
        if problems:
            raise ValueError("; ".join(p.reason for p in problems))


def _text_problems(checks: Checks, kind: ClaimKind, text: str, support: list[int]) -> list[Problem]:
    problems = []
    grounded = checks.figures if checks.figures is not None else {n.value for n in checks.numbers}
    for mention in find_numbers(text):
        if mention.trap is None and mention.value not in grounded and not _in_a_name(checks.article, text, mention):
            problems.append(Problem(kind, text, f"the number {mention.span.text!r} in {text!r} is not one of the "
                                                "article's figures; use only figures the article gives"))
    for name in (span.text for span in find_names(text)):
        if _unresolved_name(checks, name):
            problems.append(Problem(kind, text, f"{name!r} in {text!r} is not named in the article; name only "
                                                "parties the article names"))
    for quote in _QUOTED.findall(text):
        if find_span(checks.article, quote) is None:
            problems.append(Problem(kind, text, f"the quote {quote!r} is not in the article; quote the article's "
                                                "exact words or paraphrase without quotation marks"))
    if any(not 1 <= s <= len(checks.sentences) for s in support):
        problems.append(Problem(kind, text, f"support {support} must be sentence numbers 1-{len(checks.sentences)}"))
    return problems


def _in_a_name(article: str, text: str, mention: NumberMention) -> bool:
    """Whether the number is part of a name the article gives, after the same word ("Future 45", a committee,
    named in a key point of its own, where nothing before it says that it is a name)."""
    return (previous_word(text, mention.span.start), mention.number_text) in _numbered_names(article)


@functools.lru_cache(maxsize=8)  # asked for each number of each summary sentence and key point
def _numbered_names(article: str) -> frozenset[tuple[str, str]]:
    """The article's numbers that are part of a name ("Boeing 767", "Future 45"), with the word before each."""
    return frozenset((previous_word(article, m.span.start), m.number_text) for m in find_numbers(article)
                     if m.trap == "model name")


def _unresolved_name(checks: Checks, name: str) -> bool:
    """A name that is neither a party nor in the article. One capitalised word that the article writes in lower
    case is a common word starting a sentence ("Fishing boats rescued..."), not a name; names joined by a hyphen
    are each resolved ("the Brazil-China trade deal"), and so are an office's holder and role ("Iraq's
    government spokesman", when the article names Iraq and a "government spokesman"), and a title before a party's
    name when the party is named with it ("President Obama" for "President Barack Obama")."""
    if " " not in name and in_lower_case(checks.article, name):
        return False
    if resolve_party(checks.parties, name) is not None or find_mentions(checks.article, name):
        return False
    office = _OFFICE_OF.fullmatch(name)
    if office is not None:  # "Iraq's government spokesman" for the article's "Iraqi government spokesman"
        return _unresolved_name(checks, office["holder"]) or office["role"] not in checks.article.lower()
    title, rest = split_title(name)
    if title is not None:  # "President Obama" for the article's "President Barack Obama"
        party = resolve_party(checks.parties, rest)
        return party is None or not set(title.lower().split()) <= {w.lower() for n in names_of(party) for w in n.split()}
    parts = name.split("-")
    return len(parts) == 1 or not all(part[:1].isupper() and not _unresolved_name(checks, part) for part in parts)


def check_summary(checks: Checks, draft: SummaryDraft) -> list[Problem]:
    """Every figure in the summary is a verified figure; every name is a party or in the article; some article
    sentence supports each sentence and point."""
    problems = []
    for kind, items in (("summary", draft.summary), ("key_point", draft.key_points)):
        for item in items:
            problems.extend(_summary_checked(checks, kind, item.text, item.support)[0])  # type: ignore[arg-type]
    return problems


def _summary_checked(checks: Checks, kind: ClaimKind, text: str, support: list[int]
                     ) -> tuple[list[Problem], list[int]]:
    """The problems of a summary sentence or key point, and the indices of the sentences that support it."""
    problems = _text_problems(checks, kind, text, support)
    found = [] if problems else supporting(text, [s - 1 for s in support], checks.sentences)
    if not problems and not found:
        problems.append(Problem(kind, text, f"no sentence of the article states {text!r}; write what the article "
                                            "says and give the numbers of the sentences that say it"))
    return problems, found


def _rejected(problems: Iterable[Problem]) -> list[Rejected]:
    return [Rejected(kind=p.kind, claim=p.claim, reason=p.reason) for p in problems]


def party_of(checks: Checks, candidate: Candidate | None) -> str | None:
    """The party name of a speaker candidate, if it was kept as a party."""
    if candidate is None:
        return None
    party = resolve_party(checks.parties, candidate.name)
    return party.name if party else None


def build_numbers(checks: Checks, mentions: list[NumberMention], labels: BaseModel, claimants: list[str | None]
                  ) -> tuple[list[Number], list[Rejected]]:
    """Numbers the model labelled as quantities, and every share and sum of money (the library knows those are
    amounts; the model may not); value, qualifier, unit and span come from the article."""
    numbers: list[Number] = []
    problems: list[Problem] = []
    for mention, (_, label), claimant in zip(mentions, labels, claimants, strict=True):
        if not label.quantity and not is_amount(mention):
            continue
        if parse_number(mention.number_text) != mention.value or not is_grounded(checks.article, mention.span):
            problems.append(Problem("number", mention.span.text,
                                    f"value {mention.value:g} does not match the article's words"))
            continue
        counts = " ".join(label.counts.split())
        if (not counts or find_numbers(counts) or counts.lower() in (mention.span.text.lower(), mention.unit)
                or not any(char.isalpha() for char in counts)):
            counts = ""  # the model echoed the figure, its unit or its currency sign instead of saying what it counts
        elif _text_problems(checks, "number", counts, []):
            problems.append(Problem("number", counts, f"what {mention.span.text!r} counts, {counts!r}, names or "
                                                      "quotes what the article does not; kept the unit instead"))
            counts = ""
        counts = counts or " ".join(filter(None, [mention.unit, event_of(checks.article, mention.span)]))
        numbers.append(Number(value=mention.value, unit=mention.unit, counts=counts, qualifier=mention.qualifier,
                              claimed_by=claimant, evidence=mention.span))
    return numbers, _rejected(problems)


def build_stances(checks: Checks, statements: list[Statement], labels: BaseModel
                  ) -> tuple[list[Stance], list[Rejected]]:
    """Stances of statements whose speaker is a party, towards the article's topic; the evidence is the
    statement itself. A topic naming what the article does not is rejected, and its stances with it."""
    target = " ".join(str(getattr(labels, "topic", "")).split())
    problems = _text_problems(checks, "stance", target, []) if target else [
        Problem("stance", "topic", "no topic was given for the stances")]
    if problems:
        return [], _rejected(problems)
    labelled = ((item_id, label) for item_id, label in labels if item_id != "topic")
    return [_stance(statement, label, target) for statement, (_, label) in zip(statements, labelled, strict=True)], []


def build_verb_stances(statements: list[Statement]) -> list[Stance]:
    """Stances whose verb says which way, towards its object ("maintained a policy of X": supports X); no model."""
    return [_stance(s, s.label, s.target) for s in statements if s.label is not None]


def _stance(statement: Statement, label: StanceLabel, target: str) -> Stance:
    verb = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}[label]
    return Stance(party=statement.speaker, target=target, label=label, position=f"{statement.speaker} {verb} {target}.",
                  evidence=statement.evidence)


def _requote(article: str, text: str) -> str:
    """Quotations repaired to the article's own characters (a misquote that `find_span` aligned)."""
    def exact(match: re.Match[str]) -> str:
        found = find_span(article, match.group(1))
        return match.group(0).replace(match.group(1), found[0].text) if found else match.group(0)
    return _QUOTED.sub(exact, text)


# Initials the model spaced out ("U. S." for the article's "U.S."), and a dateline it copied at the start of a
# sentence ("WASHINGTON (Reuters) - ", "Dec 29 (Reuters) - "): the sentence reads as the article's words.
_SPACED_INITIALS = re.compile(r"\b(?:[A-Z]\.[ ]+)+[A-Z]\.")
_DATELINE_LEAD = re.compile(r"^[A-Z][\w.,' ]{0,40}?\((?:[A-Z]{2,}|Reuters|Bloomberg)\)[ ]*(?:--|-|\u2014|\u2013)[ ]*"
                            r"(?=[A-Z])")


def _as_written(article: str, text: str) -> str:
    """A summary sentence with the article's own spelling of initials, without a copied dateline; quotations
    repaired to the article's characters (`_requote`)."""
    text = _SPACED_INITIALS.sub(lambda m: joined if (joined := m.group(0).replace(" ", "")) in article
                                and m.group(0) not in article else m.group(0), text)
    lead = _DATELINE_LEAD.match(text)
    if lead is not None and lead.group(0).strip() in article:
        text = text[lead.end():]
    return _requote(article, text)


def build_summary(checks: Checks, draft: SummaryDraft
                  ) -> tuple[list[SupportedText], list[SupportedText], list[Rejected]]:
    """Summary sentences and key points that pass the checks, with the sentences that support them: the model's
    citations, checked against their words (`_support`)."""
    rejected: list[Rejected] = []
    built: dict[str, list[SupportedText]] = {"summary": [], "key_point": []}
    for kind, items in (("summary", draft.summary), ("key_point", draft.key_points)):
        for item in items:
            problems, found = _summary_checked(checks, kind, item.text, item.support)  # type: ignore[arg-type]
            if problems:
                rejected.extend(_rejected(problems))
                continue
            support = [checks.sentences[i] for i in found]
            built[kind].append(SupportedText(text=_as_written(checks.article, item.text.strip()), support=support))
    return built["summary"], built["key_point"], rejected
