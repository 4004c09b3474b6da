"""Parties: one entry per real party, whatever names the article and the model use for it.

Names are compared normalised (case, punctuation and a leading "the" ignored), the rule the evaluation uses
too. Parties that share a name or alias are merged; a claimant or speaker resolves to the party whose name or
alias matches it exactly, else to the one whose name contains it as whole words ("Al-Awadi" -> "Bassem Al-Awadi").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from summarizer._spans import find_mentions
from summarizer.models import Party, PartyKind, Span

_PUNCT = re.compile(r"[^\w\s]")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "us", "his", "its", "their"}


class _PartyLike(Protocol):
    name: str
    kind: PartyKind
    aliases: list[str]


@lru_cache(maxsize=4096)  # resolving a name compares it with every name of every party
def normalize_name(name: str) -> str:
    """Lower case, punctuation removed, a leading "the" dropped, spaces collapsed."""
    words = _PUNCT.sub(" ", name.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def names_of(party: _PartyLike) -> list[str]:
    return [party.name, *party.aliases]


def merge_parties(article: str, drafts: Iterable[_PartyLike]) -> list[Party]:
    """Merge drafts sharing a normalised name or alias; keep names the article contains; add mentions."""
    groups: list[list[_PartyLike]] = []
    keys: list[set[str]] = []
    for draft in drafts:
        draft_keys = {normalize_name(n) for n in names_of(draft)} - {""}
        for index, group_keys in enumerate(keys):
            if group_keys & draft_keys:
                groups[index].append(draft)
                group_keys |= draft_keys
                break
        else:
            groups.append([draft])
            keys.append(draft_keys)
    return [_merged(article, group) for group in groups]


def _merged(article: str, group: list[_PartyLike]) -> Party:
    head = group[0]
    aliases: list[str] = []
    seen = {normalize_name(head.name)}
    for name in (n for draft in group for n in names_of(draft)):
        key = normalize_name(name)
        if key in seen or key in _PRONOUNS or not find_mentions(article, name.strip()):
            continue
        seen.add(key)
        aliases.append(name.strip())
    mentions = sorted({m for n in [head.name, *aliases] for m in find_mentions(article, n)},
                      key=lambda span: (span.start, -span.end))
    return Party(name=head.name.strip(), kind=head.kind, aliases=aliases, mentions=_outermost(mentions))


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop mentions nested inside a longer one ("Iraq" inside "Iraqi government" is not counted twice)."""
    kept: list[Span] = []
    end = -1
    for span in spans:
        if span.start >= end:
            kept.append(span)
            end = span.end
    return kept


def resolve_party(parties: list[Party], name: str | None) -> Party | None:
    """The party a claimant or speaker name refers to, or None."""
    if not name:
        return None
    key = normalize_name(name)
    if not key:
        return None
    for party in parties:
        if any(normalize_name(n) == key for n in names_of(party)):
            return party
    pattern = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")
    for party in parties:
        if any(pattern.search(normalize_name(n)) for n in names_of(party)):
            return party
    return None
